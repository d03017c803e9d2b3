//! Differential test for text noise: each article, turned into a variant
//! (tabs, no-break spaces, invisible characters, CR line ends, entities,
//! ASCII quotes, Latin look-alikes, …), must give the same record fields as
//! the original, with spans that slice the variant exactly.
//!
//! Articles: the crate's own samples (`examples/data/`) always, and the
//! shared dev set (`../shared/data/dev`) when it is present.

mod common;

use dipnews::EventRecord;
use serde_json::Value;
use std::path::Path;

fn articles() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let dirs = [
        concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/dev"),
    ];
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            println!("noise: {dir} is absent; its articles are skipped");
            continue;
        };
        let mut paths: Vec<_> =
            entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
        paths.sort();
        for p in paths {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, std::fs::read_to_string(&p).unwrap()));
        }
    }
    assert!(out.len() >= 3, "the crate's own samples must be there");
    out
}

fn is_cyr(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// Applies `f` to each maximal run of Cyrillic letters.
fn per_word(text: &str, f: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut word = String::new();
    for c in text.chars() {
        if is_cyr(c) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push_str(&f(&word));
            word.clear();
        }
        out.push(c);
    }
    out.push_str(&f(&word));
    out
}

fn latin_twin(c: char) -> Option<char> {
    let from = "аеорсхуАВСЕНКМОРТХ";
    let to = "aeopcxyABCEHKMOPTX";
    from.chars().position(|x| x == c).and_then(|k| to.chars().nth(k))
}

type Variant = (&'static str, fn(&str) -> String);

/// Variants that must give exactly the original's fields.
const EXACT: &[Variant] = &[
    ("tabs", |t| t.replace(' ', "\t")),
    ("nbsp", |t| t.replace(' ', "\u{a0}")),
    ("narrow-nbsp", |t| t.replace(' ', "\u{202f}")),
    ("zwsp", |t| t.replace(' ', " \u{200b}")),
    ("soft-hyphens", |t| {
        per_word(t, |w| {
            let cs: Vec<char> = w.chars().collect();
            if cs.len() < 6 {
                return w.to_string();
            }
            cs[..3].iter().chain(std::iter::once(&'\u{ad}')).chain(&cs[3..]).collect()
        })
    }),
    ("cr-only", |t| t.replace("\r\n", "\n").replace('\n', "\r")),
    ("crlf", |t| t.replace("\r\n", "\n").replace('\n', "\r\n")),
    ("bom", |t| format!("\u{feff}{t}")),
    ("html-entities", |t| {
        let t = t.replace('&', "&amp;").replace('«', "&laquo;").replace('»', "&raquo;").replace('—', "&mdash;");
        let t = t.replace('–', "&#8211;").replace('\u{a0}', "&nbsp;").replace('"', "&quot;");
        // Every fifth space as `&nbsp;`, as in pasted HTML.
        let mut n = 0;
        t.split(' ').fold(String::new(), |mut acc, part| {
            if !acc.is_empty() || n > 0 {
                acc.push_str(if n % 5 == 4 { "&nbsp;" } else { " " });
            }
            n += 1;
            acc.push_str(part);
            acc
        })
    }),
    ("html-tags", |t| {
        // A scrape that kept the markup: paragraphs, inline tags, a
        // comment and a script.
        let body: String = t.lines().map(|l| format!("<p class=\"text\"><span>{l}</span></p>\n")).collect();
        format!("<!-- page --><div id=\"main\">\n<script>var a = \"МОСКВА, 1 мая /ТАСС/\";</script>{body}</div>")
    }),
    ("ascii-quotes", |t| t.replace(['«', '»', '“', '”', '„'], "\"")),
    ("double-spaces", |t| t.replace(' ', "  ")),
    ("latin-lookalikes", |t| {
        // One look-alike per word of two letters or more, as typed by a
        // keyboard switched mid-word.
        per_word(t, |w| {
            if w.chars().count() < 2 {
                return w.to_string();
            }
            let mut done = false;
            w.chars()
                .map(|c| match (done, latin_twin(c)) {
                    (false, Some(l)) => {
                        done = true;
                        l
                    }
                    _ => c,
                })
                .collect()
        })
    }),
];

/// Variants that must keep most fields.
const CASE: &[Variant] = &[("lowercase", |t| t.to_lowercase()), ("all-caps", |t| t.to_uppercase())];

/// The record's fields without spans and the texts read at them; quotes
/// folded (an ASCII-quoted headline is still the same headline), and case
/// too when `fold_case`.
fn fields(r: &EventRecord, fold_case: bool) -> serde_json::Map<String, Value> {
    fn strip(v: &mut Value, fold_case: bool) {
        match v {
            Value::Object(m) => {
                m.remove("span");
                if m.contains_key("form") || m.contains_key("start") {
                    m.remove("text");
                }
                m.values_mut().for_each(|v| strip(v, fold_case));
            }
            Value::Array(a) => a.iter_mut().for_each(|v| strip(v, fold_case)),
            Value::String(s) => {
                let f = s.replace(['«', '»', '“', '”', '„'], "\"");
                *s = if fold_case { f.to_lowercase() } else { f };
            }
            _ => {}
        }
    }
    let mut v = serde_json::to_value(r).unwrap();
    strip(&mut v, fold_case);
    let Value::Object(mut m) = v else { unreachable!() };
    m.remove("evidence");
    m
}

/// Every span of `r` lies on character boundaries of `text`, and mention
/// and date texts are exactly the bytes at their spans.
fn check_spans(name: &str, variant: &str, text: &str, r: &EventRecord) {
    let ok = |s: dipnews::Span| s.start <= s.end && text.get(s.start..s.end).is_some();
    let mut spans: Vec<dipnews::Span> = r.dateline.iter().map(|d| d.span).collect();
    spans.extend(r.follow_ups.iter().map(|f| f.span));
    let ev = &r.evidence;
    spans.extend([ev.kind, ev.status, ev.format, ev.location, ev.title].into_iter().flatten());
    for s in spans {
        assert!(ok(s), "{name} [{variant}]: span {s:?} off the text");
    }
    let dates = r.date.iter().chain(r.follow_ups.iter().filter_map(|f| f.date.as_ref()));
    let texts = r.states.iter().flat_map(|s| &s.mentions).chain(r.organizations.iter().flat_map(|o| &o.mentions));
    for (span, t) in texts.map(|m| (m.span, &m.text)).chain(dates.map(|d| (d.span, &d.text))) {
        assert_eq!(text.get(span.start..span.end), Some(t.as_str()), "{name} [{variant}]");
    }
}

#[test]
fn variants_keep_every_field() {
    let arts = articles();
    let mut failures = Vec::new();
    for (variant, make) in EXACT {
        let mut changed = Vec::new();
        for (name, text) in &arts {
            let want = fields(&common::extract(text), false);
            let v = make(text);
            let rec = common::extract(&v);
            check_spans(name, variant, &v, &rec);
            let got = fields(&rec, false);
            if got != want {
                let diff: Vec<&String> = want.keys().filter(|k| want.get(*k) != got.get(*k)).collect();
                changed.push(format!("{name} {diff:?}"));
            }
        }
        println!("noise: {variant}: {}/{} records changed", changed.len(), arts.len());
        for c in &changed {
            println!("    {c}");
        }
        if !changed.is_empty() {
            failures.push(*variant);
        }
    }
    assert!(failures.is_empty(), "variants that change records: {failures:?}");
}

#[test]
fn case_variants_keep_most_fields() {
    let arts = articles();
    for (variant, make) in CASE {
        let (mut same, mut total, mut changed) = (0, 0, 0);
        for (name, text) in &arts {
            let want = fields(&common::extract(text), true);
            let v = make(text);
            let rec = common::extract(&v);
            check_spans(name, variant, &v, &rec);
            let got = fields(&rec, true);
            let k = want.keys().filter(|k| want.get(*k) == got.get(*k)).count();
            same += k;
            total += want.len();
            changed += usize::from(k < want.len());
            if k < want.len() {
                let diff: Vec<&String> = want.keys().filter(|k| want.get(*k) != got.get(*k)).collect();
                println!("    {variant} {name} {diff:?}");
            }
        }
        let share = same as f64 / total as f64;
        println!("noise: {variant}: {changed}/{} records changed, {same}/{total} fields kept ({share:.3})", arts.len());
        assert!(share >= 0.9, "{variant}: only {share:.3} of the fields kept");
    }
}

#[test]
fn capitals_do_not_make_states_of_words() {
    // «КРОМЕ ТОГО» in a shouted text is not Togo, «ЧАД» may be Chad only as
    // a name; a headline in capitals still names its states.
    let r = common::extract("КРОМЕ ТОГО, МИНИСТР ЗАЯВИЛ О ПЕРЕГОВОРАХ С КИТАЕМ.");
    assert_eq!(common::states(&r), ["CN"]);
}

#[test]
fn variant_spans_of_a_sample_point_at_the_variant() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/tass-phone-call.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let v = format!("\u{feff}{}", text.replace(' ', "\u{a0}\u{200b}").replace('\n', "\r\n"));
    let r = common::extract(&v);
    let m = &r.states[0].mentions[0];
    assert!(m.text.contains('\u{a0}') || !m.text.contains(' '), "{:?}", m.text);
    assert_eq!(&v[m.span.start..m.span.end], m.text);
    assert!(!m.text.starts_with('\u{200b}') && !m.text.ends_with('\u{200b}'));
}
