//! Calendar expressions: a small grammar over the text, then resolution of
//! each expression against a reference date and the tense of the event.
//!
//! Read: «6 октября», «6 октября 2020 года», «06.10.2020», «5–7 октября»,
//! «с 5 по 7 октября», «30 сентября — 2 октября», «7 апреля сего года»,
//! «в октябре 2020 года», «в 2021 году», «Двадцать седьмого сентября»,
//! «сегодня», «вчера», «накануне», «позавчера», «завтра», «в понедельник».
//! Vague expressions («осенью», «на следующей неделе») are not dates.

mod grammar;

use super::phrases::Cue;
use crate::record::{PartialDate, Span};

/// What a date expression says before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateValue {
    /// Days (with months, maybe a year) from `start` to `end`.
    Days { start: (Option<i32>, u8, u8), end: (Option<i32>, u8, u8), this_year: bool },
    /// A month of a year.
    Month(i32, u8),
    /// A year.
    Year(i32),
    /// Days relative to the reference date (вчера = -1).
    Relative(i32),
    /// A weekday (0 = Monday) near the reference date.
    Weekday(u8),
}

/// A date expression found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateExpr {
    pub span: Span,
    pub value: DateValue,
}

/// The date a text is dated from: full, or day and month of an unknown year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reference {
    pub year: Option<i32>,
    pub month: u8,
    pub day: u8,
}

impl Reference {
    /// A reference from a date the calendar has (see [`possible`]): the
    /// year arithmetic below stays within 0000–10000.
    pub fn from_date(d: PartialDate) -> Option<Reference> {
        if !possible(&d) {
            return None;
        }
        Some(Reference { year: d.year, month: d.month?, day: d.day? })
    }
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

/// Every date expression in `text` (a slice starting at byte `offset` of
/// the document), in text order.
///
/// The grammar ([`grammar`]) is read at each position where one of its
/// branches may open, leftmost first. A match needs word boundaries,
/// checked here: «5 мая», not «5 маяков»; «в 2021 году», not «ов 2021
/// году»; a letter of another script before it is no word (scraped copy
/// glues a literal `n` for a lost newline: «Новости.nТридцатого»).
pub(crate) fn find(text: &str, offset: usize) -> Vec<DateExpr> {
    expressions(text, offset).collect()
}

/// The expressions of [`find`], read one at a time: a caller that wants
/// the first of some sort stops reading there.
pub(crate) fn expressions(text: &str, offset: usize) -> impl Iterator<Item = DateExpr> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some((start, branches)) = grammar::next_start(text, from) {
            let Some((end, value)) = grammar::expression(text, start, branches) else {
                from = start + 1;
                continue;
            };
            // Words that fail a boundary are passed over whole, as a scan
            // for the leftmost expression would.
            let matched = &text[start..end];
            let next = text[end..].chars().next();
            let prev = text[..start].chars().next_back();
            let first = matched.chars().next();
            let glued = (next.is_some_and(char::is_alphanumeric) && !matched.ends_with('.'))
                || prev.is_some_and(|ch| ch.is_alphanumeric() && first.is_none_or(|f| script(f) == script(ch)));
            from = end;
            if let (false, Some(value)) = (glued, value) {
                return Some(DateExpr { span: Span::new(offset + start, offset + end), value });
            }
        }
        None
    })
}

/// «накануне визита» means "on the eve of the visit", not "yesterday":
/// a following noun in the genitive (not a verb) takes it.
fn eve_of_something(rest: &str) -> bool {
    let next: String = rest.trim_start().chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
    if next.is_empty() {
        return false;
    }
    let verbish =
        ["л", "ла", "ло", "ли", "ся", "сь", "ет", "ит", "ут", "ют", "ат", "ят"].iter().any(|e| next.ends_with(e));
    let adverb_or_prep = matches!(
        next.as_str(),
        "в" | "во"
            | "на"
            | "с"
            | "со"
            | "по"
            | "вечером"
            | "утром"
            | "днем"
            | "также"
            | "же"
            | "и"
    );
    !verbish && !adverb_or_prep
}

/// Parses a dateline's date: «07.10.2020», «6 октября», «11 ноя», «6 ОКТЯБРЯ».
pub(crate) fn parse_dateline_date(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    // An ISO date («2025-08-15»), as a page's metadata gives it.
    if let [y, m, d] = s.split('-').collect::<Vec<_>>()[..] {
        if y.len() == 4 && [y, m, d].iter().all(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())) {
            let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
            return Some(PartialDate { year: Some(y), month: Some(m), day: Some(d) }).filter(possible);
        }
    }
    if let Some(DateExpr { value: DateValue::Days { start: (y, m, d), .. }, .. }) = find(s, 0).first() {
        return Some(PartialDate { year: *y, month: Some(*m), day: Some(*d) }).filter(possible);
    }
    // A two-digit year (Kabar: «08.08.24»): this century up to 69, the
    // last from 70 on; a page's «17/01/2017» (day first).
    let numeric: Vec<&str> = s.split(['.', '/']).collect();
    if let [d, m, y] = numeric[..] {
        let all_digits =
            |t: &str, n: std::ops::RangeInclusive<usize>| n.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
        if all_digits(d, 1..=2) && all_digits(m, 1..=2) && all_digits(y, 2..=4) && y.len() != 3 {
            let yy: i32 = y.parse().ok()?;
            let year = match y.len() {
                4 => yy,
                _ if yy < 70 => 2000 + yy,
                _ => 1900 + yy,
            };
            return Some(PartialDate { year: Some(year), month: Some(m.parse().ok()?), day: Some(d.parse().ok()?) })
                .filter(possible);
        }
    }
    // Abbreviated months (RIA, Sputnik): «11 ноя», «3 апр», «15 мар».
    let mut parts = s.split_whitespace();
    let d: u8 = parts.next()?.parse().ok()?;
    let mon = parts.next()?.trim_end_matches('.').to_lowercase();
    const ABBR: [&str; 12] = ["янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
    let m = ABBR.iter().position(|a| mon.starts_with(a))? as u8 + 1;
    let y = parts.next().and_then(|y| y.parse::<i32>().ok());
    Some(PartialDate { year: y, month: Some(m), day: Some(d) }).filter(possible)
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
pub(crate) fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let (y, m, d) = (y as i64, m as i64, d as i64);
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The date of a day count since 1970-01-01.
pub(crate) fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Resolves an expression to `(start, end)` against the reference date;
/// `planned` puts an unyeared day on or after the reference, else on or
/// before it.
pub(crate) fn resolve(
    value: DateValue,
    reference: Option<Reference>,
    planned: bool,
) -> Option<(PartialDate, PartialDate)> {
    resolve_any(value, reference, planned).filter(|(s, e)| possible(s) && possible(e))
}

/// Whether `d` is a day the calendar has («31 февраля» is not) in the
/// years ISO 8601 and the record's serde form accept (0001–9999): an
/// expression or a shift past them gives no date rather than a record that
/// cannot be read back.
pub(crate) fn possible(d: &PartialDate) -> bool {
    let year_ok = d.year.is_none_or(|y| (1..=9999).contains(&y));
    let month_ok = d.month.is_none_or(|m| (1..=12).contains(&m));
    // An unknown year may be a leap one: «29 февраля» stays possible.
    let day_ok = match (d.month, d.day) {
        (Some(m), Some(day)) => day >= 1 && day <= days_in_month(d.year.unwrap_or(2000), m),
        (None, Some(_)) => false,
        _ => true,
    };
    year_ok && month_ok && day_ok
}

fn resolve_any(value: DateValue, reference: Option<Reference>, planned: bool) -> Option<(PartialDate, PartialDate)> {
    match value {
        DateValue::Year(y) => Some((PartialDate::y(y), PartialDate::y(y))),
        DateValue::Month(y, m) => Some((PartialDate::ym(y, m), PartialDate::ym(y, m))),
        DateValue::Days { start, end, this_year } => {
            let year = match (start.0.or(end.0), reference) {
                (Some(y), _) => Some(y),
                (None, Some(Reference { year: Some(ry), month, day })) => {
                    if this_year {
                        Some(ry)
                    } else {
                        Some(nearest_year(ry, (month, day), (start.1, start.2), planned))
                    }
                }
                _ => None,
            };
            let mk = |(y, m, d): (Option<i32>, u8, u8), shift: i32| PartialDate {
                year: y.or(year.map(|x| x + shift)),
                month: Some(m),
                day: Some(d),
            };
            // A range that crosses New Year: the end is in the next year.
            let end_shift = i32::from((end.1, end.2) < (start.1, start.2));
            Some((mk(start, 0), mk(end, end_shift)))
        }
        DateValue::Relative(delta) => {
            // «завтра» dates no event that took place, «вчера» none to come.
            if (delta > 0 && !planned) || (delta < 0 && planned) {
                return None;
            }
            let r = reference?;
            let d = shift_days(r, delta as i64);
            Some((d, d))
        }
        DateValue::Weekday(w) => {
            let r = reference?;
            let y = r.year?;
            let today = days_from_civil(y, r.month, r.day);
            let today_wd = (today + 3).rem_euclid(7); // 1970-01-01 was a Thursday (3)
            let diff =
                if planned { (w as i64 - today_wd).rem_euclid(7) } else { -((today_wd - w as i64).rem_euclid(7)) };
            let (y, m, d) = civil_from_days(today + diff);
            let p = PartialDate::ymd(y, m, d);
            Some((p, p))
        }
    }
}

fn shift_days(r: Reference, delta: i64) -> PartialDate {
    // Without a year, count in a common (non-leap) year and drop it again.
    let y = r.year.unwrap_or(2021);
    let (ny, m, d) = civil_from_days(days_from_civil(y, r.month, r.day) + delta);
    match r.year {
        Some(_) => PartialDate::ymd(ny, m, d),
        None => PartialDate::md(m, d),
    }
}

/// The year for day `md` nearest to the reference day that keeps the event
/// on the side the tense implies (held: not after the reference; planned:
/// not before it).
pub(crate) fn nearest_year(ref_year: i32, ref_md: (u8, u8), md: (u8, u8), planned: bool) -> i32 {
    let r = days_from_civil(ref_year, ref_md.0, ref_md.1);
    let mut best = (i64::MAX, ref_year);
    for y in [ref_year - 1, ref_year, ref_year + 1] {
        let day = md.1.min(days_in_month(y, md.0));
        let t = days_from_civil(y, md.0, day);
        let wrong_side = if planned { t < r } else { t > r };
        // A small slack: a report may be dated a day before an event it
        // calls held, and announcements may name today.
        let penalty = if wrong_side && (t - r).abs() > 1 { 400 } else { 0 };
        let cost = (t - r).abs() + penalty;
        if cost < best.0 {
            best = (cost, y);
        }
    }
    best.1
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// The main event's date: the expression in its sentence nearest to the
/// trigger; else the first one in the next two sentences of the paragraph
/// that do not announce a later event. A single day the article later
/// widens to a range («открылся сегодня … проходит с 27 по 28 июля») takes
/// the range.
pub(crate) fn main_date(
    ctx: &super::context::Context,
    ev: &super::kind::MainEvent,
    fallback: Option<crate::record::EventDate>,
) -> Option<crate::record::EventDate> {
    let k = ev.sentence?;
    // Under a headline «Заявление МИД …», a body that names no statement
    // is the statement's own text: its dates are what it speaks of.
    let statement_text = ev.kind == crate::record::EventKind::Statement
        && ev.from_headline
        && !ctx.body.at(k).has(|c| matches!(c, Cue::Kind(crate::record::EventKind::Statement) | Cue::Document(_)));
    if statement_text {
        return fallback;
    }
    let planned = ev.status == crate::record::Status::Planned;
    let anchor =
        ev.trigger.filter(|_| !ev.from_headline).map(|t| t.span(ctx.doc).start).unwrap_or(ctx.body.at(k).span().start);
    let resolve_expr = |e: &DateExpr| resolve(e.value, ctx.reference, planned).map(|(s, t)| (*e, s, t));
    // «в среду принимает»: a weekday with a verb in the present is the
    // reference day itself (a held event whose trigger is no past form).
    let present = !planned
        && ev.trigger.is_some_and(|t| {
            let w = ctx.word(t.first());
            !["л", "ла", "ли", "ло", "лся", "лась", "лись"].iter().any(|e| w.ends_with(e))
                && ["ет", "ит", "ют", "ят", "ут", "ат"].iter().any(|e| w.ends_with(e))
        });
    let resolve_expr = |e: &DateExpr| match (e.value, ctx.reference) {
        (DateValue::Weekday(_), Some(r)) if present && r.year.is_some() => {
            let day = PartialDate { year: r.year, month: Some(r.month), day: Some(r.day) };
            Some((*e, day, day))
        }
        _ => resolve_expr(e),
    };
    // «продлится до 13 июня» gives an end, never a start.
    let until_expr = |e: &DateExpr| {
        let i = ctx.doc.token_at(e.span.start);
        i > 0 && ctx.word(i - 1) == "до" && (i.saturating_sub(4)..i - 1).any(|k| super::context::goes_on(ctx.word(k)))
    };
    // «с начала российского вторжения … 24 февраля», «с момента
    // подписания 5 мая»: a day something is counted from.
    let since_expr = |e: &DateExpr| {
        let i = ctx.doc.token_at(e.span.start);
        (i.saturating_sub(6)..i).any(|k| {
            matches!(ctx.word(k), "с" | "со") && matches!(ctx.word(k + 1), "начала" | "момента" | "дня" | "времени")
        })
    };
    // «…проведут консультации, заявил в пятницу советник»: the day a
    // statement was made, not the event's (but «Об этом он сказал 11
    // апреля на встрече» dates the meeting it was said at).
    let said_on = |e: &DateExpr| {
        let i = ctx.doc.token_at(e.span.start);
        (i.saturating_sub(2).max(1)..i).any(|k| {
            let w = ctx.word(k);
            let attribution = matches!(ctx.word(k - 1), "," | "–" | "—" | "-");
            attribution
                && ["заявил", "сообщил", "сказал", "отметил", "рассказал", "объявил", "подчеркнул"]
                    .iter()
                    .any(|p| w.starts_with(p))
        })
    };
    let start_expr = |e: &&DateExpr| !until_expr(e) && !since_expr(e) && !said_on(e);
    let nearby = ctx.describing(k).chain(ev.scene.map(|j| ctx.body.at(j)));
    // «направил ноту протеста в связи с посещением Крыма 27 апреля»: a
    // day after another event's name, past the trigger, is that event's.
    let main_sent = ctx.body.at(k);
    let of_another_event = |e: &&DateExpr| {
        let Some(t) = ev.trigger.filter(|_| !ev.from_headline) else { return false };
        let i = ctx.doc.token_at(e.span.start);
        // (Hits are sorted: the walk starts at the date and goes back a
        // few hits at most, so that a sentence of many dates stays linear.)
        let hits = main_sent.hits();
        let before = &hits[..hits.partition_point(|h| h.first() < i)];
        let nearest =
            before.iter().rev().take(12).take_while(|h| h.first() >= t.last()).filter(|h| h.last() <= i).find_map(
                |h| match h.cue {
                    Cue::Kind(kind) => Some((kind, h.last())),
                    _ => None,
                },
            );
        // (Within that event's own phrase: «встречи с генсеком, 31 января
        // сообщается» dates the report again.)
        nearest
            .is_some_and(|(kind, end)| !super::kind::same_event(kind, ev.kind) && (end..i).all(|k| ctx.word(k) != ","))
    };
    let in_main = main_sent
        .dates()
        .iter()
        .filter(start_expr)
        .filter(|e| !of_another_event(e))
        .filter_map(resolve_expr)
        .min_by_key(|(e, _, _)| (e.span.start as i64 - anchor as i64).abs());
    // Later paragraphs that tell of the event again («Новый раунд стартовал
    // 14 марта», «Форум проходит 23-24 июня», «Визит продлится до 14
    // апреля»); a day they give must lie within a week of the reference,
    // so that an earlier round they list («Первый раунд прошел в мае 2019
    // года») dates nothing.
    let restating: Vec<super::context::Sent> = ctx
        .body
        .from(k + 1)
        .take(10)
        .filter(|s| {
            let names = s.has(|c| c == Cue::Kind(ev.kind) || c == Cue::KindRound);
            names && !s.recalls() && (!s.has(|c| matches!(c, Cue::FollowUp(_))) || ctx.lasts(s))
        })
        .collect();
    // Days between a date and the reference, when both are full dates.
    let from_reference = |(_, s, _): &(DateExpr, PartialDate, PartialDate)| match ctx.reference {
        Some(r) => match (r.year, s.year, s.month, s.day) {
            (Some(ry), Some(y), Some(m), Some(d)) => {
                Some((days_from_civil(y, m, d) - days_from_civil(ry, r.month, r.day)).abs())
            }
            _ => None,
        },
        None => None,
    };
    let found = in_main
        .or_else(|| nearby.clone().flat_map(|s| s.dates().iter()).filter(start_expr).find_map(resolve_expr))
        .or_else(|| {
            // The nearest: rounds listed before the new one («прошли 28
            // февраля, 3 и 7 марта … Четвертый раунд начался 14 марта»).
            let later = restating.iter().flat_map(|s| s.dates().iter()).filter(start_expr);
            let near = later
                .filter_map(resolve_expr)
                .filter_map(|f| from_reference(&f).filter(|&d| d <= 7).map(|d| (d, f)))
                .min_by_key(|(d, _)| *d)
                .map(|(_, f)| f);
            // With no day to measure against, a sentence that opens with the
            // event's own name tells of it again («Встреча состоялась
            // сегодня, 15 октября»), not one of its earlier rounds
            // («Первый раунд прошел…»).
            let unmeasured = ctx.reference.is_none_or(|r| r.year.is_none());
            near.or_else(|| {
                restating
                    .iter()
                    .filter(|_| unmeasured)
                    .filter(|s| s.hits().first().is_some_and(|h| h.first() == s.first() && h.cue == Cue::Kind(ev.kind)))
                    .flat_map(|s| s.dates().iter())
                    .filter(start_expr)
                    .find_map(resolve_expr)
            })
        });
    // No date of its own: the fallback day (the dateline's), which a later
    // «продлится до …» may still end.
    let (mut span, mut text, mut start, mut end) = match found {
        Some((e, s, t)) => (e.span, ctx.doc.slice(e.span).to_string(), s, t),
        None => {
            let f = fallback?;
            (f.span, f.text, f.start, f.end)
        }
    };
    let nearby = nearby.chain(restating.iter().cloned());
    if start == end {
        let widened = nearby
            .clone()
            .flat_map(|s| s.dates().iter())
            .filter_map(resolve_expr)
            .find(|(_, s, t)| s != t && within(start, *s, *t));
        if let Some((e, s, t)) = widened {
            (span, text) = (e.span, ctx.doc.slice(e.span).to_string());
            (start, end) = (s, t);
        }
    }
    if start == end {
        // «Визит продлится до 5 марта»: an end given on its own.
        let until = std::iter::once(ctx.body.at(k))
            .chain(nearby)
            .flat_map(|s| s.dates().iter())
            // «продлится до», «продолжится до»: not any «до» (a treaty
            // extended «до 5 февраля 2026 года» is no event's end).
            .filter(|e| until_expr(e))
            // An end still to come lies after the reference day.
            .filter_map(|e| resolve(e.value, ctx.reference, true).map(|(s, t)| (*e, s, t)))
            .find(|(_, s, t)| s == t && later_within_a_month(start, *s));
        if let Some((_, t, _)) = until {
            end = t;
        }
    }
    Some(crate::record::EventDate { start, end, text, span })
}

/// Whether `t` is a day after `s`, in the same or the next month (and the
/// same year, when both are known).
fn later_within_a_month(s: PartialDate, t: PartialDate) -> bool {
    let (Some(sm), Some(sd), Some(tm), Some(td)) = (s.month, s.day, t.month, t.day) else { return false };
    let same_year = s.year.is_none() || t.year.is_none() || s.year == t.year;
    same_year && ((tm == sm && td > sd) || tm == sm % 12 + 1 && td < sd)
}

fn within(d: PartialDate, s: PartialDate, t: PartialDate) -> bool {
    let key = |p: PartialDate| (p.month, p.day);
    (d.year.is_none() || s.year.is_none() || d.year == s.year || d.year == t.year)
        && key(s) <= key(d)
        && key(d) <= key(t)
}

#[cfg(test)]
mod tests {
    use super::grammar::{MONTHS_ACC, MONTHS_PREP, ORDINALS, RELATIVE, TENS, WEEKDAYS};
    use super::*;

    fn one(s: &str) -> DateValue {
        let f = find(s, 0);
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        f[0].value
    }

    #[test]
    fn grammar() {
        assert_eq!(one("6 октября"), DateValue::Days { start: (None, 10, 6), end: (None, 10, 6), this_year: false });
        assert_eq!(
            one("6 октября 2020 года"),
            DateValue::Days { start: (Some(2020), 10, 6), end: (Some(2020), 10, 6), this_year: false }
        );
        assert_eq!(
            one("06.10.2020"),
            DateValue::Days { start: (Some(2020), 10, 6), end: (Some(2020), 10, 6), this_year: false }
        );
        assert_eq!(one("5–7 октября"), DateValue::Days { start: (None, 10, 5), end: (None, 10, 7), this_year: false });
        assert_eq!(
            one("с 5 по 7 октября"),
            DateValue::Days { start: (None, 10, 5), end: (None, 10, 7), this_year: false }
        );
        assert_eq!(
            one("30 сентября — 2 октября"),
            DateValue::Days { start: (None, 9, 30), end: (None, 10, 2), this_year: false }
        );
        assert_eq!(
            one("7 апреля сего года"),
            DateValue::Days { start: (None, 4, 7), end: (None, 4, 7), this_year: true }
        );
        assert_eq!(one("в октябре 2020 года"), DateValue::Month(2020, 10));
        assert_eq!(one("в 2021 году"), DateValue::Year(2021));
        assert_eq!(
            one("Двадцать седьмого сентября"),
            DateValue::Days { start: (None, 9, 27), end: (None, 9, 27), this_year: false }
        );
        assert_eq!(one("вчера"), DateValue::Relative(-1));
        assert_eq!(one("в понедельник"), DateValue::Weekday(0));
        assert!(find("накануне визита", 0).is_empty());
        assert_eq!(one("накануне провел"), DateValue::Relative(-1));
        assert!(find("осенью и на следующей неделе", 0).is_empty());
    }

    /// Every branch of the grammar, opened by each of its words, in both
    /// cases, is found as one date.
    #[test]
    fn find_reads_every_branch() {
        let mut texts = vec!["06.10.2020".to_string(), "5–7 октября".to_string()];
        let days = ORDINALS.iter().map(|(w, _)| w.to_string()).chain(TENS.iter().map(|(t, _)| format!("{t} первого")));
        for day in days.chain(["5".to_string()]) {
            // «с» opens ranges only.
            texts.push(format!("{day} мая 2021 года"));
            for prep in ["", "с "] {
                texts.push(format!("{prep}{day}–31 мая"));
                texts.push(format!("{prep}{day} мая — 2 июня"));
            }
        }
        for m in MONTHS_PREP {
            texts.push(format!("в {m} 2020 года"));
        }
        for m in MONTHS_ACC {
            texts.push(format!("на {m} 2020 года"));
        }
        texts.push("в 2021 году".to_string());
        texts.extend(WEEKDAYS.iter().flat_map(|w| [format!("в {w}"), format!("во {w}")]));
        texts.extend(RELATIVE.iter().map(|(w, _)| w.to_string()));
        // In capitals, and with no-break spaces.
        let upper = texts.iter().map(|t| t.to_uppercase());
        let nbsp = texts.iter().map(|t| t.replace(' ', "\u{A0}"));
        for t in texts.clone().into_iter().chain(upper).chain(nbsp) {
            let found = find(&t, 3);
            assert_eq!(found.len(), 1, "{t}");
            assert_eq!(found[0].span, Span::new(3, 3 + t.len()), "{t}: read to its end");
        }
    }

    /// A match that fails a word boundary is passed over whole, as the
    /// leftmost scan of the regular expression this grammar replaced did
    /// (records unchanged): «вс 5 по 7 мая» is no date, the words after a
    /// rejected one are read again.
    #[test]
    fn a_match_glued_to_a_word_is_passed_over() {
        assert!(find("вс 5 по 7 мая", 0).is_empty());
        assert!(find("ов 2021 году", 0).is_empty());
        let found = find("5 маяков, 6 мая", 0);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, Span::new(16, 24));
    }

    #[test]
    fn resolution() {
        let r = Some(Reference { year: Some(2021), month: 1, day: 5 });
        let v = DateValue::Days { start: (None, 12, 28), end: (None, 12, 28), this_year: false };
        assert_eq!(resolve(v, r, false).unwrap().0.to_string(), "2020-12-28");
        let r2 = Some(Reference { year: None, month: 7, day: 30 });
        assert_eq!(resolve(DateValue::Relative(-1), r2, false).unwrap().0.to_string(), "--07-29");
        let r3 = Some(Reference { year: Some(2020), month: 10, day: 13 }); // a Tuesday
        assert_eq!(resolve(DateValue::Weekday(0), r3, false).unwrap().0.to_string(), "2020-10-12");
        assert_eq!(resolve(v, None, false).unwrap().0.to_string(), "--12-28");
        assert_eq!(parse_dateline_date("11 ноя").unwrap().to_string(), "--11-11");
        assert_eq!(parse_dateline_date("07.10.2020").unwrap().to_string(), "2020-10-07");
        assert_eq!(parse_dateline_date("14 ФЕВРАЛЯ").unwrap().to_string(), "--02-14");
    }

    #[test]
    fn impossible_days_and_years_past_the_calendar_give_no_date() {
        assert_eq!(parse_dateline_date("31.02.2021"), None);
        assert_eq!(parse_dateline_date("30 фев"), None);
        assert!(parse_dateline_date("29.02.2020").is_some());
        assert_eq!(parse_dateline_date("29.02.2021"), None);
        let day = |m, d| DateValue::Days { start: (Some(2021), m, d), end: (Some(2021), m, d), this_year: false };
        assert_eq!(resolve(day(4, 31), None, false), None);
        let last = Reference::from_date(PartialDate::ymd(9999, 12, 31));
        assert_eq!(resolve(DateValue::Relative(1), last, true), None);
        assert_eq!(resolve(DateValue::Weekday(0), last, true), None);
        let first = Reference::from_date(PartialDate::ymd(1, 1, 1));
        assert_eq!(resolve(DateValue::Relative(-1), first, false), None);
        assert_eq!(Reference::from_date(PartialDate::ymd(0, 1, 1)), None);
        assert_eq!(Reference::from_date(PartialDate::ymd(i32::MAX, 1, 1)), None);
        assert_eq!(resolve(DateValue::Year(0), None, false), None);
    }
}
