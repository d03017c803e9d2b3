//! What a line of a copied web page is: site text (menus, rubrics,
//! switchers, currency and weather, counters, timestamps, calls to
//! subscribe, link blocks) or article text (a title-like line, a sentence).
//!
//! Judged by general features — length, sentence punctuation, separators,
//! digits and signs — and by the few words in `gazetteers/site.tsv`; no
//! site is named anywhere, so a site never seen before reads the same way.

use super::{is_lower, is_upper};
use crate::gazetteer::hash::{FxHashMap, FxHashSet};
use once_cell::sync::Lazy;
use regex::Regex;

/// What one line (or a piece of a line glued to others) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Nothing but white space.
    Blank,
    /// A photo credit («Фото: …», «© Фото: …»).
    Credit,
    /// A page detail: a timestamp, a clock time, a view counter, an author
    /// line, a document number.
    Meta,
    /// A call to follow the site («Подписывайтесь на … в Дзен»).
    Subscribe,
    /// A link block opener («Читайте также»).
    Soft,
    /// A block that ends the article (tags, share buttons, comments).
    Hard,
    /// Site text: a menu, a rubric, a language switcher, a breadcrumb,
    /// currency or weather, the site's slogan.
    Site,
    /// A sentence: ends with sentence punctuation (also `;` of a list item).
    Prose,
    /// Anything else: a title-like line.
    Short,
}

/// The site words of `gazetteers/site.tsv`, by family.
struct Vocabulary {
    menu: FxHashSet<String>,
    site: Vec<Vec<String>>,
    subscribe: Vec<Vec<String>>,
    meta: Vec<Vec<String>>,
    soft: Vec<Vec<String>>,
    hard: Vec<Vec<String>>,
    opener: Vec<String>,
    notice: Vec<String>,
    /// The families whose phrases open with a word, by that word (the
    /// families' bits: [`SUBSCRIBE`] and the others).
    firsts: FxHashMap<String, u8>,
    /// The same for first words written as a stem («cookie*»).
    first_stems: Vec<(String, u8)>,
    /// The families with a phrase opening with any word («*»).
    any_first: u8,
}

/// Bits of the phrase families in [`Vocabulary::firsts`].
const SUBSCRIBE: u8 = 1;
const META: u8 = 2;
const HARD: u8 = 4;
const SOFT: u8 = 8;
const SITE: u8 = 16;

impl Vocabulary {
    /// Notes that a phrase of the families `bit` opens with `word`.
    fn add_first(&mut self, word: &str, bit: u8) {
        match word.strip_suffix('*') {
            Some("") => self.any_first |= bit,
            Some(stem) => self.first_stems.push((stem.to_string(), bit)),
            None => *self.firsts.entry(word.to_string()).or_default() |= bit,
        }
    }

    /// The families with a phrase whose first word is one of `words`: the
    /// only ones whose phrases a line of these words can hold.
    fn families_of(&self, words: &[&str]) -> u8 {
        let mut bits = self.any_first;
        for w in words {
            bits |= self.firsts.get(*w).copied().unwrap_or(0);
            for (stem, bit) in &self.first_stems {
                if w.starts_with(stem.as_str()) {
                    bits |= bit;
                }
            }
        }
        bits
    }
}

static VOCABULARY: Lazy<Vocabulary> = Lazy::new(|| {
    let mut v = Vocabulary {
        menu: FxHashSet::default(),
        site: Vec::new(),
        subscribe: Vec::new(),
        meta: Vec::new(),
        soft: Vec::new(),
        hard: Vec::new(),
        opener: Vec::new(),
        notice: Vec::new(),
        firsts: FxHashMap::default(),
        first_stems: Vec::new(),
        any_first: 0,
    };
    for line in include_str!("../../gazetteers/site.tsv").lines().skip_while(|l| l.starts_with('#')).skip(1) {
        let Some((family, phrase)) = line.split_once('\t') else { continue };
        let words: Vec<String> = phrase.split_whitespace().map(str::to_string).collect();
        let bit = match family {
            "subscribe" => SUBSCRIBE,
            "meta" => META,
            "hard" => HARD,
            "soft" => SOFT,
            "site" => SITE,
            _ => 0,
        };
        // An empty phrase opens every line.
        let first = words.first().map_or("*", String::as_str).to_string();
        if bit != 0 {
            v.add_first(&first, bit);
        }
        match family {
            "menu" => v.menu.extend(words),
            "site" => v.site.push(words),
            "subscribe" => v.subscribe.push(words),
            "meta" => v.meta.push(words),
            "soft" => v.soft.push(words),
            "hard" => v.hard.push(words),
            "opener" => v.opener.extend(words),
            "notice" => v.notice.push(phrase.to_string()),
            _ => {}
        }
    }
    v
});

/// Whether `word` (lowercased) opens sentences the way a place opens a
/// dateline («Ранее, 12 февраля, …»): no dateline starts with it.
pub(crate) fn opens_sentences(word: &str) -> bool {
    let word = word.replace('ё', "е");
    VOCABULARY.opener.contains(&word)
}

/// Forces the vocabulary now rather than on first use.
pub(crate) fn compile() {
    Lazy::force(&VOCABULARY);
    Lazy::force(&TIMESTAMP);
    Lazy::force(&NOTICE);
}

/// The stems of month names as a day is written with them («14 января»,
/// «3 мая»), in lower case.
pub(crate) const MONTH_STEMS: [&str; 12] =
    ["январ", "феврал", "март", "апрел", "мая", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];

/// Month names by their stems, in lower case and in capitals (a page
/// writes «14 Января», «14 января» or «14 ЯНВАРЯ»): literal alternatives
/// keep the pattern small, where a case-blind one over Cyrillic compiles
/// into large classes.
fn months() -> String {
    let mut alts = Vec::new();
    for stem in MONTH_STEMS {
        let mut cs = stem.chars();
        let first = cs.next().unwrap_or_default();
        let rest: String = cs.collect();
        alts.push(format!("[{first}{}]{rest}[а-я]*", first.to_uppercase()));
        alts.push(format!("{}[А-Я]*", stem.to_uppercase()));
    }
    alts.join("|")
}

/// A publication timestamp: a date with its year and usually a clock time
/// («14 марта 2022, 19:42», «17.04.2024 14:30», «12:58 17/01/2017» (day
/// first, as Russian sites write it), «15:32, 5 марта 2025»,
/// «10.03.2025 [15:12]», «14 Января 2025 16:35 (UTC +04:00)»). ASCII digits
/// and spaces only: Unicode classes would cost milliseconds to compile.
static TIMESTAMP: Lazy<Regex> = Lazy::new(|| {
    let sp = r"[ \t\u{a0}]";
    let months = months();
    let date = format!(
        r"(?:[0-9]{{1,2}}\.[0-9]{{1,2}}\.(?:[0-9]{{4}}|[0-9]{{2}})|[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{4}}|[0-9]{{1,2}}{sp}+(?:{months}){sp}+[0-9]{{4}}(?:{sp}+(?:года|г\.))?)"
    );
    let time = r"\[?[0-9]{1,2}:[0-9]{2}\]?";
    Regex::new(&format!(
        r"(?:{time},?{sp}+)?(?P<date>{date})(?:,?{sp}*(?:в{sp}+)?{time})?(?:{sp}*\((?:UTC|GMT|МСК)[^)]{{0,12}}\))?"
    ))
    .expect("the timestamp pattern compiles")
});

/// A timestamp inside `line`: its byte range and the range of its date.
/// Only a date with a year counts, and (when it is not the whole line) only
/// one with a clock time: «8 октября 2018 года» in a sentence is no
/// timestamp.
pub(crate) fn timestamp_in(line: &str) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    // A timestamp has a clock time, unless it is the whole (short) line.
    if !(line.len() <= 48 || memchr::memchr(b':', line.as_bytes()).is_some()) {
        return None;
    }
    // A match with no colon counts only as the whole line, and then opens
    // with its date's digit (the clock time before a date has a colon):
    // most sentences with a colon and a figure are rejected here, without
    // the pattern.
    if !may_hold_colon(line) && !line.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    for c in TIMESTAMP.captures_iter(line) {
        let whole = c.get(0)?;
        let date = c.name("date")?;
        let has_time = whole.as_str().contains(':');
        let alone = line[..whole.start()].trim().is_empty() && line[whole.end()..].trim().is_empty();
        if has_time || alone {
            return Some((whole.range(), date.range()));
        }
    }
    None
}

/// Whether a match of [`TIMESTAMP`] in `line` may hold a colon: a clock
/// time's digits («9:05», «19:42»: a digit, a colon, two digits) or a time
/// zone in brackets («(UTC +04:00)», «(МСК)»).
fn may_hold_colon(line: &str) -> bool {
    let b = line.as_bytes();
    let clock = memchr::memchr_iter(b':', b).any(|i| {
        i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            && b.get(i + 2).is_some_and(u8::is_ascii_digit)
    });
    clock || (memchr::memchr(b'(', b).is_some() && ["(UTC", "(GMT", "(МСК"].iter().any(|z| line.contains(z)))
}

/// Lowercase words of a line (letters, digits, hyphens), `ё` as `е`, at
/// most `max` of them; None when there are more. One buffer for the line,
/// the words are slices of it.
fn words(line: &str, max: usize) -> Option<(String, Vec<std::ops::Range<usize>>)> {
    plain_words(line, max).unwrap_or_else(|| char_words(line, max))
}

/// [`words`] a character at a time, for any line.
fn char_words(line: &str, max: usize) -> Option<(String, Vec<std::ops::Range<usize>>)> {
    let mut buf = String::with_capacity(line.len());
    let mut out = Vec::new();
    // «ria.ru» is one word: a dot inside a word stays.
    for w in line.split(|c: char| !(is_word_char(c) || c == '-' || c == '+' || c == '.')) {
        let w = w.trim_matches(['-', '.']);
        if w.is_empty() {
            continue;
        }
        if out.len() == max {
            return None;
        }
        let start = buf.len();
        // Lowercase Russian without «ё» and lowercase ASCII stay as written.
        let b = w.as_bytes();
        let plain = b.iter().enumerate().all(|(k, &x)| match x {
            b'A'..=b'Z' => false,
            0..=0x7F => true,
            0xD0 => b.get(k + 1).is_some_and(|&y| y >= 0xB0),
            0xD1 => b.get(k + 1).is_some_and(|&y| y <= 0x8F),
            0x80..=0xBF => true,
            _ => false,
        });
        if plain {
            buf.push_str(w);
            out.push(start..buf.len());
            continue;
        }
        for c in w.chars() {
            // Russian and ASCII without the Unicode tables.
            if c.is_ascii() || matches!(c, 'А'..='я' | 'Ё' | 'ё') {
                buf.push(match super::lower_russian(c) {
                    'ё' => 'е',
                    l => l,
                });
            } else {
                buf.extend(c.to_lowercase().map(|l| if l == 'ё' { 'е' } else { l }));
            }
        }
        out.push(start..buf.len());
    }
    Some((buf, out))
}

/// [`words`] on bytes, for a line whose letters are ASCII and Russian (А–я,
/// Ё, ё) only; None for any other letter or digit (then `words` reads
/// characters).
#[allow(clippy::option_option)]
fn plain_words(line: &str, max: usize) -> Option<Option<(String, Vec<std::ops::Range<usize>>)>> {
    let b = line.as_bytes();
    let mut buf = String::with_capacity(b.len());
    let mut out = Vec::with_capacity(max);
    let mut i = 0;
    loop {
        // A word: letters, digits, `-`, `+`, `.`; `lower` while none of
        // them changes in lower case (most words past a title's first).
        let (start, mut lower) = (i, true);
        while let Some(&x) = b.get(i) {
            if x.is_ascii_alphanumeric() || matches!(x, b'-' | b'+' | b'.') {
                lower &= !x.is_ascii_uppercase();
                i += 1;
            } else if x.is_ascii() {
                break;
            } else {
                match (x, b.get(i + 1).copied().unwrap_or(0)) {
                    (0xD0, 0xB0..=0xBF) | (0xD1, 0x80..=0x8F) => {}
                    // Capitals, «Ё» and «ё».
                    (0xD0, 0x90..=0xAF | 0x81) | (0xD1, 0x91) => lower = false,
                    // Another character: a separator unless it is a letter
                    // or digit («», dashes and no-break spaces are common in
                    // titles; other letters are read by characters).
                    _ => match line.get(i..).and_then(|r| r.chars().next()) {
                        Some(c) if !is_word_char(c) => break,
                        _ => return None,
                    },
                }
                i += 2;
            }
        }
        // Without its outer hyphens and dots; lowercased, «ё» as «е» (the
        // word ends at an ASCII byte or the line's end: a whole slice).
        let word = line.get(start..i)?.trim_matches(['-', '.']);
        if !word.is_empty() {
            if out.len() == max {
                return Some(None);
            }
            let at = buf.len();
            if lower {
                buf.push_str(word);
            } else {
                buf.extend(word.chars().map(|c| match super::lower_russian(c) {
                    'ё' => 'е',
                    l => l,
                }));
            }
            out.push(at..buf.len());
        }
        if i >= b.len() {
            break;
        }
        // The separator, one character.
        i += line.get(i..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
    }
    Some(Some((buf, out)))
}

/// What each byte tells [`word_count_upto`]: 1 for the first byte of a
/// word character (ASCII letters and digits, and every character outside
/// ASCII except those led by 0xC2 — Latin-1 signs: «», °, no-break space —
/// and 0xE2 — general punctuation: dashes, quotes, …, №, €, −), 0 for the
/// first byte of another character, 2 for a byte inside a character
/// (0x80–0xBF in UTF-8), which goes with the first.
const BYTES: [u8; 256] = {
    let mut t = [0; 256];
    let mut x = 0;
    while x < 256 {
        let b = x as u8;
        t[x] = match b {
            0..=0x7F => b.is_ascii_alphanumeric() as u8,
            0x80..=0xBF => 2,
            0xC2 | 0xE2 => 0,
            _ => 1,
        };
        x += 1;
    }
    t
};

/// Number of words (runs of letters or digits) in `line`, counted up to
/// `cap`: every rule compares it with a small number, and a long paragraph
/// must cost no more than the words it needs.
pub(crate) fn word_count_upto(line: &str, cap: usize) -> usize {
    let (mut n, mut inside) = (0, 0u8);
    // A byte at a time, each read on its own (reading a character at a
    // time made each read wait for the one before, to know where the next
    // character starts), and without a branch at each word's start and
    // end: where words begin is what a processor cannot guess.
    for &x in line.as_bytes() {
        let class = BYTES[x as usize];
        // A byte inside a character leaves what its first byte said.
        let word = (class & 1) | ((class >> 1) & inside);
        n += usize::from(word & !inside);
        if n >= cap {
            return n;
        }
        inside = word;
    }
    n
}

/// A letter or digit, with Russian letters and ASCII decided without the
/// Unicode tables (this runs on every character of a page's lines).
pub(crate) fn is_word_char(c: char) -> bool {
    match c {
        'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' | 'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        _ if c.is_ascii() => false,
        _ => c.is_alphanumeric(),
    }
}

fn word_matches(pattern: &str, word: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => pattern == word,
    }
}

/// Whether `words` open with `phrase`.
fn opens_with(words: &[&str], phrase: &[String]) -> bool {
    phrase.len() <= words.len() && phrase.iter().zip(words).all(|(p, w)| word_matches(p, w))
}

/// Whether `words` hold `phrase` anywhere.
fn holds(words: &[&str], phrase: &[String]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|w| opens_with(w, phrase))
}

/// Whether the line ends a sentence: a final `.`, `!`, `?`, `…` or `;`,
/// maybe followed by closing quotes or brackets.
fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['»', '"', '”', '“', ')', '\'', ' ']);
    t.ends_with(['.', '!', '?', '…', ';'])
}

/// Words of a sentence that is a paragraph whatever word it opens with.
const PARAGRAPH_WORDS: usize = 8;

/// Separators of menus, switchers and breadcrumbs: «Рус | Қаз»,
/// «Главная / Политика», «Главная » Политика».
fn is_separated_list(t: &str) -> bool {
    // One pass over the bytes for the six separators (six substring
    // searches cost more on every short line of a page).
    let b = t.as_bytes();
    let separated = b.iter().enumerate().any(|(i, &x)| {
        x == b' ' && {
            let r = &b[i + 1..];
            ["| ", "/ ", "» ", "> ", "• ", "· "].iter().any(|sep| r.starts_with(sep.as_bytes()))
        }
    });
    if !separated {
        return false;
    }
    let parts: Vec<&str> = t.split(['|', '/', '»', '>', '•', '·']).map(str::trim).collect();
    // Two bars or more cut a site's strip of items whatever ends it («RSS
    // | PDA | Архив   Пятница 29 Март 2024 | 1433 х.»): prose has none.
    let bars = memchr::memmem::find_iter(b, b" | ").nth(1).is_some();
    let most = if bars { 6 } else { 4 };
    parts.len() >= 2
        && !t.contains("//")
        && parts.iter().all(|p| word_count_upto(p, most + 1) <= most)
        && (bars || !ends_sentence(t))
}

/// Currency, weather and counters: short lines of figures and signs
/// («$ 99,17 +0,21», «USD 503,42», «Москва +19°», «Минск −6», «$ 1 = 359,87»).
fn is_figures(t: &str, n: usize) -> bool {
    if n > 4 || t.len() > 160 || t.chars().count() > 40 {
        return false;
    }
    // The currency codes are looked for only in a line with a Latin
    // capital (a substring search costs more than the rest of the test).
    let codes =
        || t.bytes().any(|b| b.is_ascii_uppercase()) && ["USD", "EUR", "RUB", "CNY"].iter().any(|c| t.contains(c));
    let sign = t.contains(['$', '€', '₽', '₸', '£', '¥', '°', '=']) || codes();
    // A signed temperature («+19°», «−6», «-3°C»).
    let weather = t.split_whitespace().any(|w| {
        let digits = w.trim_start_matches(['+', '−', '-']).trim_end_matches(['°', 'C', 'С']);
        let signed = digits.len() < w.len() && !w.starts_with(|c: char| c.is_ascii_digit());
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && (signed || w.ends_with('°'))
    });
    sign || weather
}

/// A page detail made of figures: a clock time, a counter, a document
/// number («13:30», «1245», «724-17-04-2024», «Комментарии (37)» is Hard).
fn is_figure_meta(t: &str) -> bool {
    // Most lines open with a letter: decided on the first byte.
    let first = t.as_bytes().first().copied().unwrap_or(b'a');
    (first.is_ascii_digit() || b" :-.,[]()\xC2".contains(&first))
        && !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || " :-.,[]()\u{a0}".contains(c))
        && t.chars().any(|c| c.is_ascii_digit())
}

/// A clock time with a word or two: «Сегодня, 11:32», «Вчера в 18:05».
fn is_clock_line(t: &str) -> bool {
    if t.len() > 40 {
        return false;
    }
    let b = t.as_bytes();
    let clock = b.windows(4).enumerate().any(|(i, w)| {
        w[0].is_ascii_digit()
            && w[1] == b':'
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit)
    });
    clock && t.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).count() <= 2
}

/// What `line` is.
#[cfg(test)]
pub(crate) fn classify(line: &str) -> LineKind {
    classify_counted(line).0
}

/// Words of a line counted by [`classify_counted`]: a Prose or Short line
/// says how many it has up to this many.
pub(crate) const COUNTED_WORDS: usize = PARAGRAPH_WORDS;

/// What `line` is, and (for a Prose or Short line) its words counted up
/// to [`COUNTED_WORDS`], so that the parts need not count them again.
pub(crate) fn classify_counted(line: &str) -> (LineKind, usize) {
    let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.is_empty() {
        return (LineKind::Blank, 0);
    }
    if super::parts::is_photo_credit(t) {
        return (LineKind::Credit, 0);
    }
    if is_figure_meta(t) || is_clock_line(t) {
        return (LineKind::Meta, 0);
    }
    // A link with its arrow («… Подробно>>>», «Читать →») points elsewhere.
    if is_address_line(t) || t.ends_with(">>") || t.ends_with('→') {
        return (LineKind::Site, 0);
    }
    // A timestamp with at most a word or two around it («Обновлено …»,
    // «(обновлено: 11:02)»); a sentence is none (and is not searched).
    if !ends_sentence(t) {
        if let Some((whole, _)) = timestamp_in(t) {
            let rest = format!("{} {}", &t[..whole.start], &t[whole.end..]);
            if word_count_upto(&rest, 4) <= 3 {
                return (LineKind::Meta, 0);
            }
        }
    }
    // Every rule below compares the count with at most VOCABULARY_WORDS,
    // and a line that ends a sentence is Prose from PARAGRAPH_WORDS on.
    let ends = ends_sentence(t);
    let n = word_count_upto(t, if ends { PARAGRAPH_WORDS } else { VOCABULARY_WORDS + 1 });
    let counted = n.min(COUNTED_WORDS);
    let sentence = ends && n >= 2;
    // A long sentence is article text whatever word it opens with (but a
    // strip of items cut by bars is none, whatever ends it).
    if sentence && n >= PARAGRAPH_WORDS {
        let strip = memchr::memchr(b'|', t.as_bytes()).is_some() && is_separated_list(t);
        return (if strip { LineKind::Site } else { LineKind::Prose }, counted);
    }
    // A date alone in any language («31 Січ 22», «5 Jan 2024») or an ISO
    // date with a word or two («date 2025-08-15 Site name»): a page
    // detail, never a title.
    if !sentence && ((n == 3 && is_bare_date(t)) || (n <= 8 && holds_iso_date(t))) {
        return (LineKind::Meta, counted);
    }
    // A line of hashtags («#Мир #Россия #Политика») is the page's tags.
    if !sentence && t.starts_with('#') {
        return (LineKind::Site, counted);
    }
    // Site words stand on short lines: longer ones are not looked up.
    if n <= VOCABULARY_WORDS {
        if let Some(kind) = by_vocabulary(t, n, sentence) {
            return (kind, counted);
        }
    }
    let kind = if is_separated_list(t) || is_figures(t, n) || (!sentence && glued_items(t)) {
        LineKind::Site
    } else if sentence {
        LineKind::Prose
    } else {
        LineKind::Short
    };
    (kind, counted)
}

/// Whether `t` is a day, a short month word and a year, written in any
/// language («31 Січ 22», «5 Jan 2024», «12 груд. 2023»): one or two
/// digits, a word of at most five letters, two or four digits.
fn is_bare_date(t: &str) -> bool {
    let mut w = t.split_whitespace();
    let digits =
        |s: Option<&str>, n: &[usize]| s.is_some_and(|s| n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()));
    let day = digits(w.next(), &[1, 2]);
    let month = w.next().is_some_and(|m| {
        let m = m.trim_end_matches('.');
        (1..=5).contains(&m.chars().count()) && m.chars().all(char::is_alphabetic)
    });
    day && month && digits(w.next(), &[2, 4]) && w.next().is_none()
}

/// Whether `t` holds an ISO date («2025-08-15»).
fn holds_iso_date(t: &str) -> bool {
    iso_date_in(t).is_some()
}

/// The byte range of the first ISO date in `t` («2025-08-15», also that of
/// «2025-08-15T10:42:00»): four digits, a hyphen, two digits, a hyphen, two
/// digits, a month of 01–12, with no digit on either side.
pub(crate) fn iso_date_in(t: &str) -> Option<std::ops::Range<usize>> {
    let b = t.as_bytes();
    memchr::memchr_iter(b'-', b).find_map(|i| {
        let start = i.checked_sub(4)?;
        let d = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
        if (start..i).all(d)
            && !start.checked_sub(1).is_some_and(d)
            && d(i + 1)
            && d(i + 2)
            && b.get(i + 3) == Some(&b'-')
            && d(i + 4)
            && d(i + 5)
            && !d(i + 6)
            && matches!((b[i + 1], b[i + 2]), (b'0', b'1'..=b'9') | (b'1', b'0'..=b'2'))
        {
            Some(start..i + 6)
        } else {
            None
        }
    })
}

/// Whether a line is mostly a link or an embedded image's address
/// («https://…», «data:image/…», «![](…)»), left by a scraper: its
/// chunks that hold an address make at least half of it.
fn is_address_line(t: &str) -> bool {
    // Every line comes here, and many sentences hold a colon: a chunk
    // counts only with «://», «data:» or «www.», looked for around each
    // colon and «w» (found with memchr) before the line is cut into chunks.
    let b = t.as_bytes();
    let marked = memchr::memchr2_iter(b':', b'w', b).any(|i| {
        let (before, after) = (&b[..i], &b[i + 1..]);
        if b[i] == b':' {
            after.starts_with(b"//") || before.ends_with(b"data")
        } else {
            after.starts_with(b"ww.")
        }
    });
    if !marked {
        return false;
    }
    let address: usize = t
        .split_whitespace()
        .filter(|w| w.contains("://") || w.contains("data:") || w.starts_with("www."))
        .map(str::len)
        .sum();
    address > 0 && 2 * address >= t.len()
}

/// Whether a line holds menu items copied without a break between them:
/// a word of five letters or more glued to a capitalized one of five or
/// more («ХроникаВоенная операция»). Names with inner capitals have short
/// parts («КазТАГ», «РусГидро»).
fn glued_items(t: &str) -> bool {
    let letters = |s: &str| s.chars().rev().take_while(|c| c.is_alphabetic()).count();
    // Only a capital can start the second item: capitals are found on the
    // bytes (ASCII, and Russian «А»–«Я» with «Ё» and the letters before
    // them, all led by 0xD0), other characters decoded, and only there is
    // the character before looked at.
    let b = t.as_bytes();
    (1..b.len()).any(|j| {
        let upper = match b[j] {
            b'A'..=b'Z' => true,
            // U+0400–U+042F capitals, U+0430–U+043F small letters.
            0xD0 => b.get(j + 1).is_some_and(|&y| y <= 0xAF),
            // U+0440–U+045F are small letters; past them cases alternate.
            0xD1 => b.get(j + 1).is_some_and(|&y| y >= 0xA0) && t[j..].chars().next().is_some_and(is_upper),
            // ASCII, and the bytes inside a character.
            0..=0xBF => false,
            _ => t[j..].chars().next().is_some_and(is_upper),
        };
        upper && t[..j].chars().next_back().is_some_and(is_lower) && {
            let after = &t[j..];
            letters(&t[..j]) >= 5
                && after.chars().take_while(|c| c.is_alphabetic()).count() >= 5
                && after.chars().skip(1).take(4).all(is_lower)
        }
    })
}

/// A site's notice is a sentence or two: longer lines are not looked up
/// (counted up to one past this).
const NOTICE_WORDS: usize = 30;

/// Whether a line is a site's notice about cookies, rights or personal
/// data, even as a sentence («Мы используем файлы cookie…», «Все права
/// защищены»): a line of a few sentences at most holding a notice phrase.
pub(crate) fn is_notice(line: &str) -> bool {
    // A paragraph is passed by its spaces (found by a vector search),
    // other lines by the anchors (another), before their words are
    // counted byte by byte.
    !spaced_words_over(line, NOTICE_WORDS)
        && NOTICE.as_ref().is_some_and(|n| {
            n.anchored(line) && word_count_upto(line, NOTICE_WORDS + 1) <= NOTICE_WORDS && n.phrases.is_match(line)
        })
}

/// Whether more than `most` words of `line` stand after a space (then the
/// line has more than `most` words: each starts one of them), looking at
/// the byte after each space only up to the one past `most`.
fn spaced_words_over(line: &str, most: usize) -> bool {
    let b = line.as_bytes();
    let starts = memchr::memchr_iter(b' ', b).filter(|&i| b.get(i + 1).is_some_and(|&x| BYTES[x as usize] == 1));
    starts.take(most + 1).count() > most
}

impl Notice {
    /// Whether `line` holds an anchor (true when a phrase has none).
    fn anchored(&self, line: &str) -> bool {
        match &self.packed {
            Some(p) => p.find(line).is_some(),
            None => self.anchors.is_empty() || self.anchors.iter().any(|a| a.find(line.as_bytes()).is_some()),
        }
    }
}

/// The notice phrases, and the anchors that let most lines pass without
/// the automaton.
struct Notice {
    /// The phrases as written and capitalized.
    phrases: aho_corasick::AhoCorasick,
    /// Each phrase's longest word (without its first letter when it opens
    /// the phrase, as capitals change it): a line holds a phrase only if
    /// it holds its anchor, and a few `memmem` searches (vector
    /// instructions, a rare byte first) scan a line several times faster
    /// than the automaton does. Empty when a phrase has no anchor: then
    /// every line goes to the automaton.
    anchors: Vec<memchr::memmem::Finder<'static>>,
    /// The anchors in one vector searcher (Teddy), where the processor
    /// has the instructions for it: a line is scanned once, not once an
    /// anchor (a third of the notice test); `anchors` serve otherwise.
    /// None as well when a phrase has no anchor.
    packed: Option<aho_corasick::packed::Searcher>,
}

/// The notice phrases as written and capitalized, in one literal
/// automaton: a line is scanned once at memory speed, where lowercasing
/// every line first cost a third of extraction; `aho-corasick` builds it
/// in a fraction of what the same alternation took the regex crate to
/// compile (6.6M instructions).
static NOTICE: Lazy<Option<Notice>> = Lazy::new(|| {
    let mut phrases = Vec::new();
    let mut anchors: Vec<String> = Vec::new();
    let mut unanchored = false;
    for p in &VOCABULARY.notice {
        let mut cs = p.chars();
        let first = cs.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
        phrases.push(p.to_string());
        phrases.push(format!("{first}{}", cs.as_str()));
        // The first longest word; an opening one loses its first letter.
        let longest = p.split(' ').enumerate().max_by_key(|&(k, w)| (w.chars().count(), std::cmp::Reverse(k)));
        let anchor = match longest {
            Some((0, w)) => w.chars().skip(1).collect(),
            Some((_, w)) => w.to_string(),
            None => String::new(),
        };
        unanchored |= anchor.is_empty();
        anchors.push(anchor);
    }
    anchors.sort();
    anchors.dedup();
    let packed = if unanchored { None } else { aho_corasick::packed::Searcher::new(anchors.iter()) };
    let anchors = if unanchored {
        Vec::new()
    } else {
        anchors.iter().map(|a| memchr::memmem::Finder::new(a.as_bytes()).into_owned()).collect()
    };
    // A contiguous NFA: a DFA would search no faster on lines this short
    // and takes ten times longer to build.
    let phrases = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(phrases)
        .ok()?;
    Some(Notice { phrases, anchors, packed })
});

/// Lines longer than this many words are never looked up in the site words.
const VOCABULARY_WORDS: usize = 12;

/// Whether `w` (a line's words) are menu words only, maybe with a count
/// («Политика», «В мире», «Политика 0»: a rubric and its comments).
fn is_menu_line(w: &[&str]) -> bool {
    let count = |x: &&str| x.bytes().all(|b| b.is_ascii_digit());
    w.len() <= 5 && w.iter().all(|x| count(x) || VOCABULARY.menu.contains(*x)) && w.iter().any(|x| !count(x))
}

/// What the site words of `gazetteers/site.tsv` make of a short line of
/// `n` words.
fn by_vocabulary(t: &str, n: usize, sentence: bool) -> Option<LineKind> {
    let v = &*VOCABULARY;
    let (buf, ranges) = words(t, VOCABULARY_WORDS)?;
    let w: Vec<&str> = ranges.into_iter().map(|r| &buf[r]).collect();
    // A family is searched only if one of its phrases opens with a word of
    // the line (one lookup a word instead of every phrase at every word).
    let families = v.families_of(&w);
    let has = |bit: u8| families & bit != 0;
    let first = |family: &[Vec<String>]| family.iter().any(|p| opens_with(&w, p));
    // A call to follow the site may come after its name («Telegram Вести
    // Подписывайтесь на канал…»).
    if has(SUBSCRIBE) && v.subscribe.iter().any(|p| holds(&w, p)) {
        Some(LineKind::Subscribe)
    } else if has(META) && first(&v.meta) && (t.contains(':') || n <= 4) {
        Some(LineKind::Meta)
    } else if has(HARD) && first(&v.hard) && n <= 6 {
        Some(LineKind::Hard)
    } else if is_menu_line(&w) {
        Some(LineKind::Site)
    } else if has(SOFT) && first(&v.soft) && (n <= 3 || t.contains(':')) {
        Some(LineKind::Soft)
    } else if !sentence && has(SITE) && v.site.iter().any(|p| holds(&w, p)) {
        Some(LineKind::Site)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use LineKind::*;

    #[test]
    fn kinds_of_lines() {
        let cases = [
            ("Политика", Site),
            ("В мире", Site),
            ("Бывший СССР", Site),
            ("Видео и фото", Site),
            ("Рус | Қаз | Eng", Site),
            ("Главная / Пресс-служба / События", Site),
            ("Главная » Политика", Site),
            ("$ 99,17 +0,21", Site),
            ("USD 503,42", Site),
            ("Минск +24", Site),
            ("Астана −12°", Site),
            ("Белорусское телеграфное агентство", Site),
            ("12 ноября 2024, 15:47", Meta),
            ("21.05.2025 10:15 (обновлено: 11:02)", Meta),
            ("Обновлено 23 июня 2025, 12:04", Meta),
            ("14 Января 2025 16:35 (UTC +04:00)", Meta),
            ("15:32, 5 марта 2025", Meta),
            ("10.03.2025 [15:12]", Meta),
            ("21 марта 2023 года", Meta),
            ("31 Січ 22", Meta),
            ("5 Jan 2024", Meta),
            ("date 2025-08-15 Вестник", Meta),
            ("Код 2025-13-15 серии", Short),
            ("Политика 0", Site),
            ("#Мир #Россия #Местная власть", Site),
            ("13:30", Meta),
            ("1245", Meta),
            ("724-17-04-2024", Meta),
            ("Просмотров: 217", Meta),
            ("Автор: Айгерим Токтосунова", Meta),
            ("Фото: МИД РТ", Credit),
            ("Подписывайтесь на РИА Новости в Telegram", Subscribe),
            ("Читать ria.ru в Дзен", Subscribe),
            ("Читайте также", Soft),
            ("Читайте также: Токаев провел переговоры с президентом Туркменистана", Soft),
            ("Теги", Hard),
            ("Теги: Спорт, Борьба", Hard),
            ("Поделиться", Hard),
            ("Комментарии (37)", Hard),
            ("Лавров и Мирзоян проводят переговоры в Москве", Short),
            ("Российско-китайские переговоры", Short),
            ("Министры условились продолжить контакты.", Prose),
            ("Текст соглашения был подписан министрами двух стран в Москве сегодня.", Prose),
        ];
        for (line, kind) in cases {
            assert_eq!(classify(line), kind, "{line}");
        }
    }

    /// The byte path of `words` reads a plain line as the character path
    /// does, and leaves other lines to it.
    #[test]
    fn plain_words_as_characters() {
        let lines = [
            "Главная / Политика",
            "ЁЛКИ и ёлки, Ёж-ёж",
            "Читать ria.ru в Дзен",
            "--А.Б.-- +7 (495) a-b- .c. МИД-РФ",
            "Москва—Пекин «переговоры» 18+",
            "",
            "- . -",
            "один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать тринадцать",
            "ПОЛИТИКА ЭКОНОМИКА Ѐ",
            "Қазақстан жаңалықтары",
            "«Переговоры» — в\u{a0}Москве… №5",
            "Café «Москва»",
            "м² и «—»",
        ];
        for line in lines {
            for max in [3, VOCABULARY_WORDS] {
                match plain_words(line, max) {
                    Some(plain) => assert_eq!(plain, char_words(line, max), "{line}"),
                    None => assert!(line.contains(['Ѐ', 'Қ', 'é', '²']), "{line}"),
                }
            }
        }
    }

    /// What `timestamp_in` found before it skipped lines without a possible
    /// colon: the pattern over every line with a colon or of 48 bytes.
    fn timestamp_by_pattern(line: &str) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        if !(line.contains(':') || line.len() <= 48) || !line.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        TIMESTAMP.captures_iter(line).find_map(|c| {
            let (whole, date) = (c.get(0)?, c.name("date")?);
            let alone = line[..whole.start()].trim().is_empty() && line[whole.end()..].trim().is_empty();
            (whole.as_str().contains(':') || alone).then(|| (whole.range(), date.range()))
        })
    }

    #[test]
    fn timestamps_as_the_pattern_finds_them() {
        for line in [
            "Опубликовано 14 марта 2022 (МСК: +3) в разделе новостей о переговорах",
            "Опубликовано 14 марта 2022 (UTC +04:00)",
            "Заявление: переговоры 14 марта 2022 года прошли в Москве, сообщил министр.",
            "Встреча в 15:30 14.03.2022 прошла в Москве и продолжалась три часа подряд",
            " 14.03.2022 ",
            "14 марта 2022 года: итоги",
            "В 2022 году: 5 встреч, 3 визита и 12 телефонных разговоров министров",
            "12:58 17/01/2017",
        ] {
            assert_eq!(timestamp_in(line), timestamp_by_pattern(line), "{line}");
        }
    }

    /// Glued menu items found character by character, as before the byte
    /// scan for capitals.
    fn glued_by_characters(t: &str) -> bool {
        let letters = |s: &str| s.chars().rev().take_while(|c| c.is_alphabetic()).count();
        let mut chars = t.char_indices().peekable();
        std::iter::from_fn(|| Some((chars.next()?, chars.peek()?.1))).any(|((i, a), b)| {
            a.is_lowercase() && b.is_uppercase() && {
                let after = &t[i + a.len_utf8()..];
                letters(&t[..i + a.len_utf8()]) >= 5
                    && after.chars().take_while(|c| c.is_alphabetic()).count() >= 5
                    && after.chars().skip(1).take(4).all(char::is_lowercase)
            }
        })
    }

    #[test]
    fn glued_items_from_the_capitals() {
        for line in [
            "ХроникаВоенная операция",
            "КазТАГ сообщает",
            "ПолитикаЭкономика",
            "жаңалықтарыҚазақстан",
            "новостиѠѡѡѡѡѡ",
            "newsPolitics today",
            "ѐѐѐѐѐЀѐѐѐѐ",
            "Российско-китайские переговоры",
        ] {
            assert_eq!(glued_items(line), glued_by_characters(line), "{line}");
        }
    }

    /// Every phrase of a family is found by its family's first words.
    #[test]
    fn every_phrase_passes_its_family_filter() {
        let v = &*VOCABULARY;
        for (family, bit) in
            [(&v.subscribe, SUBSCRIBE), (&v.meta, META), (&v.hard, HARD), (&v.soft, SOFT), (&v.site, SITE)]
        {
            for phrase in family {
                let words: Vec<&str> =
                    phrase.iter().map(|w| if w == "*" { "слово" } else { w.trim_end_matches('*') }).collect();
                assert_ne!(v.families_of(&words) & bit, 0, "{phrase:?}");
            }
        }
    }

    /// Every notice phrase, as written and capitalized, passes its anchors.
    #[test]
    fn every_notice_phrase_is_found() {
        for p in &VOCABULARY.notice {
            let mut cs = p.chars();
            let capitalized: String = cs.next().into_iter().flat_map(char::to_uppercase).chain(cs).collect();
            for line in [format!("Сайт: {p}."), format!("{capitalized} здесь")] {
                assert!(is_notice(&line), "{line}");
            }
        }
        assert!(!is_notice("Министры обсудили сотрудничество."));
        // Past thirty words a line is no notice, however it is spaced.
        let long = format!("{} Мы используем файлы cookie.", "слово ".repeat(30));
        assert!(spaced_words_over(&long, NOTICE_WORDS) && !is_notice(&long));
        let spaced = format!("{}Мы используем файлы cookie.", "- ".repeat(40));
        assert!(!spaced_words_over(&spaced, NOTICE_WORDS));
    }

    /// The byte table counts what a character-by-character reading does.
    #[test]
    fn word_count_over_bytes() {
        for line in ["", "Москва", "«РИА Новости» — 12 °C, №5 € 1\u{a0}000", "a1 b2,c3;d4 ҳамкорӣ 🙂 x", "— — —"]
        {
            let mut reference = 0;
            let mut inside = false;
            for c in line.chars() {
                let word = c.is_ascii_alphanumeric()
                    || !(c.is_ascii()
                        || matches!(c.len_utf8(), 2 if (c as u32) < 0xC0)
                        || matches!(c as u32, 0x2000..=0x2FFF));
                reference += usize::from(word && !inside);
                inside = word;
            }
            assert_eq!(word_count_upto(line, 32), reference.min(32), "{line}");
            assert_eq!(word_count_upto(line, 2), reference.min(2), "{line}");
        }
    }

    #[test]
    fn timestamps_inside_lines() {
        let line = "Мирзоян и Аракчи обсудили по телефону региональную повестку20.01.2025, 18:05";
        let (whole, _) = timestamp_in(line).unwrap();
        assert_eq!(&line[whole], "20.01.2025, 18:05");
        // A date with a year inside a sentence is no timestamp.
        assert!(timestamp_in("Договор подписан 8 октября 2018 года в Астане.").is_none());
    }
}
