//! Nothing here: see `benches/deps.rs`.
