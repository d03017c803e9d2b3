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
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let ex = Extractor::builder().reference_date(PartialDate::from_ymd(2021, 3, 16)?).build();
/// let rec = ex.extract("Вчера в Душанбе состоялись консультации Таджикистана и Китая.");
/// assert_eq!(rec.date.unwrap().start.to_string(), "2021-03-15");
/// # Ok(())
/// # }
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
    ///
    /// # Errors
    ///
    /// [`Error::Option`] when `date` is not a full, real date
    /// (`2024-02-30`, `2024-13-01`, `2024-05`).
    pub fn reference_date_str(self, date: &str) -> Result<ExtractorBuilder> {
        Ok(self.reference_date(parse_reference_date(date)?))
    }

    /// Uses your own gazetteers instead of the embedded ones.
    pub fn gazetteer(mut self, gazetteer: Arc<Gazetteer>) -> ExtractorBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Builds the extractor.
    ///
    /// Nearly everything the extractor needs is ready here, not on the
    /// first call to [`Extractor::extract`]: the gazetteers (once per
    /// process when embedded; the embedded ones load ready-made, names
    /// expanded ahead of time) and, on a second thread meanwhile, the
    /// rules' trigger table and the text layer's site words (the date
    /// grammar is code: nothing to compile). The dateline shapes compile
    /// on the first line that may open a dateline, the shape of lowercased
    /// dumps on the first lowercased line (texts without such lines never
    /// need them).
    pub fn build(self) -> Extractor {
        let ((), gazetteer) =
            crate::threads::beside(&rules::compile_tables, || self.gazetteer.unwrap_or_else(Gazetteer::embedded));
        Extractor { gazetteer, reference_date: self.reference_date.filter(PartialDate::is_full) }
    }
}

/// Parses a reference date: a full, real `YYYY-MM-DD` day.
///
/// # Errors
///
/// [`Error::Option`] for anything else.
pub(crate) fn parse_reference_date(date: &str) -> Result<PartialDate> {
    PartialDate::parse_day(date).map_err(|e| Error::Option(e.to_string()))
}

/// Per-document options for [`Extractor::extract_with`]: one extractor
/// serves articles of every day.
///
/// ```
/// use dipnews::{Extractor, Options};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let ex = Extractor::new();
/// let text = "Вчера в Душанбе состоялись консультации Таджикистана и Китая.";
/// let a = ex.extract_with(text, &Options::new().id("a").reference_date_str("2021-03-16")?);
/// let b = ex.extract_with(text, &Options::new().id("b").reference_date_str("2022-01-01")?);
/// assert_eq!(a.date.unwrap().start.to_string(), "2021-03-15");
/// assert_eq!(b.date.unwrap().start.to_string(), "2021-12-31");
/// assert_eq!(b.id.as_deref(), Some("b"));
/// assert!(Options::new().reference_date_str("2023-02-29").is_err());
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Options {
    reference_date: Option<PartialDate>,
    id: Option<String>,
    char_offsets: bool,
}

impl Options {
    /// No id, the extractor's reference date, byte offsets.
    pub fn new() -> Options {
        Options::default()
    }

    /// This document's publication date; overrides the extractor's. Must
    /// be a full date; a partial one is ignored.
    pub fn reference_date(mut self, date: PartialDate) -> Options {
        self.reference_date = Some(date).filter(PartialDate::is_full);
        self
    }

    /// Like [`reference_date`](Self::reference_date), parsed from
    /// `YYYY-MM-DD`.
    ///
    /// # Errors
    ///
    /// [`Error::Option`] when `date` is not a full, real date.
    pub fn reference_date_str(self, date: &str) -> Result<Options> {
        Ok(self.reference_date(parse_reference_date(date)?))
    }

    /// The record's `id`.
    pub fn id(mut self, id: impl Into<String>) -> Options {
        self.id = Some(id.into());
        self
    }

    /// Spans in Unicode code points instead of UTF-8 bytes (see
    /// [`EventRecord::to_char_offsets`]).
    pub fn char_offsets(mut self, yes: bool) -> Options {
        self.char_offsets = yes;
        self
    }
}

/// Extracts an [`EventRecord`] from an article. Cheap to clone and
/// `Send + Sync`: build one and share it across threads.
///
/// ```
/// use dipnews::{EventKind, Extractor, Format};
/// let ex = Extractor::new();
/// let rec = ex.extract("Президент Казахстана провел телефонный разговор с президентом Узбекистана.");
/// assert_eq!(rec.kind, EventKind::PhoneCall);
/// assert_eq!(rec.format, Format::Phone);
/// assert_eq!(rec.kind.to_string(), "phone_call");
/// ```
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

    /// Reads one article. Never panics and never fails: odd input gives a
    /// record with fewer fields filled; `id` is left unset.
    ///
    /// The rules read the article's [`Cleaned`] view (tabs, no-break
    /// spaces, invisible characters, entities and look-alike letters
    /// resolved); the record's spans, mention texts and date texts are then
    /// brought back to the exact bytes of `text`.
    ///
    /// ```
    /// let rec = dipnews::Extractor::new().extract("МОСКВА, 6 октября. /ТАСС/. Текст.");
    /// assert_eq!(rec.dateline.unwrap().date.unwrap().to_string(), "--10-06");
    /// ```
    pub fn extract(&self, text: &str) -> EventRecord {
        self.extract_with(text, &Options::default())
    }

    /// Reads one article with its own options: its id, its reference date
    /// (instead of the extractor's), character offsets.
    pub fn extract_with(&self, text: &str, options: &Options) -> EventRecord {
        let clean = Cleaned::new(text);
        let doc = Document::new(clean.text(), self.gazetteer.parts_splitter());
        let mut r = rules::extract(&doc, &self.gazetteer, options.reference_date.or(self.reference_date));
        if !clean.is_identity() {
            remap(&mut r, &clean, text);
        }
        r.id.clone_from(&options.id);
        if options.char_offsets {
            r.to_char_offsets(text);
        }
        r
    }

    /// How `text` splits into parts: site text, headline, subtitles,
    /// dateline, body, site text between paragraphs and trailer — what a
    /// page copied from a news site looks like to the extractor (only the
    /// headline, subtitles and body give mentions and events). Spans are
    /// byte offsets into `text`, read through the same cleaning view as
    /// [`extract`](Self::extract).
    ///
    /// ```
    /// use dipnews::{text::PartKind, Extractor};
    /// let ex = Extractor::new();
    /// let page = "Политика\nЛавров провел переговоры в Минске\n\
    ///             МИНСК, 5 мая /ТАСС/. Министры обсудили сотрудничество.\nТеги\nМИД";
    /// let parts = ex.parts(page);
    /// let kinds: Vec<PartKind> = parts.labeled().iter().map(|(k, _)| *k).collect();
    /// assert_eq!(kinds[..4], [PartKind::Site, PartKind::Headline, PartKind::Dateline, PartKind::Body]);
    /// assert_eq!(&page[parts.headline.unwrap().range()], "Лавров провел переговоры в Минске");
    /// ```
    pub fn parts(&self, text: &str) -> crate::text::Parts {
        let clean = Cleaned::new(text);
        let mut parts = self.gazetteer.parts_splitter().split(clean.text());
        if !clean.is_identity() {
            parts.map_spans(|s| clean.map_span(s));
        }
        parts
    }

    /// Reads one article and sets the record's `id`.
    pub fn extract_with_id(&self, id: impl Into<String>, text: &str) -> EventRecord {
        self.extract_with(text, &Options::new().id(id))
    }
}

/// Maps every span of `rec` from the cleaned view back to `input`, and
/// re-slices the texts that must equal the input at their span.
fn remap(rec: &mut EventRecord, clean: &Cleaned, input: &str) {
    for s in rec.spans_mut() {
        *s = clean.map_span(*s);
    }
    // The texts the record quotes are the input's bytes at those spans.
    let slice = |s: Span| input.get(s.start..s.end).unwrap_or_default().to_string();
    for date in rec.date.iter_mut().chain(rec.follow_ups.iter_mut().filter_map(|f| f.date.as_mut())) {
        date.text = slice(date.span);
    }
    let mentions = rec.states.iter_mut().flat_map(|s| s.mentions.iter_mut());
    for m in mentions.chain(rec.organizations.iter_mut().flat_map(|o| o.mentions.iter_mut())) {
        m.text = slice(m.span);
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
        assert!(Extractor::builder().reference_date_str("2023-02-29").is_err());
        assert!(Extractor::builder().reference_date_str("2024-02-29").is_ok());
        assert!(Extractor::builder().reference_date_str("2024-04-31").is_err());
        assert!(Options::new().reference_date_str("2024-04-31").is_err());
        assert!(Extractor::builder().reference_date_str("2021").is_err());
        assert!(Extractor::builder().reference_date_str("2021-03-16").is_ok());
    }
}
