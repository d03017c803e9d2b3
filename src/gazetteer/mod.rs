//! Gazetteers: the states, organizations, cities and agencies dipnews
//! knows, with every inflected form of their names, and the matcher that
//! finds them in a document.
//!
//! The tables are TSV files in the crate's `gazetteers/` folder, embedded at
//! compile time; [`GazetteerBuilder::add_dir`] adds a folder of your own
//! (same file names and columns) on top of them.
//!
//! ```
//! use dipnews::Gazetteer;
//! let g = Gazetteer::embedded();
//! let text = "Министр иностранных дел Республики Таджикистан встретился с послом Гвинеи-Бисау.";
//! let found: Vec<(&str, &str)> = g.find(text).iter().map(|m| (g.entity(m.entity).id.as_str(), &text[m.span.start..m.span.end])).collect();
//! assert_eq!(found, [("TJ", "Республики Таджикистан"), ("GW", "Гвинеи-Бисау")]);
//! ```

mod compiled;
pub(crate) mod hash;
pub mod inflect;
mod load;
mod matcher;

use crate::error::{Error, Result};
use crate::record::{MentionForm, Place, Span};
use crate::text::{Document, PartsSplitter};
use hash::{FxHashMap, FxHashSet};
use matcher::{Entry, RawMatch, Trie, TrieBuilder};
use once_cell::sync::Lazy;
use std::path::Path;
use std::sync::Arc;

/// Room for the raw matches of [`Gazetteer::find_into`], kept from call
/// to call.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    raw: Vec<RawMatch>,
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// A sovereign state.
    State,
    /// An intergovernmental organization or one of its bodies.
    Organization,
    /// A city.
    City,
    /// A region that is no state («Латинская Америка», «Корейский
    /// полуостров»): matched only so that its words are not read as a state.
    Region,
    /// A named seat of government or state residence («Кремль», «Акорда»):
    /// read only as a venue, for the city it stands in (its `parent`).
    Seat,
    /// A head of state or government or a foreign minister (`country` is
    /// the state, [`Gazetteer::terms`] the offices held): found by name,
    /// counted for the state whose office they held at the time of the text.
    Official,
    /// An abbreviation that names a state only in some articles (РК is
    /// Kazakhstan or Республика Коми): `country` is the state it may name.
    Abbreviation,
}

/// An office an [`EntityKind::Official`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Office {
    /// President, monarch, or the like.
    HeadOfState,
    /// Prime minister, chancellor, chairman of the government.
    HeadOfGovernment,
    /// Minister of foreign affairs, secretary of state.
    ForeignMinister,
}

/// One term in office of an official (years; `end` is `None` while in
/// office).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// The official (an entity of kind [`EntityKind::Official`]).
    pub official: EntityId,
    /// The office.
    pub office: Office,
    /// First year in office.
    pub start: i32,
    /// Last year in office; `None` while in office.
    pub end: Option<i32>,
}

impl Term {
    /// Whether the office was held at some time in `year`.
    pub fn covers(&self, year: i32) -> bool {
        self.start <= year && self.end.is_none_or(|e| year <= e)
    }
}

/// Index of an entity in its [`Gazetteer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(pub u32);

/// One known state, organization, city or region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// ISO code for a state, table id for an organization, the Wikidata id
    /// of a city (`name/country` when it has none), the name for a region.
    pub id: String,
    /// Wikidata id, when known.
    pub wikidata: Option<String>,
    /// Nominative Russian name.
    pub name: String,
    /// A city's country (ISO alpha-2).
    pub country: Option<String>,
    /// For an organization's body: the organization; for a seat of
    /// government: its city.
    pub parent: Option<EntityId>,
}

/// A news agency and the ways datelines name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    /// Id (`TASS`, `KHOVAR`).
    pub id: String,
    /// Its country (ISO alpha-2).
    pub country: String,
    /// Its Russian name.
    pub name: String,
    /// Spellings seen in datelines.
    pub variants: Vec<String>,
}

/// One name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Byte span in the input.
    pub span: Span,
    /// The entity named.
    pub entity: EntityId,
    /// What the entity is (state, organization, city, region).
    pub kind: EntityKind,
    /// Name, adjective, body or official.
    pub form: MentionForm,
    /// Tokens `[first, last)` of the document the match covers, as `u32`
    /// (texts are tokenized up to `text::MAX_TEXT` bytes): 32 bytes a match
    /// rather than 40 (long news holds a match every 100 bytes or so, all
    /// through the rules). [`Match::first_token`] and [`Match::end_token`]
    /// read them as indices.
    pub tokens: (u32, u32),
}

impl Match {
    /// The first token the match covers.
    #[inline]
    pub fn first_token(&self) -> usize {
        self.tokens.0 as usize
    }

    /// The token after the last one the match covers.
    #[inline]
    pub fn end_token(&self) -> usize {
        self.tokens.1 as usize
    }
}

/// The tables a gazetteer is built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Table {
    /// `states.tsv`: iso2, wikidata, name, names, adjectives.
    States,
    /// `organizations.tsv`: id, wikidata, name, parent, names.
    Organizations,
    /// `cities.tsv`: name, wikidata, country, kind, aliases.
    Cities,
    /// `agencies.tsv`: id, country, name, variants.
    Agencies,
    /// `regions.tsv`: name, names.
    Regions,
    /// `seats.tsv`: name, city, names (after the cities, which it names).
    Seats,
    /// `officials.tsv`: iso2, office, start, end, name, surname, alone,
    /// patronymic, sex, forms, wikidata.
    Officials,
}

impl Table {
    /// Every table, in build order.
    pub const ALL: [Table; 7] = [
        Table::States,
        Table::Organizations,
        Table::Cities,
        Table::Agencies,
        Table::Regions,
        Table::Seats,
        Table::Officials,
    ];

    /// The table's file name.
    pub fn file_name(self) -> &'static str {
        match self {
            Table::States => "states.tsv",
            Table::Organizations => "organizations.tsv",
            Table::Cities => "cities.tsv",
            Table::Agencies => "agencies.tsv",
            Table::Regions => "regions.tsv",
            Table::Seats => "seats.tsv",
            Table::Officials => "officials.tsv",
        }
    }

    fn embedded(self) -> &'static str {
        match self {
            Table::States => include_str!("../../gazetteers/states.tsv"),
            Table::Organizations => include_str!("../../gazetteers/organizations.tsv"),
            Table::Cities => include_str!("../../gazetteers/cities.tsv"),
            Table::Agencies => include_str!("../../gazetteers/agencies.tsv"),
            Table::Regions => include_str!("../../gazetteers/regions.tsv"),
            Table::Seats => include_str!("../../gazetteers/seats.tsv"),
            Table::Officials => include_str!("../../gazetteers/officials.tsv"),
        }
    }
}

/// Builds a [`Gazetteer`] from the embedded tables and/or your own.
///
/// ```
/// use dipnews::gazetteer::{GazetteerBuilder, Table};
/// use dipnews::{EntityKind, Extractor};
/// use std::sync::Arc;
/// # fn main() -> Result<(), dipnews::Error> {
/// // A gazetteer that knows one state only: a header, then rows.
/// let header = "iso2\twikidata\tname\tnames\tadjectives\n";
/// let row = "TJ\tQ863\tТаджикистан\tТаджикистан\tтаджикский\n";
/// let g = GazetteerBuilder::new().add_table(Table::States, "mine.tsv", format!("{header}{row}")).build()?;
/// let found = g.find("Делегация Таджикистана прибыла.");
/// assert_eq!(found.len(), 1);
/// assert_eq!(g.entity(found[0].entity).kind, EntityKind::State);
/// let ex = Extractor::builder().gazetteer(Arc::new(g)).build();
/// assert_eq!(ex.extract("Делегация Таджикистана прибыла.").states[0].iso2, "TJ");
///
/// // A malformed row is an error naming the file and the line.
/// let bad = GazetteerBuilder::new().add_table(Table::States, "bad.tsv", format!("{header}TJ\tQ863\n")).build();
/// assert!(matches!(bad, Err(dipnews::Error::Gazetteer { line: 2, .. })));
/// # Ok(())
/// # }
/// ```
///
/// ```no_run
/// use dipnews::gazetteer::GazetteerBuilder;
/// let g = GazetteerBuilder::new().embedded().add_dir("my-gazetteers")?.build()?;
/// # Ok::<(), dipnews::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct GazetteerBuilder {
    sources: Vec<(Table, String, String)>,
}

impl GazetteerBuilder {
    /// An empty builder (no tables at all).
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Adds the tables embedded in the crate.
    pub fn embedded(mut self) -> GazetteerBuilder {
        for t in Table::ALL {
            self.sources.push((t, format!("<embedded>/{}", t.file_name()), t.embedded().to_string()));
        }
        self
    }

    /// Adds a table from text; `file` names it in error messages.
    pub fn add_table(mut self, table: Table, file: impl Into<String>, text: impl Into<String>) -> GazetteerBuilder {
        self.sources.push((table, file.into(), text.into()));
        self
    }

    /// Adds every table file (`states.tsv`, `organizations.tsv`,
    /// `cities.tsv`, `agencies.tsv`, `regions.tsv`, `seats.tsv`,
    /// `officials.tsv`) found in `dir`. Rows
    /// whose id is already known add names to that entity; new ids add
    /// entities.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when `dir` is not a directory or a table cannot be
    /// read; [`Error::Gazetteer`] when a table is not UTF-8.
    pub fn add_dir(mut self, dir: impl AsRef<Path>) -> Result<GazetteerBuilder> {
        let dir = dir.as_ref();
        if !dir.is_dir() {
            return Err(Error::Io {
                path: dir.to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "not a directory"),
            });
        }
        for t in Table::ALL {
            let path = dir.join(t.file_name());
            if !path.exists() {
                continue;
            }
            // A FIFO or a device would block the read (or never end): only
            // regular files are tables. Checked before opening, which
            // itself blocks on a FIFO.
            let meta = std::fs::metadata(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
            if !meta.is_file() {
                return Err(Error::Io {
                    path,
                    source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file"),
                });
            }
            let bytes = std::fs::read(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
            let text = String::from_utf8(bytes).map_err(|e| {
                let valid = e.utf8_error().valid_up_to();
                let line = e.as_bytes()[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
                Error::Gazetteer { file: path.display().to_string(), line, message: "not valid UTF-8".into() }
            })?;
            self.sources.push((t, path.display().to_string(), text));
        }
        Ok(self)
    }

    /// Compiles the tables.
    ///
    /// # Errors
    ///
    /// [`Error::Gazetteer`] naming the file and line of a malformed row.
    pub fn build(self) -> Result<Gazetteer> {
        // The embedded tables alone load ready-made (see `compiled`);
        // anything else is compiled here, by the same code that made them.
        let ready = if compiled::only_embedded(&self.sources) { compiled::embedded() } else { None };
        match ready {
            Some(g) => g.finish(false),
            None => self.compile()?.finish(true),
        }
    }

    /// Reads the tables and expands every name into the trie: all of the
    /// gazetteer but its agency keys and parts splitter.
    fn compile(&self) -> Result<Gazetteer> {
        let mut g = Gazetteer {
            entities: Vec::new(),
            agencies: Vec::new(),
            trie: Trie::default(),
            by_key: FxHashMap::default(),
            city_by_name: FxHashMap::default(),
            capitals: Vec::new(),
            agency_keys: Vec::new(),
            terms: Vec::new(),
            pending: Vec::new(),
            capital_set: FxHashSet::default(),
            countries_used: Vec::new(),
            agency_spellings: 0,
            // Replaced once the agencies are known.
            splitter: PartsSplitter::unbuilt(),
        };
        for (table, file, text) in &self.sources {
            g.load(*table, file, text)?;
        }
        for (file, line, code) in std::mem::take(&mut g.countries_used) {
            if g.state(&code).is_none() {
                let message = format!("unknown country {code:?} (not in the states table)");
                return Err(Error::Gazetteer { file, line, message });
            }
        }
        g.by_key.retain(|&(kind, _), _| kind == EntityKind::State as u8);
        g.expand_pending();
        Ok(g)
    }
}

impl Gazetteer {
    /// What the agencies give: the normal form of every spelling, and the
    /// parts splitter that finds them in datelines. With `check`, its
    /// patterns compile now, so that agency names too many or too long for
    /// them are an error here; the embedded ones are known to compile and
    /// wait for the first line that may open a dateline.
    fn finish(mut self, check: bool) -> Result<Gazetteer> {
        let mut keys = FxHashSet::default();
        for (a, agency) in self.agencies.iter().enumerate() {
            for v in agency.variants.iter().chain([&agency.name]) {
                let key = crate::text::normalize(crate::text::agency_spelling(v));
                if key.chars().count() >= 2 && keys.insert((a, key.clone())) {
                    self.agency_keys.push((a, key));
                }
            }
        }
        let spellings = self.agencies.iter().flat_map(|a| a.variants.iter().chain([&a.name]));
        let splitter = PartsSplitter::new(spellings.map(String::as_str));
        self.splitter =
            splitter.and_then(|s| if check { s.compile_now().map(|()| s) } else { Ok(s) }).map_err(|e| {
                Error::Gazetteer {
                    file: "agencies.tsv".into(),
                    line: 0,
                    message: format!("the agency names make the dateline patterns too big: {e}"),
                }
            })?;
        Ok(self)
    }
}

/// The compiled gazetteers: entities, agencies and the name matcher.
/// Build once and share: it is `Send + Sync` and read-only.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    agencies: Vec<Agency>,
    trie: Trie,
    /// (kind, id) → entity, for extending tables; once built, the states
    /// alone (all [`Gazetteer::state`] needs: the compiled tables then load
    /// a tenth of the keys).
    by_key: FxHashMap<(u8, String), u32>,
    /// Normal form of every city name and alias (nominative) → city.
    city_by_name: FxHashMap<String, u32>,
    /// Cities that are capitals.
    capitals: Vec<u32>,
    /// The normal form of every agency spelling (index into `agencies`),
    /// made once at build time.
    agency_keys: Vec<(usize, String)>,
    /// The officials' terms in office, grouped by official.
    terms: Vec<Term>,
    /// Names and adjectives read but not yet in the trie (while building).
    pending: Vec<Entry>,
    /// `capitals` as a set, for the build's lookups.
    capital_set: FxHashSet<u32>,
    /// Country codes rows refer to, with file and line: checked against
    /// the states once every table is read (while building).
    countries_used: Vec<(String, usize, String)>,
    /// Agency spellings read so far (while building).
    agency_spellings: usize,
    splitter: PartsSplitter,
}

/// Most agency spellings all tables may give (the embedded ones give
/// about 120).
const MAX_AGENCY_SPELLINGS: usize = 2000;

static DEFAULT: Lazy<Arc<Gazetteer>> =
    Lazy::new(|| Arc::new(GazetteerBuilder::new().embedded().build().expect("the embedded gazetteers are valid")));

impl Gazetteer {
    /// The embedded gazetteers, compiled once per process on first use and
    /// shared from then on.
    pub fn embedded() -> Arc<Gazetteer> {
        Arc::clone(&DEFAULT)
    }

    /// The entity with this id.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.0 as usize]
    }

    /// All entities.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// All agencies.
    pub fn agencies(&self) -> &[Agency] {
        &self.agencies
    }

    /// The organization a body belongs to (itself for a top organization).
    pub fn root(&self, id: EntityId) -> EntityId {
        let mut cur = id;
        for _ in 0..8 {
            match self.entity(cur).parent {
                Some(p) if p != cur => cur = p,
                _ => break,
            }
        }
        cur
    }

    /// The state with this ISO alpha-2 code.
    pub fn state(&self, iso2: &str) -> Option<EntityId> {
        self.by_key.get(&(EntityKind::State as u8, iso2.to_string())).map(|&i| EntityId(i))
    }

    /// The capital of the state with this ISO code (the first listed when
    /// a state has several).
    pub fn capital_of(&self, iso2: &str) -> Option<EntityId> {
        self.capitals
            .iter()
            .copied()
            .find(|&c| self.entities[c as usize].country.as_deref() == Some(iso2))
            .map(EntityId)
    }

    /// Whether a city is a capital.
    pub fn is_capital(&self, id: EntityId) -> bool {
        self.capitals.contains(&id.0)
    }

    /// The city whose nominative name or alias is `name` (any case); a
    /// capital when several cities share the name.
    pub fn city(&self, name: &str) -> Option<EntityId> {
        self.city_by_name.get(&crate::text::normalize(name.trim())).map(|&i| EntityId(i))
    }

    /// The city a seat of government stands in (the city itself for a
    /// city).
    pub fn seat_city(&self, id: EntityId) -> EntityId {
        match self.entity(id) {
            Entity { kind: EntityKind::Seat, parent: Some(city), .. } => *city,
            _ => id,
        }
    }

    /// The city as a [`Place`].
    pub fn place(&self, id: EntityId) -> Place {
        let e = self.entity(id);
        Place {
            name: e.name.clone(),
            wikidata: e.wikidata.clone(),
            country: e.country.clone().unwrap_or_else(|| e.id.clone()),
        }
    }

    /// The agency one of whose spellings occurs in `written`.
    pub fn agency(&self, written: &str) -> Option<&Agency> {
        let w = crate::text::normalize(written);
        // The longest spelling found wins; the first listed on a tie.
        let mut best: Option<(usize, usize)> = None;
        for (a, key) in &self.agency_keys {
            if contains_word(&w, key) && best.is_none_or(|(_, l)| key.len() > l) {
                best = Some((*a, key.len()));
            }
        }
        best.map(|(a, _)| &self.agencies[a])
    }

    /// The terms in office of an official (none for other entities).
    pub fn terms(&self, official: EntityId) -> impl Iterator<Item = &Term> + '_ {
        let a = self.terms.partition_point(|t| t.official < official);
        self.terms[a..].iter().take_while(move |t| t.official == official)
    }

    /// The parts splitter that knows this gazetteer's agencies.
    #[doc(hidden)]
    pub fn parts_splitter(&self) -> &PartsSplitter {
        &self.splitter
    }

    /// Finds every name in `text` (all of it, trailer included).
    pub fn find(&self, text: &str) -> Vec<Match> {
        let doc = Document::new(text, &self.splitter);
        self.find_in(&doc, 0, doc.tokens.len())
    }

    /// Finds names in tokens `[from, to)` of a document: the longest name at
    /// each position wins (Гвинея-Бисау over Гвинея). A name shared by a
    /// state and a city (Кувейт) gives one match for each.
    #[doc(hidden)]
    pub fn find_in(&self, doc: &Document, from: usize, to: usize) -> Vec<Match> {
        // Room for a name every 16 tokens, up to 1024 of them: the list
        // becomes the matches in place, capacity and all, and a long text
        // of no names («Да. Да. …») held 2.5 bytes a token for none.
        let mut raw: Vec<RawMatch> = Vec::with_capacity((to.saturating_sub(from) / 16).min(1 << 10));
        self.trie.find(doc, from, to, &mut raw);
        raw.into_iter().map(|r| self.match_of(r)).collect()
    }

    /// [`Gazetteer::find_in`], appended to `out`, with `scratch` for the
    /// raw matches: a caller matching span after span allocates once.
    pub(crate) fn find_into(
        &self,
        doc: &Document,
        from: usize,
        to: usize,
        scratch: &mut Scratch,
        out: &mut Vec<Match>,
    ) {
        scratch.raw.clear();
        self.trie.find(doc, from, to, &mut scratch.raw);
        out.extend(scratch.raw.iter().map(|&r| self.match_of(r)));
    }

    /// The match a raw match of the trie stands for.
    #[inline]
    fn match_of(&self, r: RawMatch) -> Match {
        let v = &self.trie.variants[r.variant as usize];
        let entity = EntityId(v.entity);
        Match {
            span: r.span,
            entity,
            kind: self.entity(entity).kind,
            form: v.form,
            tokens: (r.first as u32, r.last as u32),
        }
    }

    /// Expands every pending name into its forms (on all cores: most of the
    /// build is here) and inserts them in table order, so the result does
    /// not depend on the number of threads.
    fn expand_pending(&mut self) {
        let entries = std::mem::take(&mut self.pending);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
        let chunk = entries.len().div_ceil(threads).max(1);
        let expanded: Vec<Vec<(matcher::Form, matcher::Variant)>> = std::thread::scope(|s| {
            let handles: Vec<_> = entries
                .chunks(chunk)
                .map(|part| {
                    let work = move || part.iter().flat_map(matcher::expand).collect::<Vec<_>>();
                    match std::thread::Builder::new().spawn_scoped(s, work) {
                        Ok(h) => Err(h),
                        // No thread to be had: expand here.
                        Err(_) => Ok(part.iter().flat_map(matcher::expand).collect()),
                    }
                })
                .collect();
            handles
                .into_iter()
                .map(|h| match h {
                    Ok(done) => done,
                    Err(h) => h.join().unwrap_or_default(),
                })
                .collect()
        });
        let mut trie = TrieBuilder::new();
        for part in expanded {
            trie.add(part);
        }
        self.trie = trie.freeze();
    }

    fn add_entity(
        &mut self,
        kind: EntityKind,
        e: Entity,
        row: &load::Row,
        seen: &mut FxHashSet<String>,
    ) -> Result<(u32, bool)> {
        let key = (kind as u8, e.id.clone());
        // A set: the cities alone are thousands of rows.
        if !seen.insert(e.id.clone()) {
            return Err(row.error(format!("duplicate id {:?}", e.id)));
        }
        if let Some(&i) = self.by_key.get(&key) {
            return Ok((i, false));
        }
        let i = self.entities.len() as u32;
        self.entities.push(e);
        self.by_key.insert(key, i);
        Ok((i, true))
    }

    /// Queues a name of `row` for expansion, once it passes
    /// [`load::check_name`].
    fn push_name(&mut self, row: &load::Row, entry: Entry) -> Result<()> {
        let (Entry::Name { name: n, .. } | Entry::Adjective { adj: n, .. } | Entry::Person { name: n, .. }) = &entry;
        load::check_name(row, n)?;
        self.pending.push(entry);
        Ok(())
    }

    fn load(&mut self, table: Table, file: &str, text: &str) -> Result<()> {
        let mut seen: FxHashSet<String> = FxHashSet::default();
        match table {
            Table::States => {
                for row in load::parse(file, text, &["iso2", "wikidata", "name"])? {
                    let iso = row.required("iso2")?;
                    load::check_iso2(&row, iso)?;
                    let qid = row.required("wikidata")?;
                    load::check_qid(&row, qid)?;
                    let name = row.required("name")?;
                    let e = Entity {
                        kind: EntityKind::State,
                        id: iso.into(),
                        wikidata: Some(qid.into()),
                        name: name.into(),
                        country: Some(iso.into()),
                        parent: None,
                    };
                    let (i, _) = self.add_entity(EntityKind::State, e, &row, &mut seen)?;
                    for n in std::iter::once(name).chain(row.list("names")) {
                        self.push_name(&row, Entry::Name { entity: i, name: n.into(), form: MentionForm::Name })?;
                    }
                    for a in row.list("adjectives") {
                        self.push_name(&row, Entry::Adjective { entity: i, adj: a.into() })?;
                    }
                    let mut abbreviations = row.list("abbreviations").peekable();
                    if abbreviations.peek().is_some() {
                        let e = Entity { kind: EntityKind::Abbreviation, ..self.entities[i as usize].clone() };
                        let (a, _) = self.add_entity(EntityKind::Abbreviation, e, &row, &mut FxHashSet::default())?;
                        for n in abbreviations {
                            self.pending.push(Entry::Name { entity: a, name: n.into(), form: MentionForm::Name });
                        }
                    }
                }
            }
            Table::Officials => self.load_officials(file, text)?,
            Table::Organizations => {
                let rows = load::parse(file, text, &["id", "wikidata", "name"])?;
                let mut parents: Vec<(u32, String, usize)> = Vec::new();
                for row in &rows {
                    let id = row.required("id")?;
                    let qid = row.get("wikidata");
                    if !qid.is_empty() {
                        load::check_qid(row, qid)?;
                    }
                    let name = row.required("name")?;
                    let parent = row.get("parent");
                    let e = Entity {
                        kind: EntityKind::Organization,
                        id: id.into(),
                        wikidata: (!qid.is_empty()).then(|| qid.into()),
                        name: name.into(),
                        country: None,
                        parent: None,
                    };
                    let (i, _) = self.add_entity(EntityKind::Organization, e, row, &mut seen)?;
                    let form = if parent.is_empty() { MentionForm::Name } else { MentionForm::Body };
                    for n in std::iter::once(name).chain(row.list("names")) {
                        self.push_name(row, Entry::Name { entity: i, name: n.into(), form })?;
                    }
                    if !parent.is_empty() {
                        parents.push((i, parent.to_string(), row.line));
                    }
                }
                let mut parent_lines = Vec::new();
                for (i, p, line) in parents {
                    let pid =
                        self.by_key.get(&(EntityKind::Organization as u8, p.clone())).copied().ok_or_else(|| {
                            Error::Gazetteer {
                                file: file.to_string(),
                                line,
                                message: format!("unknown parent organization {p:?}"),
                            }
                        })?;
                    if pid == i {
                        return Err(Error::Gazetteer {
                            file: file.to_string(),
                            line,
                            message: format!("organization {p:?} is its own parent"),
                        });
                    }
                    self.entities[i as usize].parent = Some(EntityId(pid));
                    parent_lines.push((i, line));
                }
                // A cycle (A in B, B in A) would leave a body with no top
                // organization: walk up from each new body, at most once
                // around the table.
                for (i, line) in parent_lines {
                    let (mut cur, mut steps) = (i, 0);
                    while let Some(EntityId(p)) = self.entities[cur as usize].parent {
                        steps += 1;
                        if p == i || steps > self.entities.len() {
                            return Err(Error::Gazetteer {
                                file: file.to_string(),
                                line,
                                message: format!("organization {:?} is its own ancestor", self.entities[i as usize].id),
                            });
                        }
                        cur = p;
                    }
                }
            }
            Table::Cities => {
                for row in load::parse(file, text, &["name", "wikidata", "country"])? {
                    let name = row.required("name")?;
                    let qid = row.get("wikidata");
                    if !qid.is_empty() {
                        load::check_qid(&row, qid)?;
                    }
                    let country = row.required("country")?;
                    load::check_iso2(&row, country)?;
                    self.countries_used.push((file.to_string(), row.line, country.to_string()));
                    let capital = row.get("kind") == "capital";
                    let e = Entity {
                        kind: EntityKind::City,
                        id: if qid.is_empty() { format!("{name}/{country}") } else { qid.to_string() },
                        wikidata: (!qid.is_empty()).then(|| qid.into()),
                        name: name.into(),
                        country: Some(country.into()),
                        parent: None,
                    };
                    let (i, _) = self.add_entity(EntityKind::City, e, &row, &mut seen)?;
                    if capital && self.capital_set.insert(i) {
                        self.capitals.push(i);
                    }
                    for n in std::iter::once(name).chain(row.list("aliases")) {
                        self.push_name(&row, Entry::Name { entity: i, name: n.into(), form: MentionForm::Name })?;
                        // A capital wins a shared name (Веллингтон/NZ over Веллингтон/AU).
                        let plain = n.trim_start_matches(['=', '^']);
                        let slot = self.city_by_name.entry(crate::text::normalize(plain)).or_insert(i);
                        if capital && !self.capital_set.contains(slot) {
                            *slot = i;
                        }
                    }
                }
            }
            Table::Agencies => {
                for row in load::parse(file, text, &["id", "name"])? {
                    let id = row.required("id")?;
                    if !seen.insert(id.to_string()) {
                        return Err(row.error(format!("duplicate id {id:?}")));
                    }
                    let name = row.required("name")?;
                    let variants: Vec<String> = row.list("variants").map(String::from).collect();
                    for v in std::iter::once(name).chain(variants.iter().map(String::as_str)) {
                        load::check_name(&row, v)?;
                    }
                    // Every spelling becomes an alternative of the dateline
                    // patterns: past a few thousand they cannot compile.
                    self.agency_spellings += variants.len() + 1;
                    if self.agency_spellings > MAX_AGENCY_SPELLINGS {
                        return Err(
                            row.error(format!("too many agency spellings (more than {MAX_AGENCY_SPELLINGS} in all)"))
                        );
                    }
                    let country = row.get("country");
                    if !country.is_empty() {
                        load::check_iso2(&row, country)?;
                        self.countries_used.push((file.to_string(), row.line, country.to_string()));
                    }
                    match self.agencies.iter_mut().find(|a| a.id == id) {
                        Some(a) => a.variants.extend(variants),
                        None => self.agencies.push(Agency {
                            id: id.into(),
                            country: country.into(),
                            name: name.into(),
                            variants,
                        }),
                    }
                }
            }
            Table::Seats => {
                for row in load::parse(file, text, &["name", "city"])? {
                    let name = row.required("name")?;
                    let city = row.required("city")?;
                    let by_id = self.by_key.get(&(EntityKind::City as u8, city.to_string())).copied();
                    let city_id = by_id
                        .or_else(|| self.city(city).map(|c| c.0))
                        .ok_or_else(|| row.error(format!("unknown city {city:?} (not in cities.tsv)")))?;
                    let e = Entity {
                        kind: EntityKind::Seat,
                        id: format!("{name}/{}", self.entities[city_id as usize].id),
                        wikidata: None,
                        name: name.into(),
                        country: self.entities[city_id as usize].country.clone(),
                        parent: Some(EntityId(city_id)),
                    };
                    let (i, _) = self.add_entity(EntityKind::Seat, e, &row, &mut seen)?;
                    for n in std::iter::once(name).chain(row.list("names")) {
                        self.pending.push(Entry::Name { entity: i, name: n.into(), form: MentionForm::Name });
                    }
                }
            }
            Table::Regions => {
                for row in load::parse(file, text, &["name"])? {
                    let name = row.required("name")?;
                    let e = Entity {
                        kind: EntityKind::Region,
                        id: name.into(),
                        wikidata: None,
                        name: name.into(),
                        country: None,
                        parent: None,
                    };
                    let (i, _) = self.add_entity(EntityKind::Region, e, &row, &mut seen)?;
                    for n in std::iter::once(name).chain(row.list("names")) {
                        self.push_name(&row, Entry::Name { entity: i, name: n.into(), form: MentionForm::Name })?;
                    }
                }
            }
        }
        Ok(())
    }
}

impl Gazetteer {
    /// Reads `officials.tsv`: one row per term in office. Rows of the same
    /// person (state and name) make one official; the forms of the name are
    /// the full name, the name with the patronymic, the surname alone
    /// (unless `alone` is `no`) and with initials («Сергей Лавров», «Сергей
    /// Викторович Лавров», «Лавров», «С. Лавров», «С.В.Лавров»), and the
    /// `forms` listed.
    fn load_officials(&mut self, file: &str, text: &str) -> Result<()> {
        let rows = load::parse(file, text, &["iso2", "office", "start", "end", "name", "surname", "sex"])?;
        for row in &rows {
            let iso = row.required("iso2")?;
            load::check_iso2(row, iso)?;
            if self.state(iso).is_none() {
                return Err(row.error(format!("unknown state {iso:?}")));
            }
            let office = match row.required("office")? {
                "head_of_state" => Office::HeadOfState,
                "head_of_government" => Office::HeadOfGovernment,
                "foreign_minister" => Office::ForeignMinister,
                o => return Err(row.error(format!("unknown office {o:?}"))),
            };
            let year = |col: &str| -> Result<Option<i32>> {
                let v = row.get(col);
                if v.is_empty() {
                    return Ok(None);
                }
                // A year, or a date of which the year is used.
                v.get(..4)
                    .filter(|_| v.len() == 4 || v.as_bytes().get(4) == Some(&b'-'))
                    .and_then(|y| y.parse::<i32>().ok())
                    .map(Some)
                    .ok_or_else(|| row.error(format!("bad `{col}` {v:?} (expected YYYY or YYYY-MM-DD)")))
            };
            let start = year("start")?.ok_or_else(|| row.error("column `start` is empty".into()))?;
            let end = year("end")?;
            if end.is_some_and(|e| e < start) {
                return Err(row.error("the term ends before it starts".into()));
            }
            let female = match row.required("sex")? {
                "f" => true,
                "m" => false,
                x => return Err(row.error(format!("bad sex {x:?} (expected m or f)"))),
            };
            let name = row.required("name")?;
            let qid = row.get("wikidata");
            if !qid.is_empty() {
                load::check_qid(row, qid)?;
            }
            let e = Entity {
                kind: EntityKind::Official,
                id: format!("{iso}:{name}"),
                wikidata: (!qid.is_empty()).then(|| qid.into()),
                name: name.into(),
                country: Some(iso.into()),
                parent: None,
            };
            // A person has one row per term: no duplicate check here.
            let (i, new) = self.add_entity(EntityKind::Official, e, row, &mut FxHashSet::default())?;
            self.terms.push(Term { official: EntityId(i), office, start, end });
            if !new {
                continue;
            }
            let mut forms: Vec<String> = vec![name.to_string()];
            let surname = row.get("surname");
            let given = name.strip_suffix(surname).map(str::trim).filter(|g| !surname.is_empty() && !g.is_empty());
            // A common surname («Иванов») counts only with a first name or initials.
            if !surname.is_empty() && row.get("alone") != "no" {
                forms.push(surname.to_string());
            }
            if let Some(given) = given {
                let initial = |w: &str| w.chars().next().map(|c| format!("{c}.")).unwrap_or_default();
                forms.push(format!("{} {surname}", initial(given)));
                let patronymic = row.get("patronymic");
                if !patronymic.is_empty() {
                    forms.push(format!("{given} {patronymic} {surname}"));
                    forms.push(format!("{}{} {surname}", initial(given), initial(patronymic)));
                }
            }
            forms.extend(row.list("forms").map(String::from));
            for f in forms {
                self.pending.push(Entry::Person { entity: i, name: f, female });
            }
        }
        // Grouped by official, for `terms`.
        self.terms.sort_by_key(|t| (t.official, t.start));
        Ok(())
    }
}

fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(k, _)| {
        let before = hay[..k].chars().next_back();
        let after = hay[k + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
