//! HTML views of records (feature `html`): one page per article, with every
//! mention and every piece of evidence marked over the text and the record
//! as a card beside it, and a report of a whole run ([`Report`]): a sortable
//! table of the records, events per month by kind, and which states took
//! part in events together.
//!
//! Pages are self-contained: inline CSS, no network, no script on article
//! pages and one small script (sorting) on the index, both allowed by hash in
//! a Content-Security-Policy that forbids everything else. The article text
//! is untrusted: every string is escaped, by [`maud`]'s templates for the
//! card and the index and, for the marked text (most of a page, written in
//! one pass), by the same escaping of the same four characters; control
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
use maud::Render;
use once_cell::sync::Lazy;
use sha2::{Digest, Sha256};

/// The style of every page.
const STYLE: &str = include_str!("style.css");
/// The index's table sorting.
const SORT_SCRIPT: &str = include_str!("sort.js");

/// A CSP source expression allowing exactly this inline block.
fn csp_hash(block: &str) -> String {
    format!("'sha256-{}'", BASE64_STANDARD.encode(Sha256::digest(block.as_bytes())))
}

/// What a page has around its title and its body: the same on every page
/// with the same script, so built once (with the policy's hashes).
struct Shell {
    /// The doctype up to `<title>`: the policy first (it applies from
    /// where it stands).
    head: String,
    /// From `</title>` to `<body>`: the style.
    style: String,
    /// From `</body>`, with the script when there is one.
    end: String,
}

impl Shell {
    fn new(script: Option<&str>) -> Shell {
        let script_src = script.map_or_else(|| "'none'".to_string(), csp_hash);
        let policy = format!(
            "default-src 'none'; style-src {}; script-src {script_src}; img-src 'none'; base-uri 'none'; form-action 'none'",
            csp_hash(STYLE)
        );
        let mut head = String::from(
            r#"<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content=""#,
        );
        escape_into(&mut head, &policy);
        head.push_str(r#""><meta name="viewport" content="width=device-width, initial-scale=1"><title>"#);
        let style = format!("</title><style>{STYLE}</style></head><body>");
        let end = match script {
            Some(s) => format!("<script>{s}</script></body></html>"),
            None => "</body></html>".to_string(),
        };
        Shell { head, style, end }
    }

    fn len(&self) -> usize {
        self.head.len() + self.style.len() + self.end.len()
    }
}

/// Article pages: no script.
static ARTICLE_SHELL: Lazy<Shell> = Lazy::new(|| Shell::new(None));
/// The index: the sorting script.
static INDEX_SHELL: Lazy<Shell> = Lazy::new(|| Shell::new(Some(SORT_SCRIPT)));

/// A whole page in one `String` reserved for `capacity` bytes of body:
/// `body` writes the body's content straight into it.
fn page_into(shell: &Shell, title: &str, capacity: usize, body: impl FnOnce(&mut String)) -> String {
    let mut out = String::with_capacity(shell.len() + 2 * title.len() + capacity);
    out.push_str(&shell.head);
    escape_into(&mut out, title);
    out.push_str(&shell.style);
    body(&mut out);
    out.push_str(&shell.end);
    out
}

/// Untrusted text for a page: escaped as maud escapes (`&<>"`), and with
/// the characters an HTML parser would drop, change or choke on (C0 and
/// C1 controls but tab and line breaks, noncharacters) shown as visible
/// symbols. Byte offsets are not affected: marks are cut before the text
/// is cleaned.
pub(crate) struct Clean<'a>(pub &'a str);

impl Render for Clean<'_> {
    fn render_to(&self, buffer: &mut String) {
        escape_into(buffer, self.0)
    }
}

/// The bytes [`escape_into`] must look at: maud's four, and the only bytes
/// that start a character [`bad`] holds for (Cyrillic, «» and most text
/// pass on this test alone).
static LOOK: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = matches!(c, b'&' | b'<' | b'>' | b'"')
            || (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r'))
            || c == 0x7F
            || c == 0xC2
            || c >= 0xEF;
        b += 1;
    }
    t
};

/// A character an HTML parser would drop, change or choke on.
fn bad(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || ('\u{FDD0}'..='\u{FDEF}').contains(&c)
        || (c as u32 & 0xFFFE) == 0xFFFE
}

/// Writes `s` cleaned and escaped (see [`Clean`]) into `out` in one pass:
/// stretches with nothing to change are copied whole.
pub(crate) fn escape_into(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        if !LOOK[bytes[i] as usize] {
            i += 1;
            continue;
        }
        // Every byte `LOOK` holds starts a character: `i` is a boundary.
        let c = s.get(i..).and_then(|t| t.chars().next()).unwrap_or('\u{FFFD}');
        let entity = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            c if bad(c) => "",
            c => {
                i += c.len_utf8();
                continue;
            }
        };
        out.push_str(&s[copied..i]);
        if entity.is_empty() {
            // The Control Pictures block has a symbol for each C0 control and DEL.
            out.push(match c {
                '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
                '\u{7F}' => '\u{2421}',
                _ => '\u{FFFD}',
            });
        } else {
            out.push_str(entity);
        }
        i += c.len_utf8();
        copied = i;
    }
    out.push_str(&s[copied..]);
}

/// Writes `n` in decimal (two on every mention: no formatter needed).
fn push_usize(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let (mut k, mut n) = (digits.len(), n);
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[k..]).unwrap_or_default());
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

    fn clean(s: &str) -> String {
        let mut out = String::new();
        Clean(s).render_to(&mut out);
        out
    }

    #[test]
    fn controls_become_visible_symbols() {
        assert_eq!(
            clean("a\u{0}b\u{1b}c\u{7f}\u{85}\u{FFFF}\u{FDD0}\u{1FFFE}\n\t\r"),
            "a\u{2400}b\u{241B}c\u{2421}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\n\t\r"
        );
        // Characters that share a first byte with the bad ones stay.
        assert_eq!(clean("«Душанбе»\u{a0}\u{F000}\u{FFFD}😀"), "«Душанбе»\u{a0}\u{F000}\u{FFFD}😀");
        assert_eq!(clean("<b>\"&\u{1}'"), "&lt;b&gt;&quot;&amp;\u{2401}'");
        assert_eq!(clean(""), "");
    }

    #[test]
    fn escaping_matches_maud_on_clean_text() {
        let s = "a<b>&\"c\" «д» 'e' \u{a0}";
        assert_eq!(clean(s), maud::html! { (s) }.into_string());
    }

    #[test]
    fn numbers_in_decimal() {
        for n in [0, 7, 10, 409, usize::MAX] {
            let mut out = String::new();
            push_usize(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }

    #[test]
    fn policy_hashes_the_inline_blocks() {
        let index = page_into(&INDEX_SHELL, "t", 0, |_| {});
        assert!(index.contains(&csp_hash(STYLE)) && index.contains(&csp_hash(SORT_SCRIPT)));
        assert!(page_into(&ARTICLE_SHELL, "t", 0, |_| {}).contains("script-src 'none'"));
    }
}
