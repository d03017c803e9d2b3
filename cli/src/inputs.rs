//! The inputs, walked lazily in the order they are given: files, folders
//! (sorted, symbolic links followed only when asked), standard input, and
//! JSON lines. Each becomes a [`Job`] handed on as soon as it is found, so
//! memory does not grow with the number of inputs.

use dipnews::PartialDate;
use std::collections::HashSet;
use std::ffi::OsString;
use std::fs::{self, Metadata};
use std::io::{BufRead, BufReader, Read};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// One unit of work, numbered by the walker.
pub enum Job {
    /// A text already in memory (standard input, a JSON line).
    Text { id: String, text: String, date: Option<PartialDate> },
    /// A file to read.
    File { id: String, path: PathBuf },
    /// An input that failed before reading: the line for standard error.
    Failed(String),
    /// Something to tell without failing the run (a skipped link).
    Note(String),
}

/// How to walk.
pub struct Walk {
    pub jsonl: bool,
    pub follow_symlinks: bool,
}

/// The id of a path: the path as given when it is UTF-8; otherwise its
/// UTF-8 parts with `\` doubled and every other byte as `\xNN`, so that two
/// different names never share an id.
pub fn path_id(p: &Path) -> String {
    if let Some(s) = p.to_str() {
        return s.to_string();
    }
    let mut out = String::new();
    for chunk in p.as_os_str().as_bytes().utf8_chunks() {
        out.push_str(&chunk.valid().replace('\\', "\\\\"));
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// What kind of non-regular file this is, for the error line.
fn odd_kind(m: &Metadata) -> &'static str {
    let t = m.file_type();
    if t.is_fifo() {
        "a FIFO"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

/// Reads a regular file. Opened without blocking and checked on the open
/// descriptor, so a FIFO (even one swapped in after the walk) cannot hang.
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let mut f =
        fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path).map_err(|e| e.to_string())?;
    let m = f.metadata().map_err(|e| e.to_string())?;
    if !m.is_file() {
        return Err(format!("skipped: {} (only regular files are read)", odd_kind(&m)));
    }
    let mut buf = Vec::with_capacity(m.len() as usize);
    f.read_to_end(&mut buf).map_err(|e| e.to_string())?;
    Ok(buf)
}

/// UTF-8 text, or the line saying where it stops being UTF-8.
pub fn utf8(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to()))
}

impl Walk {
    fn extension(&self) -> &'static str {
        if self.jsonl {
            "jsonl"
        } else {
            "txt"
        }
    }

    /// Walks every input in order, handing each job to `emit`; stops early
    /// when `emit` returns false.
    pub fn run(&self, paths: &[OsString], emit: &mut dyn FnMut(Job) -> bool) {
        for p in paths {
            if p == "-" {
                if !self.stdin(emit) {
                    return;
                }
                continue;
            }
            let path = Path::new(p);
            let id = path_id(path);
            // A path given by name is followed even when it is a link.
            let keep_going = match fs::metadata(path) {
                Err(e) => emit(Job::Failed(format!("{id}: {e}"))),
                Ok(m) if m.is_dir() => {
                    let mut found = 0;
                    let mut ancestors = HashSet::new();
                    let go = self.dir(path, &m, &mut ancestors, &mut found, emit);
                    if go && found == 0 {
                        emit(Job::Failed(format!("{id}: directory has no .{} files", self.extension())))
                    } else {
                        go
                    }
                }
                Ok(m) if m.is_file() => self.file(id, path.to_path_buf(), emit),
                Ok(m) => emit(Job::Failed(format!("{id}: skipped: {} (only regular files are read)", odd_kind(&m)))),
            };
            if !keep_going {
                return;
            }
        }
    }

    fn stdin(&self, emit: &mut dyn FnMut(Job) -> bool) -> bool {
        let stdin = std::io::stdin();
        if self.jsonl {
            return json_lines("-", stdin.lock(), emit);
        }
        let mut buf = Vec::new();
        match stdin.lock().read_to_end(&mut buf).map_err(|e| e.to_string()).and_then(|_| utf8(buf)) {
            Ok(text) => emit(Job::Text { id: "-".into(), text, date: None }),
            Err(e) => emit(Job::Failed(format!("-: {e}"))),
        }
    }

    fn file(&self, id: String, path: PathBuf, emit: &mut dyn FnMut(Job) -> bool) -> bool {
        if !self.jsonl {
            return emit(Job::File { id, path });
        }
        // JSON lines are read here, line by line, so each line is a job.
        let opened = fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(&path);
        match opened.and_then(|f| f.metadata().map(|m| (f, m))) {
            Err(e) => emit(Job::Failed(format!("{id}: {e}"))),
            Ok((_, m)) if !m.is_file() => {
                emit(Job::Failed(format!("{id}: skipped: {} (only regular files are read)", odd_kind(&m))))
            }
            Ok((f, _)) => json_lines(&id, BufReader::new(f), emit),
        }
    }

    /// Walks a folder in name order. `ancestors` holds the (device, inode)
    /// of the folders above, so a followed link back up is a loop.
    fn dir(
        &self,
        dir: &Path,
        meta: &Metadata,
        ancestors: &mut HashSet<(u64, u64)>,
        found: &mut usize,
        emit: &mut dyn FnMut(Job) -> bool,
    ) -> bool {
        let key = (meta.dev(), meta.ino());
        if !ancestors.insert(key) {
            return emit(Job::Failed(format!("{}: skipped: symbolic link loop", path_id(dir))));
        }
        let go = self.dir_entries(dir, ancestors, found, emit);
        ancestors.remove(&key);
        go
    }

    fn dir_entries(
        &self,
        dir: &Path,
        ancestors: &mut HashSet<(u64, u64)>,
        found: &mut usize,
        emit: &mut dyn FnMut(Job) -> bool,
    ) -> bool {
        let entries = match fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => return emit(Job::Failed(format!("{}: {e}", path_id(dir)))),
        };
        let mut list = Vec::new();
        for e in entries {
            match e {
                Ok(e) => list.push(e),
                Err(e) => {
                    if !emit(Job::Failed(format!("{}: {e}", path_id(dir)))) {
                        return false;
                    }
                }
            }
        }
        list.sort_by_key(|e| e.file_name());
        for e in list {
            let path = e.path();
            let id = path_id(&path);
            let is_ours = path.extension().is_some_and(|x| x == self.extension());
            let kind = match e.file_type() {
                Ok(t) => t,
                Err(err) => {
                    if !emit(Job::Failed(format!("{id}: {err}"))) {
                        return false;
                    }
                    continue;
                }
            };
            let meta = if kind.is_symlink() {
                if !self.follow_symlinks {
                    let go = !is_ours && !path.is_dir()
                        || emit(Job::Note(format!("{id}: symbolic link not followed (--follow-symlinks follows it)")));
                    if !go {
                        return false;
                    }
                    continue;
                }
                fs::metadata(&path)
            } else {
                e.metadata()
            };
            let go = match meta {
                Err(err) if is_ours || kind.is_dir() => emit(Job::Failed(format!("{id}: {err}"))),
                Err(_) => true,
                Ok(m) if m.is_dir() => self.dir(&path, &m, ancestors, found, emit),
                Ok(_) if !is_ours => true,
                Ok(m) if m.is_file() => {
                    *found += 1;
                    self.file(id, path, emit)
                }
                Ok(m) => {
                    *found += 1;
                    emit(Job::Failed(format!("{id}: skipped: {} (only regular files are read)", odd_kind(&m))))
                }
            };
            if !go {
                return false;
            }
        }
        true
    }
}

/// One JSON line of input.
#[derive(serde::Deserialize)]
struct Line {
    id: Option<String>,
    text: String,
    date: Option<String>,
}

/// Turns each non-blank line of `source` into a job; a bad line is one
/// error naming `source:line`.
fn json_lines(source: &str, mut r: impl BufRead, emit: &mut dyn FnMut(Job) -> bool) -> bool {
    let mut buf = Vec::new();
    for n in 1.. {
        buf.clear();
        let job = match r.read_until(b'\n', &mut buf) {
            Ok(0) => return true,
            Err(e) => return emit(Job::Failed(format!("{source}:{n}: {e}"))),
            Ok(_) if buf.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(_) => parse_line(&buf).map_or_else(
                |e| Job::Failed(format!("{source}:{n}: {e}")),
                |(id, text, date)| Job::Text { id: id.unwrap_or_else(|| format!("{source}:{n}")), text, date },
            ),
        };
        if !emit(job) {
            return false;
        }
    }
    true
}

type Parsed = (Option<String>, String, Option<PartialDate>);

fn parse_line(bytes: &[u8]) -> Result<Parsed, String> {
    let line: Line =
        serde_json::from_slice(bytes).map_err(|e| format!("not a JSON line {{\"id\", \"text\", \"date\"?}}: {e}"))?;
    let date = line.date.map(|d| PartialDate::parse_day(&d)).transpose().map_err(|e| format!("date: {e}"))?;
    Ok((line.id, line.text, date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn non_utf8_ids_stay_distinct() {
        let a = path_id(Path::new(OsStr::from_bytes(b"a\xff.txt")));
        let b = path_id(Path::new(OsStr::from_bytes(b"a\xfe.txt")));
        let c = path_id(Path::new(OsStr::from_bytes(b"a\\xFF\xfe.txt")));
        assert_eq!(a, "a\\xFF.txt");
        assert_ne!(a, b);
        assert_ne!(c, a);
        assert_eq!(path_id(Path::new("plain/путь.txt")), "plain/путь.txt");
    }

    #[test]
    fn json_lines_check_their_dates() {
        assert!(parse_line(br#"{"text": "x", "date": "2024-02-29"}"#).is_ok());
        for bad in ["2023-02-29", "2024-04-31", "2024-13-01", "2024-05"] {
            let line = format!(r#"{{"text": "x", "date": "{bad}"}}"#);
            assert!(parse_line(line.as_bytes()).is_err(), "{bad}");
        }
        assert!(parse_line(b"{\"id\": 1}").is_err());
    }
}
