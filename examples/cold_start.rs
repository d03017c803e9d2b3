//! Times a cold start in a fresh process: `Extractor::new()` with the
//! embedded gazetteers, then a first `extract` of a dateline line (whose
//! shape compiles on first use). Run it many times: each run is one cold
//! start.
//!
//! ```text
//! cargo run --release --example cold_start
//! ```

use std::time::Instant;

fn main() {
    let t = Instant::now();
    let ex = dipnews::Extractor::new();
    let new = t.elapsed();
    let t = Instant::now();
    let rec =
        ex.extract("МОСКВА, 6 октября. /ТАСС/. Министр иностранных дел России провел переговоры с коллегой из Китая.");
    let first = t.elapsed();
    println!(
        "new {:.2} ms, first extract {:.2} ms ({} states)",
        new.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3,
        rec.states.len()
    );
}
