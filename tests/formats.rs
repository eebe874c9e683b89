//! The Markdown, HTML and JSON output on small hand-written pages: each test names the
//! rule of issue 4 it checks.

use bodytext::{Extractor, Format, Options, RenderOptions, Url};

/// Prose long enough to be kept as article text anywhere on a page.
const PROSE: &str = "The council met on Tuesday evening to settle the budget for the coming \
    year, and after a long debate the members agreed to fund the new library wing.";

fn page(body: &str) -> String {
    format!(
        "<html><head><title>Test page</title></head><body><article>{body}</article></body></html>"
    )
}

fn render(body: &str, format: Format, options: &RenderOptions, base: Option<&str>) -> String {
    let base = base.map(|b| Url::parse(b).unwrap());
    Extractor::default()
        .extract(&page(body), base.as_ref())
        .render(format, options)
}

fn markdown(body: &str) -> String {
    render(
        body,
        Format::Markdown,
        &RenderOptions::new(true, true),
        None,
    )
}

#[test]
fn heading_levels_are_kept() {
    let md = markdown(&format!(
        "<h1>Top</h1><p>{PROSE}</p><h2>Second</h2><p>{PROSE}</p><h3>Third</h3><p>{PROSE}</p>"
    ));
    assert!(md.starts_with("# Top\n\n"), "{md}");
    assert!(md.contains("\n\n## Second\n\n"), "{md}");
    assert!(md.contains("\n\n### Third\n\n"), "{md}");
}

#[test]
fn nested_lists_are_indented_under_their_item() {
    let md = markdown(&format!(
        "<p>{PROSE}</p><ul><li>Apples, picked in the autumn<ol><li>Cox</li><li>Bramley</li></ol></li>\
         <li>Pears, picked later</li></ul><p>{PROSE}</p>"
    ));
    assert!(
        md.contains(
            "- Apples, picked in the autumn\n  1. Cox\n  2. Bramley\n- Pears, picked later"
        ),
        "{md}"
    );
}

#[test]
fn quotes_are_prefixed_on_every_line() {
    let md = markdown(&format!(
        "<p>{PROSE}</p><blockquote><p>{PROSE}</p><p>Second line of the quote here.</p></blockquote>"
    ));
    assert!(
        md.contains(&format!("> {PROSE}\n>\n> Second line of the quote here.")),
        "{md}"
    );
}

#[test]
fn definition_lists_keep_terms_and_definitions() {
    let body = format!(
        "<p>{PROSE}</p><dl><dt>Tack</dt><dd>To turn the bow through the wind.</dd>\
         <dt>Jibe</dt><dd>To turn the stern through the wind.</dd></dl><p>{PROSE}</p>"
    );
    let md = markdown(&body);
    assert!(
        md.contains(
            "\n\nTack\n\n:   To turn the bow through the wind.\n\n\
             Jibe\n\n:   To turn the stern through the wind.\n\n"
        ),
        "{md}"
    );
    let html = render(&body, Format::Html, &RenderOptions::default(), None);
    assert!(
        html.contains(
            "<dl>\n<dt>Tack</dt>\n<dd>To turn the bow through the wind.</dd>\n\
             <dt>Jibe</dt>\n<dd>To turn the stern through the wind.</dd>\n</dl>\n"
        ),
        "{html}"
    );
}

#[test]
fn code_blocks_are_verbatim_and_name_their_language() {
    let md = markdown(&format!(
        "<p>{PROSE}</p><pre><code class=\"language-rust\">fn main() {{\n    let x = a * b_c;\n}}</code></pre><p>{PROSE}</p>"
    ));
    assert!(
        md.contains("```rust\nfn main() {\n    let x = a * b_c;\n}\n```"),
        "{md}"
    );
}

#[test]
fn tables_keep_every_cell_with_lists_and_breaks_inside() {
    let md = markdown(&format!(
        "<p>{PROSE}</p><table><thead><tr><th>Model</th><th>Notes</th><th>Price</th></tr></thead>\
         <tbody><tr><td>A1</td><td><ul><li>quiet</li><li>small</li></ul></td><td></td></tr>\
         <tr><td>B2</td><td>line one<br>line two</td><td>40 | 50</td></tr></tbody></table><p>{PROSE}</p>"
    ));
    assert!(
        md.contains(
            "| Model | Notes | Price |\n| --- | --- | --- |\n| A1 | • quiet<br>• small |  |\n\
             | B2 | line one<br>line two | 40 \\| 50 |"
        ),
        "{md}"
    );
}

#[test]
fn emphasis_and_inline_code_are_marked_and_text_escaped() {
    let md = markdown(&format!(
        "<p>{PROSE} It was <em>very</em> <strong>late</strong>; run <code>make *</code> \
         to build snake_case files, not *these* [ones].</p>"
    ));
    assert!(
        md.contains(
            "It was *very* **late**; run `make *` to build snake_case files, not \\*these\\* \\[ones\\]."
        ),
        "{md}"
    );
}

#[test]
fn links_resolve_against_base_href_then_the_given_url() {
    let body = format!(
        "<p>{PROSE} See <a href=\"/minutes\">the minutes</a>, <a href=\"javascript:void(0)\">\
         this</a> and <a href=\"mailto:clerk@example.org\">the clerk</a>.</p>"
    );
    let md = render(
        &body,
        Format::Markdown,
        &RenderOptions::new(true, false),
        Some("https://news.example.com/2024/budget"),
    );
    assert!(
        md.contains(
            "See [the minutes](https://news.example.com/minutes), this and \
             [the clerk](mailto:clerk@example.org)."
        ),
        "{md}"
    );
    let with_base = format!(
        "<html><head><base href=\"https://archive.example.net/docs/\"></head><body><article>{body}\
         </article></body></html>"
    );
    let article = Extractor::default().extract(&with_base, None);
    let md = article.render(Format::Markdown, &RenderOptions::new(true, false));
    assert!(
        md.contains("[the minutes](https://archive.example.net/minutes)"),
        "{md}"
    );
    let plain = article.render(Format::Markdown, &RenderOptions::new(false, false));
    assert!(
        plain.contains("See the minutes, this and the clerk."),
        "{plain}"
    );
}

#[test]
fn images_keep_their_alt_text_and_drop_data_urls() {
    let body = format!(
        "<p>{PROSE}</p><figure><img src=\"/img/wing.jpg\" alt=\"The new wing\"></figure>\
         <p>{PROSE} <img src=\"data:image/gif;base64,R0lGOD\" alt=\"pixel\"></p>"
    );
    let md = render(
        &body,
        Format::Markdown,
        &RenderOptions::new(false, true),
        Some("https://news.example.com/a"),
    );
    assert!(
        md.contains("\n\n![The new wing](https://news.example.com/img/wing.jpg)\n\n"),
        "{md}"
    );
    assert!(!md.contains("pixel"), "{md}");
    let without = render(&body, Format::Markdown, &RenderOptions::default(), None);
    assert!(!without.contains("!["), "{without}");
}

#[test]
fn html_is_minimal_and_escaped() {
    let html = render(
        &format!(
            "<h2 class=\"x\" style=\"color:red\">Plan</h2><p>{PROSE} Costs &lt; 5 &amp; more.</p>\
             <ul><li>one</li><li>two</li></ul>"
        ),
        Format::Html,
        &RenderOptions::default(),
        None,
    );
    assert!(html.starts_with("<article>\n"), "{html}");
    assert!(html.contains("<h2>Plan</h2>"), "{html}");
    assert!(html.contains("Costs &lt; 5 &amp; more.</p>"), "{html}");
    assert!(
        html.contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
        "{html}"
    );
    assert!(!html.contains("style"), "{html}");
    assert!(html.ends_with("</article>\n"), "{html}");
}

#[test]
fn json_carries_metadata_and_markdown_on_request() {
    let html = page(&format!("<h1>Budget agreed</h1><p>{PROSE}</p>"));
    let article = Extractor::default().extract(&html, None);
    let mut options = RenderOptions::default();
    let value: serde_json::Value =
        serde_json::from_str(&article.render(Format::Json, &options)).unwrap();
    assert_eq!(value["title"], article.title.as_str());
    assert!(value["text"].as_str().unwrap().contains("library wing"));
    assert!(value["metadata"].is_object());
    assert!(value.get("markdown").is_none());
    options.markdown_in_json = true;
    let value: serde_json::Value =
        serde_json::from_str(&article.render(Format::Json, &options)).unwrap();
    assert!(
        value["markdown"]
            .as_str()
            .unwrap()
            .starts_with("# Budget agreed\n\n")
    );
}

#[test]
fn comments_are_collected_apart_on_request() {
    let html = page(&format!(
        "<h1>Budget agreed</h1><p>{PROSE}</p><p>{PROSE}</p>\
         <section class=\"comments\"><div class=\"comment\"><p>I went to that meeting and the \
         debate about the library wing was long, but the result is worth the wait for all of us.\
         </p></div></section>"
    ));
    let plain = Extractor::default().extract(&html, None);
    assert_eq!(plain.comments, None);
    assert!(!plain.text.contains("I went to that meeting"));
    let mut options = Options::default();
    options.comments = true;
    let with = Extractor::new(options).extract(&html, None);
    assert_eq!(with.text, plain.text);
    let text = with.render(Format::Text, &RenderOptions::default());
    assert!(
        text.starts_with(&format!("{}\n---\nI went to that meeting", plain.text)),
        "{text}"
    );
    let md = with.render(Format::Markdown, &RenderOptions::default());
    assert!(md.contains("\n\n---\n\nI went to that meeting"), "{md}");
    assert!(with.comments.unwrap().starts_with("I went to that meeting"));
}

#[test]
fn text_output_has_no_empty_lines_and_no_glued_words() {
    let html = page(&format!(
        "<p>{PROSE}</p><pre>first\n\n\nlast</pre><p>Press<button>OK</button>now or\
         <img src=a.png alt=\"\">later, reader of this fine page.</p>"
    ));
    let text = Extractor::default().extract(&html, None).text;
    assert!(!text.contains("\n\n"), "{text}");
    assert!(text.contains("Press now or later"), "{text}");
}

/// The tags of generated HTML, in order: (name, closing). Text holds no raw `<`, since
/// the renderer escapes it.
fn tags(html: &str) -> Vec<(String, bool)> {
    html.split('<')
        .skip(1)
        .map(|rest| {
            let tag = rest.split('>').next().unwrap_or("");
            let closing = tag.starts_with('/');
            let name = tag
                .trim_start_matches('/')
                .split([' ', '>'])
                .next()
                .unwrap_or("")
                .to_string();
            (name, closing)
        })
        .collect()
}

#[test]
fn html_output_of_every_corpus_page_nests_and_escapes() {
    let allowed = [
        "article",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "code",
        "table",
        "tr",
        "th",
        "td",
        "em",
        "strong",
        "a",
        "img",
        "br",
    ];
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut pages = 0;
    let mut folders = vec![corpus];
    while let Some(dir) = folders.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "html") {
                continue;
            }
            let article = Extractor::default()
                .extract_bytes(&std::fs::read(&path).unwrap(), None)
                .unwrap();
            let html = article.render(Format::Html, &RenderOptions::new(true, true));
            let mut open: Vec<String> = Vec::new();
            for (name, closing) in tags(&html) {
                assert!(
                    allowed.contains(&name.as_str()),
                    "{}: <{name}>",
                    path.display()
                );
                if closing {
                    assert_eq!(
                        open.pop().as_deref(),
                        Some(name.as_str()),
                        "{}",
                        path.display()
                    );
                } else if name != "br" && name != "img" {
                    open.push(name);
                }
            }
            assert!(open.is_empty(), "{}: unclosed {open:?}", path.display());
            pages += 1;
        }
    }
    assert!(pages > 40, "{pages} corpus pages");
}
