//! Follow-ups: events after the main one that the article announces (an
//! agreed next round, an accepted invitation, a planned signing) or reports
//! (a later call the same day, documents signed or adopted at the event).

use super::context::{goes_on, Context, Sent};
use super::dates;
use super::kind::MainEvent;
use super::phrases::{Cue, Hit};
use super::venue;
use crate::gazetteer::EntityKind;
use crate::record::{EventDate, EventKind, EventRecord, FollowUp, Format, Span, Status};

/// A clause of a sentence: «…, а 13 января в Вене пройдет заседание …»
/// holds two events.
fn clauses(ctx: &Context, s: &Sent) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = s.first();
    for k in s.first()..s.last() {
        // «подписали договор и приняли декларацию»: two documents (not
        // «переговоры и подписание документов», one programme).
        let next_document = ctx.word(k) == "и" && {
            let h = s.hits().partition_point(|h| h.first() <= k);
            s.hits()[h..]
                .iter()
                .take_while(|h| h.first() == k + 1)
                .any(|h| matches!(h.cue, Cue::Document(_)) && super::kind::is_verb(ctx, h))
        };
        let split = (ctx.word(k) == "," && ctx.word(k + 1) == "а") || ctx.word(k) == ";" || next_document;
        if split && k > start {
            out.push((start, k));
            start = k + 1;
        }
    }
    out.push((start, s.last()));
    out
}

/// The hits of tokens `[a, b)` (hits are sorted: found by binary search, so
/// that a sentence of many clauses stays linear).
fn hits_in<'s>(s: &'s Sent, a: usize, b: usize) -> impl Iterator<Item = &'s Hit> {
    let from = s.hits().partition_point(|h| h.first() < a);
    let to = s.hits().partition_point(|h| h.first() < b);
    s.hits()[from..to.max(from)].iter().filter(move |h| h.last() <= b)
}

/// The date expressions inside `span` (sorted: binary search).
fn dates_in<'s>(s: &'s Sent, span: Span) -> &'s [dates::DateExpr] {
    let dates = s.dates();
    let from = dates.partition_point(|d| d.span.start < span.start);
    let to = dates.partition_point(|d| d.span.start < span.end);
    let slice = &dates[from..to.max(from)];
    let end = slice.iter().rposition(|d| d.span.end <= span.end).map_or(0, |k| k + 1);
    &slice[..end]
}

/// Follow-ups kept per document: a real article announces a handful; the
/// cap bounds the work on pathological input.
const MAX_FOLLOW_UPS: usize = 64;

/// Names that frame the main event's own programme («в ходе визита
/// состоятся переговоры», «в рамках саммита Путин проведёт встречи» are
/// part of the event, not later ones).
fn inside_programme(ctx: &Context, ev: &MainEvent, hits: &[&Hit]) -> bool {
    let framed = |h: &Hit| {
        let w: Vec<&str> = (h.first()..h.last()).map(|k| ctx.word(k)).collect();
        matches!(w.as_slice(), ["в", "ходе", _] | ["в", "рамках", _] | ["программа" | "программу", _])
    };
    // «в ходе»/«в рамках»/«на полях» right before the main event's name.
    let frames_main = |h: &Hit| {
        h.cue == Cue::Kind(ev.kind)
            && h.first() >= 2
            && matches!((ctx.word(h.first() - 2), ctx.word(h.first() - 1)), ("в", "ходе" | "рамках") | ("на", "полях"))
    };
    hits.iter().any(|h| (h.cue == Cue::KindSkip && framed(h)) || frames_main(h))
}

/// Words of agreeing or inviting: what they announce is a new event, not
/// the programme of the main one.
fn agreement(w: &str) -> bool {
    w == "о" || ["договор", "услов", "подготов", "приглаш", "пригласи"].iter().any(|p| w.starts_with(p))
}

/// The follow-ups of the main event `ev`, whose date, place and parties
/// `main` already holds.
pub(crate) fn find(ctx: &Context, ev: &MainEvent, main: &EventRecord) -> Vec<FollowUp> {
    let mut out: Vec<FollowUp> = Vec::new();
    if ev.kind == EventKind::Other {
        return out;
    }
    let Some(k) = ev.sentence else { return out };
    for s in ctx.body.from(k + 1) {
        if out.len() >= MAX_FOLLOW_UPS {
            break;
        }
        // «Ранее стороны подписали договор…»: an earlier event. But «Ранее
        // … сообщал, что визит запланирован на 27-28 ноября» recalls what
        // was said of an event still to come: it completes the announced
        // one's day and place, and adds none.
        if s.recalls() {
            for (a, b) in clauses(ctx, &s) {
                let hits: Vec<&Hit> = hits_in(&s, a, b).collect();
                if let Some(f) = clause_event(ctx, ev, &s, a, b, &hits, main).filter(|f| f.status == Status::Planned) {
                    if let Some(o) = out.iter_mut().find(|o| o.kind == f.kind && o.status == f.status) {
                        complete(ctx, o, f);
                    }
                }
            }
            continue;
        }
        for (a, b) in clauses(ctx, &s) {
            let hits: Vec<&Hit> = hits_in(&s, a, b).collect();
            if let Some(f) = clause_event(ctx, ev, &s, a, b, &hits, main) {
                // The same event told of again («…встречей, которая должна
                // состояться 28 декабря во Флориде. Встреча пройдет в
                // обеденном зале»): its kind and status, and no other date
                // or place.
                // (A meeting and talks may be one event in other words:
                // «он встретится с Путиным. Лидеры проведут переговоры…».)
                let same = |o: &FollowUp| {
                    super::kind::same_event(o.kind, f.kind)
                        && o.status == f.status
                        && (f.date.is_none() || o.date == f.date)
                        && (f.location.is_none() || o.location == f.location)
                };
                if !out.iter().any(same) && out.len() < MAX_FOLLOW_UPS {
                    out.push(f);
                }
            }
        }
    }
    out
}

/// Whether a participle or a past verb of taking place stands right before
/// an event's name, from clause start `a`: «на состоявшейся встрече»,
/// «прошедших переговоров», «на проведенной после переговоров встрече»,
/// «прошло заседание».
fn called_held(ctx: &Context, a: usize, h: &Hit) -> bool {
    let held_verb =
        |w: &str| ["состоявш", "прошедш", "проведенн", "состоял", "прошл", "прошел"].iter().any(|p| w.starts_with(p));
    (h.first().saturating_sub(4).max(a)..h.first()).any(|k| held_verb(ctx.word(k)))
}

/// Fills what an announced event lacks from another telling of it: its
/// day, and its place (or a city of the country it was placed in).
fn complete(ctx: &Context, o: &mut FollowUp, f: FollowUp) {
    if o.date.is_none() {
        o.date = f.date;
    }
    let a_country = |q: &crate::record::Place| {
        ctx.gaz.state(&q.country).is_some_and(|id| ctx.gaz.entity(id).wikidata == q.wikidata)
    };
    if let Some(p) = f.location {
        if o.location.as_ref().is_none_or(|q| q.country == p.country && a_country(q) && !a_country(&p)) {
            o.location = Some(p);
        }
    }
}

fn clause_event(
    ctx: &Context,
    ev: &MainEvent,
    s: &Sent,
    a: usize,
    b: usize,
    hits: &[&Hit],
    main: &EventRecord,
) -> Option<FollowUp> {
    let main_date = main.date.as_ref();
    // An empty clause (after a final «;») holds no event.
    if a >= b {
        return None;
    }
    let has = |pred: &dyn Fn(Cue) -> bool| hits.iter().any(|h| pred(h.cue));
    let clause = Span::new(ctx.doc.tokens[a].span().start, ctx.doc.tokens[b - 1].span().end);
    // «по итогам форума», «в рамках визита»: a framed name is no new event.
    let framed = |h: &Hit| ctx.framed(s, h) && ctx.frame_before(s, h.first(), 3).is_some_and(|f| f.first() >= a);
    let kind_at = |h: &&&Hit| match h.cue {
        Cue::Kind(k) if !framed(h) => Some(k),
        _ => None,
    };
    // An announcement, unless the clause also reports something under way
    // («Встреча проходит …, продлится несколько часов» is the main event).
    // («были подписаны следующие документы:» lists, it announces nothing.)
    let the_following = |h: &&&Hit| {
        ctx.word(h.first()).starts_with("следующ")
            && (s.cue_at(h.last(), |c| c == Cue::DocumentNoun) || ctx.word(h.last() + 1) == ":")
    };
    let marker = hits.iter().find(|h| h.cue == Cue::FollowUp(Status::Planned) && !the_following(h)).or_else(|| {
        let held = has(&|c| c == Cue::Status(Status::Held));
        hits.iter().find(|h| h.cue == Cue::Status(Status::Planned)).filter(|_| !held)
    });
    // «Очная встреча не планируется», «визит не состоится»: announced as
    // not taking place.
    // («не могут провести очные встречи», «не будет проведена».)
    let negated = |k: usize| {
        let modal = ["могут", "может", "смогут", "сможет", "удастся", "удалось", "будет", "будут"];
        (k > a && ctx.word(k - 1) == "не") || (k > a + 1 && ctx.word(k - 2) == "не" && modal.contains(&ctx.word(k - 1)))
    };
    if marker.is_some_and(|m| negated(m.first())) {
        return None;
    }
    // «о важности достижения договорённости на переговорах»: reaching an
    // agreement as a topic («достигнута договорённость» announces one).
    if marker.is_some_and(|m| {
        let w = ctx.word(m.first().wrapping_sub(1));
        m.first() > a && (w.starts_with("достижени") || w == "достичь" || w == "достигнуть")
    }) {
        return None;
    }
    let words = |pred: &dyn Fn(&str) -> bool| (a..b).any(|k| pred(ctx.word(k)));
    // «следующий раунд», «очередное заседание» (not «в следующем году»).
    let next_round = (a..b).any(|k| {
        let w = ctx.word(k);
        w.starts_with("раунд")
            || ((w.starts_with("очередн") || w.starts_with("следующ"))
                && !matches!(ctx.word(k + 1), "году" | "год" | "неделе" | "месяце" | "раз"))
    });
    let (kind, status) = if let Some(m) = marker {
        // The event the announcement is about: the first trigger after
        // its marker («условились о встрече»), else any in the clause.
        // A trigger before the marker counts when a future verb makes it
        // the subject («Следующий саммит пройдет…», «саммит планируется
        // провести»), not in «Участники консультаций договорились…».
        // Past a topic («Планируется обсуждение вопросов … координации в
        // ООН и других международных форумах») a name is what is discussed,
        // unless «на» makes it where («обсуждение … на саммите»).
        let topic = (m.first()..b).find(|&k| ctx.word(k).starts_with("обсуждени"));
        let at_event = |h: &Hit| (h.first().saturating_sub(3).max(a)..h.first()).any(|k| ctx.word(k) == "на");
        let not_discussed = |h: &&&Hit| topic.is_none_or(|t| h.first() < t || at_event(h));
        let after = hits.iter().filter(|h| h.first() >= m.first()).filter(not_discussed).find_map(|h| kind_at(&h));
        let subject = has(&|c| c == Cue::Status(Status::Planned)) || next_round;
        // (A verb before the marker reports what was done: «поздравил
        // послов и выразил надежду, что … будет способствовать».)
        // The nearest before the marker is its subject («Во время встречи
        // … отмечена актуальность саммита, который пройдет …»: the summit).
        // («На состоявшейся после переговоров встрече … заявлено, что
        // стороны намерены…»: an event called held is not what is to come.)
        let noun = |h: &&&Hit| subject && !super::kind::is_verb(ctx, h) && !called_held(ctx, a, h);
        // The nearest name before the marker; a document there («…проект
        // декларации, которая, как ожидается, будет принята») is what is to
        // come (see below), and no event further back is.
        let nearest = hits
            .iter()
            .rev()
            .filter(|h| h.first() < m.first())
            .find(|h| h.cue == Cue::DocumentNoun || (noun(h) && kind_at(h).is_some()));
        let before = match nearest {
            Some(h) if h.cue == Cue::DocumentNoun => None,
            Some(h) => kind_at(&h),
            None => hits.iter().filter(noun).filter(not_discussed).find_map(|h| kind_at(&h)),
        };
        let kind = match after.or(before) {
            Some(k) => k,
            None if words(&|w| w.starts_with("посетит") || w == "посетить") => EventKind::Visit,
            // «По итогам форума будет принята декларация».
            None if has(&|c| c == Cue::DocumentNoun)
                && words(&|w| ["принят", "подпис", "утвер"].iter().any(|p| w.starts_with(p))) =>
            {
                EventKind::Statement
            }
            None if next_round => ev.kind,
            None => return None,
        };
        // («В ходе встречи отмечено, что очередной саммит пройдёт…» is news
        // of another event.)
        if inside_programme(ctx, ev, hits) && !next_round && !matches!(kind, EventKind::Signing | EventKind::Statement)
        {
            return None;
        }
        // «В Париже запланированы переговоры»: the talks and meetings of
        // a visit, summit or forum, unless agreed as a new event or dated.
        let programme_kind = matches!(kind, EventKind::Meeting | EventKind::Talks);
        let hosting = matches!(ev.kind, EventKind::Visit | EventKind::Summit | EventKind::Conference);
        let dated = !dates_in(s, clause).is_empty();
        if hosting && programme_kind && !next_round && !dated && !agreement(ctx.word(m.first())) {
            return None;
        }
        // An announced event described again («в работе форума примут участие»).
        // (A meeting announced under announced talks, or the reverse, is
        // the same event in other words: «проведут переговоры … имеют в
        // виду провести отдельную встречу».)
        if ev.status == Status::Planned && super::kind::same_event(kind, ev.kind) && !next_round {
            return None;
        }
        // The main event going on: «Визит продлится до 10 декабря».
        // So is the visit that frames it (talks «…, Визит продлится до 15
        // августа»): an event that goes on is no new one.
        // («Диалог продолжится 12 января на заседании в Брюсселе» goes on
        // at a new event.)
        // («Планируется, что беседа лидеров продлится не менее получаса»:
        // how long, with no day of its own, is the event under way.)
        let lasts = (goes_on(ctx.word(m.first()))
            || (!dated && words(&|w| w.starts_with("продлит") || w.starts_with("продлят"))))
            && !ctx.word(m.first()).starts_with("продолж");
        if (lasts || (goes_on(ctx.word(m.first())) && kind == ev.kind)) && !next_round {
            return None;
        }
        (kind, Status::Planned)
    } else if let Some((doc_kind, doc_hit)) = hits.iter().find_map(|h| match h.cue {
        Cue::Document(k) => Some((k, h)),
        _ => None,
    }) {
        // A document signed or adopted at or after the event; one with a
        // date of its own other than the event's is recalled, not new.
        if doc_kind == EventKind::Statement && !has(&|c| c == Cue::DocumentNoun) {
            return None;
        }
        if doc_kind == ev.kind && ev.kind == EventKind::Signing {
            return None;
        }
        if !dates_in(s, clause).is_empty() {
            return None;
        }
        // Drafts approved for a later body are not adopted documents
        // («одобрили проекты документов, которые будут внесены…»).
        if (doc_hit.last()..b).take(3).any(|k| ctx.word(k).starts_with("проект")) {
            return None;
        }
        // The noun «подписание» reports nothing by itself: a signing that
        // «состоялось» took place, one «в программе» is to come.
        if ctx.word(doc_hit.first()).starts_with("подписани") {
            if has(&|c| c == Cue::Status(Status::Held)) {
                (doc_kind, Status::Held)
            } else if words(&|w| w.starts_with("программ")) {
                (doc_kind, Status::Planned)
            } else {
                return None;
            }
        } else {
            (doc_kind, Status::Held)
        }
    } else if has(&|c| c == Cue::FollowUp(Status::Held)) {
        // «Затем лидеры продолжат переговоры один на один»: an event going
        // on, or one still to come, is no later event that took place.
        if words(&goes_on) || has(&|c| c == Cue::Status(Status::Planned)) {
            return None;
        }
        let kind = hits.iter().find_map(|h| kind_at(&h))?;
        (kind, Status::Held)
    } else {
        return None;
    };
    // What an announcement says about its event follows its marker
    // («…визита в Ташкент, и условились о встрече»); a date may lead it
    // («Завтра, 23 марта, министры примут…»).
    // Only after words of agreeing, inviting or preparing: with a verb of
    // the event itself the place may come first («а 13 января в Вене
    // пройдет заседание»).
    let from = marker.filter(|m| agreement(ctx.word(m.first()))).map_or(a, |m| m.first());
    let tail = Span::new(ctx.doc.tokens[from].span().start, clause.end);
    let planned = status == Status::Planned;
    // «2 сентября Лавров сообщил, что президенты встретятся…»: a date
    // before «, что» ahead of the marker dates the report, not the event.
    let reported_from =
        marker.and_then(|m| (a + 1..m.first()).rev().find(|&k| ctx.word(k) == "что" && ctx.word(k - 1) == ","));
    let mut in_clause: Vec<&dates::DateExpr> = dates_in(s, clause)
        .iter()
        .filter(|d| reported_from.is_none_or(|k| d.span.start >= ctx.doc.tokens[k].span().start))
        // «В продолжение бесед, которые состоялись 8 мая, … провести
        // встречу»: the day of an event a relative clause recalls.
        .filter(|d| !venue::in_other_event_clause(ctx, s, ctx.doc.token_at(d.span.start)))
        .collect();
    in_clause.sort_by_key(|d| !tail.contains(d.span));
    let date = in_clause
        .into_iter()
        .find_map(|d| {
            dates::resolve(d.value, ctx.reference, planned).map(|(start, end)| EventDate {
                start,
                end,
                text: ctx.doc.slice(d.span).to_string(),
                span: d.span,
            })
        })
        .or_else(|| {
            // «позднее в тот же день»
            let same_day = (a..b.saturating_sub(2))
                .any(|k| ctx.word(k) == "тот" && ctx.word(k + 1) == "же" && ctx.word(k + 2) == "день");
            same_day.then(|| main_date.cloned()).flatten()
        });
    let format = match kind {
        EventKind::PhoneCall => Format::Phone,
        _ => hits
            .iter()
            .find_map(|h| match h.cue {
                Cue::Format(f) => Some(f),
                _ => None,
            })
            .unwrap_or(Format::Unknown),
    };
    let clause_sent = s.part(from, b, tail, hits.iter().filter(|h| h.first() >= from).map(|h| **h).collect());
    // A city, else a country named as the venue («пройдет в 2027 году в Китае»).
    let location = if format == Format::Phone {
        None
    } else {
        venue::city_in(ctx, &clause_sent).or_else(|| venue::state_in(ctx, &clause_sent))
    }
    .map(|(p, _)| p);
    let mut states: Vec<String> = Vec::new();
    let mut orgs: Vec<String> = Vec::new();
    for m in ctx.matches_within(tail) {
        let e = ctx.gaz.entity(m.entity);
        let (list, id) = match e.kind {
            EntityKind::State if !venue::is_venue(ctx, s, m) || kind == EventKind::Visit => (&mut states, e.id.clone()),
            EntityKind::Organization => (&mut orgs, ctx.gaz.entity(ctx.gaz.root(m.entity)).id.clone()),
            _ => continue,
        };
        if !list.contains(&id) {
            list.push(id);
        }
    }
    let f = FollowUp { kind, status, date, format, location, states, organizations: orgs, span: clause };
    // «подготовку к визитам на высшем уровне в текущем году»: events in
    // the plural with no party, place or day of their own are a topic,
    // no announced event («подготовку к визиту президента в Астану» is).
    let plural = matches!(kind, EventKind::Visit | EventKind::Meeting | EventKind::Summit | EventKind::Conference)
        && clause_sent.hits().iter().find(|h| h.cue == Cue::Kind(kind)).is_some_and(|h| {
            let w = ctx.word(h.first());
            ["ам", "ами", "ах", "ов"].iter().any(|e| w.ends_with(e))
        });
    let bare = f.states.is_empty() && f.organizations.is_empty() && f.location.is_none() && f.date.is_none();
    if status == Status::Planned && plural && bare {
        return None;
    }
    (next_round || !restates(ev, &f, main)).then_some(f)
}

/// Whether a follow-up tells of the main event again: a press release
/// quoted on the visit it reports («Визит … пройдет 12-14 апреля»), «Переговоры
/// в Ташкенте прошли…», a stop of the visit's own programme («В Осаке глава
/// государства посетит…»): the same kind in the same place (or country),
/// or announced for the same days, with no party the main event lacks
/// («Позднее в тот же день … провел телефонный разговор с Президентом
/// Казахстана» is a new call).
fn restates(ev: &MainEvent, f: &FollowUp, main: &EventRecord) -> bool {
    if f.kind != ev.kind {
        return false;
    }
    let parties = main.states.iter().filter(|s| s.role == crate::record::Role::Participant);
    let known: Vec<&str> = parties.map(|s| s.iso2.as_str()).collect();
    if f.states.iter().any(|s| !known.contains(&s.as_str())) {
        return false;
    }
    let same_day = match (&main.date, &f.date) {
        (Some(m), Some(d)) => f.status == Status::Planned && d.start >= m.start && d.start <= m.end,
        _ => false,
    };
    let same_place = match (&main.location, &f.location) {
        (Some(m), Some(l)) => m.name == l.name || m.country == l.country,
        _ => false,
    };
    same_day || same_place
}
