//! Tests of batch runs of the `bodytext` command line (many inputs, folders, lists, WARC
//! files, `-o DIR`, `--jsonl`, `-j`): they run the built binary on pages made here.

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};
mod common;
use common::{TempDir, bodytext, run_with_input, stderr, stdout};

use flate2::{Compression, write::GzEncoder};
use serde_json::Value;

fn run_in(dir: &Path, args: &[&str]) -> Output {
    bodytext()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run bodytext")
}

/// The JSONL records of a run.
fn records(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// A page whose article starts with `headline`; `paragraphs` sets its size.
fn page(headline: &str, paragraphs: usize) -> String {
    let mut html = format!(
        "<html><head><title>{headline}</title></head><body>\
         <nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>{headline}</h1>"
    );
    for i in 0..paragraphs {
        html.push_str(&format!(
            "<p>Paragraph {i} about {headline}: the council met on Monday, officials said, \
             and the harbour works will go on through the winter, weather permitting.</p>"
        ));
    }
    html.push_str("</article><footer>© 2024 Example</footer></body></html>");
    html
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(bytes).expect("gzip");
    gz.finish().expect("gzip")
}

/// A folder: `b/c/two.htm`, `a/one.html`, `three.html.gz` and `notes.txt` (not a page).
fn tree() -> TempDir {
    let dir = TempDir::new("tree");
    dir.write("site/b/c/two.htm", page("Second story", 3).as_bytes());
    dir.write("site/a/one.html", page("First story", 3).as_bytes());
    dir.write(
        "site/three.html.gz",
        &gzip(page("Third story", 3).as_bytes()),
    );
    dir.write("site/notes.txt", b"not a page");
    dir
}

#[test]
fn a_directory_is_walked_recursively_in_sorted_order() {
    let dir = tree();
    let o = run_in(dir.path(), &["--jsonl", "site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let sources: Vec<_> = records(&o)
        .iter()
        .map(|r| r["source"].as_str().expect("source").to_string())
        .collect();
    assert_eq!(
        sources,
        ["site/a/one.html", "site/b/c/two.htm", "site/three.html.gz"]
    );
    // Plain text is the concatenation of the pages' texts, in the same order.
    let o = run_in(dir.path(), &["site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let (first, second, third) = (
        text.find("First story").expect("first"),
        text.find("Second story").expect("second"),
        text.find("Third story").expect("third"),
    );
    assert!(first < second && second < third, "{text}");
    assert!(!text.contains("Home"), "{text}");
}

#[test]
fn several_pages_end_with_a_summary_on_stderr() {
    let dir = tree();
    let o = run_in(dir.path(), &["site"]);
    assert!(
        stderr(&o).contains("3 pages, 0 failed"),
        "summary: {}",
        stderr(&o)
    );
}

#[test]
fn output_dir_mirrors_the_tree_and_leaves_no_temporary_files() {
    let dir = tree();
    let o = run_in(dir.path(), &["-o", "out", "site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
    let mut files: Vec<String> = walk(&dir.path().join("out"));
    files.sort();
    assert_eq!(files, ["a/one.txt", "b/c/two.txt", "three.txt"]);
    let one = std::fs::read_to_string(dir.path().join("out/a/one.txt")).expect("one.txt");
    assert!(one.starts_with("First story\n"), "{one}");
    // Each file holds what printing that page gives.
    let printed = stdout(&run_in(dir.path(), &["site/a/one.html"]));
    assert_eq!(one, printed);
}

#[test]
fn inputs_with_the_same_output_name_never_overwrite_each_other() {
    let dir = TempDir::new("clash");
    dir.write("site/a.html", page("Plain story", 3).as_bytes());
    dir.write("site/a.htm", page("Short story", 3).as_bytes());
    dir.write("site/a.html.gz", &gzip(page("Zipped story", 3).as_bytes()));
    dir.write("site/a~2.html", page("Tilde story", 3).as_bytes());
    dir.write("more/a.html", page("Second folder story", 3).as_bytes());
    let o = run_in(dir.path(), &["-o", "out", "site", "more"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // In input order (sorted within a folder: a.htm, a.html, a.html.gz, a~2.html, then
    // more/a.html) the first takes the name, each later one the first free `~N`.
    let expected = [
        ("a.txt", "Short story"),
        ("a~2.txt", "Plain story"),
        ("a~3.txt", "Zipped story"),
        ("a~2~2.txt", "Tilde story"),
        ("a~4.txt", "Second folder story"),
    ];
    let mut files = walk(&dir.path().join("out"));
    files.sort();
    let mut names: Vec<&str> = expected.iter().map(|(name, _)| *name).collect();
    names.sort();
    assert_eq!(files, names);
    for (name, headline) in expected {
        let text = std::fs::read_to_string(dir.path().join("out").join(name)).expect(name);
        assert!(text.starts_with(&format!("{headline}\n")), "{name}: {text}");
    }
    assert!(
        stderr(&o).contains("more/a.html") && stderr(&o).contains("a~4.txt"),
        "{}",
        stderr(&o)
    );
    // A second run into the same folder rewrites the same files (no `~5`).
    let again = run_in(dir.path(), &["-o", "out", "site", "more"]);
    assert!(again.status.success(), "{}", stderr(&again));
    let mut files_again = walk(&dir.path().join("out"));
    files_again.sort();
    assert_eq!(files_again, names);
}

#[test]
fn a_killed_run_leaves_only_complete_output_files() {
    let dir = TempDir::new("killed");
    let html = page("Long story", 400);
    for i in 0..300 {
        dir.write(&format!("site/p{i:03}.html"), html.as_bytes());
    }
    let expected = stdout(&run_in(dir.path(), &["site/p000.html"]));
    let mut child = bodytext()
        .current_dir(dir.path())
        .args(["-j", "1", "-o", "out", "site"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run bodytext");
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().expect("kill");
    child.wait().expect("wait");
    let out = dir.path().join("out");
    for name in walk(&out) {
        // Temporary files end in `.bodytext-tmp`: only the `.txt` files are outputs.
        if name.ends_with(".txt") {
            let text = std::fs::read_to_string(out.join(&name)).expect("read");
            assert_eq!(text, expected, "{name} is incomplete");
        }
    }
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_finishes_its_file_removes_no_output_and_exits_130() {
    let dir = TempDir::new("interrupted");
    let html = page("Long story", 400);
    let pages = 600;
    for i in 0..pages {
        dir.write(&format!("site/p{i:03}.html"), html.as_bytes());
    }
    let expected = stdout(&run_in(dir.path(), &["site/p000.html"]));
    let child = bodytext()
        .current_dir(dir.path())
        .args(["-j", "1", "-o", "out", "site"])
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run bodytext");
    // Interrupt as soon as the first page is out: the other pages take a second or more.
    let out = dir.path().join("out");
    let started = std::time::Instant::now();
    while !out.join("p000.txt").exists() {
        assert!(started.elapsed().as_secs() < 60, "no output after a minute");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(kill.success());
    let o = child.wait_with_output().expect("wait");
    assert_eq!(o.status.code(), Some(130), "{}", stderr(&o));
    assert!(stderr(&o).contains("interrupted"), "{}", stderr(&o));
    let names = walk(&out);
    assert!(names.len() < pages, "the run was not interrupted");
    for name in names {
        assert!(
            name.ends_with(".txt") && !name.starts_with('.'),
            "{name} left over"
        );
        let text = std::fs::read_to_string(out.join(&name)).expect("read");
        assert_eq!(text, expected, "{name} is incomplete");
    }
}

/// Every file under `root`, as `/`-separated relative paths (temporary files included).
fn walk(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read_dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(root).expect("under root");
                found.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found
}

#[test]
fn jsonl_keeps_input_order_and_records_every_failure() {
    let dir = TempDir::new("errors");
    dir.write("ok1.html", page("Good one", 2).as_bytes());
    // A gzip header followed by junk: gunzip fails.
    dir.write(
        "corrupt.html.gz",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03not deflate",
    );
    dir.write("big.html", page("Too big", 200).as_bytes());
    dir.write("ok2.html", page("Good two", 2).as_bytes());
    let o = run_in(
        dir.path(),
        &[
            "--jsonl",
            "--max-input-bytes",
            "20000",
            "ok1.html",
            "corrupt.html.gz",
            "missing.html",
            "big.html",
            "ok2.html",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let recs = records(&o);
    let sources: Vec<_> = recs.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(
        sources,
        [
            "ok1.html",
            "corrupt.html.gz",
            "missing.html",
            "big.html",
            "ok2.html"
        ]
    );
    assert_eq!(recs[0]["title"], "Good one");
    assert_eq!(recs[0]["truncated"], false);
    assert_eq!(recs[0]["metadata"]["title"], "Good one");
    assert!(recs[0]["text"].as_str().unwrap().starts_with("Good one\n"));
    assert!(recs[0].get("error").is_none());
    for (i, cause) in [(1, "gunzip"), (2, ""), (3, "over the limit")] {
        let error = recs[i]["error"].as_str().expect("an error record");
        assert!(error.contains(cause), "record {i}: {error}");
        assert!(recs[i].get("text").is_none());
        // The same failure is on stderr, naming the file.
        assert!(
            stderr(&o).contains(&format!("{}: {error}", sources[i])),
            "{}",
            stderr(&o)
        );
    }
    assert_eq!(recs[4]["title"], "Good two");
    assert!(stderr(&o).contains("5 pages, 3 failed"), "{}", stderr(&o));
}

#[test]
fn one_failed_page_in_text_mode_exits_1_and_the_others_print() {
    let dir = TempDir::new("exit");
    dir.write("site/a.html", page("Kept page", 2).as_bytes());
    dir.write("site/b.html.gz", b"\x1f\x8bbroken");
    let o = run_in(dir.path(), &["site"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("Kept page\n"), "{}", stdout(&o));
    assert!(stderr(&o).contains("site/b.html.gz"), "{}", stderr(&o));
}

#[test]
fn files_from_a_list_and_from_stdin() {
    let dir = tree();
    let list = "site/three.html.gz\n\nsite/a/one.html\n";
    dir.write("list.txt", list.as_bytes());
    let o = run_in(dir.path(), &["--jsonl", "--files-from", "list.txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let titles: Vec<_> = records(&o)
        .iter()
        .map(|r| r["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(titles, ["Third story", "First story"]);

    let o = run_with_input(
        bodytext()
            .current_dir(dir.path())
            .args(["--jsonl", "--files-from", "-"]),
        list.as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(records(&o).len(), 2);
}

/// One WARC record: version line, headers, a blank line, the block, two CRLFs.
fn warc_record(kind: &str, id: u32, extra: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut head = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{id:012}>\r\n"
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));
    let mut record = head.into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

fn response(id: u32, uri: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    http.extend_from_slice(body);
    warc_record(
        "response",
        id,
        &[
            ("WARC-Target-URI", uri),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        &http,
    )
}

/// A crawl: warcinfo, an HTML page, an image, a request, another HTML page.
fn warc_records() -> Vec<Vec<u8>> {
    vec![
        warc_record(
            "warcinfo",
            1,
            &[("Content-Type", "application/warc-fields")],
            b"software: hand-made\r\nformat: WARC File Format 1.0\r\n",
        ),
        response(
            2,
            "https://example.com/news/harbour",
            "text/html; charset=utf-8",
            page("Harbour works", 3).as_bytes(),
        ),
        response(
            3,
            "https://example.com/logo.png",
            "image/png",
            b"\x89PNG\r\n\x1a\n",
        ),
        warc_record(
            "request",
            4,
            &[
                ("WARC-Target-URI", "https://example.com/news/ferry"),
                ("Content-Type", "application/http; msgtype=request"),
            ],
            b"GET /news/ferry HTTP/1.1\r\nHost: example.com\r\n\r\n",
        ),
        response(
            5,
            "https://example.com/news/ferry",
            "application/xhtml+xml",
            page("Ferry timetable", 3).as_bytes(),
        ),
    ]
}

fn check_warc_output(o: &Output) {
    assert!(o.status.success(), "{}", stderr(o));
    let recs = records(o);
    assert_eq!(recs.len(), 2, "only the HTML responses: {recs:?}");
    assert_eq!(recs[0]["source"], "https://example.com/news/harbour");
    assert_eq!(recs[0]["url"], "https://example.com/news/harbour");
    assert_eq!(recs[0]["title"], "Harbour works");
    assert!(
        recs[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Harbour works\nParagraph 0")
    );
    assert_eq!(recs[1]["source"], "https://example.com/news/ferry");
    assert_eq!(recs[1]["title"], "Ferry timetable");
}

#[test]
fn warc_html_responses_are_pages_keyed_by_target_uri() {
    let dir = TempDir::new("warc");
    dir.write("crawl.warc", &warc_records().concat());
    check_warc_output(&run_in(dir.path(), &["--jsonl", "crawl.warc"]));

    // Gzipped as crawlers write it: one gzip member per record.
    let members: Vec<u8> = warc_records().iter().flat_map(|r| gzip(r)).collect();
    dir.write("crawl.warc.gz", &members);
    check_warc_output(&run_in(dir.path(), &["--jsonl", "crawl.warc.gz"]));

    // -o DIR: one file per record, in a folder named after the WARC.
    let o = run_in(dir.path(), &["-o", "out", "crawl.warc.gz"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let files = walk(&dir.path().join("out"));
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(
        files
            .iter()
            .all(|f| f.starts_with("crawl/") && f.ends_with(".txt"))
    );
}

#[test]
fn a_truncated_warc_is_a_failure_after_its_complete_records() {
    let dir = TempDir::new("warc-cut");
    let mut bytes = warc_records()[..2].concat();
    let last = response(9, "https://example.com/cut", "text/html", b"<p>cut</p>");
    bytes.extend_from_slice(&last[..last.len() - 20]);
    dir.write("cut.warc", &bytes);
    let o = run_in(dir.path(), &["--jsonl", "cut.warc"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let recs = records(&o);
    assert_eq!(recs[0]["title"], "Harbour works");
    assert_eq!(recs.last().unwrap()["source"], "cut.warc");
    assert!(recs.last().unwrap()["error"].is_string());
}

#[test]
fn one_thread_and_two_threads_give_the_same_output() {
    let dir = TempDir::new("jobs");
    // Sizes vary a lot so that pages finish out of order on two threads.
    for i in 0..80 {
        let size = if i % 7 == 0 { 300 } else { 1 + i % 5 };
        dir.write(
            &format!("site/{i:03}.html"),
            page(&format!("Story {i}"), size).as_bytes(),
        );
    }
    dir.write("site/zz-broken.html.gz", b"\x1f\x8b\x08junk");
    let one = run_in(dir.path(), &["--jsonl", "-j", "1", "site"]);
    let two = run_in(dir.path(), &["--jsonl", "-j", "2", "site"]);
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(two.status.code(), Some(1));
    assert_eq!(records(&one).len(), 81);
    assert_eq!(stdout(&one), stdout(&two));
    let text_one = run_in(dir.path(), &["-j", "1", "site"]);
    let text_two = run_in(dir.path(), &["-j", "2", "site"]);
    assert_eq!(stdout(&text_one), stdout(&text_two));
}

#[test]
fn bench_reports_parse_and_extraction_throughput() {
    let dir = tree();
    let o = run_in(dir.path(), &["bench", "--json", "site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let r = &v[0];
    assert_eq!(r["pages"], 3, "{v:#}");
    assert!(r["parse"]["pages_per_s"].as_f64().unwrap() > 0.0, "{v:#}");
    assert!(
        r["parse_bodytext"]["pages_per_s"].as_f64().unwrap() > 0.0,
        "{v:#}"
    );
    assert!(r["extract"]["mb_per_s"].as_f64().unwrap() > 0.0, "{v:#}");
    let shares: f64 = r["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s[1].as_f64().unwrap())
        .sum();
    assert!((shares - 1.0).abs() < 1e-6, "{v:#}");
    let table = run_in(dir.path(), &["bench", "site"]);
    assert!(
        stdout(&table).contains("extract/parse"),
        "{}",
        stdout(&table)
    );
}

/// The embedding recipe of README "Batch and speed": one `Extractor`, shared by reference
/// across rayon threads.
#[test]
fn one_extractor_is_shared_across_threads() {
    use rayon::prelude::*;
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<bodytext::Extractor>();

    let extractor = bodytext::Extractor::new(bodytext::Options::default());
    let pages: Vec<String> = (0..64).map(|i| page(&format!("Story {i}"), 2)).collect();
    let texts: Vec<String> = pages
        .par_iter()
        .map(|html| extractor.extract(html, None).text)
        .collect();
    for (i, text) in texts.iter().enumerate() {
        assert!(text.starts_with(&format!("Story {i}\n")), "{text}");
    }
    let readme = [
        "<article><h1>One</h1><p>The first page has a paragraph of prose, long enough, with commas.</p></article>",
        "<article><h1>Two</h1><p>The second page has another paragraph of prose, also with commas.</p></article>",
    ];
    let texts: Vec<String> = readme
        .par_iter()
        .map(|html| extractor.extract(html, None).text)
        .collect();
    assert!(texts[1].starts_with("Two"), "{texts:?}");
}
