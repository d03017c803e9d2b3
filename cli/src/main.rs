//! `dipnews`: one JSON record per input text, streamed in input order.
//!
//! Inputs are walked lazily on one thread, extracted on worker threads
//! and written in order by the main thread; at most a fixed window of
//! inputs is between the walker and the output, so memory stays flat in
//! the number of inputs. Every bad input is one line on standard error and
//! the rest is still processed.

mod inputs;
mod run;

use clap::{value_parser, Arg, ArgAction, Command};
use dipnews::PartialDate;
use std::ffi::OsString;
use std::io::IsTerminal;
use std::process::ExitCode;

/// What the command line asks for.
pub struct Config {
    pub paths: Vec<OsString>,
    pub date: Option<PartialDate>,
    pub pretty: bool,
    pub char_offsets: bool,
    pub threads: usize,
    pub walk: inputs::Walk,
    /// `--html DIR`: also write one page per input and an index there.
    pub html: Option<std::path::PathBuf>,
}

fn command() -> Command {
    Command::new("dipnews")
        .version(env!("CARGO_PKG_VERSION"))
        .about("Reads Russian-language diplomatic news and prints one JSON event record per text")
        .after_help(
            "PATH is a file, a folder (every *.txt below it, sorted; *.jsonl with --jsonl) or - for standard \
             input, which is also read when no PATH is given and it is not a terminal. A bad input is one line \
             on standard error; the others are still processed and the exit code is 1.",
        )
        .arg(
            Arg::new("paths")
                .value_name("PATH")
                .num_args(0..)
                .value_parser(value_parser!(OsString))
                .help("Files, folders, or - for standard input"),
        )
        .arg(
            Arg::new("date")
                .long("date")
                .value_name("YYYY-MM-DD")
                .value_parser(PartialDate::parse_day)
                .help("Reference date (day of publication) of inputs that do not give their own"),
        )
        .arg(
            Arg::new("jsonl")
                .long("jsonl")
                .action(ArgAction::SetTrue)
                .help("Inputs are JSON lines: {\"id\", \"text\", \"date\"?} each, the date its reference date"),
        )
        .arg(Arg::new("pretty").long("pretty").action(ArgAction::SetTrue).help("Indent the JSON"))
        .arg(
            Arg::new("char_offsets")
                .long("char-offsets")
                .action(ArgAction::SetTrue)
                .help("Spans in Unicode code points instead of UTF-8 bytes (adds \"offsets\": \"chars\")"),
        )
        .arg(
            Arg::new("threads")
                .long("threads")
                .value_name("N")
                .value_parser(value_parser!(u32).range(1..=4096))
                .help("Worker threads (default and most: the number of cores)"),
        )
        .arg(
            Arg::new("html")
                .long("html")
                .value_name("DIR")
                .value_parser(value_parser!(std::path::PathBuf))
                .help("Also write an HTML page of each record over its article, and index.html, into DIR"),
        )
        .arg(
            Arg::new("follow_symlinks")
                .long("follow-symlinks")
                .action(ArgAction::SetTrue)
                .help("Follow symbolic links inside folders (loops are detected)"),
        )
}

fn config() -> Config {
    let m = command().get_matches();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut paths: Vec<OsString> = m.get_many::<OsString>("paths").map(|v| v.cloned().collect()).unwrap_or_default();
    if paths.is_empty() {
        if std::io::stdin().is_terminal() {
            command()
                .error(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    "no PATH given and standard input is a terminal",
                )
                .exit();
        }
        paths.push("-".into());
    }
    Config {
        paths,
        date: m.get_one::<PartialDate>("date").copied(),
        pretty: m.get_flag("pretty"),
        char_offsets: m.get_flag("char_offsets"),
        // More threads than cores only adds switching.
        threads: m.get_one::<u32>("threads").map_or(cores, |&n| (n as usize).min(cores)),
        walk: inputs::Walk { jsonl: m.get_flag("jsonl"), follow_symlinks: m.get_flag("follow_symlinks") },
        html: m.get_one::<std::path::PathBuf>("html").cloned(),
    }
}

fn main() -> ExitCode {
    let cfg = config();
    ExitCode::from(run::run(&cfg))
}

#[cfg(test)]
mod tests {
    #[test]
    fn command_is_well_formed() {
        super::command().debug_assert();
    }
}
