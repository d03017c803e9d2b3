//! The [`Extractor`]: built once, shared, and called per article.

use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use crate::record::{EventRecord, PartialDate};
use crate::rules;
use crate::text::Document;
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
    /// table and date grammar. Only the dateline shape of lowercased dumps
    /// waits for the first lowercased line (most texts have none).
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
    pub fn extract(&self, text: &str) -> EventRecord {
        let doc = Document::new(text, self.gazetteer.parts_splitter());
        rules::extract(&doc, &self.gazetteer, self.reference_date)
    }

    /// Reads one article and sets the record's `id`.
    pub fn extract_with_id(&self, id: impl Into<String>, text: &str) -> EventRecord {
        let mut r = self.extract(text);
        r.id = Some(id.into());
        r
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
