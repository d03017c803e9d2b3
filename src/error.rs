//! Errors of the crate. Extraction itself never fails; only loading custom
//! gazetteers and parsing options can.

use std::fmt;
use std::path::PathBuf;

/// An error from building an [`Extractor`](crate::Extractor) or a
/// [`Gazetteer`](crate::Gazetteer).
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A gazetteer file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A gazetteer row is malformed.
    Gazetteer {
        /// The file (or the embedded table's name).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// An option value is invalid (for example a reference date).
    Option(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Gazetteer { file, line, message } => write!(f, "{file}:{line}: {message}"),
            Error::Option(m) => write!(f, "invalid option: {m}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, Error>;
