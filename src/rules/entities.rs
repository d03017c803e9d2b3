//! Collecting the states and organizations of a document from gazetteer
//! matches in its article text (headline, subtitles, body).

use crate::gazetteer::{EntityKind, Gazetteer, Match, Scratch};
use crate::record::{Mention, MentionForm, OrgRef, Role, StateRef};
use crate::text::Document;

/// Matches of the gazetteer in the headline and body (never the trailer),
/// and the states named inside an organization's name («Контактная группа
/// по урегулированию ситуации на востоке Украины» names Ukraine too).
pub(crate) fn content_matches(doc: &Document, gaz: &Gazetteer) -> Vec<Match> {
    let mut out = Vec::new();
    let mut nested = false;
    // Buffers kept from span to span (a text has a span per paragraph).
    let mut scratch = Scratch::default();
    let (mut found, mut inside) = (Vec::new(), Vec::new());
    let (mut states_at, mut alone): (Vec<usize>, Vec<bool>) = (Vec::new(), Vec::new());
    for span in doc.parts.content() {
        let (a, b) = doc.tokens_in(span);
        found.clear();
        gaz.find_into(doc, a, b, &mut scratch, &mut found);
        // A body followed by a state's name is that state's: «Совет
        // Безопасности России» is no organ of the UN.
        states_at.clear();
        states_at.extend(
            found
                .iter()
                .filter(|m| m.kind == EntityKind::State && m.form == MentionForm::Name)
                .map(|m| m.first_token()),
        );
        found.retain(|m| {
            m.kind != EntityKind::Organization || gaz.root(m.entity) == m.entity || !states_at.contains(&m.end_token())
        });
        // A compound's first part names a state only beside another named
        // part: «российско-таджикские», not «греко-римской борьбе»,
        // «англо-саксонский», «индо-тихоокеанский».
        // The parts of one token are neighbours in the list.
        alone.clear();
        alone.extend((0..found.len()).map(|k| {
            let m = &found[k];
            m.form == MentionForm::Adjective
                && m.end_token() == m.first_token() + 1
                && m.span.end < doc.tokens[m.first_token()].span().end
                && !found[k + 1..]
                    .iter()
                    .take_while(|o| o.first_token() == m.first_token())
                    .any(|o| o.tokens == m.tokens && o.span.start > m.span.end)
        }));
        let mut k = 0;
        found.retain(|_| {
            k += 1;
            !alone[k - 1]
        });
        for m in found.iter().filter(|m| m.kind == EntityKind::Organization && m.end_token() - m.first_token() > 1) {
            inside.clear();
            gaz.find_into(doc, m.first_token() + 1, m.end_token(), &mut scratch, &mut inside);
            let states = inside.drain(..).filter(|n| n.kind == EntityKind::State && n.form == MentionForm::Name);
            let before = out.len();
            out.extend(states);
            nested |= out.len() > before;
        }
        out.append(&mut found);
    }
    // In text order, as the collectors below expect.
    if nested {
        out.sort_by_key(|m| (m.span.start, m.span.end));
    }
    out
}

/// Whether a state match really names the city of the same name
/// («в городе Кувейт», «г. Джибути»).
fn city_meant(doc: &Document, m: &Match) -> bool {
    let i = m.first_token();
    let prev = |k: usize| (i >= k).then(|| doc.norm.get(i - k));
    matches!(prev(1), Some("городе" | "город" | "города" | "городом" | "столице" | "столица"))
        || (prev(1) == Some(".") && prev(2) == Some("г"))
}

/// States in order of first mention, every role "mentioned".
pub(crate) fn states(doc: &Document, gaz: &Gazetteer, matches: &[Match]) -> Vec<StateRef> {
    let mut out: Vec<StateRef> = Vec::new();
    for (k, m) in matches.iter().enumerate() {
        let e = gaz.entity(m.entity);
        if e.kind != EntityKind::State {
            continue;
        }
        // Matches of one span are neighbours in the list.
        let around = &matches[k.saturating_sub(4)..(k + 5).min(matches.len())];
        let is_city_too = around.iter().any(|o| o.span == m.span && o.kind == EntityKind::City);
        if is_city_too && city_meant(doc, m) {
            continue;
        }
        let mention = Mention { span: m.span, text: doc.slice(m.span).to_string(), form: m.form };
        match out.iter_mut().find(|s| s.iso2 == e.id) {
            Some(s) => s.mentions.push(mention),
            None => out.push(StateRef {
                iso2: e.id.clone(),
                wikidata: e.wikidata.clone().unwrap_or_default(),
                name: e.name.clone(),
                role: Role::Mentioned,
                mentions: vec![mention],
            }),
        }
    }
    // The lists grew by doubling and go into the record: the spare room
    // goes back (held to the end of the extraction, it was the largest
    // thing the rules held on a long text).
    out.iter_mut().for_each(|s| crate::text::give_back(&mut s.mentions));
    out
}

/// Organizations (bodies counted as their organization) in order of first
/// mention, every role "mentioned".
pub(crate) fn organizations(doc: &Document, gaz: &Gazetteer, matches: &[Match]) -> Vec<OrgRef> {
    let mut out: Vec<OrgRef> = Vec::new();
    for m in matches {
        if m.kind != EntityKind::Organization {
            continue;
        }
        let root = gaz.root(m.entity);
        let e = gaz.entity(root);
        let form = if root != m.entity { MentionForm::Body } else { m.form };
        let mention = Mention { span: m.span, text: doc.slice(m.span).to_string(), form };
        match out.iter_mut().find(|o| o.id == e.id) {
            Some(o) => o.mentions.push(mention),
            None => out.push(OrgRef {
                id: e.id.clone(),
                wikidata: e.wikidata.clone(),
                name: e.name.clone(),
                role: Role::Mentioned,
                mentions: vec![mention],
            }),
        }
    }
    out.iter_mut().for_each(|o| crate::text::give_back(&mut o.mentions));
    out
}
