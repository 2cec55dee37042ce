//! The command line: argument types, help texts and dispatch.
//!
//! Each subcommand has an argument struct here and a `run` function in
//! [`crate::commands`]; a new subcommand (explain, eval, validate, ingest,
//! query, serve) is a new [`Command`] variant plus a new module there.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::commands;
use crate::input::{JSONL_LINE_LIMIT, TEXT_PART_LIMIT};
use crate::output::Format;
use crate::report;
use crate::status::{Status, EXIT_CODES_HELP};

/// Code news text into CAMEO and PLOVER political events.
///
/// dyad reads articles (plain text or JSONL), finds who did what to whom,
/// when and where, and writes one record per event, each with the words and
/// the dictionary line that produced it.
#[derive(Debug, Parser)]
#[command(name = "dyad", version, propagate_version = true, after_help = EXIT_CODES_HELP)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Code documents into events (text files, JSONL or stdin).
    #[command(after_help = code_after_help())]
    Code(CodeArgs),
    /// Work with dictionaries.
    #[command(subcommand)]
    Dict(DictCommand),
    /// Run a peer coder's validation suite (TABARI, PETRARCH) with its own dictionaries.
    #[command(after_help = EXIT_CODES_HELP)]
    Validate(commands::validate::ValidateArgs),
    /// Code a gold file (JSONL or PETRARCH XML) and score precision, recall and F1.
    #[command(after_help = EXIT_CODES_HELP)]
    Eval(commands::eval::EvalArgs),
    /// Code a text and show why: tokens, actors, triggers, decisions, events.
    #[command(after_help = EXIT_CODES_HELP)]
    Explain(ExplainArgs),
    /// Code documents and store them in an event database (SQLite).
    #[command(after_help = STORE_AFTER_HELP)]
    Ingest(commands::ingest::IngestArgs),
    /// Query an event database: events, or counts per period with --by.
    #[command(after_help = STORE_AFTER_HELP)]
    Query(commands::query::QueryArgs),
    /// The most active actors and dyads in an event database.
    #[command(after_help = STORE_AFTER_HELP)]
    Actors(commands::actors::ActorsArgs),
    /// Export an event database as JSONL, CSV or the GDELT 1.0 event table.
    #[command(after_help = STORE_AFTER_HELP)]
    Export(commands::export::ExportArgs),
    /// Serve the HTTP API and the dashboard over an event database (docs/server.md).
    #[command(after_help = STORE_AFTER_HELP)]
    Serve(commands::serve::ServeArgs),
}

/// Help text shared by the store commands.
const STORE_AFTER_HELP: &str = "\
The store, its schema, the deduplication rule and the GDELT mapping are
described in docs/store.md. Store errors (not a dyad database, corrupt,
locked, read-only, disk full) exit with status 4.";

/// `dyad dict ...`.
#[derive(Debug, Subcommand)]
enum DictCommand {
    /// Check the default dictionaries, plus DIR if given; report `file:line: message`.
    #[command(after_help = EXIT_CODES_HELP)]
    Check(DictCheckArgs),
    /// Show every dictionary entry (actor, agent, place, event pattern) and
    /// gazetteer place that matches a span of TEXT, with its file:line.
    Lookup(commands::dict::DictLookupArgs),
    /// Count the loaded dictionary entries by kind, and the gazetteer's places.
    Stats(commands::dict::DictStatsArgs),
}

/// Which dictionaries to load.
#[derive(Debug, Clone, Default, Args)]
pub struct DictArgs {
    /// Load every dictionary file under DIR on top of the defaults (repeatable).
    #[arg(long = "dict", value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Do not load the compiled-in default dictionaries.
    #[arg(long)]
    pub no_default_dict: bool,
    /// Format of the dictionaries: dyad's own, or a peer coder's, converted
    /// in memory (`petrarch`: `--dict DIR` of PETRARCH files; `tabari`:
    /// `--project FILE`). Peer dictionaries replace the defaults.
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "dyad")]
    pub dict_format: crate::commands::validate::DictFormat,
    /// TABARI `.project` file naming the dictionaries (`--dict-format tabari`).
    #[arg(long, value_name = "FILE")]
    pub project: Option<PathBuf>,
}

/// `dyad code`.
#[derive(Debug, Args)]
pub struct CodeArgs {
    /// Input files: `.jsonl` files hold one document per line, any other file
    /// is one text document (id = file stem). `-` or nothing reads stdin.
    #[arg(value_name = "FILES")]
    pub files: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for text input, and for JSONL records
    /// that have no `date`; relative dates ("on Thursday") are resolved
    /// against it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_cli_date)]
    pub date: Option<NaiveDate>,
    /// Read every input (stdin included) as JSONL.
    #[arg(long)]
    pub jsonl: bool,
    /// Output format [default: jsonl when stdout is not a terminal, table when it is].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// No progress bar and no summary lines on stderr (diagnostics still go there).
    #[arg(long, short)]
    pub quiet: bool,
    /// Coding threads [default: all cores]. The output is the same for any N.
    #[arg(long, value_name = "N")]
    pub threads: Option<std::num::NonZeroUsize>,
    #[command(flatten)]
    pub dicts: DictArgs,
}

/// `dyad explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The text to code (one or more sentences).
    #[arg(value_name = "TEXT")]
    pub text: String,
    /// Publication date (YYYY-MM-DD), the anchor for relative dates.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_cli_date)]
    pub date: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ExplainFormat,
    #[command(flatten)]
    pub dicts: DictArgs,
}

/// Output of `dyad explain`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExplainFormat {
    /// For people.
    Text,
    /// One JSON object, for tools.
    Json,
}

/// `dyad dict check`.
#[derive(Debug, Args)]
pub struct DictCheckArgs {
    /// A directory of dictionary files to check on top of the defaults.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

fn code_after_help() -> String {
    format!(
        "\
Input:
  Text files are one document each. A text document larger than {text} MiB is
  coded in parts of at most {text} MiB, split at a paragraph break or
  whitespace; the parts get ids STEM#part1, STEM#part2, ...
  JSONL: one object per line with `id` (string or integer) and `text`
  (string), optional `title`, `date` (YYYY-MM-DD or RFC 3339; the date part
  is used), `url`, `source`; other keys are ignored. A malformed line, or one
  longer than {jsonl} MiB, is reported as FILE:LINE: REASON and skipped.
  Invalid UTF-8 is replaced (U+FFFD) with a warning.

Output (stdout, data only): one record per event; see docs/cli.md for the
JSONL fields. Diagnostics and a summary line go to stderr.

{EXIT_CODES_HELP}",
        text = TEXT_PART_LIMIT >> 20,
        jsonl = JSONL_LINE_LIMIT >> 20,
    )
}

fn parse_cli_date(s: &str) -> Result<NaiveDate, String> {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if s.len() == 10 => Ok(d),
        _ => Err(format!("`{s}` is not a date in the form YYYY-MM-DD")),
    }
}

/// Parses the command line, runs the command and turns the outcome into an
/// exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { Status::Usage.exit_code() } else { ExitCode::SUCCESS };
        }
    };
    let outcome = match cli.command {
        Command::Code(args) => commands::code::run(&args),
        Command::Dict(DictCommand::Check(args)) => commands::dict::check(&args),
        Command::Dict(DictCommand::Lookup(args)) => commands::dict::lookup(&args),
        Command::Dict(DictCommand::Stats(args)) => commands::dict::stats(&args),
        Command::Validate(args) => commands::validate::run(&args),
        Command::Eval(args) => commands::eval::run(&args),
        Command::Explain(args) => commands::explain::run(&args),
        Command::Ingest(args) => commands::ingest::run(&args),
        Command::Query(args) => commands::query::run(&args),
        Command::Actors(args) => commands::actors::run(&args),
        Command::Export(args) => commands::export::run(&args),
        Command::Serve(args) => commands::serve::run(&args),
    };
    match outcome {
        Ok(status) => status.exit_code(),
        Err(failure) => {
            report::emit(format_args!("dyad: {:#}", failure.error));
            failure.status.exit_code()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn cli_dates_are_strict() {
        assert!(parse_cli_date("2025-04-14").is_ok());
        assert!(parse_cli_date("2025-4-14").is_err());
        assert!(parse_cli_date("14/04/2025").is_err());
        assert!(parse_cli_date("2025-02-30").is_err());
    }
}
