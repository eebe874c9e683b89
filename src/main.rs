//! The `bodytext` command line: extract article text from HTML files or stdin, or score
//! extraction against labelled datasets (`bodytext eval`).

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use bodytext::eval::{self, Dataset, PageResult, Summary};
use bodytext::{Extractor, Options, Url};
use clap::{Args, Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  bodytext page.html                     article text of a file
  curl -s https://example.com/a | bodytext --base-url https://example.com/a
  bodytext page.html.gz other.html       several files (gzip read transparently)
  bodytext --explain page.html           every block with its features, label and reason
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
    /// HTML files to read (`.gz` is decompressed); none or `-` reads stdin.
    files: Vec<PathBuf>,
    /// URL the page was fetched from, for resolving its links.
    #[arg(long, value_name = "URL")]
    base_url: Option<Url>,
    /// Print the block table (features, label, reason) instead of the text.
    #[arg(long)]
    explain: bool,
    /// Decode input with this charset (a WHATWG label such as `windows-1251`) instead of
    /// sniffing it.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Score extraction against labelled datasets (html/<id>.html[.gz] + truth/<id>.txt),
    /// with the ScrapingHub article-extraction benchmark metric.
    Eval(EvalArgs),
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
    /// List the N worst pages of each dataset with their P, R and F1.
    #[arg(long, value_name = "N")]
    worst: Option<usize>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
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

fn read_input(path: &Path) -> io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        io::stdin().lock().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(path)
    }
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
    let extractor = Extractor::new(options);
    let files = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &files {
        let name = if path.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let bytes = match read_input(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("bodytext: {name}: {e}");
                failed = true;
                continue;
            }
        };
        let rendered = if args.explain {
            extractor
                .explain_bytes(&bytes, args.base_url.as_ref())
                .map(|x| x.to_string())
        } else {
            extractor
                .extract_bytes(&bytes, args.base_url.as_ref())
                .map(|a| a.text)
        };
        match rendered {
            Ok(mut text) => {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                emit(&mut out, &text)?;
            }
            Err(e) => {
                eprintln!("bodytext: {name}: {e}");
                failed = true;
            }
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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
        summaries.push(eval::summarize(dataset.name(), &pages, seconds));
        all_pages.push((dataset.name().to_string(), pages));
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
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
        let value = serde_json::json!({ "summaries": summaries, "worst": worst });
        emit(&mut out, &format!("{value:#}\n"))?;
    } else {
        emit(&mut out, &eval::format_table(&summaries))?;
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
