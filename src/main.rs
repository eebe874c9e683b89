//! The `bodytext` command line: extract article text from HTML files, folders, WARC files
//! or stdin, score extraction against labelled datasets (`bodytext eval`), or time it
//! (`bodytext bench`).

mod cli {
    pub mod batch;
    pub mod bench;
    pub mod inputs;
}

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use bodytext::eval::{self, Dataset, PageResult, Summary};
use bodytext::{Extractor, Options, RenderOptions, Url};
use clap::{Args, Parser, Subcommand};

use crate::cli::batch::{self, Batch, Format, Sink};
use crate::cli::inputs::{self, Inputs};

/// html5ever's tree and the walk allocate per node: mimalloc makes parsing and extraction
/// about 12 % cheaper in CPU time than the system allocator (see Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EXAMPLES: &str = "\
Examples:
  bodytext page.html                     article text of a file
  curl -s https://example.com/a | bodytext --base-url https://example.com/a
  bodytext page.html.gz other.html       several files (gzip read transparently)
  bodytext -f markdown --links page.html  Markdown, links resolved to absolute URLs
  bodytext -f json --with-markdown --comments page.html   metadata, text, Markdown, comments
  bodytext --explain page.html           every block with its features, label and reason
  bodytext -o out/ site/                 a folder, recursively: out/<same path>.txt per page
  bodytext --jsonl crawl.warc.gz > a.jsonl   HTML responses of a WARC, one JSON line each
  find . -name '*.html' | bodytext --files-from - --jsonl -j 4
  bodytext bench ../shared/datasets/wcxb-dev   parse-only vs extraction throughput
  bodytext eval ../shared/datasets/l3s-gn1 --worst 10
  bodytext eval --save /tmp/pred ../shared/datasets/wcxb-dev";

/// Strip the boilerplate from web pages and print the article body as text.
#[derive(Parser, Debug)]
#[command(name = "bodytext", version, about, after_help = EXAMPLES)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    extract: ExtractArgs,
}

#[derive(Args, Debug)]
struct ExtractArgs {
    /// HTML files (`.gz` is decompressed), folders (recursively: `.html`, `.htm`, and
    /// those gzipped, plus WARC files) and WARC files (`.warc`, `.warc.gz`: every HTML
    /// response); none or `-` reads stdin.
    files: Vec<PathBuf>,
    /// Also read the inputs listed in LIST, one path a line (`-`: stdin).
    #[arg(long, value_name = "LIST")]
    files_from: Option<PathBuf>,
    /// Write one file per page under DIR, mirroring the input tree (`.txt`), instead of
    /// printing.
    #[arg(
        short = 'o',
        long = "output-dir",
        value_name = "DIR",
        conflicts_with = "jsonl"
    )]
    output_dir: Option<PathBuf>,
    /// Print one JSON object per page: {"source", "url", "title", "text", "truncated", "metadata"}, or
    /// {"source", "error"} for a page that failed.
    #[arg(long, conflicts_with = "explain")]
    jsonl: bool,
    /// Worker threads (0: one per core).
    #[arg(short = 'j', long = "jobs", value_name = "N", default_value_t = 0)]
    jobs: usize,
    /// Refuse inputs larger than this many bytes (after gunzip).
    #[arg(long, value_name = "BYTES")]
    max_input_bytes: Option<usize>,
    /// URL the page was fetched from, for resolving its links (`--url` is the same).
    #[arg(long, visible_alias = "url", value_name = "URL")]
    base_url: Option<Url>,
    /// Print the block table (features, label, reason) instead of the text.
    #[arg(long)]
    explain: bool,
    /// Output format: the text (one block per line), Markdown, clean HTML, or a JSON
    /// object with the metadata.
    #[arg(short = 'f', long, value_enum, default_value_t = FormatArg::Text)]
    format: FormatArg,
    /// Keep links, resolved to absolute URLs (Markdown and HTML): against the page's
    /// `<base href>`, else --base-url, else its canonical URL.
    #[arg(long)]
    links: bool,
    /// Keep images with their alternative text (Markdown and HTML).
    #[arg(long)]
    images: bool,
    /// Also output the readers' comments, kept apart from the body: after a `---` line in
    /// text and Markdown (`<hr>` in HTML), in a `comments` field in JSON.
    #[arg(long)]
    comments: bool,
    /// Add the Markdown rendering to the JSON output (a `markdown` field).
    #[arg(long)]
    with_markdown: bool,
    /// Decode input with this charset (a WHATWG label such as `windows-1251`) instead of
    /// sniffing it.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
}

/// The `--format` values.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FormatArg {
    Text,
    Markdown,
    Html,
    Json,
}

impl From<FormatArg> for bodytext::Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Text => bodytext::Format::Text,
            FormatArg::Markdown => bodytext::Format::Markdown,
            FormatArg::Html => bodytext::Format::Html,
            FormatArg::Json => bodytext::Format::Json,
        }
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Score extraction against labelled datasets (html/<id>.html[.gz] + truth/<id>.txt),
    /// with the ScrapingHub article-extraction benchmark metric.
    Eval(EvalArgs),
    /// Time parsing alone and full extraction on folders of pages (a dataset's html/, or
    /// any folder of .html[.gz] files), with the share of each stage.
    Bench(BenchArgs),
}

#[derive(Args, Debug)]
struct BenchArgs {
    /// Dataset folders (html/<id>.html[.gz]) or folders of pages.
    #[arg(required = true)]
    dirs: Vec<PathBuf>,
    /// Worker threads (default one: the single-thread figures).
    #[arg(short = 'j', long = "jobs", value_name = "N", default_value_t = 1)]
    jobs: usize,
    /// Time each pass N times and keep the fastest.
    #[arg(long, value_name = "N", default_value_t = 1)]
    repeat: usize,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
struct EvalArgs {
    /// Dataset folders.
    #[arg(required = true)]
    datasets: Vec<PathBuf>,
    /// Score the predictions in DIR (<id>.txt) instead of running the extractor
    /// (one dataset only).
    #[arg(long, value_name = "DIR")]
    pred: Option<PathBuf>,
    /// Write each prediction to DIR/<id>.txt (DIR/<dataset>/ with several datasets).
    #[arg(long, value_name = "DIR")]
    save: Option<PathBuf>,
    /// List the N worst pages of each dataset with their P, R and F1 (and with
    /// `--metadata`, the first N pages of each metadata field that does not match).
    #[arg(long, value_name = "N")]
    worst: Option<usize>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Also score the metadata (title, author, published day) against each dataset's
    /// meta.jsonl, over its pages of this page_type (`all` for every page).
    #[arg(long, value_name = "PAGE_TYPE")]
    metadata: Option<String>,
    /// Peers' predictions to compare with: DIR/<peer>/<id>.txt (DIR/<dataset>/<peer>/
    /// with several datasets), as ../shared/peers/compare.sh writes them. Lists the pages
    /// bodytext gets under F1 0.5 while two or more peers get above 0.8.
    #[arg(long, value_name = "DIR")]
    peers: Option<PathBuf>,
    /// Fail (exit 1) when a dataset's F1 is below its floor in FILE.
    #[arg(long, value_name = "FILE")]
    floors: Option<PathBuf>,
}

/// Exit quietly when stdout is closed (`bodytext big.html | head`).
fn emit(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(text.as_bytes())
}

fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Eval(args)) => run_eval(args),
        Some(Command::Bench(args)) => run_bench(args),
        None => run_extract(cli.extract),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bodytext: {e}");
            ExitCode::from(1)
        }
    }
}

/// A rayon pool of `jobs` threads (0: one per core).
fn pool(jobs: usize) -> io::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("bodytext-{i}"))
        .build()
        .map_err(io::Error::other)
}

fn run_extract(args: ExtractArgs) -> io::Result<ExitCode> {
    let mut options = Options::default();
    if let Some(label) = &args.encoding {
        match bodytext::decode::encoding_for_label(label) {
            Some(encoding) => options.encoding = Some(encoding),
            None => {
                eprintln!("bodytext: unknown encoding label '{label}'");
                return Ok(ExitCode::from(2));
            }
        }
    }
    if let Some(max) = args.max_input_bytes {
        options.max_input_bytes = max;
    }
    let list_from_stdin = args
        .files_from
        .as_ref()
        .is_some_and(|p| p.as_os_str() == "-");
    let files = if args.files.is_empty() && args.files_from.is_none() {
        vec![PathBuf::from("-")]
    } else {
        args.files
    };
    if list_from_stdin && files.iter().any(|f| f.as_os_str() == "-") {
        eprintln!("bodytext: stdin cannot be both a page (-) and the --files-from list");
        return Ok(ExitCode::from(2));
    }
    let list: Option<Box<dyn BufRead>> = match &args.files_from {
        None => None,
        Some(_) if list_from_stdin => Some(Box::new(io::stdin().lock())),
        Some(path) => match std::fs::File::open(path) {
            Ok(file) => Some(Box::new(io::BufReader::new(file))),
            Err(e) => {
                eprintln!("bodytext: {}: {e}", path.display());
                return Ok(ExitCode::from(2));
            }
        },
    };
    // One page (a file, or stdin) keeps the plain behaviour: no bar, no summary.
    let many = args.files_from.is_some()
        || files.len() > 1
        || files.iter().any(|f| f.is_dir() || inputs::is_warc(f));
    let show_progress = many && io::stderr().is_terminal();
    let total = if show_progress {
        inputs::count_pages(&files, args.files_from.as_deref())
    } else {
        None
    };
    let format = if args.explain {
        Format::Explain
    } else if args.jsonl {
        Format::Jsonl
    } else {
        Format::Page(args.format.into())
    };
    let mut render = RenderOptions::new(args.links, args.images);
    render.markdown_in_json = args.with_markdown;
    options.comments = args.comments;
    let sink = match args.output_dir {
        Some(dir) => Sink::Dir(dir),
        None => Sink::Stdout,
    };
    let max_bytes = options.max_input_bytes;
    let extractor = Extractor::new(options);
    let pool = pool(args.jobs)?;
    let batch = Batch {
        extractor: &extractor,
        pool: &pool,
        format,
        render,
        sink,
        progress: batch::progress_bar(show_progress, total),
    };
    if many {
        batch::stop_on_interrupt()?;
    }
    let tasks = Inputs::new(files, list, args.base_url, max_bytes);
    let totals = batch::run_and_summarize(&batch, tasks)?;
    Ok(if totals.interrupted {
        // As a shell reports a command killed by SIGINT.
        ExitCode::from(130)
    } else if totals.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_bench(args: BenchArgs) -> io::Result<ExitCode> {
    let extractor = Extractor::default();
    let pool = pool(args.jobs)?;
    let reports = cli::bench::run(&extractor, &pool, &args.dirs, args.repeat)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.json {
        emit(&mut out, &format!("{:#}\n", serde_json::json!(reports)))?;
    } else {
        emit(&mut out, &cli::bench::format_table(&reports))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn run_eval(args: EvalArgs) -> io::Result<ExitCode> {
    if args.pred.is_some() && args.datasets.len() != 1 {
        eprintln!("bodytext: --pred scores one dataset at a time");
        return Ok(ExitCode::from(2));
    }
    let floors = match &args.floors {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            match eval::parse_floors(&text) {
                Ok(floors) => Some(floors),
                Err(e) => {
                    eprintln!("bodytext: {}: {e}", path.display());
                    return Ok(ExitCode::from(2));
                }
            }
        }
        None => None,
    };
    let extractor = Extractor::default();
    let mut summaries: Vec<Summary> = Vec::new();
    let mut all_pages: Vec<(String, Vec<PageResult>)> = Vec::new();
    let mut behind: Vec<(String, Vec<eval::Behind>)> = Vec::new();
    for root in &args.datasets {
        let dataset = Dataset::open(root)?;
        let start = Instant::now();
        let pages = match &args.pred {
            Some(dir) => eval::evaluate_predictions(&dataset, dir)?,
            None => {
                let save = args.save.as_ref().map(|dir| {
                    if args.datasets.len() > 1 {
                        dir.join(dataset.name())
                    } else {
                        dir.clone()
                    }
                });
                eval::evaluate_with(
                    &dataset,
                    |bytes| {
                        extractor
                            .extract_bytes(bytes, None)
                            .map(|a| a.text)
                            .unwrap_or_default()
                    },
                    save.as_deref(),
                )?
            }
        };
        let seconds = start.elapsed().as_secs_f64();
        if let Some(dir) = &args.peers {
            let dir = if args.datasets.len() > 1 {
                dir.join(dataset.name())
            } else {
                dir.clone()
            };
            let peers = eval::evaluate_peers(&dataset, &dir)?;
            behind.push((
                dataset.name().to_string(),
                eval::behind_peers(&pages, &peers),
            ));
        }
        summaries.push(eval::summarize(dataset.name(), &pages, seconds));
        all_pages.push((dataset.name().to_string(), pages));
    }
    let mut metadata = Vec::new();
    if let Some(page_type) = &args.metadata {
        let wanted = (page_type != "all").then_some(page_type.as_str());
        for root in &args.datasets {
            let dataset = Dataset::open(root)?;
            metadata.push(eval::evaluate_metadata(&dataset, wanted, |bytes, url| {
                let url = url.and_then(|u| Url::parse(u).ok());
                let m = extractor
                    .extract_bytes(bytes, url.as_ref())
                    .map(|a| a.metadata)
                    .unwrap_or_default();
                (m.title, m.authors, [m.published, m.modified])
            })?);
        }
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if !metadata.is_empty() && !args.json {
        emit(&mut out, &eval::format_metadata_table(&metadata))?;
        if let Some(n) = args.worst {
            for summary in &metadata {
                emit(&mut out, &eval::format_metadata_mismatches(summary, n))?;
            }
        }
        emit(&mut out, "\n")?;
    }
    if args.json {
        let worst: Vec<_> = all_pages
            .iter()
            .map(|(name, pages)| {
                serde_json::json!({
                    "dataset": name,
                    "worst": eval::worst(pages, args.worst.unwrap_or(0)),
                })
            })
            .collect();
        let behind: Vec<_> = behind
            .iter()
            .map(|(name, pages)| serde_json::json!({ "dataset": name, "behind_peers": pages }))
            .collect();
        let value = serde_json::json!({
            "summaries": summaries,
            "worst": worst,
            "metadata": metadata,
            "behind_peers": behind,
        });
        emit(&mut out, &format!("{value:#}\n"))?;
    } else {
        emit(&mut out, &eval::format_table(&summaries))?;
        for (name, pages) in &behind {
            emit(
                &mut out,
                &format!(
                    "\n{name}: {} pages under F1 {} that {}+ peers get above {}:\n",
                    pages.len(),
                    eval::BEHIND_F1,
                    eval::BEHIND_PEERS,
                    eval::PEER_GOOD_F1
                ),
            )?;
            for b in pages {
                let peers: Vec<String> = b
                    .peers
                    .iter()
                    .map(|(peer, f1)| format!("{peer} {f1:.3}"))
                    .collect();
                emit(
                    &mut out,
                    &format!("{:<12} {:.3}  {}\n", b.id, b.f1, peers.join(", ")),
                )?;
            }
        }
        if let Some(n) = args.worst {
            for (name, pages) in &all_pages {
                emit(&mut out, &format!("\nworst pages of {name}:\n"))?;
                emit(&mut out, "id            P      R      F1  truth-words\n")?;
                for p in eval::worst(pages, n) {
                    emit(
                        &mut out,
                        &format!(
                            "{:<12} {:.3}  {:.3}  {:.3}  {}\n",
                            p.id, p.precision, p.recall, p.f1, p.truth_words
                        ),
                    )?;
                }
            }
        }
    }
    out.flush()?;
    if let Some(floors) = floors {
        let failures = eval::check_floors(&floors, &summaries);
        if !failures.is_empty() {
            for f in &failures {
                eprintln!("bodytext: quality gate: {f}");
            }
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}
