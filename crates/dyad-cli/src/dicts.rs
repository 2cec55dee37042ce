//! Loading dictionaries and building the coder, shared by every subcommand
//! that needs them.

use std::sync::Arc;

use anyhow::anyhow;
use dyad_coder::Coder;
use dyad_dict::{DictionariesBuilder, Error};
use dyad_text::Lexicon;

use crate::cli::DictArgs;
use crate::report;
use crate::status::{Failure, Status};

/// A builder with the defaults (unless disabled) and every `--dict` directory.
pub fn builder(args: &DictArgs) -> Result<DictionariesBuilder, Failure> {
    if args.dict_format != crate::commands::validate::DictFormat::Dyad {
        return crate::commands::validate::peer_builder(args);
    }
    let mut builder =
        if args.no_default_dict { DictionariesBuilder::new() } else { DictionariesBuilder::new().with_defaults() };
    for dir in &args.dirs {
        if !dir.is_dir() {
            let why = if dir.exists() { "not a directory" } else { "no such directory" };
            return Err(Failure::new(Status::Io, anyhow!("cannot read dictionaries {}: {why}", dir.display())));
        }
        builder.add_dir(dir).map_err(failure)?;
    }
    Ok(builder)
}

/// Builds the dictionaries and the coder once.
pub fn coder(args: &DictArgs) -> Result<Arc<Coder>, Failure> {
    // The gazetteer does not depend on the dictionaries: build it on a second
    // core meanwhile, to keep start-up short.
    let (dictionaries, lexicon, gazetteer) = std::thread::scope(|scope| {
        let gazetteer = scope.spawn(dyad_geo::Gazetteer::world);
        let lexicon = Arc::new(Lexicon::english());
        let dictionaries = builder(args).and_then(|b| b.build(&lexicon).map_err(failure));
        (dictionaries, lexicon, gazetteer.join().expect("building the gazetteer does not panic"))
    });
    Ok(Arc::new(Coder::builder(Arc::new(dictionaries?), lexicon).gazetteer(Arc::new(gazetteer)).build()))
}

/// Turns a dictionary error into a failure: unreadable files are I/O errors
/// (4), invalid entries are dictionary errors (3) and are listed on stderr as
/// `file:line: message`.
pub fn failure(error: Error) -> Failure {
    match error {
        Error::Io { .. } => Failure::new(Status::Io, anyhow!(error)),
        Error::Invalid(diagnostics) => {
            for d in &diagnostics {
                report::emit(format_args!("{d}"));
            }
            Failure::new(Status::Dictionary, anyhow!("{} error(s) in dictionaries", diagnostics.len()))
        }
    }
}
