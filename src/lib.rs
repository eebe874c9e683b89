//! bodytext: strip the boilerplate from a web page and keep the article body as text.
//!
//! ```
//! use bodytext::{Extractor, Options};
//!
//! let html = r#"<html><head><title>Rain in Spain</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/news">News</a></nav>
//!   <article><h1>Rain in Spain</h1>
//!   <p>The rain in Spain stays mainly in the plain, the forecasters said on Monday,
//!   as the wettest spring in a decade went on across the central plateau.</p>
//!   <p>Farmers welcomed the rain after two dry years, though several roads were closed.</p>
//!   </article><footer>© 2024 Example News</footer></body></html>"#;
//! let article = Extractor::new(Options::default()).extract(html, None);
//! assert_eq!(article.title, "Rain in Spain");
//! assert!(article.text.starts_with("Rain in Spain\nThe rain in Spain stays"));
//! assert!(!article.text.contains("Home"));
//! assert!(!article.text.contains("2024"));
//! ```
#![deny(missing_docs)]
// No input may make the library panic: no `unwrap`/`expect` outside tests (issue 6).
#![deny(clippy::unwrap_used, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod block;
pub mod classify;
mod content;
mod copies;
pub mod decode;
pub mod eval;
mod explain;
pub mod features;
pub mod hints;
mod locate;
pub mod metadata;
mod parse;
mod patterns;
mod pipeline;
mod render;
pub mod revise;
mod segment;
mod select;
mod streamed;
mod text;
pub mod tuning;

use std::fmt;

pub use url::Url;

pub use crate::classify::{Label, Reason};
pub use crate::explain::{ExplainedBlock, Explanation};
pub use crate::pipeline::{Stage, StageTimes};
pub use crate::render::{Format, RenderOptions};

/// Settings of an [`Extractor`]. The heuristic thresholds are constants in [`tuning`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Largest input accepted by [`Extractor::extract_bytes`], in bytes (after gunzip).
    /// Default 128 MiB: far above real pages (the largest dev-set page is under 5 MB) and
    /// low enough that a runaway input fails fast with [`ErrorKind::TooLarge`].
    pub max_input_bytes: usize,
    /// Charset to decode with instead of sniffing one (`None`: BOM, `<meta>`, detection).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Most elements the HTML tree builder holds open, counted as it does (open elements
    /// plus active formatting elements). Default [`tuning::MAX_TREE_DEPTH`] (512, the
    /// depth browsers cap the tree at). Deeper start tags are dropped, and their end tags
    /// with them: the text inside is kept, its structure flattened, and
    /// [`Article::truncated`] is set. html5ever walks its whole stack per token, so parse
    /// time is input length × this limit: raising it far (100,000 nested `<div>`s took
    /// half a minute unbounded) gives up the linear-time promise.
    ///
    /// ```
    /// use bodytext::{Extractor, Options};
    /// let prose = "The ferry resumed its crossings on Friday after a week of storms, \
    ///     and the harbour master said the timetable would be back to normal by Monday.";
    /// let deep = format!("{}<p>{prose}</p>", "<div>".repeat(1000));
    /// let article = Extractor::new(Options::default()).extract(&deep, None);
    /// assert!(article.truncated);
    /// assert!(article.text.starts_with("The ferry resumed its crossings on Friday"));
    /// ```
    pub max_depth: usize,
    /// Most nodes (elements, comments, processing instructions, including the ones the
    /// tree builder implies) built from one page. Default 1,000,000: 60 times the largest
    /// page of the 3,320 in `../shared/datasets` (about 16,000 start tags). A node with
    /// its text costs about 350 bytes, so the cap bounds the tree near 350 MB (24 MB of
    /// `<i>x</i>`, cut here, peaked at 410 MB in all; 730 MB with a 2,000,000 cap). Past
    /// it the rest of the page
    /// is not built, its text is lost and [`Article::truncated`] is set; this bounds memory
    /// for inputs like 100 MB of `<i></i>`, which [`Options::max_input_bytes`] alone would
    /// let through.
    pub max_nodes: usize,
    /// Also collect the readers' comments into [`Article::comments`] (default off: the
    /// body never holds them either way).
    pub comments: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_input_bytes: 128 * 1024 * 1024,
            encoding: None,
            max_depth: tuning::MAX_TREE_DEPTH,
            max_nodes: 1_000_000,
            comments: false,
        }
    }
}

impl Options {
    /// The parser's limits.
    fn limits(&self) -> parse::Limits {
        parse::Limits {
            max_depth: self.max_depth,
            max_nodes: self.max_nodes,
        }
    }
}

/// The extracted article.
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct Article {
    /// The page title ([`metadata::Metadata::title`]: the headline, else `og:title` and
    /// the like, else `<title>` without the site name), empty when the page has none.
    pub title: String,
    /// The article body, one block per line; empty when the page has no article (but see
    /// [`Extractor::extract`] on descriptions).
    pub text: String,
    /// The base URL given for the page.
    pub url: Option<Url>,
    /// The page hit a parser limit: it nested deeper than [`Options::max_depth`] (the
    /// structure beyond was flattened, its text kept) or held more than
    /// [`Options::max_nodes`] nodes (the rest of the page was not read), or a tag had
    /// over 1,024 attributes (the rest were dropped: html5ever's tokenizer is quadratic in
    /// them). `false` for any ordinary page.
    ///
    /// ```
    /// let e = bodytext::Extractor::default();
    /// assert!(!e.extract("<p>An ordinary page.</p>", None).truncated);
    /// ```
    pub truncated: bool,
    /// What the page says about itself: authors, dates, language, canonical URL...
    pub metadata: metadata::Metadata,
    /// The readers' comments, one block per line, when [`Options::comments`] asked for
    /// them (`None` otherwise; empty when the page has none).
    pub comments: Option<String>,
    /// The selected content with its structure, for [`Article::render`].
    content: content::Content,
    /// The URL links resolve against: the page's `<base href>`, else the URL given, else
    /// the canonical URL.
    link_base: Option<Url>,
}

impl Article {
    /// The article in `format`.
    ///
    /// ```
    /// use bodytext::{Extractor, Format, RenderOptions, Url};
    /// let html = r#"<article><h1>Release notes</h1>
    ///   <p>Version 2 is <em>much</em> faster; see <a href="/bench">the benchmark</a>.</p>
    ///   <h2>Upgrading</h2><ol><li>Update the <code>Cargo.toml</code> entry.</li>
    ///   <li>Run the tests again.</li></ol></article>"#;
    /// let base = Url::parse("https://example.com/blog/v2").unwrap();
    /// let article = bodytext::Extractor::default().extract(html, Some(&base));
    /// let options = RenderOptions::new(true, false);
    /// assert_eq!(
    ///     article.render(Format::Markdown, &options),
    ///     "# Release notes\n\n\
    ///      Version 2 is *much* faster; see [the benchmark](https://example.com/bench).\
    ///      \n\n## Upgrading\n\n\
    ///      1. Update the `Cargo.toml` entry.\n\
    ///      2. Run the tests again."
    /// );
    /// assert!(article.render(Format::Html, &options).contains("<h2>Upgrading</h2>"));
    /// assert_eq!(article.render(Format::Text, &options), article.text);
    /// ```
    ///
    /// With [`Options::comments`], the text, Markdown and HTML go on after the body with
    /// the comments, behind a `---` line (an `<hr>` in HTML); JSON has them in its
    /// `comments` field.
    pub fn render(&self, format: Format, options: &RenderOptions) -> String {
        let base = self.link_base.as_ref();
        let comments = self.comments.as_deref().filter(|c| !c.is_empty());
        match format {
            Format::Text => match comments {
                Some(c) => format!("{}\n---\n{c}", self.text),
                None => self.text.clone(),
            },
            Format::Markdown => {
                let mut out = render::markdown(&self.content, options, base);
                if let Some(c) = comments {
                    out.push_str("\n\n---\n\n");
                    out.push_str(&render::markdown_lines(c));
                }
                out
            }
            Format::Html => {
                let mut out = render::html(&self.content, options, base);
                if let Some(c) = comments {
                    out.push_str(&render::html_comments(c));
                }
                out
            }
            Format::Json => serde_json::to_string(&self.json(options)).unwrap_or_default(),
        }
    }

    /// The article as the JSON output writes it: a value that serializes to one object
    /// with `url`, `title`, `text`, `truncated`, `metadata`, and `markdown` and
    /// `comments` when asked for.
    ///
    /// ```
    /// let html = "<p>The library reopens on Monday after a year of repairs to its roof.</p>";
    /// let article = bodytext::Extractor::default().extract(html, None);
    /// let json = serde_json::to_value(article.json(&Default::default())).unwrap();
    /// assert_eq!(json["text"], "The library reopens on Monday after a year of repairs to its roof.");
    /// assert!(json.get("markdown").is_none());
    /// ```
    pub fn json(&self, options: &RenderOptions) -> impl serde::Serialize + '_ {
        #[derive(serde::Serialize)]
        struct Json<'a> {
            url: Option<&'a str>,
            title: &'a str,
            text: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            markdown: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            comments: Option<&'a str>,
            truncated: bool,
            metadata: &'a metadata::Metadata,
        }
        Json {
            url: self.url.as_ref().map(Url::as_str),
            title: &self.title,
            text: &self.text,
            markdown: options
                .markdown_in_json
                .then(|| render::markdown(&self.content, options, self.link_base.as_ref())),
            comments: self.comments.as_deref(),
            truncated: self.truncated,
            metadata: &self.metadata,
        }
    }
}

/// What went wrong with an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is larger than [`Options::max_input_bytes`].
    TooLarge,
    /// The input is gzip-compressed and could not be decompressed.
    Gzip,
}

/// An input that could not be extracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Extracts articles. Build it once and share it: it is `Send + Sync` and every method
/// takes `&self`.
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    options: Options,
}

impl Extractor {
    /// An extractor with these options.
    pub fn new(options: Options) -> Extractor {
        Extractor { options }
    }

    /// The options it was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extract the article from a page's HTML. Never fails: a page without an article
    /// gives an empty `text`, or its description when that holds
    /// [`tuning::DESCRIPTION_FALLBACK_WORDS`] words or more (a page whose body a script
    /// fills in).
    ///
    /// ```
    /// let e = bodytext::Extractor::default();
    /// assert_eq!(e.extract("<ul><li><a href=/>Home</a></li></ul>", None).text, "");
    /// ```
    pub fn extract(&self, html: &str, base_url: Option<&Url>) -> Article {
        self.extract_with(html, base_url, None)
    }

    /// [`Extractor::extract`], adding the time each stage took to `times` (for benchmarks).
    ///
    /// ```
    /// let mut times = bodytext::StageTimes::default();
    /// let e = bodytext::Extractor::default();
    /// e.extract_timed("<p>Hello there, reader.</p>", None, &mut times);
    /// assert!(times.total() > std::time::Duration::ZERO);
    /// ```
    pub fn extract_timed(
        &self,
        html: &str,
        base_url: Option<&Url>,
        times: &mut StageTimes,
    ) -> Article {
        self.extract_with(html, base_url, Some(times))
    }

    /// Only parse `html` into a tree and drop it: the floor that extraction builds on, for
    /// benchmarks.
    pub fn parse_only(&self, html: &str) {
        drop(segment::parse_page(html, self.options.limits()));
    }

    fn extract_with(
        &self,
        html: &str,
        base_url: Option<&Url>,
        mut times: Option<&mut StageTimes>,
    ) -> Article {
        let outcome = pipeline::run(html, self.options.limits(), times.as_deref_mut());
        let metadata_start = times.is_some().then(std::time::Instant::now);
        let comments = self.options.comments.then(|| {
            select::comments(&outcome.blocks, &outcome.features, &outcome.verdicts)
                .into_iter()
                .filter_map(|i| outcome.blocks.get(i).map(|b| b.text.as_str()))
                .collect::<Vec<_>>()
                .join("\n")
        });
        let keep: Vec<bool> = outcome
            .verdicts
            .iter()
            .map(|v| v.label == Label::Content)
            .collect();
        let mut content = content::build(outcome.blocks, &keep, &outcome.elements, outcome.images);
        let mut text = content.text();
        let metadata = outcome
            .metadata
            .map(|m| m.finish(base_url, &text))
            .unwrap_or_default();
        // A page whose body a script was to fill in gives no article; its description
        // (often the opening lines of that body) stands in for it.
        if let Some(description) = metadata.description.as_deref().filter(|d| {
            text.is_empty() && d.split_whitespace().count() >= tuning::DESCRIPTION_FALLBACK_WORDS
        }) {
            content = content::Content::paragraph(description.trim());
            text = content.text();
        }
        if let (Some(times), Some(start)) = (times, metadata_start) {
            times.charge(Stage::Metadata, start.elapsed());
        }
        let canonical = metadata
            .canonical_url
            .as_deref()
            .and_then(|c| Url::parse(c).ok());
        let page_url = base_url.cloned().or(canonical);
        let link_base = match outcome.base_href {
            Some(href) => match &page_url {
                Some(url) => url.join(&href).ok(),
                None => Url::parse(&href).ok(),
            }
            .or(page_url),
            None => page_url,
        };
        Article {
            title: metadata.title.clone().unwrap_or(outcome.title),
            text,
            url: base_url.cloned(),
            truncated: outcome.truncated,
            metadata,
            comments,
            content,
            link_base,
        }
    }

    /// Extract from the page's bytes: gunzipped when they are gzip, decoded from the
    /// charset of the byte order mark, the `<meta>` declaration, or detection.
    ///
    /// ```
    /// let e = bodytext::Extractor::default();
    /// let latin1 = b"<meta charset=iso-8859-1><p>Caf\xe9 cr\xe8me, the menu said.</p>";
    /// let article = e.extract_bytes(latin1, None).unwrap();
    /// assert_eq!(article.title, "");
    /// ```
    pub fn extract_bytes(&self, bytes: &[u8], base_url: Option<&Url>) -> Result<Article, Error> {
        let html = self.decode(bytes)?;
        Ok(self.extract(&html, base_url))
    }

    /// Every block of the page with its features, label and the reason for it.
    ///
    /// ```
    /// let e = bodytext::Extractor::default();
    /// let x = e.explain("<p>Short.</p>", None);
    /// assert_eq!(x.blocks.len(), 1);
    /// assert_eq!(x.blocks[0].text, "Short.");
    /// ```
    pub fn explain(&self, html: &str, base_url: Option<&Url>) -> Explanation {
        let _ = base_url;
        explain::explain(pipeline::run(html, self.options.limits(), None))
    }

    /// [`Extractor::explain`] from bytes, decoded as [`Extractor::extract_bytes`] does.
    pub fn explain_bytes(
        &self,
        bytes: &[u8],
        base_url: Option<&Url>,
    ) -> Result<Explanation, Error> {
        let html = self.decode(bytes)?;
        Ok(self.explain(&html, base_url))
    }

    fn decode(&self, bytes: &[u8]) -> Result<String, Error> {
        let limit = self.options.max_input_bytes;
        let unzipped;
        let bytes = if decode::is_gzip(bytes) {
            unzipped = decode::gunzip(bytes, limit)
                .map_err(|e| Error::new(ErrorKind::Gzip, format!("cannot gunzip input: {e}")))?;
            &unzipped[..]
        } else {
            bytes
        };
        if bytes.len() > limit {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!(
                    "input of {} bytes is over the limit of {limit} bytes",
                    bytes.len()
                ),
            ));
        }
        Ok(decode::decode(bytes, self.options.encoding).text)
    }
}
