//! Throughput of each stage and of the whole extraction, in bytes per
//! second, on real text: the NEREL texts in `../shared/data/nerel` when
//! they are there, else the sample articles in `examples/data/`.
//!
//! ```text
//! cargo bench --bench pipeline
//! ```
//!
//! The "token floor" stage is the least any per-token pipeline does (split
//! into words, lowercase each into a buffer, one hash lookup per word);
//! every run also prints how fast `extract` is beside it, timed in the same
//! process, so the ratio is read whatever the machine's load.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dipnews::text::{split_sentences, tokenize, Cleaned, Document};
use dipnews::{Extractor, Gazetteer};
use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

/// Words of the texts: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// The token floor: each word lowercased into one reused buffer and looked
/// up once in `vocabulary`; returns the number of known words.
fn token_floor(texts: &[String], vocabulary: &HashSet<String>) -> usize {
    let mut buf = String::new();
    let mut known = 0;
    for t in texts {
        for w in words(t) {
            buf.clear();
            buf.extend(w.chars().flat_map(char::to_lowercase));
            known += usize::from(vocabulary.contains(buf.as_str()));
        }
    }
    known
}

/// The fastest of `rounds` passes of `f`.
fn best_of(rounds: usize, mut f: impl FnMut() -> usize) -> Duration {
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// The corpus: every `.txt` of the first directory that has some.
fn corpus() -> (String, Vec<String>) {
    for dir in ["../shared/data/nerel/dev", "../shared/data/nerel/train", "examples/data"] {
        let Ok(rd) = std::fs::read_dir(dir) else { continue };
        let mut paths: Vec<_> =
            rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
        paths.sort();
        let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
        if !texts.is_empty() {
            return (dir.to_string(), texts);
        }
    }
    panic!("no texts found for the benchmark");
}

fn bench(c: &mut Criterion) {
    let (dir, texts) = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    eprintln!("corpus: {} texts, {} bytes from {dir}", texts.len(), bytes);
    let gaz = Gazetteer::embedded();
    let splitter = gaz.parts_splitter();
    let ex = Extractor::new();

    // The vocabulary of the floor's lookups: the lowercased words of the
    // entities' names (about as many hits and misses as a real lexicon).
    let vocabulary: HashSet<String> =
        gaz.entities().iter().flat_map(|e| words(&e.name)).map(str::to_lowercase).collect();
    // Alternated passes, the fastest of each: both see the same load.
    let (mut floor, mut full) = (Duration::MAX, Duration::MAX);
    for _ in 0..20 {
        floor = floor.min(best_of(1, || token_floor(&texts, &vocabulary)));
        full = full.min(best_of(1, || texts.iter().map(|t| ex.extract(t).states.len()).sum()));
    }
    eprintln!(
        "extract runs at {:.2} of the token floor ({:.1} ms vs {:.1} ms for {bytes} bytes, fastest of 20 alternated passes)",
        floor.as_secs_f64() / full.as_secs_f64(),
        full.as_secs_f64() * 1e3,
        floor.as_secs_f64() * 1e3
    );

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("clean", |b| {
        b.iter(|| texts.iter().map(|t| Cleaned::new(black_box(t)).text().len()).sum::<usize>())
    });
    g.bench_function("token floor (split, lowercase, one hash lookup per word)", |b| {
        b.iter(|| token_floor(black_box(&texts), &vocabulary))
    });
    g.bench_function("tokenize", |b| b.iter(|| texts.iter().map(|t| tokenize(black_box(t)).len()).sum::<usize>()));
    let tokens: Vec<_> = texts.iter().map(|t| tokenize(t)).collect();
    g.bench_function("sentences", |b| {
        b.iter(|| texts.iter().zip(&tokens).map(|(t, k)| split_sentences(black_box(t), k, &[]).len()).sum::<usize>())
    });
    g.bench_function("parts", |b| {
        b.iter(|| texts.iter().map(|t| splitter.split(black_box(t)).body.len()).sum::<usize>())
    });
    g.bench_function("document (tokens+normal forms+sentences+parts)", |b| {
        b.iter(|| texts.iter().map(|t| Document::new(black_box(t), splitter).tokens.len()).sum::<usize>())
    });
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t, splitter)).collect();
    g.bench_function("gazetteer matching", |b| {
        b.iter(|| docs.iter().map(|d| gaz.find_in(black_box(d), 0, d.tokens.len()).len()).sum::<usize>())
    });
    g.bench_function("extract (end to end)", |b| {
        b.iter(|| texts.iter().map(|t| ex.extract(black_box(t)).states.len()).sum::<usize>())
    });
    g.finish();

    let seed = include_str!("../examples/data/khovar-cis-consultations.txt");
    let mut g = c.benchmark_group("seed");
    g.throughput(Throughput::Bytes(seed.len() as u64));
    g.bench_function("extract", |b| b.iter(|| ex.extract(black_box(seed))));
    g.finish();

    let mut g = c.benchmark_group("construction");
    g.sample_size(10);
    g.bench_function("Gazetteer from the embedded tables", |b| {
        b.iter(|| dipnews::GazetteerBuilder::new().embedded().build().map(|g| g.entities().len()))
    });
    g.finish();
    let _ = Path::new(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
