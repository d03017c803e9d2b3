//! The index's two SVG charts, drawn here (no chart library, no script):
//! events per month stacked by kind, and a matrix of how many events each
//! pair of states took part in together.
//!
//! SVG elements are always written with a closing tag: an HTML parser does
//! not end `<rect …>` by itself inside `<svg>`.

use super::report::Row;
use super::Clean;
use crate::record::EventKind;
use maud::{html, Markup};
use std::collections::{BTreeMap, HashMap};

/// Every kind of event, in legend order (`Other` is no event and not drawn).
const KINDS: [EventKind; 11] = [
    EventKind::Meeting,
    EventKind::Talks,
    EventKind::Consultations,
    EventKind::Visit,
    EventKind::PhoneCall,
    EventKind::Session,
    EventKind::Summit,
    EventKind::Conference,
    EventKind::Signing,
    EventKind::Credentials,
    EventKind::Statement,
];

/// A colour per kind, told apart on screen and in print.
fn kind_color(k: EventKind) -> &'static str {
    match k {
        EventKind::Meeting => "#1f77b4",
        EventKind::Talks => "#ff7f0e",
        EventKind::Consultations => "#2ca02c",
        EventKind::Visit => "#d62728",
        EventKind::PhoneCall => "#9467bd",
        EventKind::Session => "#8c564b",
        EventKind::Summit => "#e377c2",
        EventKind::Conference => "#7f7f7f",
        EventKind::Signing => "#bcbd22",
        EventKind::Credentials => "#17becf",
        EventKind::Statement => "#393b79",
        EventKind::Other => "#cccccc",
    }
}

/// Months as a running number, so that a range has no holes.
fn month_index(year: i32, month: u8) -> i64 {
    i64::from(year) * 12 + i64::from(month) - 1
}

/// Counts per month and kind.
type MonthCounts = BTreeMap<i64, HashMap<EventKind, usize>>;

/// Events per month, stacked by kind: one chart of dated months, one of
/// months whose year is unknown (agency datelines often give none).
/// Records of kind `other` and events with no month are counted in a note.
pub(super) fn months(rows: &[Row]) -> Markup {
    let (mut dated, mut yearless) = (MonthCounts::new(), MonthCounts::new());
    let (mut other, mut undated) = (0, 0);
    for r in rows {
        let month = r.start.and_then(|d| d.month);
        match (r.kind, r.start.and_then(|d| d.year), month) {
            (EventKind::Other, _, _) => other += 1,
            (_, _, None) => undated += 1,
            (k, Some(y), Some(m)) => *dated.entry(month_index(y, m)).or_default().entry(k).or_default() += 1,
            (k, None, Some(m)) => *yearless.entry(i64::from(m) - 1).or_default().entry(k).or_default() += 1,
        }
    }
    let present: Vec<EventKind> =
        KINDS.into_iter().filter(|k| dated.values().chain(yearless.values()).any(|c| c.contains_key(k))).collect();
    let dated_label = |m: i64| format!("{}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1);
    let yearless_label = |m: i64| format!("--{:02}", m + 1);
    html! {
        @if !dated.is_empty() { (bars(&dated, &present, "Events per month", &dated_label)) }
        @if !yearless.is_empty() {
            p.note { "Months of events whose year is unknown:" }
            (bars(&yearless, &present, "Events per month, year unknown", &yearless_label))
        }
        p.legend { @for k in &present {
            svg width="10" height="10" { rect width="10" height="10" fill=(kind_color(*k)) {} } " " (k.as_str()) " "
        } }
        p.note { (other) " records report no diplomatic event; " (undated) " events have no month." }
    }
}

/// One stacked bar chart over the months from the first to the last key.
fn bars(counts: &MonthCounts, present: &[EventKind], name: &str, label: &dyn Fn(i64) -> String) -> Markup {
    let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return html! {};
    };
    let n = (last - first + 1) as usize;
    let top = counts.values().map(|c| c.values().sum::<usize>()).max().unwrap_or(1).max(1);
    let (left, bottom, height) = (30usize, 40usize, 180usize);
    let bar = (760 / n).clamp(4, 28);
    let width = left + n * bar + 10;
    let y = |v: usize| 10 + height - v * height / top;
    let label_every = n.div_ceil(12);
    // Each bar's segments, bottom up in legend order: (x, value below, value, kind).
    let mut segments = Vec::new();
    for (&m, c) in counts {
        let x = left + (m - first) as usize * bar;
        let mut below = 0;
        for k in present {
            if let Some(&v) = c.get(k) {
                segments.push((x, m, below, v, *k));
                below += v;
            }
        }
    }
    html! {
        svg.chart xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(name)
            width=(width) height=(height + bottom + 10) viewBox={ "0 0 " (width) " " (height + bottom + 10) } {
            line x1=(left) y1=(y(0)) x2=(width - 5) y2=(y(0)) stroke="#444" {}
            text x=(left - 4) y=(y(top) + 4) text-anchor="end" { (top) }
            text x=(left - 4) y=(y(0)) text-anchor="end" { "0" }
            @for (x, m, below, v, k) in segments {
                rect.bar x=(x + 1) y=(y(below + v)) width=(bar.saturating_sub(2).max(1)) height=(y(below) - y(below + v))
                    fill=(kind_color(k)) data-kind=(k.as_str()) data-count=(v) {
                    title { (label(m)) ": " (v) " " (k.as_str()) }
                }
            }
            @for i in (0..n).step_by(label_every) {
                text x=(left + i * bar + bar / 2) y=(y(0) + 14) text-anchor="middle" font-size="10" {
                    (label(first + i as i64))
                }
            }
        }
    }
}

/// How many events each pair of states took part in together; the
/// diagonal is each state's own number of events. The most active states
/// only, when there are many.
pub(super) fn matrix(rows: &[Row]) -> Markup {
    const MAX_STATES: usize = 40;
    let mut own: HashMap<&str, usize> = HashMap::new();
    let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
    for r in rows {
        let mut states: Vec<&str> = r.states.iter().map(String::as_str).collect();
        states.sort_unstable();
        states.dedup();
        for (i, a) in states.iter().enumerate() {
            *own.entry(a).or_default() += 1;
            for b in &states[i + 1..] {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut order: Vec<(&str, usize)> = own.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let all = order.len();
    let shown = all.min(MAX_STATES);
    let order = &order[..shown];
    if order.is_empty() {
        return html! { p.note { "No state took part in an event." } };
    }
    let count = |a: &str, b: &str| -> usize {
        match a.cmp(b) {
            std::cmp::Ordering::Equal => order.iter().find(|s| s.0 == a).map_or(0, |s| s.1),
            std::cmp::Ordering::Less => pairs.get(&(a, b)).copied().unwrap_or(0),
            std::cmp::Ordering::Greater => pairs.get(&(b, a)).copied().unwrap_or(0),
        }
    };
    let top = order.iter().map(|s| s.1).max().unwrap_or(1).max(1);
    let (cell, margin) = (20usize, 30usize);
    let size = margin + shown * cell + 2;
    html! {
        svg.matrix xmlns="http://www.w3.org/2000/svg" role="img" aria-label="States taking part in events together"
            width=(size) height=(size) viewBox={ "0 0 " (size) " " (size) } {
            @for (i, (s, _)) in order.iter().enumerate() {
                text x=(margin + i * cell + cell / 2) y=(margin - 8) text-anchor="middle" font-size="10" { (Clean(s)) }
                text x=(margin - 4) y=(margin + i * cell + cell / 2 + 4) text-anchor="end" font-size="10" { (Clean(s)) }
            }
            @for (i, (a, _)) in order.iter().enumerate() {
                @for (j, (b, _)) in order.iter().enumerate() {
                    @let c = count(a, b);
                    @let (x, y) = (margin + j * cell, margin + i * cell);
                    rect.cell x=(x) y=(y) width=(cell - 1) height=(cell - 1)
                        fill=(if i == j { "#555" } else if c > 0 { "#c0392b" } else { "#f2f2f2" })
                        fill-opacity=(format!("{:.2}", if c == 0 { 1.0 } else { 0.25 + 0.75 * c as f64 / top as f64 }))
                        data-count=(c) {
                        title { (Clean(a)) @if i != j { " + " (Clean(b)) } ": " (c) " events" }
                    }
                    @if c > 0 {
                        text x=(x + cell / 2) y=(y + cell / 2 + 4) text-anchor="middle" font-size="9"
                            fill=(if i == j { "#fff" } else { "#222" }) { (c) }
                    }
                }
            }
        }
        @if shown < all { p.note { "The " (shown) " most active of " (all) " states." } }
    }
}
