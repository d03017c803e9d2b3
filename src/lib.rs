//! # dipnews
//!
//! Reads Russian-language diplomatic news and returns one typed
//! [`EventRecord`] per article: the dateline (city, date, agency), the
//! event's kind, date, format and venue, the participating states and
//! international organizations, and the follow-up events it announces.
//! Rule- and gazetteer-based: fast, explainable, no model downloads.
//!
//! ```
//! use dipnews::{Extractor, EventKind, Format};
//!
//! let extractor = Extractor::new();
//! let record = extractor.extract(
//!     "МОСКВА, 6 октября. /ТАСС/. Министр иностранных дел РФ Сергей Лавров провел \
//!      сегодня телефонный разговор с главой МИД Таджикистана Сироджиддином Мухриддином.",
//! );
//! assert_eq!(record.dateline.as_ref().unwrap().city.as_ref().unwrap().name, "Москва");
//! assert_eq!(record.kind, EventKind::PhoneCall);
//! assert_eq!(record.format, Format::Phone);
//! let states: Vec<&str> = record.states.iter().map(|s| s.iso2.as_str()).collect();
//! assert_eq!(states, ["RU", "TJ"]);
//! ```
//!
//! The pipeline, one module per stage: [`text`] (tokens, sentences,
//! document parts) → [`gazetteer`] (states, organizations, cities,
//! agencies) → `rules` (dateline, dates, format, kind, venue, roles,
//! follow-ups) → [`EventRecord`].
//!
//! One extractor serves texts of every day: [`Extractor::extract_with`]
//! takes per-document [`Options`] (reference date, id, character offsets).
//! The `dipnews` command (package `dipnews-cli`) runs it over files,
//! folders, standard input or JSON lines.
//!
//! Spans are UTF-8 byte offsets into the exact input, so
//! `&text[span.start..span.end] == mention.text` always holds;
//! [`EventRecord::to_char_offsets`] converts them to code points. Extraction
//! never panics and never fails: odd input gives a record with fewer
//! fields filled.

#![warn(missing_docs)]

mod error;
mod extractor;
pub mod gazetteer;
#[cfg(feature = "html")]
pub mod html;
mod record;
mod rules;
pub mod text;
mod threads;

pub use error::{Error, Result};
pub use extractor::{Extractor, ExtractorBuilder, Options};
pub use gazetteer::{Entity, EntityId, EntityKind, Gazetteer, GazetteerBuilder, Match};
pub use record::{
    AgencyRef, DateError, Dateline, EventDate, EventKind, EventRecord, Evidence, FollowUp, Format, Mention,
    MentionForm, Offsets, OrgRef, ParseDateError, ParseEnumError, PartialDate, Place, Role, Span, StateRef, Status,
};

/// The README's examples, compiled and run as doc-tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
