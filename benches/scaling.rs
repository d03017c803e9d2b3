//! Cost stays linear: extracting 1, 10 and 100 copies of a long article
//! (as one document) must take the same time per byte.
//!
//! ```text
//! cargo bench --bench scaling
//! ```

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dipnews::Extractor;

fn bench(c: &mut Criterion) {
    // The seed without its trailer: repeated, every copy is body text that
    // all rules read (a trailer would hide the later copies).
    let seed = include_str!("../examples/data/khovar-cis-consultations.txt");
    let article = &seed[..seed.find("ФОТО:").unwrap_or(seed.len())];
    let ex = Extractor::new();
    let mut g = c.benchmark_group("copies of the seed article in one document");
    g.sample_size(20);
    for n in [1usize, 10, 100] {
        let text = article.repeat(n);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, t| b.iter(|| ex.extract(black_box(t))));
    }
    // One very long sentence: no rule may go quadratic in sentence length.
    let sentence = "Министры России, Казахстана и Узбекистана провели переговоры в Москве, ".repeat(2000);
    g.throughput(Throughput::Bytes(sentence.len() as u64));
    g.bench_function("one sentence of 140 KB", |b| b.iter(|| ex.extract(black_box(&sentence))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
