//! Structure-aware: the fuzzer's bytes are a program that writes HTML from a small grammar
//! (nesting tags, attributes that hide or style, text, entities, comments, repeats and a
//! cut at any point), so the deep, misnested and half-closed shapes that stress the tree
//! builder and the depth limit are reached far sooner than from raw bytes.
#![no_main]

use bodytext::{Extractor, Label};
use libfuzzer_sys::fuzz_target;

const TAGS: &[&str] = &[
    "div",
    "p",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "ul",
    "ol",
    "li",
    "a",
    "i",
    "b",
    "em",
    "font",
    "nobr",
    "span",
    "script",
    "style",
    "textarea",
    "select",
    "option",
    "optgroup",
    "template",
    "svg",
    "math",
    "noscript",
    "iframe",
    "article",
    "main",
    "nav",
    "footer",
    "header",
    "aside",
    "section",
    "h1",
    "h2",
    "pre",
    "blockquote",
    "form",
    "button",
    "dl",
    "dt",
    "dd",
    "ruby",
    "rt",
    "title",
    "head",
    "body",
    "html",
    "br",
    "img",
    "hr",
    "plaintext",
    "xmp",
    "frameset",
    "caption",
    "colgroup",
    "foreignObject",
    "desc",
    "mi",
    "annotation-xml",
];

const ATTRS: &[&str] = &[
    " hidden",
    " style=\"display:none\"",
    " style='visibility: hidden'",
    " aria-hidden=true",
    " class=\"article-body content\"",
    " class=nav",
    " class='comments sidebar'",
    " id=main",
    " id=footer",
    " href=\"/x\"",
    " role=main",
    " itemprop=articleBody",
    " open",
    " type=hidden",
    " property=og:title content=\"T\"",
    " charset=utf-16",
    " lang=ar dir=rtl",
    " a=1 a=2",
];

const TEXTS: &[&str] = &[
    "The council met on Tuesday to discuss the harbour dredging plan in detail. ",
    "Fishermen said the channel had silted up badly over the long winter months. ",
    "Home",
    "Read more",
    "© 2024",
    "word ",
    " ",
    "\n",
    "\u{0}",
    "مرحبا بالعالم ",
    "e\u{301}\u{302}\u{303}",
    "\u{202e}evil\u{202c}",
    "\u{feff}",
    "𝔘𝔫𝔦",
    "<",
    ">",
    "&",
    "]]>",
    "</",
];

const ENTITIES: &[&str] = &[
    "&amp;",
    "&lt;",
    "&nbsp;",
    "&#xD800;",
    "&#x110000;",
    "&#0;",
    "&#x80;",
    "&#99999999999;",
    "&notin;",
    "&noti",
    "&amp",
    "&#",
    "&#x;",
    "&AElig",
    "&zwj;",
];

/// Stop writing past this many bytes: big enough for deep nesting, small enough to keep
/// thousands of executions a second.
const MAX_LEN: usize = 1 << 20;

/// Reads the fuzzer's bytes as small numbers.
struct Reader<'a> {
    data: &'a [u8],
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.data.split_first()?;
        self.data = rest;
        Some(first)
    }

    fn pick<'t>(&mut self, list: &[&'t str]) -> &'t str {
        let i = usize::from(self.byte().unwrap_or(0)) % list.len();
        list[i]
    }
}

fn generate(data: &[u8]) -> String {
    let mut r = Reader { data };
    let mut html = String::new();
    let mut open: Vec<&str> = Vec::new();
    let mut cut: Option<usize> = None;
    while let Some(op) = r.byte() {
        if html.len() > MAX_LEN {
            break;
        }
        match op % 12 {
            0 | 1 => {
                let tag = r.pick(TAGS);
                html.push('<');
                html.push_str(tag);
                let attrs = r.byte().unwrap_or(0) % 4;
                for _ in 0..attrs {
                    html.push_str(r.pick(ATTRS));
                }
                html.push('>');
                open.push(tag);
            }
            2 => {
                if let Some(tag) = open.pop() {
                    html.push_str("</");
                    html.push_str(tag);
                    html.push('>');
                }
            }
            3 => {
                // A stray or misnested end tag.
                let tag = r.pick(TAGS);
                html.push_str("</");
                html.push_str(tag);
                html.push('>');
            }
            4 | 5 | 6 => html.push_str(r.pick(TEXTS)),
            7 => html.push_str(r.pick(ENTITIES)),
            8 => {
                html.push_str("<!--");
                html.push_str(r.pick(TEXTS));
                if r.byte().unwrap_or(0) % 4 != 0 {
                    html.push_str("-->");
                }
            }
            9 => {
                // Nest one tag many times: deep trees from a few bytes.
                let tag = r.pick(TAGS);
                let times = usize::from(r.byte().unwrap_or(0)) * 16 + 1;
                for _ in 0..times {
                    html.push('<');
                    html.push_str(tag);
                    html.push('>');
                }
            }
            10 => {
                // Repeat what was written so far (bounded): large inputs from a few bytes.
                if html.len() < 1 << 16 {
                    let copy = html.clone();
                    html.push_str(&copy);
                }
            }
            _ => {
                let at =
                    usize::from(r.byte().unwrap_or(0)) << 8 | usize::from(r.byte().unwrap_or(0));
                cut = Some(at);
            }
        }
    }
    if let Some(at) = cut {
        // Truncate mid-tag, mid-entity or mid-comment, on a character boundary.
        let mut at = at.min(html.len());
        while !html.is_char_boundary(at) {
            at -= 1;
        }
        html.truncate(at);
    }
    html
}

fuzz_target!(|data: &[u8]| {
    let html = generate(data);
    let extractor = Extractor::default();
    let article = extractor.extract(&html, None);
    let explanation = extractor.explain(&html, None);
    let _ = explanation.to_string();
    let content: Vec<&str> = explanation
        .blocks
        .iter()
        .filter(|b| b.label == Label::Content)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(article.text, content.join("\n"));
    // The bytes path (sniffing a charset, perhaps a wrong one from `<meta>`) never fails
    // on input under the size limit.
    let bytes = extractor.extract_bytes(html.as_bytes(), None);
    assert!(bytes.is_ok());
});
