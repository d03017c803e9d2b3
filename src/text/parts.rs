//! Document parts: headline, dateline, body, trailer.
//!
//! Agency copy comes as lines: an optional headline, a dateline that opens
//! the first body paragraph («ДУШАНБЕ, 07.10.2020 /НИАТ «Ховар»/.»), the body
//! paragraphs, and a trailer the event has nothing to do with: photo credits
//! («ФОТО: …»), «Читайте также» blocks and runs of related-article headlines.
//! Later stages read entities from the headline and body only.

use crate::record::Span;
use regex::Regex;

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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts {
    /// The title line(s) before the dateline, or a short first line with no
    /// final period.
    pub headline: Option<Span>,
    /// The dateline, when the text has one.
    pub dateline: Option<DatelineShape>,
    /// Body paragraphs (the first starts right after the dateline).
    pub body: Vec<Span>,
    /// Photo credits, source lines, related headlines: one span per line,
    /// in text order (a credit above the text comes first).
    pub trailer: Vec<Span>,
}

impl Parts {
    /// Whether `span` lies inside the headline or a body paragraph.
    pub fn in_content(&self, span: Span) -> bool {
        self.headline.is_some_and(|h| h.contains(span)) || self.body.iter().any(|b| b.contains(span))
    }

    /// Where the trailer after the body starts (the end of the input when
    /// there is none; a photo credit above the text does not count).
    pub fn content_end(&self, text_len: usize) -> usize {
        let body_end = self.body.last().map_or(0, |b| b.end);
        self.trailer.iter().map(|t| t.start).find(|&s| s >= body_end).unwrap_or(text_len)
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
    city_first: Regex,
    /// The same shape for lowercased dumps («москва, 1 дек - риа новости.»).
    city_first_lower: Regex,
    date_first: Regex,
    /// Lowercased agency names, to accept a bracketed agency with no date.
    names: Vec<String>,
}

impl PartsSplitter {
    /// A splitter that knows the given agency names (as they appear in
    /// datelines without slashes or brackets: «РИА Новости», «КАЗИНФОРМ»).
    ///
    /// Fails only when the names make the patterns too big to compile.
    pub fn new<'a>(agency_names: impl IntoIterator<Item = &'a str>) -> Result<PartsSplitter, regex::Error> {
        let mut names: Vec<String> = agency_names
            .into_iter()
            .map(|n| agency_spelling(n).to_string())
            .filter(|n| n.chars().count() >= 2)
            .collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        names.dedup();
        // Each name as written, in capitals and in lower case (lowercased
        // dumps): literal alternatives compile several times faster than
        // one case-insensitive alternation, and datelines use no other case.
        let mut alts: Vec<String> = Vec::with_capacity(names.len() * 4);
        for n in &names {
            for v in [n.clone(), n.to_uppercase(), n.to_lowercase(), title_case(n)] {
                let v = regex::escape(&v);
                if !alts.contains(&v) {
                    alts.push(v);
                }
            }
        }
        let named = if alts.is_empty() { r"[^\s\S]".to_string() } else { format!("(?:{})", alts.join("|")) };
        // No `\b` after the month: a Unicode word boundary keeps the regex
        // engine off its DFA (parts took longer than tokenizing); a word
        // going on after the dateline is rejected in `dateline_in`.
        let date = format!(
            r"\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{1,2}}[\x20\u00A0]+(?i:(?:{MONTHS})|(?:{MONTH_ABBREVIATIONS})\.?)(?:[\x20\u00A0]+\d{{4}}(?:[\x20\u00A0]*(?:года|г\.))?)?"
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
        Ok(PartsSplitter {
            city_first: Regex::new(&city_first)?,
            city_first_lower: Regex::new(&city_first_lower)?,
            date_first: Regex::new(&date_first)?,
            names: names.iter().map(|n| n.to_lowercase()).collect(),
        })
    }

    /// A splitter that finds no dateline, cheap to make: a placeholder while
    /// the agencies are being loaded.
    pub(crate) fn unbuilt() -> PartsSplitter {
        let never = || Regex::new(r"[^\s\S]").expect("compiles");
        PartsSplitter { city_first: never(), city_first_lower: never(), date_first: never(), names: Vec::new() }
    }

    /// Finds a dateline at the very start of `line` (which starts at byte
    /// `offset` of the document). A dateline needs a date or an agency
    /// after the place.
    pub fn dateline_in(&self, line: &str, offset: usize) -> Option<DatelineShape> {
        // A dateline is short: look at the start of the line only.
        let line = &line[..super::floor_char_boundary(line, MAX_DATELINE)];
        let lower = super::is_lowercased(line);
        let first = if lower { &self.city_first_lower } else { &self.city_first };
        // A match test first: on an anchored pattern the capturing engine
        // would run (and clear its state) on every line, datelines or not.
        let caps = if first.is_match(line) {
            first.captures(line)
        } else if self.date_first.is_match(line) {
            self.date_first.captures(line)
        } else {
            None
        }?;
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
    pub fn split(&self, text: &str) -> Parts {
        let lines = lines(text);
        let mut parts = Parts::default();
        let mut nonempty: Vec<usize> = (0..lines.len()).filter(|&i| !is_blank(line_str(text, lines[i]))).collect();
        if nonempty.is_empty() {
            return parts;
        }
        // A photo credit above the text («Фото: МИД Беларуси», under the
        // title or before it) is no title, no lead and no dateline.
        // Only before the text itself: the first line, or the second under
        // a title («Читайте также» under a one-line body is the trailer's).
        let mut credits: Vec<Span> = Vec::new();
        let mut k = 0;
        while k < nonempty.len().min(2) && nonempty.len() > 1 {
            let line = line_str(text, lines[nonempty[k]]);
            if is_photo_credit(line) {
                credits.push(trimmed(text, lines[nonempty.remove(k)]));
            } else if k == 0 && looks_like_headline(line) {
                k += 1;
            } else {
                break;
            }
        }
        // The dateline opens one of the first three non-empty lines.
        let mut dl_line = None;
        for &li in nonempty.iter().take(3) {
            let l = lines[li];
            if let Some(shape) = self.dateline_in(line_str(text, l), l.start) {
                parts.dateline = Some(shape);
                dl_line = Some(li);
                break;
            }
        }
        let body_first_line;
        // Lines before the dateline that are no title: a lead paragraph
        // some dumps put first («…» then «ВАШИНГТОН, 22 января. /ТАСС/.»).
        let mut lead: Vec<Span> = Vec::new();
        match dl_line {
            Some(li) => {
                let before: Vec<usize> = nonempty.iter().copied().filter(|&k| k < li).collect();
                for (n, &k) in before.iter().enumerate() {
                    let span = trimmed(text, lines[k]);
                    if n == 0 && looks_like_headline(line_str(text, lines[k])) {
                        parts.headline = Some(span);
                    } else {
                        lead.push(span);
                    }
                }
                body_first_line = li;
            }
            None => {
                let first = nonempty[0];
                let l = line_str(text, lines[first]);
                if nonempty.len() > 1 && looks_like_headline(l) {
                    parts.headline = Some(trimmed(text, lines[first]));
                    body_first_line = nonempty[1];
                } else {
                    body_first_line = first;
                }
            }
        }
        let body_lines: Vec<usize> = nonempty.iter().copied().filter(|&k| k >= body_first_line).collect();
        let trailer_from = trailer_start(text, &lines, &body_lines);
        for (n, &li) in body_lines.iter().enumerate() {
            let mut span = trimmed(text, lines[li]);
            if n == 0 {
                if let Some(d) = &parts.dateline {
                    span.start = span.start.max(d.span.end);
                    // skip spaces after the dateline
                    let rest = &text[span.start..span.end];
                    span.start += rest.len() - rest.trim_start().len();
                }
            }
            if n >= trailer_from {
                parts.trailer.push(span);
            } else if !span.is_empty() {
                parts.body.push(span);
            }
        }
        if !lead.is_empty() {
            lead.append(&mut parts.body);
            parts.body = lead;
        }
        if !credits.is_empty() {
            credits.append(&mut parts.trailer);
            parts.trailer = credits;
        }
        parts
    }
}

/// Index (into `body_lines`) of the first trailer line; `body_lines.len()`
/// when there is no trailer. The first body line never is one.
fn trailer_start(text: &str, lines: &[Span], body_lines: &[usize]) -> usize {
    let n = body_lines.len();
    for (k, &li) in body_lines.iter().enumerate().skip(1) {
        if is_trailer_marker(line_str(text, lines[li])) {
            return k;
        }
    }
    // A final run of headline-like lines (no closing period): related
    // articles, or a one-line signature.
    let mut k = n;
    while k > 1 && looks_like_headline(line_str(text, lines[body_lines[k - 1]])) {
        k -= 1;
    }
    let run = n - k;
    let short_signature = run == 1 && line_str(text, lines[body_lines[n - 1]]).trim().chars().count() <= 40;
    if run >= 2 || short_signature {
        k
    } else {
        n
    }
}

/// Lines that open a photo credit.
const PHOTO_MARKERS: &[&str] = &["фото:", "фото ", "фото©", "фото ©", "photo:"];

/// Whether `line` opens with one of `markers` (lowercase), compared
/// case-blind character by character without lowercasing the line (this
/// runs on every line of every document). A bare «Фото» line counts too.
fn opens_with(line: &str, markers: &[&str]) -> bool {
    let l = line.trim_start();
    let lower = |c: char| match c {
        'A'..='Z' | 'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ё' => 'ё',
        _ => c,
    };
    let opens = |m: &str| {
        let mut cs = l.chars();
        m.chars().all(|mc| cs.next().map(lower) == Some(mc))
    };
    markers.iter().any(|m| opens(m))
}

/// A photo credit («Фото: …», «Photo: …», «© …», a bare «Фото»).
fn is_photo_credit(line: &str) -> bool {
    let l = line.trim();
    l.starts_with('©') || opens_with(l, PHOTO_MARKERS) || (opens_with(l, &["фото"]) && l.chars().count() == 4)
}

fn is_trailer_marker(line: &str) -> bool {
    const MARKERS: &[&str] = &[
        "источник:",
        "читайте также",
        "читайте:",
        "смотрите также",
        "см. также",
        "подробнее:",
        "теги:",
        "по теме:",
        "материалы по теме",
        "видео:",
        "также читайте",
        "ранее по теме",
        "подписывайтесь на ",
    ];
    is_photo_credit(line) || opens_with(line, MARKERS)
}

/// A title-like line: not too long, and it does not end a sentence.
fn looks_like_headline(line: &str) -> bool {
    let t = line.trim();
    let n = t.chars().count();
    n > 0 && n <= 300 && !t.ends_with(['.', '!', '?', '…', ':', ';', ',']) && !t.ends_with(".»")
}

fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    // `match_indices` of a char searches with memchr.
    for (i, _) in text.match_indices('\n') {
        out.push(Span::new(start, i));
        start = i + 1;
    }
    out.push(Span::new(start, text.len()));
    out
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
