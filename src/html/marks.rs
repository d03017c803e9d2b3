//! What to highlight in an article's text, and how overlapping highlights
//! become properly nested elements.
//!
//! Spans come from three layers: document parts (outermost), evidence of
//! the record's fields, and entity mentions (innermost). Spans of one
//! layer may lie inside another's or cross it; crossing spans are cut so
//! that the elements nest, and a mention is never the one cut when it
//! crosses a part or an evidence span (its element keeps its `data-*`
//! attributes whole).

use crate::record::{EventRecord, Role, Span};
use crate::text::Parts;

/// Which layer a mark belongs to; a higher layer wins a crossing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Layer {
    Part,
    Evidence,
    Mention,
}

/// What a highlighted stretch of the text is.
#[derive(Debug, Clone)]
pub(super) enum MarkKind<'r> {
    /// A document part; `content` is false for text the event has nothing
    /// to do with (trailer, site text), which is dimmed.
    Part { name: &'static str, content: bool },
    /// The span a record field was read from.
    Evidence { name: &'static str, label: String },
    /// A mention of a state (`org` false) or an organization.
    Mention { org: bool, id: &'r str, name: &'r str, role: Role, form: &'static str },
}

/// One highlight over a span of the input.
#[derive(Debug, Clone)]
pub(super) struct Mark<'r> {
    pub span: Span,
    pub kind: MarkKind<'r>,
}

impl Mark<'_> {
    fn layer(&self) -> Layer {
        match self.kind {
            MarkKind::Part { .. } => Layer::Part,
            MarkKind::Evidence { .. } => Layer::Evidence,
            MarkKind::Mention { .. } => Layer::Mention,
        }
    }
}

/// The parts of the page as marks. The one place that reads [`Parts`]: a
/// new kind of part is one more line here (and a CSS rule if it is shown
/// differently).
pub(super) fn part_marks(parts: &Parts) -> Vec<Mark<'static>> {
    use crate::text::PartKind;
    parts
        .labeled()
        .into_iter()
        .map(|(kind, span)| {
            let content = matches!(kind, PartKind::Headline | PartKind::Lead | PartKind::Dateline | PartKind::Body);
            Mark { span, kind: MarkKind::Part { name: kind.as_str(), content } }
        })
        .collect()
}

/// The record's evidence spans and mentions as marks.
pub(super) fn record_marks(record: &EventRecord) -> Vec<Mark<'_>> {
    let mut out = Vec::new();
    let mut ev = |name, label: String, span: Option<Span>| {
        if let Some(span) = span {
            out.push(Mark { span, kind: MarkKind::Evidence { name, label } });
        }
    };
    let kind = record.kind.as_str();
    let status = record.status.as_str();
    ev("dateline", "dateline".into(), record.dateline.as_ref().map(|d| d.span));
    ev(
        "date",
        format!("event date: {}", super::date_range(record.date.as_ref())),
        record.date.as_ref().map(|d| d.span),
    );
    ev("kind", format!("kind trigger: {kind}"), record.evidence.kind);
    ev("status", format!("status: {status}"), record.evidence.status);
    ev("format", format!("format: {}", record.format.as_str()), record.evidence.format);
    let venue = record.location.as_ref().map_or("", |p| p.name.as_str());
    ev("venue", format!("venue: {venue}"), record.evidence.location);
    ev("title", "title".into(), record.evidence.title);
    let states = record.states.iter().map(|s| (false, s.iso2.as_str(), s.name.as_str(), s.role, &s.mentions));
    let orgs = record.organizations.iter().map(|o| (true, o.id.as_str(), o.name.as_str(), o.role, &o.mentions));
    for (org, id, name, role, mentions) in states.chain(orgs) {
        for m in mentions {
            let form = m.form.as_str();
            out.push(Mark { span: m.span, kind: MarkKind::Mention { org, id, name, role, form } });
        }
    }
    out
}

/// A step through the text, in order: marks open and close around
/// stretches of text, properly nested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step<'t> {
    Text(&'t str),
    /// Mark `mark` (an index into the marks given to [`nest`]) opens;
    /// `first` is false for the second and later pieces of a mark that was
    /// cut.
    Open {
        mark: usize,
        first: bool,
    },
    /// The innermost open mark, `mark`, closes.
    Close {
        mark: usize,
    },
}

/// A mark's stretch still to place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Piece {
    start: usize,
    /// Longer pieces first at one start, so that they enclose shorter ones.
    end_rev: std::cmp::Reverse<usize>,
    layer: Layer,
    mark: usize,
    first: bool,
}

impl Piece {
    fn end(&self) -> usize {
        self.end_rev.0
    }
}

/// An open element while nesting: its piece, and where its `Open` step is.
struct Open {
    piece: Piece,
    at: usize,
}

/// Nests the marks over `text` into a flat list of steps (no allocation
/// per element). Marks whose span is empty or not on character boundaries
/// of `text` are left out (a record may come from elsewhere than this
/// text).
pub(super) fn nest<'t>(text: &'t str, marks: &[Mark<'_>]) -> Vec<Step<'t>> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let valid = |s: Span| s.start < s.end && text.get(s.start..s.end).is_some();
    let mut queue: BinaryHeap<Reverse<Piece>> = marks
        .iter()
        .enumerate()
        .filter(|(_, m)| valid(m.span))
        .map(|(i, m)| {
            Reverse(Piece { start: m.span.start, end_rev: Reverse(m.span.end), layer: m.layer(), mark: i, first: true })
        })
        .collect();
    // Each mark opens and closes at least once, with text around.
    let mut out: Vec<Step<'t>> = Vec::with_capacity(4 * queue.len() + 1);
    let mut stack: Vec<Open> = Vec::new();
    let mut pos = 0;
    // Text up to `to` goes into the innermost open element.
    let emit = |out: &mut Vec<Step<'t>>, pos: &mut usize, to: usize| {
        if to > *pos {
            out.push(Step::Text(&text[*pos..to]));
            *pos = to;
        }
    };
    let close = |out: &mut Vec<Step<'t>>, stack: &mut Vec<Open>| {
        if let Some(o) = stack.pop() {
            out.push(Step::Close { mark: o.piece.mark });
        }
    };
    while let Some(Reverse(mut p)) = queue.pop() {
        while let Some(top) = stack.last().map(|o| o.piece) {
            if top.end() > p.start {
                break;
            }
            emit(&mut out, &mut pos, top.end());
            close(&mut out, &mut stack);
        }
        emit(&mut out, &mut pos, p.start);
        // The new piece crosses open elements that end inside it.
        while let Some(top) = stack.last() {
            let t = top.piece;
            if t.end() >= p.end() {
                break;
            }
            if p.layer > t.layer {
                // The open element gives way: it ends here and goes on
                // inside the new one (whole again if nothing was in it yet:
                // then its `Open` is the last step, and is taken back).
                let empty = top.at + 1 == out.len();
                let rest = Piece { start: p.start, first: t.first && empty, ..t };
                if empty {
                    stack.pop();
                    out.pop();
                } else {
                    close(&mut out, &mut stack);
                }
                queue.push(Reverse(rest));
            } else {
                queue.push(Reverse(Piece { start: t.end(), first: false, ..p }));
                p.end_rev = Reverse(t.end());
                break;
            }
        }
        out.push(Step::Open { mark: p.mark, first: p.first });
        stack.push(Open { piece: p, at: out.len() - 1 });
    }
    while let Some(top) = stack.last().map(|o| o.piece) {
        emit(&mut out, &mut pos, top.end());
        close(&mut out, &mut stack);
    }
    emit(&mut out, &mut pos, text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(start: usize, end: usize) -> Mark<'static> {
        Mark { span: Span::new(start, end), kind: MarkKind::Evidence { name: "x", label: String::new() } }
    }
    fn mention(start: usize, end: usize) -> Mark<'static> {
        let kind = MarkKind::Mention { org: false, id: "X", name: "X", role: Role::Mentioned, form: "name" };
        Mark { span: Span::new(start, end), kind }
    }

    /// The steps as a bracketed string: `[i` opens mark i (`(i` a later
    /// piece of it), `]` closes.
    fn show(steps: &[Step]) -> String {
        steps
            .iter()
            .map(|s| match s {
                Step::Text(t) => t.to_string(),
                Step::Open { mark, first } => format!("{}{mark}", if *first { '[' } else { '(' }),
                Step::Close { .. } => "]".to_string(),
            })
            .collect()
    }

    #[test]
    fn nested_and_crossing_spans_nest() {
        let text = "abcdefghij";
        assert_eq!(show(&nest(text, &[ev(0, 6), mention(2, 4)])), "[0ab[1cd]ef]ghij");
        // An evidence span crossing a mention is cut; the mention stays whole.
        assert_eq!(show(&nest(text, &[ev(0, 4), mention(2, 6)])), "[0ab][1(0cd]ef]ghij");
        assert_eq!(show(&nest(text, &[mention(0, 4), ev(2, 6)])), "[0ab[1cd]](1ef]ghij");
        // Two mentions crossing: the later one is cut.
        assert_eq!(show(&nest(text, &[mention(0, 4), mention(2, 6)])), "[0ab[1cd]](1ef]ghij");
        // Same start, the mention over a longer evidence span.
        assert_eq!(show(&nest(text, &[ev(0, 6), mention(0, 8)])), "[1[0abcdef]gh]ij");
    }

    #[test]
    fn bad_spans_are_left_out() {
        let text = "ДУШАНБЕ";
        let tree = nest(text, &[ev(1, 3), ev(4, 2), ev(0, 99), ev(2, 2), mention(0, 4)]);
        assert_eq!(show(&tree), "[4ДУ]ШАНБЕ");
    }
}
