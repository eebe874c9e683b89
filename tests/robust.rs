//! Pathological inputs: the extractor returns a result for any bytes, never panics, and
//! does not overflow the stack on deeply nested markup.

use std::time::Instant;

use bodytext::{Article, Extractor, Options};

/// Compile-time check: an `Extractor` is built once and shared across threads.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
};

const PROSE_1: &str = "The harbour commissioners met on Tuesday evening to discuss the \
    dredging plan, which has been delayed twice since the spring survey.";
const PROSE_2: &str = "Fishermen said the channel has silted up so badly that boats can \
    only leave on the top half of the tide, costing them two days a week.";
const PROSE_3: &str = "A decision is expected next month, after the council has seen the \
    revised costs and the results of a second survey of the outer bar.";

/// A small but clearly article-shaped page, with `tail` appended inside the body.
fn article_with(tail: &str) -> String {
    format!(
        "<html><head><title>Harbour</title></head><body>\
         <article><h1>Dredging plan delayed again</h1>\
         <p>{PROSE_1}</p><p>{PROSE_2}</p><p>{PROSE_3}</p></article>{tail}"
    )
}

fn extractor() -> Extractor {
    Extractor::new(Options::default())
}

fn extract_bytes(bytes: &[u8]) -> Article {
    extractor()
        .extract_bytes(bytes, None)
        .expect("any bytes under the size limit extract")
}

/// STYLE.md: trees are walked with an explicit stack; keep a test with 100,000 nested
/// elements. Runs on a test thread's default (2 MiB) stack, so recursion would overflow.
#[test]
fn hundred_thousand_nested_divs() {
    const DEPTH: usize = 100_000;
    let deep = "Deep down at the bottom of the nesting there is a sentence, and it is here.";
    let mut html = String::with_capacity(DEPTH * 12 + 4096);
    html.push_str("<html><body><article><h1>Nested</h1>");
    html.push_str(&format!("<p>{PROSE_1}</p><p>{PROSE_2}</p>"));
    for _ in 0..DEPTH {
        html.push_str("<div>");
    }
    html.push_str(deep);
    for _ in 0..DEPTH {
        html.push_str("</div>");
    }
    html.push_str(&format!("<p>{PROSE_3}</p></article></body></html>"));

    let start = Instant::now();
    let article = extractor().extract(&html, None);
    let extract_time = start.elapsed();
    let explanation = extractor().explain(&html, None);
    eprintln!(
        "100,000 nested divs: extract {extract_time:?}, extract+explain {:?}",
        start.elapsed()
    );

    // The walk reached the bottom: the deep text is a block of its own.
    assert!(
        explanation.blocks.iter().any(|b| b.text == deep),
        "the deepest text is not a block"
    );
    // And the paragraphs on both sides of the nest survive.
    for p in [PROSE_1, PROSE_2, PROSE_3] {
        let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(article.text.contains(&p), "lost {p:?}:\n{}", article.text);
    }
}

#[test]
fn empty_input_gives_empty_article() {
    let e = extractor();
    let a = e.extract("", None);
    assert_eq!(a.text, "");
    assert_eq!(a.title, "");
    let a = extract_bytes(b"");
    assert_eq!(a.text, "");
    assert!(e.explain("", None).blocks.is_empty());
}

#[test]
fn whitespace_only_input_gives_empty_text() {
    assert_eq!(extract_bytes(b" \n\t\r\n ").text, "");
}

/// A page with no article gives its description when that is long enough to be the
/// opening of a body a script fills in, and nothing when it is a slogan; a page with an
/// article never gives it.
#[test]
fn description_stands_in_only_for_a_missing_article() {
    let long = format!("{PROSE_1} {PROSE_2}");
    let empty = |description: &str| {
        format!(
            "<html><head><meta property=\"og:description\" content=\"{description}\"></head>\
             <body><div id=app></div></body></html>"
        )
    };
    let e = extractor();
    let text = e.extract(&empty(&long), None).text;
    assert_eq!(text, long.split_whitespace().collect::<Vec<_>>().join(" "));
    assert_eq!(e.extract(&empty("Fresh bread daily"), None).text, "");
    let with_article = article_with("").replace(
        "<title>Harbour</title>",
        &format!("<meta name=description content=\"{long}\">"),
    );
    assert_eq!(
        e.extract(&with_article, None).text,
        e.extract(&article_with(""), None).text
    );
}

#[test]
fn invalid_utf8_bytes_do_not_lose_the_article() {
    // Stray 0xFF/0xFE/0xC3 bytes in an otherwise ASCII page.
    let mut bytes = article_with("").into_bytes();
    let at = bytes.len() - "</p></article>".len();
    bytes.splice(at..at, [b' ', 0xFF, 0xFE, b' ', 0xC3, b' ']);
    let a = extract_bytes(&bytes);
    assert!(
        a.text.starts_with("Dredging plan delayed again\n"),
        "{}",
        a.text
    );
    assert!(a.text.contains(PROSE_1), "{}", a.text);
    assert!(
        a.text.contains("second survey of the outer bar."),
        "{}",
        a.text
    );
}

#[test]
fn binary_junk_gives_a_result() {
    // 64 KiB of deterministic pseudo-random bytes (an LCG), with plenty of `<` and `&`.
    let mut state: u32 = 0x2545_f491;
    let bytes: Vec<u8> = (0..65_536)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (state >> 24) as u8
        })
        .collect();
    let a = extract_bytes(&bytes);
    assert!(!a.text.contains('\0'), "NUL in output");
    // The junk is not an article: no line of it reads as prose.
    let e = extractor();
    assert!(e.explain_bytes(&bytes, None).is_ok());
}

#[test]
fn nul_bytes_are_not_output() {
    let html = article_with("").replace("commissioners", "commis\0sioners");
    let a = extractor().extract(&html, None);
    assert!(!a.text.contains('\0'), "NUL in output: {:?}", a.text);
    assert!(a.text.contains("met on Tuesday evening"), "{}", a.text);
    let a = extract_bytes(format!("\0\0\0{html}\0").as_bytes());
    assert!(!a.text.contains('\0'), "NUL in output: {:?}", a.text);
    assert!(
        a.text.contains("second survey of the outer bar."),
        "{}",
        a.text
    );
}

#[test]
fn truncated_tag_at_eof_keeps_the_text_before_it() {
    for tail in ["<div cla", "<p", "<", "</", "<a href=\"/x", "&am"] {
        let a = extractor().extract(&article_with(tail), None);
        assert!(
            a.text.starts_with("Dredging plan delayed again\n"),
            "tail {tail:?}: {}",
            a.text
        );
        assert!(
            a.text.contains("second survey of the outer bar."),
            "tail {tail:?}: {}",
            a.text
        );
    }
}

#[test]
fn unclosed_script_is_not_text() {
    let a = extractor().extract(
        &article_with("<script>var secret = 'scriptword appears nowhere else';"),
        None,
    );
    assert!(
        a.text.contains("second survey of the outer bar."),
        "{}",
        a.text
    );
    assert!(!a.text.contains("scriptword"), "{}", a.text);
}

#[test]
fn unclosed_comment_is_not_text() {
    let a = extractor().extract(
        &article_with("<!-- commentword: the rest of the page is a comment, <p>really</p>"),
        None,
    );
    assert!(
        a.text.contains("second survey of the outer bar."),
        "{}",
        a.text
    );
    assert!(!a.text.contains("commentword"), "{}", a.text);
}

#[test]
fn unclosed_textarea_is_not_text() {
    let a = extractor().extract(
        &article_with(
            "<form><textarea>textareaword, and everything after it is raw text, \
             even <p>this, which looks like a paragraph of prose.</p>",
        ),
        None,
    );
    assert!(
        a.text.contains("second survey of the outer bar."),
        "{}",
        a.text
    );
    assert!(!a.text.contains("textareaword"), "{}", a.text);
}

#[test]
fn unclosed_style_is_not_text() {
    let a = extractor().extract(&article_with("<style>p { content: 'styleword' }"), None);
    assert!(
        a.text.contains("second survey of the outer bar."),
        "{}",
        a.text
    );
    assert!(!a.text.contains("styleword"), "{}", a.text);
}

#[test]
fn many_unclosed_paragraphs_and_lists() {
    // Implicitly closed elements in bulk: `<p>` closes the previous `<p>`, `<li>` the
    // previous `<li>`; no nesting builds up, and every paragraph is its own line.
    let mut html = String::from("<article><h1>Many</h1>");
    for i in 0..2000 {
        html.push_str(&format!(
            "<p>Paragraph number {i} is a sentence of plain prose, long enough to count."
        ));
    }
    let a = extractor().extract(&html, None);
    assert!(
        a.text.lines().count() >= 2000,
        "{} lines",
        a.text.lines().count()
    );
    assert!(
        a.text.contains("Paragraph number 1999 is"),
        "last paragraph lost"
    );
}

#[test]
fn extractor_is_shared_across_threads() {
    let e = extractor();
    let html = article_with("");
    let expected = e.extract(&html, None).text;
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| e.extract(&html, None).text))
            .collect();
        for h in handles {
            assert_eq!(h.join().expect("thread"), expected);
        }
    });
}
