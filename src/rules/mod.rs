//! Rules that fill the [`EventRecord`] from a document and its gazetteer
//! matches, one module per family: [`dateline`], [`dates`], [`kind`] (with
//! status), [`format`], [`venue`], [`title`], [`roles`], [`follow_ups`].
//! Trigger words live in `gazetteers/triggers.tsv` ([`phrases`]).

mod context;
mod dateline;
pub(crate) mod dates;
mod entities;
mod follow_ups;
mod format;
mod kind;
mod officials;
pub(crate) mod phrases;
mod roles;
mod title;
mod venue;

use crate::gazetteer::Gazetteer;
use crate::record::{EventKind, EventRecord, Format, PartialDate};
use crate::text::Document;
use context::Context;

/// Compiles the other tables (trigger phrases, the text layer's site words
/// and timestamps) now rather than on first use.
pub(crate) fn compile_tables() {
    once_cell::sync::Lazy::force(&phrases::PHRASES);
    crate::text::compile();
}

/// Runs every rule family over `doc`.
pub(crate) fn extract(doc: &Document, gaz: &Gazetteer, reference: Option<PartialDate>) -> EventRecord {
    let mut rec = EventRecord { headline: doc.parts.headline.map(|s| doc.slice(s).to_string()), ..Default::default() };
    // The caller's reference date, else the dateline's date, else the
    // page's timestamp; a dateline date without a year takes the year of
    // the caller's date or of the timestamp.
    let caller = reference.and_then(dates::Reference::from_date);
    let stamp = doc
        .parts
        .timestamp
        .and_then(|s| dates::parse_dateline_date(doc.slice(s)))
        .filter(|d| d.year.is_some())
        .and_then(dates::Reference::from_date);
    rec.dateline = dateline::resolve(doc, gaz, caller.or(stamp));
    let reference =
        caller.or_else(|| rec.dateline.as_ref().and_then(|d| d.date).and_then(dates::Reference::from_date)).or(stamp);
    let mut matches =
        officials::resolve(doc, gaz, entities::content_matches(doc, gaz), reference, rec.dateline.as_ref());
    rec.states = entities::states(doc, gaz, &matches);
    rec.organizations = entities::organizations(doc, gaz, &matches);
    context::sort_matches(&mut matches);
    let src = context::Source::new(doc, &matches);
    let ctx = Context::new(&src, gaz, reference);

    let ev = kind::main_event(&ctx);
    rec.kind = ev.kind;
    rec.status = ev.status;
    rec.evidence.kind = ev.trigger.map(|t| t.span(ctx.doc));
    rec.evidence.status = ev.status_span;
    if ev.kind == EventKind::Other {
        return rec;
    }
    let sents = ctx.event_sentences(ev.sentence);
    rec.date = dates::main_date(&ctx, &ev, dateline_day(doc, &rec, &ev));
    // A video link makes the event remote; a phone call beside a visit
    // («…и поговорил по телефону с его женой») does not.
    let remote_cue = format::explicit(&sents).filter(|(f, _)| *f == Format::Videoconference);
    let venue = if ev.kind == EventKind::PhoneCall || ev.kind == EventKind::Statement || remote_cue.is_some() {
        None
    } else {
        let mut sents = sents.clone();
        sents.extend(ev.scene.map(|j| ctx.body.at(j)));
        venue::location(&ctx, &ev, &sents)
    };
    let (format, format_span) = format::format(&ctx, &ev, venue.is_some());
    // A format stated further on may make the event remote: no venue then.
    let venue = venue.filter(|_| format != Format::Videoconference);
    rec.format = format;
    rec.evidence.format = format_span;
    if let Some((place, span)) = venue {
        rec.location = Some(place);
        rec.evidence.location = Some(span);
    }
    if let Some((t, span)) = title::title(&ctx, &sents, ev.kind) {
        rec.title = Some(t);
        rec.evidence.title = Some(span);
    }
    roles::assign(&mut rec, &ctx, &ev);
    rec.follow_ups = follow_ups::find(&ctx, &ev, &rec);
    rec
}

/// A held event whose text gives no date of its own took place on the
/// dateline's day: agency copy reports the day's events.
fn dateline_day(doc: &Document, rec: &EventRecord, ev: &kind::MainEvent) -> Option<crate::record::EventDate> {
    if ev.status != crate::record::Status::Held {
        return None;
    }
    let dateline = rec.dateline.as_ref()?;
    let day = dateline.date.filter(|d| d.day.is_some())?;
    let span = doc.parts.dateline.as_ref()?.date?;
    Some(crate::record::EventDate { start: day, end: day, text: doc.slice(span).to_string(), span })
}
