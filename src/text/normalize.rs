//! The normalization view: a lowercased, `ё`→`е`, dash-unified copy of every
//! token, kept in one buffer so that matching never allocates per token and
//! never touches the caller's input (whose offsets the spans keep).

use super::tokenize::Token;

/// Lowercase forms of all tokens of a text, in one buffer.
#[derive(Debug, Default, Clone)]
pub struct Normalized {
    /// The normal forms one after another, then [`PADDING`] zero bytes.
    buf: String,
    /// Where each normal form ends in `buf`; each starts where the one
    /// before ends (4 bytes a token, not 8: a text of commas has a token
    /// per byte).
    ends: Vec<u32>,
    /// Whether each normal form holds a `-`, a bit per token (recorded
    /// while normalizing, so that the matcher need not scan every word for
    /// one).
    hyphens: Vec<u64>,
}

/// Zero bytes after the last normal form: a hot loop may read any normal
/// form as whole 8-byte words (see [`Normalized::padded_bytes`]).
pub(crate) const PADDING: usize = 8;

impl Normalized {
    /// Builds the view for `tokens` of `text`.
    pub fn new(text: &str, tokens: &[Token]) -> Normalized {
        let forms: usize = tokens.iter().map(|t| t.span().len()).sum();
        let mut norm = Normalized::with_capacity(forms);
        for t in tokens {
            norm.push(t.text(text), false);
        }
        norm.finish();
        norm
    }

    /// An empty view with room for about `bytes` bytes of normal forms.
    pub(crate) fn with_capacity(bytes: usize) -> Normalized {
        Normalized {
            buf: String::with_capacity(bytes / 2 + PADDING),
            ends: Vec::with_capacity(bytes / 16 + 1),
            hyphens: Vec::with_capacity(bytes / 1024 + 1),
        }
    }

    /// Appends the normal form of the next token, `s`; `plain`: `s` is its
    /// own normal form (the tokenizer saw no capital, `ё` or dash in it).
    /// The buffer grows by a quarter at a time, as the token list does.
    #[inline]
    pub(crate) fn push(&mut self, s: &str, plain: bool) {
        let room = s.len() + PADDING;
        if self.buf.capacity() - self.buf.len() < room {
            self.buf.reserve_exact(self.buf.len() / 4 + room + 64);
        }
        let i = self.ends.len();
        if i.is_multiple_of(64) {
            super::tokenize::push_quarter(&mut self.hyphens, 0);
        }
        // Normal forms are rarely longer than their tokens (a few capitals
        // outside Russian and Latin lowercase into more bytes; `String`
        // then grows on its own).
        let hyphen = if plain {
            self.buf.push_str(s);
            false
        } else {
            normalize_token(s, &mut self.buf)
        };
        if hyphen {
            self.hyphens[i / 64] |= 1 << (i % 64);
        }
        super::tokenize::push_quarter(&mut self.ends, self.buf.len() as u32);
    }

    /// Pads the buffer (see [`PADDING`]) and gives back spare room.
    pub(crate) fn finish(&mut self) {
        self.buf.extend(std::iter::repeat_n('\0', PADDING));
        self.buf.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.hyphens.shrink_to_fit();
    }

    /// The normal form of token `i`.
    #[inline]
    pub fn get(&self, i: usize) -> &str {
        let (a, b) = self.range(i);
        &self.buf[a..b]
    }

    /// The normal form of token `i` as bytes, followed by at least
    /// [`PADDING`] more bytes of the buffer: the matcher reads its head as
    /// one 8-byte word whatever its length, then masks off the excess.
    #[inline]
    pub(crate) fn padded_bytes(&self, i: usize) -> &[u8] {
        let (a, b) = self.range(i);
        &self.buf.as_bytes()[a..b + PADDING]
    }

    #[inline]
    fn range(&self, i: usize) -> (usize, usize) {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        (start, self.ends[i] as usize)
    }

    /// Whether the normal form of token `i` holds a hyphen (any dash inside
    /// a word is normalized to `-`): `российско-таджикских`, `Нур-Султан`.
    #[inline]
    pub fn has_hyphen(&self, i: usize) -> bool {
        self.hyphens[i / 64] & (1 << (i % 64)) != 0
    }

    /// Number of tokens in the view.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the view has no tokens.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
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
            assert_eq!(tokens, crate::text::tokenize(text), "{text}");
            let each = Normalized::new(text, &tokens);
            assert_eq!(fused.len(), each.len());
            for i in 0..each.len() {
                assert_eq!(fused.get(i), each.get(i), "{text}: token {i}");
                assert_eq!(fused.has_hyphen(i), each.has_hyphen(i), "{text}: token {i}");
                assert_eq!(fused.padded_bytes(i), each.padded_bytes(i), "{text}: token {i}");
            }
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
        assert_eq!(&norm.padded_bytes(last)[..norm.get(last).len()], "нур-султане".as_bytes());
        assert_eq!(norm.padded_bytes(last).len(), norm.get(last).len() + PADDING);
    }
}
