//! The main event: the one the first body sentence (else the headline)
//! reports, and its kind and status.

use super::context::{Context, Sent};
use super::phrases::{Cue, Hit};
use crate::record::{EventKind, Status};

/// Where the main event was read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MainEvent {
    pub kind: EventKind,
    pub status: Status,
    /// The trigger phrase, if any.
    pub trigger: Option<Hit>,
    /// Index into `ctx.body` of the sentence it was read from (the first
    /// body sentence when the trigger came from the headline).
    pub sentence: Option<usize>,
    /// Whether the trigger came from the headline.
    pub from_headline: bool,
    /// The status phrase.
    pub status_span: Option<crate::record::Span>,
}

/// A kind trigger that is the clause's predicate, not background: not in a
/// participle clause («находящийся с визитом в Сингапуре, провел переговоры»).
fn first_trigger(ctx: &Context, s: &Sent) -> Option<(Hit, EventKind)> {
    // «на полях 80-й сессии» frames the event; the session is not it.
    let framed = |h: &Hit| s.hits.iter().any(|f| f.cue == Cue::KindFrame && f.last <= h.first && h.first <= f.last + 3);
    s.hits
        .iter()
        .copied()
        .filter(|h| {
            !framed(h) && !(h.first.saturating_sub(4)..h.first).any(|k| k >= s.first && in_participle(ctx.word(k)))
        })
        .filter_map(|h| match h.cue {
            Cue::Kind(k) => Some((h, k, false)),
            // A round with nothing before it to repeat is a round of talks.
            Cue::KindRound => Some((h, EventKind::Talks, false)),
            Cue::KindWeak => Some((h, EventKind::Meeting, true)),
            _ => None,
        })
        .reduce(|first, next| if first.2 && !next.2 { next } else { first })
        .map(|(h, k, _)| (h, k))
}

fn in_participle(w: &str) -> bool {
    w.starts_with("находящ") || w.starts_with("находяс") || w.starts_with("пребывающ")
}

/// Planned when the sentence announces the event and reports nothing as done.
fn status_of(s: &Sent) -> (Status, Option<crate::record::Span>) {
    let planned = s.hits.iter().find(|h| h.cue == Cue::Status(Status::Planned));
    let held = s.hits.iter().any(|h| h.cue == Cue::Status(Status::Held));
    match planned {
        Some(h) if !held => (Status::Planned, Some(h.span)),
        _ => (Status::Held, s.hits.iter().find(|h| h.cue == Cue::Status(Status::Held)).map(|h| h.span)),
    }
}

pub(crate) fn main_event(ctx: &Context) -> MainEvent {
    let first = (!ctx.body.is_empty()).then_some(0);
    let mut ev = MainEvent {
        kind: EventKind::Other,
        status: Status::Held,
        trigger: None,
        sentence: first,
        from_headline: false,
        status_span: None,
    };
    if let Some((t, kind)) = first.and_then(|k| first_trigger(ctx, &ctx.body[k])) {
        ev.kind = kind;
        ev.trigger = Some(t);
        (ev.status, ev.status_span) = status_of(&ctx.body[0]);
        return ev;
    }
    for s in &ctx.head {
        if let Some((t, kind)) = first_trigger(ctx, s) {
            ev.kind = kind;
            ev.trigger = Some(t);
            ev.from_headline = true;
            // The lead sentence tells the tense better than a headline.
            let lead = first.map(|k| &ctx.body[k]).unwrap_or(s);
            (ev.status, ev.status_span) = status_of(lead);
            if ev.status_span.is_none() {
                (ev.status, ev.status_span) = status_of(s);
            }
            return ev;
        }
    }
    ev
}
