//! `bodytext bench`: throughput of parsing alone and of full extraction on dataset folders,
//! with the share of each stage.
//!
//! Pages are read, gunzipped and decoded to `str` before any clock starts, so the figures
//! are those of the library on text in memory. Three passes are timed:
//!
//! - parse-only: plain html5ever into markup5ever_rcdom's `RcDom` (`parse_document`,
//!   scripting off as in extraction), the floor "parsing alone with html5ever + rcdom"
//!   that extraction is compared with;
//! - bodytext's own parse (`Extractor::parse_only`): the same html5ever behind the
//!   parser's limits (a pre-pass capping attributes and removing what extraction never
//!   reads, depth and node caps) into its RcDom variant with the quadratic paths fixed,
//!   i.e. the extraction's parse stage alone;
//! - full extraction (`Extractor::extract_timed`, whose per-stage clocks cost a few
//!   `Instant::now` calls a page), metadata included.
//!
//! Each parse pass drops its tree inside the clock, as extraction does.

use std::hint::black_box;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bodytext::{Extractor, Stage, StageTimes};
use html5ever::tendril::TendrilSink;
use html5ever::{ParseOpts, parse_document};
use markup5ever_rcdom::RcDom;
use rayon::prelude::*;
use serde::Serialize;

use super::inputs::is_page;

/// One dataset, loaded.
pub struct Loaded {
    name: String,
    pages: Vec<String>,
    bytes: usize,
}

/// Load the pages of `dir`: `dir/html/` when it exists (the dataset layout), else every
/// page file under `dir`. Pages that fail to load are reported and left out.
pub fn load(dir: &Path, max_bytes: usize) -> io::Result<Loaded> {
    let html = dir.join("html");
    let root = if html.is_dir() {
        html
    } else {
        dir.to_path_buf()
    };
    if !root.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("{}: not a folder", dir.display()),
        ));
    }
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|abs| abs.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| dir.display().to_string());
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.map_err(io::Error::other)?;
        if !entry.file_type().is_file() || !is_page(entry.path()) {
            continue;
        }
        match read_page(entry.path(), max_bytes) {
            Ok(text) => pages.push(text),
            Err(e) => eprintln!("bodytext: {}: {e}", entry.path().display()),
        }
    }
    let bytes = pages.iter().map(String::len).sum();
    Ok(Loaded { name, pages, bytes })
}

fn read_page(path: &Path, max_bytes: usize) -> io::Result<String> {
    let raw = std::fs::read(path)?;
    let bytes = if bodytext::decode::is_gzip(&raw) {
        bodytext::decode::gunzip(&raw, max_bytes)?
    } else {
        raw
    };
    Ok(bodytext::decode::decode(&bytes, None).text)
}

/// Throughput of one pass.
#[derive(Debug, Serialize)]
pub struct Rate {
    /// Wall-clock seconds for all pages (the fastest of the repeats).
    pub seconds: f64,
    /// Pages per second.
    pub pages_per_s: f64,
    /// Decoded HTML megabytes (10^6 bytes of UTF-8) per second.
    pub mb_per_s: f64,
}

impl Rate {
    fn new(seconds: f64, pages: usize, bytes: usize) -> Rate {
        Rate {
            seconds,
            pages_per_s: pages as f64 / seconds,
            mb_per_s: bytes as f64 / 1e6 / seconds,
        }
    }
}

/// The figures of one dataset.
#[derive(Debug, Serialize)]
pub struct Report {
    /// The dataset folder's name.
    pub dataset: String,
    /// Pages timed.
    pub pages: usize,
    /// Decoded HTML, in bytes.
    pub bytes: usize,
    /// Worker threads.
    pub threads: usize,
    /// Parsing alone: plain html5ever into `RcDom`.
    pub parse: Rate,
    /// bodytext's own parse stage alone (limits, linear-time `RcDom` variant).
    pub parse_bodytext: Rate,
    /// Full extraction.
    pub extract: Rate,
    /// Extraction throughput over parse-only throughput (1.0: extraction costs nothing
    /// beyond parsing with html5ever + rcdom).
    pub ratio: f64,
    /// Extraction throughput over bodytext's own parse throughput.
    pub ratio_bodytext: f64,
    /// Each stage's share of the extraction time, in pipeline order.
    pub stages: Vec<(String, f64)>,
}

/// Time `pass` over every page `repeat` times and keep the fastest.
fn fastest(repeat: usize, mut pass: impl FnMut() -> Duration) -> f64 {
    (0..repeat.max(1))
        .map(|_| pass().as_secs_f64())
        .fold(f64::INFINITY, f64::min)
}

/// Benchmark one loaded dataset on `pool`.
pub fn bench(
    extractor: &Extractor,
    pool: &rayon::ThreadPool,
    data: &Loaded,
    repeat: usize,
) -> Report {
    let threads = pool.current_num_threads();
    let pages = &data.pages;
    let parse_pass = |parse: &(dyn Fn(&str) + Sync)| {
        fastest(repeat, || {
            let start = Instant::now();
            if threads == 1 {
                pages.iter().for_each(|p| parse(p));
            } else {
                pool.install(|| pages.par_iter().for_each(|p| parse(p)));
            }
            start.elapsed()
        })
    };
    let parse = parse_pass(&html5ever_rcdom);
    let parse_bodytext = parse_pass(&|p| extractor.parse_only(p));
    let mut stage_times = StageTimes::default();
    let extract = fastest(repeat, || {
        let start = Instant::now();
        let times = if threads == 1 {
            let mut times = StageTimes::default();
            for p in pages {
                black_box(extractor.extract_timed(p, None, &mut times));
            }
            times
        } else {
            pool.install(|| {
                pages
                    .par_iter()
                    .map(|p| {
                        let mut times = StageTimes::default();
                        black_box(extractor.extract_timed(p, None, &mut times));
                        times
                    })
                    .reduce(StageTimes::default, |mut a, b| {
                        a.add(&b);
                        a
                    })
            })
        };
        let elapsed = start.elapsed();
        stage_times = times;
        elapsed
    });
    let total = stage_times.total().as_secs_f64().max(f64::MIN_POSITIVE);
    let stages = Stage::ALL
        .iter()
        .map(|&s| {
            (
                s.name().to_string(),
                stage_times.get(s).as_secs_f64() / total,
            )
        })
        .collect();
    Report {
        dataset: data.name.clone(),
        pages: pages.len(),
        bytes: data.bytes,
        threads,
        parse: Rate::new(parse, pages.len(), data.bytes),
        parse_bodytext: Rate::new(parse_bodytext, pages.len(), data.bytes),
        extract: Rate::new(extract, pages.len(), data.bytes),
        ratio: parse / extract,
        ratio_bodytext: parse_bodytext / extract,
        stages,
    }
}

/// Parse `html` with html5ever into an `RcDom` and drop it.
fn html5ever_rcdom(html: &str) {
    let mut opts = ParseOpts::default();
    opts.tree_builder.scripting_enabled = false;
    drop(black_box(parse_document(RcDom::default(), opts).one(html)));
}

/// The reports as a table: throughput, then the stage shares.
pub fn format_table(reports: &[Report]) -> String {
    let mut s = format!(
        "{:<20} {:>6} {:>8} {:>3} {:>10} {:>8} {:>12} {:>11} {:>8} {:>13} {:>13}\n",
        "dataset",
        "pages",
        "MB",
        "j",
        "parse p/s",
        "MB/s",
        "bt-parse p/s",
        "extract p/s",
        "MB/s",
        "extract/parse",
        "/bt-parse"
    );
    for r in reports {
        s.push_str(&format!(
            "{:<20} {:>6} {:>8.1} {:>3} {:>10.1} {:>8.2} {:>12.1} {:>11.1} {:>8.2} {:>12.1}% {:>12.1}%\n",
            r.dataset,
            r.pages,
            r.bytes as f64 / 1e6,
            r.threads,
            r.parse.pages_per_s,
            r.parse.mb_per_s,
            r.parse_bodytext.pages_per_s,
            r.extract.pages_per_s,
            r.extract.mb_per_s,
            100.0 * r.ratio,
            100.0 * r.ratio_bodytext,
        ));
    }
    s.push_str(
        "\nparse: html5ever + rcdom alone; bt-parse: bodytext's parse stage alone (html5ever \
         behind its limits)\n",
    );
    s.push_str("\nshare of extraction time by stage\n");
    s.push_str(&format!("{:<20}", "dataset"));
    for stage in Stage::ALL {
        s.push_str(&format!(" {:>9}", stage.name()));
    }
    s.push('\n');
    for r in reports {
        s.push_str(&format!("{:<20}", r.dataset));
        for (_, share) in &r.stages {
            s.push_str(&format!(" {:>8.1}%", 100.0 * share));
        }
        s.push('\n');
    }
    s
}

/// Load and benchmark each folder in turn (one dataset in memory at a time).
pub fn run(
    extractor: &Extractor,
    pool: &rayon::ThreadPool,
    dirs: &[PathBuf],
    repeat: usize,
) -> io::Result<Vec<Report>> {
    let mut reports = Vec::new();
    for dir in dirs {
        let data = load(dir, extractor.options().max_input_bytes)?;
        if data.pages.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "{}: no pages (.html, .htm, .html.gz, .htm.gz)",
                    dir.display()
                ),
            ));
        }
        reports.push(bench(extractor, pool, &data, repeat));
    }
    Ok(reports)
}
