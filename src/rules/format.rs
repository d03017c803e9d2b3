//! The main event's format: an explicit phrase near it, else what its kind
//! and venue imply.

use super::context::{Context, Sent};
use super::kind::MainEvent;
use super::phrases::Cue;
use crate::record::{EventKind, Format, Span};

/// The first explicit format phrase in `sents`.
pub(crate) fn explicit(sents: &[&Sent]) -> Option<(Format, Span)> {
    sents.iter().find_map(|s| {
        s.hits.iter().find_map(|h| match h.cue {
            Cue::Format(f) => Some((f, h.span)),
            _ => None,
        })
    })
}

/// Kinds whose participants meet in one place by their nature.
fn inherently_in_person(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Meeting | EventKind::Talks | EventKind::Visit | EventKind::Credentials | EventKind::Signing
    )
}

/// Whether the main sentence has its subject meet an envoy («провёл
/// консультации с послом Египта», «принял посла»): envoys are met in person.
fn met_an_envoy(ctx: &Context, ev: &MainEvent) -> bool {
    let Some(k) = ev.sentence else { return false };
    ctx.body[k].hits.iter().any(|h| {
        h.cue == Cue::Envoy && h.first > 0 && {
            let w = ctx.word(h.first - 1);
            matches!(w, "с" | "со") || w.starts_with("принял") || w.starts_with("принима")
        }
    })
}

/// The main event's format; `has_venue` says whether a venue was found.
pub(crate) fn format(ctx: &Context, ev: &MainEvent, has_venue: bool) -> (Format, Option<Span>) {
    match ev.kind {
        EventKind::Other => return (Format::Unknown, None),
        EventKind::PhoneCall => return (Format::Phone, ev.trigger.map(|t| t.span)),
        _ => {}
    }
    if let Some((f, span)) = explicit(&ctx.event_sentences(ev.sentence)) {
        // A phone phrase elsewhere does not make a meeting a call.
        if f != Format::Phone {
            return (f, Some(span));
        }
    }
    if ev.kind == EventKind::Statement {
        return (Format::Unknown, None);
    }
    if has_venue || inherently_in_person(ev.kind) || met_an_envoy(ctx, ev) {
        (Format::InPerson, None)
    } else {
        (Format::Unknown, None)
    }
}
