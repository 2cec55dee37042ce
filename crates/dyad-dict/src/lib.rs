//! dyad's dictionaries (API skeleton; the parser is being written).
#![deny(missing_docs)]

use std::path::{Path, PathBuf};

use dyad_text::Lexicon;

/// A problem found in a dictionary file, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DictDiagnostic {
    /// File name as given to the builder.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for DictDiagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Errors building dictionaries.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// One or more entries are invalid.
    #[error("{} error(s) in dictionaries, first: {}", .0.len(), .0[0])]
    Invalid(Vec<DictDiagnostic>),
}

/// Collects dictionary sources, then compiles them.
#[derive(Debug, Default)]
pub struct DictionariesBuilder {
    sources: Vec<(String, String)>,
}

impl DictionariesBuilder {
    /// An empty builder.
    pub fn new() -> DictionariesBuilder {
        DictionariesBuilder::default()
    }
    /// Adds the compiled-in default dictionaries.
    pub fn with_defaults(self) -> DictionariesBuilder {
        self
    }
    /// Adds every dictionary file under `dir` (recursively, sorted by path).
    pub fn add_dir(&mut self, dir: &Path) -> Result<&mut DictionariesBuilder, Error> {
        let _ = dir;
        Ok(self)
    }
    /// Adds one dictionary source; its kind comes from `name`'s extension.
    pub fn add_source(&mut self, name: &str, text: &str) -> &mut DictionariesBuilder {
        self.sources.push((name.to_string(), text.to_string()));
        self
    }
    /// Parses everything and returns every problem found (empty when valid).
    pub fn check(&self, lexicon: &Lexicon) -> Vec<DictDiagnostic> {
        let _ = lexicon;
        Vec::new()
    }
    /// Compiles the dictionaries; fails when any entry is invalid.
    pub fn build(&self, lexicon: &Lexicon) -> Result<Dictionaries, Error> {
        let _ = lexicon;
        Ok(Dictionaries {})
    }
}

/// Compiled, immutable dictionaries; share them across threads by reference.
#[derive(Debug)]
pub struct Dictionaries {}
