//! `dyad`: code news text into CAMEO and PLOVER political events.
//!
//! This file only wires the modules together; see [`cli`] for the command
//! line and [`commands`] for what each subcommand does.

mod cli;
mod commands;
mod dicts;
mod dto;
mod input;
mod output;
mod pipeline;
mod progress;
mod report;
mod status;

fn main() -> std::process::ExitCode {
    cli::main()
}
