//! Venues: «в Минске», «в столице Беларуси», «в египетском Шарм-эш-Шейхе»,
//! «посетить Душанбе», «в столице республики» after a state, «в Кремле» (a
//! seat of government, `seats.tsv`) — but not an envoy's accreditation
//! («Посол Таджикистана в Австрии»), not an unnamed building («в здании
//! МИД») and not the dateline city unless the text names it.

use super::context::{Context, Sent};
use super::kind::MainEvent;
use super::phrases::Cue;
use crate::gazetteer::{EntityId, EntityKind, Match};
use crate::record::{EventKind, MentionForm, Place, Span, Status};

fn is_in(w: &str) -> bool {
    matches!(w, "в" | "во")
}

/// «в столице …» (where) or «в столицу …» (where to: «прибыл в столицу
/// Туркменистана»).
fn capital_word(w: &str) -> bool {
    matches!(w, "столице" | "столицу")
}

/// «посетить», «посещение»: a word of visiting a place.
pub(crate) fn visit_verb(w: &str) -> bool {
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
        // «в египетском Каире», «в турецкую Анкару», «в китайский Сиань».
        let adjective = ["ском", "цком", "ой", "ую", "ий", "ый"].iter().any(|e| w1.ends_with(e));
        if is_in(w2) && (adjective || matches!(w1, "городе" | "г" | "столице")) {
            return true;
        }
        if w1 == "." && ctx.word(i - 2) == "г" && i >= 3 && is_in(ctx.word(i - 3)) {
            return true;
        }
    }
    false
}

/// «в столичной резиденции Акорде», «в президентском дворце Кремля»: a
/// seat of government named after «в» and one or two lowercase words.
fn in_words_before(ctx: &Context, i: usize) -> bool {
    (2..=3).any(|n| {
        i >= n
            && is_in(ctx.word(i - n))
            && (i - n + 1..i).all(|k| {
                let t = ctx.doc.slice(ctx.doc.tokens[k].span());
                t.chars().all(|c| c.is_lowercase())
            })
    })
}

/// Whether the «в» before token `i` follows a topic noun: «по ситуации в
/// Сирии», «урегулирования конфликта в Йемене» name what is discussed, not
/// where.
fn after_topic_noun(ctx: &Context, s: &Sent, i: usize) -> bool {
    i >= 2
        && is_in(ctx.word(i - 1))
        && ctx.hits_before(s, i - 1, 1).iter().any(|h| {
            // One word right before «в»: not «в рамках», not a preposition.
            h.cue == Cue::Topic
                && h.last() == i - 1
                && h.first() + 1 == h.last()
                && ctx.word(h.first()).chars().count() > 3
        })
}

/// Whether a match stands where an envoy's accreditation is named: after
/// «посол», «представитель», … and a «в»/«при», before the clause's verb.
pub(crate) fn accredited(ctx: &Context, s: &Sent, m: &Match) -> bool {
    let i = m.first_token();
    // «назначенным в Москву послом»: the post stands before the envoy (not
    // «принял в Москве посла», where the meeting is).
    if s.cue_at(m.end_token(), |c| c == Cue::Envoy) && direction(ctx, &ctx.gaz.entity(m.entity).name, m.span) {
        return true;
    }
    let near = ctx.hits_before(s, i, 16);
    let Some(envoy) = near.iter().rev().find(|h| h.cue == Cue::Envoy && h.last() <= i) else { return false };
    let verb_between = near
        .iter()
        .any(|h| matches!(h.cue, Cue::Status(_) | Cue::Kind(_)) && h.first() >= envoy.last() && h.last() <= i);
    // Accreditations follow the envoy closely: «Посол России в Гвинее»,
    // «Постоянный представитель при ОБСЕ, МАГАТЭ, ОДВЗЯИ».
    let verb_word = (envoy.last()..i).any(|k| looks_like_verb(ctx.word(k)));
    if verb_between || verb_word || i - envoy.last() > 16 {
        return false;
    }
    // The last «в»/«при» before the match (not that of «в том числе»,
    // which goes on a list) …
    let Some(prep) =
        (envoy.last()..i).rev().find(|&k| matches!(ctx.word(k), "в" | "во" | "при") && ctx.word(k + 1) != "том")
    else {
        return false;
    };
    // … with nothing but a list of names between it and the match: «при
    // ОБСЕ, МАГАТЭ», not «посол Китая в Беларуси и заместитель министра
    // иностранных дел Беларуси».
    let names = ctx.matches_within(Span::new(ctx.doc.tokens[prep].span().end, m.span.start));
    (prep + 1..i)
        .all(|k| matches!(ctx.word(k), "," | "и") || names.iter().any(|n| n.first_token() <= k && k < n.end_token()))
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

/// A venue found in a sentence: the token it starts at, the place, the span
/// it was read from, and whether it stands in a clause about another event.
type Found = (usize, Place, Span, bool);

/// A city venue in a sentence (a city, the city of a seat of government, a
/// state's capital): the place and the span it was read from. A city in a
/// clause about another event («переговоров, которые состоялись в
/// Ташкенте») is taken only when the sentence names no other.
pub(crate) fn city_in(ctx: &Context, s: &Sent) -> Option<(Place, Span)> {
    let mut found: Vec<Found> = Vec::new();
    for m in ctx.matches_within(s.span()) {
        if let Some(f) = from_match(ctx, s, m) {
            // Later names cannot win over the first outside such a clause.
            let settled = !f.3;
            found.push(f);
            if settled {
                break;
            }
        }
    }
    found.extend(capital_of_named_state(ctx, s));
    found.sort_by_key(|f| (f.3, f.0));
    found.into_iter().next().map(|(_, place, span, _)| (place, span))
}

/// The venue a gazetteer match names, if it stands as one.
fn from_match(ctx: &Context, s: &Sent, m: &Match) -> Option<Found> {
    let i = m.first_token();
    let other_event = in_other_event_clause(ctx, s, i);
    match m.kind {
        EntityKind::City
            if venue_before(ctx, i) && !accredited(ctx, s, m) && !after_topic_noun(ctx, s, i) && !residence(ctx, i) =>
        {
            // Several cities may share the name: prefer a capital.
            let id = ctx
                .same_span(m)
                .iter()
                .filter(|o| o.kind == EntityKind::City)
                .map(|o| o.entity)
                .find(|&e| ctx.gaz.is_capital(e))
                .unwrap_or(m.entity);
            Some((i, ctx.gaz.place(id), m.span, other_event))
        }
        // «в Кремле», «во Дворце Независимости», «на Даунинг-стрит»
        EntityKind::Seat
            if (venue_before(ctx, i) || (i > 0 && ctx.word(i - 1) == "на") || in_words_before(ctx, i))
                && !accredited(ctx, s, m) =>
        {
            Some((i, ctx.gaz.place(seat_city(ctx, s, m)), m.span, other_event))
        }
        // «в столице Беларуси», «прибыл в столицу Беларуси»
        EntityKind::State if i >= 2 && capital_word(ctx.word(i - 1)) && is_in(ctx.word(i - 2)) => {
            let p = capital_of(ctx, &ctx.gaz.entity(m.entity).id)?;
            Some((i - 1, p, Span::new(ctx.doc.tokens[i - 1].span().start, m.span.end), other_event))
        }
        // «в белорусской столице», «прибыл в белорусскую столицу»
        EntityKind::State
            if m.form == MentionForm::Adjective
                && capital_word(ctx.word(m.end_token()))
                && i >= 1
                && is_in(ctx.word(i - 1)) =>
        {
            let p = capital_of(ctx, &ctx.gaz.entity(m.entity).id)?;
            Some((i, p, Span::new(m.span.start, ctx.doc.tokens[m.end_token()].span().end), other_event))
        }
        _ => None,
    }
}

/// «в столице республики», «в столицу страны»: the capital of the state
/// named last before it (in this sentence or an earlier one).
fn capital_of_named_state(ctx: &Context, s: &Sent) -> Option<Found> {
    let k = (s.first()..s.last().saturating_sub(2)).find(|&k| {
        is_in(ctx.word(k))
            && capital_word(ctx.word(k + 1))
            && matches!(ctx.word(k + 2), "республики" | "страны" | "государства" | "королевства")
    })?;
    let start = ctx.doc.tokens[k + 1].span().start;
    let before = &ctx.matches[..ctx.matches.partition_point(|m| m.span.start < start)];
    let state = before.iter().rev().find(|m| m.kind == EntityKind::State && m.form == MentionForm::Name)?;
    let p = capital_of(ctx, &ctx.gaz.entity(state.entity).id)?;
    Some((k + 1, p, Span::new(start, ctx.doc.tokens[k + 2].span().end), in_other_event_clause(ctx, s, k + 1)))
}

/// The city of a seat of government. A name several seats share
/// («Дворец Независимости» in Minsk and in Astana, «Белый дом») is the one
/// whose city the sentence names, else the one whose state is the only one
/// of them the text names, else the first listed.
fn seat_city(ctx: &Context, s: &Sent, m: &Match) -> EntityId {
    let cities: Vec<EntityId> =
        ctx.same_span(m).iter().filter(|o| o.kind == EntityKind::Seat).map(|o| ctx.gaz.seat_city(o.entity)).collect();
    let first = cities.first().copied().unwrap_or_else(|| ctx.gaz.seat_city(m.entity));
    if cities.len() <= 1 {
        return first;
    }
    if let Some(&c) = cities.iter().find(|&&c| ctx.matches_in(s.span(), EntityKind::City).any(|o| o.entity == c)) {
        return c;
    }
    let named = |c: &&EntityId| {
        let country = ctx.gaz.entity(**c).country.as_deref();
        ctx.matches.iter().any(|o| o.kind == EntityKind::State && Some(ctx.gaz.entity(o.entity).id.as_str()) == country)
    };
    match cities.iter().filter(named).collect::<Vec<_>>()[..] {
        [&only] => only,
        _ => first,
    }
}

/// «послы Австралии (с резиденцией в Москве)»: where an envoy resides, not
/// where the event is.
fn residence(ctx: &Context, i: usize) -> bool {
    // Not «в президентской резиденции в Ереване», where the event is.
    i >= 3 && is_in(ctx.word(i - 1)) && ctx.word(i - 2) == "резиденцией" && ctx.word(i - 3) == "с"
}

/// Whether token `i` stands in a relative clause that tells of an event
/// having taken place («переговоров, которые состоялись 7 апреля в
/// Ташкенте»): the clause is about its antecedent, another event than the
/// sentence's own («…, который находится в Минске» is not such a clause).
pub(crate) fn in_other_event_clause(ctx: &Context, s: &Sent, i: usize) -> bool {
    // A clause this long is no relative clause (and the walk stays short).
    let mut clause = (s.first()..i).rev().take(40).take_while(|&k| ctx.word(k) != ",");
    let Some(k) = clause.find(|&k| ctx.word(k).starts_with("котор")) else {
        return false;
    };
    (k + 1..i).any(|j| ["состоял", "прошл", "проходил", "прошедш"].iter().any(|p| ctx.word(j).starts_with(p)))
}

/// Whether a sentence tells of an earlier event than the main one: «Предыдущий
/// раунд консультаций состоялся в Тбилиси», «Первый раунд прошел в
/// Нур-Султане», «… в прошлом году».
fn tells_of_earlier(ctx: &Context, s: &Sent) -> bool {
    s.recalls()
        || (s.first()..s.last()).any(|k| {
            let (w, next) = (ctx.word(k), ctx.word(k + 1));
            w.starts_with("предыдущ")
                || w.starts_with("прежн")
                || (w.starts_with("перв") && next.starts_with("раунд"))
                || (matches!(w, "прошлого" | "прошлом") && matches!(next, "года" | "году"))
        })
}

/// A state named as a venue («в Объединённых Арабских Эмиратах»,
/// «посетит Францию»).
pub(crate) fn state_in(ctx: &Context, s: &Sent) -> Option<(Place, Span)> {
    for m in ctx.matches_in(s.span(), EntityKind::State) {
        let before = ctx.word(m.first_token().wrapping_sub(1));
        // «посетит Турцию», «посетит с визитом Турцию», «посетит 27-28
        // февраля Азербайджан»: a visit verb and, between, only lowercase
        // words, numbers and dashes.
        let i = m.first_token();
        let plain = |k: usize| {
            let t = ctx.doc.tokens[k].text(ctx.doc.text);
            t.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '–' | '—'))
                || t.chars().next().is_some_and(char::is_lowercase)
        };
        let visited = (1..=5)
            .take_while(|&n| n <= i && (n == 1 || plain(i - n + 1)))
            .any(|n| visit_verb(ctx.word(i - n)) && i - n >= s.first());
        if m.form == MentionForm::Name
            && (is_in(before) || visited)
            && !accredited(ctx, s, m)
            && !after_topic_noun(ctx, s, m.first_token())
        {
            let e = ctx.gaz.entity(m.entity);
            let place = Place { name: e.name.clone(), wikidata: e.wikidata.clone(), country: e.id.clone() };
            return Some((place, m.span));
        }
    }
    None
}

/// Whether match `m` stands as a venue in its sentence: «в Минске», or a
/// state in brackets after a venue city, which names the city's country
/// («в Чолпон-Ате (Киргизия)»).
pub(crate) fn is_venue(ctx: &Context, s: &Sent, m: &Match) -> bool {
    let i = m.first_token();
    let country_of_venue = i >= 2 && ctx.word(i - 1) == "(" && {
        let before = ctx.matches_within(Span::new(s.span().start, ctx.doc.tokens[i - 1].span().start));
        before
            .iter()
            .rev()
            .take(4)
            .any(|c| c.kind == EntityKind::City && c.end_token() == i - 1 && venue_before(ctx, c.first_token()))
    };
    (venue_before(ctx, i) || country_of_venue) && !accredited(ctx, s, m)
}

/// The main event's venue: a city in the sentences that describe it; else a
/// state named as a venue in its own sentence, made precise by a city of
/// that state where the next paragraphs place the event («находится с
/// визитом в Узбекистане … Переговоры проходят в узбекском Самарканде», «в
/// столице республики»); else a city in a later sentence that tells of the
/// same event again, or of an event taking place in other words («Встреча
/// лидеров проходит во Дворце Независимости»); last, a sentence anywhere
/// further down that says the event is taking place there («Форум
/// проходит 23-24 июня в Москве»). Sentences about an earlier or a later
/// event never place it.
pub(crate) fn location(ctx: &Context, ev: &MainEvent, sents: &[Sent]) -> Option<(Place, Span)> {
    // A state named as the venue in the main sentence («встретится … в
    // Киргизии») leaves to the other sentences only its own cities: «Об
    // этом он объявил во время переговоров … в Минске» is elsewhere.
    // (Else one a headline about the same event names: «Ожидается визит
    // Рахмона в Узбекистан»; not «В Косово убит политик» over talks.)
    let about_it = |s: &Sent| s.has(|c| matches!(c, Cue::Kind(k) if super::kind::same_event(k, ev.kind)));
    let state = sents
        .first()
        .and_then(|s| state_in(ctx, s))
        .or_else(|| ctx.head.iter().filter(about_it).find_map(|s| state_in(ctx, &s)));
    let cities: Vec<(Place, Span)> = sents
        .iter()
        .enumerate()
        .filter_map(|(k, s)| {
            city_in(ctx, s).filter(|(p, _)| k == 0 || state.as_ref().is_none_or(|st| st.0.country == p.country))
        })
        .collect();
    // Where someone goes («в рамках подготовки визита … в Кабул») is
    // weaker than where something takes place («В Джидде обсудили…»):
    // outside a visit, a city in the locative wins over one in the
    // accusative.
    let settled = cities.iter().position(|(p, span)| ev.kind == EventKind::Visit || !direction(ctx, &p.name, *span));
    if let Some(found) = settled.or((!cities.is_empty()).then_some(0)).map(|k| cities[k].clone()) {
        return Some(found);
    }
    let k = ev.sentence;
    let para = k.and_then(|k| ctx.body.get(k)).and_then(|s| s.paragraph()).unwrap_or(0);
    let nearby: Vec<Sent> = k
        .into_iter()
        .flat_map(|k| ctx.body.from(k + 1).take(8))
        .filter(|s| s.paragraph().is_some_and(|p| p <= para + 2) && !tells_of_earlier(ctx, s))
        .collect();
    let later: Vec<&Sent> = nearby.iter().filter(|s| !announces(s, ev)).collect();
    if let Some(state) = state {
        // A visit's programme («Ожидается, что в Астане он примет участие…»)
        // takes place where the visit does; a later stop («Затем он
        // посетит Гюмри») is another visit.
        let programme = |s: &&Sent| {
            !announces(s, ev)
                || (ev.kind == EventKind::Visit
                    && !s.has(|c| matches!(c, Cue::Kind(EventKind::Visit) | Cue::FollowUp(Status::Held))))
        };
        let city =
            nearby.iter().filter(programme).filter_map(|s| city_in(ctx, s)).find(|(p, _)| p.country == state.0.country);
        return Some(city.unwrap_or(state));
    }
    let k = k?;
    let again =
        ctx.restating(k, ev.kind, ev.status).filter(|s| !tells_of_earlier(ctx, s)).find_map(|s| city_in(ctx, &s));
    again.or_else(|| nearby.iter().find_map(|s| results_place(ctx, s))).or_else(|| {
        let taking_place = |s: &&&Sent| {
            (s.has(|c| matches!(c, Cue::Kind(_))) || super::kind::opens_with_generic_event(ctx, s))
                && s.has(|c| c == Cue::Status(Status::Held))
                && !s.only_future()
        };
        later.iter().filter(taking_place).find_map(|s| city_in(ctx, s)).or_else(|| {
            // Last, a sentence further down that tells the main event is
            // taking place there («Форум проходит 23-24 июня в Москве»).
            let same = |s: &Sent| {
                s.has(|c| c == Cue::Kind(ev.kind))
                    && s.has(|c| c == Cue::Status(Status::Held))
                    && !s.only_future()
                    && !announces(s, ev)
                    && !tells_of_earlier(ctx, s)
            };
            ctx.body.from(k + 1).filter(same).find_map(|s| city_in(ctx, &s))
        })
    })
}

/// Whether a place is named as where one goes: «в Кабул», «в Казань» (the
/// accusative of a name that ends in a consonant is its nominative; «в
/// Баку», «в Душанбе» do not decline and stay where), «в Москву».
fn direction(ctx: &Context, name: &str, span: Span) -> bool {
    let i = ctx.doc.token_at(span.start);
    if i == 0 || !is_in(ctx.word(i - 1)) {
        return false;
    }
    let surface = ctx.doc.slice(span).to_lowercase();
    let name = name.to_lowercase();
    let a_stem = (name.ends_with('а') && surface.ends_with('у')) || (name.ends_with('я') && surface.ends_with('ю'));
    let consonant = name.chars().last().is_some_and(|c| !"аеёиоуыэюя".contains(c) && c.is_alphabetic());
    (consonant && named_as(ctx, span, &name)) || a_stem
}

/// Whether the text at `span` is `name` as written in the gazetteer, case
/// aside: its nominative (or an accusative that does not decline).
pub(crate) fn named_as(ctx: &Context, span: Span, name: &str) -> bool {
    ctx.doc.slice(span).to_lowercase() == name.to_lowercase()
}

/// Whether a later sentence tells of another event: a follow-up marker
/// («затем», «пройдут») that no trigger of the main event's kind comes
/// before. «Переговоры в узком, а затем в расширенном составе прошли в
/// Минске» goes on about the talks, and within a visit, a summit or a
/// conference any event is part of its programme («Переговоры с Путиным
/// пройдут в Кремле»).
fn announces(s: &Sent, ev: &MainEvent) -> bool {
    let Some(marker) = s.hits().iter().find(|h| matches!(h.cue, Cue::FollowUp(_))) else { return false };
    let programme = matches!(ev.kind, EventKind::Visit | EventKind::Summit | EventKind::Conference);
    !s.hits().iter().any(|h| h.first() < marker.first() && matches!(h.cue, Cue::Kind(k) if k == ev.kind || programme))
}

/// «По итогам переговоров в Ташкенте подписан…», «по итогам их встречи в
/// Каире»: what was signed names the place of the talks it crowns, which
/// are the main event's.
fn results_place(ctx: &Context, s: &Sent) -> Option<(Place, Span)> {
    (s.first()..s.last().saturating_sub(1)).filter(|&k| ctx.word(k) == "по" && ctx.word(k + 1) == "итогам").find_map(
        |k| {
            // The event's name and a word or two, then «в» and the place.
            let end = (k + 7).min(s.last());
            let span = Span::new(ctx.doc.tokens[k].span().start, ctx.doc.tokens[end - 1].span().end);
            let m = ctx
                .matches_within(span)
                .iter()
                .find(|m| m.first_token() >= k + 3 && is_in(ctx.word(m.first_token() - 1)))?;
            from_match(ctx, s, m).map(|(_, place, span, _)| (place, span))
        },
    )
}
