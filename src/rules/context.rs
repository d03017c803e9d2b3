//! What every rule family reads: the document, its gazetteer matches and
//! trigger phrases, the content sentences and the main event's sentence.

use super::dates::{self, DateExpr, Reference};
use super::phrases::{Cue, Hit, PHRASES};
use crate::gazetteer::{EntityKind, Gazetteer, Match};
use crate::record::Span;
use crate::text::Document;

/// A sentence of the headline or body, with what was found in it.
#[derive(Debug, Clone)]
pub(crate) struct Sent {
    pub span: Span,
    /// Token range.
    pub first: usize,
    pub last: usize,
    /// Which body paragraph (None for the headline).
    pub paragraph: Option<usize>,
    pub hits: Vec<Hit>,
    pub dates: Vec<DateExpr>,
}

impl Sent {
    pub fn has(&self, pred: impl Fn(Cue) -> bool) -> bool {
        self.hits.iter().any(|h| pred(h.cue))
    }
}

pub(crate) struct Context<'d, 'g> {
    pub doc: &'d Document<'d>,
    pub gaz: &'g Gazetteer,
    pub matches: Vec<Match>,
    /// Headline sentences first, then body sentences, in text order.
    pub head: Vec<Sent>,
    pub body: Vec<Sent>,
    pub reference: Option<Reference>,
}

impl<'d, 'g> Context<'d, 'g> {
    pub fn new(doc: &'d Document<'d>, gaz: &'g Gazetteer, matches: Vec<Match>, reference: Option<Reference>) -> Self {
        let mut head = Vec::new();
        let mut body = Vec::new();
        for s in &doc.sentences {
            let paragraph = doc.parts.body.iter().position(|b| b.contains(s.span));
            let in_head = doc.parts.headline.is_some_and(|h| h.contains(s.span));
            if !in_head && paragraph.is_none() {
                continue;
            }
            let hits = PHRASES.find(doc, s.first, s.last);
            let dates = dates::find(doc.slice(s.span), s.span.start);
            let sent = Sent { span: s.span, first: s.first, last: s.last, paragraph, hits, dates };
            if in_head {
                head.push(sent);
            } else {
                body.push(sent);
            }
        }
        Context { doc, gaz, matches, head, body, reference }
    }

    /// Matches of a kind inside a span.
    pub fn matches_in(&self, span: Span, kind: EntityKind) -> impl Iterator<Item = &Match> + '_ {
        self.matches.iter().filter(move |m| span.contains(m.span) && self.gaz.entity(m.entity).kind == kind)
    }

    /// Normal form of token `i` ("" outside the document).
    pub fn word(&self, i: usize) -> &str {
        if i < self.doc.tokens.len() {
            self.doc.norm.get(i)
        } else {
            ""
        }
    }
}
