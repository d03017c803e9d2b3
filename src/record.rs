//! The output contract: [`EventRecord`] and every type nested in it.
//!
//! The JSON form (through `serde`) is fixed by the project's contract: field
//! names, enum strings and id schemes do not change. Fields may be added.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

/// A `[start, end)` range of UTF-8 byte offsets into the extractor's input.
///
/// Serialized as a two-element array `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of bytes covered.
    #[inline]
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies inside this span.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers in `text` (the extractor's input), or
    /// `None` when the span is out of bounds or not on character
    /// boundaries (for example after [`EventRecord::to_char_offsets`]).
    ///
    /// ```
    /// use dipnews::Span;
    /// let text = "Встреча в Душанбе";
    /// assert_eq!(Span::new(18, 32).slice(text), Some("Душанбе"));
    /// assert_eq!(&text[Span::new(18, 32).range()], "Душанбе");
    /// assert_eq!(Span::new(0, 1).slice(text), None); // inside «В»
    /// ```
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.range())
    }

    /// The span as a `start..end` range, for indexing.
    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        if end < start {
            return Err(serde::de::Error::custom("span end before start"));
        }
        Ok(Span { start, end })
    }
}

/// A calendar date that may be partial: `2020-10-06`, `2020-10`, `2021`, or
/// `--10-06` (day and month of an unknown year).
///
/// Serialized as that ISO 8601 string. Every value is a real day of the
/// Gregorian calendar: the constructors and [`FromStr`] reject 29 February
/// of a common year, 31 April or month 13 (`--02-29` is accepted: the
/// year may be a leap one).
///
/// ```
/// use dipnews::PartialDate;
/// # fn main() -> Result<(), dipnews::DateError> {
/// let d = PartialDate::from_ymd(2024, 2, 29)?;
/// assert_eq!(d.to_string(), "2024-02-29");
/// assert_eq!((d.year(), d.month(), d.day()), (Some(2024), Some(2), Some(29)));
/// assert!(PartialDate::from_ymd(2023, 2, 29).is_err());
/// assert!("2024-04-31".parse::<PartialDate>().is_err());
/// assert_eq!("--10-06".parse::<PartialDate>()?, PartialDate::from_md(10, 6)?);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    // Crate-visible so the date rules build values they computed from the
    // calendar; users go through the checked constructors.
    pub(crate) year: Option<i32>,
    pub(crate) month: Option<u8>,
    pub(crate) day: Option<u8>,
}

/// Days in `month` (1–12) of `year`; an unknown year may be a leap one.
fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 => {
            let leap = year.is_none_or(|y| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
            if leap {
                29
            } else {
                28
            }
        }
        _ => 31,
    }
}

impl PartialDate {
    /// Checks the parts and builds the date: the one home of the calendar
    /// rules for public construction.
    fn checked(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Result<PartialDate, DateError> {
        let d = PartialDate { year, month, day };
        if year.is_some_and(|y| !(0..=9999).contains(&y)) {
            return Err(DateError::new(d, "year outside 0000–9999"));
        }
        if month.is_some_and(|m| !(1..=12).contains(&m)) {
            return Err(DateError::new(d, "month outside 1–12"));
        }
        match (month, day) {
            (Some(m), Some(dd)) if dd == 0 || dd > days_in_month(year, m) => {
                Err(DateError::new(d, "no such day in that month"))
            }
            (None, Some(_)) => Err(DateError::new(d, "a day needs a month")),
            _ => Ok(d),
        }
    }

    /// A full date.
    ///
    /// # Errors
    ///
    /// [`DateError`] when the day does not exist (2023-02-29, 2024-04-31,
    /// month 13) or the year is outside 0–9999.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Result<PartialDate, DateError> {
        PartialDate::checked(Some(year), Some(month), Some(day))
    }

    /// A day and month of an unknown year (`--MM-DD`).
    ///
    /// # Errors
    ///
    /// [`DateError`] when no year has that day (`--04-31`, `--02-30`).
    pub fn from_md(month: u8, day: u8) -> Result<PartialDate, DateError> {
        PartialDate::checked(None, Some(month), Some(day))
    }

    /// A month of a year.
    ///
    /// # Errors
    ///
    /// [`DateError`] when the month is outside 1–12 or the year outside
    /// 0–9999.
    pub fn from_ym(year: i32, month: u8) -> Result<PartialDate, DateError> {
        PartialDate::checked(Some(year), Some(month), None)
    }

    /// A year alone.
    ///
    /// # Errors
    ///
    /// [`DateError`] when the year is outside 0–9999 (ISO 8601's four
    /// digits).
    pub fn from_y(year: i32) -> Result<PartialDate, DateError> {
        PartialDate::checked(Some(year), None, None)
    }

    /// The year, when known.
    pub const fn year(&self) -> Option<i32> {
        self.year
    }

    /// The month (1–12), when known.
    pub const fn month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, when known (always with a month).
    pub const fn day(&self) -> Option<u8> {
        self.day
    }

    /// Parses a full day, `YYYY-MM-DD` (a reference date, for example).
    ///
    /// ```
    /// use dipnews::PartialDate;
    /// assert!(PartialDate::parse_day("2024-02-29").is_ok());
    /// assert!(PartialDate::parse_day("2023-02-29").is_err());
    /// assert!(PartialDate::parse_day("2024-02").is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// [`DateError`] for anything but a real, full day.
    pub fn parse_day(s: &str) -> Result<PartialDate, DateError> {
        let d: PartialDate = s.parse()?;
        if d.is_full() {
            Ok(d)
        } else {
            Err(DateError { input: s.to_string(), reason: "a full day YYYY-MM-DD is needed" })
        }
    }

    /// Whether year, month and day are all known.
    pub const fn is_full(&self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }

    // Unchecked constructors for the date rules, which compute their
    // values from the calendar.
    pub(crate) const fn ymd(year: i32, month: u8, day: u8) -> PartialDate {
        PartialDate { year: Some(year), month: Some(month), day: Some(day) }
    }
    pub(crate) const fn md(month: u8, day: u8) -> PartialDate {
        PartialDate { year: None, month: Some(month), day: Some(day) }
    }
    pub(crate) const fn ym(year: i32, month: u8) -> PartialDate {
        PartialDate { year: Some(year), month: Some(month), day: None }
    }
    pub(crate) const fn y(year: i32) -> PartialDate {
        PartialDate { year: Some(year), month: None, day: None }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => write!(f, "{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => write!(f, "{y:04}-{m:02}"),
            (Some(y), None, _) => write!(f, "{y:04}"),
            (None, Some(m), Some(d)) => write!(f, "--{m:02}-{d:02}"),
            (None, Some(m), None) => write!(f, "--{m:02}"),
            (None, None, _) => f.write_str(""),
        }
    }
}

/// A date that is not a real (partial) ISO date: a string that does not
/// parse, or a day that does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    input: String,
    reason: &'static str,
}

/// The former name of [`DateError`].
pub type ParseDateError = DateError;

impl DateError {
    fn new(d: PartialDate, reason: &'static str) -> DateError {
        let (y, m, dd) = (d.year, d.month, d.day);
        let show = |v: Option<String>| v.unwrap_or_else(|| "?".into());
        let input = format!(
            "{}-{}-{}",
            show(y.map(|y| y.to_string())),
            show(m.map(|m| m.to_string())),
            show(dd.map(|d| d.to_string()))
        );
        DateError { input, reason }
    }

    /// What was wrong.
    pub fn reason(&self) -> &str {
        self.reason
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a valid date (YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD): {:?}: {}", self.input, self.reason)
    }
}

impl std::error::Error for DateError {}

impl FromStr for PartialDate {
    type Err = DateError;

    /// Parses `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `--MM-DD`, rejecting days
    /// that do not exist.
    fn from_str(s: &str) -> Result<PartialDate, DateError> {
        let err = |reason| DateError { input: s.to_string(), reason };
        let num = |p: &str, n: usize| -> Result<u32, DateError> {
            if p.len() == n && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| err("not a number"))
            } else {
                Err(err("wrong number of digits"))
            }
        };
        // Two-digit parts fit u8, four-digit ones i32.
        let (y, m, d) = if let Some(rest) = s.strip_prefix("--") {
            let (m, d) = rest.split_once('-').ok_or_else(|| err("expected --MM-DD"))?;
            (None, Some(num(m, 2)? as u8), Some(num(d, 2)? as u8))
        } else {
            let parts: Vec<&str> = s.split('-').collect();
            match parts.as_slice() {
                [y] => (Some(num(y, 4)? as i32), None, None),
                [y, m] => (Some(num(y, 4)? as i32), Some(num(m, 2)? as u8), None),
                [y, m, d] => (Some(num(y, 4)? as i32), Some(num(m, 2)? as u8), Some(num(d, 2)? as u8)),
                _ => return Err(err("expected YYYY-MM-DD")),
            }
        };
        PartialDate::checked(y, m, d).map_err(|e| err(e.reason))
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PartialDate, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The kind of a diplomatic event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum EventKind {
    /// встреча, беседа, приём
    Meeting,
    /// переговоры
    Talks,
    /// консультации, межмидовские консультации
    Consultations,
    /// визит, поездка
    Visit,
    /// телефонный разговор
    PhoneCall,
    /// заседание, совещание, сессия
    Session,
    /// саммит, встреча на высшем уровне
    Summit,
    /// конференция, форум, круглый стол, семинар
    Conference,
    /// подписание соглашения, меморандума
    Signing,
    /// вручение верительных грамот или их копий
    Credentials,
    /// заявление, совместное заявление, обмен посланиями
    Statement,
    /// No diplomatic event is reported.
    #[default]
    Other,
}

/// Whether an event has taken place or is announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Status {
    /// Took place, or is taking place on the day of the report.
    #[default]
    Held,
    /// Announced: состоится, пройдёт, планируется.
    Planned,
}

/// How the participants met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Format {
    /// In one place.
    InPerson,
    /// By video link, online.
    Videoconference,
    /// By telephone.
    Phone,
    /// Some in person, some online.
    Hybrid,
    /// Nothing says how.
    #[default]
    Unknown,
}

/// What a state or organization did in the main event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Role {
    /// Took part, hosted, co-organized or supported; addressee of a message.
    Participant,
    /// Anything else: a topic, an accreditation, a past event.
    #[default]
    Mentioned,
}

/// How an entity is named in a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MentionForm {
    /// A name or abbreviation: Армения, Республика Армения, РФ.
    Name,
    /// An adjective: армянская сторона, российско-таджикские.
    Adjective,
    /// A body of an organization: Исполнительный комитет СНГ.
    Body,
    /// A state's head of state or government or its foreign minister,
    /// named without the state: «Путин», «Си Цзиньпином», «С.В.Лавров».
    Official,
}

/// The contract's string for each variant: one list per enum gives
/// `as_str`, `Display`, `FromStr` and the serde form, so they cannot drift.
macro_rules! contract_strings {
    ($ty:ident { $($var:ident => $s:literal),+ $(,)? }) => {
        impl $ty {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$var),+];

            /// The contract's string (`"phone_call"`, `"in_person"`, …).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($ty::$var => $s),+
                }
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $ty {
            type Err = ParseEnumError;

            fn from_str(s: &str) -> Result<$ty, ParseEnumError> {
                match s {
                    $($s => Ok($ty::$var),)+
                    _ => Err(ParseEnumError { what: stringify!($ty), input: s.to_string() }),
                }
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A string that is none of an enum's contract strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseEnumError {
    what: &'static str,
    input: String,
}

impl fmt::Display for ParseEnumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a {}: {:?}", self.what, self.input)
    }
}

impl std::error::Error for ParseEnumError {}

contract_strings!(EventKind {
    Meeting => "meeting", Talks => "talks", Consultations => "consultations", Visit => "visit",
    PhoneCall => "phone_call", Session => "session", Summit => "summit", Conference => "conference",
    Signing => "signing", Credentials => "credentials", Statement => "statement", Other => "other",
});
contract_strings!(Status { Held => "held", Planned => "planned" });
contract_strings!(Format {
    InPerson => "in_person", Videoconference => "videoconference", Phone => "phone", Hybrid => "hybrid",
    Unknown => "unknown",
});
contract_strings!(Role { Participant => "participant", Mentioned => "mentioned" });
contract_strings!(MentionForm { Name => "name", Adjective => "adjective", Body => "body", Official => "official" });

/// One place in the text that names an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Mention {
    /// Byte span in the input.
    pub span: Span,
    /// Exactly the input's bytes at `span`.
    pub text: String,
    /// Name, adjective or body.
    pub form: MentionForm,
}

/// A sovereign state in the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StateRef {
    /// ISO 3166-1 alpha-2 code (`XK`, `SU`, `YU` included).
    pub iso2: String,
    /// Wikidata id.
    pub wikidata: String,
    /// Nominative short Russian name.
    pub name: String,
    /// Role in the main event.
    pub role: Role,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// An intergovernmental organization (or one of its bodies) in the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrgRef {
    /// Id from the organizations table (`UN`, `CIS`, `IsDB`, …).
    pub id: String,
    /// Wikidata id, when one is known.
    pub wikidata: Option<String>,
    /// Russian name.
    pub name: String,
    /// Role in the main event.
    pub role: Role,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

/// A city or country used as a place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Place {
    /// Nominative Russian name.
    pub name: String,
    /// Wikidata id, when one is known.
    pub wikidata: Option<String>,
    /// ISO 3166-1 alpha-2 code of its country.
    pub country: String,
}

/// A news agency as named in a dateline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AgencyRef {
    /// Id from the agencies table (`TASS`, `KHOVAR`, …).
    pub id: String,
    /// The name as written in the dateline.
    pub name: String,
}

/// The agency dateline: «ДУШАНБЕ, 07.10.2020 /НИАТ «Ховар»/.»
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Dateline {
    /// The dateline's city; null when its place is not a city (e.g. «ООН»).
    pub city: Option<Place>,
    /// The date the dateline carries (often `--MM-DD`: agencies omit the year).
    pub date: Option<PartialDate>,
    /// The agency, when one is named.
    pub agency: Option<AgencyRef>,
    /// Where the dateline stands in the input.
    pub span: Span,
}

/// A date or date range with the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EventDate {
    /// First day.
    pub start: PartialDate,
    /// Last day (equal to `start` for a single day).
    pub end: PartialDate,
    /// The expression it was read from.
    pub text: String,
    /// Where that expression stands in the input.
    pub span: Span,
}

/// An event announced or reported after the main one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FollowUp {
    /// Its kind.
    pub kind: EventKind,
    /// Planned, or held after the main event.
    pub status: Status,
    /// Its date, when the text gives one.
    pub date: Option<EventDate>,
    /// Its format.
    pub format: Format,
    /// Its venue, when the text gives one.
    pub location: Option<Place>,
    /// ISO codes of the states taking part.
    pub states: Vec<String>,
    /// Ids of the organizations taking part.
    pub organizations: Vec<String>,
    /// The sentence it was read from.
    #[serde(default)]
    pub span: Span,
}

/// Where in the input each filled field of the main event was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[non_exhaustive]
pub struct Evidence {
    /// The trigger word that gave the kind.
    pub kind: Option<Span>,
    /// The word that gave the status.
    pub status: Option<Span>,
    /// The phrase that gave the format.
    pub format: Option<Span>,
    /// The phrase that gave the location.
    pub location: Option<Span>,
    /// The quoted title.
    pub title: Option<Span>,
}

/// What a record's spans count: UTF-8 bytes (the default, for slicing in
/// Rust) or Unicode code points (for Python, JavaScript and other
/// consumers that index strings by character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Offsets {
    /// UTF-8 byte offsets into the input: `&text[span.range()]`.
    #[default]
    Bytes,
    /// Unicode code point (Rust `char`) offsets.
    Chars,
}

impl Offsets {
    fn is_bytes(&self) -> bool {
        *self == Offsets::Bytes
    }
}

contract_strings!(Offsets { Bytes => "bytes", Chars => "chars" });

/// Everything dipnews reads from one article.
///
/// Serialized as the project's JSON contract: field names and enum strings
/// are fixed, fields may be added (hence `#[non_exhaustive]`).
///
/// ```
/// use dipnews::{Extractor, Role};
/// let text = "Министр иностранных дел России провел переговоры с главой МИД Армении.";
/// let record = Extractor::new().extract(text);
/// assert_eq!(record.kind.as_str(), "talks");
/// let am = record.states.iter().find(|s| s.iso2 == "AM").unwrap();
/// assert_eq!(am.role, Role::Participant);
/// // Spans are byte offsets into the input:
/// assert_eq!(am.mentions[0].span.slice(text), Some("Армении"));
/// let json = serde_json::to_string(&record).unwrap();
/// assert!(json.contains(r#""kind":"talks""#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[non_exhaustive]
pub struct EventRecord {
    /// Set by the caller (the example binary uses the path); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The title line, when the text starts with one.
    pub headline: Option<String>,
    /// The agency dateline, when there is one.
    pub dateline: Option<Dateline>,
    /// The main event's kind.
    pub kind: EventKind,
    /// Held or planned.
    pub status: Status,
    /// The main event's date.
    pub date: Option<EventDate>,
    /// The main event's format.
    pub format: Format,
    /// The main event's venue.
    pub location: Option<Place>,
    /// The event's own quoted title or topic.
    pub title: Option<String>,
    /// Every state named in headline or body, in order of first mention.
    pub states: Vec<StateRef>,
    /// Every organization named in headline or body, in order of first mention.
    pub organizations: Vec<OrgRef>,
    /// Events after the main one.
    pub follow_ups: Vec<FollowUp>,
    /// Spans of the text each main-event field was read from.
    #[serde(default)]
    pub evidence: Evidence,
    /// What the spans count; only serialized (`"offsets": "chars"`) after
    /// [`to_char_offsets`](Self::to_char_offsets).
    #[serde(default, skip_serializing_if = "Offsets::is_bytes")]
    pub offsets: Offsets,
}

impl EventRecord {
    /// Every span of the record: the dateline's, the dates', the mentions',
    /// the follow-ups' and the evidence. One list for every conversion
    /// (character offsets, the cleaning view's map back to the input).
    pub(crate) fn spans_mut(&mut self) -> Vec<&mut Span> {
        let mut spans: Vec<&mut Span> = Vec::new();
        spans.extend(self.dateline.as_mut().map(|d| &mut d.span));
        spans.extend(self.date.as_mut().map(|d| &mut d.span));
        let mentions = self.states.iter_mut().flat_map(|s| &mut s.mentions);
        spans.extend(mentions.chain(self.organizations.iter_mut().flat_map(|o| &mut o.mentions)).map(|m| &mut m.span));
        for f in &mut self.follow_ups {
            spans.push(&mut f.span);
            spans.extend(f.date.as_mut().map(|d| &mut d.span));
        }
        let e = &mut self.evidence;
        spans.extend([&mut e.kind, &mut e.status, &mut e.format, &mut e.location, &mut e.title].into_iter().flatten());
        spans
    }

    /// Converts every span of the record (dateline, dates, mentions,
    /// follow-ups, evidence) from UTF-8 byte offsets to Unicode code point
    /// offsets into `text`, which must be the input the record was
    /// extracted from, and sets [`offsets`](Self::offsets) to
    /// [`Offsets::Chars`]. Does nothing when the spans already count
    /// characters. An offset inside a character counts the characters that
    /// start before it; one past the end counts all.
    ///
    /// ```
    /// use dipnews::{Extractor, Offsets};
    /// let text = "Глава МИД Армении прибыл в Москву.";
    /// let mut record = Extractor::new().extract(text);
    /// record.to_char_offsets(text);
    /// assert_eq!(record.offsets, Offsets::Chars);
    /// let m = &record.states[0].mentions[0];
    /// let chars: Vec<char> = text.chars().collect();
    /// let sliced: String = chars[m.span.start..m.span.end].iter().collect();
    /// assert_eq!(sliced, m.text);
    /// ```
    pub fn to_char_offsets(&mut self, text: &str) {
        if self.offsets == Offsets::Chars {
            return;
        }
        let mut offsets: Vec<&mut usize> =
            self.spans_mut().into_iter().flat_map(|s| [&mut s.start, &mut s.end]).collect();
        // One pass over the text for all offsets, in increasing order.
        offsets.sort_unstable_by_key(|o| **o);
        let mut starts = text.char_indices().map(|(b, _)| b).peekable();
        let mut chars = 0;
        for o in offsets {
            while starts.next_if(|&b| b < *o).is_some() {
                chars += 1;
            }
            *o = chars;
        }
        self.offsets = Offsets::Chars;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_round_trip() {
        for s in ["2020-10-06", "2020-10", "2021", "--10-06"] {
            let d: PartialDate = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
        }
        for bad in ["", "20-10", "2020-13", "--1-06", "2020-10-32", "abcd", "2023-02-29", "2024-04-31", "--02-30"] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn enums_use_contract_strings() {
        assert_eq!(serde_json::to_string(&EventKind::PhoneCall).unwrap(), "\"phone_call\"");
        assert_eq!(serde_json::to_string(&Format::InPerson).unwrap(), "\"in_person\"");
        assert_eq!(serde_json::to_string(&Span::new(3, 9)).unwrap(), "[3,9]");
    }

    #[test]
    fn calendar_is_checked_by_constructors_and_parser() {
        assert!(PartialDate::from_ymd(2024, 2, 29).is_ok());
        assert!(PartialDate::from_ymd(2000, 2, 29).is_ok());
        assert!(PartialDate::from_ymd(2023, 2, 29).is_err());
        assert!(PartialDate::from_ymd(1900, 2, 29).is_err());
        assert!(PartialDate::from_ymd(2024, 4, 31).is_err());
        assert!(PartialDate::from_ymd(2024, 13, 1).is_err());
        assert!(PartialDate::from_ymd(2024, 1, 0).is_err());
        assert!(PartialDate::from_ym(2024, 13).is_err());
        assert!(PartialDate::from_md(2, 29).is_ok());
        assert!(PartialDate::from_md(4, 31).is_err());
        assert!(PartialDate::from_y(10_000).is_err());
        assert!("2024-02-29".parse::<PartialDate>().is_ok());
        assert!("2023-02-29".parse::<PartialDate>().is_err());
        assert!("2024-13".parse::<PartialDate>().is_err());
        assert!(serde_json::from_str::<PartialDate>("\"2024-04-31\"").is_err());
    }

    #[test]
    fn enum_strings_round_trip_through_every_form() {
        fn check<T>(all: &[T])
        where
            T: Copy + PartialEq + fmt::Debug + fmt::Display + FromStr + Serialize + serde::de::DeserializeOwned,
        {
            for &v in all {
                let s = v.to_string();
                assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{s}\""));
                assert!(s.parse::<T>().ok() == Some(v), "{s}");
                assert_eq!(serde_json::from_str::<T>(&format!("\"{s}\"")).unwrap(), v);
            }
        }
        check(EventKind::ALL);
        check(Status::ALL);
        check(Format::ALL);
        check(Role::ALL);
        check(MentionForm::ALL);
        assert!("PhoneCall".parse::<EventKind>().is_err());
    }

    #[test]
    fn char_offsets_count_code_points_once() {
        let text = "аб cd ёж";
        let mut r = EventRecord::default();
        r.evidence.kind = Some(Span::new(6, 10)); // "d ё"
        r.evidence.title = Some(Span::new(0, text.len()));
        r.to_char_offsets(text);
        assert_eq!(r.evidence.kind, Some(Span::new(4, 7)));
        assert_eq!(r.evidence.title, Some(Span::new(0, 8)));
        r.to_char_offsets(text);
        assert_eq!(r.evidence.kind, Some(Span::new(4, 7)), "a second call changes nothing");
        assert!(serde_json::to_string(&r).unwrap().contains(r#""offsets":"chars""#));
    }

    #[test]
    fn bare_record_has_no_id_field() {
        let json = serde_json::to_string(&EventRecord::default()).unwrap();
        assert!(!json.contains("\"id\""));
        let back: EventRecord = serde_json::from_str(&json).unwrap();
        assert_eq!(back, EventRecord::default());
    }
}
