//! Tokenization of Russian news text.
//!
//! The segmentation follows the rules of razdel (the Natasha project's
//! rule-based tokenizer) so that its 209k real test cases can measure it:
//! text is first cut into *atoms* (a run of Cyrillic letters, a run of Latin
//! letters, a run of digits, one punctuation character, or one other
//! character), then neighbouring atoms with no space between them are joined
//! when a rule says so (`кому-то`, `07.10.2020`, `1,5`, `5–7`, `...`, `?!`,
//! letters with Tajik `ҳ қ ғ ӣ ӯ ҷ`, soft hyphens inside words). On top of
//! razdel, URLs and e-mail addresses are kept whole, because agency copy
//! cites them and splitting them would make their dots look like sentence
//! ends.
//!
//! Every token is a byte span into the caller's untouched input.

use super::normalize::Normalized;
use crate::record::Span;
use std::sync::Arc;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters (Cyrillic, Latin or other scripts), possibly joined by
    /// hyphens or mixed with digits: `Нур-Султан`, `COVID-19`, `ҳамкорӣ`.
    Word,
    /// Digits, possibly with inner `.`, `,`, `/`, or dashes: `2020`, `1,5`,
    /// `07.10.2020`, `5–7`.
    Number,
    /// Punctuation: `.`, `,`, `«`, `—`, `...`, `?!`.
    Punct,
    /// Any other character: `№`, `%`, `$`, emoji.
    Symbol,
    /// A web address: `https://mfa.tj/ru`, `www.mid.ru`.
    Url,
    /// An e-mail address: `press@mfa.tj`.
    Email,
}

/// One token: its kind and its byte span in the input.
///
/// 5 bytes a token, byte-aligned (a text of short words or marks has a
/// token every two or three bytes, and the token list is the largest
/// thing held while reading one): a 29-bit start and the 3-bit kind in
/// one little-endian word, then an 8-bit length; [`Token::span`] and
/// [`Token::kind`] hand them out. (At 6 bytes, a 32-bit start and a kind
/// byte, «, » cost 3 bytes per byte of input in tokens alone, now 2.5.)
/// Texts are therefore tokenized up to [`MAX_TEXT`] bytes, and a token
/// longer than [`MAX_TOKEN`] bytes is cut into pieces of its kind, at
/// character bounds: only addresses and runs of one mark grow that long;
/// the rules read neither by its length, an address's pieces are
/// addresses still, and the first pieces of a run of marks are followed
/// by more marks, so they end no sentence.
#[derive(Clone, Copy, PartialEq, Eq)]
// Packed: aligned on one byte. Its fields are read by value, one load each
// (a word kept as `[u8; 4]` was read a byte at a time).
#[repr(C, packed)]
pub struct Token {
    /// Start (low [`START_BITS`] bits) and kind (the bits above).
    start_kind: u32,
    len: u8,
}

/// Bits of a token's start (the rest of its word holds its kind).
const START_BITS: u32 = 29;

/// The longest text tokenized, in bytes (512 MiB − 1): token offsets take
/// 29 bits. Bytes past it give no tokens.
pub const MAX_TEXT: usize = (1 << START_BITS) - 1;

/// The longest token, in bytes: token lengths are 8 bits.
pub const MAX_TOKEN: usize = u8::MAX as usize;

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token").field("span", &self.span()).field("kind", &self.kind()).finish()
    }
}

impl Token {
    /// A token of `kind` over bytes `[start, end)` (offsets past
    /// [`MAX_TEXT`] are cut to it, and lengths to [`MAX_TOKEN`]).
    #[inline]
    pub fn new(start: usize, end: usize, kind: TokenKind) -> Token {
        let start = start.min(MAX_TEXT);
        let len = end.min(MAX_TEXT).saturating_sub(start).min(MAX_TOKEN);
        let word = start as u32 | (kind as u32) << START_BITS;
        Token { start_kind: word, len: len as u8 }
    }

    /// Byte offsets `[start, end)` into the input.
    #[inline]
    pub fn span(&self) -> Span {
        let start = (self.start_kind & MAX_TEXT as u32) as usize;
        Span::new(start, start + usize::from(self.len))
    }

    /// What the token is made of.
    #[inline]
    pub fn kind(&self) -> TokenKind {
        match self.start_kind >> START_BITS {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            2 => TokenKind::Punct,
            3 => TokenKind::Symbol,
            4 => TokenKind::Url,
            _ => TokenKind::Email,
        }
    }

    /// The token's text in `input` (the string it was produced from).
    #[inline]
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        let span = self.span();
        &input[span.start..span.end]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Atom {
    Ru,
    Lat,
    Int,
    Punct,
    Other,
    /// A URL or e-mail found by the pre-scan; never joined with neighbours.
    Whole(TokenKind),
}

/// Offsets are `u32` (the text is cut at [`MAX_TEXT`]): four atoms move
/// through the tokenizer's window at every step.
#[derive(Debug, Clone, Copy)]
struct AtomSpan {
    start: u32,
    end: u32,
    kind: Atom,
    /// The single character of a punctuation atom (`'\0'` otherwise).
    ch: char,
    /// The atom is its own normal form (no capital, `ё`, dash or accent):
    /// a token of this atom alone is copied to the normal forms as it is.
    plain: bool,
}

// The character sets are tested with `matches!`: `str::contains` of a
// char costs a search per test, and `should_join` runs at every joint.
#[inline]
fn is_dash_char(c: char) -> bool {
    matches!(c, '‑' | '–' | '—' | '−' | '-')
}

#[inline]
fn is_ending(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…')
}

/// Quotes and brackets, which open and close one at a time.
#[inline]
fn is_paired(c: char) -> bool {
    matches!(c, '«' | '“' | '‘' | '»' | '”' | '’' | '"' | '„' | '\'' | '(' | '[' | '{' | ')' | ']' | '}')
}
const PUNCTS: &str = "\\/!#$%&*+,.:;<=>?@^_`|~№…‑–—−-«“‘»”’\"„'([{)]}";

#[inline]
fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        matches!(
            c,
            '\\' | '/'
                | '!'
                | '#'
                | '$'
                | '%'
                | '&'
                | '*'
                | '+'
                | ','
                | '.'
                | ':'
                | ';'
                | '<'
                | '='
                | '>'
                | '?'
                | '@'
                | '^'
                | '_'
                | '`'
                | '|'
                | '~'
                | '-'
                | '"'
                | '\''
                | '('
                | '['
                | '{'
                | ')'
                | ']'
                | '}'
        )
    } else {
        PUNCTS.contains(c)
    }
}

/// Splits `text` into tokens.
///
/// ```
/// use dipnews::text::{tokenize, TokenKind};
/// let text = "ДУШАНБЕ, 07.10.2020 /НИАТ «Ховар»/.";
/// let words: Vec<&str> = tokenize(text).iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["ДУШАНБЕ", ",", "07.10.2020", "/", "НИАТ", "«", "Ховар", "»", "/", "."]);
/// assert_eq!(tokenize(text)[2].kind(), TokenKind::Number);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 16 + 1);
    tokenize_with(text, |t, _| push_quarter(&mut tokens, t));
    tokens.shrink_to_fit();
    tokens
}

/// Tokens and their normal forms, in one pass over the text: a token that
/// is its own normal form (most lowercase words, numbers, ASCII marks) is
/// not looked at again.
pub(crate) fn tokenize_normalized(text: &str) -> (Arc<Vec<Token>>, Normalized<'_>) {
    let mut tokens = Vec::with_capacity(text.len() / 16 + 1);
    let mut norm = Normalized::empty(text, Arc::default());
    let mut scratch = String::new();
    tokenize_with(text, |t, plain| {
        norm.push(tokens.len(), &t, plain, &mut scratch);
        push_quarter(&mut tokens, t);
    });
    tokens.shrink_to_fit();
    let tokens = Arc::new(tokens);
    norm.finish(tokens.clone());
    (tokens, norm)
}

/// Pushes `x` on `v`, growing it by a quarter when it is full, by an
/// eighth past 64K items. News text has a token every 6–7 bytes; lists
/// start below that (a text of a few long tokens reserves little) and are
/// cut to their length at the end, so that a text of short tokens («и и и
/// …») holds at most an eighth more than its tokens at the peak, not twice
/// as much. (A long list grows in place, by `mremap`, rather than by a copy:
/// the more frequent growth costs little; a quarter left «, » at 3.63 bytes
/// per byte of input, an eighth at 3.26.)
#[inline]
pub(crate) fn push_quarter<T>(v: &mut Vec<T>, x: T) {
    if v.len() == v.capacity() {
        let shift = if v.len() < 1 << 16 { 2 } else { 3 };
        v.reserve_exact((v.len() >> shift) + 16);
    }
    v.push(x);
}

/// Calls `sink` with each token of `text` and whether it is its own
/// normal form; tokens longer than [`MAX_TOKEN`] are cut at character
/// bounds.
fn tokenize_with(text: &str, mut sink: impl FnMut(Token, bool)) {
    let text = &text[..super::floor_char_boundary(text, MAX_TEXT)];
    let mut sink = |(start, end, kind): (usize, usize, TokenKind), plain: bool| {
        if end - start <= MAX_TOKEN {
            sink(Token::new(start, end, kind), plain);
        } else {
            cut_long(text, (start, end, kind), plain, &mut sink);
        }
    };
    // Atoms stream through a window of four (two before the joint, two
    // after): no vector of atoms, which cost 24 bytes per character on a
    // text of punctuation.
    let mut atoms = Atoms { text, i: 0, no_email_before: 0 };
    let Some(mut l1) = atoms.next() else { return };
    let (mut l2, mut r1, mut r2) = (None, atoms.next(), atoms.next());
    let (mut first, mut count) = (l1, 1);
    while let Some(r) = r1 {
        let adjacent = l1.end == r.start;
        if adjacent && should_join(text, l2.as_ref(), &l1, &r, r2.as_ref(), first.start as usize) {
            count += 1;
        } else {
            sink(make_token(text, &first, l1.end as usize, count), count == 1 && first.plain);
            (first, count) = (r, 1);
        }
        (l2, l1, r1, r2) = (Some(l1), r, r2, atoms.next());
    }
    sink(make_token(text, &first, l1.end as usize, count), count == 1 && first.plain);
}

/// Gives `sink` the token `(start, end, kind)` of `text`, longer than
/// [`MAX_TOKEN`], as pieces of its kind cut at character bounds.
#[cold]
fn cut_long(
    text: &str,
    (start, end, kind): (usize, usize, TokenKind),
    plain: bool,
    sink: &mut impl FnMut(Token, bool),
) {
    let mut at = start;
    while end - at > MAX_TOKEN {
        let cut = super::floor_char_boundary(text, at + MAX_TOKEN);
        sink(Token::new(at, cut, kind), plain);
        at = cut;
    }
    sink(Token::new(at, end, kind), plain);
}

/// The atoms of a text, in order.
struct Atoms<'a> {
    text: &'a str,
    i: usize,
    /// End of the last e-mail local part that led to no address: a scan
    /// from any later start inside it ends at the same place with the same
    /// result, so it is not run again (`a-a-a-…` stays linear).
    no_email_before: usize,
}

impl Iterator for Atoms<'_> {
    type Item = AtomSpan;

    // Inlined into the tokenizer's loop: a call per atom spilled the
    // window's registers (about a tenth of the tokenizer's instructions).
    #[inline(always)]
    fn next(&mut self) -> Option<AtomSpan> {
        let text = self.text;
        let bytes = text.as_bytes();
        while self.i < bytes.len() {
            let i = self.i;
            let b = bytes[i];
            // ASCII fast paths.
            if b < 0x80 {
                if b.is_ascii_whitespace() || b == 0x0b {
                    self.i += 1;
                    continue;
                }
                if b.is_ascii_alphabetic() || b.is_ascii_digit() {
                    if let Some((end, kind)) = scan_url_or_email(text, i, &mut self.no_email_before) {
                        self.i = end;
                        return Some(AtomSpan {
                            start: i as u32,
                            end: end as u32,
                            kind: Atom::Whole(kind),
                            ch: '\0',
                            plain: false,
                        });
                    }
                    let alpha = b.is_ascii_alphabetic();
                    let (mut j, mut plain) = (i + 1, !b.is_ascii_uppercase());
                    while j < bytes.len()
                        && (if alpha { bytes[j].is_ascii_alphabetic() } else { bytes[j].is_ascii_digit() })
                    {
                        plain &= !bytes[j].is_ascii_uppercase();
                        j += 1;
                    }
                    let kind = if alpha { Atom::Lat } else { Atom::Int };
                    self.i = j;
                    return Some(AtomSpan { start: i as u32, end: j as u32, kind, ch: '\0', plain });
                }
                let c = b as char;
                let kind = if is_punct(c) { Atom::Punct } else { Atom::Other };
                self.i = i + 1;
                return Some(AtomSpan {
                    start: i as u32,
                    end: (i + 1) as u32,
                    kind,
                    ch: c,
                    plain: kind == Atom::Punct && c != '-',
                });
            }
            // Russian letters over bytes: `А`–`Я` D0 90–AF, `а`–`п` D0 B0–BF,
            // `р`–`я` D1 80–8F, `Ё` D0 81, `ё` D1 91.
            if let Some((end, plain)) = russian_run(bytes, i) {
                self.i = end;
                return Some(AtomSpan { start: i as u32, end: end as u32, kind: Atom::Ru, ch: '\0', plain });
            }
            let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
            let len = c.len_utf8();
            if c.is_whitespace() {
                self.i += len;
                continue;
            }
            let kind = if is_punct(c) { Atom::Punct } else { Atom::Other };
            self.i = i + len;
            // Quotes, `№` and `…` are their own forms (a token of them alone
            // skips the normalizer); dashes become `-`.
            let plain = kind == Atom::Punct && !is_dash_char(c);
            return Some(AtomSpan { start: i as u32, end: (i + len) as u32, kind, ch: c, plain });
        }
        None
    }
}

/// The run of Russian letters starting at byte `i` (none when the
/// character there is no Russian letter): its end, and whether it is all
/// lowercase without `ё`.
#[inline]
fn russian_run(bytes: &[u8], i: usize) -> Option<(usize, bool)> {
    let (mut j, mut plain) = (i, true);
    loop {
        // Small letters other than `ё`, eight at a time: how many lead the
        // next sixteen bytes, without a branch for each (where a word ends
        // is what a processor cannot guess; most words end within one
        // reading, so the loop's own branch is guessed right).
        loop {
            let n = small_letters_leading(sixteen_bytes(bytes, j));
            j += 2 * n;
            if n < 8 {
                break;
            }
        }
        // One letter read whole: a capital or `ё` (the run goes on), or
        // the run's end. A letter's two bytes as one number: in UTF-8
        // (second bytes 80–BF) D0B0–D18F holds а–я without ё and nothing
        // else.
        let Some(pair) = bytes.get(j..j + 2) else { break };
        // Most words end at a space or a mark: no letter's lead byte.
        if pair[0] & 0xFE != 0xD0 {
            break;
        }
        match u16::from_be_bytes([pair[0], pair[1]]) {
            0xD0B0..=0xD18F => {}
            0xD090..=0xD0AF | 0xD081 | 0xD191 => plain = false,
            _ => break,
        }
        j += 2;
    }
    (j > i).then_some((j, plain))
}

/// The sixteen bytes of `bytes` from `j` as a little-endian integer, zeros
/// past the end (a zero byte is no letter).
#[inline(always)]
fn sixteen_bytes(bytes: &[u8], j: usize) -> u128 {
    match bytes.get(j..j + 16) {
        Some(chunk) => u128::from_le_bytes(chunk.try_into().unwrap_or_default()),
        None => {
            let rest = bytes.get(j..).unwrap_or_default();
            let mut b = [0u8; 16];
            b[..rest.len()].copy_from_slice(rest);
            u128::from_le_bytes(b)
        }
    }
}

/// How many of the eight two-byte pairs of `w` (sixteen bytes read
/// little-endian), from the first, are Russian small letters other than
/// `ё`: a lead D0 with a second byte B0–BF (`а`–`п`) or a lead D1 with one
/// 80–8F (`р`–`я`), the pair match's first arm on eight pairs at once.
#[inline(always)]
fn small_letters_leading(w: u128) -> usize {
    const LANES: u128 = 0x0001_0001_0001_0001_0001_0001_0001_0001;
    // Each pair's lead without its last bit and its second byte's high
    // nibble: D0 and B after D0, D0 and 8 after D1.
    let expected = 0xB0D0 * LANES - (w & LANES) * 0x3000;
    let diff = (w & (0xF0FE * LANES)) ^ expected;
    // The high bit of each pair that differs (exact for each pair: no
    // carry crosses from one to the next).
    let off = (((diff & (0x7FFF * LANES)) + 0x7FFF * LANES) | diff) & (0x8000 * LANES);
    off.trailing_zeros() as usize / 16
}

/// Recognizes `http(s)://…`, `www.…` and `name@host.tld` starting at `i`.
fn scan_url_or_email(text: &str, i: usize, no_email_before: &mut usize) -> Option<(usize, TokenKind)> {
    let bytes = text.as_bytes();
    // Only at the start of a word.
    if i > 0 {
        let prev = bytes[i - 1];
        if prev.is_ascii_alphanumeric() || prev == b'.' || prev == b'@' || prev == b'/' {
            return None;
        }
    }
    let rest = &bytes[i..];
    let starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if starts(b"http://") || starts(b"https://") || starts(b"www.") {
        let mut j = i;
        while j < bytes.len() {
            let c = bytes[j];
            if c.is_ascii_whitespace() || c >= 0x80 || matches!(c, b'"' | b'<' | b'>' | b'\'') {
                break;
            }
            j += 1;
        }
        // Trailing punctuation belongs to the sentence, not the address.
        while j > i && matches!(bytes[j - 1], b'.' | b',' | b';' | b':' | b'!' | b'?' | b')') {
            j -= 1;
        }
        let min = if starts(b"www.") { 5 } else { 9 };
        return (j - i >= min).then_some((j, TokenKind::Url));
    }
    // e-mail: local@domain.tld
    if i < *no_email_before {
        return None;
    }
    let mut j = i;
    while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || matches!(bytes[j], b'.' | b'_' | b'%' | b'+' | b'-'))
    {
        j += 1;
    }
    *no_email_before = j;
    if j >= bytes.len() || bytes[j] != b'@' || j == i {
        return None;
    }
    let mut k = j + 1;
    while k < bytes.len() && (bytes[k].is_ascii_alphanumeric() || matches!(bytes[k], b'.' | b'-')) {
        k += 1;
    }
    while k > j + 1 && matches!(bytes[k - 1], b'.' | b'-') {
        k -= 1;
    }
    let last_dot = bytes[j + 1..k].iter().rposition(|&b| b == b'.').map(|p| p + j + 1);
    match last_dot {
        Some(d) if d > j + 1 && k > d + 2 => {
            *no_email_before = 0;
            Some((k, TokenKind::Email))
        }
        _ => None,
    }
}

#[inline]
fn is_dash(a: &AtomSpan) -> bool {
    a.kind == Atom::Punct && is_dash_char(a.ch)
}

/// Should atom `r1` join the token being built (which started at byte
/// `buf_start` and ends with atom `l1`)? `l2` is the atom before `l1`, `r2`
/// the one after `r1`.
fn should_join(
    text: &str,
    l2: Option<&AtomSpan>,
    l1: &AtomSpan,
    r1: &AtomSpan,
    r2: Option<&AtomSpan>,
    buf_start: usize,
) -> bool {
    if matches!(l1.kind, Atom::Whole(_)) || matches!(r1.kind, Atom::Whole(_)) {
        return false;
    }
    // The commonest joint, a word and a mark («Россия,», «(Россия»): only
    // a dash, an underscore or `yahoo!` joins them (the rules below).
    let word = |a: &AtomSpan| matches!(a.kind, Atom::Ru | Atom::Lat);
    let loose = |a: &AtomSpan| a.kind == Atom::Punct && !is_dash_char(a.ch) && !matches!(a.ch, '_' | '!');
    if (word(l1) && loose(r1)) || (loose(l1) && word(r1)) {
        return false;
    }
    let not_punct = |a: &AtomSpan| a.kind != Atom::Punct && !matches!(a.kind, Atom::Whole(_));
    // The "2112" rules: a delimiter atom between two atoms.
    let around = |pred: &dyn Fn(&AtomSpan) -> bool| -> Option<(&AtomSpan, &AtomSpan)> {
        if pred(l1) {
            Some((l2?, r1))
        } else if pred(r1) {
            Some((l1, r2?))
        } else {
            None
        }
    };
    let is_delim = |a: &AtomSpan, set: fn(char) -> bool| a.kind == Atom::Punct && set(a.ch);
    // dash
    if let Some((l, r)) = around(&is_dash) {
        if not_punct(l) && not_punct(r) {
            return true;
        }
    }
    // underscore
    if let Some((l, r)) = around(&|a| is_delim(a, |c| c == '_')) {
        if not_punct(l) && not_punct(r) {
            return true;
        }
    }
    // float and fraction
    for set in [(|c| matches!(c, '.' | ',')) as fn(char) -> bool, |c| matches!(c, '/' | '\\')] {
        if let Some((l, r)) = around(&|a| is_delim(a, set)) {
            if l.kind == Atom::Int && r.kind == Atom::Int {
                return true;
            }
        }
    }
    // punctuation runs
    if l1.kind == Atom::Punct && r1.kind == Atom::Punct {
        let buffer = &text[buf_start..l1.end as usize];
        if is_smile(buffer, r1.ch) {
            return true;
        }
        if is_ending(l1.ch) && is_ending(r1.ch) {
            return true;
        }
        if (l1.ch == '-' && r1.ch == '-') || (l1.ch == '*' && r1.ch == '*') {
            return true;
        }
        // Beyond razdel: a run of three or more of one mark («,,,», «///»,
        // «___») is one token, so that a text of punctuation holds a token
        // per run rather than per byte (memory stays a small multiple of
        // the input). Pairs stay apart as razdel has them («++», «//»), and
        // so do quotes and brackets: «»» closes two quotes.
        let same = |a: Option<&AtomSpan>| a.is_some_and(|a| a.kind == Atom::Punct && a.ch == l1.ch);
        let run_of_three =
            (same(l2) && l2.is_some_and(|a| a.end == l1.start)) || (same(r2) && r2.is_some_and(|a| a.start == r1.end));
        if l1.ch == r1.ch && !is_paired(l1.ch) && run_of_three {
            return true;
        }
    }
    // other characters stick to letters and to each other
    let wordish = |k: Atom| matches!(k, Atom::Other | Atom::Ru | Atom::Lat);
    if (l1.kind == Atom::Other && wordish(r1.kind)) || (wordish(l1.kind) && r1.kind == Atom::Other) {
        return true;
    }
    // yahoo!
    if l1.kind == Atom::Lat && r1.ch == '!' && text[l1.start as usize..l1.end as usize].eq_ignore_ascii_case("yahoo") {
        return true;
    }
    false
}

/// razdel's smile pattern `[=:;]-?[)(]{1,3}` over `buffer + next`.
fn is_smile(buffer: &str, next: char) -> bool {
    // At most «=-))» before the last character: a longer run of brackets
    // is no smile, and is not scanned again at each of its atoms.
    if buffer.len() > 4 {
        return false;
    }
    let mut chars = buffer.chars().chain(std::iter::once(next)).peekable();
    match chars.next() {
        Some('=' | ':' | ';') => {}
        _ => return false,
    }
    chars.next_if_eq(&'-');
    let mut body = 0;
    for c in chars {
        if c != ')' && c != '(' {
            return false;
        }
        body += 1;
    }
    (1..=3).contains(&body)
}

/// A token of `count` atoms from atom `first` to byte `end`: its start,
/// end and kind.
#[inline(always)]
fn make_token(text: &str, first: &AtomSpan, end: usize, count: usize) -> (usize, usize, TokenKind) {
    let kind = match (count, first.kind) {
        (1, Atom::Whole(k)) => k,
        (1, Atom::Ru | Atom::Lat) => TokenKind::Word,
        (1, Atom::Int) => TokenKind::Number,
        (1, Atom::Punct) => TokenKind::Punct,
        _ => classify(&text[first.start as usize..end]),
    };
    (first.start as usize, end, kind)
}

fn classify(s: &str) -> TokenKind {
    let mut letters = false;
    let mut digits = false;
    let mut punct = false;
    let mut other = false;
    for c in s.chars() {
        if crate::text::is_letter(c) {
            letters = true;
        } else if c.is_ascii_digit() {
            digits = true;
        } else if is_punct(c) {
            punct = true;
        } else if c == '\u{00AD}' || c.is_mark() {
            // soft hyphen and combining marks live inside words
        } else {
            other = true;
        }
    }
    if letters {
        TokenKind::Word
    } else if digits {
        TokenKind::Number
    } else if punct && !other {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

trait IsMark {
    fn is_mark(&self) -> bool;
}

impl IsMark for char {
    /// Combining marks (U+0300–U+036F and friends) carry stress marks in
    /// Russian text; they are part of the word they sit on.
    fn is_mark(&self) -> bool {
        matches!(*self as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_letters_leading_is_the_pair_test_eight_times() {
        let small =
            |a: u8, b: u8| (a == 0xD0 && (0xB0..=0xBF).contains(&b)) || (a == 0xD1 && (0x80..=0x8F).contains(&b));
        let letters = "аяпрожня".as_bytes();
        for lane in 0..8 {
            for a in 0..=255u8 {
                for b in 0..=255u8 {
                    // Small letters around the pair tried, then the same
                    // with a capital last (the count stops there or earlier).
                    let mut bytes: [u8; 16] = letters.try_into().unwrap();
                    bytes[2 * lane] = a;
                    bytes[2 * lane + 1] = b;
                    let expected = if small(a, b) { 8 } else { lane };
                    assert_eq!(small_letters_leading(u128::from_le_bytes(bytes)), expected, "{lane} {a:x} {b:x}");
                    let mut capital_last = bytes;
                    capital_last[14] = 0xD0;
                    capital_last[15] = 0x90;
                    let expected = if lane == 7 || small(a, b) { 7 } else { lane };
                    assert_eq!(
                        small_letters_leading(u128::from_le_bytes(capital_last)),
                        expected,
                        "{lane} {a:x} {b:x}"
                    );
                }
            }
        }
    }

    #[test]
    fn russian_runs_agree_with_a_letter_at_a_time() {
        // By characters, not bytes: an oracle written apart from the code.
        fn reference(s: &str, i: usize) -> Option<(usize, bool)> {
            let (mut j, mut plain) = (i, true);
            for c in s[i..].chars() {
                match c {
                    'а'..='я' => {}
                    'А'..='Я' | 'Ё' | 'ё' => plain = false,
                    _ => break,
                }
                j += c.len_utf8();
            }
            (j > i).then_some((j, plain))
        }
        let alphabet = ['а', 'п', 'р', 'я', 'о', 'А', 'Я', 'ё', 'Ё', 'ж', 's', ' ', '-', '—', '\u{a0}', 'ә', '1'];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 24) as usize;
            let mut x = seed;
            for _ in 0..len {
                // Mostly small letters, as words are.
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                let k = (x >> 33) as usize;
                s.push(if k.is_multiple_of(3) { alphabet[k / 3 % alphabet.len()] } else { alphabet[k % 5] });
            }
            for (i, _) in s.char_indices() {
                assert_eq!(russian_run(s.as_bytes(), i), reference(&s, i), "{s:?} at {i}");
            }
        }
    }

    #[test]
    fn russian_runs_end_where_the_letters_do() {
        for (s, end, plain) in [
            ("Москва", 12, false),
            ("переговорами,", 24, true),
            ("сотрудничествоЁ", 30, false),
            ("ёлка", 8, false),
            ("двусторонних\u{a0}", 24, true),
            ("аааабббб", 16, true),
            ("аааaбббб", 6, true),
        ] {
            assert_eq!(russian_run(s.as_bytes(), 0), Some((end, plain)), "{s}");
        }
        assert_eq!(russian_run(b"abc", 0), None);
    }

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn hyphenated_compounds_stay_whole() {
        assert_eq!(toks("государств-участников"), ["государств-участников"]);
        assert_eq!(toks("российско-таджикских"), ["российско-таджикских"]);
        assert_eq!(toks("Нур-Султан"), ["Нур-Султан"]);
        assert_eq!(toks("что-то"), ["что-то"]);
        assert_eq!(toks("видео-совещание"), ["видео-совещание"]);
    }

    #[test]
    fn abbreviations_and_initials_split_like_razdel() {
        assert_eq!(toks("г."), ["г", "."]);
        assert_eq!(toks("т.е."), ["т", ".", "е", "."]);
        assert_eq!(toks("С. Асловым"), ["С", ".", "Асловым"]);
    }

    #[test]
    fn numbers_and_dates() {
        assert_eq!(toks("07.10.2020"), ["07.10.2020"]);
        assert_eq!(toks("1,5"), ["1,5"]);
        assert_eq!(toks("2020-2021"), ["2020-2021"]);
        assert_eq!(toks("5–7"), ["5–7"]);
        assert_eq!(tokenize("1,5")[0].kind(), TokenKind::Number);
    }

    #[test]
    fn quotes_and_broken_quotes() {
        assert_eq!(toks("«Ховар»"), ["«", "Ховар", "»"]);
        assert_eq!(toks("/НИАТ «Ховар/."), ["/", "НИАТ", "«", "Ховар", "/", "."]);
        assert_eq!(toks("„слово“"), ["„", "слово", "“"]);
        assert_eq!(toks("\"слово"), ["\"", "слово"]);
    }

    #[test]
    fn dashes_and_slashes() {
        assert_eq!(toks("а — б"), ["а", "—", "б"]);
        assert_eq!(toks("/ТАСС/."), ["/", "ТАСС", "/", "."]);
        assert_eq!(toks("1863–"), ["1863", "–"]);
    }

    #[test]
    fn urls_and_emails() {
        assert_eq!(toks("см. https://mfa.tj/ru/main. Далее"), ["см", ".", "https://mfa.tj/ru/main", ".", "Далее"]);
        assert_eq!(toks("пишите press@mfa.tj."), ["пишите", "press@mfa.tj", "."]);
        assert_eq!(tokenize("www.mid.ru")[0].kind(), TokenKind::Url);
    }

    #[test]
    fn tajik_letters_nbsp_soft_hyphen_yo() {
        assert_eq!(toks("ҳамкориҳои"), ["ҳамкориҳои"]);
        assert_eq!(toks("Ҷумҳурии Тоҷикистон"), ["Ҷумҳурии", "Тоҷикистон"]);
        assert_eq!(toks("6\u{a0}октября"), ["6", "октября"]);
        assert_eq!(toks("сотруд\u{ad}ничество"), ["сотруд\u{ad}ничество"]);
        assert_eq!(toks("объединённых"), ["объединённых"]);
    }

    #[test]
    fn ellipses_and_punct_runs() {
        assert_eq!(toks("так...."), ["так", "...."]);
        assert_eq!(toks("что?!"), ["что", "?!"]);
        assert_eq!(toks(":)"), [":)"]);
        assert_eq!(toks(":-)"), [":", "-", ")"]);
        // Runs of three or more of one mark are one token; pairs, quotes
        // and brackets are not.
        assert_eq!(toks(",,,,, ++ + ++ +++"), [",,,,,", "+", "+", "+", "+", "+", "+++"]);
        assert_eq!(toks("»»» )))"), ["»", "»", "»", ")", ")", ")"]);
        assert_eq!(toks(", ,,"), [",", ",", ","]);
        // Past `MAX_TOKEN` a run is cut into pieces of its kind.
        let run = ",".repeat(1000);
        let pieces: Vec<&str> = toks(&run);
        assert_eq!(pieces.concat(), run);
        assert_eq!(pieces.len(), 1000usize.div_ceil(MAX_TOKEN));
        assert!(tokenize(&run).iter().all(|t| t.kind() == TokenKind::Punct));
    }

    #[test]
    fn long_tokens_are_cut_at_character_bounds() {
        assert_eq!((std::mem::size_of::<Token>(), std::mem::align_of::<Token>()), (5, 1));
        let word = "я".repeat(300);
        let pieces = toks(&word);
        assert_eq!(pieces, ["я".repeat(127), "я".repeat(127), "я".repeat(46)]);
        let url = format!("https://mid.ru/{}", "a".repeat(600));
        let t = tokenize(&url);
        assert_eq!(t.iter().map(|t| t.text(&url)).collect::<String>(), url);
        assert!(t.len() == 3 && t.iter().all(|t| t.kind() == TokenKind::Url));
        let far = Token::new(3 << 27, (3 << 27) + 7, TokenKind::Email);
        assert_eq!((far.span().start, far.span().end, far.kind()), (3 << 27, (3 << 27) + 7, TokenKind::Email));
        // Past `MAX_TEXT`: cut to it, the kind kept.
        let past = Token::new(MAX_TEXT + 5, MAX_TEXT + 9, TokenKind::Symbol);
        assert_eq!((past.span().start, past.span().end, past.kind()), (MAX_TEXT, MAX_TEXT, TokenKind::Symbol));
        for kind in [TokenKind::Word, TokenKind::Number, TokenKind::Punct, TokenKind::Symbol, TokenKind::Url] {
            assert_eq!(Token::new(MAX_TEXT - 1, MAX_TEXT, kind).kind(), kind);
        }
    }

    #[test]
    fn spans_slice_cleanly() {
        let s = "Ёж\u{0301} 🙂 a\u{200f}b ��";
        for t in tokenize(s) {
            assert!(s.is_char_boundary(t.span().start) && s.is_char_boundary(t.span().end));
        }
        assert!(tokenize("").is_empty());
        assert!(tokenize("   \n\t").is_empty());
    }
}
