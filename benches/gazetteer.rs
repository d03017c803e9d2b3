//! Building a user gazetteer is linear in its rows: 100,000 generated
//! organizations on top of the embedded tables.
//!
//! ```text
//! cargo bench --bench gazetteer
//! ```

use criterion::{criterion_group, criterion_main, Criterion};
use dipnews::gazetteer::{GazetteerBuilder, Table};

/// The tables the linear-build test generates too.
#[path = "../tests/common/gazetteer_rows.rs"]
mod gazetteer_rows;

fn bench(c: &mut Criterion) {
    let table = gazetteer_rows::organizations(100_000);
    let mut g = c.benchmark_group("user gazetteer");
    g.sample_size(10);
    g.bench_function("100,000 organizations", |b| {
        b.iter(|| {
            GazetteerBuilder::new().embedded().add_table(Table::Organizations, "orgs.tsv", table.as_str()).build()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
