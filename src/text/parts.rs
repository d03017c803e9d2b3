//! Document parts: headline, dateline, body, trailer.
//!
//! Agency copy comes as lines: an optional headline, a dateline that opens
//! the first body paragraph («ДУШАНБЕ, 07.10.2020 /НИАТ «Ховар»/.»), the body
//! paragraphs, and a trailer the event has nothing to do with: photo credits
//! («ФОТО: …»), «Читайте также» blocks and runs of related-article headlines.
//! Later stages read entities from the headline and body only.

use super::page::{self, LineKind};
use crate::gazetteer::hash::FxHashMap;
use crate::record::Span;
use regex::Regex;
use std::sync::{Arc, OnceLock, RwLock};

/// The raw pieces of a dateline as written; resolving them (which city,
/// which agency, which date) is the dateline rule's job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatelineShape {
    /// The whole dateline, separators included.
    pub span: Span,
    /// The place as written («ДУШАНБЕ», «Женева», «ООН»).
    pub place: Span,
    /// The date as written («07.10.2020», «6 октября», «11 ноя»), if any.
    pub date: Option<Span>,
    /// The agency as written («НИАТ «Ховар», «РИА Новости», «Корр. ТАСС …»), if any.
    pub agency: Option<Span>,
}

/// The parts of one document, as byte spans into the input.
///
/// Every non-blank line of the input (or piece of a line, where a title,
/// a timestamp and a dateline are glued together) falls in exactly one
/// part; [`Parts::labeled`] lists them in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts {
    /// Site text before the article: menus, rubrics, switchers, currency
    /// and weather lines, timestamps, counters, author lines, credits.
    pub site: Vec<Span>,
    /// The page's publication timestamp (its date, as written: «14 марта
    /// 2022», «17.04.2024»), when the site text holds one with a year.
    pub timestamp: Option<Span>,
    /// The title line (without a site suffix such as « - РИА Новости»).
    pub headline: Option<Span>,
    /// Subtitles between the title and the article: article text, but no
    /// event is looked for in them.
    pub lead: Vec<Span>,
    /// The dateline, when the text has one.
    pub dateline: Option<DatelineShape>,
    /// Body paragraphs: a lead paragraph above the dateline, then the text
    /// that starts right after the dateline, to the last sentence.
    pub body: Vec<Span>,
    /// Site text between body paragraphs: photo credits, calls to
    /// subscribe, «Читайте также» links. Not article text.
    pub inline: Vec<Span>,
    /// What follows the body: credits, tags, share buttons, comments,
    /// related headlines, copyright lines.
    pub trailer: Vec<Span>,
}

/// Which part a line of the input belongs to (see [`Parts::labeled`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartKind {
    /// Site text before the article.
    Site,
    /// The title line.
    Headline,
    /// A subtitle.
    Lead,
    /// The dateline.
    Dateline,
    /// A body paragraph.
    Body,
    /// Site text between body paragraphs.
    Inline,
    /// After the body.
    Trailer,
}

impl PartKind {
    /// The part's name in lower case («site», «headline», …).
    pub fn as_str(self) -> &'static str {
        match self {
            PartKind::Site => "site",
            PartKind::Headline => "headline",
            PartKind::Lead => "lead",
            PartKind::Dateline => "dateline",
            PartKind::Body => "body",
            PartKind::Inline => "inline",
            PartKind::Trailer => "trailer",
        }
    }
}

impl Parts {
    /// Whether `span` lies inside article text: the headline, a subtitle
    /// or a body paragraph.
    pub fn in_content(&self, span: Span) -> bool {
        self.headline.is_some_and(|h| h.contains(span))
            || self.lead.iter().any(|b| b.contains(span))
            || self.body.iter().any(|b| b.contains(span))
    }

    /// The spans of article text (headline, subtitles, body), in text order.
    pub fn content(&self) -> Vec<Span> {
        let mut out: Vec<Span> = self.headline.iter().chain(&self.lead).chain(&self.body).copied().collect();
        out.sort_by_key(|s| s.start);
        out
    }

    /// Where the trailer after the body starts (the end of the input when
    /// there is none).
    pub fn content_end(&self, text_len: usize) -> usize {
        self.trailer.first().map_or(text_len, |t| t.start)
    }

    /// Applies `f` to every span of the parts (to bring them from a
    /// cleaned view back to the caller's input).
    pub(crate) fn map_spans(&mut self, mut f: impl FnMut(Span) -> Span) {
        for list in [&mut self.site, &mut self.lead, &mut self.body, &mut self.inline, &mut self.trailer] {
            for s in list.iter_mut() {
                *s = f(*s);
            }
        }
        for s in [&mut self.timestamp, &mut self.headline].into_iter().flatten() {
            *s = f(*s);
        }
        if let Some(d) = &mut self.dateline {
            for s in [&mut d.span, &mut d.place].into_iter().chain([&mut d.date, &mut d.agency].into_iter().flatten()) {
                *s = f(*s);
            }
        }
    }

    /// Every part as `(kind, span)`, in text order: what a user debugging
    /// their own scraper looks at.
    ///
    /// ```
    /// use dipnews::text::PartKind;
    /// let ex = dipnews::Extractor::new();
    /// let text = "Политика\nЛавров провел переговоры в Минске\nМИНСК, 5 мая /ТАСС/. Министры обсудили сотрудничество.\nТеги\nМИД";
    /// let parts = ex.parts(text);
    /// let kinds: Vec<&str> = parts.labeled().iter().map(|(k, _)| k.as_str()).collect();
    /// assert_eq!(kinds, ["site", "headline", "dateline", "body", "trailer", "trailer"]);
    /// ```
    pub fn labeled(&self) -> Vec<(PartKind, Span)> {
        let mut out: Vec<(PartKind, Span)> = Vec::new();
        out.extend(self.site.iter().map(|&s| (PartKind::Site, s)));
        out.extend(self.headline.iter().map(|&s| (PartKind::Headline, s)));
        out.extend(self.lead.iter().map(|&s| (PartKind::Lead, s)));
        out.extend(self.dateline.iter().map(|d| (PartKind::Dateline, d.span)));
        out.extend(self.body.iter().map(|&s| (PartKind::Body, s)));
        out.extend(self.inline.iter().map(|&s| (PartKind::Inline, s)));
        out.extend(self.trailer.iter().map(|&s| (PartKind::Trailer, s)));
        out.sort_by_key(|(_, s)| (s.start, s.end));
        out
    }
}

const MONTHS: &str = "январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]";
const MONTH_ABBREVIATIONS: &str = "янв|фев|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек";

/// An agency's spelling without the slashes, brackets and dashes datelines
/// wrap it in («— РИА Новости» → «РИА Новости»).
pub(crate) fn agency_spelling(v: &str) -> &str {
    v.trim_matches(|c: char| "/()—–- ".contains(c))
}

/// Each run of letters with a capital first letter: «ИНТЕРФАКС-КАЗАХСТАН»
/// → «Интерфакс-Казахстан».
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if c.is_alphabetic() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = true;
        }
    }
    out
}

/// Bytes at the start of a line where a dateline may stand.
const MAX_DATELINE: usize = 400;

/// Finds datelines and splits documents into parts. Built once from the
/// agency names a dateline may carry; cheap to share.
#[derive(Debug, Clone)]
pub struct PartsSplitter {
    /// The agency spellings, longest first.
    spellings: Vec<String>,
    /// Their case variants, made on the first line that may open a
    /// dateline (a text without one never needs them).
    variants: OnceLock<Variants>,
    /// The dateline shapes compiled so far.
    shapes: ShapeCache,
    /// Lowercased agency names, to accept a bracketed agency with no date.
    names: Vec<String>,
    /// Indices into `names` by their first and by their last character:
    /// the names a line can open or end with.
    name_ends: NameEnds,
    /// A placeholder that finds no dateline ([`PartsSplitter::unbuilt`]).
    unbuilt: bool,
}

/// The agency names (lowercased) by their first and by their last
/// character.
#[derive(Debug, Clone, Default)]
struct NameEnds {
    first: FxHashMap<char, Vec<u32>>,
    last: FxHashMap<char, Vec<u32>>,
}

impl NameEnds {
    fn new(names: &[String]) -> NameEnds {
        let mut ends = NameEnds::default();
        for (i, n) in names.iter().enumerate() {
            let Ok(i) = u32::try_from(i) else { break };
            if let (Some(a), Some(z)) = (n.chars().next(), n.chars().next_back()) {
                ends.first.entry(a).or_default().push(i);
                ends.last.entry(z).or_default().push(i);
            }
        }
        ends
    }
}

/// Every agency spelling as written, in capitals, in lower case
/// (lowercased dumps) and in title case.
#[derive(Debug, Clone)]
struct Variants {
    /// The variants, longest spelling first: the order in which the
    /// dateline patterns try them.
    all: Vec<String>,
    /// Indices into `all` by their first two characters (every spelling
    /// has two or more): a line's characters rarely open one, where most
    /// open some spelling's first character (in lower case or capitals).
    by_first: FxHashMap<(char, char), Vec<u32>>,
    /// The pairs of `by_first` as bits of a small filter: most positions
    /// of a line are passed without a lookup.
    pairs: [u64; 64],
}

/// The bit of a pair of characters in [`Variants::pairs`].
fn pair_bit(c: char, d: char) -> (usize, u64) {
    let h = ((c as u32).wrapping_mul(31) ^ d as u32) as usize & 4095;
    (h / 64, 1 << (h % 64))
}

impl Variants {
    fn new(spellings: &[String]) -> Variants {
        let mut all: Vec<String> = Vec::with_capacity(spellings.len() * 4);
        let mut seen = std::collections::HashSet::new();
        for n in spellings {
            for v in [n.clone(), n.to_uppercase(), n.to_lowercase(), title_case(n)] {
                if seen.insert(v.clone()) {
                    all.push(v);
                }
            }
        }
        let mut by_first: FxHashMap<(char, char), Vec<u32>> = FxHashMap::default();
        for (i, v) in all.iter().enumerate() {
            let mut cs = v.chars();
            if let (Some(c), Some(d), Ok(i)) = (cs.next(), cs.next(), u32::try_from(i)) {
                by_first.entry((c, d)).or_default().push(i);
            }
        }
        let mut pairs = [0; 64];
        for &(c, d) in by_first.keys() {
            let (word, bit) = pair_bit(c, d);
            pairs[word] |= bit;
        }
        Variants { all, by_first, pairs }
    }

    /// The variants that occur in `line` where a dateline can name its
    /// agency, as sorted indices.
    ///
    /// In every shape, what stands before the agency's name is a place, a
    /// date and the separators between them: letters, digits, spaces,
    /// commas, periods, dashes and HTML entities («&nbsp;»). Past the first
    /// other character («"», «:», «(», «/», ««») no pattern can reach a
    /// name, so the search stops there: the pattern holds the names it can
    /// match and matches as the one with every name does.
    fn found_in(&self, line: &str) -> Vec<u32> {
        let mut found: Vec<u32> = Vec::new();
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let Some(&(_, d)) = chars.peek() else { break };
            let (word, bit) = pair_bit(c, d);
            if self.pairs[word] & bit != 0 {
                for &v in self.by_first.get(&(c, d)).map_or(&[][..], Vec::as_slice) {
                    if !found.contains(&v) && line[i..].starts_with(self.all[v as usize].as_str()) {
                        found.push(v);
                    }
                }
            }
            // The character that ends the reach may still open a name (one
            // written in quotes); none after it can.
            let reached = !(page::is_word_char(c)
                || matches!(c, ' ' | '\t' | '\u{a0}' | '\u{feff}' | ',' | '.' | '-' | '–' | '—' | '&' | ';'));
            if reached {
                break;
            }
        }
        found.sort_unstable();
        found
    }

    /// The variants `which` (indices into `all`), escaped.
    fn escaped(&self, which: impl IntoIterator<Item = usize>) -> Vec<String> {
        which.into_iter().filter_map(|i| self.all.get(i)).map(|v| regex::escape(v)).collect()
    }
}

/// Indices of the shapes in [`patterns`].
const CITY_FIRST: usize = 0;
const CITY_FIRST_LOWER: usize = 1;
const DATE_FIRST: usize = 2;

/// A pattern that matches nothing: the shape of a splitter that knows no
/// agency, or of patterns that failed to compile.
const NEVER: &str = r"[^\s\S]";

/// Patterns compiled per shape with only a line's spellings; past these,
/// the shape is compiled once with every spelling and serves every line.
const PARTIAL_SHAPES: usize = 3;

/// The dateline shapes compiled so far, by shape and by the agency
/// spellings (indices into [`Variants::all`]) their patterns hold.
///
/// One pattern with every spelling (four cases of some 120 names) cost
/// 37M instructions to compile, most of a cold start. A pattern with only
/// the spellings found in the line matches exactly as the whole one does
/// (an absent literal matches nowhere, and the alternation keeps its
/// order) and compiles in about 4M: a run over one article or one wire's
/// copy needs no other. A run over many sources would compile one per
/// combination of agencies; after [`PARTIAL_SHAPES`] the whole pattern is
/// compiled, so that a long run pays at most a few small compiles more
/// than it did.
#[derive(Debug, Default)]
struct ShapeCache(RwLock<Vec<(ShapeKey, Arc<Regex>)>>);

/// A shape (index in [`patterns`]) and the spellings its pattern holds.
type ShapeKey = (usize, Vec<u32>);

impl Clone for ShapeCache {
    fn clone(&self) -> ShapeCache {
        ShapeCache(RwLock::new(self.0.read().unwrap_or_else(|e| e.into_inner()).clone()))
    }
}

impl ShapeCache {
    /// Shape `k` for a line holding spellings `found` (out of `all`): the
    /// pattern made for them, else the whole one if it is made, else a new
    /// one, compiled with `make` outside the lock so that other threads
    /// are not held up (two threads may compile the same shape once each).
    fn get(&self, k: usize, found: Vec<u32>, all: usize, make: impl FnOnce(&[u32]) -> Regex) -> Arc<Regex> {
        let key = {
            let shapes = self.0.read().unwrap_or_else(|e| e.into_inner());
            let of_shape = || shapes.iter().filter(|((s, _), _)| *s == k);
            let hit =
                of_shape().find(|((_, f), _)| *f == found).or_else(|| of_shape().find(|((_, f), _)| f.len() == all));
            if let Some((_, r)) = hit {
                return r.clone();
            }
            if of_shape().count() < PARTIAL_SHAPES {
                (k, found)
            } else {
                (k, (0..all).filter_map(|i| u32::try_from(i).ok()).collect())
            }
        };
        let r = Arc::new(make(&key.1));
        self.0.write().unwrap_or_else(|e| e.into_inner()).push((key, r.clone()));
        r
    }

    #[cfg(test)]
    fn compiled(&self) -> Vec<usize> {
        self.0.read().unwrap_or_else(|e| e.into_inner()).iter().map(|((k, _), _)| *k).collect()
    }
}

/// The dateline patterns for these agency spellings (escaped, in the
/// order they are tried): city first, city first in lowercase, date first.
fn patterns(alts: &[String]) -> [String; 3] {
    // Literal alternatives in each case a dateline uses compile several
    // times faster than one case-insensitive alternation.
    let named = if alts.is_empty() { NEVER.to_string() } else { format!("(?:{})", alts.join("|")) };
    // No `\b` after the month: a Unicode word boundary keeps the regex
    // engine off its DFA (parts took longer than tokenizing); a word
    // going on after the dateline is rejected in `dateline_in`. ASCII
    // digits, as the date rules read them: Unicode `\d` made the shape
    // cost 6.9M instructions to compile instead of 4.1M.
    let date = format!(
        r"[0-9]{{1,2}}\.[0-9]{{1,2}}\.(?:[0-9]{{4}}|[0-9]{{2}})|[0-9]{{1,2}}[\x20\u00A0]+(?i:(?:{MONTHS})|(?:{MONTH_ABBREVIATIONS})\.?)(?:[\x20\u00A0]+[0-9]{{4}}(?:[\x20\u00A0]*(?:года|г\.))?)?"
    );
    // Letters and hyphens; a dot only inside «С.-ПЕТЕРБУРГ».
    let place = r"[А-ЯЁA-Z](?:\.-|[А-ЯЁA-Zа-яёa-z\-])*(?:[\x20][А-ЯЁA-Z](?:\.-|[А-ЯЁA-Zа-яёa-z\-])*){0,2}";
    // Scraped copy keeps HTML entities between date and agency
    // («1 дек&nbsp;&mdash; риа новости»).
    let gap = r"(?:[\x20\u00A0]|&nbsp;)*";
    let dash = r"(?:[-–—]|&[mn]dash;)";
    // The agency's groups, named with a suffix: the city-first shape
    // holds two copies (after a date, and alone).
    let agency = |n: &str| {
        format!(
            r"/[\x20]*(?P<slash{n}>[^/\n]+?)[\x20]*/|\((?P<paren{n}>[^()\n]+)\)|(?:{dash}{gap})?(?P<named{n}>{named})(?:,[\x20][А-ЯЁ][а-яё]+[\x20][А-ЯЁ][а-яё]+)?"
        )
    };
    let (agency1, agency2) = (agency(""), agency("2"));
    // A date or an agency is required, so that the fast match test
    // rejects ordinary lines before any capture is taken.
    let city_first = format!(
        r"^[\x20\t\u00A0\u{{FEFF}}]*(?P<place>{place})(?:,[\x20]*[А-ЯЁ][а-яё]+(?:[\x20][А-ЯЁ][а-яё]+)?)?(?:(?:[\x20]*[,.]|[\x20]+[-–—])[\x20\u00A0]*(?P<date>{date}){gap}[,.]?{gap}(?:{agency1})?|{gap}[,.]?{gap}(?:{agency2}))[\x20\u00A0]*[.,]?(?:[\x20\u00A0]*[-–—](?:[\x20\u00A0]|$))?"
    );
    let place_lower = r"[а-яёa-z](?:\.-|[а-яёa-z\-])*(?:[\x20][а-яёa-z](?:\.-|[а-яёa-z\-])*){0,2}";
    let city_first_lower = city_first.replacen(place, place_lower, 1);
    let date_first = format!(
        r"^[\x20\t\u00A0\u{{FEFF}}]*(?P<date>{date}),[\x20]*(?P<place>{place})[\x20]*(?:{agency1})[\x20]*[.,]?(?:[\x20]*[-–—](?:[\x20]|$))?"
    );
    [city_first, city_first_lower, date_first]
}

/// Compiles a dateline pattern. Should it fail (agency names that make it
/// too big), the shape finds no dateline: the gazetteer caps the number of
/// spellings well below that size.
fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|_| Regex::new(NEVER).expect("compiles"))
}

impl PartsSplitter {
    /// A splitter that knows the given agency names (as they appear in
    /// datelines without slashes or brackets: «РИА Новости», «КАЗИНФОРМ»).
    ///
    /// The patterns compile on the first line that may open a dateline
    /// (see [`compile_now`](Self::compile_now) for a check); this never fails.
    pub fn new<'a>(agency_names: impl IntoIterator<Item = &'a str>) -> Result<PartsSplitter, regex::Error> {
        let mut spellings: Vec<String> = agency_names
            .into_iter()
            .map(|n| agency_spelling(n).to_string())
            .filter(|n| n.chars().count() >= 2)
            .collect();
        spellings.sort_by_key(|n| std::cmp::Reverse(n.len()));
        spellings.dedup();
        let names: Vec<String> = spellings.iter().map(|n| n.to_lowercase()).collect();
        let name_ends = NameEnds::new(&names);
        Ok(PartsSplitter {
            spellings,
            variants: OnceLock::new(),
            shapes: ShapeCache::default(),
            names,
            name_ends,
            unbuilt: false,
        })
    }

    /// Compiles the city-first and date-first shapes with every agency
    /// spelling at once (the most any line can ask for), and says why they
    /// do not compile if they do not.
    pub fn compile_now(&self) -> Result<(), regex::Error> {
        let variants = self.variants();
        let patterns = patterns(&variants.escaped(0..variants.all.len()));
        for k in [CITY_FIRST, DATE_FIRST] {
            Regex::new(&patterns[k])?;
        }
        Ok(())
    }

    /// A splitter that finds no dateline, cheap to make: a placeholder while
    /// the agencies are being loaded.
    pub(crate) fn unbuilt() -> PartsSplitter {
        PartsSplitter {
            spellings: Vec::new(),
            variants: OnceLock::new(),
            shapes: ShapeCache::default(),
            names: Vec::new(),
            name_ends: NameEnds::default(),
            unbuilt: true,
        }
    }

    fn variants(&self) -> &Variants {
        self.variants.get_or_init(|| Variants::new(&self.spellings))
    }

    /// Shape `k` of [`patterns`] for `line`: with the agency spellings
    /// that occur in it, compiled on first use.
    fn shape(&self, k: usize, line: &str) -> Arc<Regex> {
        let variants = self.variants();
        self.shapes.get(k, variants.found_in(line), variants.all.len(), |found| {
            compile(&patterns(&variants.escaped(found.iter().map(|&i| i as usize)))[k])
        })
    }

    /// Finds a dateline at the very start of `line` (which starts at byte
    /// `offset` of the document). A dateline needs a date or an agency
    /// after the place.
    pub fn dateline_in(&self, line: &str, offset: usize) -> Option<DatelineShape> {
        if self.unbuilt {
            return None;
        }
        // A dateline is short: look at the start of the line only.
        let line = &line[..super::floor_char_boundary(line, MAX_DATELINE)];
        let lower = super::is_lowercased(line);
        if !lower && !may_open_dateline(line) {
            return None;
        }
        // Past the blanks every shape allows, a date-first dateline opens
        // with an ASCII digit and a city-first one with a letter: only one
        // shape can match, and only that one need be compiled.
        let opening = line.trim_start_matches(['\x20', '\t', '\u{a0}', '\u{feff}']);
        let shape = match (opening.starts_with(|c: char| c.is_ascii_digit()), lower) {
            (true, _) => DATE_FIRST,
            (false, true) => CITY_FIRST_LOWER,
            (false, false) => CITY_FIRST,
        };
        let shape = self.shape(shape, line);
        // A match test first: on an anchored pattern the capturing engine
        // would run (and clear its state) on every line, datelines or not.
        let caps = if shape.is_match(line) { shape.captures(line) } else { None }?;
        let sp = |m: regex::Match| Span::new(offset + m.start(), offset + m.end());
        let date = caps.name("date").map(sp);
        // Bracketed agencies are short (a bounded repetition in the pattern
        // would cost milliseconds to compile: checked here instead).
        let named = caps.name("named").or(caps.name("named2"));
        let agency =
            caps.name("slash").or(caps.name("slash2")).or(caps.name("paren")).or(caps.name("paren2")).or(named);
        let known = |a: Option<regex::Match>| {
            a.is_some_and(|a| {
                let inner = a.as_str().to_lowercase();
                self.names.iter().any(|n| inner.contains(n.as_str()))
            })
        };
        // In a lowercased dump only a known agency («/тасс/», «риа
        // новости») makes a dateline.
        if lower && named.is_none() && !known(agency) {
            return None;
        }
        if agency.is_some_and(|a| a.as_str().chars().count() > 60 || a.as_str().chars().count() < 2) {
            return None;
        }
        if date.is_none() && agency.is_none() {
            return None;
        }
        // Brackets after a place without a date read as an aside, not a
        // dateline, unless they hold a known agency name.
        if date.is_none() && named.is_none() && !known(agency) {
            return None;
        }
        let whole = caps.get(0)?;
        // «Сегодня, 15 мая, …», «Ранее, 12 февраля, …» open a sentence:
        // a time word is no place.
        let place = caps.name("place")?.as_str().to_lowercase();
        if place.split([' ', '-']).next().is_some_and(page::opens_sentences) {
            return None;
        }
        // A line that is only a place and an agency is a site's name
        // («НИАТ «Ховар»»), not a dateline.
        if date.is_none() && line[whole.end()..].trim().is_empty() {
            return None;
        }
        // A dateline is followed by text (or ends the line).
        let rest = &line[whole.end()..];
        if let Some(c) = rest.chars().next() {
            if c.is_lowercase()
                && !rest.starts_with(char::is_whitespace)
                && whole.as_str().ends_with(char::is_alphabetic)
            {
                return None;
            }
        }
        Some(DatelineShape {
            span: Span::new(
                offset + whole.start() + leading_ws(whole.as_str()),
                offset + trim_end(whole.as_str(), whole.start()),
            ),
            place: sp(caps.name("place")?),
            date,
            agency: agency.map(sp),
        })
    }

    /// Splits `text` into parts.
    ///
    /// The article starts at the dateline, wherever it stands in the head
    /// of the page (also glued to the title or a timestamp), else at the
    /// first sentence. The headline is the title line above it, past page
    /// details (timestamps, counters, author lines) and leads; what lies
    /// above the headline is site text. The body runs to its last sentence
    /// before a block that ends the article (tags, share buttons,
    /// comments): credits, calls to subscribe and link blocks between its
    /// paragraphs are skipped, not taken as its end.
    pub fn split(&self, text: &str) -> Parts {
        let mut units = self.units(text);
        repeated_lines_are_site_text(text, &mut units);
        let mut parts = Parts::default();
        if units.is_empty() {
            return parts;
        }
        let Some((start, dateline)) = self.article_start(text, &units) else {
            return self.without_article(text, &units);
        };
        parts.dateline = dateline;
        // Above the article: page details, leads, the title and its
        // subtitles or captions. Walking up, the title is the topmost of
        // the title-like lines met; a short line above one is a menu item.
        let mut leads = Vec::new();
        let mut titles: Vec<usize> = Vec::new();
        // A title-like line right above a photo credit is the photo's
        // caption: the title only when no title stands above it.
        let mut caption: Option<usize> = None;
        // Site lines (a rubric, a comment count) passed between the body
        // and the first title-like line.
        let mut rubrics = 0;
        let mut k = start;
        while k > 0 {
            k -= 1;
            let line = line_str(text, units[k].span);
            let found = !titles.is_empty() || caption.is_some();
            match units[k].kind {
                // A counter («• 1047», «263 0») under another item's title
                // or teaser: the line below it was this article's title.
                LineKind::Meta | LineKind::Short
                    if found && is_counter(line) && k > 0 && self.may_head(text, &units[k - 1]) =>
                {
                    break
                }
                LineKind::Meta | LineKind::Credit | LineKind::Subscribe => {}
                // A widget's label between the title and the dateline
                // («Видео по теме»); above a title it ends the walk.
                LineKind::Soft if titles.is_empty() && page::word_count_upto(line, 4) <= 3 => {}
                LineKind::Prose if parts.dateline.is_some() => leads.push(k),
                // Right above the body, a line that opens with a date and
                // lacks only its period is the lead sentence («28 марта
                // министр принял посла…»), no subtitle; but the page's first
                // line set off by a blank line is its title.
                LineKind::Short
                    if !found
                        && opens_with_day_and_month(line)
                        && page::word_count_upto(line, 6) >= 6
                        && !(k == 0 && blank_line_after(text, &units, k)) =>
                {
                    leads.push(k)
                }
                // A word alone, or the site's address («Lenta.ru»).
                LineKind::Short if page::word_count_upto(line, 2) < 2 || (!line.contains(' ') && is_domain(line)) => {}
                // Above a title, a line cut by « | » is the site's name and
                // slogan («Вести | Новости Узбекистана, России…»): a title
                // puts the site after itself, and a subtitle is no list.
                LineKind::Short if found && line.contains(" | ") => break,
                // A caption with its credit in brackets («Министр (Фото:
                // пресс-служба)»), or a name under a credit line (the
                // photo's caption, often twice: its text and its alt).
                LineKind::Short if holds_bracketed_credit(line) => {}
                LineKind::Short if !found && page::word_count_upto(line, 4) < 4 && under_credit(text, &units, k) => {}
                // Tags (names and rubrics) the site lists twice over.
                LineKind::Short if repeats_itself(line) => break,
                LineKind::Short if self.may_be_title(text, units[k].span) => {
                    let long = page::word_count_upto(line, 4) >= 4;
                    if !found && k + 1 < start && units[k + 1].kind == LineKind::Credit {
                        caption = Some(k);
                    } else if (!found && rubrics == 0) || long {
                        titles.push(k);
                    } else {
                        break;
                    }
                }
                // A rubric or a comment count under the title.
                LineKind::Site if !found && rubrics < 2 => rubrics += 1,
                _ => break,
            }
        }
        let mut title = titles.last().copied().or(caption);
        // A teaser that quotes the title and runs on into the body («"Лавров
        // прибыл в Вашингтон Визит министра п"»), above the title itself.
        if let [.., below, top] = titles[..] {
            if is_teaser_of(line_str(text, units[top].span), line_str(text, units[below].span)) {
                titles.pop();
                title = Some(below);
            }
        }
        // Prose above the title is site text (a notice), not a lead.
        leads.retain(|&l| title.is_none_or(|t| l > t));
        let subtitles = titles.get(..titles.len().saturating_sub(1)).unwrap_or_default();
        parts.headline = title.map(|t| self.without_site_suffix(text, units[t].span));
        for (k, u) in units[..start].iter().enumerate() {
            if Some(k) == title || leads.contains(&k) {
                continue;
            }
            if subtitles.contains(&k) {
                parts.lead.push(u.span);
                continue;
            }
            if parts.timestamp.is_none() && u.kind == LineKind::Meta {
                let line = line_str(text, u.span);
                // A clock-time timestamp, else a page detail's ISO date
                // («2025-08-15T10:42:00», «date 2025-08-15»).
                if let Some(date) = page::timestamp_in(line).map(|(_, d)| d).or_else(|| page::iso_date_in(line)) {
                    parts.timestamp = Some(Span::new(u.span.start + date.start, u.span.start + date.end));
                }
            }
            parts.site.push(u.span);
        }
        leads.reverse();
        parts.body.extend(leads.iter().map(|&k| units[k].span));
        // The article's end: its last sentence before a block that ends it.
        let hard = (start + 1..units.len()).find(|&k| units[k].kind == LineKind::Hard).unwrap_or(units.len());
        let last = (start + 1..hard)
            .rev()
            .find(|&k| units[k].kind == LineKind::Prose && !page::is_notice(line_str(text, units[k].span)))
            .unwrap_or(start);
        let mut in_links = false;
        for (k, u) in units.iter().enumerate().take(last + 1).skip(start) {
            let mut span = u.span;
            if k == start {
                if let Some(d) = &parts.dateline {
                    span.start = span.start.max(d.span.end);
                    let rest = &text[span.start..span.end];
                    span.start += rest.len() - rest.trim_start().len();
                }
                if !span.is_empty() {
                    parts.body.push(span);
                }
                continue;
            }
            in_links = match u.kind {
                LineKind::Soft => true,
                // Related headlines under a link block have no final period.
                LineKind::Short if in_links => true,
                _ => false,
            };
            let furniture = matches!(
                u.kind,
                LineKind::Credit | LineKind::Subscribe | LineKind::Soft | LineKind::Site | LineKind::Meta
            );
            if furniture || in_links {
                parts.inline.push(span);
            } else {
                parts.body.push(span);
            }
        }
        parts.trailer.extend(units[last + 1..].iter().map(|u| u.span));
        // The lists grew by doubling and are held to the end of the
        // extraction: the room left over goes back (a text of short lines
        // held a quarter of its size in spare room here).
        for list in [&mut parts.site, &mut parts.lead, &mut parts.body, &mut parts.inline, &mut parts.trailer] {
            super::give_back(list);
        }
        parts
    }

    /// The page's non-blank lines, trimmed, each with its kind; a line of
    /// the head that holds a timestamp glued to other text («…повестку
    /// 20.01.2025, 18:05ЕРЕВАН, 20 ЯНВАРЯ…») is cut around it.
    fn units(&self, text: &str) -> Vec<Unit> {
        // A first guess at the number of lines (a paragraph of news runs to
        // a few hundred bytes) spares most of the growing.
        let mut out = Vec::with_capacity(text.len() / 256 + 8);
        for l in lines(text) {
            let span = trimmed(text, l);
            let line = line_str(text, span);
            if span.is_empty() || is_blank(line) {
                continue;
            }
            if out.len() < HEAD_UNITS {
                if let Some((whole, _)) = page::timestamp_in(line) {
                    let (a, b) = (span.start + whole.start, span.start + whole.end);
                    if a > span.start || b < span.end {
                        for piece in [Span::new(span.start, a), Span::new(a, b), Span::new(b, span.end)] {
                            let piece = trimmed(text, piece);
                            if !piece.is_empty() {
                                out.push(self.unit(text, piece));
                            }
                        }
                        continue;
                    }
                }
            }
            out.push(self.unit(text, span));
        }
        out
    }

    fn unit(&self, text: &str, span: Span) -> Unit {
        let line = line_str(text, span);
        let (mut kind, words) = page::classify_counted(line);
        // The site's own name on a line of its own («Sputnik Казахстан»).
        if kind == LineKind::Short && self.is_agency_name(line) {
            kind = LineKind::Site;
        }
        Unit { span, kind, words }
    }

    /// Whether `line` is an agency's name, maybe with a word or two
    /// («РИА Новости», «Sputnik Казахстан», «НИАТ «Ховар»»).
    fn is_agency_name(&self, line: &str) -> bool {
        if page::word_count_upto(line, 4) > 3 {
            return false;
        }
        let t = line.trim();
        let names = |map: &FxHashMap<char, Vec<u32>>, c: Option<char>, test: &dyn Fn(&str) -> bool| {
            c.and_then(|c| map.get(&c)).is_some_and(|ix| ix.iter().any(|&i| test(&self.names[i as usize])))
        };
        // ASCII and Russian lowercase a character at a time, as the whole
        // string would: compared so, with no copy (this runs on every
        // title-like line). Other scripts are lowercased whole.
        let simple = |c: char| c.is_ascii() || matches!(c, 'А'..='я' | 'Ё' | 'ё');
        if t.chars().all(simple) {
            let lower = || t.chars().map(super::lower_russian);
            let opens = |n: &str| {
                let mut l = lower();
                n.chars().all(|c| l.next() == Some(c))
            };
            let ends = |n: &str| {
                let mut l = lower().rev();
                n.chars().rev().all(|c| l.next() == Some(c))
            };
            return names(&self.name_ends.first, lower().next(), &opens)
                || names(&self.name_ends.last, lower().next_back(), &ends);
        }
        let l = t.to_lowercase();
        names(&self.name_ends.first, l.chars().next(), &|n| l.starts_with(n))
            || names(&self.name_ends.last, l.chars().next_back(), &|n| l.ends_with(n))
    }

    /// Where the article starts: the unit holding the dateline (searched in
    /// the head of the page: up to its third sentence), else the first
    /// sentence.
    fn article_start(&self, text: &str, units: &[Unit]) -> Option<(usize, Option<DatelineShape>)> {
        let mut sentences = 0;
        for (k, u) in units.iter().enumerate().take(HEAD_UNITS) {
            if let Some(shape) = self.dateline_in(line_str(text, u.span), u.span.start) {
                return Some((k, Some(shape)));
            }
            if u.kind == LineKind::Prose {
                sentences += 1;
                if sentences == 3 {
                    break;
                }
            }
        }
        // Not a site's notice written as sentences («Мы используем файлы
        // cookie…»): looked for only here and at the body's end, where it
        // would be taken for article text.
        let first = units.iter().position(|u| {
            let line = line_str(text, u.span);
            // (Nor a site's tags listed twice on one long line: «Сергей
            // Лавров Москва Россия политика Сергей Лавров Москва Россия».)
            (u.kind == LineKind::Prose
                || (u.kind == LineKind::Short
                    && page::word_count_upto(line, LONG_LINE_WORDS) >= LONG_LINE_WORDS
                    && !repeats_itself(line)))
                && !page::is_notice(line)
        })?;
        Some((first, None))
    }

    /// Parts of a text with no sentence at all: one or two lines are a
    /// title and a text (a headline alone, a one-line note); more are a
    /// page of site text with no article.
    fn without_article(&self, text: &str, units: &[Unit]) -> Parts {
        let mut parts = Parts::default();
        match units {
            [only] => parts.body.push(only.span),
            [first, second] => {
                if self.may_be_title(text, first.span) {
                    parts.headline = Some(first.span);
                } else {
                    parts.body.push(first.span);
                }
                parts.body.push(second.span);
            }
            _ => parts.site.extend(units.iter().map(|u| u.span)),
        }
        parts
    }

    /// Whether a unit may head an item: a title-like line of four words or
    /// more.
    fn may_head(&self, text: &str, unit: &Unit) -> bool {
        unit.kind == LineKind::Short
            && page::word_count_upto(line_str(text, unit.span), 4) >= 4
            && self.may_be_title(text, unit.span)
    }

    /// A title can be a line of two words or more that is no site text.
    fn may_be_title(&self, text: &str, span: Span) -> bool {
        let line = line_str(text, span);
        (line.len() <= 300 || line.chars().count() <= 300)
            && page::word_count_upto(line, 2) >= 2
            && !self.is_agency_name(line)
    }

    /// The headline without the site's suffix: « - РИА Новости, 06.02.2025»,
    /// « - ТАСС», « - 15.01.2026, ПРАЙМ», « | Lenta.ru».
    fn without_site_suffix(&self, text: &str, span: Span) -> Span {
        let line = line_str(text, span);
        const SEPARATORS: [&str; 4] = [" - ", " — ", " – ", " | "];
        // The last place of each separator, found in one pass back over
        // the line's spaces (a substring search set up for each cost more
        // than the rest of the test).
        let mut last = [None; SEPARATORS.len()];
        for p in memchr::memrchr_iter(b' ', line.as_bytes()) {
            let rest = &line.as_bytes()[p..];
            for (k, sep) in SEPARATORS.iter().enumerate() {
                if last[k].is_none() && rest.starts_with(sep.as_bytes()) {
                    last[k] = Some(p);
                }
            }
            if last.iter().all(Option::is_some) {
                break;
            }
        }
        for (sep, at) in SEPARATORS.iter().zip(last) {
            let Some(i) = at else { continue };
            let suffix = &line[i + sep.len()..];
            let short = page::word_count_upto(suffix, 6) <= 5;
            let site = page::timestamp_in(suffix).is_some()
                || suffix.split(|c: char| !(c.is_alphanumeric() || c == '.')).any(|w| self.is_agency_name(w))
                || self.is_agency_name(suffix)
                || suffix.split_whitespace().any(is_domain)
                || suffix.chars().filter(|c| c.is_ascii_digit()).count() >= 6;
            if short && site && i > 0 {
                return Span::new(span.start, span.start + line[..i].trim_end().len());
            }
        }
        span
    }
}

/// Whether a line is a counter: figures with spaces or bullets only
/// («• 10471», «263 0»), no date and no clock time.
fn is_counter(line: &str) -> bool {
    line.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '•' | '·' | '|'))
        && line.bytes().any(|b| b.is_ascii_digit())
}

/// Whether there is a blank line between unit `k` and the next one.
fn blank_line_after(text: &str, units: &[Unit], k: usize) -> bool {
    let (Some(u), Some(next)) = (units.get(k), units.get(k + 1)) else { return true };
    memchr::memchr_iter(b'\n', &text.as_bytes()[u.span.end..next.span.start]).nth(1).is_some()
}

/// Whether line `k` stands right under a photo credit line, the same
/// text once more between them at most.
fn under_credit(text: &str, units: &[Unit], k: usize) -> bool {
    let line = line_str(text, units[k].span);
    let above = (k.saturating_sub(2)..k).rev().find(|&j| line_str(text, units[j].span) != line);
    above.is_some_and(|j| units[j].kind == LineKind::Credit && k - j <= 2)
}

/// Whether a line holds a photo credit in brackets: a caption («Владимир
/// Путин (Фото: пресс-служба)»).
fn holds_bracketed_credit(line: &str) -> bool {
    memchr::memchr_iter(b'(', line.as_bytes()).any(|i| opens_with(&line[i + 1..], PHOTO_MARKERS))
}

/// Whether a line repeats its own words: its first three words come again
/// in the same order further on («Имя Фамилия Страна рубрика Имя Фамилия
/// Страна»). Article text does not; a site's tag block copied twice does.
fn repeats_itself(line: &str) -> bool {
    const RUN: usize = 3;
    // Counted on the bytes first: most title-like lines are short. The
    // run is then looked for as written (words one space apart).
    if page::word_count_upto(line, 2 * RUN) < 2 * RUN {
        return false;
    }
    let Some(end) = line.match_indices(' ').nth(RUN - 1).map(|(i, _)| i) else { return false };
    let (run, b) = (&line.as_bytes()[..end], line.as_bytes());
    // At each later space, whether the run follows (a byte compare: no
    // searcher is built for a line or two per page).
    memchr::memchr_iter(b' ', &b[end + 1..]).any(|i| {
        let at = end + 2 + i;
        b[at..].starts_with(run) && b.get(at + run.len()).is_none_or(|&x| x == b' ')
    })
}

/// Whether a line opens with a day and a month's name («28 марта …»).
fn opens_with_day_and_month(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let day = words.next().is_some_and(|w| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()));
    let month = words.next().map(str::to_lowercase);
    day && month.is_some_and(|m| page::MONTH_STEMS.iter().any(|p| m.starts_with(p)))
}

/// Whether a word is a site's address («Lenta.ru», «Вести.UZ», «24.kg»):
/// a name, a dot and two to six Latin letters.
fn is_domain(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    word.rsplit_once('.').is_some_and(|(name, zone)| {
        name.chars().next_back().is_some_and(char::is_alphanumeric)
            && (2..=6).contains(&zone.len())
            && zone.bytes().all(|b| b.is_ascii_alphabetic())
    })
}

/// Whether `line` quotes `title` and runs on past it: a teaser's cut-off
/// text, the title glued to the body's first words.
fn is_teaser_of(line: &str, title: &str) -> bool {
    let quotes: &[char] = &['"', '«', '„', '“', ' '];
    let line = line.trim();
    if !line.starts_with(quotes) {
        return false;
    }
    let body = line.trim_start_matches(quotes);
    let title = title.trim();
    !title.is_empty() && body.len() > title.len() && body.starts_with(title)
}

/// Non-blank lines of the head of a page that are searched for a
/// dateline and cut around glued timestamps.
const HEAD_UNITS: usize = 80;

/// A line this long with no final period still starts an article (a wire
/// paragraph cut short, a dump without punctuation).
const LONG_LINE_WORDS: usize = 25;

/// Whether a line may open with a dateline, judged without a regex (this
/// runs on every line of a page's head): a date first, or at most three
/// capitalized words before the first comma, period, slash, bracket or
/// dash («МОСКВА, …», «Баку, Азербайджан, …», «АСТАНА. КАЗИНФОРМ –»,
/// «БАКУ /Trend/»), not «В Душанбе прошло…».
fn may_open_dateline(line: &str) -> bool {
    let t = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let head = &t[..super::floor_char_boundary(t, 80)];
    // One pass up to the first of `,./(-–—`, stopping at the first word
    // that rules the line out (most lines' second word).
    let mut words = 0;
    let mut inside = false;
    for c in head.chars() {
        if matches!(c, ',' | '.' | '/' | '(' | '-' | '–' | '—') {
            break;
        }
        if c.is_whitespace() {
            inside = false;
        } else if !inside {
            words += 1;
            if words > 3 || !super::is_upper(c) {
                return false;
            }
            inside = true;
        }
    }
    words > 0
}

/// One non-blank line (or piece of a line) and what it is.
#[derive(Debug, Clone, Copy)]
struct Unit {
    span: Span,
    kind: LineKind,
    /// Its words, counted up to [`page::COUNTED_WORDS`] (for a Prose or
    /// Short line).
    words: usize,
}

/// A short line found three times or more on a page is a widget's
/// («Загрузка новости...», «Читать далее») or a caption's, a page detail
/// and never a paragraph: article text does not repeat itself word for
/// word.
fn repeated_lines_are_site_text(text: &str, units: &mut [Unit]) {
    const SHORT: usize = 8;
    // The words a unit carries were counted far enough.
    const _: () = assert!(SHORT <= page::COUNTED_WORDS);
    let mut seen: FxHashMap<&str, u32> = FxHashMap::default();
    for u in units.iter() {
        let line = line_str(text, u.span);
        if matches!(u.kind, LineKind::Prose | LineKind::Short) && u.words < SHORT {
            *seen.entry(line).or_default() += 1;
        }
    }
    if seen.values().all(|&n| n < 3) {
        return;
    }
    for u in units.iter_mut() {
        let line = line_str(text, u.span);
        if matches!(u.kind, LineKind::Prose | LineKind::Short) && seen.get(line).is_some_and(|&n| n >= 3) {
            u.kind = LineKind::Meta;
        }
    }
}

/// Lines that open a photo credit.
const PHOTO_MARKERS: &[&str] =
    &["фото:", "фото ", "фото©", "фото ©", "photo:", "© фото", "изображение:", "иллюстрация:"];

/// Whether `line` opens with one of `markers` (lowercase), compared
/// case-blind character by character without lowercasing the line (this
/// runs on every line of every document). A bare «Фото» line counts too.
fn opens_with(line: &str, markers: &[&str]) -> bool {
    let l = line.trim_start();
    let lower = super::lower_russian;
    let opens = |m: &str| {
        let mut cs = l.chars();
        m.chars().all(|mc| cs.next().map(lower) == Some(mc))
    };
    markers.iter().any(|m| opens(m))
}

/// A photo credit («Фото: …», «Photo: …», «© Фото : …», a bare «Фото»).
pub(crate) fn is_photo_credit(line: &str) -> bool {
    let l = line.trim();
    // Every marker opens with «©», «ф», «и» or «p»: other lines (nearly
    // all) are not compared with each marker.
    if !matches!(l.chars().next().map(super::lower_russian), Some('©' | 'ф' | 'и' | 'p')) {
        return false;
    }
    l.starts_with('©') || opens_with(l, PHOTO_MARKERS) || (opens_with(l, &["фото"]) && l.chars().count() == 4)
}

/// The lines of `text` (without their line breaks), in order.
fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    breaks.scan(0, |start, i| {
        let line = Span::new(*start, i);
        *start = i + 1;
        Some(line)
    })
}

fn line_str(text: &str, s: Span) -> &str {
    &text[s.start..s.end]
}

fn is_blank(s: &str) -> bool {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty()
}

fn trimmed(text: &str, s: Span) -> Span {
    // White space, and the byte-order mark some files start with.
    let blank = |c: char| c.is_whitespace() || c == '\u{feff}';
    let t = &text[s.start..s.end];
    let lead = t.len() - t.trim_start_matches(blank).len();
    let trail = t.len() - t.trim_end_matches(blank).len();
    Span::new(s.start + lead, (s.end - trail).max(s.start + lead))
}

fn leading_ws(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

fn trim_end(s: &str, start: usize) -> usize {
    start + s.trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn splitter() -> PartsSplitter {
        PartsSplitter::new([
            "ТАСС",
            "РИА Новости",
            "Sputnik",
            "INTERFAX.RU",
            "КАЗИНФОРМ",
            "АРМЕНПРЕСС",
            "АЗЕРТАДЖ",
            "Trend",
        ])
        .unwrap()
    }

    fn shape(line: &str) -> Option<(String, Option<String>, Option<String>, String)> {
        let d = splitter().dateline_in(line, 0)?;
        let s = |x: Span| line[x.start..x.end].to_string();
        Some((s(d.place), d.date.map(s), d.agency.map(s), s(d.span)))
    }

    #[test]
    fn only_the_shape_a_line_can_take_compiles() {
        let s = splitter();
        assert!(s.shapes.compiled().is_empty(), "nothing compiled before the first line");
        assert!(s.dateline_in("Министр прибыл в Душанбе.", 0).is_none());
        assert!(s.shapes.compiled().is_empty(), "a line that opens no dateline compiles nothing");
        assert!(s.dateline_in("6 октября, МОСКВА /ТАСС/. Министр", 0).is_some());
        assert_eq!(s.shapes.compiled(), [DATE_FIRST]);
        assert!(s.dateline_in("\u{a0}МОСКВА, 6 октября. /ТАСС/. Министр", 0).is_some());
        assert_eq!(s.shapes.compiled(), [DATE_FIRST, CITY_FIRST]);
        // The same agency again: the same pattern.
        assert!(s.dateline_in("МИНСК, 7 октября. /ТАСС/. Министр", 0).is_some());
        assert_eq!(s.shapes.compiled(), [DATE_FIRST, CITY_FIRST]);
        s.compile_now().expect("the shapes compile");
    }

    #[test]
    fn past_a_few_combinations_of_agencies_one_whole_pattern_serves() {
        let s = splitter();
        let lines = [
            "МОСКВА, 6 окт — РИА Новости. Министр",
            "МОСКВА, 6 окт — Sputnik. Министр",
            "МОСКВА, 6 окт /ТАСС/. Министр",
            "АСТАНА. КАЗИНФОРМ – Министр",
            "БАКУ /Trend/ - Министр",
        ];
        for line in lines {
            assert!(s.dateline_in(line, 0).is_some(), "{line}");
        }
        // Three patterns with a line's spellings, then the whole one.
        assert_eq!(s.shapes.compiled(), [CITY_FIRST; PARTIAL_SHAPES + 1]);
        assert_eq!(s.dateline_in("ЕРЕВАН, 6 ОКТЯБРЯ, АРМЕНПРЕСС. Министр", 0).map(|d| d.agency.is_some()), Some(true));
        assert_eq!(s.shapes.compiled().len(), PARTIAL_SHAPES + 1);
    }

    #[test]
    fn a_pattern_holds_the_spellings_of_its_line_in_the_order_they_are_tried() {
        let s = splitter();
        // Two agencies in one line: the pattern holds both spellings, and
        // the agency is the one where the dateline names it.
        let d = s.dateline_in("МОСКВА, 6 окт — РИА Новости. ТАСС сообщил", 0).expect("a dateline");
        assert_eq!(d.agency.map(|a| a.start), Some("МОСКВА, 6 окт — ".len()));
        let d = s.dateline_in("МОСКВА, 6 окт — ТАСС. РИА Новости сообщили", 0).expect("a dateline");
        assert_eq!(d.agency.map(|a| a.end), Some("МОСКВА, 6 окт — ТАСС".len()));
        assert!(PartsSplitter::unbuilt().dateline_in("МОСКВА, 6 окт — ТАСС. Министр", 0).is_none());
    }

    #[test]
    fn dateline_shapes_of_the_wires() {
        let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
            ("МОСКВА, 6 октября. /ТАСС/. Министр", "МОСКВА", Some("6 октября"), Some("ТАСС")),
            ("МОСКВА, 6 окт — РИА Новости. Министр", "МОСКВА", Some("6 окт"), Some("РИА Новости")),
            ("Москва. 6 октября. INTERFAX.RU – Министр", "Москва", Some("6 октября"), Some("INTERFAX.RU")),
            ("ДУШАНБЕ, 15 мар — Sputnik. Министр", "ДУШАНБЕ", Some("15 мар"), Some("Sputnik")),
            ("МИНСК, 6 октября (БЕЛТА) – Министр", "МИНСК", Some("6 октября"), Some("БЕЛТА")),
            ("АСТАНА. КАЗИНФОРМ – Министр", "АСТАНА", None, Some("КАЗИНФОРМ")),
            ("БИШКЕК, 6 октября /Кабар/. Министр", "БИШКЕК", Some("6 октября"), Some("Кабар")),
            ("Ташкент, 6 октября (УзА). Министр", "Ташкент", Some("6 октября"), Some("УзА")),
            ("ЕРЕВАН, 6 ОКТЯБРЯ, АРМЕНПРЕСС. Министр", "ЕРЕВАН", Some("6 ОКТЯБРЯ"), Some("АРМЕНПРЕСС")),
            ("БАКУ /Trend/ - Министр", "БАКУ", None, Some("Trend")),
            ("БАКУ, Азербайджан, 6 октября /Trend/ - Министр", "БАКУ", Some("6 октября"), Some("Trend")),
            ("ДУШАНБЕ, 07.10.2020 /НИАТ «Ховар»/. 6 октября", "ДУШАНБЕ", Some("07.10.2020"), Some("НИАТ «Ховар»")),
            ("ДУШАНБЕ, 07.10.2020 /НИАТ «Ховар/. 6 октября", "ДУШАНБЕ", Some("07.10.2020"), Some("НИАТ «Ховар")),
            ("НУР-СУЛТАН. КАЗИНФОРМ – Президент", "НУР-СУЛТАН", None, Some("КАЗИНФОРМ")),
            ("6 октября, Минск /Корр. БЕЛТА/. Президент", "Минск", Some("6 октября"), Some("Корр. БЕЛТА")),
            ("Астана - 8 октября /KZinform/. Президент", "Астана", Some("8 октября"), Some("KZinform")),
        ];
        for (line, place, date, agency) in cases {
            let got = shape(line).unwrap_or_else(|| panic!("no dateline in {line}"));
            assert_eq!((got.0.as_str(), got.1.as_deref(), got.2.as_deref()), (*place, *date, *agency), "{line}");
            assert!(!got.3.ends_with(' '));
        }
    }

    /// `may_open_dateline` as it was written before its one pass.
    fn may_open_by_cut(line: &str) -> bool {
        let t = line.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if t.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        let head = &t[..crate::text::floor_char_boundary(t, 80)];
        let cut = head.find([',', '.', '/', '(', '-', '–', '—']).unwrap_or(head.len());
        let mut words = head[..cut].split_whitespace().peekable();
        words.peek().is_some() && words.enumerate().all(|(k, w)| k < 3 && w.starts_with(char::is_uppercase))
    }

    #[test]
    fn dateline_openings_in_one_pass() {
        for line in [
            "МОСКВА, 6 октября",
            "Баку, Азербайджан, 6 октября",
            "АСТАНА. КАЗИНФОРМ –",
            "БАКУ /Trend/",
            "Нур-Султан – 8 октября",
            "В Душанбе прошло",
            "Владимир Путин, президент",
            "Один Два Три Четыре, пять",
            "\u{feff}\u{a0}ЕРЕВАН — 6 ОКТЯБРЯ",
            "6 октября, Минск",
            ", Москва",
            "",
            "Ѐлка Ӂ",
        ] {
            assert_eq!(may_open_dateline(line), may_open_by_cut(line), "{line}");
        }
    }

    #[test]
    fn agency_names_only_where_a_dateline_can_name_one() {
        let s = splitter();
        let v = s.variants();
        let names =
            |line: &str| -> Vec<&str> { v.found_in(line).iter().map(|&i| v.all[i as usize].as_str()).collect() };
        assert_eq!(names("МОСКВА, 6 окт — ТАСС. Министр"), ["ТАСС"]);
        assert_eq!(names("МОСКВА&nbsp;— РИА Новости. ТАСС"), ["РИА Новости", "ТАСС"]);
        // Past a quote or a colon no shape reaches a name.
        assert!(names("Министр сказал: «ТАСС сообщил»").is_empty());
        assert_eq!(names("МОСКВА «ТАСС»"), Vec::<&str>::new());
        // The character that ends the reach may open a name.
        let quoted = PartsSplitter::new(["«Ховар»"]).unwrap();
        let qv = quoted.variants();
        assert_eq!(qv.found_in("ДУШАНБЕ «Ховар» сообщает").len(), 1);
    }

    #[test]
    fn agency_names_by_their_first_and_last_letters() {
        let s = splitter();
        assert!(s.is_agency_name("Sputnik Казахстан"));
        assert!(s.is_agency_name("Новости РИА Новости"));
        assert!(!s.is_agency_name("Министры встретились"));
        assert!(!s.is_agency_name("Новости агентства ТАСС сегодня"));
        assert!(!PartsSplitter::unbuilt().is_agency_name("ТАСС"));
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        for line in [
            "Министр иностранных дел России провел переговоры.",
            "В Минске прошла встреча",
            "Таджикистан и Австрия (страны) провели",
        ] {
            assert!(shape(line).is_none(), "{line}");
        }
    }

    #[test]
    fn headline_body_trailer() {
        let text = "Заголовок статьи\nМОСКВА, 6 октября. /ТАСС/. Первый абзац.\nВторой абзац.\nФОТО: пресс-служба\n\nДругая новость\nЕщё новость\n";
        let p = splitter().split(text);
        let s = |x: Span| &text[x.start..x.end];
        assert_eq!(s(p.headline.unwrap()), "Заголовок статьи");
        assert_eq!(p.body.iter().map(|&b| s(b)).collect::<Vec<_>>(), ["Первый абзац.", "Второй абзац."]);
        assert_eq!(p.trailer.len(), 3);
        let body0 = p.body[0];
        assert!(p.in_content(body0) && !p.in_content(p.trailer[0]));
        assert_eq!(p.content_end(text.len()), p.trailer[0].start);
    }

    #[test]
    fn lead_paragraph_before_the_dateline() {
        let text = "Президент США заявил о новых санкциях.\nВАШИНГТОН, 22 января. /ТАСС/. Подробности.";
        let p = splitter().split(text);
        assert_eq!(p.headline, None);
        let s = |x: Span| &text[x.start..x.end];
        assert_eq!(
            p.body.iter().map(|&b| s(b)).collect::<Vec<_>>(),
            ["Президент США заявил о новых санкциях.", "Подробности."]
        );
    }

    #[test]
    fn press_release_without_dateline() {
        let text = "О встрече Министра с Послом\n10 марта состоялась встреча.";
        let p = splitter().split(text);
        assert!(p.dateline.is_none());
        assert_eq!(&text[p.headline.unwrap().start..p.headline.unwrap().end], "О встрече Министра с Послом");
        assert_eq!(p.body.len(), 1);
    }
}
