//! The main event's format: an explicit phrase near it, else what its kind
//! and venue imply.

use super::context::{Context, Sent};
use super::kind::MainEvent;
use super::phrases::Cue;
use crate::record::{EventKind, Format, Span};

/// The first explicit format phrase in `sents`.
pub(crate) fn explicit(sents: &[Sent]) -> Option<(Format, Span)> {
    sents.iter().find_map(|s| {
        s.hits().iter().find_map(|h| match h.cue {
            Cue::Format(f) => Some((f, s.span_of(h))),
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
    ctx.body.at(k).hits().iter().any(|h| {
        h.cue == Cue::Envoy && h.first() > 0 && {
            let w = ctx.word(h.first() - 1);
            matches!(w, "с" | "со") || w.starts_with("принял") || w.starts_with("принима")
        }
    })
}

/// The main event's format; `has_venue` says whether a venue was found.
pub(crate) fn format(ctx: &Context, ev: &MainEvent, has_venue: bool) -> (Format, Option<Span>) {
    match ev.kind {
        EventKind::Other => return (Format::Unknown, None),
        EventKind::PhoneCall => return (Format::Phone, ev.trigger.map(|t| t.span(ctx.doc))),
        _ => {}
    }
    let stated = explicit(&ctx.event_sentences(ev.sentence)).or_else(|| stated_later(ctx, ev, |_| true));
    // One participant's video address («выступил с видеообращением») is
    // part of a hybrid event, which a later sentence may state.
    let stated = match stated {
        Some((Format::Videoconference, _)) => stated_later(ctx, ev, |f| f == Format::Hybrid).or(stated),
        _ => stated,
    };
    if let Some((f, span)) = stated {
        // A phone phrase elsewhere does not make a meeting a call, nor
        // «лично» a message one sent.
        if f != Format::Phone && !(ev.kind == EventKind::Statement && f == Format::InPerson) {
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

/// A format stated in a later paragraph about the main event («Встреча
/// прошла в режиме видеоконференции», «Форум проходит в гибридном
/// формате»): a sentence with a format phrase that names no other event (its
/// kind words, if any, are the main event's, or the «заседание» any round
/// is held in) and neither recalls an earlier one nor announces a later one;
/// only formats `wanted` are looked for.
fn stated_later(ctx: &Context, ev: &MainEvent, wanted: impl Fn(Format) -> bool) -> Option<(Format, Span)> {
    let k = ev.sentence?;
    ctx.body.from(k + 1).take(12).find_map(|s| {
        let other_event = s.has(|c| match c {
            Cue::Kind(kind) => !super::kind::same_event(kind, ev.kind) && kind != EventKind::Session,
            Cue::FollowUp(_) | Cue::Status(crate::record::Status::Planned) | Cue::Recall => true,
            _ => false,
        });
        if other_event {
            return None;
        }
        explicit(std::slice::from_ref(&s)).filter(|(f, _)| *f != Format::Phone && wanted(*f))
    })
}
