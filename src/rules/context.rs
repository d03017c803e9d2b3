//! What every rule family reads: the document, its gazetteer matches and
//! trigger phrases, the content sentences and the main event's sentence.

use super::dates::{self, DateExpr, Reference};
use super::phrases::{Cue, Hit, PHRASES};
use crate::gazetteer::{EntityKind, Gazetteer, Match};
use crate::record::{EventKind, Span, Status};
use crate::text::Document;
use std::cell::{OnceCell, RefCell};

/// A sentence of the headline or body, made when a rule asks for it (see
/// [`Sents`]): nothing is held per sentence of the document. Its trigger
/// phrases and dates are read when a rule first asks for them (see
/// [`Source`]): most rules stop after the first sentences (a text with no
/// event after the lead's), and what is never asked for costs neither time
/// nor memory.
///
/// Lists of sentences were held for every sentence of the document (24
/// bytes each, and a text of one-word sentences, «Да. Да. …», has one for
/// every six bytes: 4 bytes per byte of input); now only the few a rule
/// collects are, so a sentence keeps its token range and span at hand
/// rather than reading them from the document at every call.
#[derive(Debug, Clone)]
pub(crate) struct Sent<'c> {
    /// Index in the document's sentences (past the last for the empty
    /// sentence [`Sents::at`] gives past the end).
    index: u32,
    /// Which body paragraph ([`NO_PARAGRAPH`] for the headline).
    paragraph: u32,
    /// Its tokens `[first, last)` (token indices fit: see `text::Sentence`).
    first: u32,
    last: u32,
    src: &'c Source<'c>,
    /// The span and hits of a part of a sentence ([`Sent::part`]), which
    /// holds its own; `None` for a whole sentence, whose span is read from
    /// its tokens and hits from the [`Source`].
    part: Option<Box<(Span, Box<[Hit]>)>>,
}

/// Sentences per block of found phrases or dates.
const BLOCK: usize = 4;

/// What a block of [`BLOCK`] consecutive sentences holds (phrases or
/// dates), one list: sentence `j` of the block has `items[ends[j - 1]..ends[j]]`.
#[derive(Debug)]
struct Block<T> {
    items: Box<[T]>,
    ends: [u32; BLOCK],
}

impl<T> Block<T> {
    /// The items of sentence `j` of the block (none past the document's
    /// last sentence: its end is 0).
    fn of(&self, j: usize) -> &[T] {
        let end = |j: usize| self.ends.get(j).map_or(0, |&e| e as usize);
        let a = j.checked_sub(1).map_or(0, end);
        self.items.get(a..end(j)).unwrap_or_default()
    }
}

/// What every sentence reads its phrases and dates from, shared: the
/// document, its matches and what was found in its sentences, by blocks of
/// [`BLOCK`] sentences filled when a rule first asks for one of them.
/// Reading a block's other sentences costs a little (a warm pass over
/// NEREL dev, 31.2M → 32.0M instructions with blocks of 4, 32.2M with
/// blocks of 8): rules that ask for one sentence mostly ask for the next.
///
/// A block that holds nothing (most, in a text of short lines) allocates
/// nothing: its cell costs 8 bytes and a bit, 2 a sentence for each kind
/// (16 bytes with the empty cells told by an `Option` in the cell: «Да. »
/// held 0.17 bytes per byte of input in cells). Cells come in groups of
/// [`GROUP`], made when one of them is first asked for: a long text whose
/// rules stop after its first sentences (no event in its lead) costs 8
/// bytes for each 64 sentences. (A list per sentence cost 32 bytes a
/// sentence; blocks held in place, 8 for each kind, made for every
/// sentence.)
#[derive(Debug)]
pub(crate) struct Source<'d> {
    pub doc: &'d Document<'d>,
    /// The document's matches, sorted by start and end (see
    /// [`sort_matches`]).
    pub matches: &'d [Match],
    hits: Box<[Group<Hit>]>,
    dates: Box<[Group<DateExpr>]>,
    /// Where a block's items are found before they are copied to a list of
    /// their exact length: one allocation a block, not one for each time a
    /// list grows and one to cut it (a warm pass over NEREL dev, 28.52M →
    /// 28.4M instructions).
    hit_scratch: RefCell<Vec<Hit>>,
    date_scratch: RefCell<Vec<DateExpr>>,
}

/// Blocks per group of cells.
const GROUP: usize = 16;

/// The cells of [`GROUP`] consecutive blocks, each filled when first asked
/// for: a block that holds something in its cell, one found to hold
/// nothing as a bit of `empty`.
#[derive(Debug)]
struct Cells<T> {
    cells: [OnceCell<Box<Block<T>>>; GROUP],
    empty: std::cell::Cell<u16>,
}

/// The cells of a group, made when one of them is first asked for.
type Group<T> = OnceCell<Box<Cells<T>>>;

/// Block `b` among `groups`, filled by `fill` if it was never asked for
/// (`None` when it holds nothing, or past the last).
fn block<T>(groups: &[Group<T>], b: usize, fill: impl FnOnce() -> Option<Box<Block<T>>>) -> Option<&Block<T>> {
    let group = groups.get(b / GROUP)?.get_or_init(|| {
        Box::new(Cells { cells: std::array::from_fn(|_| OnceCell::new()), empty: std::cell::Cell::new(0) })
    });
    let bit = 1 << (b % GROUP);
    if group.empty.get() & bit != 0 {
        return None;
    }
    let cell = &group.cells[b % GROUP];
    if let Some(block) = cell.get() {
        return Some(block);
    }
    match fill() {
        // (Should `fill` have filled this cell itself, what it put there
        // is kept: the same block.)
        Some(filled) => Some(cell.get_or_init(|| filled)),
        None => {
            group.empty.set(group.empty.get() | bit);
            None
        }
    }
}

impl<'d> Source<'d> {
    /// `matches` must be sorted by start and end (see [`sort_matches`]).
    pub fn new(doc: &'d Document<'d>, matches: &'d [Match]) -> Self {
        let groups = doc.sentences.len().div_ceil(BLOCK * GROUP);
        Source {
            doc,
            matches,
            hits: (0..groups).map(|_| OnceCell::new()).collect(),
            dates: (0..groups).map(|_| OnceCell::new()).collect(),
            // Room for a block's hits in most texts, made once.
            hit_scratch: RefCell::new(Vec::with_capacity(64)),
            date_scratch: RefCell::default(),
        }
    }

    /// The range and span of the document's sentence `k` (empty past the
    /// last).
    fn sentence(&self, k: usize) -> (usize, usize, Span) {
        self.doc.sentences.get(k).map_or((0, 0, Span::new(0, 0)), |s| (s.first(), s.last(), s.span(&self.doc.tokens)))
    }

    /// The document's sentence `k` (`paragraph` its paragraph) as a rule
    /// reads it.
    fn sent(&self, k: usize, paragraph: u32) -> Sent<'_> {
        let (first, last) = self.doc.sentences.get(k).map_or((0, 0), |s| (s.first(), s.last()));
        // Fewer sentences and tokens than bytes: the indices fit.
        let (first, last) = (first as u32, last as u32);
        Sent { index: k as u32, paragraph, first, last, src: self, part: None }
    }

    /// The block of what `find` appends to the block's list for each
    /// sentence of the block holding sentence `k` (`None` when that is
    /// nothing). Found for all its sentences into one scratch list, then
    /// copied once to a list of the exact length (no list per sentence:
    /// a warm pass over NEREL dev, 29.12M → 28.98M; see `hit_scratch`).
    fn fill<T: Clone>(
        &self,
        k: usize,
        scratch: &RefCell<Vec<T>>,
        mut find: impl FnMut(usize, &mut Vec<T>),
    ) -> Option<Box<Block<T>>> {
        let a = k - k % BLOCK;
        // A block being filled never asks for another of its kind; should
        // it, the inner one finds into a list of its own.
        let mut own = Vec::new();
        let mut borrowed = scratch.try_borrow_mut();
        let items = borrowed.as_deref_mut().unwrap_or(&mut own);
        items.clear();
        let mut ends = [0; BLOCK];
        for (j, k) in (a..(a + BLOCK).min(self.doc.sentences.len())).enumerate() {
            find(k, items);
            // Fewer items than bytes of input (at most `u32::MAX`).
            ends[j] = u32::try_from(items.len()).unwrap_or(u32::MAX);
        }
        (!items.is_empty()).then(|| Box::new(Block { items: items.as_slice().into(), ends }))
    }

    /// The trigger phrases of the document's sentence `k`, in text order.
    fn hits(&self, k: usize) -> &[Hit] {
        let block = block(&self.hits, k / BLOCK, || {
            self.fill(k, &self.hit_scratch, |k, hits| {
                let (first, last, _) = self.sentence(k);
                let start = hits.len();
                PHRASES.find_into(self.doc, first, last, hits);
                // A trigger word inside a name is part of the name:
                // «Совещание по взаимодействию…» (CICA), «Совет
                // министров…» hold no event. (Only this sentence's hits:
                // the block's earlier ones are kept already.)
                let mut kept = start;
                for i in start..hits.len() {
                    let h = hits[i];
                    if !matches!(h.cue, Cue::Kind(_) | Cue::KindWeak | Cue::KindRound)
                        || !inside_organization(self.matches, h.span(self.doc))
                    {
                        hits[kept] = h;
                        kept += 1;
                    }
                }
                hits.truncate(kept);
            })
        });
        block.map_or(&[], |b| b.of(k % BLOCK))
    }

    /// The date expressions of the document's sentence `k`, in text order.
    fn dates(&self, k: usize) -> &[DateExpr] {
        let block = block(&self.dates, k / BLOCK, || {
            self.fill(k, &self.date_scratch, |k, out| {
                let span = self.sentence(k).2;
                out.extend(dates::find(self.doc.slice(span), span.start));
            })
        });
        block.map_or(&[], |b| b.of(k % BLOCK))
    }
}

/// [`Sent::paragraph`] of a headline sentence.
const NO_PARAGRAPH: u32 = u32::MAX;

/// The headline's or the body's sentences, in text order: runs of
/// consecutive sentences of the document, one for each paragraph, each
/// [`Sent`] made when asked for (a run costs 12 bytes, a paragraph of any
/// length).
#[derive(Debug)]
pub(crate) struct Sents<'c> {
    src: &'c Source<'c>,
    runs: Vec<Run>,
    len: usize,
}

/// Sentences `at..` of a [`Sents`] (up to the next run's `at`) are the
/// document's sentences `doc..` of one paragraph.
#[derive(Debug, Clone, Copy)]
struct Run {
    at: u32,
    doc: u32,
    paragraph: u32,
}

impl<'c> Sents<'c> {
    fn new(src: &'c Source<'c>) -> Self {
        Sents { src, runs: Vec::new(), len: 0 }
    }

    /// Appends the document's sentence `k` of `paragraph`.
    fn push(&mut self, k: usize, paragraph: u32) {
        // Fewer sentences and paragraphs than bytes: the indices fit.
        let (at, k) = (self.len as u32, k as u32);
        let extends = self.runs.last().is_some_and(|r| r.paragraph == paragraph && r.doc + (at - r.at) == k);
        if !extends {
            self.runs.push(Run { at, doc: k, paragraph });
        }
        self.len += 1;
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Sentence `k`, if there is one.
    pub fn get(&self, k: usize) -> Option<Sent<'c>> {
        (k < self.len).then(|| self.at(k))
    }

    /// Sentence `k`; past the last, an empty sentence (no tokens, hits or
    /// dates) in no paragraph.
    pub fn at(&self, k: usize) -> Sent<'c> {
        // Most texts have a few paragraphs: the last is checked first.
        let r = match self.runs.last() {
            Some(last) if last.at as usize <= k => self.runs.len(),
            _ => self.runs.partition_point(|r| r.at as usize <= k),
        };
        match self.runs.get(r.wrapping_sub(1)).filter(|_| k < self.len) {
            Some(run) => self.src.sent(run.doc as usize + (k - run.at as usize), run.paragraph),
            None => self.src.sent(u32::MAX as usize, NO_PARAGRAPH),
        }
    }

    /// Sentences `k..`, in text order.
    pub fn from(&self, k: usize) -> impl Iterator<Item = Sent<'c>> + Clone + '_ {
        // The run of each next sentence is the one before or a later one:
        // no search per sentence.
        let mut run = self.runs.partition_point(|r| r.at as usize <= k).saturating_sub(1);
        (k..self.len).map(move |k| {
            while self.runs.get(run + 1).is_some_and(|r| r.at as usize <= k) {
                run += 1;
            }
            let r = self.runs[run];
            self.src.sent(r.doc as usize + (k - r.at as usize), r.paragraph)
        })
    }

    /// All of them, in text order.
    pub fn iter(&self) -> impl Iterator<Item = Sent<'c>> + Clone + '_ {
        self.from(0)
    }

    /// The number of sentences before the first for which `pred` is false
    /// (`pred` true for a prefix of them, as for [`slice::partition_point`]).
    pub fn partition_point(&self, mut pred: impl FnMut(&Sent) -> bool) -> usize {
        let (mut a, mut b) = (0, self.len);
        while a < b {
            let m = a + (b - a) / 2;
            if pred(&self.at(m)) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        a
    }
}

impl<'c> Sent<'c> {
    /// The document's sentence `index` of `src`.
    #[cfg(test)]
    fn new(src: &'c Source<'c>, index: usize) -> Self {
        src.sent(index, NO_PARAGRAPH)
    }
}

impl<'c> Sent<'c> {
    /// Its byte span.
    pub fn span(&self) -> Span {
        match &self.part {
            Some(p) => p.0,
            None => self.src.sentence(self.index as usize).2,
        }
    }

    /// Its first token.
    pub fn first(&self) -> usize {
        self.first as usize
    }

    /// The token after its last.
    pub fn last(&self) -> usize {
        self.last as usize
    }

    /// Which body paragraph it is in (None for the headline).
    pub fn paragraph(&self) -> Option<usize> {
        (self.paragraph != NO_PARAGRAPH).then_some(self.paragraph as usize)
    }

    /// The trigger phrases of the sentence, in text order.
    pub fn hits(&self) -> &[Hit] {
        match &self.part {
            Some(p) => &p.1,
            None => self.src.hits(self.index as usize),
        }
    }

    /// The text of hit `h` of this sentence.
    pub fn span_of(&self, h: &Hit) -> Span {
        h.span(self.src.doc)
    }

    /// The date expressions of the sentence, in text order.
    pub fn dates(&self) -> &'c [DateExpr] {
        match &self.part {
            Some(_) => &[],
            None => self.src.dates(self.index as usize),
        }
    }

    /// Tokens `[first, last)` of this sentence (`span` their text) as a
    /// sentence of their own, with the given hits and no dates.
    pub fn part(&self, first: usize, last: usize, span: Span, hits: Vec<Hit>) -> Self {
        // Token indices fit (see the fields).
        let (first, last) = (first as u32, last as u32);
        Sent { first, last, part: Some(Box::new((span, hits.into_boxed_slice()))), ..*self }
    }

    pub fn has(&self, pred: impl Fn(Cue) -> bool) -> bool {
        self.hits().iter().any(|h| pred(h.cue))
    }

    /// Whether a phrase of a cue starts at token `k` (hits are in text
    /// order: found by binary search).
    pub fn cue_at(&self, k: usize, pred: impl Fn(Cue) -> bool) -> bool {
        let hits = self.hits();
        let a = hits.partition_point(|h| h.first() < k);
        hits[a..].iter().take_while(|h| h.first() == k).any(|h| pred(h.cue))
    }

    /// Whether the sentence opens by recalling an earlier event («Ранее…»).
    pub fn recalls(&self) -> bool {
        // («Ранее …», «Напомним, …», «Отметим, ранее …».)
        self.hits().iter().take_while(|h| h.first() <= self.first() + 2).any(|h| h.cue == Cue::Recall)
    }

    /// Whether the sentence speaks only of the future («Завтра министр
    /// примет участие…»): a planned status and no held one.
    pub fn only_future(&self) -> bool {
        self.has(|c| c == Cue::Status(Status::Planned)) && !self.has(|c| c == Cue::Status(Status::Held))
    }
}

/// Whether a verb says that an event goes on or ends at some point: «визит
/// продлится до…», «консультации продолжатся», «завершится».
pub(crate) fn goes_on(w: &str) -> bool {
    ["продлит", "продлят", "продолжит", "продолжат", "заверш"].iter().any(|p| w.starts_with(p))
}

/// Whether a verb says how long an event lasts or when it ends («продлится
/// до…», «завершится»), not that it goes on at a later time («продолжится»).
pub(crate) fn lasting(w: &str) -> bool {
    goes_on(w) && !w.starts_with("продолж")
}

pub(crate) struct Context<'d, 'g> {
    pub doc: &'d Document<'d>,
    pub gaz: &'g Gazetteer,
    /// Sorted by start, so that the matches of a span are a slice.
    pub matches: &'d [Match],
    /// Headline sentences, in text order.
    pub head: Sents<'d>,
    /// Body sentences, in text order.
    pub body: Sents<'d>,
    pub reference: Option<Reference>,
}

/// Sorts matches as [`Context::new`] needs them: by start, then end.
pub(crate) fn sort_matches(matches: &mut [Match]) {
    matches.sort_by_key(|m| (m.span.start, m.span.end));
}

/// Whether `span` lies inside an organization's name among `matches`
/// (sorted by start).
fn inside_organization(matches: &[Match], span: Span) -> bool {
    let k = matches.partition_point(|m| m.span.start <= span.start);
    matches[..k].iter().rev().take(4).any(|m| m.span.contains(span) && m.kind == EntityKind::Organization)
}

impl<'d, 'g> Context<'d, 'g> {
    /// The sentences of `src`'s headline and body.
    pub fn new(src: &'d Source<'d>, gaz: &'g Gazetteer, reference: Option<Reference>) -> Self {
        let (doc, matches) = (src.doc, src.matches);
        let mut head = Sents::new(src);
        let mut body = Sents::new(src);
        let paras = &doc.parts.body;
        // A run for each paragraph, mostly: room made once.
        body.runs.reserve(paras.len());
        for (k, s) in doc.sentences.iter().enumerate() {
            let span = s.span(&doc.tokens);
            let p = paras.partition_point(|b| b.end < span.end);
            let paragraph = (p < paras.len() && paras[p].contains(span)).then_some(p);
            let in_head = doc.parts.headline.is_some_and(|h| h.contains(span));
            if !in_head && paragraph.is_none() {
                continue;
            }
            if in_head {
                head.push(k, NO_PARAGRAPH);
            } else if let Some(p) = paragraph {
                // Fewer paragraphs than bytes: the index fits.
                body.push(k, p as u32);
            }
        }
        // Held through the rules: the room the runs grew by goes back.
        crate::text::give_back(&mut head.runs);
        crate::text::give_back(&mut body.runs);
        Context { doc, gaz, matches, head, body, reference }
    }

    /// The sentences that describe the event of body sentence `main`: that
    /// sentence, the ones that go on describing it, then the headline.
    pub fn event_sentences(&self, main: Option<usize>) -> Vec<Sent<'d>> {
        let mut out = Vec::new();
        if let Some(k) = main {
            out.push(self.body.at(k));
            out.extend(self.describing(k));
            out.extend(self.said_before(k));
        }
        out.extend(self.head.iter());
        out
    }

    /// The sentences that go on describing the event of body sentence `k`:
    /// the next two of its paragraph that neither announce a later event
    /// nor recall an earlier one (nor, after a report, speak only of the
    /// future).
    pub fn describing(&self, k: usize) -> impl Iterator<Item = Sent<'d>> + Clone + '_ {
        let para = self.body.get(k).and_then(|s| s.paragraph());
        // After a report of what took place, a sentence only in the future
        // tells of something else.
        let main_future = self.body.get(k).is_some_and(|s| s.only_future());
        self.body.from(k + 1).take(2).filter(move |s| {
            s.paragraph() == para
                && !s.recalls()
                && (!s.has(|c| matches!(c, Cue::FollowUp(_))) || self.lasts(s))
                && (main_future || !s.only_future() || self.lasts(s))
        })
    }

    /// «Об этом он сказал на встрече с…» tells where the sentence before
    /// body sentence `k` was said: that sentence belongs to the event.
    pub fn said_before(&self, k: usize) -> Option<Sent<'d>> {
        let s = self.body.get(k)?;
        let back = self.word(s.first()) == "об" && self.word(s.first() + 1) == "этом";
        let prev = self.body.get(k.checked_sub(1)?)?;
        // Agency copy often gives each sentence a line of its own: the
        // statement may stand in the paragraph before.
        let near = prev.paragraph().zip(s.paragraph()).is_some_and(|(p, q)| p + 1 >= q);
        (back && near).then_some(prev)
    }

    /// Whether a sentence's future speaks of how long an event lasts
    /// («Форум … продлится до 13 июня»): it describes the event, announces
    /// none.
    pub fn lasts(&self, s: &Sent) -> bool {
        s.hits().iter().any(|h| {
            let w = self.word(h.first());
            matches!(h.cue, Cue::Status(Status::Planned) | Cue::FollowUp(_)) && lasting(w)
        })
    }

    /// Sentences after body sentence `k`, in any paragraph, that tell of
    /// the same event again («Как сообщает Trend, документ был подписан в
    /// Баку…» after a one-sentence lead): they name its kind and neither
    /// recall an earlier event nor announce a later one. Within the next
    /// two paragraphs, six sentences at most. Under an announced event, a
    /// sentence that reports one held («9 октября состоялась встреча…»)
    /// tells of another, and so does one placed in another city than the
    /// main sentence's («прибыл в Баку … 5-6 мая посетил Ереван»).
    pub fn restating(&self, k: usize, kind: EventKind, status: Status) -> impl Iterator<Item = Sent<'d>> + '_ {
        let para = self.body.get(k).and_then(|s| s.paragraph()).unwrap_or(0);
        let city = self.body.get(k).and_then(|s| super::venue::city_in(self, &s)).map(|(p, _)| p.wikidata);
        let elsewhere_city = move |s: &Sent| {
            city.as_ref().is_some_and(|c| super::venue::city_in(self, s).is_some_and(|(p, _)| &p.wikidata != c))
        };
        self.body.from(k + 1).take(6).filter(move |s| {
            let near = s.paragraph().is_some_and(|p| p <= para + 2);
            let same = s.has(|c| match c {
                Cue::Kind(k) => super::kind::same_event(k, kind),
                c => c == Cue::Document(kind),
            });
            // (Under an announced event, «Заседание пройдет в Минске» tells
            // of it again, unless it names the next one.)
            let elsewhere = if status == Status::Planned {
                s.has(|c| c == Cue::Status(Status::Held))
                    || (s.first()..s.last()).any(|k| {
                        let w = self.word(k);
                        w.starts_with("следующ") || w.starts_with("очередн")
                    })
            } else {
                s.has(|c| matches!(c, Cue::FollowUp(_) | Cue::Status(Status::Planned)))
            };
            near && same && !elsewhere && !s.recalls() && !elsewhere_city(s)
        })
    }

    /// The matches inside a span (a slice: found by binary search, so that
    /// rules stay linear on long documents).
    pub fn matches_within(&self, span: Span) -> &[Match] {
        let a = self.matches.partition_point(|m| m.span.start < span.start);
        let b = self.matches.partition_point(|m| m.span.start < span.end);
        let slice = &self.matches[a..b.max(a)];
        let end = slice.iter().rposition(|m| m.span.end <= span.end).map_or(0, |k| k + 1);
        &slice[..end]
    }

    /// Matches of a kind inside a span.
    pub fn matches_in(&self, span: Span, kind: EntityKind) -> impl Iterator<Item = &Match> + '_ {
        self.matches_within(span).iter().filter(move |m| span.contains(m.span) && m.kind == kind)
    }

    /// The matches sharing `m`'s span (a state and a city named alike).
    pub fn same_span(&self, m: &Match) -> &[Match] {
        let a = self.matches.partition_point(|o| (o.span.start, o.span.end) < (m.span.start, m.span.end));
        let b = self.matches.partition_point(|o| (o.span.start, o.span.end) <= (m.span.start, m.span.end));
        &self.matches[a..b]
    }

    /// The hits of a sentence that end at or before token `i` and no more
    /// than `window` tokens before it (hits are in text order).
    pub fn hits_before<'s>(&self, s: &'s Sent, i: usize, window: usize) -> &'s [Hit] {
        let hits = s.hits();
        let b = hits.partition_point(|h| h.first() < i);
        let a = hits[..b].partition_point(|h| h.first() + window + 8 < i);
        &hits[a..b]
    }

    /// The frame («на полях», «в рамках», «по итогам») nearest before
    /// token `i` of sentence `s`: the one that ends last at or before it,
    /// within `window` tokens. What it frames is part of another event.
    pub fn frame_before<'s>(&self, s: &'s Sent, i: usize, window: usize) -> Option<&'s Hit> {
        self.hits_before(s, i, window)
            .iter()
            .filter(|h| h.cue == Cue::KindFrame && h.last() <= i)
            .max_by_key(|h| h.last())
    }

    /// Whether hit `h` names the event a frame stands before («на полях
    /// 80-й сессии», «в рамках визита»): a frame ends at most three words
    /// before it and no verb comes between. A verb is the clause's
    /// predicate, never what the frame names: «на полях саммита СНГ
    /// провели переговоры» reports talks, «на полях саммита встретились» a
    /// meeting.
    pub fn framed(&self, s: &Sent, h: &Hit) -> bool {
        if super::kind::is_verb(self, h) {
            return false;
        }
        self.frame_before(s, h.first(), 3).is_some_and(|f| {
            h.first() <= f.last() + 3
                && !s
                    .hits()
                    .iter()
                    .any(|o| o.first() >= f.last() && o.first() < h.first() && matches!(o.cue, Cue::Status(_)))
        })
    }

    /// Normal form of token `i` ("" outside the document).
    pub fn word(&self, i: usize) -> &str {
        if i < self.doc.tokens.len() {
            self.doc.norm.get(i)
        } else {
            ""
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_stay_small() {
        // A copied page has a hit for every third token or so: their size
        // is a good part of the memory per byte of input
        // (`tests/linear.rs`).
        assert!(std::mem::size_of::<Hit>() <= 8, "{}", std::mem::size_of::<Hit>());
    }

    #[test]
    fn a_sentence_reads_its_phrases_and_dates_on_demand() {
        let g = Gazetteer::embedded();
        let doc = Document::new("Министр провел переговоры 5 мая 2024 года.", g.parts_splitter());
        let src = Source::new(&doc, &[]);
        let sent = Sent::new(&src, 0);
        assert!(src.hits[0].get().is_none() && src.dates[0].get().is_none());
        assert!(std::mem::size_of::<Group<Hit>>() <= 8);
        assert!(sent.has(|c| c == Cue::Kind(EventKind::Talks)));
        assert!(src.hits[0].get().is_some() && src.dates[0].get().is_none());
        assert_eq!(sent.dates().len(), 1);
        assert_eq!(doc.slice(sent.dates()[0].span), "5 мая 2024 года");
        // Past the document's sentences: nothing, no panic.
        assert!(src.hits(BLOCK * 3).is_empty() && src.dates(1).is_empty());
    }

    #[test]
    fn head_and_body_are_runs_of_the_documents_sentences() {
        let g = Gazetteer::embedded();
        let doc = Document::new("Заголовок\n\nПервое. Второе.\nТретье.", g.parts_splitter());
        let src = Source::new(&doc, &[]);
        let mut body = Sents::new(&src);
        for (k, p) in [(1, 0), (2, 0), (3, 1)] {
            body.push(k, p);
        }
        assert_eq!(body.runs.len(), 2);
        let words: Vec<_> = body.iter().map(|s| (doc.slice(s.span()), s.paragraph())).collect();
        assert_eq!(words, [("Первое.", Some(0)), ("Второе.", Some(0)), ("Третье.", Some(1))]);
        assert_eq!(body.from(2).count(), 1);
        assert_eq!(body.partition_point(|s| s.paragraph() == Some(0)), 2);
        // Past the end: an empty sentence in no paragraph, no panic.
        let past = body.at(7);
        assert!(past.span().is_empty() && past.hits().is_empty() && past.paragraph().is_none());
        assert!(body.get(3).is_none());
    }
}
