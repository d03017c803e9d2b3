//! Reading gazetteer tables (TSV with a header line; `#` starts a comment
//! line) into entity rows, with errors that name the file and line.

use crate::error::{Error, Result};

/// One parsed data row: its 1-based line number and named columns.
pub(crate) struct Row<'a> {
    pub line: usize,
    cols: Vec<(&'a str, &'a str)>,
    file: &'a str,
}

impl<'a> Row<'a> {
    /// The value of column `name` ("" when the column is empty).
    pub fn get(&self, name: &str) -> &'a str {
        self.cols.iter().find(|(k, _)| *k == name).map_or("", |(_, v)| v.trim())
    }

    /// The value of a column that must not be empty.
    pub fn required(&self, name: &str) -> Result<&'a str> {
        let v = self.get(name);
        if v.is_empty() {
            Err(self.error(format!("column `{name}` is empty")))
        } else {
            Ok(v)
        }
    }

    /// A `|`-separated list column.
    pub fn list(&self, name: &str) -> impl Iterator<Item = &'a str> {
        self.get(name).split('|').map(str::trim).filter(|s| !s.is_empty())
    }

    /// An error about this row.
    pub fn error(&self, message: String) -> Error {
        Error::Gazetteer { file: self.file.to_string(), line: self.line, message }
    }
}

/// The lines of `text` and their 1-based numbers, split at `\n`, `\r\n`
/// and a lone `\r` (files saved with old Mac line ends are one line to
/// `str::lines`).
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text;
    let mut n = 0;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        n += 1;
        let (line, next) = match rest.find(['\n', '\r']) {
            Some(k) => {
                let skip = if rest[k..].starts_with("\r\n") { 2 } else { 1 };
                (&rest[..k], &rest[k + skip..])
            }
            None => (rest, ""),
        };
        rest = next;
        Some((n, line))
    })
}

/// Parses a table whose header must contain `required` columns.
pub(crate) fn parse<'a>(file: &'a str, text: &'a str, required: &[&str]) -> Result<Vec<Row<'a>>> {
    let err = |line: usize, message: String| Error::Gazetteer { file: file.to_string(), line, message };
    // A BOM is no part of the first column's name.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut header: Option<Vec<&str>> = None;
    let mut rows = Vec::new();
    for (line, raw) in lines(text) {
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').collect();
        match &header {
            None => {
                for r in required {
                    if !fields.contains(r) {
                        return Err(err(line, format!("header lacks column `{r}` (has: {})", fields.join(", "))));
                    }
                }
                let mut sorted = fields.clone();
                sorted.sort_unstable();
                if let Some(w) = sorted.windows(2).find(|w| w[0] == w[1] && !w[0].is_empty()) {
                    return Err(err(line, format!("column `{}` appears twice in the header", w[0])));
                }
                header = Some(fields);
            }
            Some(h) => {
                if fields.len() < h.len() {
                    // Trailing empty columns may be dropped by editors, but
                    // every required column must be present.
                    let missing: Vec<&str> =
                        h[fields.len()..].iter().copied().filter(|c| required.contains(c)).collect();
                    if !missing.is_empty() {
                        let message = format!(
                            "{} columns, expected {} (missing `{}`)",
                            fields.len(),
                            h.len(),
                            missing.join("`, `")
                        );
                        return Err(err(line, message));
                    }
                }
                if fields.len() > h.len() {
                    return Err(err(line, format!("{} columns, expected {}", fields.len(), h.len())));
                }
                rows.push(Row { line, cols: h.iter().copied().zip(fields.iter().copied()).collect(), file });
            }
        }
    }
    if header.is_none() {
        return Err(err(1, "no header line".into()));
    }
    Ok(rows)
}

/// Checks a Wikidata id: `Q`, then 1 to 10 digits not starting with 0
/// (ids run to about 10⁹; `Q0` and 31 digits are typing errors).
pub(crate) fn check_qid(row: &Row, qid: &str) -> Result<()> {
    let digits = qid.strip_prefix('Q').unwrap_or("");
    let ok = (1..=10).contains(&digits.len()) && !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(row.error(format!("bad Wikidata id {qid:?} (expected Q and 1 to 10 digits, not Q0)")))
    }
}

/// Longest name a table may give, in words and in bytes: the matcher walks
/// a name's words at each position of a text, so a name's length is a
/// factor of the extraction cost (the longest embedded name has 12 words).
pub(crate) const MAX_NAME_WORDS: usize = 24;
/// See [`MAX_NAME_WORDS`].
pub(crate) const MAX_NAME_BYTES: usize = 400;

/// Lowercase words that cannot be names: as a name they would match in
/// every text.
const FUNCTION_WORDS: &[&str] = &[
    "в", "во", "и", "а", "с", "со", "о", "об", "у", "к", "ко", "на", "по", "за", "из", "от", "до", "не", "ни", "но",
    "же", "ли", "бы", "то", "что", "как", "это", "при", "для", "под", "над", "без", "или", "да", "он", "она", "они",
    "мы", "вы", "я", "его", "ее", "её", "их", "так", "уже", "все", "всё", "был", "была", "были", "было", "есть",
];

/// Checks a name, alias or adjective of a row: not one letter, not a
/// lowercase function word, not longer than the caps above.
pub(crate) fn check_name(row: &Row, name: &str) -> Result<()> {
    let bare = name.trim_start_matches(['^', '=']).trim();
    // Two letters are enough to know (a Unicode class lookup per
    // character of every name was a tenth of a large table's build).
    let letters = bare.chars().filter(|c| c.is_alphanumeric()).take(2).count();
    if letters <= 1 {
        return Err(row.error(format!("name {name:?} is a single letter: it would match in every text")));
    }
    if FUNCTION_WORDS.contains(&bare) {
        return Err(row.error(format!("name {name:?} is a common word: it would match in every text")));
    }
    let words = bare.split_whitespace().count();
    if words > MAX_NAME_WORDS || bare.len() > MAX_NAME_BYTES {
        return Err(row.error(format!(
            "name of {words} words and {} bytes is too long (at most {MAX_NAME_WORDS} words, {MAX_NAME_BYTES} bytes)",
            bare.len()
        )));
    }
    Ok(())
}

/// Checks an ISO 3166-1 alpha-2 code (two capital Latin letters).
pub(crate) fn check_iso2(row: &Row, code: &str) -> Result<()> {
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(row.error(format!("bad ISO 3166-1 alpha-2 code {code:?}")))
    }
}
