//! Reading documents: text files, JSONL files and stdin, streamed.
//!
//! Memory never grows with the size of the input: a text document is read in
//! parts of at most [`TEXT_PART_LIMIT`] bytes, and a JSONL file one line at a
//! time, a line longer than [`JSONL_LINE_LIMIT`] being skipped without being
//! held in memory.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dyad_core::Document;

use crate::dto::InputRecord;
use crate::report::Reporter;

/// Largest text document coded whole; bigger ones are coded in parts.
pub const TEXT_PART_LIMIT: usize = 16 << 20;
/// Longest JSONL line accepted (bytes, without the newline).
pub const JSONL_LINE_LIMIT: usize = 64 << 20;

const READ_BUFFER: usize = 64 << 10;

/// One input named on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputSpec {
    /// The file, or `None` for stdin.
    pub path: Option<PathBuf>,
    /// Read as JSONL (else as one text document).
    pub jsonl: bool,
}

impl InputSpec {
    /// The inputs for a command line: stdin when there are no files, `-`
    /// meaning stdin; `.jsonl` files (or every input under `--jsonl`) are JSONL.
    pub fn from_args(files: &[PathBuf], force_jsonl: bool) -> Vec<InputSpec> {
        if files.is_empty() {
            return vec![InputSpec { path: None, jsonl: force_jsonl }];
        }
        files
            .iter()
            .map(|f| {
                if f.as_os_str() == "-" {
                    InputSpec { path: None, jsonl: force_jsonl }
                } else {
                    let jsonl = force_jsonl || f.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
                    InputSpec { path: Some(f.clone()), jsonl }
                }
            })
            .collect()
    }

    /// The name used in diagnostics: the path as given, or `<stdin>`.
    pub fn name(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "<stdin>".to_string(),
        }
    }

    /// The document id of a text input: the file stem, or `stdin`.
    fn stem(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| p.display().to_string()),
            None => "stdin".to_string(),
        }
    }
}

/// Size limits (constants in production, small in unit tests).
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// See [`TEXT_PART_LIMIT`].
    pub text_part: usize,
    /// See [`JSONL_LINE_LIMIT`].
    pub jsonl_line: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { text_part: TEXT_PART_LIMIT, jsonl_line: JSONL_LINE_LIMIT }
    }
}

/// A stream of documents from one input.
pub enum Documents {
    /// One text document (possibly in parts).
    Text(TextDocuments),
    /// One document per JSONL line.
    Jsonl(JsonlDocuments),
}

impl std::fmt::Debug for Documents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Documents::Text(t) => write!(f, "Text({})", t.origin),
            Documents::Jsonl(j) => write!(f, "Jsonl({})", j.origin),
        }
    }
}

/// Opens an input. `published` is the `--date`.
pub fn open(spec: &InputSpec, published: Option<NaiveDate>, limits: Limits) -> io::Result<Documents> {
    let reader: Box<dyn BufRead> = match &spec.path {
        Some(path) => Box::new(BufReader::with_capacity(READ_BUFFER, open_file(path)?)),
        None => Box::new(BufReader::with_capacity(READ_BUFFER, io::stdin())),
    };
    Ok(from_reader(spec, reader, published, limits))
}

fn open_file(path: &Path) -> io::Result<File> {
    let file = File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(io::Error::other("is a directory"));
    }
    Ok(file)
}

/// A document stream over any reader.
pub fn from_reader(
    spec: &InputSpec,
    reader: Box<dyn BufRead>,
    published: Option<NaiveDate>,
    limits: Limits,
) -> Documents {
    let origin = spec.name();
    if spec.jsonl {
        Documents::Jsonl(JsonlDocuments {
            reader,
            origin,
            published,
            limit: limits.jsonl_line,
            line: 0,
            buf: Vec::new(),
        })
    } else {
        Documents::Text(TextDocuments {
            reader,
            origin,
            stem: spec.stem(),
            published,
            limit: limits.text_part.max(16),
            buf: Vec::new(),
            part: 0,
            eof: false,
            line: 1,
        })
    }
}

impl Documents {
    /// The next document, or `None` at the end. Problems with single records
    /// are reported (and counted) on `reporter`; an `Err` is an I/O error
    /// that ends this input.
    pub fn next_document(&mut self, reporter: &mut Reporter) -> io::Result<Option<Document>> {
        match self {
            Documents::Text(t) => t.next_document(reporter),
            Documents::Jsonl(j) => j.next_document(reporter),
        }
    }
}

/// A text input: one document, or parts of one when it is large.
pub struct TextDocuments {
    reader: Box<dyn BufRead>,
    origin: String,
    stem: String,
    published: Option<NaiveDate>,
    limit: usize,
    /// Bytes read and not yet handed out.
    buf: Vec<u8>,
    /// Parts handed out so far (0 while the document may still be whole).
    part: usize,
    eof: bool,
    /// Line number (1-based) of the first byte of `buf`.
    line: u64,
}

impl TextDocuments {
    fn next_document(&mut self, reporter: &mut Reporter) -> io::Result<Option<Document>> {
        if !self.eof && self.buf.len() < self.limit {
            let want = (self.limit - self.buf.len()) as u64;
            Read::take(&mut *self.reader, want).read_to_end(&mut self.buf)?;
            if self.buf.len() < self.limit || self.reader.fill_buf()?.is_empty() {
                self.eof = true;
            }
        }
        if self.buf.is_empty() {
            return Ok(None);
        }
        let cut = if self.eof { self.buf.len() } else { split_point(&self.buf) };
        let rest = self.buf.split_off(cut);
        let chunk = std::mem::replace(&mut self.buf, rest);
        let id = if self.eof && self.part == 0 {
            self.stem.clone()
        } else {
            if self.part == 0 {
                reporter.note(
                    &self.origin,
                    format_args!(
                        "larger than {}: coded in parts {}#part1, {}#part2, ...",
                        mib(self.limit),
                        self.stem,
                        self.stem
                    ),
                );
            }
            self.part += 1;
            format!("{}#part{}", self.stem, self.part)
        };
        let first_line = self.line;
        let text = decode(chunk, &self.origin, first_line, reporter);
        if !self.eof {
            self.line += count_newlines(text.as_bytes());
        }
        Ok(Some(Document::new(id, text).with_published(self.published)))
    }
}

/// Where to cut a full buffer: after the last paragraph break, else the last
/// newline, else the last whitespace, in the last quarter of the buffer (so
/// each part holds at least three quarters of the limit and the work stays
/// linear); else at a UTF-8 character boundary near the end.
fn split_point(buf: &[u8]) -> usize {
    let window = buf.len() - buf.len() / 4;
    let tail = &buf[window..];
    if let Some(i) = tail.windows(2).rposition(|w| w == b"\n\n") {
        return window + i + 2;
    }
    if let Some(i) = tail.iter().rposition(|&b| b == b'\n') {
        return window + i + 1;
    }
    if let Some(i) = tail.iter().rposition(|b| b.is_ascii_whitespace()) {
        return window + i + 1;
    }
    // No whitespace: cut before the last character that starts in the
    // buffer (a UTF-8 sequence is at most 4 bytes; garbage is cut anyway).
    let mut cut = buf.len() - 1;
    while cut > buf.len().saturating_sub(4) && is_continuation(buf[cut]) {
        cut -= 1;
    }
    if cut == 0 {
        buf.len()
    } else {
        cut
    }
}

/// `64 MiB`, or a byte count for limits under a MiB (tests).
fn mib(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{bytes}-byte")
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

fn count_newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

/// UTF-8 decoding that never fails: invalid bytes become U+FFFD and the first
/// place is reported as `origin:line: invalid UTF-8 replaced`.
fn decode(bytes: Vec<u8>, origin: &str, first_line: u64, reporter: &mut Reporter) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            reporter.repaired(origin, first_line + count_newlines(&bytes[..valid]));
            String::from_utf8_lossy(&bytes).into_owned()
        }
    }
}

/// A JSONL input: one document per line.
pub struct JsonlDocuments {
    reader: Box<dyn BufRead>,
    origin: String,
    published: Option<NaiveDate>,
    limit: usize,
    /// Number of the last line read (1-based).
    line: u64,
    buf: Vec<u8>,
}

impl JsonlDocuments {
    fn next_document(&mut self, reporter: &mut Reporter) -> io::Result<Option<Document>> {
        loop {
            self.buf.clear();
            let read = read_bounded_line(&mut *self.reader, &mut self.buf, self.limit)?;
            match read {
                LineRead::Eof => return Ok(None),
                LineRead::TooLong => {
                    self.line += 1;
                    self.buf = Vec::new();
                    reporter.skip(
                        &self.origin,
                        self.line,
                        format_args!("line longer than the {} limit; skipped", mib(self.limit)),
                    );
                    continue;
                }
                LineRead::Line => self.line += 1,
            }
            let mut bytes = &self.buf[..];
            while let [rest @ .., b'\n' | b'\r'] = bytes {
                bytes = rest;
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let text = match std::str::from_utf8(bytes) {
                Ok(s) => std::borrow::Cow::Borrowed(s),
                Err(_) => {
                    reporter.repaired(&self.origin, self.line);
                    String::from_utf8_lossy(bytes)
                }
            };
            match InputRecord::from_json(&text) {
                Ok(record) => {
                    if self.buf.capacity() > READ_BUFFER * 16 {
                        self.buf = Vec::new();
                    }
                    return Ok(Some(record.into_document(self.published)));
                }
                Err(reason) => reporter.skip(&self.origin, self.line, reason),
            }
        }
    }
}

/// What [`read_bounded_line`] found.
#[derive(Debug, PartialEq, Eq)]
pub enum LineRead {
    /// End of input: nothing read.
    Eof,
    /// A line (with its newline, unless it was the last) is in the buffer.
    Line,
    /// A line longer than the limit was consumed and dropped; the buffer is
    /// empty.
    TooLong,
}

/// Reads one line into `buf`, holding at most `limit + 1` bytes of it. A
/// longer line is consumed without being stored. Linear in the input.
pub fn read_bounded_line<R: BufRead + ?Sized>(reader: &mut R, buf: &mut Vec<u8>, limit: usize) -> io::Result<LineRead> {
    let n = Read::take(&mut *reader, limit as u64 + 1).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(LineRead::Eof);
    }
    if buf.last() == Some(&b'\n') || n <= limit {
        return Ok(LineRead::Line);
    }
    buf.clear();
    reader.skip_until(b'\n')?;
    Ok(LineRead::TooLong)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(jsonl: bool) -> InputSpec {
        InputSpec { path: Some(PathBuf::from("dir/story.txt")), jsonl }
    }

    fn all(docs: &mut Documents) -> (Vec<Document>, Reporter) {
        let mut reporter = Reporter::new();
        let mut out = Vec::new();
        while let Some(d) = docs.next_document(&mut reporter).unwrap() {
            out.push(d);
        }
        (out, reporter)
    }

    fn text_docs(input: &[u8], limit: usize) -> (Vec<Document>, Reporter) {
        let reader = Box::new(io::Cursor::new(input.to_vec()));
        let limits = Limits { text_part: limit, jsonl_line: 100 };
        all(&mut from_reader(&spec(false), reader, None, limits))
    }

    #[test]
    fn inputs_from_the_command_line() {
        let files = [PathBuf::from("a.txt"), PathBuf::from("-"), PathBuf::from("b.JSONL")];
        let specs = InputSpec::from_args(&files, false);
        assert_eq!(specs[0], InputSpec { path: Some("a.txt".into()), jsonl: false });
        assert_eq!(specs[1], InputSpec { path: None, jsonl: false });
        assert!(specs[2].jsonl);
        assert_eq!(InputSpec::from_args(&[], true), vec![InputSpec { path: None, jsonl: true }]);
        assert_eq!(specs[0].stem(), "a");
        assert_eq!(specs[1].stem(), "stdin");
        assert_eq!(specs[1].name(), "<stdin>");
    }

    #[test]
    fn small_text_is_one_document_named_after_the_file() {
        let (docs, rep) = text_docs(b"Turkish officials held talks.", 1 << 20);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "story");
        assert_eq!(docs[0].text, "Turkish officials held talks.");
        assert_eq!(rep.repaired, 0);
    }

    #[test]
    fn empty_text_is_no_document() {
        assert!(text_docs(b"", 1 << 20).0.is_empty());
    }

    #[test]
    fn text_exactly_at_the_limit_is_whole() {
        let (docs, _) = text_docs(&[b'a'; 64], 64);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "story");
    }

    #[test]
    fn large_text_is_split_at_paragraphs_then_whitespace_and_loses_nothing() {
        let input = "one two three.\n\nfour five six seven eight nine ten eleven twelve";
        let (docs, _) = text_docs(input.as_bytes(), 20);
        assert!(docs.len() > 1);
        assert_eq!(docs[0].id, "story#part1");
        assert_eq!(docs[1].id, "story#part2");
        let joined: String = docs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(joined, input);
        for d in &docs {
            assert!(d.text.len() <= 20);
            assert!(!d.text.is_empty());
        }
    }

    #[test]
    fn unbroken_text_is_cut_on_char_boundaries() {
        let input = "é".repeat(100); // 2 bytes each, odd limit
        let (docs, rep) = text_docs(input.as_bytes(), 33);
        assert_eq!(rep.repaired, 0, "no cut inside a character");
        let joined: String = docs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(joined, input);
    }

    #[test]
    fn invalid_utf8_is_replaced_and_located() {
        let (docs, rep) = text_docs(b"line one\nline two \xff\xfe here\n", 1 << 20);
        assert_eq!(rep.repaired, 1);
        assert!(docs[0].text.contains("two \u{FFFD}"));
    }

    #[test]
    fn split_point_prefers_paragraphs() {
        // Only the last quarter (bytes 12..16) is searched.
        assert_eq!(split_point(b"aaaaaaaaaaaa\n\nb\n"), 14);
        assert_eq!(split_point(b"aaaaaaaaaaaa\nb b"), 13);
        assert_eq!(split_point(b"aaaaaaaaaaaaab b"), 15);
        assert_eq!(split_point(b"aaaaaaaa\n\naaaabbbb"), 17, "too early: cut near the end");
        assert_eq!(split_point("aaaaaaaaaaaaaaaaaaaaaaaé".as_bytes()), 23);
    }

    #[test]
    fn bounded_lines() {
        let mut r = io::Cursor::new(b"short\nthis line is too long\nok\nlast".to_vec());
        let mut buf = Vec::new();
        assert_eq!(read_bounded_line(&mut r, &mut buf, 10).unwrap(), LineRead::Line);
        assert_eq!(buf, b"short\n");
        buf.clear();
        assert_eq!(read_bounded_line(&mut r, &mut buf, 10).unwrap(), LineRead::TooLong);
        assert!(buf.is_empty());
        assert_eq!(read_bounded_line(&mut r, &mut buf, 10).unwrap(), LineRead::Line);
        assert_eq!(buf, b"ok\n");
        buf.clear();
        assert_eq!(read_bounded_line(&mut r, &mut buf, 10).unwrap(), LineRead::Line);
        assert_eq!(buf, b"last");
        buf.clear();
        assert_eq!(read_bounded_line(&mut r, &mut buf, 10).unwrap(), LineRead::Eof);
    }

    #[test]
    fn a_line_exactly_at_the_limit_is_kept() {
        let mut r = io::Cursor::new(b"0123456789\n0123456789".to_vec());
        let mut buf = Vec::new();
        assert_eq!(read_bounded_line(&mut r, &mut buf, 10).unwrap(), LineRead::Line);
        buf.clear();
        assert_eq!(read_bounded_line(&mut r, &mut buf, 10).unwrap(), LineRead::Line);
        assert_eq!(buf, b"0123456789");
    }

    #[test]
    fn jsonl_skips_bad_lines_and_keeps_good_ones() {
        let input = concat!(
            "{\"id\":\"a\",\"text\":\"Alpha.\",\"date\":\"2025-04-10T08:00:00+02:00\"}\n",
            "not json\n",
            "\n",
            "{\"id\":\"b\"}\n",
            "{\"id\":\"c\",\"text\":\"Gamma.\"}\r\n",
        );
        let reader = Box::new(io::Cursor::new(input.as_bytes().to_vec()));
        let published = NaiveDate::from_ymd_opt(2025, 1, 1);
        let mut docs = from_reader(&spec(true), reader, published, Limits::default());
        let (docs, rep) = all(&mut docs);
        assert_eq!(rep.skipped, 2);
        let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(docs[0].published, NaiveDate::from_ymd_opt(2025, 4, 10));
        assert_eq!(docs[1].published, published, "--date is the fallback");
        assert_eq!(docs[1].text, "Gamma.");
    }
}
