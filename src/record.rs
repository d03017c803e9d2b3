//! The output contract: [`EventRecord`] and every type nested in it.
//!
//! The JSON form (through `serde`) is fixed by the project's contract: field
//! names, enum strings and id schemes do not change. Fields may be added.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
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
/// Serialized as that ISO 8601 string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// The year, when known.
    pub year: Option<i32>,
    /// The month (1–12), when known.
    pub month: Option<u8>,
    /// The day of the month (1–31), when known; only with a month.
    pub day: Option<u8>,
}

impl PartialDate {
    /// A full date.
    pub const fn ymd(year: i32, month: u8, day: u8) -> PartialDate {
        PartialDate { year: Some(year), month: Some(month), day: Some(day) }
    }
    /// A day and month of an unknown year.
    pub const fn md(month: u8, day: u8) -> PartialDate {
        PartialDate { year: None, month: Some(month), day: Some(day) }
    }
    /// A month of a year.
    pub const fn ym(year: i32, month: u8) -> PartialDate {
        PartialDate { year: Some(year), month: Some(month), day: None }
    }
    /// A year alone.
    pub const fn y(year: i32) -> PartialDate {
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

/// Error returned when a string is not a partial ISO date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDateError(pub String);

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an ISO date (YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD): {:?}", self.0)
    }
}

impl std::error::Error for ParseDateError {}

impl FromStr for PartialDate {
    type Err = ParseDateError;

    fn from_str(s: &str) -> Result<PartialDate, ParseDateError> {
        let err = || ParseDateError(s.to_string());
        let num = |p: &str, n: usize| -> Result<u32, ParseDateError> {
            if p.len() == n && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        let check = |m: u32, d: Option<u32>| -> Result<(), ParseDateError> {
            if !(1..=12).contains(&m) || d.is_some_and(|d| !(1..=31).contains(&d)) {
                Err(err())
            } else {
                Ok(())
            }
        };
        if let Some(rest) = s.strip_prefix("--") {
            let (m, d) = rest.split_once('-').ok_or_else(err)?;
            let (m, d) = (num(m, 2)?, num(d, 2)?);
            check(m, Some(d))?;
            return Ok(PartialDate::md(m as u8, d as u8));
        }
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [y] => Ok(PartialDate::y(num(y, 4)? as i32)),
            [y, m] => {
                let m = num(m, 2)?;
                check(m, None)?;
                Ok(PartialDate::ym(num(y, 4)? as i32, m as u8))
            }
            [y, m, d] => {
                let (m, d) = (num(m, 2)?, num(d, 2)?);
                check(m, Some(d))?;
                Ok(PartialDate::ymd(num(y, 4)? as i32, m as u8, d as u8))
            }
            _ => Err(err()),
        }
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Took place, or is taking place on the day of the report.
    #[default]
    Held,
    /// Announced: состоится, пройдёт, планируется.
    Planned,
}

/// How the participants met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Took part, hosted, co-organized or supported; addressee of a message.
    Participant,
    /// Anything else: a topic, an accreditation, a past event.
    #[default]
    Mentioned,
}

/// How an entity is named in a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// One place in the text that names an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct AgencyRef {
    /// Id from the agencies table (`TASS`, `KHOVAR`, …).
    pub id: String,
    /// The name as written in the dateline.
    pub name: String,
}

/// The agency dateline: «ДУШАНБЕ, 07.10.2020 /НИАТ «Ховар»/.»
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// Everything dipnews reads from one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
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
        for bad in ["", "20-10", "2020-13", "--1-06", "2020-10-32", "abcd"] {
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
    fn bare_record_has_no_id_field() {
        let json = serde_json::to_string(&EventRecord::default()).unwrap();
        assert!(!json.contains("\"id\""));
        let back: EventRecord = serde_json::from_str(&json).unwrap();
        assert_eq!(back, EventRecord::default());
    }
}
