//! Extracts one `EventRecord` per input text and prints JSON lines.
//!
//! ```text
//! cargo run --release --example extract -- [--date YYYY-MM-DD] [--pretty] [--threads N] PATH...
//! cargo run --release --example extract -- --parts PATH...
//! ```
//!
//! `--parts` prints, instead of records, the parts each input was split
//! into (site text, headline, lead, dateline, body, inline site text,
//! trailer), one line each: `part<TAB>start..end<TAB>text` under a `# id`
//! line — to check what a scraper's output looks like to the extractor.
//!
//! `PATH` is a file, a directory (every `*.txt` below it, sorted) or `-` for
//! standard input. The record's `id` is the path as given. A file that
//! cannot be read or is not UTF-8 gets one line on standard error; the rest
//! are still processed and the exit code is 1.

use dipnews::Extractor;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

struct Args {
    date: Option<String>,
    pretty: bool,
    parts: bool,
    threads: usize,
    paths: Vec<String>,
}

const USAGE: &str = "usage: extract [--date YYYY-MM-DD] [--pretty] [--parts] [--threads N] PATH...\n  PATH: a file, a directory (*.txt below it, sorted) or - for standard input";

fn parse_args() -> Result<Args, String> {
    let mut a = Args { date: None, pretty: false, parts: false, threads: 0, paths: Vec::new() };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--date" => a.date = Some(it.next().ok_or("--date needs a value (YYYY-MM-DD)")?),
            "--pretty" => a.pretty = true,
            "--parts" => a.parts = true,
            "--threads" => {
                let v = it.next().ok_or("--threads needs a number")?;
                a.threads = v.parse().map_err(|_| format!("--threads: not a number: {v}"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            "--" => a.paths.extend(it.by_ref()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => a.paths.push(arg),
        }
    }
    if a.paths.is_empty() {
        return Err("no input given".into());
    }
    Ok(a)
}

/// One input: where it came from (as the user wrote it) and how to read it.
enum Input {
    Stdin,
    File(String, PathBuf),
    /// A path that could not be listed.
    Broken(String, String),
}

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

fn inputs(paths: &[String]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let mut files = Vec::new();
            match collect_txt(path, &mut files) {
                Ok(()) if files.is_empty() => out.push(Input::Broken(p.clone(), "directory has no .txt files".into())),
                Ok(()) => {
                    files.sort();
                    out.extend(files.into_iter().map(|f| Input::File(f.display().to_string(), f)));
                }
                Err(e) => out.push(Input::Broken(p.clone(), e.to_string())),
            }
        } else {
            out.push(Input::File(p.clone(), path.to_path_buf()));
        }
    }
    out
}

fn read(input: &Input) -> Result<(String, String), (String, String)> {
    match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| ("-".to_string(), e.to_string()))?;
            String::from_utf8(buf)
                .map(|t| ("-".to_string(), t))
                .map_err(|e| ("-".to_string(), format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to())))
        }
        Input::File(id, path) => {
            let bytes = std::fs::read(path).map_err(|e| (id.clone(), e.to_string()))?;
            String::from_utf8(bytes)
                .map(|t| (id.clone(), t))
                .map_err(|e| (id.clone(), format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to())))
        }
        Input::Broken(id, why) => Err((id.clone(), why.clone())),
    }
}

/// Reads and extracts one input: a JSON line (or its parts), or an error line.
fn process(ex: &Extractor, input: &Input, args: &Args) -> Result<String, String> {
    let pretty = args.pretty;
    let (id, text) = read(input).map_err(|(id, why)| format!("extract: {id}: {why}"))?;
    if args.parts {
        let parts = ex.parts(&text);
        let mut out = format!("# {id}");
        for (kind, span) in parts.labeled() {
            let line: String = text[span.start..span.end].chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
            out.push_str(&format!("\n{}\t{}..{}\t{line}", kind.as_str(), span.start, span.end));
        }
        return Ok(out);
    }
    let rec = ex.extract_with_id(id, &text);
    let json = if pretty { serde_json::to_string_pretty(&rec) } else { serde_json::to_string(&rec) };
    json.map_err(|e| format!("extract: cannot serialize record: {e}"))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("extract: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut builder = Extractor::builder();
    if let Some(d) = &args.date {
        builder = match builder.reference_date_str(d) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("extract: --date: {e}");
                return ExitCode::from(2);
            }
        };
    }
    // List the inputs while the extractor compiles its tables.
    let (ex, inputs) = std::thread::scope(|s| {
        let listing = s.spawn(|| inputs(&args.paths));
        let ex = builder.build();
        (ex, listing.join().unwrap_or_else(|_| inputs(&args.paths)))
    });
    let threads =
        if args.threads == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { args.threads };
    // Standard input is read on the main thread, in order, like the rest.
    let threads = threads.clamp(1, inputs.len().max(1));
    let results: Vec<Result<String, String>> = if threads == 1 {
        inputs.iter().map(|i| process(&ex, i, &args)).collect()
    } else {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let mut slots: Vec<Option<Result<String, String>>> = (0..inputs.len()).map(|_| None).collect();
        let chunks: Vec<Vec<(usize, Result<String, String>)>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    s.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            if k >= inputs.len() {
                                break;
                            }
                            done.push((k, process(&ex, &inputs[k], &args)));
                        }
                        done
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
        });
        for (k, r) in chunks.into_iter().flatten() {
            slots[k] = Some(r);
        }
        slots
            .into_iter()
            .map(|r| r.unwrap_or_else(|| Err("extract: internal error: input not processed".into())))
            .collect()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for r in results {
        match r {
            Ok(line) => {
                if writeln!(out, "{line}").is_err() {
                    return ExitCode::from(1);
                }
            }
            Err(e) => {
                failed = true;
                let _ = out.flush();
                eprintln!("{e}");
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
