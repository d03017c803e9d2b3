//! Resolving the dateline's place, date and agency.

use super::dates;
use crate::gazetteer::Gazetteer;
use crate::record::{AgencyRef, Dateline, PartialDate};
use crate::text::Document;

/// The dateline of `doc`, if its parts splitter found one. A date without
/// a year takes the year that puts it nearest to `reference` (the
/// publication day: the caller's, or the page's timestamp).
pub(crate) fn resolve(doc: &Document, gaz: &Gazetteer, reference: Option<dates::Reference>) -> Option<Dateline> {
    let shape = doc.parts.dateline.as_ref()?;
    let place = doc.slice(shape.place).trim_end_matches('.');
    let city = gaz.city(place).map(|id| gaz.place(id));
    let mut date = shape.date.and_then(|s| dates::parse_dateline_date(doc.slice(s)));
    if let (Some(d), Some(r)) = (date.as_mut(), reference) {
        if let (None, Some(ry), Some(m), Some(day)) = (d.year, r.year, d.month, d.day) {
            let completed =
                PartialDate { year: Some(dates::nearest_year(ry, (r.month, r.day), (m, day), false)), ..*d };
            // Not past the years a date can be written in (9999-12-31 and
            // «1 января» stay yearless).
            if dates::possible(&completed) {
                *d = completed;
            }
        }
    }
    let named = |s: crate::record::Span| {
        let written = doc.slice(s).trim();
        gaz.agency(written).map(|a| AgencyRef { id: a.id.clone(), name: written.to_string() })
    };
    // «ТАСС, 24 ноября.»: the agency stands where the city goes.
    let agency = shape.agency.and_then(named).or_else(|| if city.is_none() { named(shape.place) } else { None });
    // «Хорог, 5 мая» in capitals is a dateline of a place the gazetteer
    // lacks; a capitalized word no gazetteer knows, with no agency, opens a
    // sentence («Между, 5 мая, …»).
    let capitals = place.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if city.is_none() && agency.is_none() && !capitals {
        return None;
    }
    Some(Dateline { city, date, agency, span: shape.span })
}
