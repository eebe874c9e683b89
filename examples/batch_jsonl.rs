//! Extract every page of a folder (`.html`, `.htm`, gzipped or not) or of a WARC file
//! (its HTML responses) to JSON lines on stdout, on all cores, with one shared `Extractor`.
//!
//! ```sh
//! cargo run --release --example batch_jsonl -- ../shared/datasets/l3s-gn1/html > l3s.jsonl
//! cargo run --release --example batch_jsonl -- crawl.warc.gz > crawl.jsonl
//! ```
//!
//! Pages go through in chunks, so memory holds one chunk whatever the corpus size, and the
//! output keeps input order. (The `bodytext` command does the same with more care: a
//! sliding window instead of chunks, error records, progress, `-o DIR`.)

use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use bodytext::{Extractor, Options, Url};
use rayon::prelude::*;

/// Pages in memory at once.
const CHUNK: usize = 256;

/// A page to extract: where it came from, its bytes, the URL it was fetched from.
struct Page {
    source: String,
    bytes: io::Result<Vec<u8>>,
    url: Option<Url>,
}

fn main() -> io::Result<()> {
    let input = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: batch_jsonl DIR|WARC"),
    );
    let pages: Box<dyn Iterator<Item = Page>> = if input.is_dir() {
        Box::new(folder_pages(&input))
    } else {
        Box::new(warc_pages(&input)?)
    };

    // Built once, shared by reference across the rayon threads (it is Send + Sync).
    let extractor = Extractor::new(Options::default());
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut pages = pages.peekable();
    while pages.peek().is_some() {
        chunk.extend(pages.by_ref().take(CHUNK));
        // par_iter + collect keeps the chunk's order.
        let lines: Vec<serde_json::Value> =
            chunk.par_iter().map(|p| to_json(&extractor, p)).collect();
        for line in lines {
            writeln!(out, "{line}")?;
        }
        chunk.clear();
    }
    out.flush()
}

fn to_json(extractor: &Extractor, page: &Page) -> serde_json::Value {
    let article = match &page.bytes {
        Ok(bytes) => extractor
            .extract_bytes(bytes, page.url.as_ref())
            .map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    match article {
        Ok(a) => serde_json::json!({
            "source": page.source,
            "url": a.url.map(String::from),
            "title": a.title,
            "text": a.text,
        }),
        Err(error) => serde_json::json!({ "source": page.source, "error": error }),
    }
}

/// The page files under `dir`, in sorted order (gzip is undone by `extract_bytes`).
fn folder_pages(dir: &Path) -> impl Iterator<Item = Page> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            [".html", ".htm", ".html.gz", ".htm.gz"]
                .iter()
                .any(|ext| name.ends_with(ext))
        })
        .map(|e| Page {
            source: e.path().display().to_string(),
            bytes: std::fs::read(e.path()),
            url: None,
        })
}

/// The HTML responses of a `.warc` or `.warc.gz` file, keyed by their target URI.
fn warc_pages(path: &Path) -> io::Result<impl Iterator<Item = Page>> {
    let file = BufReader::new(std::fs::File::open(path)?);
    let reader: Box<dyn BufRead> = if path.to_string_lossy().ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(file)
    };
    let records = warc::WarcReader::new(reader).iter_raw_records();
    Ok(records.map_while(Result::ok).filter_map(|(header, body)| {
        let field = |h| header.as_ref().get(&h).map(|v| String::from_utf8_lossy(v));
        if field(warc::WarcHeader::WarcType)? != "response" {
            return None;
        }
        let uri = field(warc::WarcHeader::TargetURI)?.trim().to_string();
        let html = http_html_body(&body)?;
        Some(Page {
            url: Url::parse(&uri).ok(),
            source: uri,
            bytes: Ok(html.to_vec()),
        })
    }))
}

/// The body of an HTTP response whose Content-Type is HTML.
fn http_html_body(message: &[u8]) -> Option<&[u8]> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut response = httparse::Response::new(&mut headers);
    let httparse::Status::Complete(start) = response.parse(message).ok()? else {
        return None;
    };
    let html = response.headers.iter().any(|h| {
        h.name.eq_ignore_ascii_case("content-type")
            && String::from_utf8_lossy(h.value)
                .to_ascii_lowercase()
                .starts_with("text/html")
    });
    html.then(|| &message[start..])
}
