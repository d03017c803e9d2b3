//! The normalization view: the normal form of every token (lowercase,
//! `ё`→`е`, dashes as `-`, soft hyphens and accents dropped), read without
//! allocating per token and without touching the caller's input (whose
//! offsets the spans keep).
//!
//! Most characters keep their length in UTF-8 when normalized (`А`→`а`,
//! `Ё`→`е`, `B`→`b`), so the forms are kept as one *view* of the whole text
//! at the text's own byte offsets: a token's form is the view at the
//! token's span, and no table of where each form starts is needed. The view
//! borrows the text when nothing in it changes (a lowercase text, a text of
//! punctuation) and is one copy of it otherwise. The few tokens whose forms
//! differ in length (a dash inside a word, a soft hyphen, a stress accent)
//! keep their forms in a side buffer, found by counting the marked tokens
//! before them.
//!
//! A long text ([`SPARSE_FROM`] bytes or more) keeps every form that
//! differs from its token's text in the side buffer, and the view borrows
//! the text: news text (a capital every 50 bytes or so) held a whole copy,
//! a byte per byte of input, and holds a fifth of that so. Where forms
//! differ often there too (half the text's bytes or more in the side
//! buffer: «Да. Да. …», a text in capitals), the view becomes the copy
//! after all. A short text keeps the copy: the copy costs it little, and
//! a form read from the side buffer costs more than one read in place
//! (a warm pass over NEREL dev, short texts, took 7% more instructions
//! with the side buffer for all).

use super::tokenize::Token;
use std::borrow::Cow;
use std::sync::Arc;

/// Normal forms of all tokens of a text.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The tokens whose forms these are (shared with the document, which
    /// hands them out as its token list: no copy).
    tokens: Arc<Vec<Token>>,
    /// The text the tokens are of.
    text: &'a str,
    /// The text with every token's normal form where it has the token's
    /// length; borrowed when that changes nothing.
    view: Cow<'a, str>,
    /// While tokens come in: how much of the text the view holds, when it
    /// is a copy.
    written: usize,
    /// The end in `odd_forms` of the form of each token there, in token
    /// order; each form starts where the one before ends.
    odd: Vec<u32>,
    /// Their forms one after another, then [`PADDING`] zero bytes.
    odd_forms: String,
    /// Whether each token is in `odd`, a bit per token.
    odd_bits: Vec<u64>,
    /// A long text: forms that differ go to the side buffer, of any length,
    /// until they are many (see the module's documentation).
    sparse: bool,
    /// How many tokens are in `odd` before each word of `odd_bits` (made
    /// by [`Normalized::finish`]): a token's place there is this and a
    /// count of the bits before it.
    odd_ranks: Vec<u32>,
    /// Whether each normal form holds a `-`, a bit per token (recorded
    /// while normalizing, so that the matcher need not scan every word for
    /// one).
    hyphens: Vec<u64>,
}

/// Texts this long or longer keep the forms that differ in the side buffer
/// rather than in a copy of the text (see the module's documentation).
pub(crate) const SPARSE_FROM: usize = 1 << 16;

/// Zero bytes after the last form of the side buffer: a hot loop may read a
/// form as whole 8-byte words (see [`Normalized::padded_bytes`]).
pub(crate) const PADDING: usize = 8;

impl<'a> Normalized<'a> {
    /// Builds the view for `tokens` of `text`.
    pub fn new(text: &'a str, tokens: &[Token]) -> Normalized<'a> {
        let mut norm = Normalized::empty(text, Arc::new(Vec::new()));
        let mut scratch = String::new();
        for (i, t) in tokens.iter().enumerate() {
            norm.push(i, t, false, &mut scratch);
        }
        norm.finish(Arc::new(tokens.to_vec()));
        norm
    }

    /// An empty view of `text` (its tokens come with [`Normalized::push`]).
    pub(crate) fn empty(text: &'a str, tokens: Arc<Vec<Token>>) -> Normalized<'a> {
        Normalized {
            tokens,
            text,
            view: Cow::Borrowed(text),
            written: 0,
            odd: Vec::new(),
            odd_forms: String::new(),
            odd_bits: Vec::new(),
            odd_ranks: Vec::new(),
            sparse: text.len() >= SPARSE_FROM,
            hyphens: Vec::new(),
        }
    }

    /// Takes in token `i`, `t`; `plain`: its text is its own normal form
    /// (the tokenizer saw no capital, `ё` or dash in it). `scratch` is a
    /// buffer for the form, reused from token to token.
    #[inline]
    pub(crate) fn push(&mut self, i: usize, t: &Token, plain: bool, scratch: &mut String) {
        if i.is_multiple_of(64) {
            super::tokenize::push_quarter(&mut self.hyphens, 0);
            super::tokenize::push_quarter(&mut self.odd_bits, 0);
        }
        if !plain {
            self.normalize(i, t, scratch);
        }
    }

    /// [`Normalized::push`] for a token that may not be its own form.
    #[inline(never)]
    fn normalize(&mut self, i: usize, t: &Token, scratch: &mut String) {
        let text = self.text;
        let span = t.span();
        let s = &text[span.start..span.end];
        if let Cow::Owned(view) = &mut self.view {
            // The commonest token to lower, a Russian word with a capital
            // first letter and the rest lowercase: one character written,
            // the rest left to be copied with the next gap (the view is
            // the text from `written` on).
            if let Some(first) = russian_capital_then_lower(s.as_bytes()) {
                view.push_str(&text[self.written..span.start]);
                view.push(first);
                self.written = span.start + 2;
                return;
            }
        }
        let sparse = self.sparse && !self.dense(span.end);
        let hyphen = match &mut self.view {
            Cow::Owned(view) => {
                // The copy is written up to `written`: the text since then,
                // then the form straight into it.
                view.push_str(&text[self.written..span.start]);
                let hyphen = normalize_token(s, view);
                if view.len() == span.end {
                    self.written = span.end;
                } else {
                    // Of another length: to the side buffer; the copy
                    // keeps the token's text (written with the next gap).
                    self.odd_forms.push_str(&view[span.start..]);
                    view.truncate(span.start);
                    self.written = span.start;
                    self.add_odd(i);
                }
                hyphen
            }
            Cow::Borrowed(_) if sparse => {
                // A capital, then lowercase: its lowered letter and the
                // rest, with no look at each character.
                if let Some(first) = russian_capital_then_lower(s.as_bytes()) {
                    self.odd_forms.push(first);
                    self.odd_forms.push_str(&s[2..]);
                    self.add_odd(i);
                    return;
                }
                let before = self.odd_forms.len();
                let hyphen = normalize_token(s, &mut self.odd_forms);
                if self.odd_forms[before..] == *s {
                    self.odd_forms.truncate(before);
                } else {
                    self.add_odd(i);
                }
                hyphen
            }
            Cow::Borrowed(_) => {
                scratch.clear();
                let hyphen = normalize_token(s, scratch);
                if scratch.len() != s.len() {
                    self.odd_forms.push_str(scratch);
                    self.add_odd(i);
                } else if scratch.as_str() != s {
                    // The first change (or, in a long text, forms that
                    // differ often): the view becomes a copy (the forms in
                    // the side buffer stay there).
                    let mut copy = String::with_capacity(text.len());
                    copy.push_str(&text[..span.start]);
                    copy.push_str(scratch);
                    self.view = Cow::Owned(copy);
                    self.written = span.end;
                }
                hyphen
            }
        };
        if hyphen {
            self.hyphens[i / 64] |= 1 << (i % 64);
        }
    }

    /// Whether the side buffer holds so much of the first `end` bytes of
    /// the text (half of them or more, its table counted, past the first
    /// few kilobytes) that one copy of the text costs less.
    #[inline]
    fn dense(&self, end: usize) -> bool {
        end >= 4096 && (self.odd_forms.len() + 4 * self.odd.len()) * 2 >= end
    }

    /// Records that token `i`'s form is the last one of the side buffer.
    fn add_odd(&mut self, i: usize) {
        // Forms are shorter than the text is long (at most `MAX_TEXT`
        // bytes, below `u32::MAX`) times the longest form per byte.
        super::tokenize::push_quarter(&mut self.odd, u32::try_from(self.odd_forms.len()).unwrap_or(u32::MAX));
        self.odd_bits[i / 64] |= 1 << (i % 64);
    }

    /// Takes the token list (the one pushed, now complete), completes the
    /// copy, pads the side buffer (see [`PADDING`]) and gives back spare
    /// room.
    pub(crate) fn finish(&mut self, tokens: Arc<Vec<Token>>) {
        self.tokens = tokens;
        if let Cow::Owned(view) = &mut self.view {
            view.push_str(&self.text[self.written..]);
        }
        self.odd_forms.extend(std::iter::repeat_n('\0', PADDING));
        self.odd_forms.shrink_to_fit();
        self.odd.shrink_to_fit();
        self.odd_bits.shrink_to_fit();
        self.odd_ranks = super::rank_table(&self.odd_bits);
        self.hyphens.shrink_to_fit();
    }

    /// The normal form of token `i`.
    #[inline(always)]
    pub fn get(&self, i: usize) -> &str {
        if self.is_odd(i) {
            return self.odd_form(i);
        }
        let span = self.tokens[i].span();
        &self.view[span.start..span.end]
    }

    /// The normal form of token `i` as bytes, followed by what follows it
    /// in its buffer, and the form's length: the matcher reads its head as
    /// one 8-byte word whatever its length, then masks off the excess (it
    /// checks that 8 bytes are there: the view may end right after the
    /// form).
    #[inline]
    pub(crate) fn padded_bytes(&self, i: usize) -> (&[u8], usize) {
        if self.is_odd(i) {
            let (a, b) = self.odd_range(i);
            return (&self.odd_forms.as_bytes()[a..], b - a);
        }
        let span = self.tokens[i].span();
        (&self.view.as_bytes()[span.start..], span.len())
    }

    /// The normal form of token `i` and its first eight bytes as a
    /// little-endian integer, read from the form's buffer: bytes past a
    /// shorter form are whatever follows it there (zero when the buffer
    /// ends first). One look for both: a hot loop reads every token's
    /// form and head (a look for each cost the phrase finder a tenth of
    /// its instructions).
    #[inline]
    pub(crate) fn get_with_head(&self, i: usize) -> (&str, u64) {
        let (buf, a, b) = if self.is_odd(i) {
            let (a, b) = self.odd_range(i);
            (self.odd_forms.as_str(), a, b)
        } else {
            let span = self.tokens[i].span();
            (&*self.view, span.start, span.end)
        };
        let form = &buf[a..b];
        let head = buf.as_bytes().get(a..a + 8).and_then(|h| <[u8; 8]>::try_from(h).ok());
        (form, head.map_or_else(|| head_of(form.as_bytes()), u64::from_le_bytes))
    }

    /// Whether the form of token `i` is in the side buffer.
    #[inline(always)]
    fn is_odd(&self, i: usize) -> bool {
        self.odd_bits.get(i / 64).is_some_and(|b| b & (1 << (i % 64)) != 0)
    }

    /// The form of token `i` from the side buffer (apart, so that the
    /// common path stays short where it is inlined).
    #[cold]
    #[inline(never)]
    fn odd_form(&self, i: usize) -> &str {
        let (a, b) = self.odd_range(i);
        &self.odd_forms[a..b]
    }

    /// Where the form of token `i`, one of the side buffer, lies in it:
    /// its place among the forms there is the count of marked tokens
    /// before it.
    fn odd_range(&self, i: usize) -> (usize, usize) {
        let k = super::rank_below(&self.odd_bits, &self.odd_ranks, i);
        let start = k.checked_sub(1).and_then(|k| self.odd.get(k)).map_or(0, |&e| e as usize);
        (start, self.odd.get(k).map_or(start, |&e| e as usize))
    }

    /// Whether the normal form of token `i` holds a hyphen (any dash inside
    /// a word is normalized to `-`): `российско-таджикских`, `Нур-Султан`.
    #[inline]
    pub fn has_hyphen(&self, i: usize) -> bool {
        self.hyphens[i / 64] & (1 << (i % 64)) != 0
    }

    /// Number of tokens in the view.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether the view has no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Bytes held beyond the text and the tokens.
    #[cfg(test)]
    fn heap_bytes(&self) -> usize {
        let view = match &self.view {
            Cow::Borrowed(_) => 0,
            Cow::Owned(s) => s.capacity(),
        };
        view + (self.odd.capacity() + self.odd_ranks.capacity()) * 4
            + self.odd_forms.capacity()
            + (self.odd_bits.capacity() + self.hyphens.capacity()) * 8
    }
}

/// The first eight bytes of `b` (fewer when shorter, zero above) as a
/// little-endian integer.
#[cold]
fn head_of(b: &[u8]) -> u64 {
    let mut head = [0u8; 8];
    let n = b.len().min(8);
    head[..n].copy_from_slice(&b[..n]);
    u64::from_le_bytes(head)
}

/// Appends the normal form of `s` to `out`: lowercase, `ё`→`е`, every dash
/// as `-`, soft hyphens and combining accents dropped.
pub fn normalize_into(s: &str, out: &mut String) {
    normalize_token(s, out);
}

/// [`normalize_into`], telling whether it wrote a `-`. Stretches that stay
/// as they are (lowercase Russian, ASCII other than capitals) are found over
/// bytes and copied whole; only the characters between them are looked at.
#[inline]
fn normalize_token(s: &str, out: &mut String) -> bool {
    let b = s.as_bytes();
    let mut hyphen = false;
    let (mut copied, mut i) = (0, 0);
    // Capitals are written one by one; what lies between them is copied
    // whole (and nothing when two meet).
    let flush = |out: &mut String, copied: usize, i: usize| {
        if copied < i {
            out.push_str(&s[copied..i]);
        }
    };
    while i < b.len() {
        match (b[i], b.get(i + 1)) {
            (x @ b'A'..=b'Z', _) => {
                flush(out, copied, i);
                out.push(char::from(x.to_ascii_lowercase()));
                i += 1;
                copied = i;
                continue;
            }
            (x @ 0..=0x7F, _) => {
                hyphen |= x == b'-';
                i += 1;
                continue;
            }
            // а–п (D0 B0–BF), р–я (D1 80–8F).
            (0xD0, Some(0xB0..=0xBF)) | (0xD1, Some(0x80..=0x8F)) => {
                i += 2;
                continue;
            }
            // А–Я (D0 90–AF): the capital of a name, lowered without
            // decoding it (U+0410–042F to U+0430–044F).
            (0xD0, Some(&y @ 0x90..=0xAF)) => {
                flush(out, copied, i);
                out.push(char::from_u32(0x430 + u32::from(y - 0x90)).unwrap_or('\u{FFFD}'));
                i += 2;
                copied = i;
                continue;
            }
            _ => {}
        }
        flush(out, copied, i);
        let c = s[i..].chars().next().unwrap_or_default();
        hyphen |= normalize_char(c, out);
        i += c.len_utf8();
        copied = i;
    }
    flush(out, copied, b.len());
    hyphen
}

/// The lowercase first letter of `w` when `w` is a Russian capital
/// (`А`–`Я`) followed by lowercase Russian letters without `ё` only (its
/// form is then that letter and the rest as it is).
#[inline]
fn russian_capital_then_lower(w: &[u8]) -> Option<char> {
    let (&[0xD0, second @ 0x90..=0xAF], rest) = w.split_first_chunk::<2>()? else { return None };
    // A letter's two bytes as one number: D0B0–D18F holds а–я without ё.
    let lower = rest.len() % 2 == 0
        && rest.chunks_exact(2).all(|p| (0xD0B0..=0xD18F).contains(&u16::from_be_bytes([p[0], p[1]])));
    lower.then(|| char::from_u32(0x430 + u32::from(second - 0x90)).unwrap_or('\u{FFFD}'))
}

/// Appends the normal form of one character; whether it is a `-`.
#[inline]
fn normalize_char(c: char, out: &mut String) -> bool {
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        _ if c.is_ascii() => {
            out.push(c);
            return c == '-';
        }
        'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        'а'..='я' => out.push(c),
        'Ё' | 'ё' => out.push('е'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => {
            out.push('-');
            return true;
        }
        '\u{00AD}' | '\u{0300}'..='\u{036F}' => {}
        _ => out.extend(c.to_lowercase()),
    }
    false
}

/// `c` in lowercase if it is a capital of the Russian or the Latin
/// alphabet, else `c` itself: a lowercasing that keeps every byte offset
/// (the standard one may change a character's length).
#[inline]
pub(crate) fn lower_russian(c: char) -> char {
    match c {
        'A'..='Z' | 'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ё' => 'ё',
        _ => c,
    }
}

/// `char::is_uppercase`, with ASCII and Russian decided without the
/// Unicode tables (names' and lines' first letters are tested often).
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    match c {
        'A'..='Z' | 'А'..='Я' | 'Ё' => true,
        'a'..='z' | 'а'..='я' | 'ё' => false,
        _ => !c.is_ascii() && c.is_uppercase(),
    }
}

/// `char::is_lowercase`, as [`is_upper`].
#[inline]
pub(crate) fn is_lower(c: char) -> bool {
    match c {
        'a'..='z' | 'а'..='я' | 'ё' => true,
        'A'..='Z' | 'А'..='Я' | 'Ё' => false,
        _ => !c.is_ascii() && c.is_lowercase(),
    }
}

/// Whether `c` is a letter, with a fast path for Latin and Cyrillic (the
/// standard library's tables are slow for anything past ASCII).
#[inline]
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}')
        || (!c.is_ascii() && c.is_alphabetic())
}

/// Whether a text has letters but no capital ones: a lowercased dump
/// («москва, 1 дек - риа новости.»), where capitals cannot mark names or
/// sentence starts. Looks at the first 4 KB.
pub fn is_lowercased(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars().take(4096) {
        if c.is_uppercase() {
            return false;
        }
        if is_letter(c) {
            letters += 1;
        }
    }
    letters >= 20
}

/// The normal form of `s` as a new string (for building dictionaries).
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A form and its head read at once agree with the form read alone
    /// (its first bytes, whatever the buffer holds past a shorter one).
    #[test]
    fn forms_with_their_heads() {
        for text in ["Переговоры в Нур‑Султане, Ёлка и COVID-19 до", "а", "Москва", "ab-c"]
        {
            let (tokens, norm) = crate::text::tokenize::tokenize_normalized(text);
            for i in 0..tokens.len() {
                let (form, head) = norm.get_with_head(i);
                assert_eq!(form, norm.get(i), "{text}");
                let n = form.len().min(8);
                assert_eq!(head.to_le_bytes()[..n], form.as_bytes()[..n], "{text}");
            }
        }
    }

    /// The stretch-copying path gives what normalizing each character does.
    #[test]
    fn stretches_and_characters_agree() {
        for s in [
            "Объединённых",
            "ЁЖ-ёж",
            "Нур‑Султан",
            "a-B—c",
            "ÄÖÜ ß İ",
            "при\u{00AD}мер",
            "x\u{0301}y",
            "Ωмега",
            "",
            "я",
            "Я",
        ] {
            let mut reference = String::new();
            let hyphen = s.chars().fold(false, |h, c| normalize_char(c, &mut reference) | h);
            let mut out = String::new();
            assert_eq!(normalize_token(s, &mut out), hyphen, "{s}");
            assert_eq!(out, reference, "{s}");
        }
    }

    /// The capitalized-word shortcut gives the general path's form, and
    /// takes only words of one capital then lowercase letters without `ё`.
    #[test]
    fn capitalized_word_shortcut_agrees() {
        for (w, taken) in [
            ("Россия", true),
            ("В", true),
            ("Якутия", true),
            ("Ампер", true),
            ("РОссия", false),
            ("Ёлка", false),
            ("Алёна", false),
            ("Рос-сия", false),
            ("России,", false),
            ("россия", false),
            ("Р", true),
            ("Ҷумҳурӣ", false),
            ("", false),
        ] {
            let shortcut = russian_capital_then_lower(w.as_bytes());
            assert_eq!(shortcut.is_some(), taken, "{w}");
            if let Some(first) = shortcut {
                let mut general = String::new();
                assert!(!normalize_token(w, &mut general), "{w}");
                assert_eq!(format!("{first}{}", &w[2..]), general, "{w}");
            }
        }
    }

    /// Normal forms made while tokenizing (plain tokens copied whole) are
    /// those of normalizing every token.
    #[test]
    fn one_pass_forms_agree_with_normalizing_each_token() {
        let texts = [
            "МОСКВА, 6 октября. /ТАСС/. Ёлка и ёж — Нур-Султан – 2020–2021, www.Mid.RU и Press@MFA.tj",
            "сотруд\u{ad}ничество Ро\u{301}ссия ҳамкориҳои Ҷумҳурии ÄÖÜ İstanbul COVID-19 a-b ,,, --- ...",
            "iPhone и Xbox; «Ховар» „слово“ 1,5 07.10.2020 Ѐ ђ ї ў №5 $ 🙂",
            "",
        ];
        for text in texts {
            let (tokens, fused) = crate::text::tokenize::tokenize_normalized(text);
            assert_eq!(*tokens, crate::text::tokenize(text), "{text}");
            let each = Normalized::new(text, &tokens);
            assert_eq!(fused.len(), each.len());
            for i in 0..each.len() {
                assert_eq!(fused.get(i), each.get(i), "{text}: token {i}");
                assert_eq!(fused.get(i), normalize(tokens[i].text(text)), "{text}: token {i}");
                assert_eq!(fused.has_hyphen(i), each.has_hyphen(i), "{text}: token {i}");
                let ((a, n), (b, m)) = (fused.padded_bytes(i), each.padded_bytes(i));
                assert_eq!((&a[..n], n), (&b[..m], m), "{text}: token {i}");
            }
        }
    }

    /// A text with nothing to normalize is read in place, and so is one
    /// with a few forms to change (in the side buffer); where they are
    /// many, the view is one copy of the text and only forms of another
    /// length go to the side buffer.
    #[test]
    fn view_borrows_or_copies_once() {
        let lower = "и ".repeat(1000) + ",,, 2020 «слово» кому-то";
        let (_, norm) = crate::text::tokenize::tokenize_normalized(&lower);
        assert!(matches!(norm.view, Cow::Borrowed(_)));
        assert_eq!(
            norm.heap_bytes(),
            (norm.odd_bits.len() + norm.hyphens.len()) * 8 + norm.odd_ranks.len() * 4 + PADDING
        );
        let text = "Москва и Нур–Султан";
        let (_, norm) = crate::text::tokenize::tokenize_normalized(text);
        // A form of another length leaves the view as the text is.
        assert_eq!(norm.view, "москва и Нур–Султан");
        assert_eq!(norm.odd, ["нур-султан".len() as u32]);
        assert_eq!((norm.get(0), norm.get(2)), ("москва", "нур-султан"));
        // A long text with a few capitals: read in place, the forms that
        // differ in the side buffer.
        let line = "Москва и Нур–Султан ".to_string() + &"слово ".repeat(20);
        let text = line.repeat(SPARSE_FROM / line.len() + 1);
        let (tokens, norm) = crate::text::tokenize::tokenize_normalized(&text);
        assert!(matches!(norm.view, Cow::Borrowed(_)));
        assert_eq!(norm.odd.len(), 2 * (SPARSE_FROM / line.len() + 1));
        same_forms(&text, &tokens, &norm);
        // Many: a copy, past the first few kilobytes read with the side
        // buffer.
        let text = "Нур–Султан. Да. ".repeat(SPARSE_FROM / 16);
        let (tokens, norm) = crate::text::tokenize::tokenize_normalized(&text);
        let Cow::Owned(view) = &norm.view else { panic!("no copy") };
        assert!(view.starts_with("Нур–Султан. Да. ") && view.ends_with("Нур–Султан. да. "));
        assert!(norm.odd.len() < tokens.len() / 3);
        same_forms(&text, &tokens, &norm);
    }

    /// Every way to read a form gives the token's normal form.
    fn same_forms(text: &str, tokens: &[Token], norm: &Normalized) {
        for (i, t) in tokens.iter().enumerate() {
            let form = normalize(t.text(text));
            assert_eq!(norm.get(i), form);
            let (bytes, n) = norm.padded_bytes(i);
            assert_eq!(&bytes[..n], form.as_bytes());
            assert_eq!(norm.get_with_head(i).0, form);
            assert_eq!(norm.has_hyphen(i), form.contains('-'));
        }
    }

    #[test]
    fn folds_case_yo_dashes_and_accents() {
        assert_eq!(normalize("Объединённых"), "объединенных");
        assert_eq!(normalize("ГВИНЕЯ–БИСАУ"), "гвинея-бисау");
        assert_eq!(normalize("сотруд\u{ad}ничество"), "сотрудничество");
        assert_eq!(normalize("Ро\u{301}ссия"), "россия");
        assert_eq!(normalize("Ҷумҳурӣ"), "ҷумҳурӣ");
    }

    #[test]
    fn records_hyphens_and_pads_the_buffer() {
        let text = "Российско–таджикские переговоры в Нур-Султане";
        let tokens = crate::text::tokenize(text);
        let norm = Normalized::new(text, &tokens);
        let hyphens: Vec<bool> = (0..norm.len()).map(|i| norm.has_hyphen(i)).collect();
        assert_eq!(hyphens, [true, false, false, true]);
        let last = norm.len() - 1;
        let (bytes, len) = norm.padded_bytes(last);
        assert_eq!(&bytes[..len], "нур-султане".as_bytes());
        // A form of the side buffer is followed by its padding.
        let (bytes, len) = norm.padded_bytes(0);
        assert_eq!(&bytes[..len], "российско-таджикские".as_bytes());
        assert!(bytes.len() >= len + PADDING);
    }
}
