//! Line-oriented parsing of dictionary sources into raw entries.

use chrono::NaiveDate;

use crate::DictDiagnostic;

/// What a file holds, from its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileKind {
    /// `.actors`
    Actors,
    /// `.agents`
    Agents,
    /// `.events`
    Events,
    /// `.synonyms`
    Synonyms,
    /// `.places`
    Places,
}

impl FileKind {
    /// The kind for a file name, from its extension.
    pub fn from_name(name: &str) -> Option<FileKind> {
        let ext = name.rsplit_once('.')?.1;
        Some(match ext {
            "actors" => FileKind::Actors,
            "agents" => FileKind::Agents,
            "events" => FileKind::Events,
            "synonyms" => FileKind::Synonyms,
            "places" => FileKind::Places,
            _ => return None,
        })
    }
}

/// One parsed line: the left side, the right side's words, and key=value pairs.
#[derive(Debug)]
pub(crate) struct RawLine<'a> {
    pub line: u32,
    pub left: &'a str,
    pub right_raw: &'a str,
    pub right: Vec<&'a str>,
    pub keys: Vec<(&'a str, &'a str)>,
}

/// Splits a source into raw lines, reporting lines that have no `=`.
pub(crate) fn raw_lines<'a>(file: &str, text: &'a str, diags: &mut Vec<DictDiagnostic>) -> Vec<RawLine<'a>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i as u32 + 1;
        let content = line.split_once('#').map_or(line, |(before, _)| before).trim();
        if content.is_empty() {
            continue;
        }
        let Some((left, right)) = content.split_once('=') else {
            diags.push(diag(file, line_no, "expected `PHRASE = VALUE`"));
            continue;
        };
        let left = left.trim();
        if left.is_empty() {
            diags.push(diag(file, line_no, "empty phrase before `=`"));
            continue;
        }
        let mut words = Vec::new();
        let mut keys = Vec::new();
        for word in right.split_whitespace() {
            match word.split_once('=') {
                Some((k, v)) => keys.push((k, v)),
                None => words.push(word),
            }
        }
        out.push(RawLine { line: line_no, left, right_raw: right.trim(), right: words, keys });
    }
    out
}

pub(crate) fn diag(file: &str, line: u32, message: impl Into<String>) -> DictDiagnostic {
    DictDiagnostic { file: file.to_string(), line, message: message.into() }
}

pub(crate) fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}
