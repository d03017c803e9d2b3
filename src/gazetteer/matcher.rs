//! The name matcher: a trie over normalized word forms, built from the
//! generated paradigms of every name, walked once per token.

use super::hash::FxHashMap;
use super::inflect::{
    adjective, adjective_all_genders, adjective_gender, is_fixed_token, noun, person_word, Paradigm, CASES,
};
use crate::record::{MentionForm, Span};
use crate::text::{is_letter, is_upper};
use crate::text::{normalize, tokenize, Document, TokenKind, PADDING};
use std::borrow::{Borrow, Cow};
use std::cell::RefCell;
use std::rc::Rc;

/// A way an entity can be written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Variant {
    pub entity: u32,
    pub form: MentionForm,
    /// For abbreviations: the exact tokens (case-sensitive match).
    pub exact: Option<Box<[Box<str>]>>,
    /// Names need a capital first letter; adjectives do not.
    pub capital: bool,
    /// A compound first part (`российско`), valid only inside a hyphenated
    /// word before another part.
    pub compound: bool,
    /// For names marked `^`: whether each word starts with a capital, which
    /// the text must repeat («Совет Безопасности», not «Совет безопасности»).
    pub capitals: Option<Box<[bool]>>,
}

/// A [`Variant`] as the trie keeps it: fixed size, its exact tokens and
/// capitals as ranges of shared arrays, so that the compiled trie loads
/// as a few flat arrays instead of an allocation per variant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Stored {
    pub entity: u32,
    pub form: MentionForm,
    pub capital: bool,
    pub compound: bool,
    /// Words `exact.0..exact.1` of [`Trie::exact_ends`] (empty: none).
    pub exact: (u32, u32),
    /// Flags `capitals.0..capitals.1` of [`Trie::capitals`] (empty: none).
    pub capitals: (u32, u32),
}

/// A name or an adjective of an entity, to be expanded into the trie.
#[derive(Debug, Clone)]
pub(crate) enum Entry {
    /// A name (a state's, an organization's, a city's): every inflected
    /// form; `=` in front keeps it as written, `^` makes its capitals count.
    Name { entity: u32, name: String, form: MentionForm },
    /// A state adjective (masculine nominative) in all its forms, or a
    /// compound first part when it ends in `-` (`российско-`).
    Adjective { entity: u32, adj: String },
    /// A person's name («Сергей Лавров», «С.В.Лавров», «Лавров»): every
    /// word that is not an initial or a particle declines, all in the same
    /// case (Сергея Викторовича Лаврова).
    Person { entity: u32, name: String, female: bool },
}

/// Between the words of a [`Form`]: no token that can match holds it
/// (the tokenizer makes a NUL a token of its own, of a kind never looked
/// up).
pub(crate) const SEP: char = '\0';

/// A sequence of normal forms, the words joined by [`SEP`]: one allocation
/// per form, not one per word and one for the list (a 100,000-row user
/// table expands into millions of forms).
pub(crate) type Form = String;

/// The normal-form sequences an entry is written as, each with its variant.
/// Pure, so that entries can be expanded on several threads.
pub(crate) fn expand(entry: &Entry) -> Vec<(Form, Variant)> {
    match entry {
        Entry::Name { entity, name, form } => expand_name(*entity, name, *form),
        Entry::Adjective { entity, adj } => expand_adjective(*entity, adj),
        Entry::Person { entity, name, female } => expand_person(*entity, name, *female),
    }
}

fn expand_person(entity: u32, name: &str, female: bool) -> Vec<(Form, Variant)> {
    let toks: Vec<&str> = tokenize(name).iter().map(|t| t.text(name)).collect();
    if toks.is_empty() {
        return Vec::new();
    }
    let variant =
        Variant { entity, form: MentionForm::Official, exact: None, capital: true, compound: false, capitals: None };
    // Initials («С.»), particles («де», «бин») and numerals («II») stay as written.
    let declines = |t: &str| t.chars().count() >= 2 && t.chars().next().is_some_and(char::is_uppercase);
    let paradigms: Vec<Option<Paradigm>> = toks.iter().map(|t| declines(t).then(|| person_word(t, female))).collect();
    combinations(&toks, &paradigms, 16).into_iter().map(|seq| (seq, variant.clone())).collect()
}

fn expand_name(entity: u32, name: &str, form: MentionForm) -> Vec<(Form, Variant)> {
    let (name, case_exact) = match name.strip_prefix('^') {
        Some(n) => (n, true),
        None => (name, false),
    };
    let (name, inflect) = match name.strip_prefix('=') {
        Some(n) => (n, false),
        None => (name, true),
    };
    let toks: Vec<&str> = tokenize(name).iter().map(|t| t.text(name)).collect();
    if toks.is_empty() {
        return Vec::new();
    }
    let fixed_all = toks.iter().all(|t| is_fixed_token(t));
    let exact = fixed_all.then(|| toks.iter().map(|t| Box::<str>::from(*t)).collect::<Box<[_]>>());
    let capital = toks[0].chars().next().is_some_and(char::is_uppercase);
    let capitals = case_exact.then(|| toks.iter().map(|t| t.chars().next().is_some_and(char::is_uppercase)).collect());
    let variant = Variant { entity, form, exact, capital, compound: false, capitals };
    if !inflect || fixed_all {
        let words: Vec<String> = toks.iter().map(|t| normalize(t)).collect();
        return vec![(words.join(&SEP.to_string()), variant)];
    }
    phrase_forms(&toks).into_iter().map(|seq| (seq, variant.clone())).collect()
}

fn expand_adjective(entity: u32, adj: &str) -> Vec<(Form, Variant)> {
    let variant = |compound| Variant {
        entity,
        form: MentionForm::Adjective,
        exact: None,
        capital: false,
        compound,
        capitals: None,
    };
    if let Some(stem) = adj.strip_suffix('-') {
        return vec![(normalize(stem), variant(true))];
    }
    let mut out: Vec<(Form, Variant)> = Vec::new();
    for f in adjective_all_genders(adj).into_iter().flatten() {
        if !out.iter().any(|(s, _)| *s == f) {
            out.push((f, variant(false)));
        }
    }
    out
}

/// Single capitalized words that are also common Russian words; at the
/// start of a sentence they are read as the word, not the name
/// («Того же мнения…» is not Togo, «Ровно год назад…» not Rivne).
const FALSE_FRIENDS: &[&str] = &["того", "чад", "перу", "гана", "ровно", "шахты"];

/// Names of states that are also first names (in some case): followed by
/// a capitalized word or a particle they name a person («Сальвадора Дали»,
/// «Доминика Стросс-Кана», «Доминика де Вильпена»).
const FIRST_NAMES: &[&str] =
    &["сальвадор", "сальвадора", "сальвадору", "сальвадором", "доминика", "доминику", "домиником"];

const ROOT: u32 = 0;

/// A word of the vocabulary: its id, and the trie node reached by a name
/// starting with it (`NO_NODE` when none does).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    pub id: u32,
    pub first: u32,
}

const NO_NODE: u32 = u32::MAX;

/// Slots of the starter filter: 2^18 bits, 32 KB, small enough to stay in
/// the first-level cache; the few ordinary words that share a slot with a
/// starter only cost a map lookup.
const STARTER_SLOTS: usize = 1 << 18;

/// A word's slot in the starter filter, from its first and last eight
/// bytes and its length: two loads and two multiplications whatever the
/// length (a full hash of every word cost more than the rest of matching).
/// Longer words that share both ends and the length with a starter only
/// cost a map lookup. `p` holds the word in its first `len` bytes and is at
/// least eight bytes long; what follows the word is masked off.
#[inline]
fn filter_slot(p: &[u8], len: usize) -> usize {
    use super::hash::SEED;
    let load = |at: usize| p.get(at..at + 8).and_then(|b| b.try_into().ok()).map_or(0, u64::from_le_bytes);
    let (head, tail) = if len >= 8 {
        (load(0), load(len - 8))
    } else {
        let head = load(0) & ((1u64 << (8 * len)) - 1);
        (head, head)
    };
    let h = (head.wrapping_mul(SEED) ^ tail ^ len as u64).wrapping_mul(SEED);
    (h >> 40) as usize & (STARTER_SLOTS - 1)
}

/// Whether two words are the same bytes: words are short, and one or two
/// 8-byte readings of each (from the front and from the back) compare them
/// without a call to `memcmp` (its setup cost a tenth of the word lookup).
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let at = |s: &[u8], k: usize| s.get(k..k + 8).and_then(|w| w.try_into().ok()).map_or(0, u64::from_le_bytes);
    match n {
        0..8 => a.iter().zip(b).all(|(x, y)| x == y),
        8..=16 => at(a, 0) == at(b, 0) && at(a, n - 8) == at(b, n - 8),
        _ => a == b,
    }
}

/// A word of at most two bytes as one integer: its length and its bytes.
#[inline]
fn short_key(w: &[u8]) -> u32 {
    let b = |k: usize| u32::from(w.get(k).copied().unwrap_or(0));
    w.len() as u32 | b(0) << 8 | b(1) << 16
}

/// The first slot of short key `key` in a table of `size` (a power of two)
/// slots.
#[inline]
fn short_slot(key: u32, size: usize) -> usize {
    (key.wrapping_mul(0x9E37_79B9) >> 16) as usize & (size - 1)
}

/// [`filter_slot`] for a word with nothing after it.
fn word_slot(w: &[u8]) -> usize {
    if w.len() >= 8 {
        return filter_slot(w, w.len());
    }
    let mut buf = [0u8; 8];
    buf[..w.len()].copy_from_slice(w);
    filter_slot(&buf, w.len())
}

/// Terminal lists up to this length are searched directly for duplicates.
const SHORT_TERMINALS: usize = 16;

/// The trie while names are added: maps that grow, frozen into a [`Trie`]
/// once every name is in.
#[derive(Debug, Default)]
pub(crate) struct TrieBuilder {
    starters: Vec<u64>,
    short_starters: Vec<u32>,
    words: FxHashMap<Box<str>, Word>,
    edges: FxHashMap<(u32, u32), u32>,
    /// Variant ids ending at each node.
    terminals: Vec<Vec<u32>>,
    /// For nodes with at least [`SHORT_TERMINALS`] variants: (node,
    /// entity) → the entity's last variant there, the others chained
    /// through `same_entity` (a chain through one array, not a list per
    /// node and entity: a table whose 100,000 rows share an alias made 1.2
    /// million of those).
    shared: FxHashMap<(u32, u32), u32>,
    /// By variant: the previous variant of its entity at its node, or
    /// [`NO_VARIANT`] (see `shared`).
    same_entity: Vec<u32>,
    variants: Vec<Variant>,
}

/// The end of a chain of `same_entity`.
const NO_VARIANT: u32 = u32::MAX;

/// The name matcher: a trie over normalized words, in flat arrays (a
/// frozen [`TrieBuilder`]), so that the embedded one loads from bytes
/// with no work (see `compiled`).
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Trie {
    /// A one-bit-per-slot filter of the words that can start a name: a
    /// token whose slot is clear is no name start, without a map lookup.
    pub starters: Vec<u64>,
    /// Starters of one or two bytes («G» of «G20»), as [`short_key`]s: the
    /// filter is skipped for words that short («в», «и» are everywhere);
    /// these few are compared as integers.
    pub short_starters: Vec<u32>,
    /// The short starters and the node each reaches, by [`short_slot`] with
    /// open addressing ([`short_key`] and node; key 0: an empty slot;
    /// derived, not stored): the commonest starters («в», «и», «с»,
    /// initials of officials' names) need no word lookup, and the
    /// commonest tokens one or two probes (a scan compared dozens).
    pub short_table: Vec<(u32, u32)>,
    /// Every word's bytes, one after the other: word `k` ends at
    /// `ends[k]`. Bytes, not a `String`: words are only compared with
    /// tokens, and loading them needs no UTF-8 check (a seventh of a start).
    pub text: Cow<'static, [u8]>,
    pub ends: U32s,
    /// The node a name starting with word `k` reaches (`NO_NODE`: none).
    pub first: U32s,
    /// Open addressing over the words by [`word_hash`]: word id + 1, or 0
    /// for an empty slot; a power of two long, at most half full.
    pub slots: U32s,
    /// The edges out of node `n` are `child_start[n]..child_start[n + 1]`
    /// of `child_words` (sorted) and `child_nodes`.
    pub child_start: U32s,
    pub child_words: U32s,
    pub child_nodes: U32s,
    /// The variants ending at node `n`: `term_start[n]..term_start[n + 1]`
    /// of `term_ids`.
    pub term_start: U32s,
    pub term_ids: U32s,
    pub variants: Vec<Stored>,
    /// The exact tokens of every variant that has them, one after the
    /// other: token `k` ends at `exact_ends[k]` of `exact_text`.
    pub exact_text: String,
    pub exact_ends: Vec<u32>,
    /// The capitals of every variant marked `^`, one after the other.
    pub capitals: Vec<bool>,
}

/// The hash of a word for [`Trie::slots`].
fn word_hash(w: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = super::hash::FxHasher::default();
    h.write(w);
    h.finish()
}

/// A raw match of the trie: tokens `[first, last)` or a part of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawMatch {
    pub span: Span,
    pub first: usize,
    pub last: usize,
    pub variant: u32,
}

impl TrieBuilder {
    pub fn new() -> TrieBuilder {
        TrieBuilder { terminals: vec![Vec::new()], starters: vec![0; STARTER_WORDS], ..Default::default() }
    }

    fn word_id(&mut self, w: &str) -> u32 {
        if let Some(word) = self.words.get(w) {
            return word.id;
        }
        let id = self.words.len() as u32;
        self.words.insert(w.into(), Word { id, first: NO_NODE });
        id
    }

    fn insert(&mut self, seq: &str, variant: Variant) {
        if seq.split(SEP).any(str::is_empty) {
            return;
        }
        let mut node = ROOT;
        for w in seq.split(SEP) {
            let wid = self.word_id(w);
            node = match self.edges.get(&(node, wid)) {
                Some(&n) => n,
                None => {
                    let n = self.terminals.len() as u32;
                    self.terminals.push(Vec::new());
                    self.edges.insert((node, wid), n);
                    if node == ROOT {
                        if let Some(word) = self.words.get_mut(w) {
                            word.first = n;
                        }
                        let k = word_slot(w.as_bytes());
                        self.starters[k / 64] |= 1 << (k % 64);
                        if w.len() <= 2 && !self.short_starters.contains(&short_key(w.as_bytes())) {
                            self.short_starters.push(short_key(w.as_bytes()));
                        }
                    }
                    n
                }
            };
        }
        // The same variant of the same entity may arrive through several
        // cases (acc = nom); keep one. A name many entities share (a user
        // table's common alias) has a long list: there only the entity's
        // own variants, found through `shared`, are compared, so that
        // building stays linear in rows.
        let same = |o: &Variant| {
            o.entity == variant.entity
                && o.form == variant.form
                && o.compound == variant.compound
                && o.exact == variant.exact
                && o.capitals == variant.capitals
        };
        let list = &self.terminals[node as usize];
        let dup = if list.len() < SHORT_TERMINALS {
            list.iter().any(|&v| same(&self.variants[v as usize]))
        } else {
            let mut v = self.shared.get(&(node, variant.entity)).copied().unwrap_or(NO_VARIANT);
            while v != NO_VARIANT && !same(&self.variants[v as usize]) {
                v = self.same_entity[v as usize];
            }
            v != NO_VARIANT
        };
        if dup {
            return;
        }
        let id = self.variants.len() as u32;
        self.variants.push(variant);
        self.same_entity.push(NO_VARIANT);
        let list = &mut self.terminals[node as usize];
        list.push(id);
        let chain = match list.len() {
            SHORT_TERMINALS => &list[..],
            n if n > SHORT_TERMINALS => &list[n - 1..],
            _ => &[][..],
        };
        for &v in chain {
            let previous = self.shared.insert((node, self.variants[v as usize].entity), v);
            self.same_entity[v as usize] = previous.unwrap_or(NO_VARIANT);
        }
    }

    /// Adds the sequences an entry expanded into (see [`expand`]).
    pub fn add(&mut self, expanded: Vec<(Form, Variant)>) {
        for (seq, v) in expanded {
            self.insert(&seq, v);
        }
    }

    /// The trie in its flat form: words by id with their hash table,
    /// edges and terminals grouped by node.
    pub fn freeze(self) -> Trie {
        let mut words: Vec<(Box<str>, Word)> = self.words.into_iter().collect();
        words.sort_unstable_by_key(|(_, w)| w.id);
        let mut t = Trie { starters: self.starters, short_starters: self.short_starters, ..Trie::default() };
        t.variants = self.variants.into_iter().map(|v| t.store(v)).collect();
        let (mut text, mut ends, mut first) = (Vec::new(), Vec::new(), Vec::new());
        let mut slots = vec![0; (words.len() * 2).next_power_of_two().max(16)];
        let bits = slots.len().trailing_zeros();
        for (w, word) in &words {
            text.extend_from_slice(w.as_bytes());
            ends.push(text.len() as u32);
            first.push(word.first);
            let mask = slots.len() - 1;
            let mut k = slot_of(bits, w.as_bytes());
            while slots[k] != 0 {
                k = (k + 1) & mask;
            }
            slots[k] = word.id + 1;
        }
        let nodes = self.terminals.len();
        let mut edges: Vec<((u32, u32), u32)> = self.edges.into_iter().collect();
        edges.sort_unstable();
        let mut child_start = Vec::with_capacity(nodes + 1);
        let (mut child_words, mut child_nodes) = (Vec::new(), Vec::new());
        let mut e = 0;
        for n in 0..nodes as u32 {
            child_start.push(e as u32);
            while e < edges.len() && edges[e].0 .0 == n {
                child_words.push(edges[e].0 .1);
                child_nodes.push(edges[e].1);
                e += 1;
            }
        }
        child_start.push(e as u32);
        let (mut term_start, mut term_ids) = (vec![0], Vec::new());
        for list in self.terminals {
            term_ids.extend(list);
            term_start.push(term_ids.len() as u32);
        }
        t.text = Cow::Owned(text);
        (t.ends, t.first, t.slots) = (ends.into(), first.into(), slots.into());
        (t.child_start, t.child_words, t.child_nodes) = (child_start.into(), child_words.into(), child_nodes.into());
        (t.term_start, t.term_ids) = (term_start.into(), term_ids.into());
        t.index_short_starters();
        t
    }
}

/// Little-endian `u32`s in bytes: borrowed from the compiled file as they
/// are (no decoding at load), or owned by a trie built at run time; one
/// type, so that both tries share the matching code.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct U32s(pub Cow<'static, [u8]>);

impl From<Vec<u32>> for U32s {
    fn from(v: Vec<u32>) -> U32s {
        U32s(Cow::Owned(v.iter().flat_map(|x| x.to_le_bytes()).collect()))
    }
}

impl U32s {
    /// How many numbers there are.
    #[inline]
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }

    /// Number `k` (the index is checked like a slice's).
    #[inline]
    pub fn at(&self, k: usize) -> u32 {
        let b = &self.0[4 * k..4 * k + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    /// The numbers in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = u32> + '_ {
        self.0.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// The first slot of a word hashing to `h` in a word table of `2^bits`
/// slots.
#[inline]
fn slot_of(bits: u32, w: &[u8]) -> usize {
    (word_hash(w) >> (64 - bits)) as usize
}

/// Edges out of a node up to which [`Trie::few_children`] compares words.
const FEW_CHILDREN: usize = 4;

/// Words of the starter filter (64 slots each).
pub(crate) const STARTER_WORDS: usize = STARTER_SLOTS / 64;

impl Trie {
    /// `v` as the trie keeps it, its exact tokens and capitals appended to
    /// the shared arrays.
    fn store(&mut self, v: Variant) -> Stored {
        let at = self.exact_ends.len() as u32;
        for w in v.exact.iter().flatten() {
            self.exact_text.push_str(w);
            self.exact_ends.push(self.exact_text.len() as u32);
        }
        let caps = self.capitals.len() as u32;
        self.capitals.extend(v.capitals.iter().flatten());
        Stored {
            entity: v.entity,
            form: v.form,
            capital: v.capital,
            compound: v.compound,
            exact: (at, self.exact_ends.len() as u32),
            capitals: (caps, self.capitals.len() as u32),
        }
    }

    /// The exact tokens of a variant (none: it has none).
    fn exact(&self, v: &Stored) -> impl ExactSizeIterator<Item = &str> {
        (v.exact.0 as usize..v.exact.1 as usize).map(|k| {
            let start = if k == 0 { 0 } else { self.exact_ends[k - 1] as usize };
            self.exact_text.get(start..self.exact_ends[k] as usize).unwrap_or_default()
        })
    }

    /// Fills [`Trie::short_table`] from the other tables (after a freeze
    /// or a load).
    pub(crate) fn index_short_starters(&mut self) {
        let nodes: Vec<u32> = self
            .short_starters
            .iter()
            .map(|&key| {
                let bytes = [(key >> 8) as u8, (key >> 16) as u8];
                let len = (key & 0xFF) as usize;
                let word = std::str::from_utf8(bytes.get(..len).unwrap_or_default()).ok().and_then(|w| self.word(w));
                word.map_or(NO_NODE, |w| w.first)
            })
            .collect();
        // At most a quarter full.
        let size = (4 * self.short_starters.len()).next_power_of_two().max(16);
        let mut table = vec![(0, NO_NODE); size];
        for (&key, &node) in self.short_starters.iter().zip(&nodes) {
            let mut k = short_slot(key, size);
            while table[k].0 != 0 && table[k].0 != key {
                k = (k + 1) & (size - 1);
            }
            table[k] = (key, node);
        }
        self.short_table = table;
    }

    /// The node a name starting with the word of `bytes` (at most two
    /// bytes) reaches, if one does.
    #[inline]
    fn short_start(&self, bytes: &[u8]) -> Option<u32> {
        let key = short_key(bytes);
        let size = self.short_table.len();
        if size == 0 {
            return None;
        }
        let mut k = short_slot(key, size);
        loop {
            let (at, node) = self.short_table[k];
            if at == key {
                return (node != NO_NODE).then_some(node);
            }
            if at == 0 {
                return None;
            }
            k = (k + 1) & (size - 1);
        }
    }

    /// The node after `node` on token `j`'s form `w`, for a node with few
    /// edges: their words compared with the form, no lookup in the word
    /// table (most names cannot go on with the token after their first
    /// word: «в» before a city, not an initial's period). `None` when the
    /// node has too many edges to compare them all.
    #[inline]
    fn few_children(&self, node: u32, w: &[u8]) -> Option<Option<u32>> {
        let (a, b) = (self.child_start.at(node as usize) as usize, self.child_start.at(node as usize + 1) as usize);
        if b - a > FEW_CHILDREN {
            return None;
        }
        Some(
            (a..b)
                .find(|&k| same_bytes(self.word_bytes(self.child_words.at(k) as usize), w))
                .map(|k| self.child_nodes.at(k)),
        )
    }

    /// Whether the word in slot `k` of the filter may start a name (false:
    /// certainly not).
    #[inline]
    fn may_start(&self, k: usize) -> bool {
        self.starters[k / 64] & (1 << (k % 64)) != 0
    }

    /// The first slot of `w` in the word table.
    #[inline]
    fn slot_of(&self, w: &[u8]) -> usize {
        slot_of(self.slots.len().trailing_zeros(), w)
    }

    /// The bytes of word `k` of the vocabulary.
    #[inline]
    fn word_bytes(&self, k: usize) -> &[u8] {
        let start = if k == 0 { 0 } else { self.ends.at(k - 1) as usize };
        self.text.get(start..self.ends.at(k) as usize).unwrap_or_default()
    }

    /// The id of word `w` and the node a name starting with it reaches.
    #[inline]
    fn word(&self, w: &str) -> Option<Word> {
        if self.slots.len() == 0 {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut k = self.slot_of(w.as_bytes());
        loop {
            let id = self.slots.at(k).checked_sub(1)?;
            if same_bytes(self.word_bytes(id as usize), w.as_bytes()) {
                return Some(Word { id, first: self.first.at(id as usize) });
            }
            k = (k + 1) & mask;
        }
    }

    /// The node an edge labelled `word` leads to from `node`.
    #[inline]
    fn child(&self, node: u32, word: u32) -> Option<u32> {
        let (mut a, mut b) =
            (self.child_start.at(node as usize) as usize, self.child_start.at(node as usize + 1) as usize);
        // The words are sorted: halve the range while it is long, then scan.
        while b - a > 8 {
            let mid = a + (b - a) / 2;
            if self.child_words.at(mid) <= word {
                a = mid;
            } else {
                b = mid;
            }
        }
        let k = (a..b).find(|&k| self.child_words.at(k) == word)?;
        Some(self.child_nodes.at(k))
    }

    /// The variants that end at `node`.
    #[inline]
    fn terminals(&self, node: u32) -> impl Iterator<Item = u32> + '_ {
        let n = node as usize;
        (self.term_start.at(n) as usize..self.term_start.at(n + 1) as usize).map(|k| self.term_ids.at(k))
    }

    /// Finds matches in tokens `[from, to)` of `doc`: at each position the
    /// longest name that passes its checks; then, inside hyphenated words
    /// no name covers, adjective parts (`российско-таджикских`).
    pub fn find(&self, doc: &Document, from: usize, to: usize, out: &mut Vec<RawMatch>) {
        let to = to.min(doc.tokens.len());
        let mut i = from;
        while i < to {
            // (end token, node) of the longest name found so far.
            let mut best: Option<(usize, u32)> = None;
            let word = doc.tokens[i].kind() == TokenKind::Word;
            // Most tokens start no name: the starter filter says so without
            // a map lookup; for the others one lookup gives the word and its
            // first trie node.
            let (bytes, len) = if word { doc.norm.padded_bytes(i) } else { (&[][..], 0) };
            let start = if len > 2 {
                // The form as whole 8-byte words where that many bytes
                // follow its start (the text's last word may have fewer).
                let slot = if bytes.len() >= PADDING { filter_slot(bytes, len) } else { word_slot(&bytes[..len]) };
                if self.may_start(slot) {
                    self.word(doc.norm.get(i)).and_then(|w| (w.first != NO_NODE).then_some(w.first))
                } else {
                    None
                }
            } else if len > 0 {
                self.short_start(&bytes[..len])
            } else {
                None
            };
            let mut node = start.unwrap_or(ROOT);
            let mut j = i + usize::from(start.is_some());
            if start.is_some() && self.terminals(node).any(|v| self.accepts(doc, i, j, v)) {
                best = Some((j, node));
            }
            while start.is_some() && j < to {
                let next = match doc.tokens[j].kind() {
                    TokenKind::Punct | TokenKind::Word | TokenKind::Number => doc.norm.get(j),
                    _ => break,
                };
                let child = match self.few_children(node, next.as_bytes()) {
                    Some(child) => child,
                    None => self.word(next).and_then(|w| self.child(node, w.id)),
                };
                match child {
                    Some(n) => node = n,
                    None => break,
                }
                j += 1;
                if self.terminals(node).any(|v| self.accepts(doc, i, j, v)) {
                    best = Some((j, node));
                }
            }
            if let Some((end, node)) = best {
                let span = Span::new(doc.tokens[i].span().start, doc.tokens[end - 1].span().end);
                for v in self.terminals(node) {
                    if self.accepts(doc, i, end, v) {
                        out.push(RawMatch { span, first: i, last: end, variant: v });
                    }
                }
                i = end;
                continue;
            }
            if word && doc.norm.has_hyphen(i) {
                self.find_parts(doc, i, out);
            }
            i += 1;
        }
    }

    fn find_parts(&self, doc: &Document, i: usize, out: &mut Vec<RawMatch>) {
        let raw = doc.tokens[i].text(doc.text);
        let base = doc.tokens[i].span().start;
        // The dashes `normalize` turns into `-`: the raw parts and the parts
        // of the normal form then correspond one to one.
        let is_dash = |c: char| c == '-' || ('\u{2010}'..='\u{2015}').contains(&c) || c == '\u{2212}';
        let parts = raw.chars().filter(|&c| is_dash(c)).count() + 1;
        let mut keys = doc.norm.get(i).split('-');
        let mut start = 0;
        let mut rest = raw.char_indices().filter(|&(_, c)| is_dash(c));
        for n in 0..parts {
            let (end, next) = match rest.next() {
                Some((k, c)) => (k, k + c.len_utf8()),
                None => (raw.len(), raw.len()),
            };
            let Some(key) = keys.next() else { return };
            let last_part = n + 1 == parts;
            if !key.is_empty() && self.may_start(word_slot(key.as_bytes())) {
                if let Some(node) = self.word(key).map(|w| w.first).filter(|&n| n != NO_NODE) {
                    for v in self.terminals(node) {
                        let var = &self.variants[v as usize];
                        if var.form == MentionForm::Adjective && var.compound != last_part {
                            out.push(RawMatch {
                                span: Span::new(base + start, base + end),
                                first: i,
                                last: i + 1,
                                variant: v,
                            });
                        }
                    }
                }
            }
            start = next;
        }
    }

    fn accepts(&self, doc: &Document, first: usize, last: usize, v: u32) -> bool {
        let var = &self.variants[v as usize];
        if var.compound {
            return false;
        }
        let raw_first = doc.tokens[first].text(doc.text);
        let exact = self.exact(var);
        if exact.len() > 0 {
            // In a lowercased dump «сша» is all that is left of «США».
            return exact.len() == last - first
                && exact.zip(first..last).all(|(e, k)| {
                    let t = doc.tokens[k].text(doc.text);
                    e == t || (doc.lowercased && e.to_lowercase() == t)
                });
        }
        if doc.lowercased {
            // No capitals to tell «Того» from «того»: common words never match.
            return !(last - first == 1 && FALSE_FRIENDS.contains(&doc.norm.get(first)));
        }
        let caps = &self.capitals[var.capitals.0 as usize..var.capitals.1 as usize];
        if !caps.is_empty() {
            let same = caps.len() == last - first
                && caps.iter().zip(first..last).all(|(&c, k)| {
                    let t = doc.tokens[k].text(doc.text);
                    let upper = t.chars().next().is_some_and(is_upper);
                    // Text in capitals (a dateline, a shouting headline) says nothing.
                    upper == c || t.chars().filter(|&c| is_letter(c)).all(is_upper)
                });
            if !same {
                return false;
            }
        }
        if var.capital {
            if !raw_first.chars().next().is_some_and(is_upper) {
                return false;
            }
            // At a sentence start, or in capitals («КРОМЕ ТОГО»), a capital
            // says nothing: common words do not match there.
            let shouted = || raw_first.chars().filter(|&c| is_letter(c)).all(is_upper);
            if last - first == 1
                && FALSE_FRIENDS.contains(&doc.norm.get(first))
                && (shouted() || starts_sentence(doc, first))
            {
                return false;
            }
            if last - first == 1 && FIRST_NAMES.contains(&doc.norm.get(first)) && followed_by_surname(doc, last) {
                return false;
            }
        }
        true
    }
}

/// Whether token `i` is a surname: a capitalized word, or a particle
/// («де», «фон», «ван») before one.
fn followed_by_surname(doc: &Document, i: usize) -> bool {
    let Some(t) = doc.tokens.get(i) else { return false };
    if t.kind() != TokenKind::Word || doc.text[doc.tokens[i - 1].span().end..t.span().start].contains('\n') {
        return false;
    }
    let w = t.text(doc.text);
    w.chars().next().is_some_and(is_upper) || matches!(doc.norm.get(i), "де" | "да" | "фон" | "ван" | "дель" | "ди")
}

/// Whether token `i` opens a sentence (possibly after an opening quote).
fn starts_sentence(doc: &Document, i: usize) -> bool {
    let Some(s) = doc.sentence_of(i).and_then(|s| doc.sentences.get(s)) else { return true };
    let first = s.first();
    (first..i).all(|k| doc.tokens[k].kind() == TokenKind::Punct)
}

/// Every inflected form of a multiword name, as token sequences of normal
/// forms. In each part of the name (parts are split at «и» and dashes:
/// «Босния и Герцеговина», «Папуа — Новая Гвинея») the leading adjectives
/// and the head noun agree in case; the words after the head stay as they
/// are («Республика Таджикистан» → «Республики Таджикистан»).
pub(crate) fn phrase_forms(toks: &[&str]) -> Vec<Form> {
    let n = toks.len();
    let is_sep = |t: &str| matches!(t, "и" | "—" | "–" | "-" | ",");
    let mut paradigms: Vec<Option<Rc<Paradigm>>> = vec![None; n];
    let mut seg_start = 0;
    let mut seg_index = 0;
    // Whether the previous part ended without a head noun («Экономический
    // и Социальный Совет»): then the next part agrees with the same case.
    let mut open_adjectives = false;
    while seg_start < n {
        let seg_end = (seg_start..n).find(|&k| is_sep(toks[k])).unwrap_or(n);
        let mut k = seg_start;
        // leading adjectives
        while k < seg_end && !is_fixed_token(toks[k]) && adjective_gender(toks[k]).is_some() && k + 1 < n {
            paradigms[k] = Some(paradigm(toks[k], true));
            k += 1;
        }
        // A later part inflects when it continues open adjectives, or when
        // it is a proper name in the nominative («Босния и Герцеговина»);
        // a common noun after «и» is a complement («… сотрудничества и
        // развития»).
        let head_capital = toks.get(seg_start).and_then(|t| t.chars().next()).is_some_and(char::is_uppercase);
        let inflects =
            seg_index == 0 || open_adjectives || (k < seg_end && head_capital && !ends_oblique(&normalize(toks[k])));
        if k < seg_end && !is_fixed_token(toks[k]) && inflects {
            paradigms[k] = Some(paradigm(toks[k], false));
        }
        if !inflects {
            for p in &mut paradigms[seg_start..k] {
                *p = None;
            }
        }
        open_adjectives = k == seg_end && k > seg_start && inflects;
        seg_index += 1;
        seg_start = seg_end + 1;
    }
    combinations(toks, &paradigms, 32)
}

/// Paradigms kept per thread (at most this many, then forgotten).
const KEPT_PARADIGMS: usize = 1 << 14;

thread_local! {
    /// Paradigms made so far on this thread: nouns', then adjectives'.
    static PARADIGMS: RefCell<[FxHashMap<Box<str>, Rc<Paradigm>>; 2]> = RefCell::default();
}

/// The paradigm of `word` as a noun or as an adjective, made once per
/// thread: the words of a table's names repeat (every «Министерство»,
/// «Посольство», «Республика»), and inflecting them was a fifth of a
/// large table's build.
fn paradigm(word: &str, as_adjective: bool) -> Rc<Paradigm> {
    PARADIGMS.with(|cache| {
        let cache = &mut cache.borrow_mut()[usize::from(as_adjective)];
        if let Some(p) = cache.get(word) {
            return Rc::clone(p);
        }
        if cache.len() >= KEPT_PARADIGMS {
            cache.clear();
        }
        let p = Rc::new(if as_adjective { adjective(word) } else { noun(word) });
        cache.insert(word.into(), Rc::clone(&p));
        p
    })
}

/// The token sequences of a name in each case, in case order and without
/// repeats: the words with a paradigm take their forms of that case, the
/// others their normal form; each case gives at most `limit` sequences
/// (the first in the order of the words' alternatives). Strings are copied
/// once, into the sequences kept: every name of every table passes here.
fn combinations<P: Borrow<Paradigm>>(toks: &[&str], paradigms: &[Option<P>], limit: usize) -> Vec<Form> {
    let plain: Vec<[String; 1]> =
        toks.iter().zip(paradigms).map(|(t, p)| [if p.is_none() { normalize(t) } else { String::new() }]).collect();
    let mut out: Vec<Form> = Vec::new();
    // The sequences of a case in the order of the words' alternatives (the
    // last word's turning fastest), counted like an odometer: the first
    // `limit` of them, with no list of partial sequences built per word
    // (a user table of 100,000 rows passes here 200,000 times).
    let mut seq = String::new();
    for case in 0..CASES {
        let forms: Vec<&[String]> = paradigms
            .iter()
            .zip(&plain)
            .map(|(p, plain)| p.as_ref().map_or(&plain[..], |p| &p.borrow()[case][..]))
            .collect();
        if forms.iter().any(|f| f.is_empty()) {
            continue;
        }
        let mut at = vec![0usize; forms.len()];
        for _ in 0..limit {
            seq.clear();
            for (n, (f, &k)) in forms.iter().zip(&at).enumerate() {
                if n > 0 {
                    seq.push(SEP);
                }
                seq.push_str(&f[k]);
            }
            if !out.contains(&seq) {
                out.push(seq.clone());
            }
            // The next sequence: the last word that has a next alternative
            // takes it, the words after it start over.
            let Some(k) = (0..forms.len()).rev().find(|&k| at[k] + 1 < forms[k].len()) else { break };
            at[k] += 1;
            at[k + 1..].iter_mut().for_each(|a| *a = 0);
        }
    }
    out
}

/// Endings that show a word is not in the nominative (so a part after «и»
/// that is already oblique — «…Великобритании и Северной Ирландии» — is
/// kept as written).
fn ends_oblique(w: &str) -> bool {
    ["ии", "ой", "ей", "ом", "ем", "ов", "ам", "ах", "ами", "у", "ю"].iter().any(|e| w.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(name: &str) -> Vec<String> {
        let toks: Vec<&str> = tokenize(name).iter().map(|t| t.text(name)).collect();
        phrase_forms(&toks).into_iter().map(|s| s.replace(SEP, " ")).collect()
    }

    fn frozen(names: &[&str]) -> Trie {
        let mut b = TrieBuilder::new();
        for (k, n) in names.iter().enumerate() {
            b.add(expand(&Entry::Name { entity: k as u32, name: n.to_string(), form: MentionForm::Name }));
        }
        b.freeze()
    }

    #[test]
    fn frozen_trie_finds_every_word_and_only_those() {
        let t = frozen(&["Республика Таджикистан", "Гвинея-Бисау", "Гвинея", "Новая Зеландия"]);
        for k in 0..t.ends.len() {
            let w = std::str::from_utf8(t.word_bytes(k)).expect("words are text");
            assert_eq!(t.word(w).map(|w| w.id), Some(k as u32), "{w}");
        }
        for w in ["", "таджик", "республик", "зеландиями", "x"] {
            assert!(t.word(w).is_none(), "{w}");
        }
        let republic = t.word("республики").expect("a form of the first word");
        let node = t.child(republic.first, t.word("таджикистан").expect("the second word").id);
        assert!(node.is_some_and(|n| t.terminals(n).next().is_some()));
        assert_eq!(t.child(republic.first, t.word("зеландии").expect("a word").id), None);
    }

    #[test]
    fn a_node_with_many_edges_finds_each_and_only_those() {
        // Twenty names after one word: the edges are searched by halving.
        let names: Vec<String> =
            (0..20).map(|k| format!("=Союз {}", "бвгдежзклмнпрстфхцчш".chars().nth(k).unwrap_or('б'))).collect();
        let t = frozen(&names.iter().map(String::as_str).collect::<Vec<_>>());
        let union = t.word("союз").expect("the shared word");
        let first = union.first;
        for c in "бвгдежзклмнпрстфхцчш".chars() {
            let w = t.word(&c.to_string()).expect("a second word");
            let node = t.child(first, w.id).expect("an edge");
            assert_eq!(t.terminals(node).count(), 1, "{c}");
        }
        assert_eq!(t.child(first, union.id), None);
        assert_eq!(t.child(first, u32::MAX), None);
    }

    #[test]
    fn numbers_read_back_as_written() {
        let v = vec![0, 1, 255, 256, 70_000, u32::MAX];
        let u = U32s::from(v.clone());
        assert_eq!(u.len(), v.len());
        assert_eq!(u.iter().collect::<Vec<_>>(), v);
        assert!((0..v.len()).all(|k| u.at(k) == v[k]));
    }

    #[test]
    fn a_trie_with_no_names_finds_nothing() {
        let t = frozen(&[]);
        assert!(t.word("россия").is_none());
        let text = "Россия и Таджикистан.";
        let doc = Document::new(text, &crate::text::PartsSplitter::unbuilt());
        let mut out = Vec::new();
        t.find(&doc, 0, doc.tokens.len(), &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn same_bytes_is_slice_equality() {
        let words: [&[u8]; 9] = [
            b"",
            b"a",
            b"abcdefg",
            b"abcdefgh",
            b"abcdefgi",
            b"abcdefghijklmnop",
            b"abcdefghijklmnoq",
            b"xbcdefghijklmnop",
            b"abcdefghijklmnopq",
        ];
        for a in words {
            for b in words {
                assert_eq!(same_bytes(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn filter_slot_ignores_what_follows_the_word() {
        for w in ["", "ab", "abcdefg", "abcdefgh", "россия", "таджикистан", "российско-таджикских"]
        {
            let mut padded = w.as_bytes().to_vec();
            padded.extend_from_slice(b"-xyz\0\0\0\0\0\0\0\0");
            assert_eq!(filter_slot(&padded, w.len()), word_slot(w.as_bytes()), "{w}");
        }
        assert_ne!(word_slot("россия".as_bytes()), word_slot("россии".as_bytes()));
    }

    #[test]
    fn multiword_agreement() {
        let f = forms("Республика Таджикистан");
        assert!(f.contains(&"республики таджикистан".to_string()));
        assert!(!f.contains(&"республики таджикистана".to_string()));
        let f = forms("Соединённые Штаты Америки");
        assert!(f.contains(&"соединенных штатов америки".to_string()));
        let f = forms("Организация Объединённых Наций");
        assert!(f.contains(&"организации объединенных наций".to_string()));
        let f = forms("Папуа — Новая Гвинея");
        assert!(f.contains(&"папуа - новой гвинее".to_string()));
        let f = forms("Босния и Герцеговина");
        assert!(f.contains(&"боснии и герцеговины".to_string()));
        let f = forms("Соединённое Королевство Великобритании и Северной Ирландии");
        assert!(f.contains(&"соединенного королевства великобритании и северной ирландии".to_string()));
        let f = forms("Исполнительный комитет СНГ");
        assert!(f.contains(&"исполнительного комитета снг".to_string()));
    }
}
