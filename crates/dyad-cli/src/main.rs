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

// Coding makes many small short-lived allocations (per-sentence vectors,
// matcher states) on several threads at once: mimalloc serves them in a
// fraction of glibc malloc's time and without cross-thread contention.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
