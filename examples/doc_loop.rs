//! The text layer alone: the cleaning view and `Document::new` over every
//! text of a folder N times on one thread (for profilers).
//!
//! ```text
//! cargo run --release --example doc_loop -- DIR [N]
//! ```
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|v| v.parse().ok()).unwrap_or(1);
    let mut texts = Vec::new();
    for e in std::fs::read_dir(&dir).expect("dir").flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(e.path()).unwrap());
        }
    }
    let ex = dipnews::Extractor::new();
    let splitter = ex.gazetteer().parts_splitter();
    let mut k = 0;
    for _ in 0..n {
        for t in &texts {
            let c = dipnews::text::Cleaned::new(t);
            let d = dipnews::text::Document::new(c.text(), splitter);
            k += std::hint::black_box(d.tokens.len() + d.sentences.len());
        }
    }
    println!("{k}");
}
