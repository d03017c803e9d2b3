//! Feeds arbitrary text to `Extractor::extract` and checks what the crate
//! guarantees: no panic, spans on character boundaries that slice their
//! text, a record that round-trips through JSON.
#![no_main]

use dipnews::{EventRecord, Extractor};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static EX: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let ex = EX.get_or_init(Extractor::new);
    let r = ex.extract(&text);
    let mentions = r.states.iter().flat_map(|s| &s.mentions).chain(r.organizations.iter().flat_map(|o| &o.mentions));
    for m in mentions {
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert_eq!(&text[m.span.start..m.span.end], m.text);
    }
    if let Some(d) = &r.date {
        assert_eq!(&text[d.span.start..d.span.end], d.text);
    }
    if let Some(d) = &r.dateline {
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }
    let json = serde_json::to_string(&r).unwrap();
    let back: EventRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
});
