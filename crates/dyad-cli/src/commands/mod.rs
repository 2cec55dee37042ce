//! One module per subcommand; each exposes a `run`-style function taking its
//! argument struct from [`crate::cli`] and returning a [`crate::status::Status`].

pub mod actors;
pub mod code;
pub mod dict;
pub mod eval;
pub mod explain;
pub mod export;
pub mod ingest;
pub mod query;
pub mod serve;
pub mod validate;
