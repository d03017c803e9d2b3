//! Generated inflection paradigms for names.
//!
//! Matching by a stemmer alone confuses names (Snowball stems `грузия` like
//! the noun `груз`, `нигерия` like `нигер`, and `беларусь`/`беларуси`
//! differently), so every name is expanded into the forms Russian actually
//! gives it in the six cases, and matched by exact form. The rules cover
//! the declension classes that names of states, organizations and cities
//! use; overgeneration is harmless (an impossible form never occurs in
//! text), undergeneration is fixed in the data by listing a form with `=`.

use crate::text::is_upper;
use crate::text::normalize;

/// Number of grammatical cases: nominative, genitive, dative, accusative,
/// instrumental, prepositional.
pub const CASES: usize = 6;

/// The forms of one word in each case (alternatives allowed).
pub type Paradigm = [Vec<String>; CASES];

const VELAR_SIBILANT: &[char] = &['г', 'к', 'х', 'ж', 'ш', 'ч', 'щ'];
const SIBILANT: &[char] = &['ж', 'ш', 'ч', 'щ', 'ц'];

fn fixed(w: &str) -> Paradigm {
    std::array::from_fn(|_| vec![w.to_string()])
}

fn from_endings(stem: &str, endings: [&[&str]; CASES]) -> Paradigm {
    // Two copies, not `format!`: every name of every table comes here.
    let join = |e: &str| {
        let mut f = String::with_capacity(stem.len() + e.len());
        f.push_str(stem);
        f.push_str(e);
        f
    };
    std::array::from_fn(|c| endings[c].iter().map(|e| join(e)).collect())
}

fn last_char(s: &str) -> Option<char> {
    s.chars().last()
}

fn strip(w: &str, n: usize) -> &str {
    let cut = w.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &w[..cut]
}

/// Whether a word (as written) is an abbreviation or a foreign token that
/// Russian does not inflect: `ООН`, `G20`, `OPEC`.
pub fn is_fixed_token(w: &str) -> bool {
    // One pass over the letters, no buffer: every name of every table
    // comes here at build time.
    let (mut letters, mut upper, mut latin) = (0usize, true, true);
    for c in w.chars().filter(|&c| crate::text::is_letter(c)) {
        letters += 1;
        upper &= is_upper(c);
        latin &= c.is_ascii_alphabetic();
    }
    if letters == 0 {
        return true;
    }
    // ООН, МАГАТЭ; and mixed-case abbreviations: БиГ, ЕврАзЭС (but not
    // Санкт-Петербург, whose parts each start with their capital).
    let mixed = || w.split(['-', '‑', '–', '—']).any(|part| part.chars().skip(1).any(is_upper));
    let caps = letters >= 2 && (upper || mixed());
    caps || latin || w.chars().any(|c| c.is_ascii_digit())
}

/// The adjective class of a word by its ending, if it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Masculine singular.
    Masc,
    /// Feminine singular.
    Fem,
    /// Neuter singular.
    Neut,
    /// Plural.
    Plural,
}

/// The gender/number an adjective ending shows (`-ый` masculine, `-ая`
/// feminine, …), or `None` when the word has no adjective ending.
pub fn adjective_gender(w: &str) -> Option<Gender> {
    let w = normalize(w);
    let end2: String = w.chars().rev().take(2).collect::<Vec<_>>().into_iter().rev().collect();
    if w.chars().count() < 4 {
        return None;
    }
    match end2.as_str() {
        "ый" | "ий" | "ой" => Some(Gender::Masc),
        "ая" | "яя" => Some(Gender::Fem),
        "ое" | "ее" => Some(Gender::Neut),
        // Verbal nouns end like plural adjectives: Совещание, Движение,
        // Развитие, Взаимодействие.
        "ие" if w.ends_with("ние") || w.ends_with("тие") || w.ends_with("вие") => None,
        "ые" | "ие" => Some(Gender::Plural),
        _ => None,
    }
}

/// Forms of an adjective in the gender/number its ending shows.
pub fn adjective(word: &str) -> Paradigm {
    let w = normalize(word);
    let Some(g) = adjective_gender(&w) else { return fixed(&w) };
    let stem = strip(&w, 2);
    let lc = last_char(stem).unwrap_or(' ');
    let soft = match g {
        Gender::Masc => w.ends_with("ий") && !VELAR_SIBILANT.contains(&lc),
        Gender::Fem => w.ends_with("яя"),
        Gender::Neut => w.ends_with("ее") && !SIBILANT.contains(&lc),
        Gender::Plural => w.ends_with("ие") && !VELAR_SIBILANT.contains(&lc),
    };
    let mixed = VELAR_SIBILANT.contains(&lc);
    let sib = SIBILANT.contains(&lc);
    let i = if mixed || soft { "и" } else { "ы" };
    let (o, e) = if soft { ("е", "е") } else { ("о", "о") };
    let nom = w.clone();
    let mut p: Paradigm = match g {
        Gender::Masc => [
            vec![nom.clone()],
            vec![format!("{stem}{o}го")],
            vec![format!("{stem}{o}му")],
            vec![nom.clone(), format!("{stem}{o}го")],
            vec![format!("{stem}{i}м")],
            vec![format!("{stem}{e}м")],
        ],
        Gender::Fem => {
            let (a, oi, u) = if soft { ("яя", "ей", "юю") } else { ("ая", "ой", "ую") };
            [
                vec![format!("{stem}{a}")],
                vec![format!("{stem}{oi}")],
                vec![format!("{stem}{oi}")],
                vec![format!("{stem}{u}")],
                vec![format!("{stem}{oi}"), format!("{stem}{oi}ю")],
                vec![format!("{stem}{oi}")],
            ]
        }
        Gender::Neut => [
            vec![nom.clone()],
            vec![format!("{stem}{o}го")],
            vec![format!("{stem}{o}му")],
            vec![nom.clone()],
            vec![format!("{stem}{i}м")],
            vec![format!("{stem}{e}м")],
        ],
        Gender::Plural => [
            vec![nom.clone()],
            vec![format!("{stem}{i}х")],
            vec![format!("{stem}{i}м")],
            vec![nom.clone(), format!("{stem}{i}х")],
            vec![format!("{stem}{i}ми")],
            vec![format!("{stem}{i}х")],
        ],
    };
    if sib {
        // Unstressed endings after sibilants: общего, общему, общем, общей.
        for (c, alt) in [(1, "его"), (2, "ему"), (5, "ем")] {
            if g != Gender::Fem && g != Gender::Plural {
                p[c].push(format!("{stem}{alt}"));
            }
        }
        if g == Gender::Fem {
            for c in [1, 2, 4, 5] {
                p[c].push(format!("{stem}ей"));
            }
        }
    }
    p
}

/// Forms of an adjective in all genders and both numbers, merged by case
/// (for state adjectives: `российский` → `российская`, `российских`, …).
pub fn adjective_all_genders(masc: &str) -> Paradigm {
    let w = normalize(masc);
    let stem = strip(&w, 2);
    let lc = last_char(stem).unwrap_or(' ');
    let soft = w.ends_with("ий") && !VELAR_SIBILANT.contains(&lc);
    let (fem, neut, pl) = if soft {
        (format!("{stem}яя"), format!("{stem}ее"), format!("{stem}ие"))
    } else if VELAR_SIBILANT.contains(&lc) {
        (format!("{stem}ая"), format!("{stem}ое"), format!("{stem}ие"))
    } else {
        (format!("{stem}ая"), format!("{stem}ое"), format!("{stem}ые"))
    };
    let mut out: Paradigm = adjective(&w);
    for other in [fem, neut, pl] {
        let p = adjective(&other);
        for c in 0..CASES {
            for f in &p[c] {
                if !out[c].contains(f) {
                    out[c].push(f.clone());
                }
            }
        }
    }
    out
}

/// Plural nouns that end in `-а`.
const PLURAL_A: &[&str] = &["острова"];

/// Forms of a noun (or a proper name) given in the nominative.
pub fn noun(word: &str) -> Paradigm {
    if is_fixed_token(word) {
        return fixed(&normalize(word));
    }
    let w = normalize(word);
    if w.contains('-') {
        return hyphenated(&w);
    }
    let n = w.chars().count();
    if n < 2 {
        return fixed(&w);
    }
    let lc = last_char(&w).unwrap_or(' ');
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    if PLURAL_A.contains(&w.as_str()) {
        let s = strip(&w, 1);
        return from_endings(s, [&["а"], &["ов"], &["ам"], &["а"], &["ами"], &["ах"]]);
    }
    if w.ends_with("ия") {
        return from_endings(strip(&w, 1), [&["я"], &["и"], &["и"], &["ю"], &["ей", "ею"], &["и"]]);
    }
    if w.ends_with("ея") || w.ends_with("ья") || w.ends_with("ая") {
        return from_endings(strip(&w, 1), [&["я"], &["и"], &["е"], &["ю"], &["ей", "ею"], &["е"]]);
    }
    if w.ends_with("ие") {
        return from_endings(strip(&w, 1), [&["е"], &["я"], &["ю"], &["е"], &["ем"], &["и"]]);
    }
    if w.ends_with("ство") || w.ends_with("тво") || (!capital && lc == 'о') {
        return from_endings(strip(&w, 1), [&["о"], &["а"], &["у"], &["о"], &["ом"], &["е"]]);
    }
    if !capital && lc == 'е' {
        return from_endings(strip(&w, 1), [&["е"], &["я"], &["ю"], &["е"], &["ем"], &["е"]]);
    }
    match lc {
        'о' | 'е' | 'и' | 'у' | 'ю' | 'э' | 'ё' => fixed(&w),
        'а' => {
            let s = strip(&w, 1);
            let slc = last_char(s).unwrap_or(' ');
            // Самоа, Папуа, Никарагуа: a vowel before the final -а does not decline.
            if "аеиоуыэюя".contains(slc) {
                return fixed(&w);
            }
            let gen = if VELAR_SIBILANT.contains(&slc) { "и" } else { "ы" };
            let ins: &[&str] = if SIBILANT.contains(&slc) { &["ой", "ей", "ою"] } else { &["ой", "ою"] };
            from_endings(s, [&["а"], &[gen], &["е"], &["у"], ins, &["е"]])
        }
        'я' => from_endings(strip(&w, 1), [&["я"], &["и"], &["е"], &["ю"], &["ей", "ею"], &["е"]]),
        'ы' => {
            // Plural names: Нидерланды → Нидерландов, Мальдивы → Мальдив.
            let s = strip(&w, 1);
            from_endings(s, [&["ы"], &["ов", ""], &["ам"], &["ы"], &["ами"], &["ах"]])
        }
        'ь' => {
            // Feminine (Беларусь) or masculine (Израиль): both sets.
            let s = strip(&w, 1);
            from_endings(s, [&["ь"], &["и", "я"], &["и", "ю"], &["ь"], &["ью", "ем"], &["и", "е"]])
        }
        'й' => {
            let s = strip(&w, 1);
            if w.ends_with("ий") {
                from_endings(s, [&["й"], &["я"], &["ю"], &["й"], &["ем"], &["и", "е"]])
            } else {
                from_endings(s, [&["й"], &["я"], &["ю"], &["й"], &["ем"], &["е"]])
            }
        }
        c if c.is_alphabetic() => {
            let ins: &[&str] = if SIBILANT.contains(&c) { &["ом", "ем"] } else { &["ом"] };
            let mut p = from_endings(&w, [&[""], &["а"], &["у"], &[""], ins, &["е"]]);
            // Fleeting -е- (Египет → Египта) and -о- (Бурунди no; посол → посла).
            let chars: Vec<char> = w.chars().collect();
            if n >= 5
                && matches!(chars[n - 2], 'е' | 'о')
                && !matches!(chars[n - 3], 'а' | 'е' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я')
            {
                let short: String = chars[..n - 2].iter().chain(std::iter::once(&c)).collect();
                for (k, e) in [(1, "а"), (2, "у"), (4, "ом"), (5, "е")] {
                    p[k].push(format!("{short}{e}"));
                }
            }
            p
        }
        _ => fixed(&w),
    }
}

/// `Нур-Султан` → `Нур-Султана`; `Гвинея-Бисау` → `Гвинеи-Бисау`: the last
/// part inflects when it can, else the first.
fn hyphenated(w: &str) -> Paradigm {
    let parts: Vec<&str> = w.split('-').collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    let declines = |p: &Paradigm| p[1].iter().any(|f| p[0].iter().all(|n| n != f));
    // Parts are lowercase here; names decline like capitalized words.
    let cap = |s: &str| {
        let mut c = s.chars();
        c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
    };
    let last_p = if adjective_gender(last).is_some() { adjective(last) } else { noun(&cap(last)) };
    let prefix = &w[..w.len() - last.len()];
    if declines(&last_p) {
        return std::array::from_fn(|c| last_p[c].iter().map(|f| format!("{prefix}{f}")).collect());
    }
    // The first part declines in Гвинея-Бисау and Ростов-на-Дону, not in
    // Сан-Марино.
    let first_p = noun(&cap(first));
    let suffix = &w[first.len()..];
    let first_declines = parts.len() >= 3 || (first.chars().count() >= 4 && first.ends_with(['а', 'я']));
    if first_declines && declines(&first_p) {
        return std::array::from_fn(|c| first_p[c].iter().map(|f| format!("{f}{suffix}")).collect());
    }
    fixed(w)
}

/// Forms of one word of a person's name: a given name, a patronymic or a
/// surname (the word as written, capitalized). Russian-type surnames in
/// `-ов`/`-ев`/`-ин`/`-ын` take `-ым` (Лавровым, Путиным) and, for a
/// woman, `-ой`/`-у` (Отунбаевой); `-ский` surnames decline as adjectives
/// (Зеленского); other words ending in a consonant decline like nouns
/// (Шольца, Шольцем) for a man and not at all for a woman (Меркель, Мэй);
/// words ending in `-о`, `-и`, `-у`, `-е` never decline (Лукашенко,
/// Мелони, Санду).
pub fn person_word(word: &str, female: bool) -> Paradigm {
    if is_fixed_token(word) {
        return fixed(&normalize(word));
    }
    let w = normalize(word);
    if w.contains('-') {
        // Касым-Жомарт, аль-Джубейр: the last part declines.
        let (head, last) = w.rsplit_once('-').unwrap_or(("", &w));
        let cap: String = last.chars().take(1).flat_map(char::to_uppercase).chain(last.chars().skip(1)).collect();
        let p = person_word(&cap, female);
        return std::array::from_fn(|c| p[c].iter().map(|f| format!("{head}-{f}")).collect());
    }
    if w.chars().count() < 2 {
        return fixed(&w);
    }
    let russian_male = ["ов", "ев", "ин", "ын"].iter().any(|e| w.ends_with(e));
    let russian_female = ["ова", "ева", "ина", "ына"].iter().any(|e| w.ends_with(e));
    if female {
        if russian_female {
            return from_endings(strip(&w, 1), [&["а"], &["ой"], &["ой"], &["у"], &["ой"], &["ой"]]);
        }
        if adjective_gender(&w) == Some(Gender::Fem) {
            return adjective(&w);
        }
        if w.ends_with(['а', 'я']) {
            return noun(word);
        }
        return fixed(&w);
    }
    if russian_male {
        return from_endings(&w, [&[""], &["а"], &["у"], &["а"], &["ым", "ом"], &["е"]]);
    }
    if w.ends_with("ский") || w.ends_with("цкий") {
        return adjective(&w);
    }
    let lc = last_char(&w).unwrap_or(' ');
    match lc {
        'а' | 'я' | 'й' | 'ь' => noun(word),
        c if "еиоуыэюё".contains(c) => fixed(&w),
        c if c.is_alphabetic() => {
            let ins: &[&str] = if SIBILANT.contains(&c) { &["ом", "ем"] } else { &["ом"] };
            from_endings(&w, [&[""], &["а"], &["у"], &["а"], ins, &["е"]])
        }
        _ => fixed(&w),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(p: &Paradigm, case: usize, form: &str) -> bool {
        p[case].iter().any(|f| f == form)
    }

    #[test]
    fn nouns_by_class() {
        let p = noun("Россия");
        assert!(has(&p, 1, "россии") && has(&p, 4, "россией") && has(&p, 3, "россию"));
        let p = noun("Казахстан");
        assert!(has(&p, 1, "казахстана") && has(&p, 4, "казахстаном"));
        let p = noun("Беларусь");
        assert!(has(&p, 1, "беларуси") && has(&p, 4, "беларусью"));
        let p = noun("Гвинея");
        assert!(has(&p, 1, "гвинеи") && has(&p, 2, "гвинее"));
        let p = noun("Египет");
        assert!(has(&p, 1, "египта"));
        let p = noun("Нидерланды");
        assert!(has(&p, 1, "нидерландов") && has(&p, 5, "нидерландах"));
        assert!(has(&noun("Мальдивы"), 1, "мальдив"));
        assert!(has(&noun("Китай"), 1, "китая"));
        assert!(has(&noun("Содружество"), 1, "содружества"));
        assert!(has(&noun("Движение"), 1, "движения"));
        assert!(has(&noun("Америка"), 1, "америки"));
    }

    #[test]
    fn indeclinable_and_fixed() {
        assert_eq!(noun("Того")[1], vec!["того"]);
        assert_eq!(noun("Мали")[4], vec!["мали"]);
        assert_eq!(noun("ООН")[1], vec!["оон"]);
        assert!(is_fixed_token("G20") && is_fixed_token("OPEC") && !is_fixed_token("Китай"));
        assert!(is_fixed_token("БиГ") && !is_fixed_token("Санкт-Петербург"));
        assert_eq!(noun("Самоа")[1], vec!["самоа"]);
    }

    #[test]
    fn hyphenated_names() {
        assert!(has(&noun("Нур-Султан"), 1, "нур-султана"));
        assert!(has(&noun("Гвинея-Бисау"), 1, "гвинеи-бисау"));
        assert!(has(&noun("Шри-Ланка"), 5, "шри-ланке"));
        assert_eq!(noun("Сан-Марино")[1], vec!["сан-марино"]);
    }

    #[test]
    fn person_names() {
        assert!(has(&person_word("Лавров", false), 4, "лавровым"));
        assert!(has(&person_word("Шольц", false), 4, "шольцем"));
        assert!(has(&person_word("Отунбаева", true), 1, "отунбаевой"));
        assert_eq!(person_word("Меркель", true)[1], vec!["меркель"]);
        assert_eq!(person_word("Лукашенко", false)[4], vec!["лукашенко"]);
        assert!(has(&person_word("Зеленский", false), 1, "зеленского"));
        assert!(has(&person_word("Касым-Жомарт", false), 1, "касым-жомарта"));
        assert!(has(&person_word("Ангела", true), 1, "ангелы"));
    }

    #[test]
    fn adjectives() {
        let p = adjective("Российская");
        assert!(has(&p, 1, "российской") && has(&p, 3, "российскую"));
        let p = adjective("Объединённые");
        assert!(has(&p, 1, "объединенных"));
        let p = adjective_all_genders("белорусский");
        assert!(has(&p, 1, "белорусской") && has(&p, 0, "белорусская") && has(&p, 1, "белорусских"));
        assert!(has(&adjective("Исполнительный"), 1, "исполнительного"));
        assert!(has(&adjective("Святой"), 1, "святого"));
        assert_eq!(adjective_gender("Совещание"), None);
        assert_eq!(adjective_gender("Арабские"), Some(Gender::Plural));
    }
}
