//! Trigger phrases (`gazetteers/triggers.tsv`), compiled once and matched
//! over tokens: the words that name an event's kind, its format, its
//! status, a later event, a list of participants, a topic or an envoy.

use crate::record::{EventKind, Format, Span, Status};
use crate::text::{Document, TokenKind};
use once_cell::sync::Lazy;

/// What a phrase says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Names an event of this kind.
    Kind(EventKind),
    /// Looks like a kind trigger but frames another event.
    KindSkip,
    /// «раунд»: a round of talks, or of whatever event came before.
    KindRound,
    /// «принял»: a meeting, unless a stronger trigger follows.
    KindWeak,
    /// Frames another event and hides the trigger right after it («на
    /// полях 80-й сессии Генассамблеи состоялась встреча»).
    KindFrame,
    /// Says how the participants met.
    Format(Format),
    /// Says whether the event took place or is announced.
    Status(Status),
    /// Marks a sentence about a later event (planned or held).
    FollowUp(Status),
    /// Marks a sentence that lists who took part.
    Participation,
    /// Makes the next name a topic.
    Topic,
    /// An envoy: names after «в», «при» are where he is accredited.
    Envoy,
    /// A verb that signs (`Signing`) or adopts (`Statement`) a document.
    Document(EventKind),
    /// A document an adoption verb can be about.
    DocumentNoun,
    /// Opens a sentence about an earlier event («Ранее…», «Напомним…»).
    Recall,
    /// A speaker's verb («заявил», «призвал»).
    Speech,
    /// Someone who acts for a state («президент», «министр», «делегация»).
    Official,
    /// Sport, whose «встречи» are matches («сборная», «турнир», «матч»).
    Sport,
    /// Says that someone stayed away («участия не принял», «без участия»,
    /// «не направила»): the names of its sentence took no part.
    Absent,
}

impl Cue {
    fn family(self) -> u8 {
        match self {
            Cue::Kind(_) | Cue::KindSkip | Cue::KindFrame | Cue::KindRound | Cue::KindWeak => 0,
            Cue::Format(_) => 1,
            Cue::Status(_) => 2,
            Cue::FollowUp(_) => 3,
            Cue::Participation => 4,
            Cue::Topic => 5,
            Cue::Envoy => 6,
            Cue::Document(_) => 7,
            Cue::DocumentNoun => 8,
            Cue::Recall => 9,
            Cue::Speech => 10,
            Cue::Official => 11,
            Cue::Sport => 12,
            Cue::Absent => 13,
        }
    }
}

const FAMILIES: usize = 14;

#[derive(Debug, Clone)]
enum WordPat {
    Exact(String),
    Prefix(String),
}

impl WordPat {
    fn matches(&self, w: &str) -> bool {
        match self {
            WordPat::Exact(e) => e == w,
            WordPat::Prefix(p) => w.starts_with(p.as_str()),
        }
    }
}

#[derive(Debug, Clone)]
struct Phrase {
    cue: Cue,
    words: Vec<WordPat>,
}

/// A phrase found in a document: tokens `[first, last)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub cue: Cue,
    pub first: usize,
    pub last: usize,
    pub span: Span,
}

/// The compiled phrase table.
#[derive(Debug)]
pub(crate) struct Phrases {
    phrases: Vec<Phrase>,
    /// Phrases by the first three letters of their first word (the whole
    /// word when shorter), in a direct-mapped table: slot `k` holds
    /// `ids[slots[k].0..slots[k].1]`. Keys that share a slot share their
    /// candidates, which are all checked anyway; one multiplication and one
    /// load per token find them (a string-keyed map cost a quarter of the
    /// extraction).
    slots: Vec<(u32, u32)>,
    ids: Vec<u32>,
}

/// Slots of the phrase table: a few hundred keys in 4,096 slots rarely meet.
const SLOT_BITS: u32 = 12;

/// The slot of a start key (at most three characters, so at most 12 bytes).
fn slot_of(key: &str) -> usize {
    let b = key.as_bytes();
    let mut head = [0u8; 8];
    let n = b.len().min(8);
    head[..n].copy_from_slice(&b[..n]);
    let mut x = u64::from_le_bytes(head) ^ ((b.len() as u64) << 59);
    for (k, &c) in b.iter().enumerate().skip(8) {
        x ^= u64::from(c) << (8 * (k - 8) + 3);
    }
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOT_BITS)) as usize
}

/// The embedded phrase table.
pub(crate) static PHRASES: Lazy<Phrases> = Lazy::new(|| {
    Phrases::parse(include_str!("../../gazetteers/triggers.tsv")).expect("the embedded triggers are valid")
});

fn prefix3(w: &str) -> Option<&str> {
    w.char_indices().nth(3).map(|(i, _)| &w[..i]).or((w.chars().count() == 3).then_some(w))
}

/// The key a word is looked up by: its first three letters, or all of it.
fn start_key(w: &str) -> &str {
    prefix3(w).unwrap_or(w)
}

fn parse_cue(family: &str, value: &str) -> Option<Cue> {
    let kind = |v: &str| v.parse::<EventKind>().ok();
    let format = |v: &str| v.parse::<Format>().ok();
    let status = |v: &str| v.parse::<Status>().ok();
    match family {
        "kind" if value == "skip" => Some(Cue::KindSkip),
        "kind" if value == "frame" => Some(Cue::KindFrame),
        "kind" if value == "round" => Some(Cue::KindRound),
        "kind" if value == "weak" => Some(Cue::KindWeak),
        "kind" => kind(value).map(Cue::Kind),
        "format" => format(value).map(Cue::Format),
        "status" => status(value).map(Cue::Status),
        "followup" => status(value).map(Cue::FollowUp),
        "participation" => Some(Cue::Participation),
        "topic" => Some(Cue::Topic),
        "accreditation" => Some(Cue::Envoy),
        "document" => kind(value).map(Cue::Document),
        "docnoun" => Some(Cue::DocumentNoun),
        "recall" => Some(Cue::Recall),
        "speech" => Some(Cue::Speech),
        "official" => Some(Cue::Official),
        "sport" => Some(Cue::Sport),
        "absent" => Some(Cue::Absent),
        _ => None,
    }
}

impl Phrases {
    /// Parses the table; an error names the line.
    pub(crate) fn parse(text: &str) -> Result<Phrases, String> {
        let mut p = Phrases { phrases: Vec::new(), slots: Vec::new(), ids: Vec::new() };
        let mut by_slot: Vec<Vec<u32>> = vec![Vec::new(); 1 << SLOT_BITS];
        let mut header = false;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !header {
                header = true;
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let [family, value, phrase] = cols[..] else {
                return Err(format!("triggers.tsv:{}: expected 3 columns", n + 1));
            };
            let cue =
                parse_cue(family, value).ok_or_else(|| format!("triggers.tsv:{}: unknown {family} {value}", n + 1))?;
            let words: Vec<WordPat> = phrase
                .split_whitespace()
                .map(|w| {
                    let w = crate::text::normalize(w);
                    match w.strip_suffix('*') {
                        Some(pre) => WordPat::Prefix(pre.to_string()),
                        None => WordPat::Exact(w),
                    }
                })
                .collect();
            let id = p.phrases.len() as u32;
            let key = match words.first() {
                Some(WordPat::Exact(e)) => start_key(e),
                Some(WordPat::Prefix(pre)) => {
                    prefix3(pre).ok_or_else(|| format!("triggers.tsv:{}: prefix shorter than 3 letters", n + 1))?
                }
                None => return Err(format!("triggers.tsv:{}: empty phrase", n + 1)),
            };
            by_slot[slot_of(key)].push(id);
            p.phrases.push(Phrase { cue, words });
        }
        for ids in by_slot {
            let start = p.ids.len() as u32;
            p.ids.extend(ids);
            p.slots.push((start, p.ids.len() as u32));
        }
        Ok(p)
    }

    /// Every phrase in tokens `[from, to)`: at each position the longest
    /// phrase of each family; a phrase hides shorter ones of its family that
    /// start inside it.
    pub(crate) fn find(&self, doc: &Document, from: usize, to: usize) -> Vec<Hit> {
        let to = to.min(doc.tokens.len());
        let mut out = Vec::new();
        let mut covered = [0usize; FAMILIES];
        for i in from..to {
            if doc.tokens[i].kind != TokenKind::Word {
                continue;
            }
            let w = doc.norm.get(i);
            let (a, b) = self.slots[slot_of(start_key(w))];
            if a == b {
                continue;
            }
            let mut best: [Option<(usize, Cue)>; FAMILIES] = [None; FAMILIES];
            for &id in &self.ids[a as usize..b as usize] {
                let ph = &self.phrases[id as usize];
                let f = ph.cue.family() as usize;
                if i < covered[f] {
                    continue;
                }
                let n = ph.words.len();
                if i + n > to {
                    continue;
                }
                if ph.words.iter().enumerate().all(|(k, wp)| wp.matches(doc.norm.get(i + k)))
                    && best[f].is_none_or(|(len, _)| n > len)
                {
                    best[f] = Some((n, ph.cue));
                }
            }
            for (f, b) in best.iter().enumerate() {
                if let Some((n, cue)) = *b {
                    let span = Span::new(doc.tokens[i].span.start, doc.tokens[i + n - 1].span.end);
                    out.push(Hit { cue, first: i, last: i + n, span });
                    covered[f] = i + n;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Gazetteer;

    fn cues(text: &str) -> Vec<(Cue, String)> {
        let g = Gazetteer::embedded();
        let doc = Document::new(text, g.parts_splitter());
        PHRASES.find(&doc, 0, doc.tokens.len()).into_iter().map(|h| (h.cue, doc.slice(h.span).to_string())).collect()
    }

    #[test]
    fn longest_phrase_wins_per_family() {
        let c = cues("Президент принял участие в саммите");
        assert!(c.contains(&(Cue::KindSkip, "принял участие".into())));
        assert!(c.contains(&(Cue::Kind(EventKind::Summit), "саммите".into())));
        assert!(!c.iter().any(|(k, _)| *k == Cue::Kind(EventKind::Meeting)));
        let c = cues("провел телефонный разговор");
        assert!(c.contains(&(Cue::Kind(EventKind::PhoneCall), "телефонный разговор".into())));
        assert!(c.contains(&(Cue::Format(Format::Phone), "телефонный разговор".into())));
    }

    #[test]
    fn every_form_of_a_trigger() {
        for w in ["встретился", "встреча", "встречи", "встрече"] {
            assert!(cues(w).iter().any(|(k, _)| *k == Cue::Kind(EventKind::Meeting)), "{w}");
        }
    }
}
