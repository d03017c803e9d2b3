//! No panic on any input; spans always slice the input; records round-trip
//! and are deterministic; one extractor serves many threads.

use dipnews::{EventRecord, Extractor, Span};
use once_cell::sync::Lazy;
use proptest::prelude::*;
use std::sync::Arc;

static EX: Lazy<Extractor> = Lazy::new(Extractor::new);

/// Every span of the record, with the text it claims to cover.
fn spans(r: &EventRecord) -> Vec<(Span, Option<&str>)> {
    let mut out = Vec::new();
    if let Some(d) = &r.dateline {
        out.push((d.span, None));
    }
    if let Some(d) = &r.date {
        out.push((d.span, Some(d.text.as_str())));
    }
    for m in r.states.iter().flat_map(|s| &s.mentions).chain(r.organizations.iter().flat_map(|o| &o.mentions)) {
        out.push((m.span, Some(m.text.as_str())));
    }
    for f in &r.follow_ups {
        out.push((f.span, None));
        if let Some(d) = &f.date {
            out.push((d.span, Some(d.text.as_str())));
        }
    }
    let e = &r.evidence;
    out.extend([e.kind, e.status, e.format, e.location, e.title].into_iter().flatten().map(|s| (s, None)));
    out
}

fn check(text: &str) {
    check_with(&EX, text);
}

fn check_with(ex: &Extractor, text: &str) {
    let r = ex.extract(text);
    for (span, claimed) in spans(&r) {
        assert!(span.start <= span.end && span.end <= text.len(), "span {span:?} outside {} bytes", text.len());
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "span {span:?} splits a char");
        if let Some(c) = claimed {
            assert_eq!(&text[span.start..span.end], c);
        }
    }
    let json = serde_json::to_string(&r).expect("serializes");
    let back: EventRecord = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, r, "round trip");
    assert_eq!(ex.extract(text), r, "deterministic");
}

/// Text built from pieces agency copy is made of, and pieces it is not.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("МОСКВА, 6 октября. /ТАСС/. ".to_string()),
        Just("ДУШАНБЕ, 07.10.2020 /НИАТ «Ховар/. ".to_string()),
        Just("Министр иностранных дел Республики Таджикистан ".to_string()),
        Just("встретился с Послом Гвинеи-Бисау в Москве ".to_string()),
        Just("провел телефонный разговор ".to_string()),
        Just("с 15 по 17 ноября ".to_string()),
        Just("«Россия – Африка» ".to_string()),
        Just("российско-таджикских ".to_string()),
        Just("Исполнительного комитета СНГ. ".to_string()),
        Just("Следующий раунд пройдет в 2021 году в Минске. ".to_string()),
        Just("\n".to_string()),
        Just("ФОТО: пресс-служба\n".to_string()),
        Just("«««»»»„“\"".to_string()),
        Just("\u{0301}\u{0300}".to_string()),
        Just("مرحبا بالعالم ".to_string()),
        Just("\u{202e}\u{200f}".to_string()),
        Just("🙂👍🏽 ".to_string()),
        Just("\u{0}\u{1}\u{7f}\t\r".to_string()),
        Just("\u{ad}\u{a0}".to_string()),
        "\\PC{0,20}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_string(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn tokens_slice_the_input(s in any::<String>()) {
        let mut last_end = 0;
        for t in dipnews::text::tokenize(&s) {
            prop_assert!(t.span().start >= last_end && t.span().start < t.span().end && t.span().end <= s.len());
            prop_assert!(s.is_char_boundary(t.span().start) && s.is_char_boundary(t.span().end));
            prop_assert!(!t.text(&s).trim().is_empty());
            last_end = t.span().end;
        }
    }

    #[test]
    fn agency_like_text(parts in proptest::collection::vec(piece(), 0..30)) {
        check(&parts.concat());
    }
}

/// Reference dates at the edges of the years the record can carry.
const EDGES: [&str; 6] = ["0001-01-01", "0001-01-02", "0001-12-31", "9999-01-01", "9999-12-30", "9999-12-31"];

static EDGE_EXTRACTORS: Lazy<Vec<Extractor>> = Lazy::new(|| {
    let mut v: Vec<Extractor> =
        EDGES.iter().map(|d| Extractor::builder().reference_date_str(d).expect("a valid date").build()).collect();
    v.push(Extractor::new());
    v
});

/// Date expressions that shift, widen or carry a year, and datelines at
/// the year edges.
fn dated_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Вчера ".to_string()),
        Just("Завтра ".to_string()),
        Just("Позавчера ".to_string()),
        Just("Накануне ".to_string()),
        Just("В понедельник ".to_string()),
        Just("в воскресенье ".to_string()),
        Just("31 декабря ".to_string()),
        Just("1 января ".to_string()),
        Just("29 февраля ".to_string()),
        Just("31.02.2021 ".to_string()),
        Just("с 30 декабря по 2 января ".to_string()),
        Just("ДУШАНБЕ, 31.12.9999 /НИАТ «Ховар»/. ".to_string()),
        Just("ДУШАНБЕ, 01.01.0001 /НИАТ «Ховар»/. ".to_string()),
        Just("ДУШАНБЕ, 00.00.0000 /НИАТ «Ховар»/. ".to_string()),
        Just("МОСКВА, 31 декабря. /ТАСС/. ".to_string()),
        Just("МОСКВА, 1 января. /ТАСС/. ".to_string()),
        Just("в 9999 году ".to_string()),
        Just("в 0000 году ".to_string()),
        Just("в декабре 9999 года ".to_string()),
        Just("министры России и Китая провели переговоры ".to_string()),
        Just("состоятся переговоры министров России и Китая ".to_string()),
        Just("Следующий раунд пройдет ".to_string()),
        Just(". ".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Every record at the year edges deserializes back with the crate's
    /// own `Deserialize` (a date of year 10000 or 0000 would not).
    #[test]
    fn dates_at_the_year_edges_round_trip(k in 0..EDGES.len() + 1, parts in proptest::collection::vec(dated_piece(), 1..14)) {
        check_with(&EDGE_EXTRACTORS[k], &parts.concat());
    }
}

#[test]
fn a_yearless_dateline_at_the_last_year_stays_yearless() {
    // Completing «1 января» under 9999-12-31 would give year 10000.
    let ex = &EDGE_EXTRACTORS[EDGES.len() - 1];
    let text = "МОСКВА, 1 января /ТАСС/. Министр иностранных дел России провел переговоры с главой МИД Китая.";
    check_with(ex, text);
    let r = ex.extract(text);
    assert!(r.dateline.unwrap().date.unwrap().year().is_none_or(|y| y <= 9999));
}

#[test]
fn extremes() {
    // The worst inputs of the linear-time test (`tests/linear.rs`), at
    // 200 KB: the tokenizer's e-mail scan, percent-encoded URLs, smiles,
    // runs of punctuation, short words, text noise.
    for unit in [
        "a-",
        "1-",
        "a_",
        "a+",
        "a%",
        "abc-",
        "%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0",
        "https://ru.wikipedia.org/wiki/%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0 ",
        ")",
        ",",
        "и ",
        "ООН ",
        "Mосква\u{a0}&nbsp;\u{200b}\r\n\t&laquo;x&raquo; \"",
        "&#",
        "\r",
    ] {
        check(&unit.repeat((200 << 10) / unit.len()));
    }
    check(&format!(":{}", ")".repeat(200 << 10)));
    check("");
    check(" ");
    check(&"\n".repeat(10_000));
    check(&"а".repeat(1 << 20));
    check(&"Министр России встретился с послом Китая в Пекине, ".repeat(20_000));
    check("«««««");
    check("»»»»» «");
    check(".....!!!???");
    check("/ТАСС/./ТАСС/./ТАСС/.");
    check("МОСКВА, 99 октября. /ТАСС/. 31 февраля 0000 года 00.00.0000");
    check("с 31 по 1 декабря; 30 декабря – 2 января; в 9999 году");
    check(&"(".repeat(5000));
    // Many unclosed quotes after title words, and many envoys: linear, not quadratic.
    check(&"конференция «Россия «Китай» ".repeat(20_000));
    check(&"Посол России в Казахстане, Посол Китая при ООН в Вене ".repeat(20_000));
    // Many clauses, quotations, follow-ups and signed documents.
    check(&format!(
        "Министры России и Китая провели переговоры. {}",
        "Следующее заседание пройдет в Минске, а ".repeat(20_000)
    ));
    check(&format!(
        "Министры России и Китая провели переговоры. В заседании приняли участие {}",
        "«Россия» и Китай, ".repeat(20_000)
    ));
    check(&format!(
        "Министры России и Китая провели переговоры. {}",
        "Следующее заседание пройдет 5 мая в Минске. ".repeat(20_000)
    ));
    check(&format!(
        "Министры России и Китая провели переговоры. {}",
        "По итогам подписан договор 5 мая; ".repeat(20_000)
    ));
    // Many framed and weak triggers in one sentence.
    check(&"на полях встречи министр России принял посла Китая и подписал закон, ".repeat(20_000));
    // Pages of site text: credits, menus, timestamps, glued datelines.
    check(&"ФОТО: пресс-служба\n".repeat(100_000));
    check(&"Политика\n12.03.2024 10:15\nЧитайте также\n".repeat(30_000));
    check(&"Заголовок12.03.2024 10:15МОСКВА, 5 мая /ТАСС/. Текст.\n".repeat(20_000));
}

#[test]
fn one_extractor_many_threads() {
    let ex = Arc::new(Extractor::new());
    let text = include_str!("../examples/data/khovar-cis-consultations.txt");
    let expected = ex.extract(text);
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let ex = Arc::clone(&ex);
            std::thread::spawn(move || (0..20).all(|_| ex.extract(text) == ex.extract(text)))
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap());
    }
    assert_eq!(ex.extract(text), expected);
}
