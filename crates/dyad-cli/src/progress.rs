//! The progress bar of `dyad code` on a terminal, and the elapsed-time line.
//!
//! The bar is drawn on stderr only when stderr is a terminal and `--quiet`
//! is not given; otherwise every call here is a no-op, so piped and logged
//! runs see exactly the diagnostics and the summary line.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::input::InputSpec;

/// Totals shown by the bar and the summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents coded.
    pub documents: u64,
    /// Sentences read.
    pub sentences: u64,
    /// Events written.
    pub events: u64,
}

impl Counts {
    /// Adds another batch's counts.
    pub fn add(&mut self, other: Counts) {
        self.documents += other.documents;
        self.sentences += other.sentences;
        self.events += other.events;
    }
}

/// The bar (or nothing) plus the start time of the run.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
}

impl Progress {
    /// A progress display. `visible` is "stderr is a terminal and not
    /// --quiet"; `total` is the input size in bytes when every input is a
    /// file (then the bar has an ETA), `None` for stdin.
    pub fn new(visible: bool, total: Option<u64>, start: Instant) -> Progress {
        if !visible {
            return Progress { bar: None, start };
        }
        let bar = match total {
            Some(total) => {
                let style = ProgressStyle::with_template(
                    "{spinner} {elapsed:>4} [{bar:20}] {percent:>3}% ETA {eta:<4} {wide_msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
                ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr_with_hz(8)).with_style(style)
            }
            None => {
                let style = ProgressStyle::with_template("{spinner} {elapsed:>4} {binary_bytes:>10} {wide_msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner());
                ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(8)).with_style(style)
            }
        };
        bar.enable_steady_tick(Duration::from_millis(250));
        Progress { bar: Some(bar), start }
    }

    /// True when the bar is drawn.
    pub fn is_visible(&self) -> bool {
        self.bar.is_some()
    }

    /// Time since the run started.
    pub fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    /// Shows the totals so far; `position` is the number of input bytes read.
    pub fn update(&self, counts: Counts, position: u64) {
        let Some(bar) = &self.bar else { return };
        bar.set_position(position);
        bar.set_message(rates(counts, self.elapsed()));
    }

    /// Runs `f` (which writes to stderr) with the bar cleared, so lines and
    /// the bar do not garble each other.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Removes the bar (before the summary line).
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `1,234 docs (567/s), 8,901 sentences (4,567/s), 12 events`.
pub fn rates(c: Counts, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-9);
    let mut s = String::new();
    let _ = write!(
        s,
        "{} docs ({}/s), {} sentences ({}/s), {} events",
        group(c.documents),
        group((c.documents as f64 / secs) as u64),
        group(c.sentences),
        group((c.sentences as f64 / secs) as u64),
        group(c.events)
    );
    s
}

/// `1234567` → `1,234,567`.
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The total size of the inputs when all are regular files (so an ETA can
/// be shown); `None` when one is stdin or cannot be measured.
pub fn total_size(specs: &[InputSpec]) -> Option<u64> {
    let mut total = 0u64;
    for spec in specs {
        let meta = fs::metadata(spec.path.as_ref()?).ok()?;
        if !meta.is_file() {
            return None;
        }
        total += meta.len();
    }
    Some(total)
}

/// A reader that adds the bytes it reads to a shared counter (the bar's
/// position). Relaxed ordering: the count is for display only.
#[derive(Debug)]
pub struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R> Counting<R> {
    /// Wraps `inner`, counting into `count`.
    pub fn new(inner: R, count: Arc<AtomicU64>) -> Counting<R> {
        Counting { inner, count }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1000), "1,000");
        assert_eq!(group(1234567), "1,234,567");
    }

    #[test]
    fn rates_per_second() {
        let c = Counts { documents: 10, sentences: 2000, events: 3 };
        assert_eq!(rates(c, Duration::from_secs(2)), "10 docs (5/s), 2,000 sentences (1,000/s), 3 events");
    }

    #[test]
    fn counting_reader_counts() {
        let count = Arc::new(AtomicU64::new(0));
        let mut r = Counting::new(io::Cursor::new(vec![7u8; 100]), Arc::clone(&count));
        let mut out = Vec::new();
        r.read_to_end(&mut out).unwrap();
        assert_eq!(count.load(Ordering::Relaxed), 100);
    }

    #[test]
    fn hidden_progress_is_a_no_op() {
        let p = Progress::new(false, Some(10), Instant::now());
        p.update(Counts::default(), 5);
        assert_eq!(p.suspend(|| 3), 3);
        p.finish();
    }

    #[test]
    fn stdin_has_no_total() {
        assert_eq!(total_size(&[InputSpec { path: None, jsonl: true }]), None);
    }
}
