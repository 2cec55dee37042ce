//! The CAMEO event codebook (STUB: the helper replaces the table with the full generated one).

use crate::plover::PloverMapping;

/// A CAMEO event code that exists in the codebook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CameoCode(u16);

struct Entry {
    code: &'static str,
    name: &'static str,
    goldstein: f32,
}

static TABLE: &[Entry] = &[
    Entry { code: "04", name: "CONSULT", goldstein: 1.0 },
    Entry { code: "040", name: "Consult, not specified below", goldstein: 1.0 },
];

/// GDELT-style quad class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuadClass {
    /// 1: verbal cooperation (roots 01-05).
    VerbalCooperation,
    /// 2: material cooperation (06-08).
    MaterialCooperation,
    /// 3: verbal conflict (09-13).
    VerbalConflict,
    /// 4: material conflict (14-20).
    MaterialConflict,
}

impl QuadClass {
    /// 1 to 4.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }
}

impl CameoCode {
    /// Looks a code up (`"040"`, `"0874"`, `"04"`).
    pub fn parse(code: &str) -> Option<CameoCode> {
        TABLE.iter().position(|e| e.code == code).map(|i| CameoCode(i as u16))
    }
    /// The code as written in the codebook.
    pub fn as_str(self) -> &'static str {
        TABLE[self.0 as usize].code
    }
    /// Codebook name.
    pub fn name(self) -> &'static str {
        TABLE[self.0 as usize].name
    }
    /// Goldstein score.
    pub fn goldstein(self) -> f32 {
        TABLE[self.0 as usize].goldstein
    }
    /// The two-digit root.
    pub fn root(self) -> CameoCode {
        CameoCode::parse(&self.as_str()[..2]).unwrap_or(self)
    }
    /// Quad class of the root.
    pub fn quad_class(self) -> QuadClass {
        match self.as_str()[..2].parse::<u8>().unwrap_or(1) {
            1..=5 => QuadClass::VerbalCooperation,
            6..=8 => QuadClass::MaterialCooperation,
            9..=13 => QuadClass::VerbalConflict,
            _ => QuadClass::MaterialConflict,
        }
    }
    /// PLOVER mapping, when PLOVER codes this CAMEO category.
    pub fn plover(self) -> Option<PloverMapping> {
        None
    }
    /// Every code in the codebook, in codebook order.
    pub fn all() -> impl Iterator<Item = CameoCode> {
        (0..TABLE.len() as u16).map(CameoCode)
    }
}
