//! Extracts every text of a folder N times on one thread (for profilers).
//!
//! ```text
//! cargo run --release --example profile_loop -- DIR [N]
//! ```

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "examples/data".into());
    let n: usize = args.next().and_then(|v| v.parse().ok()).unwrap_or(20);
    let mut texts = Vec::new();
    for e in std::fs::read_dir(&dir).expect("a readable directory").flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                texts.push(t);
            }
        }
    }
    let ex = dipnews::Extractor::new();
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * n;
    let t0 = std::time::Instant::now();
    let mut states = 0;
    for _ in 0..n {
        for t in &texts {
            states += ex.extract(t).states.len();
        }
    }
    let s = t0.elapsed().as_secs_f64();
    println!(
        "{} texts x {n}: {:.1} MB in {s:.3} s = {:.1} MB/s ({states} states)",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / s
    );
}
