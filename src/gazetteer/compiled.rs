//! The embedded gazetteers compiled ahead of time.
//!
//! Expanding every name into its case forms and building the trie is most
//! of a cold start (about 200M instructions). This module writes what a
//! build of the embedded tables produces (entities, agencies, terms, the
//! city index and the trie) as flat bytes, committed as
//! `gazetteers/compiled.bin`, and reads them back with no expansion at all.
//!
//! The bytes are a cache, never a second source of truth: they carry a hash
//! of everything they were made from — the embedded tables and the source
//! of the code that reads and expands them. When any of these changes the
//! hash no longer matches, [`embedded`] declines and the tables are built
//! from text as before (same result, slower start), and the test
//! `compiled_gazetteer_is_fresh` fails until the file is written again:
//!
//! ```text
//! DIPNEWS_BLESS=1 cargo test --lib compiled_gazetteer_is_fresh
//! ```

use super::hash::{FxHashMap, FxHashSet, FxHasher};
use super::matcher::{Stored, Trie, U32s, STARTER_WORDS};
use super::{Agency, Entity, EntityId, EntityKind, Gazetteer, Office, Table, Term};
use crate::record::MentionForm;
use crate::text::PartsSplitter;
use std::borrow::Cow;
use std::hash::Hasher;

/// The compiled embedded gazetteers.
static COMPILED: &[u8] = include_bytes!("../../gazetteers/compiled.bin");

/// Marks the file's layout (the layout itself is covered by the hash of
/// this file's source).
const MAGIC: &[u8; 8] = b"DIPGAZ02";

/// The source of the code whose output the file holds: a change to any of
/// it invalidates the file.
const SOURCES: [&str; 7] = [
    include_str!("mod.rs"),
    include_str!("matcher.rs"),
    include_str!("inflect.rs"),
    include_str!("load.rs"),
    include_str!("compiled.rs"),
    include_str!("../text/normalize.rs"),
    include_str!("../text/tokenize.rs"),
];

/// The hash of the embedded tables and [`SOURCES`].
fn inputs_hash() -> u64 {
    let mut h = FxHasher::default();
    for text in Table::ALL.iter().map(|t| t.embedded()).chain(SOURCES) {
        h.write_usize(text.len());
        h.write(text.as_bytes());
    }
    // The mention forms are written as indices: their order counts too.
    for f in MentionForm::ALL {
        h.write(f.as_str().as_bytes());
    }
    h.finish()
}

/// Whether `sources` are exactly the embedded tables, in build order.
pub(super) fn only_embedded(sources: &[(Table, String, String)]) -> bool {
    sources.len() == Table::ALL.len()
        && sources.iter().zip(Table::ALL).all(|((t, _, text), e)| *t == e && text == e.embedded())
}

/// The embedded gazetteers read from the compiled file, when it was made
/// from the tables and code of this build (else `None`: compile them).
/// The parts splitter is left for the caller.
pub(super) fn embedded() -> Option<Gazetteer> {
    read(COMPILED, inputs_hash())
}

/// The bytes of a built gazetteer (its splitter aside), for the file.
#[cfg(test)]
fn write(g: &Gazetteer, hash: u64) -> Vec<u8> {
    let mut o = Out(Vec::with_capacity(1 << 20), String::new(), Default::default());
    o.len(g.entities.len());
    for e in &g.entities {
        o.u8(e.kind as u8);
        o.str(&e.id);
        o.opt_str(e.wikidata.as_deref());
        o.str(&e.name);
        o.opt_str(e.country.as_deref());
        o.u32(e.parent.map_or(u32::MAX, |p| p.0));
    }
    o.len(g.agencies.len());
    for a in &g.agencies {
        o.str(&a.id);
        o.str(&a.country);
        o.str(&a.name);
        o.len(a.variants.len());
        a.variants.iter().for_each(|v| o.str(v));
    }
    let mut cities: Vec<(&String, &u32)> = g.city_by_name.iter().collect();
    cities.sort();
    o.len(cities.len());
    for (name, &i) in cities {
        o.str(name);
        o.u32(i);
    }
    o.u32s(&g.capitals);
    o.len(g.terms.len());
    for t in &g.terms {
        o.u32(t.official.0);
        o.u8(t.office as u8);
        o.u32(t.start as u32);
        o.u32(t.end.map_or(u32::MAX, |e| e as u32));
    }
    o.len(g.agency_spellings);
    write_trie(&mut o, &g.trie);
    // The strings first, so that the reader checks them as UTF-8 at once.
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&hash.to_le_bytes());
    bytes.extend_from_slice(&(o.1.len() as u32).to_le_bytes());
    bytes.extend_from_slice(o.1.as_bytes());
    bytes.extend_from_slice(&o.0);
    bytes
}

#[cfg(test)]
fn write_trie(o: &mut Out, t: &Trie) {
    o.len(t.starters.len());
    t.starters.iter().for_each(|&w| o.u64(w));
    o.u32s(&t.short_starters);
    o.len(t.text.len());
    o.0.extend_from_slice(&t.text);
    for v in [&t.ends, &t.first, &t.slots, &t.child_start, &t.child_words, &t.child_nodes, &t.term_start, &t.term_ids] {
        o.len(v.len());
        o.0.extend_from_slice(&v.0);
    }
    // The variants by column: their exact tokens and capitals are ranges
    // of shared arrays, each starting where the previous variant's ended.
    o.u32s(&t.variants.iter().map(|v| v.entity).collect::<Vec<_>>());
    o.u32s(&t.variants.iter().map(|v| v.exact.1).collect::<Vec<_>>());
    o.u32s(&t.variants.iter().map(|v| v.capitals.1).collect::<Vec<_>>());
    for v in &t.variants {
        o.u8(MentionForm::ALL.iter().position(|f| *f == v.form).unwrap_or(0) as u8);
        o.u8(u8::from(v.capital) | u8::from(v.compound) << 1);
    }
    o.str(&t.exact_text);
    o.u32s(&t.exact_ends);
    o.len(t.capitals.len());
    t.capitals.iter().for_each(|&c| o.u8(u8::from(c)));
}

/// Reads what [`write`] wrote, if its hash is `hash`. Any defect gives
/// `None` (the caller then compiles the tables): never a panic.
pub(super) fn read(bytes: &'static [u8], hash: u64) -> Option<Gazetteer> {
    let mut r = In(bytes.strip_prefix(MAGIC)?, "");
    if r.u64()? != hash {
        return None;
    }
    let n = r.len()?;
    // One check for every string (one per string was a tenth of a start).
    r.1 = std::str::from_utf8(r.take(n)?).ok()?;
    let n = r.len()?;
    let mut entities = Vec::with_capacity(n);
    let mut by_key = FxHashMap::default();
    for i in 0..n {
        let kind = kind_of(r.u8()?)?;
        let e = Entity {
            kind,
            id: r.str()?.into(),
            wikidata: r.opt_str()?.map(String::from),
            name: r.str()?.into(),
            country: r.opt_str()?.map(String::from),
            parent: r.opt_u32()?.map(EntityId),
        };
        if kind == EntityKind::State {
            by_key.insert((kind as u8, e.id.clone()), i as u32);
        }
        entities.push(e);
    }
    let n = r.len()?;
    let mut agencies = Vec::with_capacity(n);
    for _ in 0..n {
        let (id, country, name) = (r.str()?.into(), r.str()?.into(), r.str()?.into());
        let k = r.len()?;
        let variants = (0..k).map(|_| r.str().map(String::from)).collect::<Option<_>>()?;
        agencies.push(Agency { id, country, name, variants });
    }
    let n = r.len()?;
    let mut city_by_name = FxHashMap::default();
    city_by_name.reserve(n);
    for _ in 0..n {
        city_by_name.insert(r.str()?.to_string(), r.u32()?);
    }
    let capitals = r.u32s()?;
    let n = r.len()?;
    let mut terms = Vec::with_capacity(n);
    for _ in 0..n {
        let official = EntityId(r.u32()?);
        let office = office_of(r.u8()?)?;
        let start = r.u32()? as i32;
        let end = r.opt_u32()?.map(|e| e as i32);
        terms.push(Term { official, office, start, end });
    }
    let agency_spellings = r.len()?;
    let trie = read_trie(&mut r)?;
    let valid = |i: u32| (i as usize) < entities.len();
    let consistent = r.0.is_empty()
        && entities.iter().all(|e| e.parent.is_none_or(|p| valid(p.0)))
        && city_by_name.values().all(|&i| valid(i))
        && capitals.iter().all(|&i| valid(i))
        && terms.iter().all(|t| valid(t.official.0))
        && trie.variants.iter().all(|v| valid(v.entity));
    consistent.then(|| Gazetteer {
        entities,
        agencies,
        trie,
        by_key,
        city_by_name,
        capital_set: capitals.iter().copied().collect::<FxHashSet<u32>>(),
        capitals,
        agency_keys: Vec::new(),
        terms,
        pending: Vec::new(),
        countries_used: Vec::new(),
        agency_spellings,
        splitter: PartsSplitter::unbuilt(),
    })
}

fn read_trie(r: &mut In<'static>) -> Option<Trie> {
    let n = r.len()?;
    let starters = (0..n).map(|_| r.u64()).collect::<Option<Vec<u64>>>()?;
    let short_starters = r.u32s()?;
    let n = r.len()?;
    // Used where they are: no decoding, no copy.
    let text = Cow::Borrowed(r.take(n)?);
    let (ends, first, slots) = (r.array()?, r.array()?, r.array()?);
    let (child_start, child_words, child_nodes) = (r.array()?, r.array()?, r.array()?);
    let (term_start, term_ids) = (r.array()?, r.array()?);
    let (entity, exact_end, caps_end) = (r.u32s()?, r.u32s()?, r.u32s()?);
    let n = entity.len();
    if exact_end.len() != n || caps_end.len() != n {
        return None;
    }
    let heads = r.take(n.checked_mul(2)?)?;
    let (mut exact, mut caps) = (0, 0);
    let mut variants = Vec::with_capacity(n);
    for (((&entity, &e), &c), head) in entity.iter().zip(&exact_end).zip(&caps_end).zip(heads.chunks_exact(2)) {
        variants.push(Stored {
            entity,
            form: *MentionForm::ALL.get(head[0] as usize)?,
            capital: head[1] & 1 != 0,
            compound: head[1] & 2 != 0,
            exact: (exact, e),
            capitals: (caps, c),
        });
        (exact, caps) = (e, c);
    }
    let exact_text = r.str()?.to_string();
    let exact_ends = r.u32s()?;
    let n = r.len()?;
    let capitals = r.take(n)?.iter().map(|&b| b != 0).collect();
    let mut t = Trie {
        starters,
        short_starters,
        short_table: Vec::new(),
        text,
        ends,
        first,
        slots,
        child_start,
        child_words,
        child_nodes,
        term_start,
        term_ids,
        variants,
        exact_text,
        exact_ends,
        capitals,
    };
    if !well_formed(&t) {
        return None;
    }
    t.index_short_starters();
    Some(t)
}

/// Whether every index of `t` is in bounds and every lookup ends, so that
/// matching cannot panic or loop whatever the bytes were.
fn well_formed(t: &Trie) -> bool {
    // Folds without an early exit: the loops vectorize (`all` did not, and
    // was an eighth of a start).
    fn every(v: &U32s, ok: impl Fn(u32) -> bool) -> bool {
        v.iter().fold(true, |all, x| all & ok(x))
    }
    fn ascending(v: &U32s, last: usize) -> bool {
        let (ok, _) = v.iter().fold((true, 0), |(ok, prev), x| (ok & (prev <= x), x));
        ok && v.len() > 0 && v.at(v.len() - 1) == last as u32
    }
    let nodes = t.term_start.len().saturating_sub(1) as u32;
    let words = t.ends.len() as u32;
    // Each variant's ranges start where the previous one's ended.
    let ranges = t.variants.iter().fold(true, |all, v| all & (v.exact.0 <= v.exact.1) & (v.capitals.0 <= v.capitals.1));
    let last = t.variants.last().map_or((0, 0), |v| (v.exact.1 as usize, v.capitals.1 as usize));
    nodes > 0
        && t.starters.len() == STARTER_WORDS
        && (t.ends.len() == 0 || ascending(&t.ends, t.text.len()))
        && t.first.len() == t.ends.len()
        && every(&t.first, |f| f == u32::MAX || f < nodes)
        && t.slots.len().is_power_of_two()
        && t.slots.iter().any(|s| s == 0)
        && every(&t.slots, |s| s <= words)
        && t.child_start.len() == t.term_start.len()
        && ascending(&t.child_start, t.child_words.len())
        && t.child_nodes.len() == t.child_words.len()
        && every(&t.child_nodes, |c| c < nodes)
        && ascending(&t.term_start, t.term_ids.len())
        && every(&t.term_ids, |v| (v as usize) < t.variants.len())
        && ranges
        && last.0 <= t.exact_ends.len()
        && last.1 <= t.capitals.len()
}

fn kind_of(code: u8) -> Option<EntityKind> {
    use EntityKind::*;
    [State, Organization, City, Region, Seat, Official, Abbreviation].into_iter().find(|&k| k as u8 == code)
}

fn office_of(code: u8) -> Option<Office> {
    use Office::*;
    [HeadOfState, HeadOfGovernment, ForeignMinister].into_iter().find(|&o| o as u8 == code)
}

/// Little-endian output: the numbers, and the strings apart (a string
/// is its start and length in them).
#[cfg(test)]
struct Out(Vec<u8>, String, std::collections::HashMap<String, u32>);

#[cfg(test)]
impl Out {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn len(&mut self, n: usize) {
        self.u32(n as u32);
    }
    /// A string written once however often it is used (the fewer bytes
    /// to check as UTF-8 at load, the sooner a start).
    fn str(&mut self, s: &str) {
        let start = match self.2.get(s) {
            Some(&start) => start,
            None => {
                let start = self.1.len() as u32;
                self.1.push_str(s);
                self.2.insert(s.to_string(), start);
                start
            }
        };
        self.u32(start);
        self.len(s.len());
    }
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.u32(u32::MAX),
        }
    }
    fn u32s(&mut self, v: &[u32]) {
        self.len(v.len());
        v.iter().for_each(|&x| self.u32(x));
    }
}

impl In<'static> {
    /// `u32`s left where they are.
    fn array(&mut self) -> Option<U32s> {
        let n = self.u32()? as usize;
        Some(U32s(Cow::Borrowed(self.take(n.checked_mul(4)?)?)))
    }
}

/// Reading [`Out`]'s bytes (and strings, once read); `None` past the end
/// or off a character boundary.
struct In<'a>(&'a [u8], &'a str);

impl<'a> In<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    /// A count: at most what the rest of the bytes could hold, so that a
    /// damaged count allocates nothing huge.
    fn len(&mut self) -> Option<usize> {
        let n = self.u32()? as usize;
        (n <= self.0.len()).then_some(n)
    }
    fn opt_u32(&mut self) -> Option<Option<u32>> {
        self.u32().map(|v| (v != u32::MAX).then_some(v))
    }
    fn str(&mut self) -> Option<&'a str> {
        self.opt_str()?
    }
    fn opt_str(&mut self) -> Option<Option<&'a str>> {
        let start = self.u32()?;
        if start == u32::MAX {
            return Some(None);
        }
        let n = self.u32()? as usize;
        self.1.get(start as usize..(start as usize).checked_add(n)?).map(Some)
    }
    fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.u32()? as usize;
        let bytes = self.take(n.checked_mul(4)?)?;
        // Filled in place rather than collected: the loop vectorizes.
        let mut out = vec![0u32; n];
        for (o, c) in out.iter_mut().zip(bytes.chunks_exact(4)) {
            *o = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::GazetteerBuilder;

    /// The embedded tables built from text, the slow way.
    fn from_text() -> Gazetteer {
        let mut b = GazetteerBuilder::new();
        for t in Table::ALL {
            b = b.add_table(t, format!("<embedded>/{}", t.file_name()), t.embedded());
        }
        b.compile().expect("the embedded gazetteers are valid")
    }

    #[test]
    fn compiled_gazetteer_is_fresh() {
        let bytes = write(&from_text(), inputs_hash());
        if bytes != COMPILED {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/gazetteers/compiled.bin");
            if std::env::var_os("DIPNEWS_BLESS").is_some() {
                // This build still holds the old file: the next one loads
                // the new.
                std::fs::write(path, &bytes).expect("writes the compiled gazetteers");
                return;
            } else {
                panic!(
                    "{path} is stale (the embedded tables or the code that expands them changed); \
                     write it again: DIPNEWS_BLESS=1 cargo test --lib compiled_gazetteer_is_fresh"
                );
            }
        }
        assert!(embedded().is_some(), "the compiled gazetteers load");
    }

    #[test]
    fn reading_gives_back_what_was_written() {
        let g = from_text();
        let bytes = write(&g, 7);
        let bytes: &'static [u8] = bytes.leak();
        let back = read(bytes, 7).expect("reads");
        assert_eq!(write(&back, 7), bytes);
        assert_eq!(back.entities, g.entities);
        assert_eq!(back.agencies, g.agencies);
        assert_eq!(back.terms, g.terms);
        assert_eq!(back.by_key, g.by_key);
        // Another hash, a cut or a damaged byte: no gazetteer, no panic.
        assert!(read(bytes, 8).is_none());
        for cut in [0, 9, 100, bytes.len() / 2, bytes.len() - 1] {
            assert!(read(&bytes[..cut], 7).is_none(), "cut at {cut}");
        }
        let mut damaged = bytes.to_vec();
        damaged[20] ^= 0xff;
        let _ = read(damaged.leak(), 7);
    }
}
