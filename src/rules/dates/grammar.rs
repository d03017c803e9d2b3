//! The grammar of calendar expressions, read at one position of a text, in
//! any case.
//!
//! Each branch is a short function that reads its words in order and says
//! what they name; [`expression`] tries the branches in order and the first
//! that reads wins. Together they read what this regular expression would
//! match, leftmost-first (`sp` is `[\x20\u00A0]+`, `day` is
//! `[0-9]{1,2}|(двадцать|тридцать) sp ORDINAL|ORDINAL`, `month` a month
//! in the genitive, `year` is `(sp [0-9]{4}(sp (года|году|г\.?))?|sp
//! (сего|этого|текущего) sp года)?`):
//!
//! ```text
//! [0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}(sp (года|г\.))?      numeric
//! (с sp)? day sp month UNTIL day sp month year         cross
//! (с sp)? day UNTIL day sp month year                  range
//! day sp month year                                    single
//! в sp MONTH_PREP sp [0-9]{4} sp (года|г\.?)           month_year
//! на sp MONTH_ACC sp [0-9]{4} sp (года|г\.?)           month_accusative
//! в sp [0-9]{4} sp (году|г\.)                          year_only
//! во? sp WEEKDAY                                       weekday
//! RELATIVE                                             relative
//! ```
//!
//! where UNTIL is a dash (with or without spaces) or `sp по sp`. Hand-read
//! rather than compiled into a regular expression: the automaton took 19M
//! instructions to build and a third of the extractor's time to run (its
//! scan, its prefilter and the captures of some 40 groups).
//!
//! To extend it: add words to the lists below or a branch to
//! [`BRANCHES`], with the words it opens with (a test reads every branch
//! through [`super::find`]). A branch is read only where one of its
//! opening words begins: most positions of a text open none.

use super::DateValue;

pub(super) const MONTHS_GEN: [&str; 12] = [
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
pub(super) const MONTHS_PREP: [&str; 12] = [
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
pub(super) const MONTHS_ACC: [&str; 12] = [
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
pub(super) const ORDINALS: [(&str, u8); 21] = [
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
/// Tens of a day in words («двадцать седьмого»).
pub(super) const TENS: [(&str, u8); 2] = [("двадцать", 20), ("тридцать", 30)];
/// Words that are a day relative to the reference date (вчера = -1), in
/// the order they are tried.
pub(super) const RELATIVE: [(&str, i32); 6] =
    [("позавчера", -2), ("послезавтра", 2), ("сегодня", 0), ("вчера", -1), ("завтра", 1), ("накануне", -1)];
pub(super) const WEEKDAYS: [&str; 7] =
    ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"];
const THIS_YEAR: [&str; 3] = ["сего", "этого", "текущего"];
const DASHES: [&str; 7] = ["-", "‐", "‑", "‒", "–", "—", "−"];

/// Each list's words by their first letter (see [`by_letter`]).
struct ByLetter {
    months_gen: [u32; 128],
    months_prep: [u32; 128],
    months_acc: [u32; 128],
    ordinals: [u32; 128],
    tens: [u32; 128],
    relative: [u32; 128],
    weekdays: [u32; 128],
}

const BY_LETTER: ByLetter = ByLetter {
    months_gen: by_letter(&MONTHS_GEN),
    months_prep: by_letter(&MONTHS_PREP),
    months_acc: by_letter(&MONTHS_ACC),
    ordinals: by_letter(&words_of(&ORDINALS)),
    tens: by_letter(&words_of(&TENS)),
    relative: by_letter(&words_of(&RELATIVE)),
    weekdays: by_letter(&WEEKDAYS),
};

/// For each [`letter`] (in lowercase), the words of `words` that begin
/// with it: bit k for word k.
const fn by_letter(words: &[&str]) -> [u32; 128] {
    assert!(words.len() <= 32);
    let mut set = [0u32; 128];
    let mut w = 0;
    while w < words.len() {
        let b = words[w].as_bytes();
        assert!(cyrillic(b, 0), "a listed word starts with a Cyrillic letter");
        set[letter(b[0], b[1])] |= 1 << w;
        w += 1;
    }
    set
}

/// The words of a list of words and values.
const fn words_of<T: Copy, const N: usize>(items: &[(&'static str, T); N]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut k = 0;
    while k < N {
        out[k] = items[k].0;
        k += 1;
    }
    out
}

/// A branch of the grammar: how it reads and what it opens with.
struct Branch {
    read: fn(&mut At) -> Option<Read>,
    /// Whether it may open with an ASCII digit.
    digit: bool,
    /// The words it may open with; a space at the end stands for spaces
    /// (`[\x20\u00A0]+`: «с 5 по 7 мая», «в мае»).
    words: &'static [&'static str],
}

/// The branches, in the order they are tried at a position.
const BRANCHES: [Branch; 7] = [
    Branch { read: numeric, digit: true, words: &[] },
    Branch { read: days, digit: true, words: &DAY_WORDS },
    Branch { read: month_year, digit: false, words: &["в "] },
    Branch { read: month_accusative, digit: false, words: &["на "] },
    Branch { read: year_only, digit: false, words: &["в "] },
    Branch { read: weekday, digit: false, words: &["в ", "во "] },
    Branch { read: relative, digit: false, words: &words_of(&RELATIVE) },
];

/// What a day-led expression opens with (besides digits): «с», a day in
/// words.
const DAY_WORDS: [&str; 1 + ORDINALS.len() + TENS.len()] = {
    let (ordinals, tens) = (words_of(&ORDINALS), words_of(&TENS));
    let mut out = ["с "; 1 + ORDINALS.len() + TENS.len()];
    let mut k = 0;
    while k < ordinals.len() + tens.len() {
        out[1 + k] = if k < ordinals.len() { ordinals[k] } else { tens[k - ordinals.len()] };
        k += 1;
    }
    out
};

/// A set of [`BRANCHES`]: bit b for branch b.
pub(super) type Branches = u8;

/// The branches that may open with a digit.
const DIGIT_BRANCHES: Branches = {
    let mut set = 0;
    let mut b = 0;
    while b < BRANCHES.len() {
        if BRANCHES[b].digit {
            set |= 1 << b;
        }
        b += 1;
    }
    set
};

/// Every branch's opening words, each once with the branches it opens
/// (the rest of the array empty).
const OPENING_WORDS: [(&str, Branches); opening_count()] = {
    let mut out = [("", 0); opening_count()];
    let (mut n, mut b) = (0, 0);
    while b < BRANCHES.len() {
        let mut w = 0;
        while w < BRANCHES[b].words.len() {
            let word = BRANCHES[b].words[w];
            let mut k = 0;
            while k < n && !same(out[k].0, word) {
                k += 1;
            }
            if k == n {
                n += 1;
            }
            out[k] = (word, out[k].1 | 1 << b);
            w += 1;
        }
        b += 1;
    }
    out
};

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() && a[k] == b[k] {
        k += 1;
    }
    k == a.len()
}

const fn opening_count() -> usize {
    let (mut n, mut b) = (0, 0);
    while b < BRANCHES.len() {
        n += BRANCHES[b].words.len();
        b += 1;
    }
    n
}

/// What a branch read: `None` when it does not match, `Some(None)` when it
/// matches words that name no date («31.13.2020», «0 мая», «5–3 мая»),
/// whose span is passed over all the same.
type Read = Option<DateValue>;

/// The first byte at or after `i` where an expression may begin, and the
/// branches that may begin there (see [`opens`]). Most positions of a text
/// open none: one pass over the bytes finds the few worth reading.
pub(super) fn next_start(text: &str, mut i: usize) -> Option<(usize, Branches)> {
    let b = text.as_bytes();
    while let Some(&x) = b.get(i) {
        if x.is_ascii_digit() {
            return Some((i, DIGIT_BRANCHES));
        }
        if x & 0xFE != 0xD0 {
            i += 1;
            continue;
        }
        // A two-byte Cyrillic letter: most open no word.
        if b.get(i + 1).is_some_and(|&next| OPENING_LETTERS[letter(x, next)]) {
            let branches = opens(text, i);
            if branches != 0 {
                return Some((i, branches));
            }
        }
        i += 2;
    }
    None
}

/// The expression at byte `i` of `text`, read by the first of `branches`
/// that reads there: the byte where it ends and what it names.
pub(super) fn expression(text: &str, i: usize, branches: Branches) -> Option<(usize, Read)> {
    BRANCHES.iter().enumerate().filter(|&(b, _)| branches & (1 << b) != 0).find_map(|(_, branch)| {
        let mut at = At { text, i };
        (branch.read)(&mut at).map(|read| (at.i, read))
    })
}

/// «06.10.2020», «6.10.2020 г.»
fn numeric(a: &mut At) -> Option<Read> {
    let d = a.number(1, 2)?;
    a.lit(".")?;
    let m = a.number(1, 2)?;
    a.lit(".")?;
    let y = a.number(4, 4)? as i32;
    a.opt(|a| {
        a.spaces()?;
        a.lit("года").or_else(|| a.lit("г."))
    });
    let ok = (1..=31).contains(&d) && (1..=12).contains(&m);
    let day = (Some(y), m as u8, d as u8);
    Some(ok.then_some(DateValue::Days { start: day, end: day, this_year: false }))
}

/// Days and their month: «30 сентября — 2 октября» (`cross`), «5–7
/// октября» (`range`), «6 октября» (`single`). Both ranges may have «с»
/// before them («с 5 по 7 октября»); the branches are tried in the
/// grammar's order (cross with «с» and without, range with and without,
/// single), the first day read once at each start.
fn days(a: &mut At) -> Option<Read> {
    let from = a.ahead(|a| {
        a.lit("с")?;
        a.spaces()?;
        day(a)
    });
    let bare = a.ahead(day);
    let starts = || from.into_iter().chain(bare);
    let tails: [fn(&mut At, u8) -> Option<Read>; 2] = [cross, range];
    for tail in tails {
        for (mut at, d) in starts() {
            if let Some(read) = tail(&mut at, d) {
                *a = at;
                return Some(read);
            }
        }
    }
    let (mut at, d) = bare?;
    let read = single(&mut at, d)?;
    *a = at;
    Some(read)
}

/// The rest of «30 сентября — 2 октября 2020 года» after its first day.
fn cross(a: &mut At, d1: u8) -> Option<Read> {
    a.spaces()?;
    let m1 = month(a)?;
    until(a)?;
    let d2 = day(a)?;
    a.spaces()?;
    let m2 = month(a)?;
    let (year, this_year) = year(a);
    // «30 декабря 2020 – 2 января 2021» is rare; a year after the range
    // belongs to its end, the start may be a year before.
    let y1 = year.map(|y| if m1 > m2 { y - 1 } else { y });
    let ok = d1 > 0 && d2 > 0;
    Some(ok.then_some(DateValue::Days { start: (y1, m1, d1), end: (year, m2, d2), this_year }))
}

/// The rest of «5–7 октября 2020 года» after its first day.
fn range(a: &mut At, d1: u8) -> Option<Read> {
    until(a)?;
    let d2 = day(a)?;
    a.spaces()?;
    let m = month(a)?;
    let (year, this_year) = year(a);
    let ok = d1 > 0 && d2 > 0 && d1 <= d2;
    Some(ok.then_some(DateValue::Days { start: (year, m, d1), end: (year, m, d2), this_year }))
}

/// The rest of «6 октября», «Двадцать седьмого сентября 2020 г.», «7
/// апреля сего года» after its day.
fn single(a: &mut At, d: u8) -> Option<Read> {
    a.spaces()?;
    let m = month(a)?;
    let (year, this_year) = year(a);
    Some((d > 0).then_some(DateValue::Days { start: (year, m, d), end: (year, m, d), this_year }))
}

/// «в октябре 2020 года»
fn month_year(a: &mut At) -> Option<Read> {
    a.lit("в")?;
    a.spaces()?;
    let m = a.one_of(&MONTHS_PREP, &BY_LETTER.months_prep)?;
    month_of_year(a, m)
}

/// «на март 2021 года»
fn month_accusative(a: &mut At) -> Option<Read> {
    a.lit("на")?;
    a.spaces()?;
    let m = a.one_of(&MONTHS_ACC, &BY_LETTER.months_acc)?;
    month_of_year(a, m)
}

/// The rest of a month and its year: « 2020 года», « 2020 г.» (the month's
/// index in its list given).
fn month_of_year(a: &mut At, m: usize) -> Option<Read> {
    a.spaces()?;
    let y = a.number(4, 4)? as i32;
    a.spaces()?;
    a.lit("года").or_else(|| a.lit("г").map(|()| a.opt(|a| a.lit("."))).map(drop))?;
    Some(Some(DateValue::Month(y, m as u8 + 1)))
}

/// «в 2021 году», «в 2021 г.»
fn year_only(a: &mut At) -> Option<Read> {
    a.lit("в")?;
    a.spaces()?;
    let y = a.number(4, 4)? as i32;
    a.spaces()?;
    a.lit("году").or_else(|| a.lit("г."))?;
    Some(Some(DateValue::Year(y)))
}

/// «в понедельник», «во вторник»
fn weekday(a: &mut At) -> Option<Read> {
    a.lit("в")?;
    a.opt(|a| a.lit("о"));
    a.spaces()?;
    let w = a.one_of(&WEEKDAYS, &BY_LETTER.weekdays)?;
    Some(Some(DateValue::Weekday(w as u8)))
}

/// «вчера», «сегодня»; «накануне» but not «накануне визита» (on the eve
/// of the visit).
fn relative(a: &mut At) -> Option<Read> {
    let &(word, days) = a.first(&RELATIVE, &BY_LETTER.relative, |&(w, _)| w)?;
    let eve = word == "накануне" && super::eve_of_something(&a.text[a.i..]);
    Some((!eve).then_some(DateValue::Relative(days)))
}

/// A day of a month: `[0-9]{1,2}`, an ordinal («седьмого») or tens and an
/// ordinal («двадцать седьмого»); 0 when the words name no day of a month
/// («00», «45», «тридцать девятого», «двадцать двадцатого»).
fn day(a: &mut At) -> Option<u8> {
    if let Some(n) = a.number(1, 2) {
        return Some(if (1..=31).contains(&n) { n as u8 } else { 0 });
    }
    let tens = a.opt(|a| {
        let &(_, tens) = a.first(&TENS, &BY_LETTER.tens, |&(w, _)| w)?;
        a.spaces()?;
        let n = ordinal(a)?;
        Some(if n < 10 && tens + n <= 31 { tens + n } else { 0 })
    });
    tens.or_else(|| ordinal(a))
}

fn ordinal(a: &mut At) -> Option<u8> {
    a.first(&ORDINALS, &BY_LETTER.ordinals, |&(w, _)| w).map(|&(_, n)| n)
}

/// A month in the genitive, 1–12.
fn month(a: &mut At) -> Option<u8> {
    a.one_of(&MONTHS_GEN, &BY_LETTER.months_gen).map(|i| i as u8 + 1)
}

/// A dash between two days (`[\x20\u00A0]*DASH[\x20\u00A0]*`) or « по ».
fn until(a: &mut At) -> Option<()> {
    a.opt(|a| {
        a.opt(At::spaces);
        DASHES.iter().find(|w| a.lit(w).is_some())?;
        a.opt(At::spaces);
        Some(())
    })
    .or_else(|| {
        a.opt(|a| {
            a.spaces()?;
            a.lit("по")?;
            a.spaces()
        })
    })
}

/// The year after a day, if any: « 2020», « 2020 года», « 2020г.» (its
/// value), or « сего года» (this year: `true`).
fn year(a: &mut At) -> (Option<i32>, bool) {
    let given = a.opt(|a| {
        a.spaces()?;
        let y = a.number(4, 4)? as i32;
        a.opt(|a| {
            // A space is needed: the regular expression this grammar
            // replaced read `{sp}?` as a lazy `[\x20\u00A0]+?`, so «2020г»
            // was no year (and its day no date). Kept for identical records.
            a.spaces()?;
            a.lit("года").or_else(|| a.lit("году")).or_else(|| a.lit("г").map(|()| a.opt(|a| a.lit("."))).map(drop))
        });
        Some(y)
    });
    if given.is_some() {
        return (given, false);
    }
    let this = a.opt(|a| {
        a.spaces()?;
        THIS_YEAR.iter().find(|w| a.lit(w).is_some())?;
        a.spaces()?;
        a.lit("года")
    });
    (None, this.is_some())
}

/// A reading position: the text and a byte offset into it. Each step
/// moves past what it reads or, failing, says `None` (a branch then fails
/// as a whole; [`At::opt`] steps back).
#[derive(Clone, Copy)]
struct At<'a> {
    text: &'a str,
    i: usize,
}

impl At<'_> {
    /// The word `w` (in lowercase) here, in any case: «Мая», «МАЯ».
    fn lit(&mut self, w: &str) -> Option<()> {
        let w = w.as_bytes();
        let here = self.text.as_bytes().get(self.i..self.i + w.len())?;
        let mut j = 0;
        while let (Some(&x), Some(&c)) = (here.get(j), w.get(j)) {
            if x == c {
                j += 1;
                continue;
            }
            // Bytes that differ: the same letter only if the text has it
            // in capitals (a Cyrillic one differs in its second byte, and
            // Р–Я in its first too).
            let k = if c & 0xC0 == 0x80 { j.checked_sub(1)? } else { j };
            match (here.get(k), here.get(k + 1)) {
                (Some(&lead @ (0xD0 | 0xD1)), Some(&next)) => {
                    (lower(lead, next) == (*w.get(k)?, *w.get(k + 1)?)).then_some(())?;
                    j = k + 2;
                }
                _ => {
                    (x.to_ascii_lowercase() == c).then_some(())?;
                    j += 1;
                }
            }
        }
        self.i += w.len();
        Some(())
    }

    /// The first of `words` here (its index), `by_letter` their
    /// [`by_letter`]. The lists are free of prefixes of one another, so
    /// the first that reads is the only one.
    fn one_of(&mut self, words: &[&str], by_letter: &[u32; 128]) -> Option<usize> {
        let w = self.first(words, by_letter, |w| w)?;
        words.iter().position(|x| std::ptr::eq(x, w))
    }

    /// The first of `items` whose word (`word` of it) is here, `by_letter`
    /// their [`by_letter`]: only the words of the letter here are read.
    fn first<'w, T>(&mut self, items: &'w [T], by_letter: &[u32; 128], word: impl Fn(&T) -> &str) -> Option<&'w T> {
        let t = self.text.as_bytes();
        let (Some(&lead @ (0xD0 | 0xD1)), Some(&next)) = (t.get(self.i), t.get(self.i + 1)) else { return None };
        let mut words = by_letter[LOWER[letter(lead, next)]];
        while words != 0 {
            let item = items.get(words.trailing_zeros() as usize)?;
            words &= words - 1;
            if self.lit(word(item)).is_some() {
                return Some(item);
            }
        }
        None
    }

    /// `[\x20\u00A0]+`
    fn spaces(&mut self) -> Option<()> {
        let start = self.i;
        while self.lit(" ").or_else(|| self.lit("\u{A0}")).is_some() {}
        (self.i > start).then_some(())
    }

    /// `[0-9]{min,max}`, as many as there are: their value.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let here = self.text.as_bytes().get(self.i..)?;
        let n = here.iter().take(max).take_while(|b| b.is_ascii_digit()).count();
        if n < min {
            return None;
        }
        self.i += n;
        Some(here[..n].iter().fold(0, |v, b| v * 10 + u32::from(b - b'0')))
    }

    /// Where `step` would end and what it reads, this position unmoved.
    fn ahead<T>(&self, step: impl FnOnce(&mut Self) -> Option<T>) -> Option<(Self, T)> {
        let mut ahead = *self;
        step(&mut ahead).map(|read| (ahead, read))
    }

    /// `step` if it reads here, else nothing read (an optional part).
    fn opt<T>(&mut self, step: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let mut ahead = *self;
        let read = step(&mut ahead);
        if read.is_some() {
            *self = ahead;
        }
        read
    }
}

/// The branches whose opening words ([`OPENING_WORDS`]) begin at byte `i`
/// (a Cyrillic letter, two bytes). Tables first, inline (most letters
/// open no word): the words that begin with the letter and the next
/// character; then those words, read.
#[inline(always)]
fn opens(text: &str, i: usize) -> Branches {
    let b = text.as_bytes();
    let Some(&[lead, next]) = b.get(i..i + 2) else { return 0 };
    let first = LOWER[letter(lead, next)];
    let words = OPENING_BY_LETTER[first] & OPENING_BY_SECOND[character(b, i + 2)];
    if words == 0 {
        return 0;
    }
    let words = words & OPENING_BY_THIRD[character(b, i + 4)];
    if words == 0 {
        return 0;
    }
    opening_words(text, i, words)
}

/// The character at byte `k` as the tables of opening words index it: a
/// Cyrillic letter in lowercase ([`letter`]), [`SPACE`], or [`OTHER`].
#[inline(always)]
fn character(b: &[u8], k: usize) -> usize {
    match b.get(k..k + 2) {
        Some([b' ', _] | [0xC2, 0xA0]) => SPACE,
        Some(&[lead @ (0xD0 | 0xD1), next]) => LOWER[letter(lead, next)],
        // A space at the very end opens nothing: a date goes on after it.
        _ => OTHER,
    }
}

/// The branches whose opening words among `words` (bit k for
/// [`OPENING_WORDS`] k) begin at byte `i`.
#[inline(never)]
fn opening_words(text: &str, i: usize, mut words: u64) -> Branches {
    let mut branches = 0;
    while words != 0 {
        let (word, branch) = OPENING_WORDS[words.trailing_zeros() as usize];
        words &= words - 1;
        let mut at = At { text, i };
        let read = match word.strip_suffix(' ') {
            Some(w) => at.lit(w).and_then(|()| at.spaces()),
            None => at.lit(word),
        };
        if read.is_some() {
            branches |= branch;
        }
    }
    branches
}

/// A Cyrillic letter of U+0400–U+047F (two bytes in UTF-8, the first D0 or
/// D1) as 0–127.
const fn letter(lead: u8, next: u8) -> usize {
    (((lead & 0x01) as usize) << 6) | (next & 0x3F) as usize
}

/// The two bytes of a Cyrillic letter in lowercase (as
/// [`crate::text::lower_russian`]): А–П (D0 90–9F) to а–п (D0 B0–BF), Р–Я
/// (D0 A0–AF) to р–я (D1 80–8F), Ё (D0 81) to ё (D1 91).
const fn lower(lead: u8, next: u8) -> (u8, u8) {
    match (lead, next) {
        (0xD0, 0x90..=0x9F) => (0xD0, next + 0x20),
        (0xD0, 0xA0..=0xAF) => (0xD1, next - 0x20),
        (0xD0, 0x81) => (0xD1, 0x91),
        _ => (lead, next),
    }
}

/// [`letter`] to the [`letter`] of its lowercase.
const LOWER: [usize; 128] = {
    let mut out = [0; 128];
    let mut l = 0;
    while l < 128 {
        let (lead, next) = lower(0xD0 + (l >> 6) as u8, 0x80 | (l & 0x3F) as u8);
        out[l] = letter(lead, next);
        l += 1;
    }
    out
};

/// Whether byte `k` of `b` begins a letter [`letter`] reads.
const fn cyrillic(b: &[u8], k: usize) -> bool {
    b.len() >= k + 2 && (b[k] == 0xD0 || b[k] == 0xD1)
}

/// The letters, in either case, that begin one of [`OPENING_WORDS`].
const OPENING_LETTERS: [bool; 128] = {
    let mut set = [false; 128];
    let mut l = 0;
    while l < 128 {
        set[l] = OPENING_BY_LETTER[LOWER[l]] != 0;
        l += 1;
    }
    set
};

/// The [`OPENING_WORDS`] (bit k for word k) that begin with each letter.
const OPENING_BY_LETTER: [u64; 128] = {
    assert!(OPENING_WORDS.len() <= 64);
    let mut set = [0u64; 128];
    let mut w = 0;
    while w < OPENING_WORDS.len() {
        let b = OPENING_WORDS[w].0.as_bytes();
        if !b.is_empty() {
            assert!(cyrillic(b, 0), "an opening word starts with a Cyrillic letter");
            set[letter(b[0], b[1])] |= 1 << w;
        }
        w += 1;
    }
    set
};

/// The [`OPENING_WORDS`] (bit k for word k) whose second character is
/// each [`character`].
const OPENING_BY_SECOND: [u64; OTHER + 1] = by_character(2);

/// The [`OPENING_WORDS`] whose third character is each [`character`], or
/// that end (in spaces) before it.
const OPENING_BY_THIRD: [u64; OTHER + 1] = by_character(4);

/// The [`OPENING_WORDS`] whose character at byte `k` is each
/// [`character`]: every word that ends (in spaces) before it.
const fn by_character(k: usize) -> [u64; OTHER + 1] {
    let mut set = [0u64; OTHER + 1];
    let mut w = 0;
    while w < OPENING_WORDS.len() {
        let b = OPENING_WORDS[w].0.as_bytes();
        if b.len() > k && b[k] == b' ' {
            set[SPACE] |= 1 << w;
        } else if b.len() > k {
            assert!(cyrillic(b, k), "an opening word goes on with a Cyrillic letter or a space");
            set[letter(b[k], b[k + 1])] |= 1 << w;
        } else if !b.is_empty() {
            let mut c = 0;
            while c <= OTHER {
                set[c] |= 1 << w;
                c += 1;
            }
        }
        w += 1;
    }
    set
}

/// A space or a no-break space, as [`character`] gives it.
const SPACE: usize = 128;

/// Any character but a Cyrillic letter or a space (or none), as
/// [`character`] gives it.
const OTHER: usize = 129;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lower_russian;

    /// [`At::one_of`] and [`At::first`] take the first word that reads:
    /// the only one, when no word of a list begins another.
    #[test]
    fn lists_are_free_of_prefixes() {
        let lists: [Vec<&str>; 8] = [
            MONTHS_GEN.to_vec(),
            MONTHS_PREP.to_vec(),
            MONTHS_ACC.to_vec(),
            WEEKDAYS.to_vec(),
            THIS_YEAR.to_vec(),
            words_of(&ORDINALS).to_vec(),
            words_of(&TENS).to_vec(),
            words_of(&RELATIVE).to_vec(),
        ];
        for list in lists {
            for (i, a) in list.iter().enumerate() {
                for (j, b) in list.iter().enumerate() {
                    assert!(i == j || !b.starts_with(a), "{a} begins {b}");
                }
            }
        }
    }

    /// The byte-wise lowercase is [`lower_russian`]'s.
    #[test]
    fn lowercase_as_the_text_layer() {
        for c in ('\u{400}'..='\u{47F}').chain('A'..='Z') {
            let (mut from, mut to) = ([0; 4], [0; 4]);
            let (from, to) = (c.encode_utf8(&mut from).as_bytes(), lower_russian(c).encode_utf8(&mut to).as_bytes());
            let lowered = match from {
                &[lead, next] => {
                    let (lead, next) = lower(lead, next);
                    vec![lead, next]
                }
                _ => from.to_ascii_lowercase(),
            };
            assert_eq!(lowered, to, "{c}");
        }
    }

    #[test]
    fn words_read_in_any_case() {
        for text in ["октября", "Октября", "ОКТЯБРЯ", "оКтЯбРя"] {
            let mut at = At { text, i: 0 };
            assert_eq!(at.lit("октября"), Some(()), "{text}");
            assert_eq!(at.i, text.len());
        }
        for text in ["октябрь", "октябр", "ноября", "ОКТЯБР"] {
            assert_eq!(At { text, i: 0 }.lit("октября"), None, "{text}");
        }
    }

    /// Every position of arbitrary text: no panic, and an expression ends
    /// past its start on a character boundary.
    #[test]
    fn any_text_reads_without_panic() {
        let pieces = [
            "5",
            "05",
            "2021",
            ".",
            " ",
            "\u{A0}",
            "–",
            "—",
            "-",
            "с",
            "С",
            "по",
            "в",
            "Во",
            "на",
            "мая",
            "МАЯ",
            "мае",
            "май",
            "года",
            "г",
            "г.",
            "сего",
            "двадцать",
            "первого",
            "понедельник",
            "вчера",
            "накануне",
            "Ё",
            "ё",
            "Ѐ",
            "ї",
            "€",
            "x",
            "\u{0}",
            "\u{10FFFF}",
            "ь",
            "\n",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |k: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % k as u64) as usize
        };
        for _ in 0..20_000 {
            let text: String = (0..1 + next(10)).map(|_| pieces[next(pieces.len())]).collect();
            let mut from = 0;
            while let Some((start, branches)) = next_start(&text, from) {
                assert!(text.is_char_boundary(start) && start >= from, "{text:?}");
                match expression(&text, start, branches) {
                    Some((end, _)) => {
                        assert!(end > start && text.is_char_boundary(end), "{text:?}");
                        from = end;
                    }
                    None => from = start + 1,
                }
            }
        }
    }
}
