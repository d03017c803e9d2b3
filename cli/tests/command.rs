//! The built `dipnews` command on good and bad inputs: every good input
//! printed in order, one stderr line per bad one, the conventions of a
//! command-line tool.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_dipnews");
const TEXT: &str = "МОСКВА, 12 марта. /ТАСС/. Министр иностранных дел России провел телефонный разговор с министром \
                    иностранных дел Казахстана.";

fn cmd(args: &[&OsStr]) -> Command {
    let mut c = Command::new(BIN);
    c.args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    c
}

/// Runs to the end, killing the command if it hangs (a FIFO must not
/// block it) so the test fails instead of hanging.
fn finish(mut child: Child) -> Output {
    let start = Instant::now();
    fn drain(r: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut v = Vec::new();
            if let Some(mut r) = r {
                let _ = r.read_to_end(&mut v);
            }
            v
        })
    }
    let reader = drain(child.stdout.take());
    let err_reader = drain(child.stderr.take());
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("dipnews hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output { status, stdout: reader.join().unwrap(), stderr: err_reader.join().unwrap() }
}

fn run(args: &[&str]) -> Output {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    finish(cmd(&args).spawn().unwrap())
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    let mut child = cmd(&args).stdin(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = finish(child);
    feeder.join().unwrap();
    out
}

fn ids(o: &Output) -> Vec<String> {
    String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect()
}

fn stderr_lines(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stderr).lines().map(str::to_string).collect()
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("dipnews-cmd-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    fn file(&self, name: &str) -> String {
        let p = self.0.join(name);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).unwrap();
        }
        std::fs::write(&p, TEXT).unwrap();
        p.display().to_string()
    }
    fn s(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = Command::new("chmod").args(["-R", "u+rwx"]).arg(&self.0).stderr(Stdio::null()).status();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn mkfifo(p: &Path) {
    assert!(Command::new("mkfifo").arg(p).status().unwrap().success());
}

#[test]
fn help_and_version_go_to_stdout_with_success() {
    let o = run(&["--help"]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("Usage: dipnews"));
    assert!(o.stderr.is_empty());
    let o = run(&["--version"]);
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), format!("dipnews {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn options_take_equals_and_bad_ones_are_named() {
    let d = TempDir::new("opts");
    let f = d.file("a.txt");
    let o = run(&["--threads=2", "--date=2024-03-12", &f]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(ids(&o), std::slice::from_ref(&f));
    // A misspelt flag: exit 2 and a suggestion.
    let o = run(&["--prety", &f]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("'--pretty'"));
    // `-p` is no path.
    let o = run(&["-p", &f]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    for bad in [["--threads", "0"], ["--threads", "x"]] {
        let o = run(&[bad[0], bad[1], &f]);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
    }
    // A huge thread count is capped, not obeyed.
    let o = run(&["--threads", "4096", &f]);
    assert!(o.status.success());
    assert_eq!(ids(&o).len(), 1);
}

#[test]
fn dates_are_calendar_days() {
    let d = TempDir::new("dates");
    let f = d.file("a.txt");
    for good in ["2024-02-29", "2000-02-29", "2023-04-30"] {
        assert!(run(&["--date", good, &f]).status.success(), "{good}");
    }
    for bad in ["2023-02-29", "1900-02-29", "2024-02-31", "2024-04-31", "2024-13-01", "2024-00-10", "2024-05"] {
        let o = run(&["--date", bad, &f]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(o.stdout.is_empty(), "{bad}");
    }
    // The same check for a JSON line's own date: one line, the rest kept.
    let input = "{\"id\": \"ok\", \"text\": \"x\", \"date\": \"2024-02-29\"}\n\
                 {\"id\": \"feb\", \"text\": \"x\", \"date\": \"2023-02-29\"}\n\
                 {\"id\": \"apr\", \"text\": \"x\", \"date\": \"2024-04-31\"}\n\
                 {\"id\": \"m13\", \"text\": \"x\", \"date\": \"2024-13-01\"}\n\
                 {\"id\": \"last\", \"text\": \"x\"}\n";
    let o = run_stdin(&["--jsonl"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(ids(&o), ["ok", "last"]);
    assert_eq!(stderr_lines(&o).len(), 3);
}

#[test]
fn json_lines_carry_their_own_dates_and_ids() {
    let text = "Вчера в Душанбе состоялись консультации Таджикистана и Китая.";
    let line = |id: &str, date: &str| serde_json::json!({"id": id, "text": text, "date": date}).to_string();
    let input = format!("{}\n\n{}\n", line("a", "2021-03-16"), line("b", "2022-01-01"));
    let o = run_stdin(&["--jsonl"], input.as_bytes());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let recs: Vec<serde_json::Value> =
        String::from_utf8(o.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(recs[0]["id"], "a");
    assert_eq!(recs[0]["date"]["start"], "2021-03-15");
    assert_eq!(recs[1]["date"]["start"], "2021-12-31");
}

#[test]
fn char_offsets_slice_by_code_points() {
    let o = run_stdin(&["--char-offsets"], TEXT.as_bytes());
    assert!(o.status.success());
    let rec: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rec["offsets"], "chars");
    let chars: Vec<char> = TEXT.chars().collect();
    let m = &rec["states"][0]["mentions"][0];
    let (a, b) = (m["span"][0].as_u64().unwrap() as usize, m["span"][1].as_u64().unwrap() as usize);
    assert_eq!(chars[a..b].iter().collect::<String>(), m["text"].as_str().unwrap());
    // Without the flag: bytes, and no "offsets" field.
    let o = run_stdin(&[], TEXT.as_bytes());
    assert!(!String::from_utf8_lossy(&o.stdout).contains("\"offsets\""));
}

#[test]
fn piped_stdin_is_read_without_a_dash() {
    let o = run_stdin(&[], TEXT.as_bytes());
    assert!(o.status.success());
    assert_eq!(ids(&o), ["-"]);
}

#[test]
fn fifos_are_skipped_in_a_folder_and_as_an_argument() {
    let d = TempDir::new("fifo");
    let a = d.file("a.txt");
    mkfifo(&d.0.join("b.txt"));
    let c = d.file("c.txt");
    let lone = d.0.join("lone.fifo");
    mkfifo(&lone);
    let o = run(&[d.s(), lone.to_str().unwrap(), &a]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(ids(&o), [a.clone(), c, a]);
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 2, "{err:?}");
    assert!(err[0].contains("b.txt") && err[0].contains("FIFO"), "{err:?}");
    assert!(err[1].contains("lone.fifo") && err[1].contains("FIFO"), "{err:?}");
}

#[test]
fn non_utf8_paths_are_processed_with_distinct_ids() {
    let d = TempDir::new("nonutf8");
    let good = d.file("good.txt");
    let bad1 = d.0.join(OsStr::from_bytes(b"x\xff.txt"));
    let bad2 = d.0.join(OsStr::from_bytes(b"x\xfe.txt"));
    std::fs::write(&bad1, TEXT).unwrap();
    std::fs::write(&bad2, TEXT).unwrap();
    // As arguments, one of them missing.
    let missing = d.0.join(OsStr::from_bytes(b"gone\xff.txt"));
    let args = [bad1.as_os_str(), missing.as_os_str(), OsStr::new(&good)];
    let o = finish(cmd(&args).spawn().unwrap());
    assert_eq!(o.status.code(), Some(1));
    let got = ids(&o);
    assert_eq!(got.len(), 2);
    assert!(got[0].ends_with("x\\xFF.txt"), "{got:?}");
    assert_eq!(got[1], good);
    assert_eq!(stderr_lines(&o).len(), 1);
    assert!(stderr_lines(&o)[0].contains("gone\\xFF.txt"));
    // In a folder: two ids, not one.
    let o = run(&[d.s()]);
    assert!(o.status.success());
    let got = ids(&o);
    assert_eq!(got.len(), 3);
    assert_ne!(got[1], got[2]);
}

#[test]
fn symlink_loops_give_no_duplicates() {
    let d = TempDir::new("loop");
    let a = d.file("a.txt");
    std::os::unix::fs::symlink(&d.0, d.0.join("self1")).unwrap();
    std::os::unix::fs::symlink(&d.0, d.0.join("self2")).unwrap();
    let o = run(&[d.s()]);
    assert!(o.status.success());
    assert_eq!(ids(&o), std::slice::from_ref(&a));
    assert_eq!(stderr_lines(&o).len(), 2, "one note per link not followed");
    let o = run(&["--follow-symlinks", d.s()]);
    assert_eq!(ids(&o), [a]);
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 2, "{err:?}");
    assert!(err.iter().all(|l| l.contains("loop")), "{err:?}");
}

#[test]
fn a_folder_past_path_max_is_one_line() {
    let d = TempDir::new("deep");
    let a = d.file("a.txt");
    let name = "d".repeat(250);
    // The shell's cd walks relative names, past what one path can say.
    let script =
        format!("cd '{}' && for i in $(seq 20); do mkdir {name} && cd {name} || exit 1; done; echo x > a.txt", d.s());
    assert!(Command::new("bash").arg("-c").arg(script).status().unwrap().success());
    let o = run(&[d.s()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(ids(&o), [a]);
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(err[0].contains("too long"), "{err:?}");
    let _ = Command::new("rm").arg("-rf").arg(&d.0).status();
}

/// Runs the command as user `nobody` under `prlimit` limits, when this
/// test runs as root and both tools exist; `None` (with a notice) if not.
fn as_nobody(limits: &[&str], args: &[&str]) -> Option<Output> {
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let have = |t: &str| Command::new(t).arg("--version").output().is_ok_and(|o| o.status.success());
    if !root || !have("setpriv") || !have("prlimit") {
        eprintln!("notice: skipped: needs root with setpriv and prlimit to run as an unprivileged user");
        return None;
    }
    // RLIMIT_NPROC counts every process of the user: runs as nobody go one
    // at a time, so that one cannot take another's threads.
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let mut c = Command::new("prlimit");
    c.args(limits).args(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", BIN]).args(args);
    c.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    Some(finish(c.spawn().unwrap()))
}

#[test]
fn an_unreadable_subfolder_is_one_line_and_the_parent_still_read() {
    let d = TempDir::new("unreadable");
    let a = d.file("a.txt");
    let _hidden = d.file("locked/x.txt");
    let z = d.file("z.txt");
    let locked = d.0.join("locked");
    let mode = |p: &Path, m: u32| std::fs::set_permissions(p, std::os::unix::fs::PermissionsExt::from_mode(m)).unwrap();
    mode(&d.0, 0o755);
    mode(&locked, 0o000);
    // SAFETY: geteuid has no preconditions.
    let o = if unsafe { libc::geteuid() } == 0 { as_nobody(&[], &[d.s()]) } else { Some(run(&[d.s()])) };
    mode(&locked, 0o755);
    let Some(o) = o else { return };
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(ids(&o), [a, z]);
    let err = stderr_lines(&o);
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(err[0].contains("locked") && err[0].contains("ermission denied"), "{err:?}");
}

#[test]
fn no_threads_to_spare_still_gives_every_record() {
    let d = TempDir::new("nproc");
    // More inputs than the walker may hand on before any result is written:
    // it cannot finish (and give its thread back) before the workers start.
    let files: Vec<String> = (0..40).map(|i| d.file(&format!("f{i:02}.txt"))).collect();
    std::fs::set_permissions(&d.0, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    // One process allowed: no thread at all; two: a walker but no worker.
    for nproc in ["--nproc=1", "--nproc=2"] {
        let Some(o) = as_nobody(&[nproc], &["--threads", "2", d.s()]) else { return };
        assert!(o.status.success(), "{nproc}: {}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(ids(&o), files, "{nproc}");
        let err = stderr_lines(&o);
        assert_eq!(err.len(), 1, "{nproc}: {err:?}");
        assert!(err[0].contains("thread"), "{nproc}: {err:?}");
    }
}

/// A JSON-lines input of `n` short texts.
fn many(n: usize) -> Vec<u8> {
    let mut v = Vec::new();
    for i in 0..n {
        v.extend(serde_json::json!({"id": format!("t{i}"), "text": format!("{TEXT} {i}")}).to_string().bytes());
        v.push(b'\n');
    }
    v
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = cmd(&[OsStr::new("--jsonl")]).stdin(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&many(3000));
    });
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    assert!(first.contains("\"t0\""));
    drop(out);
    let o = finish(child);
    feeder.join().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stderr.is_empty(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn ctrl_c_keeps_what_was_done() {
    let mut child = cmd(&[OsStr::new("--jsonl")]).stdin(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // Three texts, and standard input left open: the command waits.
    stdin.write_all(&many(3)).unwrap();
    stdin.flush().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut got = Vec::new();
    for _ in 0..3 {
        let mut l = String::new();
        out.read_line(&mut l).unwrap();
        got.push(l);
    }
    // SAFETY: kill with a valid pid and signal.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGINT) }, 0);
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    let o = finish(child);
    drop(stdin);
    assert_eq!(o.status.code(), Some(130));
    assert!(rest.is_empty());
    for (i, l) in got.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["id"], format!("t{i}"));
    }
    assert!(String::from_utf8_lossy(&o.stderr).contains("interrupted"));
}

#[test]
fn ctrl_c_mid_run_leaves_whole_lines_in_order() {
    let mut child = cmd(&[OsStr::new("--jsonl")]).stdin(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&many(20_000));
    });
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    // SAFETY: kill with a valid pid and signal.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    let o = finish(child);
    feeder.join().unwrap();
    let all: Vec<&str> = std::iter::once(first.trim_end()).chain(rest.lines()).collect();
    assert!(matches!(o.status.code(), Some(130) | Some(0)));
    for (i, l) in all.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["id"], format!("t{i}"));
    }
}

/// Peak resident memory (VmHWM, kB) of a run over `input`, read from /proc
/// while it runs.
fn peak_memory(input: Vec<u8>) -> (u64, usize) {
    let mut child = cmd(&[OsStr::new("--jsonl"), OsStr::new("--threads=2")]).stdin(Stdio::piped()).spawn().unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.stdout.take().unwrap();
    let counter = std::thread::spawn(move || BufReader::new(out).lines().count());
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        if let Ok(s) = std::fs::read_to_string(&status) {
            let hwm = s
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches(" kB").parse().ok());
            peak = peak.max(hwm.unwrap_or(0));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    feeder.join().unwrap();
    (peak, counter.join().unwrap())
}

#[test]
fn memory_stays_flat_over_50000_inputs() {
    let (small, n1) = peak_memory(many(5_000));
    let (large, n2) = peak_memory(many(50_000));
    assert_eq!((n1, n2), (5_000, 50_000));
    eprintln!("peak memory: {small} kB for 5,000 inputs, {large} kB for 50,000");
    // Holding every record (~1.5 kB of JSON each) would add ~70 MB.
    assert!(large < small + 16 * 1024, "{small} kB -> {large} kB");
}

#[test]
fn html_writes_a_page_per_input_and_an_index() {
    let dir = std::env::temp_dir().join(format!("dipnews-html-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data");
    let out = run(&["--html", dir.to_str().unwrap(), samples]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The JSON lines are still printed, one per input.
    let records = String::from_utf8(out.stdout).unwrap();
    let inputs = std::fs::read_dir(samples)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "txt"))
        .count();
    assert_eq!(records.lines().count(), inputs);
    let pages: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(pages.len(), inputs + 1, "{pages:?}");
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(index.contains("Content-Security-Policy"));
    assert_eq!(index.matches("<tr").count(), inputs + 1, "a row per record and the header");
    let _ = std::fs::remove_dir_all(&dir);
}
