//! Officials and ambiguous abbreviations: which state a person's name
//! («Лавров», «Си Цзиньпином») or an abbreviation such as «РК» stands for
//! in this document. Both become state matches (form `official` and `name`)
//! so that every later rule reads them like any other name of the state.

use super::dates::{self, DateValue, Reference};
use crate::gazetteer::{EntityId, EntityKind, Gazetteer, Match};
use crate::record::{Dateline, MentionForm};
use crate::text::{Document, TokenKind};

/// The year the officials are looked up for: the year of the first dated
/// expression of the headline or lead paragraph (the event's, as a rule),
/// else the reference date's (the caller's or the dateline's).
fn text_year(doc: &Document, reference: Option<Reference>) -> Option<i32> {
    let lead = doc.parts.headline.iter().chain(doc.parts.body.first());
    // Read up to the first expression with a year, no further.
    let dated = lead.flat_map(|&s| dates::expressions(doc.slice(s), s.start)).find_map(|d| match d.value {
        DateValue::Days { start: (Some(y), _, _), .. } | DateValue::Month(y, _) => Some(y),
        _ => None,
    });
    dated.or_else(|| reference.and_then(|r| r.year))
}

/// Words after which a person's name names a thing: «аэропорт имени Гейдара
/// Алиева», «проспект Назарбаева».
const NAMED_AFTER: &[&str] =
    &["имени", "им", "улица", "улицы", "улице", "проспект", "проспекта", "проспекте", "площадь", "площади"];

/// Whether the words around a surname standing alone make it someone
/// else's: another first name or initial before it («Андрей Медведев», «А.
/// Медведев»; the official's own are forms of the name and would have
/// matched the longer form), or a capitalized word after it, of which it
/// is the first name («Керри Фишер»).
fn other_person(doc: &Document, matches: &[Match], i: usize) -> bool {
    first_name_after(doc, matches, i) || first_name_before(doc, matches, i)
}

/// The last few matches that start at or before token `k` (matches are in
/// text order): a binary search, so that long documents stay linear.
fn near(matches: &[Match], k: usize) -> impl Iterator<Item = &Match> {
    let p = matches.partition_point(|m| m.first_token() <= k);
    matches[..p].iter().rev().take(8)
}

/// Whether token `k` is a capitalized word (not an abbreviation) that no
/// other name covers.
fn bare_capitalized(doc: &Document, matches: &[Match], k: usize) -> bool {
    let t = &doc.tokens[k];
    let raw = t.text(doc.text);
    let capitalized = raw.chars().next().is_some_and(char::is_uppercase);
    // «МИД Лавров», «РФ Путин»: an abbreviation is no first name.
    let abbreviation = raw.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let named = near(matches, k).any(|m| k < m.end_token());
    t.kind() == TokenKind::Word && capitalized && !abbreviation && !named
}

/// Whether the surname at token `i` is followed, on its line and in its
/// sentence, by a bare capitalized word: then it is a first name.
fn first_name_after(doc: &Document, matches: &[Match], i: usize) -> bool {
    let k = i + 1;
    if k >= doc.tokens.len() || doc.text[doc.tokens[i].span().end..doc.tokens[k].span().start].contains('\n') {
        return false;
    }
    let opens = doc.sentence_of(k).and_then(|s| doc.sentences.get(s)).is_none_or(|s| s.first() == k);
    // «с Путиным Глава государства …»: a title written with a capital
    // (as Central Asian copy writes «Глава государства», «Президент») is
    // no name.
    let title = TITLES.iter().any(|t| doc.norm.get(k).starts_with(t));
    !opens && !title && bare_capitalized(doc, matches, k)
}

fn first_name_before(doc: &Document, matches: &[Match], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = &doc.tokens[i - 1];
    let raw = prev.text(doc.text);
    if doc.text[prev.span().end..doc.tokens[i].span().start].contains('\n') {
        return false;
    }
    if raw == "." && i >= 2 {
        let t = doc.tokens[i - 2].text(doc.text);
        return t.chars().count() == 1 && t.chars().all(char::is_uppercase);
    }
    // At the start of a sentence a capital says nothing: «Президент
    // Путин» is a title, «Василий Тарасюк» a first name.
    let opens = doc.sentence_of(i - 1).and_then(|s| doc.sentences.get(s)).is_none_or(|s| s.first() == i - 1);
    let opening_title = opens && TITLES.iter().any(|t| doc.norm.get(i - 1).starts_with(t));
    bare_capitalized(doc, matches, i - 1) && !opening_title
}

/// Stems of the titles that stand before a surname («Президент Путин»,
/// «Канцлер Шольц», «Госсекретарь Блинкен»).
const TITLES: &[&str] = &[
    "президент",
    "премьер",
    "канцлер",
    "министр",
    "глав",
    "лидер",
    "корол",
    "госсекретар",
    "председател",
    "император",
    "пап",
    "эмир",
    "шейх",
    "султан",
    "господ",
    "госпож",
    "г-н",
    "мистер",
    "экс-",
    "вице-",
];

/// Whether the title before a name says the person does not act for a
/// state now: a former one («бывший президент», «экс-премьер») or an
/// organization's officer («Генеральный секретарь ОДКБ Имангали
/// Тасмагамбетов»).
fn not_acting(doc: &Document, matches: &[Match], i: usize) -> bool {
    let org_title =
        near(matches, i.saturating_sub(1)).any(|m| m.kind == EntityKind::Organization && m.end_token() == i);
    let title = (i.saturating_sub(4)..i).rev().take_while(|&k| doc.tokens[k].kind() != TokenKind::Punct);
    let former = title.into_iter().any(|k| {
        let w = doc.norm.get(k);
        w.starts_with("бывш") || w.starts_with("экс-") || w == "экс"
    });
    org_title || former
}

/// The state an official's name stands for in a text of `year`: the state
/// of an office held that year (of the latest term when the year is not
/// known). A name shared by officials of different states at that time
/// stands for none.
fn state_of(gaz: &Gazetteer, officials: &[EntityId], year: Option<i32>) -> Option<EntityId> {
    let country = |o: EntityId| gaz.entity(o).country.as_deref().and_then(|c| gaz.state(c));
    let mut states: Vec<EntityId> = match year {
        Some(y) => {
            officials.iter().filter(|&&o| gaz.terms(o).any(|t| t.covers(y))).filter_map(|&o| country(o)).collect()
        }
        None => {
            let latest = |o: EntityId| gaz.terms(o).map(|t| (t.end.unwrap_or(i32::MAX), t.start)).max();
            let best = officials.iter().filter_map(|&o| latest(o)).max();
            officials.iter().filter(|&&o| best.is_some() && latest(o) == best).filter_map(|&o| country(o)).collect()
        }
    };
    states.sort_unstable();
    states.dedup();
    match states[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// Replaces the matches of officials and of ambiguous abbreviations by
/// state matches, or drops them. Matches of one span are neighbours in
/// `matches`, as the gazetteer returns them. The officials are looked up
/// for the [`text_year`] of `reference`.
pub(crate) fn resolve(
    doc: &Document,
    gaz: &Gazetteer,
    matches: Vec<Match>,
    reference: Option<Reference>,
    dateline: Option<&Dateline>,
) -> Vec<Match> {
    if !matches.iter().any(|m| matches!(m.kind, EntityKind::Official | EntityKind::Abbreviation)) {
        return matches;
    }
    // The year scans the lead with the date grammar: only for a text with
    // an official to look up (an eighth of the extraction when done for all).
    let year = std::cell::OnceCell::new();
    // A new list rather than edits in place: linear however many officials.
    let mut out: Vec<Match> = Vec::with_capacity(matches.len());
    let mut k = 0;
    while k < matches.len() {
        let m = matches[k];
        let group = matches[k..].iter().take_while(|o| o.span == m.span && o.kind == EntityKind::Official).count();
        if group == 0 {
            out.push(m);
            k += 1;
            continue;
        }
        let officials: Vec<EntityId> = matches[k..k + group].iter().map(|o| o.entity).collect();
        k += group;
        let alone = m.end_token() - m.first_token() == 1;
        let thing = m.first_token() > 0 && NAMED_AFTER.contains(&doc.norm.get(m.first_token() - 1));
        // In a text without capitals a lone surname may be a word («милей»).
        let doubtful = alone && (doc.lowercased || other_person(doc, &matches, m.first_token()));
        if thing || doubtful || not_acting(doc, &matches, m.first_token()) {
            continue;
        }
        if let Some(s) = state_of(gaz, &officials, *year.get_or_init(|| text_year(doc, reference))) {
            out.push(Match { entity: s, kind: EntityKind::State, form: MentionForm::Official, ..m });
        }
    }
    let matches = out;
    // An abbreviation counts only for a state the article names otherwise
    // (officials included) or whose city or agency gives the dateline.
    let mut named: Vec<&str> =
        matches.iter().filter(|m| m.kind == EntityKind::State).map(|m| gaz.entity(m.entity).id.as_str()).collect();
    named.sort_unstable();
    named.dedup();
    if let Some(d) = dateline {
        named.extend(d.city.as_ref().map(|c| c.country.as_str()));
        let agency = d.agency.as_ref().and_then(|a| gaz.agencies().iter().find(|g| g.id == a.id));
        named.extend(agency.map(|a| a.country.as_str()));
    }
    matches
        .into_iter()
        .filter_map(|m| {
            if m.kind != EntityKind::Abbreviation {
                return Some(m);
            }
            let iso = gaz.entity(m.entity).country.as_deref()?;
            let state = gaz.state(iso).filter(|_| named.contains(&iso))?;
            Some(Match { entity: state, kind: EntityKind::State, ..m })
        })
        .collect()
}
