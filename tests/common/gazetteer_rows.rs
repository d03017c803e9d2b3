//! Generated user gazetteers: the test that building is linear in rows
//! (`tests/custom_gazetteers.rs`) and the 100,000-row bench
//! (`benches/gazetteer.rs`, which includes this file by path) build the same
//! tables.

/// A distinct Cyrillic word for each number (names must differ).
pub fn word(mut k: usize) -> String {
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

/// An organizations table of `n` rows (`X0`…), each with its own name and
/// Wikidata id, all sharing one alias: its node collects every row, the
/// worst case for the duplicate check (a quadratic one took 37 s for
/// 100,000 rows).
pub fn organizations(n: usize) -> String {
    let mut t = String::from("id\twikidata\tname\tparent\tnames\n");
    for k in 0..n {
        t.push_str(&format!("X{k}\tQ{}\tОрганизация номер {}\t\tОбщий союз\n", k + 1, word(k)));
    }
    t
}
