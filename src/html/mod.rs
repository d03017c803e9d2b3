//! HTML views of records (feature `html`): one page per article, with every
//! mention and every piece of evidence marked over the text and the record
//! as a card beside it, and a report of a whole run ([`Report`]): a sortable
//! table of the records, events per month by kind, and which states took
//! part in events together.
//!
//! Pages are self-contained: inline CSS, no network, no script on article
//! pages and one small script (sorting) on the index, both allowed by hash in
//! a Content-Security-Policy that forbids everything else. The article text
//! is untrusted: every string goes through [`maud`]'s escaping, and control
//! characters are shown as visible symbols.
//!
//! ```
//! use dipnews::Extractor;
//! let extractor = Extractor::new();
//! let text = "МОСКВА, 6 октября. /ТАСС/. Сергей Лавров провел переговоры с главой МИД Таджикистана.";
//! let record = extractor.extract(text);
//! let page = dipnews::html::article_page(&extractor, text, &record);
//! assert!(page.contains(r#"data-id="TJ""#));
//! ```

mod article;
mod charts;
mod marks;
mod report;

pub use article::{article_page, article_page_with_parts};
pub use report::Report;

use crate::record::EventDate;
use base64::prelude::{Engine, BASE64_STANDARD};
use maud::{html, Markup, PreEscaped, Render, DOCTYPE};
use once_cell::sync::Lazy;
use sha2::{Digest, Sha256};
use std::borrow::Cow;

/// The style of every page.
const STYLE: &str = include_str!("style.css");
/// The index's table sorting.
const SORT_SCRIPT: &str = include_str!("sort.js");

/// A CSP source expression allowing exactly this inline block.
fn csp_hash(block: &str) -> String {
    format!("'sha256-{}'", BASE64_STANDARD.encode(Sha256::digest(block.as_bytes())))
}

static STYLE_HASH: Lazy<String> = Lazy::new(|| csp_hash(STYLE));
static SORT_HASH: Lazy<String> = Lazy::new(|| csp_hash(SORT_SCRIPT));

/// A whole page: the policy first (it applies from where it stands), the
/// style, the body, and the script when there is one.
fn page(title: &str, body: Markup, script: Option<&'static str>) -> String {
    let script_src = match script {
        Some(_) => SORT_HASH.as_str(),
        None => "'none'",
    };
    let policy = format!(
        "default-src 'none'; style-src {}; script-src {script_src}; img-src 'none'; base-uri 'none'; form-action 'none'",
        *STYLE_HASH
    );
    html! {
        (DOCTYPE)
        html lang="ru" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(policy);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (Clean(title)) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                (body)
                @if let Some(s) = script { script { (PreEscaped(s)) } }
            }
        }
    }
    .into_string()
}

/// Untrusted text for a page: escaped by maud, and with the characters an
/// HTML parser would drop, change or choke on (C0 and C1 controls but tab
/// and line breaks, noncharacters) shown as visible symbols. Byte offsets
/// are not affected: marks are cut before the text is cleaned.
pub(crate) struct Clean<'a>(pub &'a str);

impl Render for Clean<'_> {
    fn render_to(&self, buffer: &mut String) {
        visible(self.0).render_to(buffer)
    }
}

/// `s` with invisible or unparseable characters replaced (see [`Clean`]).
fn visible(s: &str) -> Cow<'_, str> {
    fn bad(c: char) -> bool {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
            || (c as u32 & 0xFFFE) == 0xFFFE
    }
    // Only these bytes start a character `bad` holds for: a first look that
    // spares decoding most text (Cyrillic and «» pass on the first test).
    let lead = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F || b == 0xC2 || b >= 0xEF;
    if !s.bytes().any(lead) || !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                c if !bad(c) => c,
                // The Control Pictures block has a symbol for each C0 control and DEL.
                '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
                '\u{7F}' => '\u{2421}',
                _ => '\u{FFFD}',
            })
            .collect(),
    )
}

/// An enum's string in the JSON contract («phone_call», «participant»):
/// its `Display`, which the record's types derive from one list with their
/// serde form.
fn contract_str<T: std::fmt::Display>(v: &T) -> String {
    v.to_string()
}

/// «2020-10-06», «2020-10-05 – 2020-10-07», or empty.
fn date_range(d: Option<&EventDate>) -> String {
    match d {
        Some(d) if d.start == d.end => d.start.to_string(),
        Some(d) => format!("{} – {}", d.start, d.end),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_symbols() {
        assert_eq!(
            visible("a\u{0}b\u{1b}c\u{7f}\u{85}\u{FFFF}\n\t"),
            "a\u{2400}b\u{241B}c\u{2421}\u{FFFD}\u{FFFD}\n\t"
        );
        assert!(matches!(visible("Душанбе\n"), Cow::Borrowed(_)));
        let mut out = String::new();
        Clean("<b>\"&\u{1}").render_to(&mut out);
        assert_eq!(out, "&lt;b&gt;&quot;&amp;\u{2401}");
    }

    #[test]
    fn policy_hashes_the_inline_blocks() {
        let p = page("t", html! { p { "x" } }, Some(SORT_SCRIPT));
        assert!(p.contains(STYLE_HASH.as_str()) && p.contains(SORT_HASH.as_str()));
        assert!(page("t", html! {}, None).contains("script-src 'none'"));
    }
}
