//! The report of a run: one page per article written as it comes, and an
//! `index.html` with the table of records and the charts at the end.

use super::{article_page, charts, date_range, page_into, Clean, INDEX_SHELL};
use crate::record::{EventKind, EventRecord, Format, PartialDate, Role, Status};
use crate::Extractor;
use maud::{html, Markup};
use std::io;
use std::path::{Path, PathBuf};

/// What the index keeps of one record (the text and the page are written
/// out at once, so a run of thousands of articles stays small in memory).
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub id: String,
    pub page: String,
    pub dateline_date: Option<PartialDate>,
    pub date: String,
    /// The event's first day, for the chart.
    pub start: Option<PartialDate>,
    pub kind: EventKind,
    pub status: Status,
    pub format: Format,
    pub venue: String,
    /// ISO codes of the participating states.
    pub states: Vec<String>,
    /// Ids of the participating organizations.
    pub orgs: Vec<String>,
}

impl Row {
    fn new(page: String, id: &str, r: &EventRecord) -> Row {
        let part = |role: Role| role == Role::Participant;
        Row {
            id: id.to_string(),
            page,
            dateline_date: r.dateline.as_ref().and_then(|d| d.date),
            date: date_range(r.date.as_ref()),
            start: r.date.as_ref().map(|d| d.start),
            kind: r.kind,
            status: r.status,
            format: r.format,
            venue: r.location.as_ref().map_or_else(String::new, |p| p.name.clone()),
            states: r.states.iter().filter(|s| part(s.role)).map(|s| s.iso2.clone()).collect(),
            orgs: r.organizations.iter().filter(|o| part(o.role)).map(|o| o.id.clone()).collect(),
        }
    }
}

/// A run written to a folder: [`add`](Report::add) each article, then
/// [`finish`](Report::finish) writes `index.html`.
///
/// ```no_run
/// use dipnews::{html::Report, Extractor};
/// let extractor = Extractor::new();
/// let mut report = Report::create("out")?;
/// let text = std::fs::read_to_string("a.txt")?;
/// let record = extractor.extract_with_id("a.txt", &text);
/// report.add(&extractor, "a.txt", &text, &record)?;
/// report.finish()?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct Report {
    dir: PathBuf,
    rows: Vec<Row>,
}

impl Report {
    /// A report writing into `dir` (created when missing).
    pub fn create(dir: impl Into<PathBuf>) -> io::Result<Report> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir)?;
        Ok(Report { dir, rows: Vec::new() })
    }

    /// Writes the page of one article (`id` names it in the index, e.g. its
    /// path) and returns the page's path. Page names are made by the
    /// report, never taken from `id` as they are.
    pub fn add(&mut self, extractor: &Extractor, id: &str, text: &str, record: &EventRecord) -> io::Result<PathBuf> {
        let name = page_name(self.rows.len() + 1, id);
        let path = self.dir.join(&name);
        std::fs::write(&path, article_page(extractor, text, record))?;
        self.rows.push(Row::new(name, id, record));
        Ok(path)
    }

    /// The index page of the articles added so far.
    pub fn index_html(&self) -> String {
        let body = html! {
            header { h1 { "dipnews: " (self.rows.len()) " records" } }
            main.index {
                section { h2 { "Events per month, by kind" } (charts::months(&self.rows)) }
                section { h2 { "States that took part in events together" } (charts::matrix(&self.rows)) }
                section { h2 { "Records" } (table(&self.rows)) }
            }
        };
        page_into(&INDEX_SHELL, "dipnews: a run", body.0.len(), |out| out.push_str(&body.0))
    }

    /// Writes `index.html` and returns its path.
    pub fn finish(self) -> io::Result<PathBuf> {
        let path = self.dir.join("index.html");
        std::fs::write(&path, self.index_html())?;
        Ok(path)
    }
}

/// `0007-dev-007-tass-visit.html`: a number keeps names unique, the file
/// stem (ASCII letters, digits, `-`, `_` only) keeps them readable.
fn page_name(n: usize, id: &str) -> String {
    let stem = Path::new(id).file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let mut slug = String::new();
    for c in stem.chars().take(60) {
        let c = if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' };
        if !(c == '-' && (slug.is_empty() || slug.ends_with('-'))) {
            slug.push(c);
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("{n:04}.html")
    } else {
        format!("{n:04}-{slug}.html")
    }
}

/// The table of records; `data-sort` holds what a column sorts by where the
/// cell's text would sort wrongly (missing dates last).
fn table(rows: &[Row]) -> Markup {
    let heads = ["file", "dateline date", "event date", "kind", "status", "format", "venue", "participants"];
    html! {
        table.sortable {
            thead { tr { @for h in heads { th { button type="button" { (h) } } } } }
            tbody {
                @for r in rows {
                    tr {
                        td { a href=(r.page) { (Clean(&r.id)) } }
                        td data-sort=(sort_date(r.dateline_date)) { (r.dateline_date.map(|d| d.to_string()).unwrap_or_default()) }
                        td data-sort=(sort_date(r.start)) { (r.date) }
                        td { (r.kind.as_str()) }
                        td { (r.status.as_str()) }
                        td { (r.format.as_str()) }
                        td { (Clean(&r.venue)) }
                        td { (Clean(&r.states.iter().chain(&r.orgs).cloned().collect::<Vec<_>>().join(", "))) }
                    }
                }
            }
        }
    }
}

/// A key that sorts partial dates in time order, dates with no year after
/// dated ones and no date last.
fn sort_date(d: Option<PartialDate>) -> String {
    match d {
        Some(d) => format!(
            "{}-{:02}-{:02}",
            d.year.map_or_else(|| "9999".to_string(), |y| format!("{y:04}")),
            d.month.unwrap_or(0),
            d.day.unwrap_or(0)
        ),
        None => "~".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_names_are_safe() {
        assert_eq!(page_name(7, "../shared/data/dev/dev-007-tass visit.txt"), "0007-dev-007-tass-visit.html");
        assert_eq!(page_name(1, "javascript:alert(1)"), "0001-javascript-alert-1.html");
        assert_eq!(page_name(2, "статья.txt"), "0002.html");
        assert_eq!(page_name(3, "-"), "0003.html");
    }

    #[test]
    fn dates_sort_in_time_order() {
        let keys: Vec<String> =
            [Some(PartialDate::ymd(2020, 10, 6)), Some(PartialDate::ym(2020, 10)), None, Some(PartialDate::md(1, 2))]
                .into_iter()
                .map(sort_date)
                .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(sorted, [keys[1].clone(), keys[0].clone(), keys[3].clone(), keys[2].clone()]);
    }
}
