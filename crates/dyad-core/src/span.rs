/// A half-open byte range `[start, end)` into a document's original text.
///
/// Every stage keeps spans in terms of the original text, never of a
/// normalised copy, so any token, actor or trigger can be shown in place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end: end.max(start) }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// This span made relative to `base` (which must contain it).
    pub fn relative_to(self, base: Span) -> Span {
        Span::new(self.start - base.start, self.end - base.start)
    }

    /// The text this span covers; empty if it does not fall on char
    /// boundaries inside `text` (never panics).
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}
