//! Prints one token per line (`start end kind text`), or checks the
//! tokenizer against partition files.
//!
//! ```text
//! cargo run --release --example tokenize -- [FILE...]           # stdin when no file
//! cargo run --release --example tokenize -- --partitions FILE [--show-errors K]
//! ```
//!
//! A partition line is a text cut into its tokens with `|` (razdel's test
//! format): `кому-то|,| |...`; a chunk of spaces is the space between two
//! tokens. The last line printed is `agree N of M`.

use dipnews::text::tokenize;
use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut files = Vec::new();
    let mut partitions = None;
    let mut show = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--partitions" => partitions = args.next(),
            "--show-errors" => show = args.next().and_then(|v| v.parse().ok()).unwrap_or(10),
            "-h" | "--help" => {
                eprintln!("usage: tokenize [FILE...] | --partitions FILE [--show-errors K]");
                return ExitCode::SUCCESS;
            }
            _ => files.push(a),
        }
    }
    if let Some(p) = partitions {
        return check_partitions(&p, show);
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut texts: Vec<(String, Result<String, String>)> = Vec::new();
    if files.is_empty() {
        let mut s = String::new();
        let r = std::io::stdin().read_to_string(&mut s).map(|_| s).map_err(|e| e.to_string());
        texts.push(("-".into(), r));
    }
    for f in files {
        let r = std::fs::read(&f)
            .map_err(|e| e.to_string())
            .and_then(|b| String::from_utf8(b).map_err(|_| "not UTF-8".to_string()));
        texts.push((f, r));
    }
    for (name, r) in texts {
        match r {
            Ok(text) => {
                for t in tokenize(&text) {
                    let _ = writeln!(out, "{}\t{}\t{:?}\t{}", t.span().start, t.span().end, t.kind(), t.text(&text));
                }
            }
            Err(e) => {
                eprintln!("tokenize: {name}: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn check_partitions(path: &str, show: usize) -> ExitCode {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("tokenize: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let (mut agree, mut total, mut shown) = (0usize, 0usize, 0usize);
    for line in std::io::BufReader::new(file).lines() {
        let Ok(line) = line else { continue };
        if line.is_empty() {
            continue;
        }
        let chunks: Vec<&str> = line.split('|').collect();
        let text: String = chunks.concat();
        let want: Vec<&str> = chunks.iter().copied().filter(|c| !c.trim().is_empty()).collect();
        let got: Vec<&str> = tokenize(&text).iter().map(|t| t.text(&text)).collect();
        total += 1;
        if got == want {
            agree += 1;
        } else if shown < show {
            shown += 1;
            println!("want {}\ngot  {}\n", want.join(" | "), got.join(" | "));
        }
    }
    println!("agree {agree} of {total}");
    ExitCode::SUCCESS
}
