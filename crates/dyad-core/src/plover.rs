//! The PLOVER event types, modes and scores (STUB).

/// A PLOVER event type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PloverType {
    /// CONSULT
    Consult,
}

impl PloverType {
    /// Upper-case name, as PLOVER writes it.
    pub fn as_str(self) -> &'static str {
        "CONSULT"
    }
}

/// How a CAMEO code maps to PLOVER.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PloverMapping {
    /// Event type.
    pub event: PloverType,
    /// Mode, when the mapping gives one (`visit`, `arrest`).
    pub mode: Option<&'static str>,
    /// Contexts (`diplomatic`, `military`), possibly empty.
    pub context: &'static [&'static str],
}
