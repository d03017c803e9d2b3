//! Trigger phrases (`gazetteers/triggers.tsv`), compiled once and matched
//! over tokens: the words that name an event's kind, its format, its
//! status, a later event, a list of participants, a topic or an envoy, and
//! the words other rules read (opinion verbs, participles).

use crate::gazetteer::hash::FxHashMap;
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
    /// A verb of opinion or speech («заявил», «считает»): a lead built on
    /// one reports what was said.
    Opinion,
    /// A noun built like an opinion verb («заявление»): no opinion.
    OpinionNoun,
    /// A participle that puts what follows in the background
    /// («находящийся с визитом…»).
    Background,
    /// An adjective built like an active participle («предстоящий»,
    /// «следующий»): opens no side clause.
    ParticipleAdjective,
    /// A verb after which «с» names a party, not a topic («обсудил с
    /// министром Китая»).
    Discuss,
    /// A preposition, or a noun in apposition («город», «столица»), that
    /// makes the capital after it a place, not an actor.
    Place,
    /// A word for a person one receives, in the accusative («принял
    /// посла», «принял делегацию»).
    Received,
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
            Cue::Opinion | Cue::OpinionNoun => 14,
            Cue::Background | Cue::ParticipleAdjective => 15,
            Cue::Discuss => 16,
            Cue::Place => 17,
            Cue::Received => 18,
        }
    }
}

const FAMILIES: usize = 19;
// `Phrases::find` keeps the families found at a token as bits of a u32.
const _: () = assert!(FAMILIES <= 32);

#[derive(Debug, Clone, PartialEq, Eq)]
enum WordPat {
    Exact(String),
    Prefix(String),
}

impl WordPat {
    /// Whether word `w`, whose first eight bytes agree with the pattern's
    /// head ([`Head::may_start`]), matches: for a pattern of at most eight
    /// bytes the head has compared them all, and only the lengths are left
    /// (no call to compare the bytes again, a tenth of the phrase finder).
    fn matches_past_head(&self, w: &str) -> bool {
        match self {
            WordPat::Exact(e) => e.len() == w.len() && (e.len() <= 8 || e == w),
            WordPat::Prefix(p) => w.len() >= p.len() && (p.len() <= 8 || w.starts_with(p.as_str())),
        }
    }
}

/// A phrase found in a document: tokens `[first, last)`. Eight bytes (the
/// phrase's length in tokens kept in a byte: the table's phrases are a few
/// words): news holds one for every third token or so, and a sentence
/// keeps its hits while the rules read it (at 12 bytes, with the end as a
/// `u32`, the hits of long news were 0.4 bytes per byte of input).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub cue: Cue,
    first: u32,
    len: u8,
}

impl Hit {
    /// The first token of the phrase.
    pub fn first(&self) -> usize {
        self.first as usize
    }

    /// The token after the phrase.
    pub fn last(&self) -> usize {
        self.first as usize + usize::from(self.len)
    }

    /// The phrase's text in `doc`, from its first token to its last.
    pub fn span(&self, doc: &Document) -> Span {
        Span::new(doc.tokens[self.first()].span().start, doc.tokens[self.last() - 1].span().end)
    }
}

/// A node of the phrase trie: the words read so far from a phrase start.
#[derive(Debug, Default)]
struct Node {
    /// Phrases that end here, in table order.
    ends: Vec<u32>,
    /// The next word, when the phrase gives it whole: one lookup.
    exact: FxHashMap<Box<str>, u32>,
    /// The next word, when the phrase gives its start (`договор*`): few
    /// per node.
    prefix: Vec<(Box<str>, u32)>,
}

/// The compiled phrase table: a trie over words, as the gazetteer's names
/// are, so that a token is read once whatever the number of phrases that
/// start with it («в» starts 25, «при…» 47).
#[derive(Debug)]
pub(crate) struct Phrases {
    /// The cue of each phrase, in table order.
    cues: Vec<Cue>,
    nodes: Vec<Node>,
    /// The first words of the phrases (each once, with its node), by the
    /// first three letters of the word (the whole word when shorter), in a
    /// direct-mapped table: slot `k` holds `firsts[slots[k].0..slots[k].1]`.
    /// Keys that share a slot share their candidates, which are all checked
    /// anyway; one multiplication and one load per token find them (a
    /// string-keyed map cost a quarter of the extraction).
    /// A whole array: the slot of a word is in it, without a bounds check.
    slots: Box<[(u32, u32); 1 << SLOT_BITS]>,
    /// Whether each slot holds any first word, a bit per slot: most words
    /// start no phrase, and 512 bytes stay in the processor's nearest
    /// cache where the 32 KB of slots do not (the slot load was a tenth of
    /// the phrase finder's time).
    used: [u64; (1 << SLOT_BITS) / 64],
    firsts: Vec<First>,
}

/// A first word of the phrases and its node, with its first eight bytes
/// (fewer when shorter) as a little-endian integer: most candidates of a
/// slot are told apart by one comparison with the token's, without
/// comparing strings.
#[derive(Debug, Clone)]
struct First {
    pat: WordPat,
    node: u32,
    head: Head,
}

/// The first eight bytes of a word (fewer when shorter, zero above) and
/// the mask of those bytes.
#[derive(Debug, Clone, Copy)]
struct Head {
    bytes: u64,
    mask: u64,
}

impl Head {
    fn of(b: &[u8]) -> Head {
        let n = b.len().min(8);
        let mut head = [0u8; 8];
        head[..n].copy_from_slice(&b[..n]);
        Head { bytes: u64::from_le_bytes(head), mask: mask_of(n) }
    }

    /// Whether a word whose first eight bytes are `word8` may equal or
    /// start with the word of this head (a word that does agrees with it
    /// on those bytes).
    fn may_start(self, word8: u64) -> bool {
        word8 & self.mask == self.bytes
    }
}

/// The mask of the first `n` (at most 8) bytes of a little-endian integer.
fn mask_of(n: usize) -> u64 {
    if n >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    }
}

/// Slots of the first-word table: a few hundred keys in 4,096 slots rarely
/// meet.
const SLOT_BITS: u32 = 12;

/// The slot of a start key (at most three characters, so at most 12 bytes).
fn slot_of(key: &str) -> usize {
    let b = key.as_bytes();
    let mut x = Head::of(b).bytes ^ ((b.len() as u64) << 59);
    for (k, &c) in b.iter().enumerate().skip(8) {
        x ^= u64::from(c) << (8 * (k - 8) + 3);
    }
    mix(x)
}

fn mix(x: u64) -> usize {
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOT_BITS)) as usize
}

/// The slot of word `w` whose first eight bytes (read past its end: any
/// bytes there) are `word8`: [`slot_of`] its [`start_key`], without
/// copying a key of at most eight bytes.
fn word_slot(w: &str, word8: u64) -> usize {
    // Most words start with three two-byte letters (Cyrillic): lead bytes
    // 110xxxxx at 0, 2 and 4, continuation bytes 10xxxxxx at 1, 3 and 5.
    const TWO_BYTE_MASK: u64 = 0xC0E0_C0E0_C0E0;
    const TWO_BYTE_BITS: u64 = 0x80C0_80C0_80C0;
    let n = if w.len() >= 6 && word8 & TWO_BYTE_MASK == TWO_BYTE_BITS { 6 } else { key_len(w.as_bytes()) };
    if n <= 8 {
        mix((word8 & mask_of(n)) ^ ((n as u64) << 59))
    } else {
        slot_of(&w[..n])
    }
}

/// The embedded phrase table.
pub(crate) static PHRASES: Lazy<Phrases> = Lazy::new(|| {
    Phrases::parse(include_str!("../../gazetteers/triggers.tsv")).expect("the embedded triggers are valid")
});

/// The key a word is looked up by: its first three letters, or all of it
/// when shorter. Read on every token: no counting of its characters.
fn start_key(w: &str) -> &str {
    &w[..key_len(w.as_bytes())]
}

/// The length in bytes of the first three characters of a UTF-8 string
/// (all of it when shorter), read from their lead bytes.
fn key_len(b: &[u8]) -> usize {
    let mut k = 0;
    for _ in 0..3 {
        match b.get(k) {
            Some(&x) => {
                k += if x < 0x80 {
                    1
                } else if x < 0xE0 {
                    2
                } else if x < 0xF0 {
                    3
                } else {
                    4
                }
            }
            None => break,
        }
    }
    k.min(b.len())
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
        "opinion" if value == "verb" => Some(Cue::Opinion),
        "opinion" if value == "noun" => Some(Cue::OpinionNoun),
        "participle" if value == "background" => Some(Cue::Background),
        "participle" if value == "adjective" => Some(Cue::ParticipleAdjective),
        "discuss" => Some(Cue::Discuss),
        "place" => Some(Cue::Place),
        "received" => Some(Cue::Received),
        _ => None,
    }
}

impl Phrases {
    /// Parses the table; an error names the line.
    pub(crate) fn parse(text: &str) -> Result<Phrases, String> {
        let mut p = Phrases {
            cues: Vec::new(),
            nodes: vec![Node::default()],
            slots: Box::new([(0, 0); 1 << SLOT_BITS]),
            used: [0; (1 << SLOT_BITS) / 64],
            firsts: Vec::new(),
        };
        let mut by_slot: Vec<Vec<(WordPat, u32)>> = vec![Vec::new(); 1 << SLOT_BITS];
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
            let key = match words.first() {
                Some(WordPat::Exact(e)) => start_key(e),
                Some(WordPat::Prefix(pre)) if pre.chars().count() >= 3 => start_key(pre),
                Some(WordPat::Prefix(_)) => {
                    return Err(format!("triggers.tsv:{}: prefix shorter than 3 letters", n + 1));
                }
                None => return Err(format!("triggers.tsv:{}: empty phrase", n + 1)),
            };
            let slot = &mut by_slot[slot_of(key)];
            let mut node = match slot.iter().find(|(w, _)| *w == words[0]) {
                Some(&(_, node)) => node,
                None => {
                    let node = p.new_node();
                    slot.push((words[0].clone(), node));
                    node
                }
            };
            for w in &words[1..] {
                node = p.child(node, w);
            }
            p.nodes[node as usize].ends.push(p.cues.len() as u32);
            p.cues.push(cue);
        }
        for (k, firsts) in by_slot.into_iter().enumerate() {
            let start = p.firsts.len() as u32;
            p.firsts.extend(firsts.into_iter().map(|(pat, node)| {
                let head = match &pat {
                    WordPat::Exact(w) | WordPat::Prefix(w) => Head::of(w.as_bytes()),
                };
                First { pat, node, head }
            }));
            p.slots[k] = (start, p.firsts.len() as u32);
            if p.firsts.len() as u32 > start {
                p.used[k / 64] |= 1 << (k % 64);
            }
        }
        Ok(p)
    }

    fn new_node(&mut self) -> u32 {
        self.nodes.push(Node::default());
        self.nodes.len() as u32 - 1
    }

    /// The node after `node` on word `w`, made when new.
    fn child(&mut self, node: u32, w: &WordPat) -> u32 {
        let at = &self.nodes[node as usize];
        let known = match w {
            WordPat::Exact(e) => at.exact.get(e.as_str()).copied(),
            WordPat::Prefix(pre) => at.prefix.iter().find(|(q, _)| **q == **pre).map(|&(_, c)| c),
        };
        if let Some(c) = known {
            return c;
        }
        let c = self.new_node();
        let at = &mut self.nodes[node as usize];
        match w {
            WordPat::Exact(e) => at.exact.insert(e.as_str().into(), c),
            WordPat::Prefix(pre) => {
                at.prefix.push((pre.as_str().into(), c));
                None
            }
        };
        c
    }

    /// Every phrase in tokens `[from, to)`: at each position the longest
    /// phrase of each family (the first in the table on a tie); a phrase
    /// hides shorter ones of its family that start inside it.
    #[cfg(test)]
    pub(crate) fn find(&self, doc: &Document, from: usize, to: usize) -> Vec<Hit> {
        let mut out = Vec::new();
        self.find_into(doc, from, to, &mut out);
        out
    }

    /// [`Phrases::find`] appending to `out`: a block of sentences gathers
    /// its hits in one list, without a list per sentence to copy from.
    pub(crate) fn find_into(&self, doc: &Document, from: usize, to: usize, out: &mut Vec<Hit>) {
        let to = to.min(doc.tokens.len());
        let mut covered = [0usize; FAMILIES];
        // Per family: (length, phrase) of the best phrase at the current
        // token, valid where the family's bit is set in `found` (no reset
        // of the whole array per token).
        let mut best = [(0usize, 0u32); FAMILIES];
        // (node, words read) still to visit: a token may go on both by its
        // whole form and by a prefix.
        let mut stack = Stack::default();
        let from = from.min(to);
        for (i, t) in doc.tokens[from..to].iter().enumerate().map(|(k, t)| (from + k, t)) {
            if t.kind() != TokenKind::Word {
                continue;
            }
            let (w, head) = doc.norm.get_with_head(i);
            let slot = word_slot(w, head);
            if self.used[slot / 64] & (1 << (slot % 64)) == 0 {
                continue;
            }
            let (a, b) = self.slots[slot];
            let mut found = 0u32;
            let firsts = &self.firsts[a as usize..b as usize];
            for f in firsts.iter().filter(|f| f.head.may_start(head) && f.pat.matches_past_head(w)) {
                stack.push((f.node, 1));
            }
            while let Some((node, n)) = stack.pop() {
                let at = &self.nodes[node as usize];
                for &id in &at.ends {
                    let f = self.cues[id as usize].family() as usize;
                    let (len, b) = best[f];
                    if i >= covered[f] && (found & (1 << f) == 0 || n > len || (n == len && id < b)) {
                        best[f] = (n, id);
                        found |= 1 << f;
                    }
                }
                if i + n < to {
                    let next = doc.norm.get(i + n);
                    if let Some(&c) = at.exact.get(next) {
                        stack.push((c, n + 1));
                    }
                    for &(_, c) in at.prefix.iter().filter(|(p, _)| next.starts_with(&**p)) {
                        stack.push((c, n + 1));
                    }
                }
            }
            // In family order, as the rules expect of hits at one token.
            while found != 0 {
                let f = found.trailing_zeros() as usize;
                found &= found - 1;
                let (n, id) = best[f];
                // Token indices fit in u32: texts are tokenized up to
                // `text::MAX_TEXT` bytes.
                // No phrase of the table is 255 words long: the length
                // fits its byte (a longer one would be cut, not wrapped).
                let len = u8::try_from(n).unwrap_or(u8::MAX);
                out.push(Hit { cue: self.cues[id as usize], first: i as u32, len });
                covered[f] = i + n;
            }
        }
    }
}

/// The trie nodes still to visit in [`Phrases::find`]: a few at a time
/// (a word goes on by its whole form and maybe a prefix or two), held
/// inline, so that a call allocates nothing for them. The order they are
/// visited in does not change the hits (the best phrase is chosen by
/// length, then table order).
#[derive(Default)]
struct Stack {
    inline: [(u32, usize); 16],
    len: usize,
    /// What does not fit inline.
    spill: Vec<(u32, usize)>,
}

impl Stack {
    #[inline]
    fn push(&mut self, x: (u32, usize)) {
        match self.inline.get_mut(self.len) {
            Some(slot) => {
                *slot = x;
                self.len += 1;
            }
            None => self.spill.push(x),
        }
    }

    #[inline]
    fn pop(&mut self) -> Option<(u32, usize)> {
        self.spill.pop().or_else(|| {
            self.len = self.len.checked_sub(1)?;
            Some(self.inline[self.len])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Gazetteer;

    fn cues(text: &str) -> Vec<(Cue, String)> {
        let g = Gazetteer::embedded();
        let doc = Document::new(text, g.parts_splitter());
        PHRASES
            .find(&doc, 0, doc.tokens.len())
            .into_iter()
            .map(|h| (h.cue, doc.slice(h.span(&doc)).to_string()))
            .collect()
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
    fn whole_words_and_prefixes_share_the_trie() {
        // Two phrases of one family and length: the first in the table wins;
        // a longer one through a prefix wins over both; another family's
        // phrase on the same words is found beside them.
        let table = "family\tvalue\tphrase\n\
                     kind\tmeeting\tв ходе\n\
                     kind\tsummit\tв ход*\n\
                     format\tphone\tв ходе беседы\n\
                     kind\tvisit\tв ходе визит*\n";
        let p = Phrases::parse(table).expect("valid table");
        let g = Gazetteer::embedded();
        let found = |text: &str| -> Vec<(Cue, String)> {
            let doc = Document::new(text, g.parts_splitter());
            p.find(&doc, 0, doc.tokens.len())
                .into_iter()
                .map(|h| (h.cue, doc.slice(h.span(&doc)).to_string()))
                .collect()
        };
        assert_eq!(found("Это было в ходе визита"), [(Cue::Kind(EventKind::Visit), "в ходе визита".to_string())]);
        assert_eq!(
            found("Это было в ходе беседы"),
            [
                (Cue::Kind(EventKind::Meeting), "в ходе".to_string()),
                (Cue::Format(Format::Phone), "в ходе беседы".to_string())
            ]
        );
        assert_eq!(found("Это было в ходах"), [(Cue::Kind(EventKind::Summit), "в ходах".to_string())]);
        assert!(found("Это было в").is_empty());
        assert!(Phrases::parse("family\tvalue\tphrase\nkind\tmeeting\tхо*\n").is_err());
    }

    #[test]
    fn an_opinion_noun_is_no_opinion_verb() {
        // One word matches both rows: the first in the table, the noun, wins.
        let c = cues("Министр сделал заявление");
        assert!(c.contains(&(Cue::OpinionNoun, "заявление".into())));
        assert!(!c.iter().any(|(k, _)| *k == Cue::Opinion));
        assert!(cues("Министр заявил").contains(&(Cue::Opinion, "заявил".into())));
        assert!(cues("предстоящий визит").contains(&(Cue::ParticipleAdjective, "предстоящий".into())));
    }

    #[test]
    fn start_key_is_the_first_three_characters() {
        let cases =
            [("встреча", "вст"), ("в", "в"), ("вс", "вс"), ("abcd", "abc"), ("a€b", "a€b"), ("€ёa‑b", "€ёa"), ("", "")];
        for (w, key) in cases {
            assert_eq!(start_key(w), key, "{w}");
            // Whatever follows the word in the padded buffer, letters too.
            for after in ["\u{1}zzzzzzzz", "трета"] {
                let padded = format!("{w}{after}");
                let word8 = u64::from_le_bytes(padded.as_bytes()[..8].try_into().expect("eight bytes"));
                assert_eq!(word_slot(w, word8), slot_of(key), "{w}{after}");
            }
        }
    }

    #[test]
    fn every_form_of_a_trigger() {
        for w in ["встретился", "встреча", "встречи", "встрече"] {
            assert!(cues(w).iter().any(|(k, _)| *k == Cue::Kind(EventKind::Meeting)), "{w}");
        }
    }
}
