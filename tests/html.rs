//! The HTML views (feature `html`): hostile texts are escaped, every mention
//! is one element with its data, the text survives whole, tags balance, and
//! random text never makes rendering panic. The same pages in a real
//! browser: `tests/browser/run.sh`.

use dipnews::html::{article_page, Report};
use dipnews::{EventRecord, Extractor};
use once_cell::sync::Lazy;
use proptest::prelude::*;
use regex::Regex;

static EXTRACTOR: Lazy<Extractor> = Lazy::new(Extractor::new);

const SEED: &str = include_str!("../examples/data/khovar-cis-consultations.txt");

/// The article text part of a page (between `<article class="text">` and
/// its `</article>`).
fn article_part(page: &str) -> &str {
    let start = page.find("<article class=\"text\">").expect("no article element") + "<article class=\"text\">".len();
    let end = page[start..].find("</article>").expect("article not closed") + start;
    &page[start..end]
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}

/// Text with the tags taken out and entities read back.
fn text_of(html: &str) -> String {
    static TAG: Lazy<Regex> = Lazy::new(|| Regex::new(r"<[^>]*>").unwrap());
    unescape(&TAG.replace_all(html, ""))
}

/// Panics unless every element opened in `page` (raw text of `style` and
/// `script` skipped) is closed in order.
fn assert_balanced(page: &str) {
    static TAG: Lazy<Regex> = Lazy::new(|| Regex::new(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>").unwrap());
    static RAW: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?s)<!DOCTYPE html>|<(style|script)>.*?</(style|script)>").unwrap());
    let page = RAW.replace_all(page, "");
    let mut stack: Vec<String> = Vec::new();
    for c in TAG.captures_iter(&page) {
        let name = c[2].to_ascii_lowercase();
        if ["meta", "br", "img", "input", "link", "hr"].contains(&name.as_str()) {
            continue;
        }
        if &c[1] == "/" {
            assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "unbalanced </{name}>");
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
    assert!(!TAG.replace_all(&page, "").contains('<'), "a raw < outside tags");
}

/// Every mention of the record is one element carrying its id, role, form
/// and span, whose text is the mention's.
fn assert_mentions_marked(page: &str, record: &EventRecord) {
    let states = record.states.iter().map(|s| (&s.iso2, s.role, &s.mentions));
    let orgs = record.organizations.iter().map(|o| (&o.id, o.role, &o.mentions));
    let mut n = 0;
    for (id, role, mentions) in states.chain(orgs) {
        let role = serde_json::to_value(role).unwrap();
        for m in mentions {
            let form = serde_json::to_value(m.form).unwrap();
            let open = format!(
                r#"data-id="{id}" data-role="{}" data-form="{}" data-span="{}-{}">"#,
                role.as_str().unwrap(),
                form.as_str().unwrap(),
                m.span.start,
                m.span.end
            );
            let at = page.find(&open).unwrap_or_else(|| panic!("mention not marked: {open}"));
            // The element's text: up to its own closing tag, counting nested spans.
            let rest = &page[at + open.len()..];
            let (mut depth, mut end) = (1, 0);
            for (i, _) in rest.match_indices('<') {
                if rest[i..].starts_with("</") {
                    depth -= 1;
                } else {
                    depth += 1;
                }
                if depth == 0 {
                    end = i;
                    break;
                }
            }
            assert_eq!(text_of(&rest[..end]), m.text, "{open}");
            n += 1;
        }
    }
    assert_eq!(page.matches("data-span=").count(), n, "one element per mention, no more");
}

#[test]
fn seed_page_marks_every_mention_and_keeps_the_text() {
    let record = EXTRACTOR.extract(SEED);
    assert!(record.states.len() >= 5, "the seed names six states");
    let page = article_page(&EXTRACTOR, SEED, &record);
    assert_balanced(&page);
    assert_mentions_marked(&page, &record);
    assert_eq!(text_of(article_part(&page)), SEED);
    for ev in ["ev-dateline", "ev-date", "ev-kind", "ev-format", "ev-title", "part-headline", "part-body"] {
        assert!(page.contains(ev), "{ev} not marked");
    }
    assert!(page.contains("class=\"m state participant"));
}

#[test]
fn trailer_is_dimmed() {
    let text = "МОСКВА, 6 октября. /ТАСС/. Министр иностранных дел РФ Сергей Лавров провел телефонный разговор \
                с главой МИД Таджикистана.\n\nФото: пресс-служба МИД Казахстана\nЧитайте также: Лавров и Китай";
    let record = EXTRACTOR.extract(text);
    let page = article_page(&EXTRACTOR, text, &record);
    assert!(page.contains(r#"class="part part-trailer dim""#), "{page}");
    assert!(!page.contains(r#"data-id="KZ""#), "a state in the trailer is not in the record");
}

/// Texts an attacker could send, each around a real event so that marks fall
/// on and around them.
const HOSTILE: [&str; 6] = [
    "<script>document.title='pwned'</script>",
    "\"><img src=x onerror=\"document.title='pwned'\">",
    "</style><style>body{display:none}</style>",
    "<a href=\"javascript:alert(1)\">Казахстан</a> javascript:alert(document.domain)",
    "\u{0}\u{1}\u{8}\u{b}\u{c}\u{1b}[31m\u{7f}\u{85}\u{9f}\u{FFFE}\u{FDD0}",
    "]]><!-- --><![CDATA[ <svg onload=alert(1)> &amp; &#x3c;script&#x3e;",
];

fn hostile_text() -> String {
    let mut t = String::from("МОСКВА, 6 октября. /ТАСС/. ");
    for (i, h) in HOSTILE.iter().enumerate() {
        t.push_str(h);
        t.push_str(if i % 2 == 0 {
            " Сергей Лавров провел переговоры с главой МИД Таджикистана "
        } else {
            "\n"
        });
    }
    t
}

#[test]
fn hostile_text_is_escaped() {
    let text = hostile_text();
    let mut record = EXTRACTOR.extract(&text);
    // Strings of the record may come from anywhere too.
    record.id = Some("\"><script>alert(1)</script>".into());
    record.headline = Some("</title><script>alert(1)</script>".into());
    let page = article_page(&EXTRACTOR, &text, &record);
    assert_balanced(&page);
    assert_mentions_marked(&page, &record);
    for bad in ["<script", "<img", "<svg onload", "<a href", "<!--", "<![CDATA", "href=\"javascript"] {
        assert!(!page.contains(bad), "{bad} came through");
    }
    assert_eq!(page.matches("</style>").count(), 1);
    assert!(!page.chars().any(|c| c.is_control() && !"\n\t\r".contains(c)), "a raw control character");
    assert!(page.contains("\u{2400}\u{2401}"), "controls are shown");
    // Apart from the controls, the text survives whole.
    let shown: String = text
        .chars()
        .map(|c| if c.is_control() && !"\n\t\r".contains(c) || c == '\u{FFFE}' || c == '\u{FDD0}' { '?' } else { c })
        .collect();
    let got: String = text_of(article_part(&page))
        .chars()
        .map(|c| if ('\u{2400}'..='\u{2421}').contains(&c) || c == '\u{FFFD}' { '?' } else { c })
        .collect();
    assert_eq!(got, shown);
}

#[test]
fn a_record_from_elsewhere_does_not_break_the_page() {
    // Spans that do not fit the text (another text's record) are left out.
    let record = EXTRACTOR.extract(SEED);
    let page = article_page(&EXTRACTOR, "Короткий текст: Душанбе", &record);
    assert_balanced(&page);
    assert_eq!(text_of(article_part(&page)), "Короткий текст: Душанбе");
}

#[test]
fn report_has_a_row_per_record_and_both_charts() {
    let dir = std::env::temp_dir().join(format!("dipnews-html-test-{}", std::process::id()));
    let mut report = Report::create(&dir).unwrap();
    let texts = [("seed.txt", SEED.to_string()), ("javascript:alert(1)", hostile_text())];
    for (id, text) in &texts {
        let record = EXTRACTOR.extract_with_id(*id, text);
        let page = report.add(&EXTRACTOR, id, text, &record).unwrap();
        assert!(page.exists());
    }
    let index = std::fs::read_to_string(report.finish().unwrap()).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_balanced(&index);
    assert_eq!(index.matches("<tr>").count(), 1 + texts.len());
    assert!(index.contains(r#"<a href="0001-seed.html">seed.txt</a>"#));
    assert!(index.contains(r#"<a href="0002-javascript-alert-1.html">javascript:alert(1)</a>"#));
    assert!(index.contains("<svg class=\"chart\"") && index.contains("<svg class=\"matrix\""));
    // The seed's six participants took part together: TJ and RU share a cell of 1 or more.
    assert!(index.contains("RU + TJ: ") || index.contains("TJ + RU: "), "no matrix cell for RU and TJ");
    assert_eq!(index.matches("<script>").count(), 1, "only the sorting script");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Random text, with words that make marks and characters that need
    /// escaping: rendering never panics, tags balance, the text survives.
    #[test]
    fn random_text_renders_well_formed(parts in proptest::collection::vec(prop_oneof![
        Just("МОСКВА, 6 октября. /ТАСС/. ".to_string()),
        Just("Лавров провел переговоры с главой МИД Таджикистана".to_string()),
        Just(" СНГ и ООН, Республика Беларусь, казахстанская сторона. ".to_string()),
        Just("\n\nФото: ТАСС\n".to_string()),
        "[<>&\"'a-zА-я \n]{0,12}",
        any::<String>(),
    ], 0..12)) {
        let text: String = parts.concat();
        let record = EXTRACTOR.extract(&text);
        let page = article_page(&EXTRACTOR, &text, &record);
        assert_balanced(&page);
        assert_mentions_marked(&page, &record);
        prop_assert!(!page.chars().any(|c| c.is_control() && !"\n\t\r".contains(c)));
        if !text.chars().any(|c| c.is_control() || ('\u{FDD0}'..='\u{FDEF}').contains(&c) || (c as u32 & 0xFFFE) == 0xFFFE) {
            prop_assert_eq!(text_of(article_part(&page)), text);
        }
    }
}
