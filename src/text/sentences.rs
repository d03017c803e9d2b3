//! Sentence boundaries over tokens.
//!
//! A sentence ends at `.`, `!`, `?`, `…` (or a run of them) when the next
//! token starts a new sentence (a capital letter, a digit, an opening quote
//! or dash) — except after an initial (`С. Асловым`, `С.В.Лаврова`) or a
//! known abbreviation (`г.`, `т.е.`, `ул.`). A line break always ends a
//! sentence: agency copy puts one paragraph on a line.

use super::tokenize::{Token, TokenKind};
use crate::record::Span;

/// A sentence: its token range `[first(), last())`, its text the span
/// from its first token's start to its last token's end ([`Self::span`]).
///
/// Two `u32` token indices and nothing else (8 bytes), the span read from
/// the tokens rather than stored (a 32-byte sentence made a text of
/// one-word sentences cost 9 bytes per byte here); a document keeps only
/// where each starts ([`Sentences`]). Token indices fit: texts are read up
/// to `MAX_TEXT` (below `u32::MAX`) bytes and a token takes at least one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    first: u32,
    last: u32,
}

impl Sentence {
    /// The sentence of tokens `[first, last)`.
    pub fn new(first: usize, last: usize) -> Self {
        // Indices past `u32::MAX` cannot occur (see above).
        Sentence { first: cut(first), last: cut(last) }
    }

    /// Index of its first token.
    pub fn first(&self) -> usize {
        self.first as usize
    }

    /// One past the index of its last token.
    pub fn last(&self) -> usize {
        self.last as usize
    }

    /// Its byte span in the text of `tokens` (the tokens it was split
    /// from): from its first token's start to its last token's end; empty
    /// at 0 if `tokens` does not hold them.
    pub fn span(&self, tokens: &[Token]) -> Span {
        match (tokens.get(self.first()), self.last().checked_sub(1).and_then(|l| tokens.get(l))) {
            (Some(a), Some(b)) if self.first < self.last => Span::new(a.span().start, b.span().end),
            _ => Span::new(0, 0),
        }
    }
}

/// The sentences of a text: they follow one another over all its tokens
/// (the first starts at token 0, each ends where the next starts, the last
/// at the last token), so only which tokens start one is kept. News text
/// (a sentence every 20 tokens or more) and any short text keep the first
/// token of each, 4 bytes a sentence, read at once. Where sentences are
/// many and dense (one in eight (`DENSE`) tokens or fewer: «Да. Да. …», a
/// sentence every six bytes, which cost 0.67 bytes per byte of input in
/// starts) a bit per token marks them, with the count of starts before
/// each 64 tokens (the sentence of a token: a count of the bits before it)
/// and the start of every 16th sentence (`SAMPLE`) (sentence `k`: the sample
/// before it, then a few bits on): 0.1 bytes per byte of input there.
/// Token indices fit in `u32`: texts are read up to `MAX_TEXT` bytes and a
/// token takes at least one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentences {
    /// The first token of each sentence, in text order, when they are
    /// sparse (else empty, and the bits below tell them).
    list: Vec<u32>,
    /// Dense sentences: bit `i % 64` of word `i / 64` is set when token `i`
    /// starts one.
    starts: Vec<u64>,
    /// How many sentences start before each word of `starts`.
    ranks: Vec<u32>,
    /// The first token of every [`SAMPLE`]-th sentence (0, 16, 32, …):
    /// sentence `k` is a few starts after one, found without a search.
    samples: Vec<u32>,
    /// How many sentences there are.
    count: u32,
    /// How many tokens the text has (where the last sentence ends).
    tokens: u32,
}

/// Sentences are kept as bits when there is one in this many tokens or
/// fewer (a bit and a quarter per token, then, cost half the 4 bytes per
/// sentence of a list or less).
const DENSE: usize = 8;

impl Sentences {
    /// Splits the tokens of `text` (see [`split_sentences`]).
    pub fn split(text: &str, tokens: &[Token], breaks: &[usize]) -> Sentences {
        // The list of starts first; once it holds a few thousand and they
        // come one in `DENSE` tokens or closer, the bits instead (the list
        // is not kept beside them).
        let mut list = Vec::new();
        let mut starts: Vec<u64> = Vec::new();
        split_with(text, tokens, breaks, |first, _| {
            if starts.is_empty() {
                super::tokenize::push_quarter(&mut list, cut(first));
                if list.len() >= 4096 && list.len() * DENSE > first {
                    starts = vec![0u64; tokens.len().div_ceil(64)];
                    for &s in &list {
                        starts[s as usize / 64] |= 1 << (s % 64);
                    }
                    list = Vec::new();
                }
            } else {
                starts[first / 64] |= 1 << (first % 64);
            }
        });
        let tokens = cut(tokens.len());
        if starts.is_empty() {
            list.shrink_to_fit();
            return Sentences { count: cut(list.len()), list, tokens, ..Sentences::default() };
        }
        let count: u32 = starts.iter().map(|w| w.count_ones()).sum();
        let mut samples = Vec::with_capacity(count.div_ceil(SAMPLE) as usize);
        let mut k = 0;
        for (w, &bits) in starts.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                if k % SAMPLE == 0 {
                    samples.push((w * 64) as u32 + bits.trailing_zeros());
                }
                bits &= bits - 1;
                k += 1;
            }
        }
        let ranks = super::rank_table(&starts);
        Sentences { list: Vec::new(), starts, ranks, samples, count, tokens }
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// Whether there are none (the text has no tokens).
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The first token of sentence `k` (`k` below [`Self::len`]): from the
    /// sample before it, the starts that follow.
    #[inline]
    fn start(&self, k: u32) -> u32 {
        let sample = self.samples[(k / SAMPLE) as usize];
        match k % SAMPLE {
            0 => sample,
            n => self.start_after(sample, n, k),
        }
    }

    /// The `n`-th start after token `p` (a start), which is sentence `k`'s:
    /// read off the bits when it is a few words on, else found by
    /// [`Self::start_by_rank`] (a long sentence between: no scan of its
    /// empty words, whatever its length).
    #[inline]
    fn start_after(&self, p: u32, mut n: u32, k: u32) -> u32 {
        let mut w = (p / 64) as usize;
        // The starts above `p` in its word.
        let mut bits = self.starts[w] & (u64::MAX << (p % 64)) & !(1 << (p % 64));
        for _ in 0..4 {
            let here = bits.count_ones();
            if n <= here {
                for _ in 1..n {
                    bits &= bits - 1;
                }
                return (w * 64) as u32 + bits.trailing_zeros();
            }
            n -= here;
            w += 1;
            bits = self.starts.get(w).copied().unwrap_or(0);
        }
        self.start_by_rank(k)
    }

    /// The first token of sentence `k` (`k` below [`Self::len`]): the word
    /// of `starts` holding it by a search of `ranks`, then its bit by
    /// dropping the starts before it in the word.
    #[cold]
    fn start_by_rank(&self, k: u32) -> u32 {
        let w = self.ranks.partition_point(|&r| r <= k).saturating_sub(1);
        let mut bits = self.starts[w];
        for _ in 0..k - self.ranks[w] {
            bits &= bits - 1;
        }
        (w * 64) as u32 + bits.trailing_zeros()
    }

    /// Sentence `k`, if there is one.
    #[inline]
    pub fn get(&self, k: usize) -> Option<Sentence> {
        if self.list.is_empty() {
            return self.get_dense(k);
        }
        let first = *self.list.get(k)?;
        let last = self.list.get(k + 1).copied().unwrap_or(self.tokens);
        Some(Sentence { first, last })
    }

    /// [`Self::get`] from the bits (apart, so that the list's short path
    /// is what gets inlined).
    #[cold]
    #[inline(never)]
    fn get_dense(&self, k: usize) -> Option<Sentence> {
        let k = u32::try_from(k).ok().filter(|&k| k < self.count)?;
        let first = self.start(k);
        let last = if k + 1 < self.count { self.start_after(first, 1, k + 1) } else { self.tokens };
        Some(Sentence { first, last })
    }

    /// All of them, in text order (each from the one before).
    pub fn iter(&self) -> impl Iterator<Item = Sentence> + '_ {
        // The first sentence starts at token 0.
        let mut next = (self.count > 0).then_some(0);
        let mut k = 0;
        std::iter::from_fn(move || {
            let first = next?;
            k += 1;
            next = (k < self.count).then(|| match self.list.get(k as usize) {
                Some(&s) => s,
                None => self.start_after(first, 1, k),
            });
            Some(Sentence { first, last: next.unwrap_or(self.tokens) })
        })
    }

    /// Index of the sentence holding token `i` (`None` past the last
    /// token): the starts up to it, less one.
    pub fn of_token(&self, i: usize) -> Option<usize> {
        if i >= self.tokens as usize {
            return None;
        }
        if !self.list.is_empty() {
            return Some(self.list.partition_point(|&s| s as usize <= i).saturating_sub(1));
        }
        // The starts before it and its own, less one.
        let own = (self.starts[i / 64] >> (i % 64)) & 1;
        Some(super::rank_below(&self.starts, &self.ranks, i) + own as usize - 1)
    }
}

/// Every how many sentences [`Sentences`] keeps one's first token (4
/// bytes per 16 sentences: 0.04 bytes per byte of input on «Да. Да. …»).
const SAMPLE: u32 = 16;

/// A token index as `u32` (see [`Sentences`]); saturated rather than
/// wrapped should a caller pass one past `u32::MAX`.
fn cut(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "г",
    "гг",
    "т",
    "е",
    "д",
    "п",
    "пп",
    "им",
    "ул",
    "пр",
    "просп",
    "тыс",
    "млн",
    "млрд",
    "руб",
    "долл",
    "см",
    "др",
    "ст",
    "ср",
    "напр",
    "св",
    "акад",
    "проф",
    "ген",
    "корр",
    "стр",
    "рис",
    "гос",
    "обл",
    "р",
    "с",
    "н",
    "э",
    "вв",
    "в",
    "ок",
    "мин",
    "кв",
    "км",
    "чел",
    "англ",
    "рус",
    "лат",
];

/// Short words that open sentences and are never surnames.
fn opens_sentence(w: &str) -> bool {
    const OPENERS: &[&str] = &[
        "По",
        "В",
        "Во",
        "На",
        "С",
        "Со",
        "О",
        "Об",
        "При",
        "Для",
        "Как",
        "Так",
        "Но",
        "А",
        "И",
        "Это",
        "Он",
        "Она",
        "Они",
        "Стороны",
        "Также",
        "Кроме",
        "Ранее",
        "Затем",
        "После",
        "Сегодня",
        "Вчера",
    ];
    OPENERS.contains(&w)
}

/// Splits the tokens of `text` into sentences. A sentence also ends at
/// every byte offset in `breaks` (the end of a dateline, which a dash or a
/// bracket closes rather than a period).
pub fn split_sentences(text: &str, tokens: &[Token], breaks: &[usize]) -> Vec<Sentence> {
    let mut out = Vec::new();
    split_with(text, tokens, breaks, |first, last| out.push(Sentence::new(first, last)));
    out
}

/// Calls `sink` with the token range `[first, last)` of each sentence of
/// `text`, in text order.
fn split_with(text: &str, tokens: &[Token], breaks: &[usize], mut sink: impl FnMut(usize, usize)) {
    if tokens.is_empty() {
        return;
    }
    let lowercased = super::is_lowercased(text);
    // Breaks in order, passed by as the tokens go: each token looks at the
    // next one only.
    let mut breaks = breaks.to_vec();
    breaks.sort_unstable();
    let mut next_break = 0;
    // Line breaks are passed by the same way, found one at a time: a
    // search in every gap between tokens cost a tenth of this function.
    let bytes = text.as_bytes();
    let newline_from = |i: usize| bytes.get(i..).and_then(|b| memchr::memchr(b'\n', b)).map_or(usize::MAX, |k| i + k);
    let mut next_newline = newline_from(0);
    let mut first = 0;
    // By pairs (the token and the next): no bounds checks, each token's
    // word read once for its end and kind.
    for (i, pair) in tokens.windows(2).enumerate() {
        let (t, n) = (pair[0], &pair[1]);
        let (end, next_start) = (t.span().end, n.span().start);
        while next_break < breaks.len() && breaks[next_break] < end {
            next_break += 1;
        }
        // A line break inside a token (none is made of one) is passed by
        // as well.
        while next_newline < end {
            next_newline = newline_from(next_newline + 1);
        }
        let ends = next_newline < next_start
            || breaks.get(next_break).is_some_and(|&b| b <= next_start)
            || (t.kind() == TokenKind::Punct && ends_sentence(text, tokens, i, n, next_start > end, lowercased));
        if ends {
            sink(first, i + 1);
            first = i + 1;
        }
    }
    // The last token ends the last sentence.
    sink(first, tokens.len());
}

/// Whether the terminal mark at token `i` ends a sentence though no space
/// follows it: paragraphs a scraper glued together («…в сообщении.По
/// данным пресс-службы…», «…в Стамбуле.Стоит отметить…», «…с Макеем.«Состоялся
/// обмен…»). A Cyrillic word of three letters or more ending in lowercase
/// before it, a capitalized Cyrillic word after it (a one-letter one when
/// a space follows: «Ливию.В начале»), or a quote opening one; not
/// «г.Москва», «им.Ленина» (too short), «С.В.Лавров» (initials), an
/// abbreviation («просп.Мира») nor an address (Latin).
fn glued_paragraphs(text: &str, tokens: &[Token], i: usize, next: &Token) -> bool {
    let cyrillic = |c: char| matches!(c, 'а'..='я' | 'ё' | 'А'..='Я' | 'Ё');
    let lower = |c: char| matches!(c, 'а'..='я' | 'ё');
    let Some(prev) = i.checked_sub(1).map(|k| &tokens[k]) else { return false };
    let w = prev.text(text);
    let word_before = prev.kind() == TokenKind::Word
        && prev.span().end == tokens[i].span().start
        && w.chars().count() >= 3
        && w.chars().all(cyrillic)
        && w.chars().last().is_some_and(lower)
        && !ABBREVIATIONS.contains(&w);
    let capital_word = |k: usize| {
        let Some(t) = tokens.get(k) else { return false };
        let mut c = t.text(text).chars();
        let first = c.next().is_some_and(|c| cyrillic(c) && !lower(c));
        let rest = match c.next() {
            Some(c) => lower(c),
            // «В начале»: a one-letter word, then a space and a word.
            None => tokens.get(k + 1).is_some_and(|n| n.kind() == TokenKind::Word && n.span().start > t.span().end),
        };
        t.kind() == TokenKind::Word && first && rest
    };
    let opening = capital_word(i + 1) || (matches!(next.text(text), "«" | "\"" | "„" | "“") && capital_word(i + 2));
    word_before && opening
}

fn ends_sentence(text: &str, tokens: &[Token], i: usize, next: &Token, spaced: bool, lowercased: bool) -> bool {
    let t = &tokens[i];
    if t.kind() != TokenKind::Punct {
        return false;
    }
    let s = t.text(text);
    // Most marks are one ASCII byte that neither closes nor ends anything
    // («,», «:», «(»): told at once, before the closer and terminal tests.
    if let [b] = s.as_bytes() {
        if !matches!(b, b'.' | b'!' | b'?' | b'"' | b')') {
            return false;
        }
    }
    let closer = matches!(s, "»" | "”" | "\"" | ")");
    let terminal = s.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'));
    if closer {
        // «…» after a terminal mark: the quote closes the sentence.
        let before = i.checked_sub(1).map(|k| tokens[k].text(text));
        if !matches!(before, Some(b) if b.ends_with(['.', '!', '?', '…'])) {
            return false;
        }
    } else if !terminal {
        return false;
    }
    if !spaced && !closer && !glued_paragraphs(text, tokens, i, next) {
        return false;
    }
    let nt = next.text(text);
    let starts_new = nt.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || (lowercased && c.is_alphabetic())
            || c.is_ascii_digit()
            || matches!(c, '«' | '"' | '„' | '“' | '—' | '–' | '-' | '(')
    });
    if !starts_new {
        return false;
    }
    if s == "." && i > 0 {
        let prev = &tokens[i - 1];
        if prev.span().end == t.span().start && prev.kind() == TokenKind::Word {
            let w = prev.text(text);
            let mut chars = w.chars();
            let single_upper = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
            // An initial is followed by a name, not by a word that opens a
            // sentence («…с Ван И. По итогам…»).
            if single_upper && !opens_sentence(next.text(text)) {
                return false;
            }
            // Abbreviations are short and written in lower case already.
            if w.len() <= 10 && ABBREVIATIONS.contains(&w) {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sents(s: &str) -> Vec<&str> {
        let toks = tokenize(s);
        split_sentences(s, &toks, &[])
            .iter()
            .map(|x| {
                let sp = x.span(&toks);
                &s[sp.start..sp.end]
            })
            .collect()
    }

    #[test]
    fn sentences_keep_where_each_starts() {
        let s = "Да. Да!\nНет. Ну";
        let toks = tokenize(s);
        let all = Sentences::split(s, &toks, &[]);
        assert_eq!(all.iter().collect::<Vec<_>>(), split_sentences(s, &toks, &[]));
        assert_eq!(all.len(), 4);
        assert_eq!(all.get(3), Some(Sentence::new(6, 7)));
        assert_eq!(all.get(4), None);
        assert_eq!(
            (all.of_token(0), all.of_token(3), all.of_token(6), all.of_token(7)),
            (Some(0), Some(1), Some(3), None)
        );
        assert!(Sentences::split("", &[], &[]).is_empty());
    }

    #[test]
    fn sentences_found_as_a_list_or_as_bits() {
        // Sentences of 1 to 400 words: starts in one word of bits, many in
        // one, none in several (past the few read off before a search).
        let long = [1, 3, 150, 1, 1, 64, 63, 65, 2, 129, 1, 7, 400, 9, 1, 300, 2];
        let mut dense = vec![1; 5000];
        dense.extend(long);
        dense.extend([1; 60]);
        for (lengths, bits) in [(&long[..], false), (&dense[..], true)] {
            let mut s = String::new();
            for &n in lengths {
                s.push_str(&"слово ".repeat(n - 1));
                s.push_str("Да.\n");
            }
            let toks = tokenize(&s);
            let all = Sentences::split(&s, &toks, &[]);
            assert_eq!(all.list.is_empty(), bits);
            let plain = split_sentences(&s, &toks, &[]);
            assert_eq!(all.len(), lengths.len());
            assert_eq!(all.iter().collect::<Vec<_>>(), plain);
            for (k, sent) in plain.iter().enumerate() {
                assert_eq!(all.get(k), Some(*sent));
                for i in sent.first()..sent.last() {
                    assert_eq!(all.of_token(i), Some(k));
                }
            }
            assert_eq!((all.get(lengths.len()), all.of_token(toks.len())), (None, None));
        }
    }

    #[test]
    fn splits_on_terminal_marks() {
        assert_eq!(
            sents("Он прибыл. Встреча прошла! Что дальше? Всё…"),
            ["Он прибыл.", "Встреча прошла!", "Что дальше?", "Всё…"]
        );
    }

    #[test]
    fn keeps_initials_and_abbreviations() {
        assert_eq!(
            sents("Министр С.В.Лавров и С. Аслов встретились в г. Москве. Далее."),
            ["Министр С.В.Лавров и С. Аслов встретились в г. Москве.", "Далее."]
        );
        assert_eq!(sents("Это т.е. пример. Второе."), ["Это т.е. пример.", "Второе."]);
        // A one-letter name at the end of a sentence is no initial.
        assert_eq!(
            sents("Переговоры с Ван И. По итогам подписан план."),
            ["Переговоры с Ван И.", "По итогам подписан план."]
        );
    }

    #[test]
    fn quotes_and_lines() {
        assert_eq!(sents("Он сказал: «Мы готовы.» Затем ушёл."), ["Он сказал: «Мы готовы.»", "Затем ушёл."]);
        assert_eq!(sents("Первая строка\nВторая строка"), ["Первая строка", "Вторая строка"]);
        assert_eq!(sents("Список: 1. первое; 2. второе."), ["Список: 1. первое; 2. второе."]);
    }

    #[test]
    fn paragraphs_glued_without_a_space() {
        assert_eq!(
            sents("Об этом говорится в сообщении.По данным пресс-службы, министры созвонились."),
            ["Об этом говорится в сообщении.", "По данным пресс-службы, министры созвонились."]
        );
        assert_eq!(
            sents("Он говорил с коллегой.«Состоялся обмен мнениями»."),
            ["Он говорил с коллегой.", "«Состоялся обмен мнениями»."]
        );
        // Not an abbreviation, an address or a short word before a name.
        assert_eq!(
            sents("Он живет в г.Москва и на ул.Ленина, сайт mfa.gov.Az работает."),
            ["Он живет в г.Москва и на ул.Ленина, сайт mfa.gov.Az работает."]
        );
        assert_eq!(sents("Встреча прошла на просп.Мира."), ["Встреча прошла на просп.Мира."]);
        assert_eq!(
            sents("Саммит пройдет в Стамбуле.Стоит отметить это."),
            ["Саммит пройдет в Стамбуле.", "Стоит отметить это."]
        );
        assert_eq!(sents("Обсудили Сирию и Ливию.В начале беседы."), ["Обсудили Сирию и Ливию.", "В начале беседы."]);
        assert_eq!(sents("Министр Иванов.В.Путин."), ["Министр Иванов.В.Путин."]);
    }
}
