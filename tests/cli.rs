//! Tests of the `bodytext` command line: they run the built binary.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
mod common;
use common::{TempDir, bodytext, run_with_input, stderr, stdout};

/// A corpus page with a short, known article.
const PAGE: &str = "corpus/edge/utf8-bom.html";
/// Its headline, the first line of its text.
const HEADLINE: &str = "Ferry timetable changes for the winter season";

fn run(args: &[&str]) -> Output {
    bodytext()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run bodytext")
}

fn page_bytes() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(PAGE)).expect("read page")
}

#[test]
fn file_argument_prints_the_article() {
    let o = run(&[PAGE]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with(HEADLINE), "{text}");
    assert!(text.contains("The ferry operator has confirmed"), "{text}");
    assert!(!text.contains("Latest notices"), "{text}");
    assert!(text.ends_with('\n'));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}

#[test]
fn no_argument_reads_stdin() {
    let o = run_with_input(&mut bodytext(), &page_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), stdout(&run(&[PAGE])));
}

#[test]
fn dash_reads_stdin() {
    let o = run_with_input(bodytext().arg("-"), &page_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with(HEADLINE), "{}", stdout(&o));
}

#[test]
fn empty_stdin_gives_empty_output_and_success() {
    let o = run_with_input(&mut bodytext(), b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}

#[test]
fn explain_prints_the_block_table() {
    let o = run(&["--explain", PAGE]);
    assert!(o.status.success(), "{}", stderr(&o));
    let table = stdout(&o);
    for column in ["label", "reason", "words"] {
        assert!(table.contains(column), "no `{column}` column:\n{table}");
    }
    assert!(table.contains("CONTENT"), "{table}");
    // Chrome appears in the table (with its label), unlike in the text.
    assert!(table.contains("Latest notices"), "{table}");
}

#[test]
fn base_url_is_accepted() {
    for flag in ["--base-url", "--url"] {
        let o = run(&[flag, "https://example.com/news/ferry", PAGE]);
        assert!(o.status.success(), "{flag}: {}", stderr(&o));
        assert!(stdout(&o).starts_with(HEADLINE));
    }
}

#[test]
fn help_has_examples() {
    let o = run(&["--help"]);
    assert!(o.status.success());
    let help = stdout(&o);
    assert!(help.contains("Examples"), "{help}");
    assert!(help.contains("--explain"), "{help}");
}

#[test]
fn version_prints_the_crate_version() {
    let o = run(&["--version"]);
    assert!(o.status.success());
    let v = stdout(&o);
    assert!(v.contains(env!("CARGO_PKG_VERSION")), "{v}");
    assert!(v.starts_with("bodytext"), "{v}");
}

#[test]
fn missing_file_is_named_exits_1_and_the_other_files_still_print() {
    let missing = "no-such-dir/no-such-page.html";
    let o = run(&[missing, PAGE]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains(missing), "error does not name the file: {err}");
    assert!(stdout(&o).starts_with(HEADLINE), "{}", stdout(&o));
}

#[test]
fn unknown_flag_exits_2() {
    let o = run(&["--no-such-flag", PAGE]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("--no-such-flag"), "{}", stderr(&o));
}

#[test]
fn bad_base_url_exits_2() {
    let o = run(&["--base-url", "not a url", PAGE]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn unknown_encoding_exits_2() {
    let o = run(&["--encoding", "no-such-charset", PAGE]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("no-such-charset"), "{}", stderr(&o));
}

#[test]
fn gzip_file_is_decompressed() {
    use flate2::{Compression, write::GzEncoder};
    let dir = TempDir::new("gz");
    let gz_path = dir.path().join("page.html.gz");
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(&page_bytes()).expect("gzip");
    std::fs::write(&gz_path, gz.finish().expect("gzip")).expect("write .gz");
    let o = run(&[gz_path.to_str().expect("UTF-8 path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), stdout(&run(&[PAGE])));
}

/// A page whose article text is far larger than a pipe buffer (64 KiB on Linux).
fn big_page() -> String {
    let mut html = String::from("<html><head><title>Big</title></head><body><article><h1>Big</h1>");
    for i in 0..3000 {
        html.push_str(&format!(
            "<p>Paragraph {i} of a very long article goes on, as long articles do, about the \
             council budget, the harbour, the ferry timetable and the weather, with enough \
             words and commas to read as prose.</p>\n"
        ));
    }
    html.push_str("</article></body></html>");
    html
}

/// `bodytext big.html | head -c 10`: a closed stdout is not an error.
#[test]
fn closed_pipe_exits_quietly() {
    let dir = TempDir::new("pipe");
    let path = dir.path().join("big.html");
    std::fs::write(&path, big_page()).expect("write big page");
    let mut child = bodytext()
        .arg(&path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn bodytext");
    let mut err_pipe = child.stderr.take().expect("stderr");
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        err_pipe.read_to_string(&mut s).map(|_| s)
    });
    let mut out = child.stdout.take().expect("stdout");
    let mut head = [0u8; 10];
    out.read_exact(&mut head).expect("read the first bytes");
    assert_eq!(&head, b"Big\nParagr");
    drop(out);
    let status = child.wait().expect("wait for bodytext");
    let err = err_reader
        .join()
        .expect("stderr thread")
        .expect("read stderr");
    assert!(status.success(), "exit {status}, stderr: {err}");
    assert_eq!(err, "", "nothing on stderr");
}

/// A two-page dataset (`html/<id>.html` + `truth/<id>.txt`) in a temp dir named `name`.
fn tiny_dataset(name: &str) -> (TempDir, PathBuf) {
    let dir = TempDir::new(name);
    let root = dir.path().join(name);
    std::fs::create_dir_all(root.join("html")).expect("mkdir html");
    std::fs::create_dir_all(root.join("truth")).expect("mkdir truth");
    std::fs::write(root.join("html/ferry.html"), page_bytes()).expect("write page");
    let ferry = stdout(&run(&[PAGE]));
    // The truth has a sentence the page lacks, so no extractor reaches F1 = 1.
    std::fs::write(
        root.join("truth/ferry.txt"),
        format!("{ferry}A closing sentence that the page itself never printed anywhere.\n"),
    )
    .expect("write truth");
    std::fs::write(
        root.join("html/storm.html"),
        "<html><body><nav><a href=/>Home</a></nav><article><h1>Storm closes coastal roads</h1>\
         <p>The storm closed three coastal roads on Monday, officials said, and several \
         villages were cut off until the evening.</p>\
         <p>Crews expect to reopen them by Wednesday, weather permitting.</p></article>\
         <footer>© 2024 Example</footer></body></html>",
    )
    .expect("write page");
    std::fs::write(
        root.join("truth/storm.txt"),
        "Storm closes coastal roads\nThe storm closed three coastal roads on Monday, \
         officials said, and several villages were cut off until the evening.\n\
         Crews expect to reopen them by Wednesday, weather permitting.\n",
    )
    .expect("write truth");
    (dir, root)
}

#[test]
fn eval_prints_a_table_naming_the_dataset() {
    let (_dir, root) = tiny_dataset("tinyset");
    let o = run(&["eval", root.to_str().expect("UTF-8 path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let table = stdout(&o);
    assert!(table.contains("tinyset"), "{table}");
    assert!(table.contains("F1"), "{table}");
}

#[test]
fn eval_json_has_a_summary_per_dataset() {
    let (_dir, root) = tiny_dataset("tinyjson");
    let o = run(&[
        "eval",
        "--json",
        "--worst",
        "1",
        root.to_str().expect("UTF-8 path"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let s = &v["summaries"][0];
    assert_eq!(s["dataset"], "tinyjson", "{v:#}");
    assert_eq!(s["pages"], 2, "{v:#}");
    let f1 = s["f1"].as_f64().expect("f1 is a number");
    assert!(f1 > 0.5 && f1 < 1.0, "F1 {f1}: {v:#}");
    assert_eq!(v["worst"][0]["worst"].as_array().map(Vec::len), Some(1));
}

#[test]
fn eval_pred_scores_saved_predictions() {
    let (dir, root) = tiny_dataset("tinypred");
    let pred = dir.path().join("pred");
    std::fs::create_dir_all(&pred).expect("mkdir pred");
    // storm: exact; ferry: missing, which is an empty prediction.
    std::fs::copy(root.join("truth/storm.txt"), pred.join("storm.txt")).expect("copy");
    let o = run(&[
        "eval",
        "--json",
        "--pred",
        pred.to_str().expect("UTF-8 path"),
        root.to_str().expect("UTF-8 path"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let s = &v["summaries"][0];
    // An empty prediction does not count for precision, and has recall 0.
    assert_eq!(s["precision"].as_f64(), Some(1.0), "{v:#}");
    assert_eq!(s["recall"].as_f64(), Some(0.5), "{v:#}");
    assert_eq!(s["empty"], 1, "{v:#}");
}

#[test]
fn eval_save_writes_predictions() {
    let (dir, root) = tiny_dataset("tinysave");
    let save = dir.path().join("saved");
    let o = run(&[
        "eval",
        "--save",
        save.to_str().expect("UTF-8 path"),
        root.to_str().expect("UTF-8 path"),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let saved = std::fs::read_to_string(save.join("ferry.txt")).expect("saved prediction");
    assert!(saved.starts_with(HEADLINE), "{saved}");
}

#[test]
fn eval_of_a_folder_that_is_not_a_dataset_fails_naming_it() {
    let dir = TempDir::new("notaset");
    let o = run(&["eval", dir.str()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains(dir.str()), "{}", stderr(&o));
}

#[test]
fn eval_floors_gate_the_exit_code() {
    let (dir, root) = tiny_dataset("tinygate");
    let root = root.to_str().expect("UTF-8 path");
    let floors = dir.path().join("floors.txt");
    let floors_arg = floors.to_str().expect("UTF-8 path");

    std::fs::write(&floors, "# unreachable\ntinygate 1.0\n").expect("write floors");
    let o = run(&["eval", "--floors", floors_arg, root]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("tinygate"), "{}", stderr(&o));

    std::fs::write(&floors, "tinygate 0.0  # anything passes\n").expect("write floors");
    let o = run(&["eval", "--floors", floors_arg, root]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    std::fs::write(&floors, "tinygate one\n").expect("write floors");
    let o = run(&["eval", "--floors", floors_arg, root]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn format_markdown_keeps_heading_levels_and_tables() {
    let o = run(&["--format", "markdown", "corpus/product/kettle-specs.html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.starts_with("# Halden 1.7L"), "{md}");
    assert!(
        md.contains("\n\n## Specifications\n\n| Capacity | 1.7 litres |\n| --- | --- |\n"),
        "{md}"
    );
}

#[test]
fn format_html_and_links_resolve_against_the_base_url() {
    let o = run(&[
        "-f",
        "html",
        "--links",
        "--base-url",
        "https://forum.example/t/1",
        "corpus/forum/bike-gears-slipping-thread.html",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(html.starts_with("<article>\n"), "{html}");
    assert!(
        html.contains("<a href=\"https://forum.example/t/1#p391021\">"),
        "{html}"
    );
}

#[test]
fn format_json_is_one_object_with_markdown_and_comments_on_request() {
    let o = run(&[
        "-f",
        "json",
        "--with-markdown",
        "--comments",
        "corpus/blog/sourdough-starter-comments.html",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let value: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON object");
    assert!(
        value["text"]
            .as_str()
            .unwrap()
            .starts_with("What I learned")
    );
    assert!(
        value["markdown"]
            .as_str()
            .unwrap()
            .starts_with("# What I learned")
    );
    let comments = value["comments"].as_str().unwrap();
    assert!(comments.contains("boiler cupboard"), "{comments}");
    assert!(
        !value["text"]
            .as_str()
            .unwrap()
            .contains("This made me laugh")
    );
}

#[test]
fn output_dir_files_take_the_format_extension() {
    let dir = TempDir::new("format-ext");
    let o = run(&["-f", "markdown", "-o", dir.str(), PAGE]);
    assert!(o.status.success(), "{}", stderr(&o));
    let written = dir.path().join("corpus/edge/utf8-bom.md");
    let md =
        std::fs::read_to_string(&written).unwrap_or_else(|e| panic!("{}: {e}", written.display()));
    assert!(md.starts_with(&format!("# {HEADLINE}")), "{md}");
}
