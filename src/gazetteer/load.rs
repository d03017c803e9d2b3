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

/// Parses a table whose header must contain `required` columns.
pub(crate) fn parse<'a>(file: &'a str, text: &'a str, required: &[&str]) -> Result<Vec<Row<'a>>> {
    let mut header: Option<Vec<&str>> = None;
    let mut rows = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').collect();
        match &header {
            None => {
                for r in required {
                    if !fields.contains(r) {
                        return Err(Error::Gazetteer {
                            file: file.to_string(),
                            line,
                            message: format!("header lacks column `{r}` (has: {})", fields.join(", ")),
                        });
                    }
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
                        return Err(Error::Gazetteer {
                            file: file.to_string(),
                            line,
                            message: format!(
                                "{} columns, expected {} (missing `{}`)",
                                fields.len(),
                                h.len(),
                                missing.join("`, `")
                            ),
                        });
                    }
                }
                if fields.len() > h.len() {
                    return Err(Error::Gazetteer {
                        file: file.to_string(),
                        line,
                        message: format!("{} columns, expected {}", fields.len(), h.len()),
                    });
                }
                rows.push(Row { line, cols: h.iter().copied().zip(fields.iter().copied()).collect(), file });
            }
        }
    }
    if header.is_none() {
        return Err(Error::Gazetteer { file: file.to_string(), line: 1, message: "no header line".into() });
    }
    Ok(rows)
}

/// Checks a Wikidata id (`Q` and digits).
pub(crate) fn check_qid(row: &Row, qid: &str) -> Result<()> {
    let ok = qid.len() >= 2 && qid.starts_with('Q') && qid[1..].bytes().all(|b| b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(row.error(format!("bad Wikidata id {qid:?} (expected Q followed by digits)")))
    }
}

/// Checks an ISO 3166-1 alpha-2 code (two capital Latin letters).
pub(crate) fn check_iso2(row: &Row, code: &str) -> Result<()> {
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(row.error(format!("bad ISO 3166-1 alpha-2 code {code:?}")))
    }
}
