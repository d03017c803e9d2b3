//! One article's page: the text with its marks, a legend, and the record
//! as a card beside it.

use super::marks::{nest, part_marks, record_marks, Mark, MarkKind, Step};
use super::{date_range, escape_into, page_into, push_usize, Clean, ARTICLE_SHELL};
use crate::record::{EventRecord, FollowUp, Place, Role};
use crate::text::Parts;
use crate::Extractor;
use maud::{html, Markup, Render};
use once_cell::sync::Lazy;

/// The page of one article: `text` is the exact input `record` was
/// extracted from (marks whose spans do not fit it are left out). The
/// document parts are found with the extractor's own splitter.
pub fn article_page(extractor: &Extractor, text: &str, record: &EventRecord) -> String {
    article_page_with_parts(text, record, &extractor.gazetteer().parts_splitter().split(text))
}

/// Like [`article_page`], with the document parts given.
pub fn article_page_with_parts(text: &str, record: &EventRecord, parts: &Parts) -> String {
    let name = record.headline.as_deref().or(record.id.as_deref()).unwrap_or("dipnews");
    let mut marks = part_marks(parts);
    marks.extend(record_marks(record));
    let steps = nest(text, &marks);
    // The text with room for a few escapes, each mark's tags, the header
    // and the card: one allocation for most pages.
    let capacity = text.len() + text.len() / 8 + 256 * marks.len() + LEGEND.len() + 4096;
    page_into(&ARTICLE_SHELL, name, capacity, |out| {
        out.push_str("<header><h1>");
        escape_into(out, name);
        out.push_str("</h1>");
        if let Some(id) = &record.id {
            out.push_str(r#"<p class="file">"#);
            escape_into(out, id);
            out.push_str("</p>");
        }
        out.push_str(&LEGEND);
        out.push_str(r#"</header><main class="article"><article class="text">"#);
        for step in &steps {
            match *step {
                Step::Text(t) => escape_into(out, t),
                Step::Open { mark, first } => open_tag(out, &marks[mark], first),
                Step::Close { mark } => out.push_str(match marks[mark].kind {
                    MarkKind::Evidence { .. } => "</mark>",
                    _ => "</span>",
                }),
            }
        }
        out.push_str("</article>");
        card(record).render_to(out);
        out.push_str("</main>");
    })
}

/// The start tag of one mark's element.
fn open_tag(out: &mut String, mark: &Mark, first: bool) {
    match &mark.kind {
        MarkKind::Part { name, content } => {
            out.push_str(r#"<span class="part part-"#);
            escape_into(out, name);
            out.push_str(if *content { r#"" data-part=""# } else { r#" dim" data-part=""# });
            escape_into(out, name);
            out.push_str(r#"">"#);
        }
        MarkKind::Evidence { name, label } => {
            out.push_str(r#"<mark class="ev ev-"#);
            escape_into(out, name);
            out.push_str(r#"" title=""#);
            escape_into(out, label);
            out.push_str(r#"">"#);
        }
        MarkKind::Mention { org, id, name, role, form } => {
            let role = role.as_str();
            out.push_str(if *org { r#"<span class="m org "# } else { r#"<span class="m state "# });
            out.push_str(role);
            out.push_str(" form-");
            out.push_str(form);
            out.push_str(if first { r#"" title=""# } else { r#" cont" title=""# });
            escape_into(out, name);
            out.push_str(" (");
            escape_into(out, id);
            out.push_str("): ");
            out.push_str(role);
            out.push_str(", ");
            out.push_str(form);
            // Only the first piece of a cut mention carries the data, so that
            // each mention is one element to count.
            if first {
                out.push_str(r#"" data-id=""#);
                escape_into(out, id);
                out.push_str(r#"" data-role=""#);
                out.push_str(role);
                out.push_str(r#"" data-form=""#);
                out.push_str(form);
                out.push_str(r#"" data-span=""#);
                push_usize(out, mark.span.start);
                out.push('-');
                push_usize(out, mark.span.end);
            }
            out.push_str(r#"">"#);
        }
    }
}

/// The legend: the same on every page.
static LEGEND: Lazy<String> = Lazy::new(|| legend().into_string());

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
                dt { "kind" } dd { (r.kind.as_str()) }
                dt { "status" } dd { (r.status.as_str()) }
                dt { "date" } dd { (r.date.as_ref().map_or_else(|| "—".into(), |d| date_range(Some(d)))) }
                dt { "format" } dd { (r.format.as_str()) }
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
        (f.kind.as_str()) ", " (f.status.as_str())
        @let date = date_range(f.date.as_ref());
        @if !date.is_empty() { ", " (date) }
        @if let Some(p) = &f.location { ", " (Clean(&p.name)) }
        @if !who.is_empty() { ": " (Clean(&who.join(", "))) }
    }
}
