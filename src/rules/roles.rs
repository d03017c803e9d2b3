//! Roles: which states and organizations took part in the main event.
//!
//! A name is a participant when it stands in a sentence that describes the
//! main event (its own sentence, a headline that names the event, a
//! sentence listing who took part or organized it) and is not a topic
//! («по Афганистану», «ситуация в Сирии»), an envoy's accreditation
//! («Посол России в Гвинее»), or a venue country of an event other than a
//! visit. A capital that acts in such a sentence («Белград и Приштина
//! начали переговоры») stands for its state. Everything else is
//! "mentioned".

use super::context::{Context, Sent};
use super::kind::MainEvent;
use super::phrases::Cue;
use super::venue;
use crate::gazetteer::{EntityKind, Match};
use crate::record::{EventKind, EventRecord, Role, Span, Status};

/// Whether a topic word stands right before the match («по Сирии», «о
/// ситуации в Афганистане», «председательства Узбекистана»).
fn topic(ctx: &Context, s: &Sent, m: &Match) -> bool {
    topic_word_before(ctx, s, m) || listed_after_topic(ctx, s, m) || adjective_of_topic(s, m)
}

/// «на кыргызско-таджикской границе», «по украинскому урегулированию»: an
/// adjective that qualifies a topic noun names the topic.
fn adjective_of_topic(s: &Sent, m: &Match) -> bool {
    m.form == crate::record::MentionForm::Adjective
        && s.hits().iter().any(|h| h.cue == Cue::Topic && h.first() == m.end_token())
}

/// «ситуацию в Сирии и Йемене», «в Мали, Нигере и Чаде»: a name in a list
/// whose first name is a topic is one too.
fn listed_after_topic(ctx: &Context, s: &Sent, m: &Match) -> bool {
    let mut cur = *m;
    // Walk back along the list, a few names at most.
    for _ in 0..8 {
        let within = ctx.matches_within(Span::new(s.span().start, cur.span.start));
        let Some(prev) = within.iter().rev().find(|p| p.end_token() <= cur.first_token()) else { return false };
        let connected = (prev.end_token()..cur.first_token())
            .all(|k| matches!(ctx.word(k), "," | "и" | "в" | "во" | "а" | "также"));
        if !connected {
            return false;
        }
        if topic_word_before(ctx, s, prev) {
            return true;
        }
        cur = *prev;
    }
    false
}

fn topic_word_before(ctx: &Context, s: &Sent, m: &Match) -> bool {
    let i = m.first_token();
    ctx.hits_before(s, i, 8).iter().any(|h| {
        if h.cue != Cue::Topic || h.last() > i {
            return false;
        }
        let gap = i - h.last();
        let word = ctx.word(h.first());
        // Prepositions only directly before the name: «по приглашению
        // России» is no topic.
        let preposition = matches!(word, "по" | "о" | "об" | "против" | "кроме" | "вокруг" | "включая");
        // «заседание, посвящённое поставкам западного оружия Украине»:
        // the rest of the clause is the topic.
        let devoted = word.starts_with("посвящ");
        // «…, в том числе в Мали» goes on a topic's places; «представители
        // организаций, в том числе ООН» goes on a list of parties.
        let including = word == "в" && ctx.word(h.first() + 1) == "том";
        if including {
            gap == 1 && matches!(ctx.word(h.last()), "в" | "во")
        } else if preposition {
            gap == 0
        } else if devoted {
            // (A quoted title may stand between: «посвящённое теме
            // «поддержания мира» Украины».)
            gap <= 8
                && (h.last()..i).all(|k| {
                    ctx.doc.tokens[k].kind() != crate::text::TokenKind::Punct
                        || matches!(ctx.word(k), "«" | "»" | "\"" | "“" | "”" | "„")
                })
        } else {
            // «обсудили по телефону Украину» names a topic, «обсудил с
            // министром Китая» a party.
            let party =
                s.cue_at(h.first(), |c| c == Cue::Discuss) && (h.last()..i).any(|k| matches!(ctx.word(k), "с" | "со"));
            gap <= 2 && !party && (h.last()..i).all(|k| ctx.doc.tokens[k].kind() != crate::text::TokenKind::Punct)
        }
    })
}

fn participant_match(ctx: &Context, ev: &MainEvent, s: &Sent, m: &Match) -> bool {
    let kind = m.kind;
    if !matches!(kind, EntityKind::State | EntityKind::Organization) {
        return false;
    }
    if topic(ctx, s, m)
        || venue::accredited(ctx, s, m)
        || after_earlier_event(ctx, ev, s, m)
        || in_since_clause(ctx, s, m)
    {
        return false;
    }
    // An organization whose meeting only frames the event («на полях
    // сессии Совета ООН», «приехавший на заседание СМИД СНГ») or where
    // something is done («координация действий в ОДКБ», «взаимодействие в
    // ООН», «в штаб-квартире ООН») took no part in it; one whose
    // headquarters are visited («посетит штаб-квартиру ООН») hosts.
    let before = ctx.word(m.first_token().wrapping_sub(1));
    let headquarters =
        before.starts_with("штаб-квартир") && !venue::visit_verb(ctx.word(m.first_token().wrapping_sub(2)));
    if kind == EntityKind::Organization && (framed(ctx, s, m) || matches!(before, "в" | "во") || headquarters) {
        return false;
    }
    // A venue country hosts a visit; of other events it is the place only.
    if kind == EntityKind::State && ev.kind != EventKind::Visit && venue::is_venue(ctx, s, m) {
        let w = ctx.word(m.first_token().wrapping_sub(1));
        return w == "столице";
    }
    true
}

/// «После разговора с Путиным Глава государства переговорил по телефону
/// с Зеленским»: a name in «после» and another event's name, before the
/// main trigger, is a party of that earlier event.
fn after_earlier_event(ctx: &Context, ev: &MainEvent, s: &Sent, m: &Match) -> bool {
    let i = m.first_token();
    let before_trigger = ev.trigger.is_some_and(|t| !ev.from_headline && t.first() > i && s.first() <= t.first());
    before_trigger
        && (i.saturating_sub(5).max(s.first())..i).any(|k| {
            // («разговор» alone is no trigger: it names a call or a talk.)
            // Between that name and the party, «с» and lowercase words only
            // («после разговора с президентом России»), so that the main
            // event's own subject after it stays its party.
            let lowercase =
                |j: usize| ctx.doc.tokens[j].text(ctx.doc.text).chars().next().is_some_and(char::is_lowercase);
            ctx.word(k) == "после"
                && (ctx.word(k + 1).starts_with("разговор")
                    || s.hits().iter().any(|h| h.first() == k + 1 && matches!(h.cue, Cue::Kind(_))))
                && (k + 2..i).all(lowercase)
        })
}

/// «Беседа состоялась после того, как он заявил о готовности принять
/// переговоры России и Украины», «Токаев поговорил с Путиным после слов о
/// готовности принять переговоры с Украиной»: what ends the sentence after
/// «после того, как» or «после слов» tells what came before the event; its
/// names took no part in it.
fn in_since_clause(ctx: &Context, s: &Sent, m: &Match) -> bool {
    let i = m.first_token();
    (s.first() + 1..i.saturating_sub(1)).rev().take(40).any(|k| {
        let (next, then) = (ctx.word(k + 1), ctx.word(k + 2));
        let that = next == "того" && (then == "как" || (then == "," && ctx.word(k + 3) == "как"));
        let words = ["слов", "заявлени", "высказывани"].iter().any(|p| next.starts_with(p));
        ctx.word(k) == "после" && (that || words)
    })
}

/// At a session, summit or conference, those who speak took part: the
/// names before a speaker's verb («Постпред КНР Чжан Цзюнь призвал…»), not
/// what they speak about.
fn speakers(ctx: &Context, ev: &MainEvent) -> Vec<Span> {
    let mut out = Vec::new();
    if !matches!(ev.kind, EventKind::Session | EventKind::Summit | EventKind::Conference)
        || ev.status == Status::Planned
    {
        return out;
    }
    let Some(main) = ev.sentence else { return out };
    // Its paragraph and the next: agency copy often gives the lead a
    // paragraph of its own («С приветственным словом обратился…»).
    let para = ctx.body.at(main).paragraph().unwrap_or(0);
    for s in ctx.body.from(main + 1).filter(|s| s.paragraph().is_some_and(|p| p <= para + 1)) {
        if s.recalls() || s.has(|c| matches!(c, Cue::FollowUp(_))) {
            continue;
        }
        let Some(verb) = s.hits().iter().find(|h| h.cue == Cue::Speech) else { continue };
        for m in ctx.matches_within(s.span()).iter().filter(|m| m.end_token() <= verb.first()) {
            if participant_match(ctx, ev, &s, m) {
                out.push(m.span);
            }
        }
    }
    out
}

/// The spans of «…» quotations in a sentence (an unclosed one runs to its end).
fn quotations(ctx: &Context, s: &Sent) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0u32;
    for k in s.first()..s.last() {
        match ctx.doc.tokens[k].text(ctx.doc.text) {
            "«" | "„" => {
                if depth == 0 {
                    open = Some(ctx.doc.tokens[k].span().start);
                }
                depth += 1;
            }
            "»" | "“" if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(a) = open.take() {
                        out.push(Span::new(a, ctx.doc.tokens[k].span().end));
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(a) = open {
        out.push(Span::new(a, s.span().end));
    }
    out
}

/// The sentences whose names can be participants: those that describe the
/// main event, a headline that names it, a lead that sums up the news a
/// later sentence reports, and sentences that list who took part (for an
/// announced event, those that announce who will).
fn role_sentences<'c>(ctx: &Context<'c, '_>, ev: &MainEvent) -> Vec<Sent<'c>> {
    // The main sentence, and those after it that name the event again
    // («Заседание проходит под председательством…», «заявил в ходе
    // заседания»; anything in a visit, summit or conference is part of its
    // programme: «В пленарном заседании выступили…») — not another event
    // («напомнил о визите…»).
    let names_event = |s: &Sent| {
        s.has(|c| match c {
            Cue::Kind(k) => {
                k == ev.kind || matches!(ev.kind, EventKind::Visit | EventKind::Summit | EventKind::Conference)
            }
            Cue::KindSkip => true,
            _ => false,
        })
    };
    // («Мероприятие открыл президент…», «Церемония прошла…»: a generic
    // name for the event opening the sentence tells of it again.)
    let names_event = |s: &Sent| names_event(s) || super::kind::opens_with_generic_event(ctx, s);
    let said = ev.sentence.and_then(|k| ctx.said_before(k)).map(|s| s.span());
    let mut out: Vec<Sent> = ctx
        .event_sentences(ev.sentence)
        .into_iter()
        .enumerate()
        .filter(|(k, s)| s.paragraph().is_some() && (*k == 0 || names_event(s) || Some(s.span()) == said))
        .map(|(_, s)| s)
        .collect();
    for s in ctx.head.iter() {
        if s.has(|c| matches!(c, Cue::Kind(_))) {
            out.push(s);
        }
    }
    if let Some(k) = ev.lead {
        out.push(ctx.body.at(k));
    }
    // Later paragraphs that tell of the event again («Кыргызстан на
    // заседании представлял министр…»).
    if let Some(k) = ev.sentence {
        for s in ctx.restating(k, ev.kind, ev.status) {
            if !out.iter().any(|o| o.span() == s.span()) {
                out.push(s);
            }
        }
    }
    // At a credentials ceremony every envoy named after the main sentence
    // presented them, however the text lists them: the next sentence,
    // «среди них – послы…», one line each after «вручили:».
    if let Some(k) = ev.sentence.filter(|_| ev.kind == EventKind::Credentials) {
        // A list of the envoys' countries may name no envoy: «Список всех
        // стран: Словакия, Словения, …», «в списке стран Сомали, Габон…».
        let planned = ev.status == Status::Planned;
        let list = |s: &Sent| {
            (s.first()..s.last()).any(|i| ctx.word(i).starts_with("списк") || ctx.word(i) == "список")
                && ctx.matches_in(s.span(), EntityKind::State).nth(1).is_some()
        };
        // After a colon, one envoy a line: «вручили:», then «Имя – Республика
        // Панама,» — short lines that each name a state.
        let mut listing = false;
        for s in ctx.body.from(k + 1).take(24) {
            let other = s.recalls()
                || s.has(|c| matches!(c, Cue::FollowUp(_)) || (!planned && c == Cue::Status(Status::Planned)));
            // («Верительные грамоты Президенту вручили: …» names the ceremony
            // again.)
            let again = s.has(|c| c == Cue::Kind(EventKind::Credentials));
            let item =
                listing && s.last() - s.first() <= 16 && ctx.matches_in(s.span(), EntityKind::State).next().is_some();
            let taken = !other && (s.has(|c| c == Cue::Envoy) || list(&s) || again || item);
            if taken && !out.iter().any(|o| o.span() == s.span()) {
                out.push(s.clone());
            }
            listing = (taken && ctx.word(s.last() - 1) == ":") || item;
        }
    }
    let planned = ev.status == Status::Planned;
    let mut taken: Vec<Span> = out.iter().map(|s| s.span()).collect();
    taken.sort_unstable();
    for s in ctx.body.iter() {
        if taken.binary_search(&s.span()).is_ok() {
            continue;
        }
        let lists_parties = s.has(|c| c == Cue::Participation);
        // A sentence in the future after a report of what took place is
        // about another event («Завтра министр примет участие в совещании…»).
        let future = !planned && s.only_future();
        let later = s.has(|c| matches!(c, Cue::FollowUp(_))) || future;
        // «Ранее министр провёл переговоры с делегацией…» lists the
        // parties of another, earlier event.
        // Under an announced event, one reported as held is another.
        let held =
            planned && s.has(|c| c == Cue::Status(Status::Held)) && !s.has(|c| c == Cue::Status(Status::Planned));
        if lists_parties && (planned || !later) && !held && !s.recalls() {
            out.push(s);
        }
    }
    out
}

/// Sets `role` on the record's states and organizations.
///
/// Names inside the event's own title («Центральная Азия – Афганистан»)
/// are its topic, not its parties.
pub(crate) fn assign(rec: &mut EventRecord, ctx: &Context, ev: &MainEvent) {
    if ev.kind == EventKind::Other {
        return;
    }
    let title = rec.evidence.title;
    let mut spans: Vec<Span> = Vec::new();
    // States a capital stands for; the state takes part when the text also
    // names it (the capital gives no mention of its own).
    let mut capitals: Vec<&str> = Vec::new();
    let main = ev.sentence.map(|k| ctx.body.at(k).span());
    // A sentence that says someone stayed away names no party.
    for s in role_sentences(ctx, ev).into_iter().filter(|s| !s.has(|c| c == Cue::Absent)) {
        // Outside the main sentence, names quoted from a statement are what
        // it says, not who made it.
        let quotes = if Some(s.span()) == main { Vec::new() } else { quotations(ctx, &s) };
        // Quotations are sorted and disjoint: the one that could hold a
        // match is found by binary search.
        let quoted = |m: &Match| {
            let k = quotes.partition_point(|q| q.start <= m.span.start);
            k > 0 && quotes[k - 1].contains(m.span)
        };
        let skip = |m: &&Match| title.is_some_and(|t| t.contains(m.span)) || quoted(m);
        for m in ctx.matches_within(s.span()).iter().filter(|m| !skip(m)) {
            if participant_match(ctx, ev, &s, m) {
                spans.push(m.span);
            } else if let Some(iso2) = capital_as_state(ctx, &s, m) {
                capitals.push(iso2);
            }
        }
    }
    spans.extend(speakers(ctx, ev));
    spans.sort_unstable();
    // A visit's host takes part: the state of the place visited, when the
    // text names it («прибыл в Баку … с президентом Азербайджана»).
    // Not when an organization's gathering draws the visitor («прибыл в
    // Нью-Йорк для участия в сессии Генассамблеи ООН»).
    let for_organization =
        main.is_some_and(|m| ctx.matches_within(m).iter().any(|x| x.kind == EntityKind::Organization));
    if ev.kind == EventKind::Visit && !for_organization {
        capitals.extend(rec.location.as_ref().map(|p| p.country.as_str()));
    }
    let is_part = |sp: &Span| spans.binary_search(sp).is_ok();
    for st in &mut rec.states {
        if st.mentions.iter().any(|m| is_part(&m.span)) || capitals.contains(&st.iso2.as_str()) {
            st.role = Role::Participant;
        }
    }
    for o in &mut rec.organizations {
        if o.mentions.iter().any(|m| is_part(&m.span)) {
            o.role = Role::Participant;
        }
    }
}

/// The state a capital stands for when it is the subject of what the
/// sentence reports: in the nominative, governed by no preposition, alone
/// or in a list of such («Белград и Приштина начали переговоры», «Минск и
/// Москва согласовали позиции»), not a place («в Минске», «город Москва»).
fn capital_as_state<'g>(ctx: &Context<'_, 'g>, s: &Sent, m: &Match) -> Option<&'g str> {
    let nominative = |m: &Match| {
        let e = ctx.gaz.entity(m.entity);
        m.kind == EntityKind::City && ctx.gaz.is_capital(m.entity) && venue::named_as(ctx, m.span, &e.name)
    };
    if !nominative(m) || topic(ctx, s, m) {
        return None;
    }
    let mut cur = *m;
    // Walk back along a list of capitals to the word before its first.
    for _ in 0..8 {
        let i = cur.first_token();
        if i <= s.first() {
            return ctx.gaz.entity(m.entity).country.as_deref();
        }
        let w = ctx.word(i - 1);
        if matches!(w, "и" | ",") {
            let within = ctx.matches_within(Span::new(s.span().start, cur.span.start));
            let prev = within.iter().rev().find(|p| p.end_token() + 1 == i && nominative(p))?;
            cur = *prev;
            continue;
        }
        let word = ctx.doc.tokens[i - 1].kind() == crate::text::TokenKind::Word;
        let place = s.cue_at(i - 1, |c| c == Cue::Place);
        return (word && !place).then(|| ctx.gaz.entity(m.entity).country.as_deref()).flatten();
    }
    None
}

/// Whether a match stands in a frame of the sentence's event: after «на
/// полях», «в ходе участия в», «в рамках» in the same clause, or in a side
/// clause («Лавров, приехавший в Минск на заседание СМИД СНГ, …»).
fn framed(ctx: &Context, s: &Sent, m: &Match) -> bool {
    let i = m.first_token();
    let after_frame = ctx.frame_before(s, i, 10).is_some_and(|f| (f.last()..i).all(|k| ctx.word(k) != ","));
    // (An organization's name may run long: «прибывший в Ташкент для
    // участия в заседании Совета министров … Содружества Независимых
    // Государств».)
    after_frame || super::kind::side_clause_comma(ctx, s, i, 24).is_some()
}
