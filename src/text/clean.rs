//! The cleaning view: the whole input with its text noise resolved, and a
//! map back to the caller's bytes.
//!
//! Text copied from web pages and word processors carries characters that
//! stand for something else: tabs, no-break and narrow spaces for spaces,
//! invisible zero-width characters, soft hyphens and BOMs, CR line ends,
//! HTML entities left in the text (`&nbsp;`, `&laquo;`, `&#171;`), Latin
//! letters that look like Cyrillic ones inside Cyrillic words. Every later
//! stage (tokens, parts, rules, gazetteer matching) would need its own
//! exception for each of them; instead they all read this one cleaned
//! copy, and [`Cleaned::map_span`] brings every span the record reports
//! back to the exact input bytes.
//!
//! Most texts hold none of this: then there is no copy and no map.

use crate::record::Span;
use std::borrow::Cow;

/// One stretch of the input replaced in the cleaned text: cleaned bytes
/// `[c0, c1)` stand for input bytes `[o0, o1)`. Between edits the two texts
/// are byte-identical. Offsets are `u32` (16 bytes an edit, not 32: a text
/// of words and tabs has an edit every few bytes); longer inputs are not
/// cleaned (see [`Cleaned::new`]).
#[derive(Debug, Clone, Copy)]
struct Edit {
    c0: u32,
    c1: u32,
    o0: u32,
    o1: u32,
}

impl Edit {
    fn new(c0: usize, c1: usize, o0: usize, o1: usize) -> Edit {
        Edit { c0: c0 as u32, c1: c1 as u32, o0: o0 as u32, o1: o1 as u32 }
    }

    /// The offsets as `usize`: (c0, c1, o0, o1).
    #[inline]
    fn wide(self) -> (usize, usize, usize, usize) {
        (self.c0 as usize, self.c1 as usize, self.o0 as usize, self.o1 as usize)
    }
}

/// A cleaned view of an input and the offset map back to it.
#[derive(Debug, Clone)]
pub struct Cleaned<'a> {
    text: Cow<'a, str>,
    /// In cleaned order; monotonic in both texts.
    edits: Vec<Edit>,
    input_len: usize,
}

/// What one input character becomes.
enum Fix {
    Keep,
    Drop,
    Char(char),
}

/// Characters that stand for a space, for nothing, or for a line end.
#[inline]
fn fix_char(c: char) -> Fix {
    match c {
        '\t'
        | '\u{0B}'
        | '\u{0C}'
        | '\u{A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Fix::Char(' '),
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{AD}' | '\u{FEFF}' | '\u{180E}' => Fix::Drop,
        '\u{85}' | '\u{2028}' | '\u{2029}' => Fix::Char('\n'),
        _ => Fix::Keep,
    }
}

/// The Cyrillic letter a Latin look-alike stands for inside a Cyrillic word.
#[inline]
fn cyrillic_twin(c: char) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'c' => 'с',
        'x' => 'х',
        'y' => 'у',
        'k' => 'к',
        'm' => 'м',
        't' => 'т',
        'h' => 'н',
        'b' => 'ь',
        'A' => 'А',
        'B' => 'В',
        'C' => 'С',
        'E' => 'Е',
        'H' => 'Н',
        'K' => 'К',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'T' => 'Т',
        'X' => 'Х',
        _ => return None,
    })
}

#[inline]
fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// The named HTML entities that copied news text keeps (without `&`, `;`).
fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" | "NBSP" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "laquo" => '«',
        "raquo" => '»',
        "bdquo" => '„',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "hellip" => '…',
        "minus" => '−',
        "shy" => '\u{AD}',
        "numero" => '№',
        "deg" => '°',
        "copy" => '©',
        _ => return None,
    })
}

/// An HTML entity at the start of `s` (which starts with `&`): the
/// character and the entity's length in bytes.
fn entity(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    // The longest entity read is `&#x10FFFF;` / `&thinsp;`: 10 bytes.
    let end = b.iter().take(11).position(|&x| x == b';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.bytes().all(|d| d.is_ascii_hexdigit()) => {
                u32::from_str_radix(hex, 16).ok()?
            }
            None if !num.is_empty() && num.bytes().all(|d| d.is_ascii_digit()) => num.parse().ok()?,
            _ => return None,
        };
        // Control characters other than line ends stay as written.
        char::from_u32(n).filter(|c| !c.is_control() || *c == '\n' || *c == '\t')?
    } else {
        named_entity(body)?
    };
    Some((c, end + 1))
}

/// Tags that break a line where they stand (a scraped page's paragraphs,
/// list items, headings, table rows); any other tag stands for nothing.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "hr",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "nav",
    "aside",
    "main",
    "title",
    "body",
    "html",
    "head",
    "td",
    "th",
    "pre",
];

/// The longest tag read, attributes included.
const MAX_TAG: usize = 2000;

/// An HTML tag, comment or script left in copied text at the start of `s`
/// (which starts with `<`): what it stands for (a line end for a block tag,
/// nothing otherwise) and its length in bytes. A script or style element
/// is dropped with its content. «a < b», «<<Ховар>>» are no tags.
fn tag(s: &str) -> Option<(Option<char>, usize)> {
    let b = s.as_bytes();
    if s.starts_with("<!--") {
        return Some((None, 4));
    }
    let close = b.get(1) == Some(&b'/');
    let name_at = 1 + usize::from(close);
    let name_len = b[name_at.min(b.len())..].iter().take_while(|x| x.is_ascii_alphanumeric()).count();
    if name_len == 0 || !b[name_at].is_ascii_alphabetic() {
        return None;
    }
    let after = name_at + name_len;
    if !matches!(b.get(after), Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')) {
        return None;
    }
    let end = after
        + b[after..].iter().take(MAX_TAG).position(|&x| x == b'>' || x == b'<').filter(|&k| b[after + k] == b'>')?
        + 1;
    let name = s[name_at..after].to_ascii_lowercase();
    let block = BLOCK_TAGS.contains(&name.as_str()) || matches!(name.as_str(), "script" | "style");
    Some((block.then_some('\n'), end))
}

/// Whether the tag at the start of `s` opens a comment, a script or a
/// style element, whose content is no text: the tag that closes it.
fn opens_code(s: &str) -> Option<&'static str> {
    let b = s.as_bytes();
    let opens = |tag: &str| b.len() >= tag.len() && b[..tag.len()].eq_ignore_ascii_case(tag.as_bytes());
    if opens("<!--") {
        Some("-->")
    } else if opens("<script") {
        Some("</script")
    } else if opens("<style") {
        Some("</style")
    } else {
        None
    }
}

impl<'a> Cleaned<'a> {
    /// Cleans `input`. Without noise the view borrows it unchanged, and
    /// so it does when what looked like noise changes nothing (`AT&T`,
    /// `a < b`): the copy is dropped. An input past [`MAX_TEXT`] bytes
    /// (which the tokenizer does not read past) is not cleaned.
    ///
    /// [`MAX_TEXT`]: crate::text::MAX_TEXT
    pub fn new(input: &'a str) -> Cleaned<'a> {
        let identity = Cleaned { text: Cow::Borrowed(input), edits: Vec::new(), input_len: input.len() };
        let Some(first) = first_noise(input).filter(|_| input.len() <= super::MAX_TEXT) else { return identity };
        // Room for the text and some growth (an `"` becomes a two-byte
        // quote); what is left over is given back at the end.
        let mut out = String::with_capacity(input.len() + input.len() / 8);
        out.push_str(&input[..first]);
        let mut c = Cleaner {
            out,
            edits: Vec::new(),
            last_class: 0,
            code_ends: [(usize::MAX, None); 3],
            doubles: DoubleSpaces::default(),
        };
        c.run(input, first);
        let Cleaner { mut out, mut edits, .. } = c;
        if edits.is_empty() {
            return identity;
        }
        out.shrink_to_fit();
        edits.shrink_to_fit();
        Cleaned { text: Cow::Owned(out), edits, input_len: input.len() }
    }

    /// The cleaned text.
    #[inline]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the cleaned text is the input itself.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// The input span that cleaned span `s` stands for: its start after any
    /// dropped characters, its end before them, and a replaced stretch
    /// (an entity, a CRLF) whole whenever the span touches it.
    pub fn map_span(&self, s: Span) -> Span {
        if self.edits.is_empty() {
            return s;
        }
        let start = self.map_start(s.start);
        Span::new(start, self.map_end(s.end).max(start))
    }

    fn map_start(&self, x: usize) -> usize {
        let k = self.edits.partition_point(|e| e.c0 as usize <= x);
        match k.checked_sub(1).map(|k| self.edits[k].wide()) {
            None => x,
            Some((_, c1, o0, _)) if x < c1 => o0,
            Some((_, c1, _, o1)) => o1 + (x - c1),
        }
    }

    fn map_end(&self, x: usize) -> usize {
        let k = self.edits.partition_point(|e| (e.c1 as usize) < x);
        match self.edits.get(k).map(|e| e.wide()) {
            Some((c0, _, _, o1)) if c0 < x => o1,
            Some((c0, _, o0, _)) => o0 - (c0 - x),
            None => {
                let (_, c1, _, o1) = self.edits[self.edits.len() - 1].wide();
                (o1 + (x - c1)).min(self.input_len)
            }
        }
    }
}

/// Letters of the two scripts whose look-alikes are resolved; any other
/// character ends a word.
#[inline]
fn word_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || is_cyrillic(c)
}

/// What a byte is to [`first_noise`].
mod byte {
    /// ASCII that is no letter and no noise (digits, punctuation, line
    /// ends), or a continuation byte.
    pub const OTHER: u8 = 0;
    /// A space: noise when another follows.
    pub const SPACE: u8 = 1;
    /// An ASCII letter.
    pub const LATIN: u8 = 2;
    /// The lead byte of a Cyrillic letter (D0–D3).
    pub const CYRILLIC: u8 = 3;
    /// Noise (tab, CR, `&`, `"`, `<`, VT, FF), or the lead byte of another
    /// character, which is decoded and looked up.
    pub const NOISE: u8 = 4;
}

/// [`byte`] classes of all 256 bytes.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [byte::OTHER; 256];
    let mut x = 0;
    while x < 256 {
        let b = x as u8;
        t[x] = match b {
            b'\t' | b'\r' | b'&' | b'"' | b'<' | 0x0B | 0x0C => byte::NOISE,
            b' ' => byte::SPACE,
            b'a'..=b'z' | b'A'..=b'Z' => byte::LATIN,
            0..=0xBF => byte::OTHER,
            0xD0..=0xD3 => byte::CYRILLIC,
            _ => byte::NOISE,
        };
        x += 1;
    }
    t
};

/// Whether a byte may start noise or a look-alike's word: an ASCII letter,
/// ASCII noise, or the lead byte of a character other than a Cyrillic
/// letter. Runs of other bytes (Cyrillic letters, digits, punctuation,
/// single spaces) hold no noise and are passed in blocks.
const SUSPECT: [bool; 256] = {
    let mut t = [false; 256];
    let mut x = 0;
    while x < 256 {
        t[x] = matches!(BYTE_CLASS[x], byte::LATIN | byte::NOISE);
        x += 1;
    }
    t
};

/// Where the first noise starts (for a look-alike: the start of its word),
/// or `None` for a clean text (see [`first_noise_from`]).
fn first_noise(input: &str) -> Option<usize> {
    first_noise_from(input, 0, &mut DoubleSpaces::default())
}

/// The next double space of an input, searched once past each point (the
/// cleaner asks for the first noise after every noisy stretch: a search
/// of the whole rest each time would make a noisy text quadratic).
#[derive(Debug)]
struct DoubleSpaces {
    /// Where the last search started and what it found (None: no double
    /// space in the rest of the input).
    searched_from: usize,
    found: Option<usize>,
}

impl Default for DoubleSpaces {
    /// Nothing searched yet.
    fn default() -> DoubleSpaces {
        DoubleSpaces { searched_from: usize::MAX, found: None }
    }
}

impl DoubleSpaces {
    /// The first double space at or after byte `i` of `b` (`b.len()`:
    /// none).
    fn next(&mut self, b: &[u8], i: usize) -> usize {
        let valid = self.searched_from <= i && self.found.is_none_or(|d| d >= i);
        if !valid {
            self.found = memchr::memmem::find(&b[i..], b"  ").map(|k| i + k);
            self.searched_from = i;
        }
        self.found.unwrap_or(b.len())
    }
}

/// Where the first noise at or after byte `i` starts (for a look-alike:
/// the start of its word), or `None`. Byte `i` is the start or a character
/// that is no letter. This runs on every input, so most of it is passed
/// eight bytes at a time up to the next suspect byte or double space; only
/// from the last plain ASCII byte before it is the text read closely
/// ([`scan`]), up to the first plain ASCII byte past it. Such a byte is
/// one the close reading stops at whatever came before (no word, and so
/// no look-alike, runs through it): starting there reads the rest as
/// reading from the start would.
fn first_noise_from(input: &str, mut i: usize, doubles: &mut DoubleSpaces) -> Option<usize> {
    let b = input.as_bytes();
    let plain = |x: u8| x.is_ascii() && !x.is_ascii_alphabetic();
    let suspect = |x: u8| SUSPECT[x as usize];
    while i < b.len() {
        let mut p = i;
        while let Some(chunk) = b.get(p..p + 8) {
            if chunk.iter().fold(false, |any, &x| any | suspect(x)) {
                break;
            }
            p += 8;
        }
        while p < b.len() && !suspect(b[p]) {
            p += 1;
        }
        let p = p.min(doubles.next(b, i));
        if p >= b.len() {
            return None;
        }
        let from = b[i..p].iter().rposition(|&x| plain(x)).map_or(i, |k| i + k);
        match scan(input, from, p) {
            Ok(at) => return Some(at),
            Err(next) => i = next,
        }
    }
    None
}

/// Reads `input` closely from byte `i` (where nothing is pending: the
/// start, or a plain ASCII byte): `Ok` with where the first noise starts,
/// or `Err` with the first plain ASCII byte past `until` (or the end)
/// when there was none so far. Runs of Cyrillic letters are passed two
/// bytes at a time, runs of Latin ones a byte at a time, and a word is
/// looked at closely only where the two scripts meet in it (a word of
/// both with a Latin look-alike is noise from its start).
fn scan(input: &str, mut i: usize, until: usize) -> Result<usize, usize> {
    let b = input.as_bytes();
    let class = |k: usize| b.get(k).map_or(byte::OTHER, |&x| BYTE_CLASS[x as usize]);
    while i < b.len() {
        if i > until && b[i].is_ascii() && !b[i].is_ascii_alphabetic() {
            return Err(i);
        }
        let glued = match BYTE_CLASS[b[i] as usize] {
            byte::CYRILLIC => {
                i += 2;
                while class(i) == byte::CYRILLIC {
                    i += 2;
                }
                class(i) == byte::LATIN
            }
            byte::LATIN => {
                i += 1;
                while class(i) == byte::LATIN {
                    i += 1;
                }
                class(i) == byte::CYRILLIC
            }
            byte::SPACE if class(i + 1) == byte::SPACE => return Ok(i),
            byte::NOISE => {
                let Some(c) = input.get(i..).and_then(|r| r.chars().next()) else { return Err(b.len()) };
                if b[i] < 0x80 || !matches!(fix_char(c), Fix::Keep) {
                    return Ok(i);
                }
                i += c.len_utf8();
                false
            }
            _ => {
                i += 1;
                false
            }
        };
        if glued {
            let (start, end, mixed) = word_around(b, i);
            if mixed {
                return Ok(start);
            }
            i = end;
        }
    }
    Err(b.len())
}

/// The word of Latin and Cyrillic letters around byte `i` (ending there if
/// byte `i` is no letter): its start, its end, and whether it holds a
/// Cyrillic letter and a Latin look-alike.
fn word_around(b: &[u8], i: usize) -> (usize, usize, bool) {
    let cyrillic_at = |k: usize| b.get(k).is_some_and(|&x| (0xD0..=0xD3).contains(&x));
    let mut start = i;
    loop {
        if start > 0 && b[start - 1].is_ascii_alphabetic() {
            start -= 1;
        } else if start > 1 && cyrillic_at(start - 2) {
            start -= 2;
        } else {
            break;
        }
    }
    let (mut end, mut cyr, mut twin) = (start, false, false);
    loop {
        if b.get(end).is_some_and(u8::is_ascii_alphabetic) {
            twin |= cyrillic_twin(char::from(b[end])).is_some();
            end += 1;
        } else if cyrillic_at(end) {
            cyr = true;
            end += 2;
        } else {
            break;
        }
    }
    (start, end, cyr && twin)
}

struct Cleaner {
    out: String,
    edits: Vec<Edit>,
    /// What the last edit wrote (see [`Cleaner::edit`]).
    last_class: u8,
    /// The next closing tag of a comment, a script and a style element
    /// found so far: where the search started and where the tag ends
    /// (None: not in the rest of the input).
    code_ends: [(usize, Option<usize>); 3],
    /// The next double space, for [`first_noise_from`].
    doubles: DoubleSpaces,
}

impl Cleaner {
    /// Where the element whose content starts at `from` ends: past its
    /// `closing` tag. Each search covers new input only.
    fn code_end(&mut self, input: &str, from: usize, closing: &str) -> Option<usize> {
        let slot = match closing {
            "-->" => 0,
            "</script" => 1,
            _ => 2,
        };
        let (searched_from, found) = self.code_ends[slot];
        // The last search answers if it started before `from` and found
        // nothing, or a tag still ahead.
        let valid = searched_from <= from && found.is_none_or(|e| e > from);
        if !valid {
            let rest = &input[from..];
            let at = rest.find(closing).or_else(|| rest.find(closing.to_ascii_uppercase().as_str()));
            let end = at.map(|k| from + k + rest[k..].find('>').map_or(rest.len() - k, |g| g + 1));
            self.code_ends[slot] = (from, end);
        }
        self.code_ends[slot].1
    }

    fn edit(&mut self, o0: usize, o1: usize, mut with: Option<char>) {
        // Edits of one class next to each other are one edit (a run of
        // tabs, of invisible characters, of line ends, of look-alike
        // letters in a word): no span starts or ends inside such a run, and
        // the map stays small on a text made of noise. Entities and quotes
        // stay apart: a mention may start right after «&laquo;».
        let class = match with {
            Some(' ') => 1,
            None => 2,
            Some('\n') => 3,
            Some(c) if is_cyrillic(c) => 4,
            Some(_) => 0,
        };
        // A run of spaces is one space: «РИА  Новости» is «РИА Новости».
        if with == Some(' ') && self.out.ends_with(' ') {
            with = None;
        }
        let c0 = self.out.len();
        if let Some(ch) = with {
            self.out.push(ch);
        }
        let c1 = self.out.len();
        let last_class = std::mem::replace(&mut self.last_class, class);
        if let Some(last) = self.edits.last_mut() {
            if class != 0 && class == last_class && last.c1 as usize == c0 && last.o1 as usize == o0 {
                (last.c1, last.o1) = (c1 as u32, o1 as u32);
                return;
            }
        }
        super::tokenize::push_quarter(&mut self.edits, Edit::new(c0, c1, o0, o1));
    }

    /// The typographic quote an ASCII `"` stands for, by its neighbours:
    /// opening after a space or an opening bracket and before a word,
    /// closing otherwise. The rules then read titles and agency names
    /// («НИАТ "Ховар"») one way only.
    fn quote(&self, input: &str, next: usize) -> char {
        let before = self.out.chars().next_back().is_none_or(|c| c.is_whitespace() || "([{/«„“—–-".contains(c));
        let after = input[next..].chars().next().is_some_and(|c| !c.is_whitespace());
        if before && after {
            '«'
        } else {
            '»'
        }
    }

    /// Whether `c` starts a stretch that [`first_noise`] can scan: no
    /// letter (a word may hold look-alikes), no noise, no space after a
    /// space.
    fn plain(&self, c: char) -> bool {
        !word_letter(c)
            && !matches!(c, '\r' | '&' | '"' | '<')
            && matches!(fix_char(c), Fix::Keep)
            && (c != ' ' || !self.out.ends_with(' '))
    }

    fn run(&mut self, input: &str, from: usize) {
        let mut i = from;
        // Cyrillic letters seen so far in the current word, and where the
        // word's pending Latin look-alikes start (decided at the word's end).
        let mut word = WordState::default();
        // Character by character from a noise point to the next plain
        // stretch, which is then copied whole up to the next noise point:
        // most of a noisy text (one quote, one NBSP) is copied in bulk.
        let mut noise_at = i;
        while i < input.len() {
            let Some(c) = input[i..].chars().next() else { break };
            let len = c.len_utf8();
            if i > noise_at && self.plain(c) {
                word.end(self, input);
                let k = first_noise_from(input, i, &mut self.doubles).unwrap_or(input.len()) - i;
                self.out.push_str(&input[i..i + k]);
                i += k;
                noise_at = i;
                continue;
            }
            if word_letter(c) {
                word.letter(self, input, i, c);
                i += len;
                continue;
            }
            word.end(self, input);
            match c {
                '\r' => {
                    let n = if input.as_bytes().get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    self.edit(i, i + n, Some('\n'));
                    i += n;
                }
                '"' => {
                    let q = self.quote(input, i + 1);
                    self.edit(i, i + 1, Some(q));
                    i += 1;
                }
                '<' => match tag(&input[i..]) {
                    Some((with, n)) => {
                        // A script's or a style's content goes with it, up
                        // to its closing tag (searched once past each
                        // point: a page of unclosed scripts stays linear).
                        let n = match opens_code(&input[i..]) {
                            Some(closing) => self.code_end(input, i + n, closing).map_or(n, |e| e - i),
                            None => n,
                        };
                        // «</p><p>» is one line end.
                        let with = with.filter(|_| !self.out.ends_with('\n'));
                        self.edit(i, i + n, with);
                        i += n;
                    }
                    None => {
                        self.out.push('<');
                        i += 1;
                    }
                },
                '&' => match entity(&input[i..]) {
                    Some((e, n)) => {
                        let e = match fix_char(e) {
                            Fix::Keep if e == '"' => Some(self.quote(input, i + n)),
                            Fix::Keep => Some(e),
                            Fix::Drop => None,
                            Fix::Char(r) => Some(r),
                        };
                        self.edit(i, i + n, e);
                        i += n;
                    }
                    None => {
                        self.out.push('&');
                        i += 1;
                    }
                },
                ' ' if self.out.ends_with(' ') => {
                    self.edit(i, i + 1, None);
                    i += 1;
                }
                _ => {
                    match fix_char(c) {
                        Fix::Keep => self.out.push(c),
                        Fix::Drop => self.edit(i, i + len, None),
                        Fix::Char(r) => self.edit(i, i + len, Some(r)),
                    }
                    i += len;
                }
            }
        }
        word.end(self, input);
    }
}

/// The word being read: letters are copied as they come, except Latin
/// look-alikes, which wait until the word shows whether it is Cyrillic.
#[derive(Default)]
struct WordState {
    cyrillic: bool,
    /// Input start of the pending Latin run, when the word so far has no
    /// Cyrillic letter.
    pending: Option<usize>,
    pending_end: usize,
}

impl WordState {
    fn letter(&mut self, cl: &mut Cleaner, input: &str, i: usize, c: char) {
        let len = c.len_utf8();
        if is_cyrillic(c) {
            self.cyrillic = true;
            self.flush(cl, input);
            cl.out.push(c);
        } else if let (true, Some(twin)) = (self.cyrillic, cyrillic_twin(c)) {
            cl.edit(i, i + len, Some(twin));
        } else if !self.cyrillic && (c.is_ascii_alphabetic()) {
            // A Latin letter before any Cyrillic one: kept pending, so that
            // «Mосква» can still become «Москва».
            if self.pending.is_none() {
                self.pending = Some(i);
            }
            self.pending_end = i + len;
        } else {
            self.flush(cl, input);
            cl.out.push(c);
        }
    }

    /// Writes the pending Latin run: as Cyrillic twins when the word turned
    /// out Cyrillic, as written otherwise.
    fn flush(&mut self, cl: &mut Cleaner, input: &str) {
        let Some(p) = self.pending.take() else { return };
        let run = &input[p..self.pending_end];
        let all_twins = run.chars().all(|c| cyrillic_twin(c).is_some());
        if self.cyrillic && all_twins {
            for (k, c) in run.char_indices() {
                cl.edit(p + k, p + k + 1, cyrillic_twin(c));
            }
        } else {
            cl.out.push_str(run);
        }
    }

    fn end(&mut self, cl: &mut Cleaner, input: &str) {
        self.cyrillic = false;
        self.flush(cl, input);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte scan [`first_noise`] replaced, as a reference.
    fn first_noise_reference(input: &str) -> Option<usize> {
        let is_twin = |c: char| cyrillic_twin(c).is_some();
        let (mut word_start, mut in_word, mut cyr, mut twin) = (0, false, false, false);
        let mut chars = input.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let noise = matches!(c, '\t' | '\r' | '&' | '"' | '<' | '\u{0B}' | '\u{0C}')
                || (c == ' ' && chars.peek().is_some_and(|&(_, n)| n == ' '))
                || !matches!(fix_char(c), Fix::Keep);
            if noise {
                return Some(if in_word && cyr && twin { word_start } else { i });
            }
            let letter = c.is_ascii_alphabetic() || ('\u{0400}'..='\u{04FF}').contains(&c);
            if letter && !in_word {
                (word_start, in_word) = (i, true);
            } else if !letter && in_word {
                if cyr && twin {
                    return Some(word_start);
                }
                (in_word, cyr, twin) = (false, false, false);
            }
            cyr |= letter && !c.is_ascii();
            twin |= is_twin(c);
        }
        (cyr && twin).then_some(word_start)
    }

    /// The pair scan finds the noise the character scan finds, at the
    /// same place, on texts with noise anywhere in them.
    #[test]
    fn first_noise_agrees_with_a_character_scan() {
        let pieces = [
            "Москва",
            "и",
            "Mосква",
            "Poссия",
            "iPhone",
            "Qатар",
            "MMoсква",
            "москвA",
            "«M",
            "»",
            " ",
            "  ",
            "\t",
            "\r\n",
            "&",
            "\"",
            "<",
            "\u{a0}",
            "\u{200b}",
            "\u{ad}",
            "—",
            "1",
            ",",
            "\n",
            "ёж",
            "ҳамкорӣ",
            "Ωмега",
            "a",
            "о",
            "x",
        ];
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(seed % 7) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            assert_eq!(first_noise(&text), first_noise_reference(&text), "{text:?}");
            // From a character that is no letter, as the cleaner asks: as
            // if the text started there, with the double spaces of the
            // search before remembered.
            let mut doubles = DoubleSpaces::default();
            for (i, _) in text.char_indices().filter(|&(_, c)| !word_letter(c)) {
                let got = first_noise_from(&text, i, &mut doubles);
                assert_eq!(got, first_noise(&text[i..]).map(|k| k + i), "{text:?} from {i}");
            }
        }
        for text in ["", "a", " ", "  ", "\t", "Mо", "оM", "о M", "текст без шума, 2020 год."] {
            assert_eq!(first_noise(text), first_noise_reference(text), "{text:?}");
        }
    }

    fn check<'a>(input: &'a str, want: &str) -> Cleaned<'a> {
        let c = Cleaned::new(input);
        assert_eq!(c.text(), want, "{input:?}");
        c
    }

    #[test]
    fn clean_text_is_borrowed() {
        let c = check("МОСКВА, 6 октября. /ТАСС/. Press: mid.ru", "МОСКВА, 6 октября. /ТАСС/. Press: mid.ru");
        assert!(c.is_identity());
        // What looks like noise and changes nothing leaves no copy.
        for text in ["AT&T и a < b", "Qатар &#0;", "<<Ховар>>"] {
            assert!(matches!(check(text, text).text, Cow::Borrowed(_)), "{text}");
        }
        assert_eq!(c.map_span(Span::new(3, 9)), Span::new(3, 9));
    }

    #[test]
    fn spaces_invisibles_line_ends() {
        check("a\tb\u{a0}c\u{202f}d", "a b c d");
        check("РИА  Новости \t\u{a0}сообщает", "РИА Новости сообщает");
        check("со\u{ad}труд\u{200b}ник\u{feff}", "сотрудник");
        check("a\r\nb\rc\n", "a\nb\nc\n");
    }

    #[test]
    fn entities() {
        check("&laquo;Ховар&raquo; &mdash; &#171;x&#x bb;&#xBB; AT&T &amp;", "«Ховар» — «x&#x bb;» AT&T &");
        check("a&nbsp;b&shy;c", "a bc");
        check("НИАТ \"Ховар\"/. Форум &quot;Россия&quot;, \"a \" b", "НИАТ «Ховар»/. Форум «Россия», «a » b");
        check("&#0; &#99999999999; &", "&#0; &#99999999999; &");
    }

    #[test]
    fn tags_left_in_copied_text() {
        check("<p>Визит</p><p class=\"x\">в <b>Москву</b><br/>", "\nВизит\nв Москву\n");
        check("<!-- реклама -->a<script>var s = '<p>';</script>b<STYLE>p{}</STYLE>c", "a\nb\nc");
        // Not tags: comparisons, doubled brackets, a tag never closed.
        check("a < b, <<Ховар>>, <3, <p class=", "a < b, <<Ховар>>, <3, <p class=");
        // A script or a comment never closed drops its tag only; many of
        // them stay linear.
        check("<script>x", "\nx");
        check("<!--x", "x");
        for opener in ["<script>", "<!--", "<style>"] {
            let many = opener.repeat(20_000);
            assert!(Cleaned::new(&many).text().len() <= 1);
        }
    }

    #[test]
    fn latin_lookalikes_in_cyrillic_words() {
        check("Mосква и Poссия, Cинг", "Москва и Россия, Синг");
        check("iPhone и Xbox, OOH", "iPhone и Xbox, OOH");
        // A Latin letter without a Cyrillic twin keeps the word as written.
        check("Qатар", "Qатар");
    }

    #[test]
    fn spans_map_back_to_the_input() {
        let input = "\u{feff}Визит&nbsp;в\u{200b} Mоскву\r\n«Ховар»";
        let c = Cleaned::new(input);
        assert_eq!(c.text(), "Визит в Москву\n«Ховар»");
        let t = c.text();
        for word in ["Визит", "в", "Москву", "«Ховар»", "Визит в Москву"] {
            let at = t.find(word).unwrap();
            let s = c.map_span(Span::new(at, at + word.len()));
            let got = &input[s.start..s.end];
            assert_eq!(Cleaned::new(got).text(), word, "{word}");
        }
        // Runs of noise are one edit each; spans around them still map.
        let noisy = "a\t\t\u{200b}\u{200b}b\r\n\r\nMMoсква";
        let c = Cleaned::new(noisy);
        assert_eq!(c.text(), "a b\n\nММосква");
        assert_eq!(c.edits.len(), 4);
        for (word, want) in [("a", "a"), ("b", "b"), ("ММосква", "MMoсква")] {
            let at = c.text().find(word).unwrap();
            let s = c.map_span(Span::new(at, at + word.len()));
            assert_eq!(&noisy[s.start..s.end], want);
        }
        let c = Cleaned::new(input);
        let at = t.find("Москву").unwrap();
        let s = c.map_span(Span::new(at, at + "Москву".len()));
        assert_eq!(&input[s.start..s.end], "Mоскву");
    }
}
