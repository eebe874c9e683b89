//! The pages of a batch, in input order, produced lazily: files, directories walked in
//! sorted order, `--files-from` lists and the HTML response records of WARC files.
//!
//! Nothing here holds more than one page: a directory is a `walkdir` iterator, a WARC file a
//! record iterator, a list a line reader. Files are only named here and read by the worker
//! that extracts them, so reading is parallel too; WARC records are read here, one at a time,
//! because a WARC is one sequential stream.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc;

use bodytext::Url;

use super::batch::GZIP_SLACK_BYTES;
use warc::{RecordType, WarcHeader, WarcReader};

/// One page to extract.
#[derive(Debug)]
pub struct Task {
    /// What error messages and JSONL records call it: the path, `<stdin>` or the target URI.
    pub source: String,
    /// Where its bytes are.
    pub payload: Payload,
    /// The URL to resolve links against: the WARC target URI, else `--base-url`.
    pub base_url: Option<Url>,
    /// Output path under `-o DIR`, relative, with the final extension still to add.
    pub out_rel: PathBuf,
}

/// Where a task's bytes are.
#[derive(Debug)]
pub enum Payload {
    /// A file, read by the worker.
    Path(PathBuf),
    /// Standard input, read by the worker.
    Stdin,
    /// Already in memory (a WARC record's HTTP body).
    Bytes(Vec<u8>),
    /// The input could not even be listed (a directory walk or WARC read error): the
    /// error is reported in order, like a page's.
    Failed(String),
}

/// Page file names taken from directories: HTML, optionally gzipped.
const PAGE_SUFFIXES: [&str; 4] = [".html", ".htm", ".html.gz", ".htm.gz"];
/// WARC file names, taken from the command line and from directories.
const WARC_SUFFIXES: [&str; 2] = [".warc", ".warc.gz"];
/// Media types of the WARC responses that are pages.
const HTML_TYPES: [&str; 2] = ["text/html", "application/xhtml+xml"];

fn has_suffix(path: &Path, suffixes: &[&str]) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    suffixes.iter().any(|s| name.ends_with(s))
}

/// True for a `.warc` or `.warc.gz` path.
pub fn is_warc(path: &Path) -> bool {
    has_suffix(path, &WARC_SUFFIXES)
}

/// True for the page files a directory walk picks up.
pub fn is_page(path: &Path) -> bool {
    has_suffix(path, &PAGE_SUFFIXES)
}

/// `rel` without its `.gz` and then `.html`/`.htm`/`.warc` extension: `a/b.html.gz` → `a/b`,
/// `a/b.php` → `a/b.php` (so that `b.php` and `b.asp` do not collide).
pub fn strip_page_extension(rel: &Path) -> PathBuf {
    let Some(name) = rel.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return rel.to_path_buf();
    };
    let lower = name.to_ascii_lowercase();
    let mut end = name.len();
    if lower.ends_with(".gz") {
        end -= 3;
    }
    for ext in [".html", ".htm", ".warc"] {
        if lower[..end].ends_with(ext) && end > ext.len() {
            end -= ext.len();
            break;
        }
    }
    rel.with_file_name(&name[..end])
}

/// The output path of a file named on the command line or in a list: the path itself when
/// it is relative and stays below the current directory, else its file name.
fn rel_for_argument(path: &Path) -> PathBuf {
    let plain = path.components().all(|c| matches!(c, Component::Normal(_)));
    if plain {
        path.to_path_buf()
    } else {
        path.file_name()
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("page"))
    }
}

/// 64-bit FNV-1a: a stable (across runs, platforms and Rust versions) name for a URI.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The inputs of a batch, in order: the command-line arguments, then the `--files-from`
/// list.
pub struct Inputs {
    args: Box<dyn Iterator<Item = io::Result<PathBuf>>>,
    base_url: Option<Url>,
    /// Largest page accepted, for WARC records (files are checked by the worker).
    max_bytes: usize,
    walk: Option<(PathBuf, walkdir::IntoIter)>,
    warc: Option<WarcRecords>,
}

impl Inputs {
    /// The inputs named by `files` (`-` is stdin) followed by those listed in `list`.
    pub fn new(
        files: Vec<PathBuf>,
        list: Option<Box<dyn BufRead>>,
        base_url: Option<Url>,
        max_bytes: usize,
    ) -> Inputs {
        let listed = list.into_iter().flat_map(|reader| {
            reader.lines().filter_map(|line| match line {
                Ok(line) if line.trim().is_empty() => None,
                Ok(line) => Some(Ok(PathBuf::from(line.trim_end_matches('\r')))),
                Err(e) => Some(Err(e)),
            })
        });
        Inputs {
            args: Box::new(files.into_iter().map(Ok).chain(listed)),
            base_url,
            max_bytes,
            walk: None,
            warc: None,
        }
    }

    fn file_task(&self, path: PathBuf, rel: PathBuf) -> Task {
        Task {
            source: path.display().to_string(),
            payload: Payload::Path(path),
            base_url: self.base_url.clone(),
            out_rel: strip_page_extension(&rel),
        }
    }

    /// Start on one argument: a task, or a directory walk or WARC file to continue with.
    fn start(&mut self, path: PathBuf) -> Option<Task> {
        if path.as_os_str() == "-" {
            return Some(Task {
                source: "<stdin>".into(),
                payload: Payload::Stdin,
                base_url: self.base_url.clone(),
                out_rel: PathBuf::from("stdin"),
            });
        }
        if path.is_dir() {
            let walk = walkdir::WalkDir::new(&path)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter();
            self.walk = Some((path, walk));
            return None;
        }
        if is_warc(&path) {
            let rel = rel_for_argument(&path);
            return self.open_warc(path, rel);
        }
        let rel = rel_for_argument(&path);
        Some(self.file_task(path, rel))
    }

    fn open_warc(&mut self, path: PathBuf, rel: PathBuf) -> Option<Task> {
        match WarcRecords::open(&path, strip_page_extension(&rel), self.max_bytes) {
            Ok(records) => {
                self.warc = Some(records);
                None
            }
            Err(e) => Some(failed(&path, e.to_string())),
        }
    }

    /// The next page of the directory being walked, if any.
    fn next_in_walk(&mut self) -> Option<Option<Task>> {
        let (root, walk) = self.walk.as_mut()?;
        let Some(entry) = walk.next() else {
            self.walk = None;
            return Some(None);
        };
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                return Some(Some(failed(&path, e.to_string())));
            }
        };
        if entry.file_type().is_dir() {
            return Some(None);
        }
        let path = entry.into_path();
        let rel = path.strip_prefix(&*root).unwrap_or(&path).to_path_buf();
        if is_page(&path) {
            Some(Some(self.file_task(path, rel)))
        } else if is_warc(&path) {
            Some(self.open_warc(path, rel))
        } else {
            Some(None)
        }
    }
}

fn failed(path: &Path, error: String) -> Task {
    Task {
        source: path.display().to_string(),
        payload: Payload::Failed(error),
        base_url: None,
        out_rel: PathBuf::new(),
    }
}

impl Iterator for Inputs {
    type Item = Task;

    fn next(&mut self) -> Option<Task> {
        loop {
            if let Some(records) = &mut self.warc {
                match records.next() {
                    Some(task) => return Some(task),
                    None => self.warc = None,
                }
                continue;
            }
            if let Some(step) = self.next_in_walk() {
                match step {
                    Some(task) => return Some(task),
                    None => continue,
                }
            }
            match self.args.next()? {
                Ok(path) => {
                    if let Some(task) = self.start(path) {
                        return Some(task);
                    }
                }
                Err(e) => {
                    return Some(failed(Path::new("--files-from"), e.to_string()));
                }
            }
        }
    }
}

/// Tasks read ahead from a WARC file: enough to keep the workers fed while the next
/// records are decompressed.
const WARC_READ_AHEAD: usize = 8;

/// The HTML responses of one WARC file, as tasks. A thread of its own owns the (streaming,
/// borrowing) record reader, decompresses, and hands tasks over a bounded channel.
struct WarcRecords {
    tasks: mpsc::IntoIter<Task>,
}

impl WarcRecords {
    fn open(path: &Path, out_dir: PathBuf, max_bytes: usize) -> io::Result<WarcRecords> {
        let file = File::open(path)?;
        let input: Box<dyn BufRead + Send> = if has_suffix(path, &[".gz"]) {
            // Multi-member: a .warc.gz is one gzip member per record.
            Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
                BufReader::new(file),
            )))
        } else {
            Box::new(BufReader::new(file))
        };
        let (tx, rx) = mpsc::sync_channel(WARC_READ_AHEAD);
        let reading = WarcReading {
            path: path.to_path_buf(),
            out_dir,
            max_bytes: max_bytes as u64,
        };
        std::thread::Builder::new()
            .name("bodytext-warc".into())
            .spawn(move || reading.run(input, tx))?;
        Ok(WarcRecords {
            tasks: rx.into_iter(),
        })
    }
}

impl Iterator for WarcRecords {
    type Item = Task;

    fn next(&mut self) -> Option<Task> {
        self.tasks.next()
    }
}

/// What the reading thread knows of its WARC file.
struct WarcReading {
    path: PathBuf,
    /// Output folder of its records: the WARC's path without `.warc[.gz]`.
    out_dir: PathBuf,
    max_bytes: u64,
}

impl WarcReading {
    /// Send a task for every HTML response; stop at the end, at an unreadable record, or
    /// when the receiver is gone.
    fn run(self, reader: Box<dyn BufRead + Send>, tx: mpsc::SyncSender<Task>) {
        let mut reader = WarcReader::new(reader);
        let mut records = reader.stream_records();
        let mut count = 0usize;
        while let Some(item) = records.next_item() {
            count += 1;
            let task = match item {
                Ok(mut record) => {
                    if *record.warc_type() != RecordType::Response {
                        continue; // its body is skipped by the next `next_item`
                    }
                    let uri = record
                        .header(WarcHeader::TargetURI)
                        .map(|u| {
                            u.trim()
                                .trim_start_matches('<')
                                .trim_end_matches('>')
                                .to_string()
                        })
                        .unwrap_or_default();
                    let len = record.content_length();
                    let body = if len > self.max_bytes.saturating_add(GZIP_SLACK_BYTES) {
                        Err(format!(
                            "record of {len} bytes is over the limit of {} bytes",
                            self.max_bytes
                        ))
                    } else {
                        let mut body = Vec::with_capacity(len as usize);
                        match record.read_to_end(&mut body) {
                            Ok(_) => Ok(body),
                            Err(e) => {
                                let _ = tx
                                    .send(failed(&self.path, format!("WARC record {count}: {e}")));
                                return;
                            }
                        }
                    };
                    match self.task(count, uri, body) {
                        Some(task) => task,
                        None => continue,
                    }
                }
                // The header was read and the body will be skipped: go on.
                Err(e @ (warc::Error::MissingHeader(_) | warc::Error::MalformedHeader(..))) => {
                    failed(&self.path, format!("WARC record {count}: {e}"))
                }
                Err(e) => {
                    // The reader cannot resynchronise after a bad record: stop this file.
                    let _ = tx.send(failed(&self.path, format!("WARC record {count}: {e}")));
                    return;
                }
            };
            if tx.send(task).is_err() {
                return;
            }
        }
    }

    /// The task for an HTTP response record, `None` when it is not HTML.
    fn task(&self, count: usize, uri: String, body: Result<Vec<u8>, String>) -> Option<Task> {
        let source = if uri.is_empty() {
            format!("{}#record{count}", self.path.display())
        } else {
            uri.clone()
        };
        let out_rel = self
            .out_dir
            .join(format!("{:016x}", fnv1a(source.as_bytes())));
        let payload = match body.and_then(http_html_body) {
            Ok(Some(html)) => Payload::Bytes(html),
            Ok(None) => return None,
            Err(e) => Payload::Failed(e),
        };
        Some(Task {
            source,
            payload,
            base_url: Url::parse(&uri).ok(),
            out_rel,
        })
    }
}

/// The body of an HTTP response when its content type is HTML; `None` for other types.
fn http_html_body(message: Vec<u8>) -> Result<Option<Vec<u8>>, String> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut response = httparse::Response::new(&mut headers);
    let body_start = match response.parse(&message) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err("truncated HTTP header".into()),
        Err(e) => return Err(format!("bad HTTP header: {e}")),
    };
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).to_ascii_lowercase())
    };
    let content_type = header("content-type").unwrap_or_default();
    let media = content_type.split(';').next().unwrap_or("").trim();
    if !HTML_TYPES.contains(&media) {
        return Ok(None);
    }
    let chunked = header("transfer-encoding").is_some_and(|te| te.contains("chunked"));
    // Drop the header in place: no second copy of the page.
    let mut body = message;
    body.drain(..body_start);
    Ok(Some(if chunked {
        dechunk(&body).unwrap_or(body)
    } else {
        body
    }))
}

/// Undo HTTP/1.1 chunked transfer coding, as some crawlers record it; `None` when `body`
/// is not well-formed chunks (then it is used as it is).
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
        let size_field = std::str::from_utf8(&rest[..line_end]).ok()?;
        let size_hex = size_field.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?;
        rest = rest.strip_prefix(b"\r\n").unwrap_or(rest);
    }
}

/// How many pages the inputs hold, when that is cheap to know (for the progress bar's
/// ETA): `None` when a WARC file (its records must be read to be counted) or a list read
/// from stdin is among them.
pub fn count_pages(files: &[PathBuf], list: Option<&Path>) -> Option<u64> {
    let mut n: u64 = files.iter().map(|f| count_one(f)).sum::<Option<u64>>()?;
    if let Some(list) = list {
        if list.as_os_str() == "-" {
            return None;
        }
        for line in BufReader::new(File::open(list).ok()?).lines() {
            let line = line.ok()?;
            if !line.trim().is_empty() {
                n += count_one(Path::new(line.trim_end_matches('\r')))?;
            }
        }
    }
    Some(n)
}

fn count_one(path: &Path) -> Option<u64> {
    if is_warc(path) {
        return None;
    }
    if !path.is_dir() {
        return Some(1);
    }
    let mut n = 0;
    for entry in walkdir::WalkDir::new(path).follow_links(true) {
        let Ok(entry) = entry else { continue };
        if is_warc(entry.path()) {
            return None;
        }
        if entry.file_type().is_file() && is_page(entry.path()) {
            n += 1;
        }
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_extensions_are_stripped_others_kept() {
        assert_eq!(
            strip_page_extension(Path::new("a/b.html.gz")),
            Path::new("a/b")
        );
        assert_eq!(strip_page_extension(Path::new("b.HTM")), Path::new("b"));
        assert_eq!(strip_page_extension(Path::new("b.php")), Path::new("b.php"));
        assert_eq!(
            strip_page_extension(Path::new("crawl.warc.gz")),
            Path::new("crawl")
        );
        assert_eq!(strip_page_extension(Path::new(".html")), Path::new(".html"));
    }

    #[test]
    fn arguments_outside_the_current_directory_keep_only_their_name() {
        assert_eq!(
            rel_for_argument(Path::new("a/b.html")),
            Path::new("a/b.html")
        );
        assert_eq!(
            rel_for_argument(Path::new("/x/b.html")),
            Path::new("b.html")
        );
        assert_eq!(
            rel_for_argument(Path::new("../b.html")),
            Path::new("b.html")
        );
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"5\r\n<p>hi\r\n6;x=1\r\n there\r\n0\r\n\r\n").as_deref(),
            Some(&b"<p>hi there"[..])
        );
        assert_eq!(dechunk(b"<html>"), None);
    }

    #[test]
    fn only_html_responses_have_a_body() {
        let html = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>x</p>";
        assert_eq!(
            http_html_body(html.to_vec()).unwrap().as_deref(),
            Some(&b"<p>x</p>"[..])
        );
        let png = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        assert_eq!(http_html_body(png.to_vec()).unwrap(), None);
    }
}
