//! The pipeline: a walker thread numbers the jobs, workers extract them,
//! the main thread writes them in order. A window of permits bounds how
//! many jobs are between the walker and the output.

use crate::inputs::{self, Job};
use crate::Config;
use dipnews::{Extractor, Options};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What became of one job: a JSON record, a line for standard error, or a
/// note for standard error that is no failure.
enum Outcome {
    /// A record's JSON, with the text and record when pages are written.
    Record(String, Option<Box<Page>>),
    Failed(String),
    Note(String),
}

/// What an article's HTML page is made of.
struct Page {
    id: String,
    text: String,
    record: dipnews::EventRecord,
}

/// Extracts one job.
fn process(ex: &Extractor, cfg: &Config, job: Job) -> Outcome {
    let (id, text, date) = match job {
        Job::Failed(line) => return Outcome::Failed(line),
        Job::Note(line) => return Outcome::Note(line),
        Job::Text { id, text, date } => (id, text, date),
        Job::File { id, path } => match inputs::read_file(&path).and_then(inputs::utf8) {
            Ok(text) => (id, text, None),
            Err(e) => return Outcome::Failed(format!("{id}: {e}")),
        },
    };
    let mut opts = Options::new().id(id.clone()).char_offsets(cfg.char_offsets);
    if let Some(d) = date.or(cfg.date) {
        opts = opts.reference_date(d);
    }
    let rec = ex.extract_with(&text, &opts);
    let json = if cfg.pretty { serde_json::to_string_pretty(&rec) } else { serde_json::to_string(&rec) };
    // A page marks byte spans: the record as extracted, before any
    // conversion to characters.
    let page = cfg.html.as_ref().map(|_| {
        let record = if cfg.char_offsets { ex.extract_with(&text, &opts.clone().char_offsets(false)) } else { rec };
        Box::new(Page { id, text, record })
    });
    match json {
        Ok(line) => Outcome::Record(line, page),
        Err(e) => Outcome::Failed(format!("cannot serialize a record: {e}")),
    }
}

/// Writes outcomes to standard output and error, counting failures.
struct Writer {
    out: io::BufWriter<io::StdoutLock<'static>>,
    /// Flush after every record: someone is watching.
    eager: bool,
    failed: bool,
    progress: ProgressBar,
    /// `--html`: the run's pages and index, and the extractor that reads
    /// an article's parts for them.
    report: Option<(dipnews::html::Report, Extractor)>,
}

/// Standard output cannot be written: `Ok` when it was closed by the
/// reader (a pipe into `head`), which ends the run quietly.
struct Stop(Result<(), io::Error>);

fn stop(e: io::Error) -> Stop {
    Stop(if e.kind() == io::ErrorKind::BrokenPipe { Ok(()) } else { Err(e) })
}

impl Writer {
    fn new(report: Option<(dipnews::html::Report, Extractor)>) -> Writer {
        let stdout = io::stdout();
        let eager = stdout.is_terminal();
        // Drawn only when standard error is a terminal.
        let progress = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {human_pos} texts, {per_sec}") {
            progress.set_style(style);
        }
        Writer { out: io::BufWriter::new(stdout.lock()), eager, failed: false, progress, report }
    }

    fn write(&mut self, o: Outcome) -> Result<(), Stop> {
        match o {
            Outcome::Record(line, page) => {
                writeln!(self.out, "{line}").map_err(stop)?;
                if let (Some((report, ex)), Some(p)) = (self.report.as_mut(), page) {
                    if let Err(e) = report.add(ex, &p.id, &p.text, &p.record) {
                        self.failed = true;
                        self.note(&format!("{}: cannot write its page: {e}", p.id))?;
                    }
                }
                if self.eager {
                    self.out.flush().map_err(stop)?;
                }
                self.progress.inc(1);
            }
            Outcome::Failed(line) => {
                self.failed = true;
                self.note(&line)?;
            }
            Outcome::Note(line) => self.note(&line)?,
        }
        Ok(())
    }

    /// A line on standard error, after the records before it.
    fn note(&mut self, line: &str) -> Result<(), Stop> {
        self.out.flush().map_err(stop)?;
        self.progress.suspend(|| eprintln!("dipnews: {line}"));
        Ok(())
    }

    /// Flushes and gives the exit code: 0, 1 when an input failed, 130
    /// on Ctrl-C; a closed standard output ends quietly with 0.
    fn finish(&mut self, result: Result<(), Stop>, interrupted: bool) -> u8 {
        self.progress.finish_and_clear();
        if let Some((report, _)) = self.report.take() {
            match report.finish() {
                Ok(index) => eprintln!("dipnews: wrote {}", index.display()),
                Err(e) => {
                    eprintln!("dipnews: cannot write the run's index: {e}");
                    self.failed = true;
                }
            }
        }
        match result.and_then(|()| self.out.flush().map_err(stop)) {
            Err(Stop(Ok(()))) => return 0,
            Err(Stop(Err(e))) => {
                eprintln!("dipnews: cannot write the output: {e}");
                return 1;
            }
            Ok(()) => {}
        }
        if interrupted {
            eprintln!("dipnews: interrupted; the records written are complete");
            130
        } else {
            u8::from(self.failed)
        }
    }
}

/// Set by SIGINT. A second Ctrl-C kills at once (the default action is
/// restored after the first), in case a read blocks.
fn interrupt_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let sig = signal_hook::consts::SIGINT;
    let set = signal_hook::flag::register_conditional_default(sig, Arc::clone(&flag))
        .and_then(|_| signal_hook::flag::register(sig, Arc::clone(&flag)));
    if let Err(e) = set {
        eprintln!("dipnews: Ctrl-C will not keep partial output: {e}");
    }
    flag
}

/// Runs the whole command; returns the exit code.
pub fn run(cfg: &Config) -> u8 {
    let interrupted = interrupt_flag();
    let ex = Extractor::new();
    let report = match &cfg.html {
        None => None,
        Some(dir) => match dipnews::html::Report::create(dir) {
            Ok(r) => Some((r, ex.clone())),
            Err(e) => {
                eprintln!("dipnews: --html {}: {e}", dir.display());
                return 2;
            }
        },
    };
    let mut w = Writer::new(report);
    let result = std::thread::scope(|s| {
        let result = pipeline(s, cfg, &ex, &mut w, &interrupted);
        if result.is_err() || interrupted.load(Ordering::Relaxed) {
            // Threads may be blocked on input (a terminal, an idle pipe):
            // they are not waited for. What is done is written.
            std::process::exit(w.finish(result, interrupted.load(Ordering::Relaxed)).into());
        }
        result
    });
    w.finish(result, interrupted.load(Ordering::Relaxed))
}

/// Starts the walker and the workers, and writes what they give.
fn pipeline<'s>(
    s: &'s std::thread::Scope<'s, '_>,
    cfg: &'s Config,
    ex: &'s Extractor,
    w: &mut Writer,
    interrupted: &AtomicBool,
) -> Result<(), Stop> {
    {
        // Channels live in this function: when it returns they close, and
        // the walker and workers, waiting on them, end.
        let window = 8 * cfg.threads.max(1);
        let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Job)>(window);
        let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(window);
        // Each job sent takes a permit; each result written gives it back.
        for _ in 0..window {
            let _ = permit_tx.send(());
        }
        let walker = std::thread::Builder::new().name("walk".into()).spawn_scoped(s, move || {
            let mut seq = 0;
            cfg.walk.run(&cfg.paths, &mut |job| {
                // Wait until the output has room, then hand the job on.
                let ok = permit_rx.recv().is_ok() && job_tx.send((seq, job)).is_ok();
                seq += 1;
                ok
            });
        });
        if let Err(e) = walker {
            // No thread at all: walk and extract here, one input at a time.
            w.note(&format!("cannot start a thread ({e}); working on this one"))?;
            let mut res = Ok(());
            cfg.walk.run(&cfg.paths, &mut |job| {
                res = w.write(process(ex, cfg, job));
                res.is_ok() && !interrupted.load(Ordering::Relaxed)
            });
            return res;
        }
        let job_rx = Arc::new(Mutex::new(job_rx));
        let (res_tx, res_rx) = mpsc::channel::<(usize, Outcome)>();
        let mut started = 0;
        for i in 0..cfg.threads {
            let (jobs, results) = (Arc::clone(&job_rx), res_tx.clone());
            let spawned = std::thread::Builder::new()
                .name(format!("extract-{i}"))
                .spawn_scoped(s, move || worker(ex, cfg, &jobs, &results));
            if let Err(e) = spawned {
                w.note(&format!("started {started} of {} worker threads ({e}); going on with those", cfg.threads))?;
                break;
            }
            started += 1;
        }
        drop(res_tx);
        if started == 0 {
            // The walker runs; this thread extracts and writes, in order.
            return extract_here(w, ex, cfg, &job_rx, &permit_tx, interrupted);
        }
        write_in_order(w, &res_rx, &permit_tx, interrupted)
    }
}

/// Extracts the walker's jobs on this thread (no worker could start).
fn extract_here(
    w: &mut Writer,
    ex: &Extractor,
    cfg: &Config,
    jobs: &Mutex<Receiver<(usize, Job)>>,
    permits: &SyncSender<()>,
    interrupted: &AtomicBool,
) -> Result<(), Stop> {
    while let Some(Ok((_, job))) = jobs.lock().ok().map(|rx| rx.recv()) {
        w.write(process(ex, cfg, job))?;
        let _ = permits.try_send(());
        if interrupted.load(Ordering::Relaxed) {
            break;
        }
    }
    Ok(())
}

/// Extracts jobs until there are none left.
fn worker(
    ex: &Extractor,
    cfg: &Config,
    jobs: &Mutex<Receiver<(usize, Job)>>,
    results: &mpsc::Sender<(usize, Outcome)>,
) {
    loop {
        let next = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, job)) = next else { return };
        if results.send((seq, process(ex, cfg, job))).is_err() {
            return;
        }
    }
}

/// Writes results as soon as all those before them are written. Returns
/// when every result is written, or on Ctrl-C.
fn write_in_order(
    w: &mut Writer,
    results: &Receiver<(usize, Outcome)>,
    permits: &SyncSender<()>,
    interrupted: &AtomicBool,
) -> Result<(), Stop> {
    let mut pending = BTreeMap::new();
    let mut next = 0;
    loop {
        match results.recv_timeout(Duration::from_millis(100)) {
            Ok((seq, o)) => {
                pending.insert(seq, o);
                while let Some(o) = pending.remove(&next) {
                    w.write(o)?;
                    next += 1;
                    let _ = permits.try_send(());
                }
            }
            // Nothing new for a while (input is slow to come): show what
            // is done.
            Err(RecvTimeoutError::Timeout) => w.out.flush().map_err(stop)?,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        if interrupted.load(Ordering::Relaxed) {
            return Ok(());
        }
    }
}
