//! Many pages through one shared `Extractor` on a rayon pool, with the results written in
//! input order and memory bounded by a window of pages in flight.
//!
//! The main thread takes tasks from the (lazy) input iterator, hands each to the pool, and
//! writes results as soon as every earlier one is written; it stops taking tasks while
//! `window` pages are started but not written. So at most `window` inputs and results are
//! in memory, whatever the size of the corpus, and a slow page delays the output behind it
//! but never reorders it.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::fs;
use std::io::{self, Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bodytext::{Extractor, RenderOptions};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use serde::Serialize;

use super::inputs::{Payload, Task, fnv1a};

/// Pages in flight per worker thread: enough that a slow page rarely starves the pool,
/// few enough that memory stays at a few dozen pages.
const WINDOW_PER_THREAD: usize = 16;

/// Slack over `max_input_bytes` for a file's size on disk before it is refused unread: a
/// gzip file can be slightly larger than its content (header, trailer, stored blocks).
pub const GZIP_SLACK_BYTES: u64 = 1 << 16;

/// What to print for each page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The article in a format (`--format`).
    Page(bodytext::Format),
    /// The `--explain` block table.
    Explain,
    /// One JSON object a line, with the page's source.
    Jsonl,
}

impl Format {
    /// The extension of the files written under `-o DIR`.
    fn extension(self) -> &'static str {
        match self {
            Format::Page(format) => format.extension(),
            Format::Explain => "txt",
            Format::Jsonl => "json",
        }
    }
}

/// Where the results go.
#[derive(Debug, Clone)]
pub enum Sink {
    /// Concatenated on stdout.
    Stdout,
    /// One file per page under this folder.
    Dir(PathBuf),
}

/// What one page gave.
struct Outcome {
    source: String,
    out_rel: PathBuf,
    /// The rendered page, or the error.
    result: Result<String, String>,
}

/// Counts for the closing summary.
#[derive(Debug, Default)]
pub struct Totals {
    /// Pages processed, failed or not.
    pub pages: u64,
    /// Pages that failed.
    pub failed: u64,
    /// The run stopped early on Ctrl-C (SIGINT).
    pub interrupted: bool,
}

/// Set by the first Ctrl-C of a batch (see [`stop_on_interrupt`]).
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}

/// Make Ctrl-C (SIGINT; SIGTERM and SIGHUP too) stop a batch cleanly: no page is started after it, the
/// file being written (on the main thread, through a temporary name) is finished and
/// renamed, results still in flight are dropped, and the run ends with
/// [`Totals::interrupted`] so the command exits 130. So an interrupted `-o DIR` run leaves
/// complete files only and no temporary ones. A second Ctrl-C quits at once, for a page
/// that takes too long to finish.
pub fn stop_on_interrupt() -> io::Result<()> {
    ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    })
    .map_err(io::Error::other)
}

/// Read, extract and render one page. Never panics: a panic in the extractor is reported
/// as that page's error, and the batch goes on.
fn process(extractor: &Extractor, format: Format, render: RenderOptions, task: Task) -> Outcome {
    let Task {
        source,
        payload,
        base_url,
        out_rel,
    } = task;
    let result = catch_unwind(AssertUnwindSafe(|| {
        let bytes = read_payload(payload, extractor.options().max_input_bytes)?;
        let base = base_url.as_ref();
        match format {
            Format::Explain => extractor
                .explain_bytes(&bytes, base)
                .map(|x| with_newline(x.to_string())),
            Format::Page(format) => extractor
                .extract_bytes(&bytes, base)
                .map(|a| with_newline(a.render(format, &render))),
            Format::Jsonl => extractor.extract_bytes(&bytes, base).map(|a| {
                json_line(&Record {
                    source: &source,
                    article: a.json(&render),
                })
            }),
        }
        .map_err(|e| e.to_string())
    }))
    .unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(format!("extractor panicked: {what}"))
    });
    Outcome {
        source,
        out_rel,
        result,
    }
}

fn read_payload(payload: Payload, max_bytes: usize) -> Result<Vec<u8>, String> {
    match payload {
        Payload::Bytes(bytes) => Ok(bytes),
        Payload::Failed(e) => Err(e),
        Payload::Stdin => {
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| e.to_string())?;
            Ok(bytes)
        }
        Payload::Path(path) => {
            // Refuse a huge file before reading it, so one stray disk image cannot take
            // the memory the window is meant to bound.
            let len = fs::metadata(&path).map_err(|e| e.to_string())?.len();
            let limit = max_bytes as u64;
            if len > limit.saturating_add(GZIP_SLACK_BYTES) {
                return Err(format!(
                    "input of {len} bytes is over the limit of {limit} bytes"
                ));
            }
            fs::read(&path).map_err(|e| e.to_string())
        }
    }
}

fn with_newline(mut text: String) -> String {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// A page's JSONL record: its source, then the article's JSON object (`Article::json`).
#[derive(Serialize)]
struct Record<'a, A: Serialize> {
    source: &'a str,
    #[serde(flatten)]
    article: A,
}

/// A failed page's JSONL record.
#[derive(Serialize)]
struct ErrorRecord<'a> {
    source: &'a str,
    error: &'a str,
}

/// One JSON object and a newline.
fn json_line(value: &impl Serialize) -> String {
    let mut line = serde_json::to_string(value).expect("a record of strings serializes");
    line.push('\n');
    line
}

/// Write `text` to `path` through a temporary name in the same folder, so that an
/// interrupted run leaves complete files only.
fn write_atomically(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = path.with_file_name(format!(".{name}.bodytext-tmp"));
    fs::write(&tmp, text)?;
    fs::rename(&tmp, path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// The output files this run has written, as a 64-bit hash of each path: 16 bytes a page
/// whatever the paths' length, so memory stays small on the largest corpora. (Two paths
/// with the same hash would only make the later one take a numbered name: never an
/// overwrite.)
#[derive(Default)]
struct Written(HashSet<u64>);

impl Written {
    /// The file under `dir` for output `rel` (the path without its extension, `txt` here):
    /// `rel.txt` unless
    /// this run already wrote it, else the first of `rel~2.txt`, `rel~3.txt`, ... it did
    /// not. So two inputs with the same output name (`a.html` and `a.htm`, or the same
    /// relative path under two folder arguments) never overwrite each other, and which one
    /// gets which name follows the input order.
    fn claim(&mut self, dir: &Path, rel: PathBuf, extension: &str) -> PathBuf {
        let name = rel.into_os_string();
        let mut n = 1u64;
        loop {
            let mut candidate = name.clone();
            if n > 1 {
                candidate.push(format!("~{n}"));
            }
            candidate.push(".");
            candidate.push(extension);
            let path = dir.join(candidate);
            if self.0.insert(fnv1a(path.as_os_str().as_encoded_bytes())) {
                return path;
            }
            n += 1;
        }
    }
}

/// How a batch runs.
pub struct Batch<'a> {
    /// The one extractor every worker shares.
    pub extractor: &'a Extractor,
    /// The worker pool.
    pub pool: &'a rayon::ThreadPool,
    /// What to print.
    pub format: Format,
    /// Links, images and Markdown in the output.
    pub render: RenderOptions,
    /// Where.
    pub sink: Sink,
    /// The progress bar (hidden when stderr is not a terminal).
    pub progress: ProgressBar,
}

impl Batch<'_> {
    /// Run every task, writing in input order. Fails only when the output cannot be
    /// written (a closed stdout is a broken-pipe error the caller exits quietly on).
    pub fn run(&self, tasks: impl Iterator<Item = Task>) -> io::Result<Totals> {
        let window = WINDOW_PER_THREAD * self.pool.current_num_threads().max(1);
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        let mut totals = Totals::default();
        let mut written_files = Written::default();
        let mut writer =
            |outcome: Outcome| self.write(&mut out, &mut totals, &mut written_files, outcome);
        self.pool.in_place_scope(|scope| -> io::Result<()> {
            // Every spawned task sends exactly one message: its outcome, or `None` when it
            // saw the interrupt before starting. So while the result at `written` is
            // missing, a message is still to come and blocking on the channel cannot hang.
            let (tx, rx) = mpsc::channel::<(usize, Option<Outcome>)>();
            let mut waiting: BTreeMap<usize, Option<Outcome>> = BTreeMap::new();
            let (mut started, mut written) = (0usize, 0usize);
            let mut receive = |block: bool,
                               waiting: &mut BTreeMap<usize, Option<Outcome>>,
                               written: &mut usize|
             -> io::Result<()> {
                let got = if block {
                    rx.recv().ok()
                } else {
                    rx.try_recv().ok()
                };
                if let Some((i, outcome)) = got {
                    waiting.insert(i, outcome);
                }
                while !interrupted() {
                    let Some(Some(outcome)) = waiting.remove(written) else {
                        break;
                    };
                    writer(outcome)?;
                    *written += 1;
                }
                Ok(())
            };
            for task in tasks {
                while started - written >= window && !interrupted() {
                    receive(true, &mut waiting, &mut written)?;
                }
                if interrupted() {
                    break;
                }
                let tx = tx.clone();
                let (extractor, format, index) = (self.extractor, self.format, started);
                let render = self.render.clone();
                scope.spawn(move |_| {
                    let outcome =
                        (!interrupted()).then(|| process(extractor, format, render, task));
                    let _ = tx.send((index, outcome));
                });
                started += 1;
                receive(false, &mut waiting, &mut written)?;
            }
            while written < started && !interrupted() {
                receive(true, &mut waiting, &mut written)?;
            }
            Ok(())
        })?;
        out.flush()?;
        totals.interrupted = interrupted();
        Ok(totals)
    }

    fn write(
        &self,
        out: &mut impl Write,
        totals: &mut Totals,
        written: &mut Written,
        outcome: Outcome,
    ) -> io::Result<()> {
        totals.pages += 1;
        let Outcome {
            source,
            out_rel,
            result,
        } = outcome;
        match result {
            Ok(rendered) => match &self.sink {
                Sink::Stdout => out.write_all(rendered.as_bytes())?,
                Sink::Dir(dir) => {
                    let extension = self.format.extension();
                    let mut first_choice = out_rel.clone().into_os_string();
                    first_choice.push(".");
                    first_choice.push(extension);
                    let first_choice = dir.join(first_choice);
                    let path = written.claim(dir, out_rel, extension);
                    if path != first_choice {
                        self.progress.suspend(|| {
                            eprintln!(
                                "bodytext: {source}: {} is another input's output in this run; \
                                 writing {}",
                                first_choice.display(),
                                path.display()
                            )
                        });
                    }
                    if let Err(e) = write_atomically(&path, &rendered) {
                        // The output folder is unusable: stop rather than fail every page.
                        return Err(io::Error::new(e.kind(), format!("{}: {e}", path.display())));
                    }
                }
            },
            Err(error) => {
                totals.failed += 1;
                self.progress
                    .suspend(|| eprintln!("bodytext: {source}: {error}"));
                if self.format == Format::Jsonl && matches!(self.sink, Sink::Stdout) {
                    let line = json_line(&ErrorRecord {
                        source: &source,
                        error: &error,
                    });
                    out.write_all(line.as_bytes())?;
                }
                self.progress
                    .set_message(format!("{} failed", totals.failed));
            }
        }
        self.progress.inc(1);
        Ok(())
    }
}

/// A progress bar on stderr: pages done, pages/s, failures and (when the total is known)
/// ETA; hidden unless `show`.
pub fn progress_bar(show: bool, total: Option<u64>) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let template = match total {
        Some(_) => "{bar:30} {pos}/{len} pages  {rate}  {msg:.red}  ETA {eta}",
        None => "{spinner} {pos} pages  {rate}  {msg:.red}",
    };
    let style = ProgressStyle::with_template(template)
        .expect("valid progress template")
        .with_key("rate", |state: &ProgressState, w: &mut dyn fmt::Write| {
            let _ = write!(w, "{:.0} pages/s", state.per_sec());
        });
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr()).with_style(style);
    bar.set_message("0 failed");
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// The closing line: pages, failures, seconds.
pub fn summary(totals: &Totals, elapsed: Duration) -> String {
    let seconds = elapsed.as_secs_f64();
    let rate = if seconds > 0.0 {
        totals.pages as f64 / seconds
    } else {
        0.0
    };
    let interrupted = if totals.interrupted {
        ", interrupted"
    } else {
        ""
    };
    format!(
        "bodytext: {} pages, {} failed, {seconds:.2} s ({rate:.0} pages/s){interrupted}",
        totals.pages, totals.failed
    )
}

/// Time a batch and print the summary when it had more than one page.
pub fn run_and_summarize(
    batch: &Batch<'_>,
    tasks: impl Iterator<Item = Task>,
) -> io::Result<Totals> {
    let start = Instant::now();
    let totals = batch.run(tasks)?;
    batch.progress.finish_and_clear();
    if totals.pages > 1 || totals.interrupted {
        eprintln!("{}", summary(&totals, start.elapsed()));
    }
    Ok(totals)
}
