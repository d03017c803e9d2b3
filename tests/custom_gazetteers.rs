//! User gazetteers that refuse garbage: every malformed row is an error
//! with its file and line, odd but valid files (BOM, CR-only line ends)
//! read correctly, and building stays linear in rows.

mod common;

use common::gazetteer_rows;
use dipnews::gazetteer::{GazetteerBuilder, Table};
use dipnews::{Error, Gazetteer};

fn build(table: Table, text: &str) -> Result<Gazetteer, Error> {
    GazetteerBuilder::new().embedded().add_table(table, "custom.tsv", text).build()
}

/// The error's line and message, for a build that must fail.
fn error(r: Result<Gazetteer, Error>) -> (usize, String) {
    match r {
        Err(Error::Gazetteer { file, line, message }) => {
            assert_eq!(file, "custom.tsv");
            (line, message)
        }
        other => panic!("expected a gazetteer error, got {other:?}"),
    }
}

const ORGS: &str = "id\twikidata\tname\tparent\tnames\n";
const CITIES: &str = "name\twikidata\tcountry\tkind\taliases\n";

#[test]
fn one_letter_and_function_word_names_are_refused() {
    let (line, m) = error(build(Table::Organizations, &format!("{ORGS}# comment\nXB\t\tВ\t\tИ|А|С\n")));
    assert_eq!(line, 3, "{m}");
    assert!(m.contains("single letter"), "{m}");
    for word in ["на", "по", "за", "и"] {
        let (line, m) = error(build(Table::Organizations, &format!("{ORGS}XB\t\tНормальная организация\t\t{word}\n")));
        assert_eq!(line, 2, "{word}: {m}");
    }
    // The same words in capitals are abbreviations, and allowed.
    assert!(build(Table::Organizations, &format!("{ORGS}XB\t\tНормальная организация\t\tНА\n")).is_ok());
    let (line, _) = error(build(Table::States, "iso2\twikidata\tname\tnames\tadjectives\nXA\tQ12\tИксия\t\tа\n"));
    assert_eq!(line, 2);
}

#[test]
fn parent_cycles_and_self_parents_are_refused() {
    let (line, m) = error(build(Table::Organizations, &format!("{ORGS}XA\t\tОрганизация икс\tXA\t\n")));
    assert_eq!(line, 2, "{m}");
    let rows = "XA\t\tОрганизация икс\tXB\t\nXB\t\tОрганизация игрек\tXC\t\nXC\t\tОрганизация зет\tXA\t\n";
    let (line, m) = error(build(Table::Organizations, &format!("{ORGS}{rows}")));
    assert!((2..=4).contains(&line), "{line}: {m}");
    assert!(m.contains("ancestor"), "{m}");
    // A chain is fine.
    let chain = "XA\t\tОрганизация икс\t\t\nXB\t\tОрганизация игрек\tXA\t\nXC\t\tОрганизация зет\tXB\t\n";
    assert!(build(Table::Organizations, &format!("{ORGS}{chain}")).is_ok());
}

#[test]
fn bad_ids_and_unknown_countries_are_refused() {
    let h = "iso2\twikidata\tname\n";
    for qid in ["Q0", "Q0123", "Q1234567890123456789012345678901", "Q", "q12"] {
        let (line, m) = error(build(Table::States, &format!("{h}XA\t{qid}\tИксия\n")));
        assert_eq!(line, 2, "{qid}: {m}");
    }
    assert!(build(Table::States, &format!("{h}XA\tQ1234567890\tИксия\n")).is_ok());
    let (line, m) = error(build(Table::Cities, &format!("{CITIES}Иксбург\t\tZZ\t\t\n")));
    assert_eq!(line, 2);
    assert!(m.contains("ZZ"), "{m}");
    // A code of a state the same build adds is known.
    let g = GazetteerBuilder::new()
        .embedded()
        .add_table(Table::States, "s.tsv", format!("{h}XA\tQ12\tИксия\n"))
        .add_table(Table::Cities, "c.tsv", format!("{CITIES}Иксбург\t\tXA\t\t\n"))
        .build();
    assert!(g.is_ok(), "{g:?}");
}

#[test]
fn duplicated_header_columns_are_refused() {
    let (line, m) = error(build(Table::States, "iso2\twikidata\tname\tname\nXA\tQ12\tИксия\tИксия\n"));
    assert_eq!(line, 1);
    assert!(m.contains("twice"), "{m}");
}

#[test]
fn bom_and_cr_only_files_read_correctly() {
    let g = build(Table::States, "\u{feff}iso2\twikidata\tname\nXA\tQ12\tИксия\n").unwrap();
    assert_eq!(g.find("в Иксии").len(), 1);
    let g = build(Table::States, "iso2\twikidata\tname\rXA\tQ12\tИксия\rXB\tQ13\tИгрекия\r").unwrap();
    assert_eq!(g.find("в Иксии и Игрекии").len(), 2);
    // Lines are counted at lone CRs too.
    let (line, _) = error(build(Table::States, "iso2\twikidata\tname\rXA\tQ12\tИксия\rXB\tQ0\tИгрекия\r"));
    assert_eq!(line, 3);
}

#[test]
fn long_names_are_refused() {
    let long = vec!["ООН"; 4000].join(" ");
    let (line, m) = error(build(Table::Organizations, &format!("{ORGS}XB\t\tДлинная организация\t\t{long}\n")));
    assert_eq!(line, 2);
    assert!(m.contains("too long"), "{m}");
}

#[test]
fn too_many_agency_spellings_are_refused_with_a_line() {
    let variants: Vec<String> = (0..5000).map(|k| format!("Агентство {k}")).collect();
    let text = format!("id\tcountry\tname\tvariants\nXAG\tRU\tИкс-агентство\t{}\n", variants.join("|"));
    let (line, m) = error(build(Table::Agencies, &text));
    assert_eq!(line, 2);
    assert!(m.contains("agency spellings"), "{m}");
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_hanging() {
    let dir = std::env::temp_dir().join(format!("dipnews-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("states.tsv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    if !made {
        println!("mkfifo is not available: skipped");
        let _ = std::fs::remove_dir_all(&dir);
        return;
    }
    let r = GazetteerBuilder::new().add_dir(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(matches!(r, Err(Error::Io { .. })), "{r:?}");
}

#[test]
fn building_is_linear_in_rows() {
    // 10,000 and 40,000 generated organizations sharing one alias: the cost
    // per row must not grow (a quadratic build took 37 s for 100,000 rows).
    // Compared within one run, no absolute time.
    let time = |n: usize| {
        let t = gazetteer_rows::organizations(n);
        let start = std::time::Instant::now();
        let g = build(Table::Organizations, &t).unwrap();
        assert!(g.entities().len() > n);
        start.elapsed().as_secs_f64() / n as f64
    };
    time(2_000);
    let (small, large) = (time(10_000), time(40_000));
    assert!(large < small * 2.5, "per-row cost grew from {small:e} to {large:e} s");
}
