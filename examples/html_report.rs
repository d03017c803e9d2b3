//! Writes an HTML report of a run: one page per input plus `index.html`.
//!
//! ```text
//! cargo run --release --example html_report --features html -- OUT_DIR PATH...
//! ```
//!
//! `PATH` is a file or a directory (every `*.txt` below it, sorted). Each
//! page's path is printed as it is written, then the index's. A file that
//! cannot be read or is not UTF-8 gets one line on standard error, the rest
//! are still processed and the exit code is 1. The work is in
//! `dipnews::html::Report`; this program only lists and reads the inputs.

use dipnews::html::Report;
use dipnews::Extractor;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Every `*.txt` below `dir`, sorted.
fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_txt(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--").collect();
    let Some((out_dir, paths)) = args.split_first().filter(|(_, p)| !p.is_empty()) else {
        eprintln!("usage: html_report OUT_DIR PATH...\n  PATH: a file or a directory (*.txt below it, sorted)");
        return ExitCode::from(2);
    };
    let mut files = Vec::new();
    let mut failed = false;
    for p in paths {
        let path = PathBuf::from(p);
        if path.is_dir() {
            if let Err(e) = collect_txt(&path, &mut files) {
                eprintln!("html_report: {p}: {e}");
                failed = true;
            }
        } else {
            files.push(path);
        }
    }
    let extractor = Extractor::new();
    let mut report = match Report::create(out_dir) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("html_report: {out_dir}: {e}");
            return ExitCode::from(1);
        }
    };
    for f in &files {
        let id = f.display().to_string();
        let text = match std::fs::read(f).map(String::from_utf8) {
            Ok(Ok(t)) => t,
            Ok(Err(e)) => {
                eprintln!("html_report: {id}: not UTF-8 (byte {})", e.utf8_error().valid_up_to());
                failed = true;
                continue;
            }
            Err(e) => {
                eprintln!("html_report: {id}: {e}");
                failed = true;
                continue;
            }
        };
        let record = extractor.extract_with_id(id.as_str(), &text);
        match report.add(&extractor, &id, &text, &record) {
            Ok(page) => println!("{}", page.display()),
            Err(e) => {
                eprintln!("html_report: {out_dir}: {e}");
                return ExitCode::from(1);
            }
        }
    }
    match report.finish() {
        Ok(index) => println!("{}", index.display()),
        Err(e) => {
            eprintln!("html_report: {out_dir}: {e}");
            return ExitCode::from(1);
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
