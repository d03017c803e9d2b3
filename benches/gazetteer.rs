//! Building a user gazetteer is linear in its rows: 100,000 generated
//! organizations on top of the embedded tables.
//!
//! ```text
//! cargo bench --bench gazetteer
//! ```

use criterion::{criterion_group, criterion_main, Criterion};
use dipnews::gazetteer::{GazetteerBuilder, Table};

/// A distinct Cyrillic word for each number (names must differ).
fn word(mut k: usize) -> String {
    const L: [char; 10] = ['а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'к', 'л'];
    let mut s = String::from("сектор");
    loop {
        s.push(L[k % 10]);
        k /= 10;
        if k == 0 {
            return s;
        }
    }
}

fn bench(c: &mut Criterion) {
    let mut table = String::from("id\twikidata\tname\tparent\tnames\n");
    for k in 0..100_000 {
        table.push_str(&format!("X{k}\tQ{}\tОрганизация {}\t\tОрг {}\n", k + 1, word(k), word(k)));
    }
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
