//! The event's own quoted title: «…» after «на тему», «под названием», a
//! summit, conference or forum, or the format a meeting belongs to («в
//! формате «Центральная Азия + Япония»»). Not a framework the meeting only
//! refers to («в рамках диалога «X»»), a venue or an organization.

use super::context::{Context, Sent};
use super::phrases::Cue;
use crate::record::{EventKind, Span};

const OPEN: &[char] = &['«', '„', '“'];

/// Bytes a title may span.
const MAX_TITLE: usize = 1500;

/// Words after which a quote names the event.
fn introduces_title(ctx: &Context, s: &Sent, q: usize) -> bool {
    let w1 = if q > s.first() { ctx.word(q - 1) } else { "" };
    let w2 = if q > s.first() + 1 { ctx.word(q - 2) } else { "" };
    if matches!(
        (w2, w1),
        ("на", "тему") | ("по", "теме") | ("под", "названием") | ("под", "девизом") | ("в", "формате")
    ) {
        return true;
    }
    // «саммит «Россия – Африка»», «конференция «…»»: a trigger right before.
    ctx.hits_before(s, q, 0).iter().any(|h| {
        matches!(h.cue, Cue::Kind(EventKind::Summit | EventKind::Conference | EventKind::Session)) && h.last() == q
    })
}

/// The text inside the quote opening at byte `open` (nested quotes kept);
/// `None` when it never closes within the paragraph.
fn quoted(text: &str, open: usize, limit: usize) -> Option<Span> {
    let mut depth = 0i32;
    let body_start = open + text[open..].chars().next()?.len_utf8();
    for (k, c) in text[open..limit].char_indices() {
        match c {
            '«' | '„' => depth += 1,
            '»' | '“' if c == '»' || depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    return Some(Span::new(body_start, open + k));
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether the event named nearest before the quote at token `q` is of
/// another kind than the main event: «на встрече…, которая прошла на
/// полях форума. Форум проходит под девизом «…»» titles the forum.
fn of_another_event(s: &Sent, q: usize, kind: EventKind) -> bool {
    let nearest = s.hits().iter().rev().filter(|h| h.last() <= q).find_map(|h| match h.cue {
        Cue::Kind(k) => Some(k),
        _ => None,
    });
    nearest.is_some_and(|k| k != kind)
}

/// Whether the quote at token `q` stands in a side clause about someone
/// or something else than an event of the main kind: «…делегацию Турции,
/// находящуюся в Ташкенте для участия во встрече в формате «…»» (not
/// «Саммит, проходящий под девизом «…»», the event's own clause).
fn in_clause_of_another(ctx: &Context, s: &Sent, q: usize, kind: EventKind) -> bool {
    let Some(comma) = super::kind::side_clause_comma(ctx, s, q, 24) else { return false };
    // (The event's name may take its organization: «саммит ШОС, …».)
    !ctx.hits_before(s, comma, 3).iter().any(|h| h.cue == Cue::Kind(kind) && h.last() <= comma && h.last() + 3 >= comma)
}

/// The title of the main event (of kind `kind`), from the sentences that
/// describe it.
pub(crate) fn title(ctx: &Context, sents: &[Sent], kind: EventKind) -> Option<(String, Span)> {
    for s in sents {
        let limit = match s.paragraph() {
            Some(p) => ctx.doc.parts.body[p].end,
            None => ctx.doc.parts.headline.map_or(s.span().end, |h| h.end),
        };
        for q in s.first()..s.last() {
            let t = ctx.doc.tokens[q].text(ctx.doc.text);
            if !t.starts_with(OPEN)
                || !introduces_title(ctx, s, q)
                || of_another_event(s, q, kind)
                || in_clause_of_another(ctx, s, q, kind)
            {
                continue;
            }
            // A title is a line at most: bounding the search keeps many
            // unclosed quotes linear.
            let open = ctx.doc.tokens[q].span().start;
            let limit = crate::text::floor_char_boundary(ctx.doc.text, limit.min(open + MAX_TITLE));
            if let Some(span) = quoted(ctx.doc.text, open, limit) {
                let text = ctx.doc.slice(span).trim();
                // «в Совете министров иностранных дел «большой двадцатки»»
                // names the organization, not a title.
                let organization = ctx
                    .matches_within(span)
                    .iter()
                    .any(|m| m.kind == crate::gazetteer::EntityKind::Organization && 2 * m.span.len() >= span.len());
                if !text.is_empty() && !organization {
                    return Some((text.to_string(), span));
                }
            }
        }
    }
    None
}
