//! The text layer: tokens, the normalization view, sentences and document
//! parts. Everything here points into the caller's untouched input with
//! byte spans.
//!
//! Only [`tokenize`] and [`split_sentences`] (with their types) are meant
//! for users; the rest is public for the crate's benches and tests and is
//! hidden from the documentation: it may change in any release.

mod clean;
mod normalize;
mod page;
mod parts;
mod sentences;
mod tokenize;

pub use clean::Cleaned;
pub(crate) use normalize::PADDING;
pub use normalize::{is_letter, is_lowercased, normalize, normalize_into, Normalized};
#[doc(hidden)]
pub(crate) use normalize::{is_lower, is_upper, lower_russian};
pub(crate) use parts::agency_spelling;
pub use parts::{DatelineShape, PartKind, Parts};
// Hidden: `PartsSplitter::new` exposes `regex::Error`, an implementation
// detail no public signature should promise.
#[doc(hidden)]
pub use parts::PartsSplitter;
pub use sentences::{split_sentences, Sentence, Sentences};
pub use tokenize::{tokenize, Token, TokenKind, MAX_TEXT, MAX_TOKEN};

use crate::record::Span;
use std::sync::Arc;

/// Compiles the text layer's tables (the site words of copied pages) now
/// rather than on first use.
pub(crate) fn compile() {
    page::compile();
}

/// Gives back the spare room of `v`, a list held to the end of an
/// extraction, when it is worth a reallocation: a long text's lists grew
/// by doubling (up to half their room spare); a short text's spare room is
/// a few hundred bytes, and a reallocation for each list of each text cost
/// a warm pass over NEREL dev 0.1% more instructions.
pub(crate) fn give_back<T>(v: &mut Vec<T>) {
    if v.capacity() - v.len() >= 64 {
        v.shrink_to_fit();
    }
}

/// How many bits are set before each 64-bit word of `bits`: with this
/// table, the set bits before any bit are one count away
/// ([`rank_below`]). (The normal forms' side buffer and dense sentences
/// both find an item by counting the marks before it.)
pub(crate) fn rank_table(bits: &[u64]) -> Vec<u32> {
    let mut before = 0;
    bits.iter()
        .map(|w| {
            let r = before;
            before += w.count_ones();
            r
        })
        .collect()
}

/// How many bits of `bits` are set before bit `i`, with `ranks` from
/// [`rank_table`] (0 past the end of both).
#[inline]
pub(crate) fn rank_below(bits: &[u64], ranks: &[u32], i: usize) -> usize {
    let (w, bit) = (i / 64, i % 64);
    let below = bits.get(w).map_or(0, |b| b & ((1 << bit) - 1));
    ranks.get(w).map_or(0, |&r| r as usize) + below.count_ones() as usize
}

/// The largest character boundary of `s` at or below byte `i` (for cutting
/// a text at a byte budget without splitting a character).
pub(crate) fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A document ready for matching: its tokens, their normal forms, its
/// sentences and parts.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The caller's input, unchanged.
    pub text: &'a str,
    /// Tokens in text order (shared with `norm`, which reads their spans:
    /// the list is held once).
    pub tokens: Arc<Vec<Token>>,
    /// Normal forms of the tokens (same indices).
    pub norm: Normalized<'a>,
    /// Sentences in text order.
    pub sentences: Sentences,
    /// Headline, dateline, body and trailer.
    pub parts: Parts,
    /// The text has no capital letters at all (see [`is_lowercased`]).
    pub lowercased: bool,
}

impl<'a> Document<'a> {
    /// Analyses `text` with the given parts splitter.
    pub fn new(text: &'a str, splitter: &PartsSplitter) -> Document<'a> {
        // The parts first: what the splitter copies of a line (a lowered
        // copy, as long as the line) is gone before the tokens are made,
        // not held beside them.
        let parts = splitter.split(text);
        let (tokens, norm) = tokenize::tokenize_normalized(text);
        // Sentences end where parts glued on one line meet (a title, a
        // timestamp, a dateline).
        let mut breaks: Vec<usize> = parts.headline.iter().map(|h| h.end).collect();
        breaks.extend(parts.timestamp.iter().map(|t| t.end));
        breaks.extend(parts.dateline.iter().flat_map(|d| [d.span.start, d.span.end]));
        let sentences = Sentences::split(text, &tokens, &breaks);
        Document { text, tokens, norm, sentences, parts, lowercased: is_lowercased(text) }
    }

    /// The input's bytes at `span`.
    #[inline]
    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span().start < pos)
    }

    /// Index of the sentence containing token `i`.
    pub fn sentence_of(&self, i: usize) -> Option<usize> {
        self.sentences.of_token(i)
    }

    /// Token indices `[first, last)` inside byte span `span`.
    pub fn tokens_in(&self, span: Span) -> (usize, usize) {
        let first = self.token_at(span.start);
        let last = self.tokens.partition_point(|t| t.span().end <= span.end);
        (first, last.max(first))
    }
}
