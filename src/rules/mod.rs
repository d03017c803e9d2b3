//! Rules that fill the [`EventRecord`] from a document and its gazetteer
//! matches, one module per family.

mod dateline;
pub(crate) mod dates;
mod entities;

use crate::gazetteer::Gazetteer;
use crate::record::{EventRecord, PartialDate};
use crate::text::Document;

/// Runs every rule family over `doc`.
pub(crate) fn extract(doc: &Document, gaz: &Gazetteer, reference: Option<PartialDate>) -> EventRecord {
    let mut rec = EventRecord { headline: doc.parts.headline.map(|s| doc.slice(s).to_string()), ..Default::default() };
    rec.dateline = dateline::resolve(doc, gaz);
    let _reference = reference
        .and_then(dates::Reference::from_date)
        .or_else(|| rec.dateline.as_ref().and_then(|d| d.date).and_then(dates::Reference::from_date));
    let matches = entities::content_matches(doc, gaz);
    rec.states = entities::states(doc, gaz, &matches);
    rec.organizations = entities::organizations(doc, gaz, &matches);
    rec
}
