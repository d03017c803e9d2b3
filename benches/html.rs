//! What rendering a record's page costs next to extracting the record, on
//! the seed and on the dev set when `../shared` is there.
//!
//! ```text
//! cargo bench --features html --bench html
//! ```

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dipnews::html::{article_page, article_page_with_parts};
use dipnews::Extractor;

/// The seed, then the dev set's texts when they are there.
fn texts() -> Vec<String> {
    let mut texts = vec![include_str!("../examples/data/khovar-cis-consultations.txt").to_string()];
    if let Ok(rd) = std::fs::read_dir("../shared/data/dev") {
        let mut paths: Vec<_> =
            rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
        paths.sort();
        texts.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    texts
}

fn bench(c: &mut Criterion) {
    let extractor = Extractor::new();
    let texts = texts();
    let records: Vec<_> = texts.iter().map(|t| extractor.extract(t)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group(format!("{} texts", texts.len()));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract", |b| {
        b.iter(|| texts.iter().map(|t| extractor.extract(black_box(t)).states.len()).sum::<usize>())
    });
    g.bench_function("render page", |b| {
        b.iter(|| {
            texts.iter().zip(&records).map(|(t, r)| article_page(&extractor, black_box(t), r).len()).sum::<usize>()
        })
    });
    // Without finding the document parts again (the extractor has them).
    let splitter = extractor.gazetteer().parts_splitter();
    let parts: Vec<_> = texts.iter().map(|t| splitter.split(t)).collect();
    g.bench_function("render page, parts given", |b| {
        b.iter(|| {
            texts
                .iter()
                .zip(&records)
                .zip(&parts)
                .map(|((t, r), p)| article_page_with_parts(black_box(t), r, p).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
