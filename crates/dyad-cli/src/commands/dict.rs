//! `dyad dict check [DIR]`.

use dyad_text::Lexicon;

use crate::cli::{DictArgs, DictCheckArgs};
use crate::status::{Failure, Status};
use crate::{dicts, report};

/// Checks the default dictionaries plus `DIR`; every problem goes to stderr as
/// `file:line: message`. Status 3 when there is any, 0 when all are valid.
pub fn check(args: &DictCheckArgs) -> Result<Status, Failure> {
    let dict_args = DictArgs { dirs: args.dir.iter().cloned().collect(), no_default_dict: false };
    let builder = dicts::builder(&dict_args)?;
    let diagnostics = builder.check(&Lexicon::english());
    for d in &diagnostics {
        report::emit(format_args!("{d}"));
    }
    let what = match &args.dir {
        Some(dir) => format!("default dictionaries + {}", dir.display()),
        None => "default dictionaries".to_string(),
    };
    if diagnostics.is_empty() {
        report::emit(format_args!("dyad: {what}: no errors"));
        Ok(Status::Ok)
    } else {
        report::emit(format_args!("dyad: {what}: {} error(s)", diagnostics.len()));
        Ok(Status::Dictionary)
    }
}
