//! One article's page: the text with its marks, a legend, and the record
//! as a card beside it.

use super::marks::{nest, part_marks, record_marks, Mark, MarkKind, Node};
use super::{contract_str, date_range, page, Clean};
use crate::record::{EventRecord, FollowUp, Place, Role};
use crate::text::Parts;
use crate::Extractor;
use maud::{html, Markup, Render};

/// The page of one article: `text` is the exact input `record` was
/// extracted from (marks whose spans do not fit it are left out). The
/// document parts are found with the extractor's own splitter.
pub fn article_page(extractor: &Extractor, text: &str, record: &EventRecord) -> String {
    article_page_with_parts(text, record, &extractor.gazetteer().parts_splitter().split(text))
}

/// Like [`article_page`], with the document parts given.
pub fn article_page_with_parts(text: &str, record: &EventRecord, parts: &Parts) -> String {
    let name = record.headline.as_deref().or(record.id.as_deref()).unwrap_or("dipnews");
    let body = html! {
        header {
            h1 { (Clean(name)) }
            @if let Some(id) = &record.id { p.file { (Clean(id)) } }
            (legend())
        }
        main.article {
            article.text { (text_markup(text, record, parts)) }
            (card(record))
        }
    };
    page(name, body, None)
}

/// The text with every mark as an element.
fn text_markup(text: &str, record: &EventRecord, parts: &Parts) -> Markup {
    let mut marks = part_marks(parts);
    marks.extend(record_marks(record));
    html! { (Nodes(&nest(text, &marks), &marks)) }
}

/// Pieces of the text, written straight into the page being built (a
/// `Markup` per level would copy the text once more for each level).
struct Nodes<'a>(&'a [Node<'a>], &'a [Mark<'a>]);

impl Render for Nodes<'_> {
    fn render_to(&self, buffer: &mut String) {
        for n in self.0 {
            match n {
                Node::Text(t) => Clean(t).render_to(buffer),
                Node::Mark { mark, first, children } => {
                    element(&self.1[*mark], *first, Nodes(children, self.1)).render_to(buffer)
                }
            }
        }
    }
}

/// The element of one mark around its pieces.
fn element(mark: &Mark, first: bool, inner: Nodes) -> Markup {
    let span = format!("{}-{}", mark.span.start, mark.span.end);
    match &mark.kind {
        MarkKind::Part { name, content } => {
            let class = format!("part part-{name}{}", if *content { "" } else { " dim" });
            html! { span class=(class) data-part=(name) { (inner) } }
        }
        MarkKind::Evidence { name, label } => html! {
            mark class={ "ev ev-" (name) } title=(Clean(label)) { (inner) }
        },
        MarkKind::Mention { org, id, name, role, form } => {
            let role = contract_str(role);
            let class = format!(
                "m {} {role} form-{form}{}",
                if *org { "org" } else { "state" },
                if first { "" } else { " cont" }
            );
            let title = format!("{name} ({id}): {role}, {form}");
            // Only the first piece of a cut mention carries the data, so that
            // each mention is one element to count.
            if first {
                html! {
                    span class=(class) title=(Clean(&title)) data-id=(Clean(id)) data-role=(role)
                        data-form=(form) data-span=(span) { (inner) }
                }
            } else {
                html! { span class=(class) title=(Clean(&title)) { (inner) } }
            }
        }
    }
}

fn legend() -> Markup {
    html! {
        p.legend {
            span.m.state.participant { "state, participant" } " "
            span.m.state.mentioned { "state, mentioned" } " "
            span.m.org.participant { "organization, participant" } " "
            span.m.org.mentioned { "organization, mentioned" } " "
            mark.ev.ev-dateline { "dateline" } " "
            mark.ev.ev-date { "event date" } " "
            mark.ev.ev-kind { "kind trigger" } " "
            mark.ev.ev-status { "status" } " "
            mark.ev.ev-format { "format" } " "
            mark.ev.ev-venue { "venue" } " "
            mark.ev.ev-title { "title" } " "
            span.part.dim { "trailer, site text" }
        }
    }
}

fn place(p: Option<&Place>) -> Markup {
    html! { @if let Some(p) = p { (Clean(&p.name)) " (" (Clean(&p.country)) ")" } @else { "—" } }
}

/// The record's fields as a definition list.
fn card(r: &EventRecord) -> Markup {
    let who = |role: Role| -> Vec<(String, &str)> {
        let states = r.states.iter().filter(|s| s.role == role).map(|s| (s.iso2.clone(), s.name.as_str()));
        let orgs = r.organizations.iter().filter(|o| o.role == role).map(|o| (o.id.clone(), o.name.as_str()));
        states.chain(orgs).collect()
    };
    let list = |items: Vec<(String, &str)>| {
        html! {
            @if items.is_empty() { "—" }
            ul { @for (id, name) in &items { li { b { (Clean(id)) } " " (Clean(name)) } } }
        }
    };
    let dateline = r.dateline.as_ref();
    html! {
        aside.card {
            h2 { "Record" }
            dl {
                dt { "kind" } dd { (contract_str(&r.kind)) }
                dt { "status" } dd { (contract_str(&r.status)) }
                dt { "date" } dd { (r.date.as_ref().map_or_else(|| "—".into(), |d| date_range(Some(d)))) }
                dt { "format" } dd { (contract_str(&r.format)) }
                dt { "venue" } dd { (place(r.location.as_ref())) }
                dt { "title" } dd { (Clean(r.title.as_deref().unwrap_or("—"))) }
                dt { "dateline" } dd {
                    (place(dateline.and_then(|d| d.city.as_ref())))
                    @if let Some(d) = dateline.and_then(|d| d.date) { ", " (d.to_string()) }
                    @if let Some(a) = dateline.and_then(|d| d.agency.as_ref()) { ", " (Clean(&a.name)) }
                }
                dt { "participants" } dd { (list(who(Role::Participant))) }
                dt { "mentioned" } dd { (list(who(Role::Mentioned))) }
                dt { "follow-ups" } dd {
                    @if r.follow_ups.is_empty() { "—" }
                    ol { @for f in &r.follow_ups { li { (follow_up(f)) } } }
                }
            }
        }
    }
}

fn follow_up(f: &FollowUp) -> Markup {
    let who: Vec<&str> = f.states.iter().chain(&f.organizations).map(String::as_str).collect();
    html! {
        (contract_str(&f.kind)) ", " (contract_str(&f.status))
        @let date = date_range(f.date.as_ref());
        @if !date.is_empty() { ", " (date) }
        @if let Some(p) = &f.location { ", " (Clean(&p.name)) }
        @if !who.is_empty() { ": " (Clean(&who.join(", "))) }
    }
}
