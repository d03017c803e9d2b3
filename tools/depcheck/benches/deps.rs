//! Side by side on real texts (every `*.txt` in the folder given, NEREL
//! train by default): `unicode_words()` against dipnews's tokenizer, and
//! Snowball stemming of every word against dipnews's whole extraction.
//! Least thread CPU time of several rounds each, one thread.
//!
//! ```text
//! cargo bench -p dipnews-depcheck            # NEREL train from ../shared
//! cargo bench -p dipnews-depcheck -- /abs/dir  # another folder (cargo runs
//!                                              # benches in tools/depcheck)
//! ```

use rust_stemmers::{Algorithm, Stemmer};
use std::hint::black_box;
use std::time::Duration;
use unicode_segmentation::UnicodeSegmentation;

/// CPU time of this thread: unlike wall time, it does not count the
/// time other processes on a shared machine take.
fn cpu_time() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a valid clock id and a valid pointer to a timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Least thread CPU time of `rounds` runs of `f`.
fn best(rounds: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut n = 0;
    for _ in 0..rounds {
        let t = cpu_time();
        n = black_box(f());
        best = best.min(cpu_time() - t);
    }
    (best, n)
}

fn main() {
    // `cargo bench` passes `--bench`; the folder is the first other argument.
    let dir =
        std::env::args().skip(1).find(|a| !a.starts_with("--")).unwrap_or("../../../shared/data/nerel/train".into());
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    println!("{} texts, {bytes} bytes, from {dir}", texts.len());
    let rate = |d: Duration| mb / d.as_secs_f64();
    const ROUNDS: usize = 15;

    let (tok, n_tok) = best(ROUNDS, || texts.iter().map(|t| dipnews::text::tokenize(t).len()).sum());
    let (seg, n_seg) = best(ROUNDS, || texts.iter().map(|t| t.unicode_words().count()).sum());
    println!("dipnews tokenize:      {:>8.2?} {:>7.1} MB/s  {n_tok} tokens", tok, rate(tok));
    println!("unicode_words():       {:>8.2?} {:>7.1} MB/s  {n_seg} words", seg, rate(seg));
    println!("unicode_words / tokenize speed: {:.2}", tok.as_secs_f64() / seg.as_secs_f64());

    let ex = dipnews::Extractor::new();
    let (ext, n_rec) = best(ROUNDS, || texts.iter().map(|t| ex.extract(t).states.len()).sum());
    let stemmer = Stemmer::create(Algorithm::Russian);
    // Every word of dipnews's tokenizer, lowercased beforehand: the time
    // is the stemmer's alone, before any lookup a stem-based matcher makes.
    let words: Vec<String> = texts
        .iter()
        .flat_map(|t| {
            let toks = dipnews::text::tokenize(t);
            toks.into_iter()
                .filter(|k| k.kind == dipnews::text::TokenKind::Word)
                .map(|k| k.text(t).to_lowercase())
                .collect::<Vec<_>>()
        })
        .collect();
    let (stem, n_stem) = best(ROUNDS, || words.iter().map(|w| stemmer.stem(w).len()).sum());
    println!("dipnews extract:       {:>8.2?} {:>7.1} MB/s  ({n_rec} states found)", ext, rate(ext));
    println!(
        "Snowball every word:   {:>8.2?} {:>7.1} MB/s  ({} words, {n_stem} stem bytes)",
        stem,
        rate(stem),
        words.len()
    );
    println!("stemming / whole extraction time: {:.2}", stem.as_secs_f64() / ext.as_secs_f64());
    for w in ["Грузия", "Грузии", "груз", "грузы", "Грузинская"] {
        println!("stem({w}) = {}", stemmer.stem(&w.to_lowercase()));
    }
}
