//! The date grammar as the regular expression it was before it was read by
//! hand (commit 77973bd), kept for one commit as the oracle of a differential
//! test: `cargo test --lib same_as_old -- --ignored --nocapture`.
#![allow(dead_code)]
use super::eve_of_something;
use super::{DateExpr, DateValue};
use crate::record::Span;
use crate::text::lower_russian;
use once_cell::sync::Lazy;
use regex::Regex;
const MONTHS_GEN: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const MONTHS_PREP: [&str; 12] = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];
const ORDINALS: [(&str, u8); 21] = [
    ("первого", 1),
    ("второго", 2),
    ("третьего", 3),
    ("четвертого", 4),
    ("пятого", 5),
    ("шестого", 6),
    ("седьмого", 7),
    ("восьмого", 8),
    ("девятого", 9),
    ("десятого", 10),
    ("одиннадцатого", 11),
    ("двенадцатого", 12),
    ("тринадцатого", 13),
    ("четырнадцатого", 14),
    ("пятнадцатого", 15),
    ("шестнадцатого", 16),
    ("семнадцатого", 17),
    ("восемнадцатого", 18),
    ("девятнадцатого", 19),
    ("двадцатого", 20),
    ("тридцатого", 30),
];
const MONTHS_ACC: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
/// Words that are a day relative to the reference date, in the order the
/// grammar tries them.
const RELATIVE: [&str; 6] = ["позавчера", "послезавтра", "сегодня", "вчера", "завтра", "накануне"];
/// Tens of a day in words («двадцать седьмого»).
const TENS: [&str; 2] = ["двадцать", "тридцать"];
const WEEKDAYS: [&str; 7] = ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"];

static DAY_WORDS: Lazy<String> = Lazy::new(|| {
    let ords: Vec<&str> = ORDINALS.iter().map(|(w, _)| *w).collect();
    let o = ords.join("|");
    let tens = TENS.join("|");
    format!(r"[0-9]{{1,2}}|(?:{tens})[\x20\u00A0]+(?:{o})|{o}")
});

static MONTH_GEN_RE: Lazy<String> = Lazy::new(|| MONTHS_GEN.join("|"));

static GRAMMAR: Lazy<Regex> = Lazy::new(|| {
    let d = &*DAY_WORDS;
    let m = &*MONTH_GEN_RE;
    let mp = MONTHS_PREP.join("|");
    let ma = MONTHS_ACC.join("|");
    let wd = WEEKDAYS.join("|");
    let sp = r"[\x20\u00A0]+";
    let dash = r"[\x20\u00A0]*[-‐‑‒–—−][\x20\u00A0]*";
    let year = |n: u8| {
        format!(
            r"(?:{sp}(?P<Y{n}>[0-9]{{4}})(?:{sp}?(?:года|году|г\.?))?|{sp}(?P<this{n}>сего|этого|текущего){sp}года)?"
        )
    };
    let (year1, year2, year3) = (year(1), year(2), year(3));
    // No `\b` and no Unicode classes: a Unicode word boundary forces the
    // regex engine off its DFA, and a negated letter class takes
    // milliseconds to compile. Both word boundaries are checked in `find`.
    // ASCII digits (`[0-9]`, not `\d`): a number in another script is
    // parsed by nothing below, and Unicode `\d` (some 700 digits, at each
    // of the grammar's 40 digit places) made the automaton ten times larger.
    // Case-sensitive over text lowercased by `find`: Unicode case folding
    // of every letter made the automaton several times larger.
    // One unanchored scan per sentence: its lazy DFA builds the states of
    // half-read months and ordinals once per process, after which the scan
    // is cheaper than trying an anchored grammar at every word.
    let pattern = format!(
        r"(?x)
        (?:
          (?P<num>(?P<nd>[0-9]{{1,2}})\.(?P<nm>[0-9]{{1,2}})\.(?P<ny>[0-9]{{4}})(?:{sp}(?:года|г\.))?)
        | (?P<cross>(?:с{sp})?(?P<cd1>{d}){sp}(?P<cm1>{m})(?:{dash}|{sp}по{sp})(?P<cd2>{d}){sp}(?P<cm2>{m}){year1})
        | (?P<range>(?:с{sp})?(?P<rd1>{d})(?:{dash}|{sp}по{sp})(?P<rd2>{d}){sp}(?P<rm>{m}){year2})
        | (?P<single>(?P<sd>{d}){sp}(?P<sm>{m}){year3})
        | (?P<monthyear>в{sp}(?P<mm>{mp}){sp}(?P<my>[0-9]{{4}}){sp}(?:года|г\.?))
        | (?P<monthacc>на{sp}(?P<ma>{ma}){sp}(?P<may>[0-9]{{4}}){sp}(?:года|г\.?))
        | (?P<yearonly>в{sp}(?P<yy>[0-9]{{4}}){sp}(?:году|г\.))
        | (?P<weekday>в[о]?{sp}(?P<wd>{wd}))
        | (?P<rel>{rel})
        )",
        rel = RELATIVE.join("|")
    );
    Regex::new(&pattern).expect("date grammar compiles")
});

fn month_of(s: &str) -> Option<u8> {
    let l = s.to_lowercase();
    MONTHS_GEN.iter().chain(MONTHS_PREP.iter()).position(|m| *m == l).map(|i| (i % 12) as u8 + 1)
}

fn day_of(s: &str) -> Option<u8> {
    let l = s.to_lowercase().replace('ё', "е");
    if let Ok(n) = l.parse::<u8>() {
        return (1..=31).contains(&n).then_some(n);
    }
    let mut words = l.split_whitespace();
    let first = words.next()?;
    let (tens, ord) = match first {
        "двадцать" => (20, words.next()?),
        "тридцать" => (30, words.next()?),
        w => (0, w),
    };
    let n = ORDINALS.iter().find(|(w, _)| *w == ord)?.1;
    let day = tens + n;
    (tens == 0 || n < 10).then_some(day).filter(|d| (1..=31).contains(d))
}

/// A coarse script class, enough to tell where one word ends: Cyrillic,
/// ASCII letters and digits, or anything else.
fn script(c: char) -> u8 {
    match c {
        '\u{0400}'..='\u{04FF}' => 0,
        _ if c.is_ascii_alphanumeric() => 1,
        _ => 2,
    }
}

/// `text` with its Russian and Latin capitals in lowercase ([`lower_russian`]),
/// every byte offset unchanged. The capitals are found over bytes and the
/// stretches between them copied whole: a character at a time cost a third
/// of the grammar's time.
fn lowered(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut i) = (0, 0);
    // A–Z; А–Я and Ё (D0 90–AF, D0 81).
    while let Some(k) = b[i..].iter().position(|&x| x.is_ascii_uppercase() || x == 0xD0) {
        i += k;
        let len = match b.get(i + 1) {
            _ if b[i] != 0xD0 => 1,
            Some(0x81 | 0x90..=0xAF) => 2,
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[copied..i]);
        out.extend(text[i..i + len].chars().map(lower_russian));
        i += len;
        copied = i;
    }
    out.push_str(&text[copied..]);
    out
}

/// Compiles the grammar now rather than on first use.
#[allow(dead_code)]
pub(crate) fn compile() {
    Lazy::force(&GRAMMAR);
}

/// Every date expression in `text` (a slice starting at byte `offset` of
/// the document), in text order.
///
/// One scan of the grammar over the sentence lowercased. A match needs
/// word boundaries, checked here: «5 мая», not «5 маяков»; «в
/// 2021 году», not «ов 2021 году»; a letter of another script before it is
/// no word (scraped copy glues a literal `n` for a lost newline:
/// «Новости.nТридцатого»).
pub(crate) fn old_find(text: &str, offset: usize) -> Vec<DateExpr> {
    // Russian and Latin capitals lowered, every byte where it was: the
    // grammar is written in lowercase.
    let text = &lowered(text);
    let mut out = Vec::new();
    for c in GRAMMAR.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let (start, end) = (m.start(), m.end());
        let matched = m.as_str();
        let next = text[end..].chars().next();
        let prev = text[..start].chars().next_back();
        let first = matched.chars().next();
        if (next.is_some_and(char::is_alphanumeric) && !matched.ends_with('.'))
            || prev.is_some_and(|ch| ch.is_alphanumeric() && first.is_none_or(|f| script(f) == script(ch)))
        {
            continue;
        }
        let span = Span::new(offset + start, offset + end);
        let year = ["Y1", "Y2", "Y3"].iter().find_map(|n| c.name(n)).and_then(|y| y.as_str().parse::<i32>().ok());
        let this_year = ["this1", "this2", "this3"].iter().any(|n| c.name(n).is_some());
        let value = if c.name("num").is_some() {
            let (d, m, y) = (c["nd"].parse::<u8>().ok(), c["nm"].parse::<u8>().ok(), c["ny"].parse::<i32>().ok());
            match (d, m, y) {
                (Some(d), Some(m), Some(y)) if (1..=31).contains(&d) && (1..=12).contains(&m) => {
                    Some(DateValue::Days { start: (Some(y), m, d), end: (Some(y), m, d), this_year: false })
                }
                _ => None,
            }
        } else if c.name("cross").is_some() {
            match (day_of(&c["cd1"]), month_of(&c["cm1"]), day_of(&c["cd2"]), month_of(&c["cm2"])) {
                (Some(d1), Some(m1), Some(d2), Some(m2)) => {
                    // «30 декабря 2020 – 2 января 2021» is rare; a year after
                    // the range belongs to its end, the start may be a year before.
                    let y1 = year.map(|y| if m1 > m2 { y - 1 } else { y });
                    Some(DateValue::Days { start: (y1, m1, d1), end: (year, m2, d2), this_year })
                }
                _ => None,
            }
        } else if c.name("range").is_some() {
            match (day_of(&c["rd1"]), day_of(&c["rd2"]), month_of(&c["rm"])) {
                (Some(d1), Some(d2), Some(m)) if d1 <= d2 => {
                    Some(DateValue::Days { start: (year, m, d1), end: (year, m, d2), this_year })
                }
                _ => None,
            }
        } else if c.name("single").is_some() {
            match (day_of(&c["sd"]), month_of(&c["sm"])) {
                (Some(d), Some(m)) => Some(DateValue::Days { start: (year, m, d), end: (year, m, d), this_year }),
                _ => None,
            }
        } else if c.name("monthyear").is_some() {
            match (month_of(&c["mm"]), c["my"].parse::<i32>().ok()) {
                (Some(m), Some(y)) => Some(DateValue::Month(y, m)),
                _ => None,
            }
        } else if c.name("monthacc").is_some() {
            let m = MONTHS_ACC.iter().position(|x| *x == c["ma"].to_lowercase()).map(|i| i as u8 + 1);
            match (m, c["may"].parse::<i32>().ok()) {
                (Some(m), Some(y)) => Some(DateValue::Month(y, m)),
                _ => None,
            }
        } else if c.name("yearonly").is_some() {
            c["yy"].parse::<i32>().ok().map(DateValue::Year)
        } else if c.name("weekday").is_some() {
            let w = c["wd"].to_lowercase();
            WEEKDAYS.iter().position(|x| *x == w).map(|i| DateValue::Weekday(i as u8))
        } else {
            let w = matched.to_lowercase();
            let rest = &text[end..];
            match w.as_str() {
                "сегодня" => Some(DateValue::Relative(0)),
                "вчера" => Some(DateValue::Relative(-1)),
                "позавчера" => Some(DateValue::Relative(-2)),
                "завтра" => Some(DateValue::Relative(1)),
                "послезавтра" => Some(DateValue::Relative(2)),
                _ if eve_of_something(rest) => None,
                _ => Some(DateValue::Relative(-1)),
            }
        };
        if let Some(value) = value {
            out.push(DateExpr { span, value });
        }
    }
    out
}

#[cfg(test)]
mod differential {
    #[test]
    #[ignore]
    fn same_as_old() {
        let mut n = 0;
        let mut bad = 0;
        let mut hits = 0;
        for dir in [
            "../shared/data/dev",
            "../shared/data/web",
            "../shared/data/nerel/dev",
            "../shared/data/nerel/train",
            "../shared/data/razdel",
        ] {
            let Ok(rd) = std::fs::read_dir(dir) else { continue };
            for e in rd.flatten() {
                let Ok(t) = std::fs::read_to_string(e.path()) else { continue };
                let mut pieces: Vec<&str> = t.lines().collect();
                pieces.extend(t.split(['.', '!', '?']));
                for p in pieces {
                    n += 1;
                    let a = super::old_find(p, 0);
                    let b = super::super::find(p, 0);
                    if a != b {
                        bad += 1;
                        if bad < 20 {
                            eprintln!("{p:?}\n old {a:?}\n new {b:?}");
                        }
                    }
                }
            }
        }
        let toks = [
            "5",
            "05",
            "31",
            "0",
            "45",
            "2020",
            "20211",
            "1",
            ".",
            "..",
            " ",
            "  ",
            "\u{a0}",
            "-",
            "–",
            "—",
            "с",
            "по",
            "в",
            "во",
            "на",
            "мая",
            "марта",
            "октября",
            "ОКТЯБРЯ",
            "мае",
            "марте",
            "май",
            "март",
            "года",
            "году",
            "г",
            "г.",
            "годах",
            "сего",
            "этого",
            "двадцать",
            "тридцать",
            "первого",
            "седьмого",
            "двадцатого",
            "Двадцать",
            "понедельник",
            "среду",
            "вчера",
            "накануне",
            "позавчера",
            "визита",
            "провел",
            "ов",
            "x",
            "а",
            "ь",
            "1.2.2020",
            "12.10.2020",
            "Ё",
            "n",
        ];
        let mut seed: u64 = 0x9E3779B97F4A7C15;
        let mut rnd = |k: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % k
        };
        for _ in 0..300000 {
            let len = 1 + rnd(12);
            let mut p = String::new();
            for _ in 0..len {
                p.push_str(toks[rnd(toks.len())]);
                if rnd(3) > 0 {
                    p.push(' ');
                }
            }
            n += 1;
            let a = super::old_find(&p, 0);
            hits += usize::from(!a.is_empty());
            let b = super::super::find(&p, 0);
            if a != b {
                bad += 1;
                if bad < 20 {
                    eprintln!("{p:?}\n old {a:?}\n new {b:?}");
                }
            }
        }
        eprintln!("{n} pieces, {bad} differ, {hits} generated with dates");
        assert_eq!(bad, 0);
    }
}
