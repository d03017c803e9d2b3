//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod gazetteer_rows;

use dipnews::{EventRecord, Extractor, Role};
use once_cell::sync::Lazy;

pub static EX: Lazy<Extractor> = Lazy::new(Extractor::new);

pub fn extract(text: &str) -> EventRecord {
    EX.extract(text)
}

pub fn participants(r: &EventRecord) -> Vec<&str> {
    r.states.iter().filter(|s| s.role == Role::Participant).map(|s| s.iso2.as_str()).collect()
}

pub fn mentioned(r: &EventRecord) -> Vec<&str> {
    r.states.iter().filter(|s| s.role == Role::Mentioned).map(|s| s.iso2.as_str()).collect()
}

pub fn org_participants(r: &EventRecord) -> Vec<&str> {
    r.organizations.iter().filter(|o| o.role == Role::Participant).map(|o| o.id.as_str()).collect()
}

pub fn states(r: &EventRecord) -> Vec<&str> {
    r.states.iter().map(|s| s.iso2.as_str()).collect()
}
