//! dyad's data model.
//!
//! Every other dyad crate speaks in these types: [`Span`]s (byte offsets into
//! the original text, never lost by any stage), [`Document`]s, [`Actor`]s,
//! [`Event`]s with their [`Evidence`], and [`Diagnostic`]s. The CAMEO and
//! PLOVER codebooks live here too ([`cameo`], [`plover`]), so that an event
//! code can only be built from a code that exists in the codebook.
//!
//! This crate does no I/O.
//!
//! ```
//! use dyad_core::{cameo::CameoCode, Span};
//!
//! let consult = CameoCode::parse("040").unwrap();
//! assert_eq!(consult.root().as_str(), "04");
//! assert_eq!(consult.quad_class().number(), 1);
//! let span = Span::new(0, 7);
//! assert_eq!(span.slice("Turkish officials"), "Turkish");
//! ```
#![deny(missing_docs)]

pub mod cameo;
mod date;
mod model;
pub mod plover;
mod span;

pub use date::EventDate;
pub use model::{Actor, Diagnostic, Document, Event, Evidence, Location, RuleRef, Severity};
pub use span::Span;
