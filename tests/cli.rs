//! The example binary over good and bad inputs: every good input printed,
//! one stderr line per bad one, exit code 1 when anything failed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// `target/<profile>/examples/extract`, built by `cargo test` with the
/// tests.
fn binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    let bin = dir.join("examples").join(format!("extract{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} not built (run `cargo test`, which builds the examples)", bin.display());
    bin
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(binary());
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped()).stdin(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    {
        use std::io::Write;
        let mut input = child.stdin.take().unwrap();
        if let Some(b) = stdin {
            // The binary may exit (bad options) before reading: a broken pipe is fine.
            let _ = input.write_all(b);
        }
    }
    child.wait_with_output().unwrap()
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("dipnews-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(o.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn good_inputs_give_json_lines_with_ids() {
    let d = TempDir::new("good");
    let a = d.file("a.txt", "МОСКВА, 6 октября. /ТАСС/. Министр России провел переговоры.".as_bytes());
    let o = run(&[&a], None);
    assert!(o.status.success());
    let recs = lines(&o);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], a.as_str());
    assert_eq!(recs[0]["kind"], "talks");
}

#[test]
fn bad_inputs_are_named_and_good_ones_still_printed() {
    let d = TempDir::new("bad");
    let good = d.file("good.txt", "Министр встретился с послом.".as_bytes());
    let latin1 = d.file("latin1.txt", b"\xcf\xf0\xe8\xe2\xe5\xf2");
    let empty = d.file("empty.txt", b"");
    let missing = d.path().join("missing.txt").display().to_string();
    let o = run(&[&good, &latin1, &empty, &missing], None);
    assert_eq!(o.status.code(), Some(1));
    let recs = lines(&o);
    assert_eq!(recs.len(), 2, "the good file and the empty file");
    assert_eq!(recs[0]["id"], good.as_str());
    assert_eq!(recs[1]["id"], empty.as_str());
    assert_eq!(recs[1]["dateline"], serde_json::Value::Null);
    assert_eq!(recs[1]["kind"], "other");
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(err.contains(&latin1) && err.contains("not UTF-8"));
    assert!(err.contains(&missing));
}

#[test]
fn unreadable_file() {
    let d = TempDir::new("unreadable");
    let p = d.path().join("dir.txt");
    std::fs::create_dir_all(&p).unwrap();
    std::fs::write(p.join("inner.txt"), "Министр встретился с послом.").unwrap();
    // A directory named *.txt is walked; a file without read permission is
    // reported (skipped when running as root, who can read anything).
    let locked = d.file("locked.txt", "текст".as_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let o = run(&[&locked], None);
    if std::fs::read(&locked).is_err() {
        assert_eq!(o.status.code(), Some(1));
        assert!(String::from_utf8(o.stderr).unwrap().contains(&locked));
    }
}

#[test]
fn directories_are_walked_sorted_and_empty_ones_reported() {
    let d = TempDir::new("dirs");
    d.file("b.txt", "Министр встретился с послом.".as_bytes());
    d.file("a.txt", "Министры России и Китая провели переговоры.".as_bytes());
    d.file("c.md", b"# not a text");
    let o = run(&[d.path().to_str().unwrap()], None);
    assert!(o.status.success());
    let ids: Vec<String> = lines(&o).iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    assert!(ids[0].ends_with("a.txt") && ids[1].ends_with("b.txt") && ids.len() == 2);

    let empty = TempDir::new("emptydir");
    let o = run(&[empty.path().to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8(o.stderr).unwrap().contains("no .txt files"));
}

#[test]
fn stdin_and_options() {
    let o = run(&["-"], Some("Министр России провел телефонный разговор.".as_bytes()));
    assert!(o.status.success());
    assert_eq!(lines(&o)[0]["id"], "-");
    // stdin closed at once: an empty text, still a record.
    let o = run(&["-"], None);
    assert!(o.status.success());
    assert_eq!(lines(&o)[0]["kind"], "other");
    // --date resolves «вчера».
    let o = run(&["--date", "2021-03-16", "-"], Some("Вчера состоялись консультации России и Китая.".as_bytes()));
    assert_eq!(lines(&o)[0]["date"]["start"], "2021-03-15");
    let o = run(&["--date", "16.03.2021", "-"], Some(b"x"));
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["--pretty", "-"], Some("Министр".as_bytes()));
    assert!(String::from_utf8(o.stdout).unwrap().lines().count() > 5);
    let o = run(&[], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn threads_do_not_change_the_output() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join("data");
    let one = run(&["--threads", "1", data.to_str().unwrap()], None);
    let many = run(&["--threads", "4", data.to_str().unwrap()], None);
    assert!(one.status.success());
    assert_eq!(one.stdout, many.stdout);
}
