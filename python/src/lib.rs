//! The `dipnews._dipnews` extension module: [`dipnews::Extractor`] for
//! Python. Records cross into Python as the contract's JSON (serialized by
//! `serde_json` on the worker threads, parsed by Python's `json`), so the
//! dicts have exactly the keys and values the example binary prints; only
//! the spans change, to character offsets, unless `byte_spans=True`.

use dipnews::{Gazetteer, GazetteerBuilder, PartialDate};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

pyo3::create_exception!(
    dipnews,
    Error,
    PyValueError,
    "Bad options or gazetteers (the message is the Rust library's). A ValueError."
);

fn error(e: dipnews::Error) -> PyErr {
    Error::new_err(e.to_string())
}

/// Python's `json.loads` (C-accelerated), which turns the record's JSON into
/// dicts and lists exactly as a Python reader of the binary's output would.
fn json_loads(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    py.import("json")?.getattr("loads")
}

/// A reference date from a `YYYY-MM-DD` string or a `datetime.date`.
fn reference_date(date: &Bound<'_, PyAny>) -> PyResult<PartialDate> {
    let text = match date.extract::<String>() {
        Ok(s) => s,
        Err(_) => match (date.getattr("year"), date.getattr("month"), date.getattr("day")) {
            (Ok(y), Ok(m), Ok(d)) => {
                format!("{:04}-{:02}-{:02}", y.extract::<i64>()?, m.extract::<i64>()?, d.extract::<i64>()?)
            }
            _ => return Err(PyTypeError::new_err("date must be a 'YYYY-MM-DD' string or a datetime.date")),
        },
    };
    // The core's checks, so that the message is the library's.
    dipnews::Extractor::builder().reference_date_str(&text).map_err(error)?;
    text.parse::<PartialDate>().map_err(|e| Error::new_err(e.to_string()))
}

/// One document of `extract_many`: its text, id and reference date.
struct Item {
    text: String,
    id: Option<String>,
    date: Option<PartialDate>,
}

fn optional_str(v: Option<Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    match v {
        Some(v) if !v.is_none() => v.extract().map(Some),
        _ => Ok(None),
    }
}

fn optional_date(v: Option<Bound<'_, PyAny>>) -> PyResult<Option<PartialDate>> {
    match v {
        Some(v) if !v.is_none() => reference_date(&v).map(Some),
        _ => Ok(None),
    }
}

impl Item {
    /// A `str`, a `(text, id, date)` tuple (id and date optional) or a dict
    /// with the keys `text`, `id`, `date`.
    fn from_py(v: &Bound<'_, PyAny>) -> PyResult<Item> {
        if let Ok(text) = v.extract::<String>() {
            return Ok(Item { text, id: None, date: None });
        }
        if let Ok(d) = v.cast::<PyDict>() {
            let text = d.get_item("text")?.ok_or_else(|| PyTypeError::new_err("a document dict needs a 'text' key"))?;
            return Ok(Item {
                text: text.extract()?,
                id: optional_str(d.get_item("id")?)?,
                date: optional_date(d.get_item("date")?)?,
            });
        }
        if let Ok(t) = v.cast::<PyTuple>() {
            if (1..=3).contains(&t.len()) {
                return Ok(Item {
                    text: t.get_item(0)?.extract()?,
                    id: optional_str(t.get_item(1).ok())?,
                    date: optional_date(t.get_item(2).ok())?,
                });
            }
        }
        Err(PyTypeError::new_err(format!(
            "a document is a str, a (text, id, date) tuple or a dict with 'text', 'id', 'date'; got {}",
            v.get_type().name()?
        )))
    }
}

/// Reads Russian diplomatic news and returns one record (a dict) per
/// article; see the contract for its keys.
///
/// `reference_date` (a `'YYYY-MM-DD'` string or a `datetime.date`) is the
/// texts' publication day, used for «вчера», weekdays and missing years.
/// `gazetteers` is a folder of TSV tables (`states.tsv`, `organizations.tsv`,
/// `cities.tsv`, `agencies.tsv`, `regions.tsv`, any subset) added to the
/// embedded ones. Spans are character offsets into the Python `str`
/// (`text[start:end] == mention["text"]`); `byte_spans=True` keeps the
/// contract's UTF-8 byte offsets instead. Raises `dipnews.Error` (a
/// `ValueError`) for a bad date or gazetteer folder.
#[pyclass(module = "dipnews", frozen)]
struct Extractor {
    reference: Option<PartialDate>,
    inner: dipnews::Extractor,
    byte_spans: bool,
}

impl Extractor {
    /// The record's JSON. Runs on any thread, without the GIL; the
    /// document's own date, if any, overrides the extractor's.
    fn record(&self, item: &Item) -> Result<String, String> {
        let mut options = dipnews::Options::new().char_offsets(!self.byte_spans);
        if let Some(d) = item.date {
            options = options.reference_date(d);
        }
        if let Some(id) = &item.id {
            options = options.id(id.clone());
        }
        let rec = self.inner.extract_with(&item.text, &options);
        serde_json::to_string(&rec).map_err(|e| format!("cannot serialize the record: {e}"))
    }
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (reference_date=None, gazetteers=None, *, byte_spans=false))]
    fn new(
        py: Python<'_>,
        reference_date: Option<Bound<'_, PyAny>>,
        gazetteers: Option<std::path::PathBuf>,
        byte_spans: bool,
    ) -> PyResult<Extractor> {
        let reference = optional_date(reference_date)?;
        let gazetteer = match gazetteers {
            None => Gazetteer::embedded(),
            Some(dir) => {
                py.detach(|| GazetteerBuilder::new().embedded().add_dir(dir)?.build()).map(Arc::new).map_err(error)?
            }
        };
        let mut builder = dipnews::Extractor::builder().gazetteer(gazetteer);
        if let Some(d) = reference {
            builder = builder.reference_date(d);
        }
        let inner = py.detach(|| builder.build());
        Ok(Extractor { reference, inner, byte_spans })
    }

    /// Reads one article and returns its record as a dict.
    ///
    /// `id` is copied into the record; `date` overrides the extractor's
    /// reference date for this text.
    #[pyo3(signature = (text, id=None, date=None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: String,
        id: Option<String>,
        date: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let item = Item { text, id, date: optional_date(date)? };
        let json = py.detach(|| self.record(&item));
        json_loads(py)?.call1((json.map_err(PyValueError::new_err)?,))
    }

    /// Reads many articles on `threads` threads (default: one per core),
    /// without the GIL, and returns their records in input order.
    ///
    /// `texts` is any iterable of documents: a `str`, a `(text, id, date)`
    /// tuple (id and date may be None or left out) or a dict with the keys
    /// `text`, `id`, `date`.
    #[pyo3(signature = (texts, threads=None))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let items: Vec<Item> = texts.try_iter()?.map(|v| Item::from_py(&v?)).collect::<PyResult<_>>()?;
        let threads = match threads {
            Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let records = py.detach(|| self.run(items, threads));
        let loads = json_loads(py)?;
        let out = PyList::empty(py);
        for json in records {
            out.append(loads.call1((json.map_err(PyValueError::new_err)?,))?)?;
        }
        Ok(out)
    }

    fn __repr__(&self) -> String {
        let date = self.reference.map_or("None".to_string(), |d| format!("'{d}'"));
        format!("Extractor(reference_date={date}, byte_spans={})", if self.byte_spans { "True" } else { "False" })
    }
}

impl Extractor {
    /// Extracts `items` on up to `threads` threads; records in input order.
    fn run(&self, items: Vec<Item>, threads: usize) -> Vec<Result<String, String>> {
        let threads = threads.clamp(1, items.len().max(1));
        let record = |k: usize| self.record(&items[k]);
        if threads == 1 {
            return (0..items.len()).map(record).collect();
        }
        let next = AtomicUsize::new(0);
        let mut slots: Vec<Option<Result<String, String>>> = (0..items.len()).map(|_| None).collect();
        let done: Vec<Vec<(usize, Result<String, String>)>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    s.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let k = next.fetch_add(1, Ordering::Relaxed);
                            if k >= items.len() {
                                return mine;
                            }
                            mine.push((k, record(k)));
                        }
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
        });
        for (k, rec) in done.into_iter().flatten() {
            slots[k] = Some(rec);
        }
        // A worker that died (extraction does not panic) leaves its documents
        // to this thread: every input gets its record, in order.
        slots.into_iter().enumerate().map(|(k, r)| r.unwrap_or_else(|| record(k))).collect()
    }
}

/// dipnews: diplomatic events from Russian-language news.
#[pymodule]
fn _dipnews(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Extractor>()?;
    m.add("Error", m.py().get_type::<Error>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
