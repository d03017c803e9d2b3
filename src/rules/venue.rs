//! Venues: «в Минске», «в столице Беларуси», «в египетском Шарм-эш-Шейхе»,
//! «посетить Душанбе» — but not an envoy's accreditation («Посол
//! Таджикистана в Австрии») and not the dateline city unless the text
//! names it.

use super::context::{Context, Sent};
use super::kind::MainEvent;
use super::phrases::Cue;
use crate::gazetteer::{EntityKind, Match};
use crate::record::{Place, Span};

fn is_in(w: &str) -> bool {
    matches!(w, "в" | "во")
}

fn visit_verb(w: &str) -> bool {
    w.starts_with("посет") || w.starts_with("посещени")
}

/// Whether the words before token `i` make it a venue: «в X», «в городе
/// X», «в египетском X», «посетить X».
fn venue_before(ctx: &Context, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let w1 = ctx.word(i - 1);
    if is_in(w1) || visit_verb(w1) {
        return true;
    }
    if i >= 2 {
        let w2 = ctx.word(i - 2);
        let adjective = w1.ends_with("ском") || w1.ends_with("цком") || w1.ends_with("ой");
        if is_in(w2) && (adjective || matches!(w1, "городе" | "г" | "столице")) {
            return true;
        }
        if w1 == "." && ctx.word(i - 2) == "г" && i >= 3 && is_in(ctx.word(i - 3)) {
            return true;
        }
    }
    false
}

/// Whether the «в» before token `i` follows a topic noun: «по ситуации в
/// Сирии», «урегулирования конфликта в Йемене» name what is discussed, not
/// where.
fn after_topic_noun(ctx: &Context, s: &Sent, i: usize) -> bool {
    i >= 2
        && is_in(ctx.word(i - 1))
        && ctx.hits_before(s, i - 1, 1).iter().any(|h| {
            // One word right before «в»: not «в рамках», not a preposition.
            h.cue == Cue::Topic && h.last == i - 1 && h.first + 1 == h.last && ctx.word(h.first).chars().count() > 3
        })
}

/// Whether a match stands where an envoy's accreditation is named: after
/// «посол», «представитель», … and a «в»/«при», before the clause's verb.
pub(crate) fn accredited(ctx: &Context, s: &Sent, m: &Match) -> bool {
    let i = m.tokens.0;
    let near = ctx.hits_before(s, i, 16);
    let Some(envoy) = near.iter().rev().find(|h| h.cue == Cue::Envoy && h.last <= i) else { return false };
    let verb_between =
        near.iter().any(|h| matches!(h.cue, Cue::Status(_) | Cue::Kind(_)) && h.first >= envoy.last && h.last <= i);
    // Accreditations follow the envoy closely: «Посол России в Гвинее»,
    // «Постоянный представитель при ОБСЕ, МАГАТЭ, ОДВЗЯИ».
    let verb_word = (envoy.last..i).any(|k| looks_like_verb(ctx.word(k)));
    if verb_between || verb_word || i - envoy.last > 16 {
        return false;
    }
    // The last «в»/«при» before the match (not that of «в том числе»,
    // which goes on a list) …
    let Some(prep) =
        (envoy.last..i).rev().find(|&k| matches!(ctx.word(k), "в" | "во" | "при") && ctx.word(k + 1) != "том")
    else {
        return false;
    };
    // … with nothing but a list of names between it and the match: «при
    // ОБСЕ, МАГАТЭ», not «посол Китая в Беларуси и заместитель министра
    // иностранных дел Беларуси».
    let names = ctx.matches_within(Span::new(ctx.doc.tokens[prep].span.end, m.span.start));
    (prep + 1..i).all(|k| matches!(ctx.word(k), "," | "и") || names.iter().any(|n| n.tokens.0 <= k && k < n.tokens.1))
}

/// A past-tense or infinitive verb by its ending («выразил», «посетить»):
/// the end of an envoy's title.
fn looks_like_verb(w: &str) -> bool {
    w.chars().count() >= 5 && ["ть", "л", "ла", "ли", "ся", "сь"].iter().any(|e| w.ends_with(e))
}

/// The capital of a state, as a place.
fn capital_of(ctx: &Context, iso2: &str) -> Option<Place> {
    ctx.gaz.capital_of(iso2).map(|c| ctx.gaz.place(c))
}

/// A city venue in a sentence: the place and the span of its name.
pub(crate) fn city_in(ctx: &Context, s: &Sent) -> Option<(Place, Span)> {
    for m in ctx.matches_within(s.span) {
        let kind = m.kind;
        let i = m.tokens.0;
        if kind == EntityKind::City && venue_before(ctx, i) && !accredited(ctx, s, m) && !after_topic_noun(ctx, s, i) {
            // Several cities may share the name: prefer a capital.
            let id = ctx
                .same_span(m)
                .iter()
                .filter(|o| o.kind == EntityKind::City)
                .map(|o| o.entity)
                .find(|&e| ctx.gaz.is_capital(e))
                .unwrap_or(m.entity);
            return Some((ctx.gaz.place(id), m.span));
        }
        // «в столице Беларуси»
        if kind == EntityKind::State && i >= 2 && ctx.word(i - 1) == "столице" && is_in(ctx.word(i - 2)) {
            if let Some(p) = capital_of(ctx, &ctx.gaz.entity(m.entity).id) {
                return Some((p, Span::new(ctx.doc.tokens[i - 1].span.start, m.span.end)));
            }
        }
    }
    None
}

/// A state named as a venue («в Объединённых Арабских Эмиратах»,
/// «посетит Францию»).
pub(crate) fn state_in(ctx: &Context, s: &Sent) -> Option<(Place, Span)> {
    for m in ctx.matches_in(s.span, EntityKind::State) {
        let before = ctx.word(m.tokens.0.wrapping_sub(1));
        // «посетит Турцию», «посетит с визитом Турцию»
        let visited = visit_verb(before)
            || (before == "визитом" && (2..=4).any(|k| visit_verb(ctx.word(m.tokens.0.wrapping_sub(k)))));
        if m.form == crate::record::MentionForm::Name
            && (is_in(before) || visited)
            && !accredited(ctx, s, m)
            && !after_topic_noun(ctx, s, m.tokens.0)
        {
            let e = ctx.gaz.entity(m.entity);
            let place = Place { name: e.name.clone(), wikidata: e.wikidata.clone(), country: e.id.clone() };
            return Some((place, m.span));
        }
    }
    None
}

/// Whether match `m` stands as a venue in its sentence.
pub(crate) fn is_venue(ctx: &Context, s: &Sent, m: &Match) -> bool {
    venue_before(ctx, m.tokens.0) && !accredited(ctx, s, m)
}

/// The main event's venue: a city in the sentences that describe it, else
/// a state named as a venue in its own sentence, else a city in a later
/// sentence that tells of the same event again.
pub(crate) fn location(ctx: &Context, ev: &MainEvent, sents: &[&Sent]) -> Option<(Place, Span)> {
    sents.iter().find_map(|s| city_in(ctx, s)).or_else(|| sents.first().and_then(|s| state_in(ctx, s))).or_else(|| {
        let k = ev.sentence?;
        ctx.restating(k, ev.kind).find_map(|s| city_in(ctx, s))
    })
}
