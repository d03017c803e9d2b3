//! The main event: the one the first body sentence (else the headline)
//! reports, and its kind and status.

use super::context::{Context, Sent};
use super::phrases::{Cue, Hit};
use crate::gazetteer::EntityKind;
use crate::record::{EventKind, Status};

/// Where the main event was read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MainEvent {
    pub kind: EventKind,
    pub status: Status,
    /// The trigger phrase, if any.
    pub trigger: Option<Hit>,
    /// Index into `ctx.body` of the sentence it was read from (the first
    /// body sentence when the trigger came from the headline).
    pub sentence: Option<usize>,
    /// Whether the trigger came from the headline.
    pub from_headline: bool,
    /// The status phrase.
    pub status_span: Option<crate::record::Span>,
    /// A lead with no trigger of its own that sums up the news a later
    /// sentence reports («Минск и Москва согласовали позиции…», then «во
    /// время встречи…»), or quotes what was said at the headline's event:
    /// its names are the event's parties, as those of a lead that names
    /// the event would be.
    pub lead: Option<usize>,
    /// A lead that sets the scene for the main sentence («Сегодня в
    /// Душанбе состоялось заседание…», then «Президент принял…»): it gives
    /// the day and the place when the main sentence does not.
    pub scene: Option<usize>,
}

/// A kind trigger that is the clause's predicate, not background: not in a
/// participle clause («находящийся с визитом в Сингапуре, провел переговоры»).
fn first_trigger(ctx: &Context, s: &Sent) -> Option<(Hit, EventKind)> {
    let has_document = s.has(|c| c == Cue::DocumentNoun);
    let mut weak: Option<(Hit, EventKind)> = None;
    let mut after: Option<(Hit, EventKind)> = None;
    for &h in s.hits() {
        // Only a kind trigger can be the event (a frame never is): the
        // tests below are for those alone.
        let candidate = match h.cue {
            Cue::Kind(_) | Cue::KindRound => true,
            Cue::KindWeak => weak.is_none(),
            _ => false,
        };
        if !candidate {
            continue;
        }
        // «на полях 80-й сессии» frames the event; the session is not it.
        let framed = ctx.framed(s, &h);
        let background = (h.first().saturating_sub(4)..h.first()).any(|k| s.cue_at(k, |c| c == Cue::Background))
            || in_side_clause(ctx, s, &h)
            || recalled_clause(ctx, s, h.first());
        if framed || background {
            continue;
        }
        // «После разговора с Путиным … переговорил с Зеленским»: what came
        // before is not the news (it stays the event when the sentence
        // names no other).
        if h.first() > s.first() && ctx.word(h.first() - 1) == "после" {
            if let (None, Cue::Kind(k)) = (after, h.cue) {
                after = Some((h, k));
            }
            continue;
        }
        match h.cue {
            // «подписал закон» is no diplomatic signing: an agreement,
            // memorandum, declaration… must be what is signed.
            Cue::Kind(EventKind::Signing) if is_verb(ctx, &h) && !has_document => {}
            // «подал заявление об отставке» is a resignation.
            Cue::Kind(EventKind::Statement) if resignation(ctx, s, &h) => {}
            // «приём Черногории в НАТО» is an admission, not a reception.
            Cue::Kind(EventKind::Meeting) if admission(ctx, s, &h) => {}
            // «провёл беседу по телефону», «переговорил по телефону».
            Cue::Kind(EventKind::Meeting | EventKind::Talks) if by_phone(s, &h) => {
                return Some((h, EventKind::PhoneCall))
            }
            Cue::Kind(k) => return Some((h, k)),
            // A round with nothing before it to repeat is a round of talks.
            Cue::KindRound => return Some((h, EventKind::Talks)),
            // «принял посла», «принял в Астане директора», not «приняла
            // закон»; a stronger trigger later in the sentence wins.
            Cue::KindWeak if weak.is_none() && receives_someone(ctx, s, &h) => weak = Some((h, EventKind::Meeting)),
            _ => {}
        }
    }
    weak.or(after)
}

/// Whether «приём» is an admission: «в» and an organization follow within
/// a few words («приём Черногории в НАТО», «приёма в члены ШОС»).
fn admission(ctx: &Context, s: &Sent, h: &Hit) -> bool {
    let w = ctx.word(h.first());
    if !w.starts_with("прием") {
        return false;
    }
    let end = (h.last() + 4).min(s.last()).min(ctx.doc.tokens.len());
    if h.last() >= end || !(h.last()..end).any(|k| matches!(ctx.word(k), "в" | "во")) {
        return false;
    }
    let after = crate::record::Span::new(ctx.doc.tokens[h.last()].span().start, ctx.doc.tokens[end - 1].span().end);
    ctx.matches_within(after).iter().any(|m| m.kind == EntityKind::Organization)
}

/// Whether a trigger is about a resignation: «отставка» follows closely
/// («подал заявление об отставке», «принял отставку губернатора»).
fn resignation(ctx: &Context, s: &Sent, h: &Hit) -> bool {
    (h.last()..(h.last() + 4).min(s.last())).any(|k| ctx.word(k).starts_with("отставк"))
}

/// Whether a phone phrase follows a trigger closely.
fn by_phone(s: &Sent, h: &Hit) -> bool {
    s.hits().iter().any(|p| {
        matches!(p.cue, Cue::Kind(EventKind::PhoneCall) | Cue::Format(crate::record::Format::Phone))
            && p.first() >= h.last()
            && p.first() <= h.last() + 2
    })
}

/// Whether two kinds may name one event in other words: a meeting of two
/// parties is also told of as their talks («пообщался с Макроном …
/// Переговоры Путина и Макрона прошли в пятницу»).
pub(crate) fn same_event(a: EventKind, b: EventKind) -> bool {
    let talk = |k: EventKind| matches!(k, EventKind::Meeting | EventKind::Talks);
    a == b || (talk(a) && talk(b))
}

/// Whether a sentence opens with a generic name for an event
/// («Мероприятие открыл президент…», «Церемония состоялась в Акорде»),
/// which tells again of the one just reported.
pub(crate) fn opens_with_generic_event(ctx: &Context, s: &Sent) -> bool {
    let w = ctx.word(s.first());
    w.starts_with("мероприяти") || w.starts_with("церемони")
}

/// Whether a trigger is a verb form («подписали», «встретились»), not a
/// noun («подписание»).
pub(crate) fn is_verb(ctx: &Context, h: &Hit) -> bool {
    let w = ctx.word(h.first());
    let w = w.strip_suffix("ся").or_else(|| w.strip_suffix("сь")).unwrap_or(w);
    ["л", "ла", "ли", "ло", "ут", "ют", "ан", "ано", "ана", "аны", "ет"].iter().any(|e| w.ends_with(e))
}

/// Whether «принял» receives someone: a capitalized name or a word for a
/// person (`received` in `triggers.tsv`) within the next five words («принял в Астане Исполнительного
/// директора»), not «приняла закон», «принял меры».
fn receives_someone(ctx: &Context, s: &Sent, h: &Hit) -> bool {
    // «принял отставку губернатора» accepts a resignation.
    if resignation(ctx, s, h) {
        return false;
    }
    (h.last()..(h.last() + 5).min(s.last())).any(|k| {
        let t = ctx.doc.tokens[k].text(ctx.doc.text);
        let w = ctx.word(k);
        let capital_name = t.chars().next().is_some_and(char::is_uppercase) && k > h.last() && ctx.word(k - 1) != "в";
        s.cue_at(k, |c| c == Cue::Received) || (capital_name && !matches!(w, "в" | "во" | "на"))
    })
}

/// Whether a trigger stands in a clause set off by a comma that opens with
/// a participle or «который»: «Лавров, приехавший в Минск на заседание
/// СМИД, встретился…», «Мирзиёевым, который находится в Беларуси с
/// визитом», «переговоров, которые состоялись 7 апреля». Such a clause
/// gives background, not the event the sentence reports.
fn in_side_clause(ctx: &Context, s: &Sent, h: &Hit) -> bool {
    side_clause_at(ctx, s, h.first())
}

/// Whether token `i` stands in what someone recalls: «…, на которой он
/// напомнил, что … первый саммит был проведен в 2002 году». What is
/// recalled is known before the news (or is yet to come), never the event
/// the sentence reports.
fn recalled_clause(ctx: &Context, s: &Sent, i: usize) -> bool {
    // (A recalled clause is short: the walk stays bounded.)
    let from = i.saturating_sub(40).max(s.first());
    let Some(verb) = (from..i).find(|&k| ctx.word(k).starts_with("напомнил")) else { return false };
    (verb + 1..i).any(|k| ctx.word(k) == "что")
}

/// Whether token `i` stands in such a side clause (see [`in_side_clause`]).
pub(crate) fn side_clause_at(ctx: &Context, s: &Sent, i: usize) -> bool {
    side_clause_comma(ctx, s, i, 12).is_some()
}

/// The comma that opens the side clause token `i` stands in, at most
/// `window` tokens before it.
pub(crate) fn side_clause_comma(ctx: &Context, s: &Sent, i: usize, window: usize) -> Option<usize> {
    let from = i.saturating_sub(window).max(s.first());
    let comma = (from..i).rev().find(|&k| ctx.word(k) == ",")?;
    (comma + 1..(comma + 3).min(i))
        .any(|k| {
            let w = ctx.word(k);
            w.starts_with("котор") || (is_participle(w) && !s.cue_at(k, |c| c == Cue::ParticipleAdjective))
        })
        .then_some(comma)
}

/// Whether a word is built as an active participle («приехавший»,
/// «находящимся», «прибывшая»); the adjectives built alike («предстоящий»,
/// «следующий») are data (`participle adjective` in `triggers.tsv`).
fn is_participle(w: &str) -> bool {
    let w = w.strip_suffix("ся").or_else(|| w.strip_suffix("сь")).unwrap_or(w);
    const ENDINGS: &[&str] = &["ий", "ая", "ее", "ие", "его", "ей", "ему", "им", "ем", "их", "ими", "ую", "ой"];
    let Some(stem) = ENDINGS.iter().find_map(|e| w.strip_suffix(e)) else { return false };
    ["вш", "ющ", "ящ", "ущ", "ащ"].iter().any(|m| stem.ends_with(m)) && w.chars().count() > 6
}

/// Planned when the sentence announces the event and reports nothing as done.
/// How long an event lasts («Визит продлится меньше суток», «завершится
/// 5 мая») tells of one under way, and announces nothing.
fn status_of(ctx: &Context, s: &Sent) -> (Status, Option<crate::record::Span>) {
    let planned = s.hits().iter().find(|h| {
        let w = ctx.word(h.first());
        h.cue == Cue::Status(Status::Planned) && !super::context::lasting(w)
    });
    let held = s.hits().iter().any(|h| h.cue == Cue::Status(Status::Held));
    match planned {
        Some(h) if !held => (Status::Planned, Some(s.span_of(h))),
        _ => (Status::Held, s.hits().iter().find(|h| h.cue == Cue::Status(Status::Held)).map(|h| s.span_of(h))),
    }
}

/// A diplomatic event involves states or international organizations: a
/// trigger in a text about none of them («Госдума приняла закон», «встреча
/// футбольных команд») reports no diplomatic event.
///
/// A state alone is not enough: a football coach «прибыл в Чечню», the
/// «финальные встречи чемпионата мира» of Czech and Swedish teams are no
/// diplomacy. With one state the event needs someone who acts for a state
/// (a president, a minister, a delegation…).
fn international(ctx: &Context, ev: &MainEvent) -> bool {
    let mut sents = ctx.event_sentences(ev.sentence);
    // A lead that sums the news up («Глава МИД Беларуси обсудил с
    // российским коллегой…», then «Двусторонняя встреча прошла…») or says
    // what was said at the event names its parties.
    let sums_up = |s: &Sent| {
        s.hits().iter().any(|h| {
            h.cue == Cue::Discuss && (h.last()..(h.last() + 3).min(s.last())).any(|k| matches!(ctx.word(k), "с" | "со"))
        })
    };
    sents.extend(ev.lead.map(|k| ctx.body.at(k)).filter(|s| opinion_lead(ctx, s) || sums_up(s)));
    // Words that name diplomacy by themselves («находится с визитом в ЮАР»).
    // So does an international forum («международная конференция»).
    let diplomatic_trigger = ev.trigger.is_some_and(|t| {
        (t.first()..t.last()).any(|k| {
            let w = ctx.word(k);
            ["визит", "переговор", "консультац", "саммит", "верительн"].iter().any(|p| w.starts_with(p))
        }) || (t.first().saturating_sub(3)..t.first()).any(|k| ctx.word(k).starts_with("международн"))
    });
    let mut states: Vec<u32> = Vec::new();
    let official = sents.iter().any(|s| s.has(|c| c == Cue::Official));
    // «Сборная Беларуси встретится со сборной Казахстана» is a match, and
    // its «представители» are no envoys: unless an official is named, sport
    // settles it before anything else.
    let sport = sents.iter().any(|s| s.has(|c| c == Cue::Sport));
    if sport && !official {
        return false;
    }
    // A signing takes two parties: «подписанный президентом документ
    // «Стратегия…»» is a domestic act. So does a message: a president's
    // congratulations to an astronaut, his condolences to the families of a
    // crash are no diplomacy, unless addressed to an official (a ministry's
    // own «заявление» needs no second).
    let message = ev.kind == EventKind::Statement
        && ev.trigger.is_some_and(|t| {
            let w = ctx.word(t.first());
            !(w.starts_with("заявлени") || w.starts_with("совместн"))
        });
    if ev.kind == EventKind::Signing || message {
        let mut parties: Vec<u32> = Vec::new();
        for s in &sents {
            for m in ctx.matches_within(s.span()) {
                let root = ctx.gaz.root(m.entity).0;
                // Regions count: partly recognized states sign too («с Южной Осетией»).
                let party = matches!(m.kind, EntityKind::State | EntityKind::Organization | EntityKind::Region);
                if party && !parties.contains(&root) {
                    parties.push(root);
                }
            }
        }
        // «направил поздравительное письмо коллеге»: an official addressee.
        let addressee = message
            && ev.sentence.zip(ev.trigger).is_some_and(|(k, t)| {
                ctx.body.at(k).hits().iter().any(|h| h.cue == Cue::Official && h.first() >= t.last())
            });
        return parties.len() >= 2 || addressee;
    }
    for s in &sents {
        if s.has(|c| c == Cue::Envoy)
            || (s.first()..s.last()).any(|k| matches!(ctx.word(k), "мид" | "дипломат" | "дипломаты" | "дипломатов"))
            || of_several_states(ctx, s)
            || ctx.matches_within(s.span()).iter().any(|m| m.kind == EntityKind::Organization)
        {
            return true;
        }
        for m in ctx.matches_within(s.span()).iter().filter(|m| m.kind == EntityKind::State) {
            if !states.contains(&m.entity.0) {
                states.push(m.entity.0);
            }
        }
    }
    states.len() >= 2 || (states.len() == 1 && (official || diplomatic_trigger))
}

/// Whether the sentence names officials of several states, whichever they
/// are: «глав государств Центральной Азии», «министров иностранных дел
/// стран Африки» (a region's states meet, none of them named).
fn of_several_states(ctx: &Context, s: &Sent) -> bool {
    s.hits()
        .iter()
        .filter(|h| h.cue == Cue::Official)
        .any(|h| (h.last()..(h.last() + 3).min(s.last())).any(|k| matches!(ctx.word(k), "государств" | "стран")))
}

pub(crate) fn main_event(ctx: &Context) -> MainEvent {
    let mut ev = trigger_event(ctx);
    // «Беседа прошла вечером 11 июля» under «… провели первую телефонную
    // беседу»: a bare «беседа» or «разговор» retells the headline's call.
    let bare_talk = ev.kind == EventKind::Meeting
        && !ev.from_headline
        && ev.trigger.is_some_and(|t| {
            let w = ctx.word(t.first());
            t.last() == t.first() + 1 && (w.starts_with("бесед") || w.starts_with("разговор"))
        });
    if bare_talk && ctx.head.iter().any(|s| s.has(|c| c == Cue::Kind(EventKind::PhoneCall))) {
        ev.kind = EventKind::PhoneCall;
    }
    if credentials_ceremony(ctx, &ev) {
        ev.kind = EventKind::Credentials;
    }
    if ev.kind != EventKind::Other && !international(ctx, &ev) {
        return MainEvent { kind: EventKind::Other, status: Status::Held, trigger: None, status_span: None, ..ev };
    }
    ev
}

/// «Президент встретился с новыми послами …», then «Послы вручили
/// Президенту верительные грамоты»: a meeting with envoys that the next
/// sentences tell was where they presented their credentials is that
/// ceremony.
fn credentials_ceremony(ctx: &Context, ev: &MainEvent) -> bool {
    let Some(t) = ev.trigger.filter(|_| ev.kind == EventKind::Meeting && ev.status == Status::Held) else {
        return false;
    };
    let Some(s) = ctx.head.iter().chain(ctx.body.iter()).find(|s| s.first() <= t.first() && t.first() < s.last())
    else {
        return false;
    };
    let with_envoys = (t.last()..(t.last() + 4).min(s.last())).any(|k| s.cue_at(k, |c| c == Cue::Envoy));
    let k = ev.sentence.unwrap_or(0);
    with_envoys
        && ctx.body.from(k).take(4).any(|s| {
            let presented = s
                .hits()
                .iter()
                .any(|h| h.cue == Cue::Kind(EventKind::Credentials) && !side_clause_at(ctx, &s, h.first()));
            presented && s.has(|c| c == Cue::Status(Status::Held)) && !s.recalls()
        })
}

fn trigger_event(ctx: &Context) -> MainEvent {
    // The first sentence after the dateline: a lead some dumps put above
    // the dateline summarises, like a headline.
    let after_dateline = ctx.doc.parts.dateline.as_ref().map_or(0, |d| {
        let k = ctx.body.partition_point(|s| s.span().start < d.span.end);
        if k < ctx.body.len() {
            k
        } else {
            0
        }
    });
    let first = (!ctx.body.is_empty()).then_some(after_dateline);
    let mut ev = MainEvent {
        kind: EventKind::Other,
        status: Status::Held,
        trigger: None,
        sentence: first,
        from_headline: false,
        status_span: None,
        lead: None,
        scene: None,
    };
    let lead = first.and_then(|k| first_trigger(ctx, &ctx.body.at(k)).map(|t| (k, t)));
    // A lead that gives an opinion («…, заявил министр») names the event in
    // passing at most: the headline, or a later sentence, reports it.
    let opinion = first.is_some_and(|k| opinion_lead(ctx, &ctx.body.at(k)));
    if let Some((k, (t, kind))) = lead.filter(|_| !opinion) {
        if let Some((k2, t2, kind2)) = framing_lead(ctx, k, kind) {
            return MainEvent { scene: Some(k), ..report(ctx, ev, k2, t2, kind2) };
        }
        return report(ctx, ev, k, t, kind);
    }
    for s in ctx.head.iter().chain(ctx.body.iter().take(after_dateline)) {
        if let Some((t, kind)) = first_trigger(ctx, &s) {
            ev.kind = kind;
            ev.trigger = Some(t);
            ev.from_headline = true;
            // The body may tell of it a little later, after a caption or a
            // scene-setting line («left|Барак Обама», then «В понедельник 23
            // мая … прибыл в Ирландию»): that sentence dates and places it.
            let retold = (after_dateline..ctx.body.len().min(after_dateline + 3)).find_map(|k| {
                first_trigger(ctx, &ctx.body.at(k)).filter(|&(_, k2)| same_event(k2, kind)).map(|(t2, _)| (k, t2))
            });
            if let Some((k, t2)) = retold {
                ev.sentence = Some(k);
                ev.trigger = Some(t2);
                ev.from_headline = false;
                // A lead that quotes what was said there («…, заявил
                // Президент», then «Глава государства выступил на открытии
                // форума») speaks for the event's parties.
                ev.lead = (k > after_dateline && opinion).then_some(after_dateline);
            }
            let first = ev.sentence;
            // The lead sentence tells the tense better than a headline.
            let lead = first.map(|k| ctx.body.at(k));
            (ev.status, ev.status_span) = status_of(ctx, lead.as_ref().unwrap_or(&s));
            if ev.status_span.is_none() {
                (ev.status, ev.status_span) = status_of(ctx, &s);
            }
            return ev;
        }
    }
    // A lead of background, a quote or an opinion: the event is reported in
    // one of the next sentences of the first paragraphs («Об этом он сказал
    // на встрече с…»), not in one that recalls or announces another.
    if let Some(k0) = first {
        let para = ctx.body.at(k0).paragraph().unwrap_or(0);
        let later = (k0 + 1..ctx.body.len().min(k0 + 6))
            .take_while(|&k| ctx.body.at(k).paragraph().is_some_and(|p| p <= para + 2))
            .filter(|&k| !ctx.body.at(k).recalls())
            .find_map(|k| {
                first_trigger(ctx, &ctx.body.at(k)).filter(|t| !announced(ctx, &ctx.body.at(k), &t.0)).map(|t| (k, t))
            });
        if let Some((k, (t, kind))) = later {
            ev.lead = (lead.is_none() && !opinion).then_some(k0);
            return report(ctx, ev, k, t, kind);
        }
        if let Some((k, (t, kind))) = lead {
            return report(ctx, ev, k, t, kind);
        }
    }
    ev
}

/// Whether a sentence tells of a later event rather than the one its
/// trigger names: «договорились о проведении встречи», «затем состоялась
/// встреча», «на следующих выборах». An agreement after the trigger is the
/// event's outcome: «во время встречи они договорились, что…» reports the
/// meeting.
fn announced(ctx: &Context, s: &Sent, t: &Hit) -> bool {
    s.hits().iter().any(|h| {
        let agreed = ["договорил", "условил"].iter().any(|p| ctx.word(h.first()).starts_with(p));
        matches!(h.cue, Cue::FollowUp(_)) && (h.first() < t.first() || !agreed)
    })
}

/// A lead that sets the scene with a gathering («Сегодня в Душанбе
/// состоялось заседание структур ОДКБ») under a headline about a meeting
/// on its side («Рахмон провел отдельную встречу с Лавровым»): the
/// sentence of the lead's paragraph that reports the headline's kind of
/// event is the main one. The sentence, its trigger and its kind.
fn framing_lead(ctx: &Context, k0: usize, lead_kind: EventKind) -> Option<(usize, Hit, EventKind)> {
    let gathering = |k: EventKind| matches!(k, EventKind::Session | EventKind::Summit | EventKind::Conference);
    let side = |k: EventKind| matches!(k, EventKind::Meeting | EventKind::Talks | EventKind::PhoneCall);
    if !gathering(lead_kind) {
        return None;
    }
    let (_, head_kind) = ctx.head.iter().find_map(|s| first_trigger(ctx, &s))?;
    if !side(head_kind) {
        return None;
    }
    let para = ctx.body.at(k0).paragraph();
    (k0 + 1..ctx.body.len().min(k0 + 4))
        .take_while(|&k| ctx.body.at(k).paragraph() == para)
        .filter(|&k| !ctx.body.at(k).recalls())
        .find_map(|k| {
            let (t, kind) = first_trigger(ctx, &ctx.body.at(k))?;
            (kind == head_kind && !announced(ctx, &ctx.body.at(k), &t)).then_some((k, t, kind))
        })
}

/// The main event read from body sentence `k`.
fn report(ctx: &Context, mut ev: MainEvent, k: usize, t: Hit, kind: EventKind) -> MainEvent {
    ev.kind = kind;
    ev.trigger = Some(t);
    ev.sentence = Some(k);
    (ev.status, ev.status_span) = status_of(ctx, &ctx.body.at(k));
    ev
}

/// Whether a lead sentence gives an opinion or a quote rather than
/// reporting an event: it holds a verb of opinion («заявил», «сказал»,
/// «отметил», «подчеркнул», «считает», «рассчитывают») and no event trigger
/// outside a clause that verb introduces. «…провел переговоры, сообщили в
/// МИД» only names its source.
fn opinion_lead(ctx: &Context, s: &Sent) -> bool {
    let Some(verb) = s.hits().iter().find(|h| h.cue == Cue::Opinion).map(|h| h.first()) else { return false };
    // The trigger comes after «что» of that verb, or before the verb in a
    // quote or a statement it closes («…, – заявил…»).
    match first_trigger(ctx, s) {
        None => true,
        Some((t, _)) => {
            let after_that = (verb..t.first()).any(|k| ctx.word(k) == "что");
            let before = t.first() < verb && (t.first()..verb).any(|k| ctx.word(k) == "что");
            after_that || before
        }
    }
}
