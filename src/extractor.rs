//! The [`Extractor`]: built once, shared, and called per article.

use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::record::{EventRecord, PartialDate, Span};
use crate::rules;
use crate::text::{Cleaned, Document};
use std::sync::Arc;

/// Configures an [`Extractor`].
///
/// ```
/// use dipnews::{Extractor, PartialDate};
/// let ex = Extractor::builder().reference_date(PartialDate::ymd(2021, 3, 16)).build();
/// let rec = ex.extract("Вчера в Душанбе состоялись консультации Таджикистана и Китая.");
/// assert_eq!(rec.date.unwrap().start.to_string(), "2021-03-15");
/// ```
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    reference_date: Option<PartialDate>,
    gazetteer: Option<Arc<Gazetteer>>,
}

impl ExtractorBuilder {
    /// The publication date of the texts, used to resolve «вчера», weekdays
    /// and years that the date expressions themselves do not give. Without
    /// it the dateline's date is used (full in Khovar's `07.10.2020`,
    /// day and month only in most wires, which then give `--MM-DD` dates).
    /// Must be a full date; a partial one is ignored.
    pub fn reference_date(mut self, date: PartialDate) -> ExtractorBuilder {
        self.reference_date = Some(date);
        self
    }

    /// Like [`reference_date`](Self::reference_date), parsed from
    /// `YYYY-MM-DD`.
    pub fn reference_date_str(self, date: &str) -> Result<ExtractorBuilder> {
        let d: PartialDate = date.parse().map_err(|e: crate::record::ParseDateError| Error::Option(e.to_string()))?;
        if d.year.is_none() || d.day.is_none() {
            return Err(Error::Option(format!("reference date must be YYYY-MM-DD, got {date:?}")));
        }
        Ok(self.reference_date(d))
    }

    /// Uses your own gazetteers instead of the embedded ones.
    pub fn gazetteer(mut self, gazetteer: Arc<Gazetteer>) -> ExtractorBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Builds the extractor.
    ///
    /// Everything the extractor needs is compiled here, not on the first
    /// call to [`Extractor::extract`]: the gazetteers (once per process when
    /// embedded) and, on a second thread meanwhile, the rules' trigger
    /// table and date grammar.
    pub fn build(self) -> Extractor {
        let ((), gazetteer) =
            crate::threads::beside(&rules::compile, || self.gazetteer.unwrap_or_else(Gazetteer::embedded));
        Extractor { gazetteer, reference_date: self.reference_date.filter(|d| d.year.is_some() && d.day.is_some()) }
    }
}

/// Extracts an [`EventRecord`] from an article. Cheap to clone and
/// `Send + Sync`: build one and share it across threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    gazetteer: Arc<Gazetteer>,
    reference_date: Option<PartialDate>,
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the embedded gazetteers and no reference date.
    pub fn new() -> Extractor {
        ExtractorBuilder::default().build()
    }

    /// A builder for options.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The gazetteers in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Reads one article. Never panics; `id` is left unset.
    ///
    /// The rules read the article's [`Cleaned`] view (tabs, no-break
    /// spaces, invisible characters, entities and look-alike letters
    /// resolved); the record's spans, mention texts and date texts are then
    /// brought back to the exact bytes of `text`.
    pub fn extract(&self, text: &str) -> EventRecord {
        let clean = Cleaned::new(text);
        let doc = Document::new(clean.text(), self.gazetteer.parts_splitter());
        let mut rec = rules::extract(&doc, &self.gazetteer, self.reference_date);
        if !clean.is_identity() {
            remap(&mut rec, &clean, text);
        }
        rec
    }

    /// Reads one article and sets the record's `id`.
    pub fn extract_with_id(&self, id: impl Into<String>, text: &str) -> EventRecord {
        let mut r = self.extract(text);
        r.id = Some(id.into());
        r
    }
}

/// Maps every span of `rec` from the cleaned view back to `input`, and
/// re-slices the texts that must equal the input at their span.
fn remap(rec: &mut EventRecord, clean: &Cleaned, input: &str) {
    let map = |s: &mut Span| *s = clean.map_span(*s);
    let slice = |s: Span| input.get(s.start..s.end).unwrap_or_default().to_string();
    if let Some(d) = &mut rec.dateline {
        map(&mut d.span);
    }
    for date in rec.date.iter_mut().chain(rec.follow_ups.iter_mut().filter_map(|f| f.date.as_mut())) {
        map(&mut date.span);
        date.text = slice(date.span);
    }
    let mentions = rec.states.iter_mut().flat_map(|s| s.mentions.iter_mut());
    for m in mentions.chain(rec.organizations.iter_mut().flat_map(|o| o.mentions.iter_mut())) {
        map(&mut m.span);
        m.text = slice(m.span);
    }
    for f in &mut rec.follow_ups {
        map(&mut f.span);
    }
    let ev = &mut rec.evidence;
    for s in [&mut ev.kind, &mut ev.status, &mut ev.format, &mut ev.location, &mut ev.title].into_iter().flatten() {
        map(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const _: () = {
        const fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Extractor>();
    };

    #[test]
    fn bad_reference_dates_are_errors() {
        assert!(Extractor::builder().reference_date_str("2021-13-01").is_err());
        assert!(Extractor::builder().reference_date_str("2021").is_err());
        assert!(Extractor::builder().reference_date_str("2021-03-16").is_ok());
    }
}
