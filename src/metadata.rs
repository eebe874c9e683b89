//! Page metadata: title, authors, dates, site name, language, canonical URL, description,
//! image, tags and page type.
//!
//! The module sees no DOM types. The tree walker hands a collector each piece of evidence
//! it meets (`<html lang>`, `<meta>`, `<link>`, JSON-LD scripts, `<title>`, headings,
//! `<time>`, bylines), and the collector's `finish` weighs the sources in a fixed order of
//! precedence, structured data first:
//!
//! - title: the declared titles (JSON-LD `headline`, `og:title`, `twitter:title`,
//!   `dc.title`) and the `<title>` with the site name cut off; the `h1` that matches one of
//!   them wins (it is the headline as shown, where declared titles are often shortened or
//!   reworded for search engines), else the first declared title, else the `<title>`;
//! - authors: JSON-LD `author`, `citation_author`, `dc.creator`, `meta name=author`,
//!   `article:author`, `parsely-author`, `sailthru.author`, else the byline text;
//! - dates: JSON-LD, `article:*_time` and `og:*_time`, the meta names in common use,
//!   `<time datetime>`, else (published only) the date in the URL path; all normalised to
//!   ISO 8601 (`YYYY-MM-DD`, or `YYYY-MM-DDThh:mm:ss` with the offset when one is given);
//! - language: `<html lang>`, `content-language`, else detected from the text;
//! - site name, canonical URL, description, image, tags and page type from Open Graph,
//!   `<meta>`, `<link>` and JSON-LD.
//!
//! Malformed JSON-LD is repaired where cheap (comment and CDATA wrappers, trailing commas,
//! raw newlines in strings, several objects in one script) and otherwise ignored.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;
use serde_json::{Map, Value};
use url::Url;

use crate::features::WEEKDAYS;
use crate::patterns::Patterns;
use crate::text::{count_words, find_bytes, holds_ascii_word, with_lowercase};
use crate::tuning::{
    DATE_LINE_REACH, DATED_BYLINE_REACH, DETECT_BYTES, DETECT_PROBE_BYTES, ENGLISH_FUNCTION_SHARE,
    H1_TITLE_COVERAGE, H1_TITLE_OVERLAP, MAX_BY_LINE, MAX_BYLINE_GROUPS, MAX_DATE_LINE, MAX_LABEL,
    MAX_NAME_CHARS, MAX_NAME_LINE, MAX_NAME_WORDS, MAX_ROLE_WORDS, MAX_SHORT_TEXT, MAX_SITE_WORDS,
    MAX_TITLE_LABEL_WORDS, MIN_AGREEING_H1_WORDS, MIN_DETECT_WORDS, MIN_PIPE_HEAD_WORDS,
    MIN_SHARED_WORD_CHARS, TWITTER_LABEL_PAIRS, URL_YEARS, YEARS,
};

/// Most `<meta>` entries kept; a page with more is generated junk.
const MAX_META_ENTRIES: usize = 2048;

/// Most JSON-LD scripts parsed per page.
const MAX_JSON_LD_BLOCKS: usize = 32;

/// Largest JSON-LD script parsed, in bytes (real ones are a few kilobytes; product
/// listings reach a few hundred).
const MAX_JSON_LD_BYTES: usize = 2 * 1024 * 1024;

/// Most JSON-LD entities (typed objects) kept from all scripts of a page.
const MAX_JSON_LD_ENTITIES: usize = 512;

/// How deep nested JSON-LD (`@graph`, `mainEntity`, arrays) is searched for entities.
const MAX_JSON_LD_DEPTH: usize = 6;

/// Most headings, `<time>` elements and bylines remembered, each.
const MAX_EVIDENCE: usize = 64;

/// Most headings remembered (as a hash) to find a declared title the page shows.
const MAX_HEADINGS: usize = 256;

/// Most blocks with a date remembered (archive lists and comment threads have many).
const MAX_DATED_BLOCKS: usize = 256;

/// Most blocks whose text is remembered to find the headline by the title
/// when no `h1` shows it; headlines stand in the first few hundred blocks.
const MAX_KEYED_BLOCKS: usize = 4096;

/// Most authors and most tags reported.
const MAX_LIST: usize = 64;

/// Path segments that lead to an author's page ("/author/jane-doe", "/blog/authors/jane").
const AUTHOR_PATH_SEGMENTS: [&str; 4] = ["author", "authors", "contributor", "contributors"];

/// Whether the path of `href` goes through an author's directory ([`AUTHOR_PATH_SEGMENTS`])
/// to one more segment: a cheap test before the link's text is read.
pub(crate) fn is_author_path(href: &str) -> bool {
    author_slug(href).is_some()
}

/// The segment after the author's directory in the path of `href`, when it is the last.
fn author_slug(href: &str) -> Option<&str> {
    // Byte searches (asked of every link's address): a pattern of several characters
    // decodes each one, a split tests each byte.
    let bytes = href.as_bytes();
    let path = &bytes[..memchr::memchr2(b'?', b'#', bytes).unwrap_or(bytes.len())];
    let mut from = 0;
    let mut segments = memchr::memchr_iter(b'/', path)
        .chain([path.len()])
        .map(|at| {
            let segment = path.get(from..at).unwrap_or_default();
            from = at + 1;
            segment
        })
        .filter(|s| !s.is_empty());
    segments.position(|s| {
        AUTHOR_PATH_SEGMENTS
            .iter()
            .any(|a| s.eq_ignore_ascii_case(a.as_bytes()))
    })?;
    let slug = segments.next()?;
    // Cut at ASCII bytes, the slug is whole characters: the conversion never fails.
    segments
        .next()
        .is_none()
        .then(|| std::str::from_utf8(slug).ok())
        .flatten()
}

/// Whether a link's `href` leads to the site's home page: `/`, `./`, an index file at
/// the root, or an absolute address without a path.
pub(crate) fn is_home_link(href: &str) -> bool {
    let href = href.trim();
    let path = match href.split_once("://") {
        Some((scheme, rest))
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
        {
            match rest.find('/') {
                Some(at) => &rest[at..],
                None => return !rest.is_empty() && !rest.contains(['?', '#']),
            }
        }
        Some(_) => return false,
        None => href,
    };
    matches!(path, "/" | "./" | "/index.html" | "/index.php")
}

/// Whether a link to `href` with `text` names the author whose page it leads to: the
/// text is the name its address spells, letter for letter ("Jane Doe" for
/// "/author/jane-doe/"). Menus ("Authors") and "More by Jane" links fail.
pub(crate) fn is_author_link(href: &str, text: &str) -> bool {
    author_slug(href).is_some_and(|slug| {
        let name = compact(text);
        name.chars().any(char::is_alphabetic) && name == compact(slug)
    })
}

/// Title separators between the page title and the site name.
pub(crate) const TITLE_SEPARATORS: [&str; 8] =
    [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "];

/// Metadata of a page.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Metadata {
    /// The article's title, without the site name.
    pub title: Option<String>,
    /// Author names, in page order, without duplicates. Where the page declares no
    /// person, a job title its byline sets after the name stays, as the byline credits
    /// the author ("Jane Doe, Dietitian").
    pub authors: Vec<String>,
    /// Publication date, ISO 8601 (`2024-05-17` or `2024-05-17T10:00:00+02:00`).
    pub published: Option<String>,
    /// Date of the last modification, ISO 8601 like `published`.
    pub modified: Option<String>,
    /// The name of the site or publication.
    pub site_name: Option<String>,
    /// Language tag as the page declares it (`en-US`), else the ISO 639-1 code detected
    /// from the text (`de`).
    pub language: Option<String>,
    /// The canonical URL, absolute.
    pub canonical_url: Option<String>,
    /// The page's summary.
    pub description: Option<String>,
    /// URL of the main image.
    pub image: Option<String>,
    /// Tags, keywords and categories, in page order, without case-insensitive duplicates.
    pub tags: Vec<String>,
    /// The page type as the page declares it (`article`, `NewsArticle`, `website`).
    pub page_type: Option<String>,
}

/// Collects metadata evidence while the page is walked; `finish` decides.
#[derive(Debug, Default)]
pub(crate) struct Collector {
    html_lang: Option<String>,
    /// `(key, content, from property)` of each `<meta>`: the key of its name, property,
    /// http-equiv or itemprop attribute, lowercased, and whether that was `property`.
    metas: Vec<(String, String, bool)>,
    canonical: Option<String>,
    json_ld_blocks: usize,
    /// Typed JSON-LD objects from every script, in document order.
    entities: Vec<Map<String, Value>>,
    /// Every `name` and `headline` text of the JSON-LD, nested ones (breadcrumbs,
    /// list items) included.
    ld_names: Vec<String>,
    /// The text of the first `<title>`, folded.
    title_tag: Option<String>,
    /// Blocks the walker reported so far.
    blocks: usize,
    /// Texts of the `h1` elements, with their block index.
    h1s: Vec<(usize, String)>,
    /// Whether each of `h1s` is a link or in a footer or the navigation.
    h1_chrome: Vec<bool>,
    /// Texts of the headings that are wholly a link to the home page.
    home_headings: Vec<String>,
    /// `(block index, [`block_key`])` of the headings of every level (at most
    /// [`MAX_HEADINGS`]).
    headings: Vec<(usize, u64)>,
    /// The blocks short enough to be a headline (while there are at most
    /// [`MAX_KEYED_BLOCKS`] blocks): their texts end to end in `short_texts`, and per
    /// block index the end of its text there (`None`: too long). Compared
    /// ([`same_compact`]) only when `finish` looks for the headline among them, which few
    /// pages need: copying a short text costs less than hashing it.
    short_ends: Vec<Option<usize>>,
    short_texts: String,
    /// Dates of the short blocks that hold one.
    date_lines: Vec<DateLine>,
    /// The last block when it may be a date label alone ("Published", "Last updated:"):
    /// short, without a digit. Read for its words only when the block after it is a date
    /// line, as few are. Empty otherwise.
    date_label: String,
    /// Short blocks that name the author ("By Jane Doe", "Written by" and the block after
    /// it), with their block index.
    by_lines: Vec<(usize, String)>,
    /// Block indices of the `by_lines` read after a label that says what it labels
    /// ("Written by", "About the author"; a bare "By" may head a filter menu).
    labelled_by_lines: Vec<usize>,
    /// Whether the last block was a byline label alone ("Written by", "Author:"), and
    /// whether that label says what it labels (is more than "By").
    after_by_label: Option<bool>,
    /// `(datetime, itemprop or class)` of each `<time>`.
    times: Vec<(String, Option<String>)>,
    /// Texts of the byline elements, a line per block, whether each is whole, and whether
    /// it stands among comments or other stories.
    bylines: Vec<(String, bool, bool)>,
}

impl Collector {
    /// The `lang` attribute of `<html>`.
    pub(crate) fn html_lang(&mut self, value: &str) {
        if self.html_lang.is_none() {
            self.html_lang = language_tag(value);
        }
    }

    /// A `<meta>` element: its `name`, `property`, `http-equiv` and `itemprop` attributes
    /// (any may be absent) and its `content`.
    pub(crate) fn meta(
        &mut self,
        name: Option<&str>,
        property: Option<&str>,
        http_equiv: Option<&str>,
        itemprop: Option<&str>,
        content: &str,
    ) {
        let content = fold(content);
        if content.is_empty() {
            return;
        }
        // An attribute may hold several keys: property="og:title twitter:title".
        let keys = [
            (name, false),
            (property, true),
            (http_equiv, false),
            (itemprop, false),
        ]
        .into_iter()
        .filter_map(|(attribute, is_property)| Some((attribute?, is_property)))
        .flat_map(|(attribute, is_property)| {
            attribute
                .split_ascii_whitespace()
                .map(move |key| (key, is_property))
        });
        for (key, is_property) in keys {
            if self.metas.len() < MAX_META_ENTRIES {
                self.metas
                    .push((meta_key(key), content.clone(), is_property));
            }
        }
    }

    /// A `<link>` element. Only `rel=canonical` is used: `rel=author` points to a profile
    /// page, and the names come from the link texts (pass those to `byline`).
    pub(crate) fn link(&mut self, rel: &str, href: &str) {
        let href = href.trim();
        if self.canonical.is_none()
            && !href.is_empty()
            && rel
                .split_ascii_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
        {
            self.canonical = Some(href.to_string());
        }
    }

    /// The text of a `<script type="application/ld+json">`.
    pub(crate) fn json_ld(&mut self, script_text: &str) {
        if self.json_ld_blocks >= MAX_JSON_LD_BLOCKS || script_text.len() > MAX_JSON_LD_BYTES {
            return;
        }
        self.json_ld_blocks += 1;
        for value in parse_json_ld(script_text) {
            collect_entities(&value, 0, &mut self.entities);
            collect_names(&value, 0, &mut self.ld_names);
        }
    }

    /// The text of `<title>` (the first one counts).
    pub(crate) fn title_tag(&mut self, text: &str) {
        if self.title_tag.is_none() {
            let text = fold(text);
            if !text.is_empty() {
                self.title_tag = Some(text);
            }
        }
    }

    /// The text of a heading of `level` (1 for `h1`), in document order, just before its
    /// [`Collector::block`].
    /// `chrome`: the heading is a link or stands in a footer or the navigation (a logo,
    /// "Return to the main site").
    pub(crate) fn heading(&mut self, level: u8, text: &str, chrome: bool) {
        if self.headings.len() < MAX_HEADINGS && text.len() <= MAX_SHORT_TEXT {
            self.headings.push((self.blocks, block_key(text)));
        }
        if level == 1 && self.h1s.len() < MAX_EVIDENCE && text.len() <= MAX_SHORT_TEXT {
            let text = fold(text);
            if !text.is_empty() {
                self.h1s.push((self.blocks, text));
                self.h1_chrome.push(chrome);
            }
        }
    }

    /// The text of a heading that is wholly a link to the site's home page: the site's
    /// name, not a headline.
    pub(crate) fn home_heading(&mut self, text: &str) {
        let text = fold(text);
        if self.home_headings.len() < MAX_EVIDENCE
            && !text.is_empty()
            && text.split_whitespace().count() <= MAX_SITE_WORDS
        {
            self.home_headings.push(text);
        }
    }

    /// The text of every block, in document order: a short one that holds a date
    /// ("Published May 17, 2024", "Dec. 19, 2025 · Jane Doe") is the visible date when
    /// it stands near the headline.
    pub(crate) fn block(&mut self, text: &str) {
        let index = self.blocks;
        self.blocks += 1;
        if self.short_ends.len() < MAX_KEYED_BLOCKS {
            let short = text.len() <= MAX_SHORT_TEXT;
            if short {
                self.short_texts.push_str(text);
            }
            self.short_ends
                .push(short.then_some(self.short_texts.len()));
        }
        let after_label = self.after_by_label.take();
        if text.len() > MAX_DATE_LINE.max(MAX_BY_LINE) {
            self.date_label.clear();
            return;
        }
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            self.date_label.clear();
            if text.len() <= MAX_LABEL && text.split_whitespace().count() <= 3 {
                self.date_label.push_str(text);
            }
        } else {
            if text.len() <= MAX_DATE_LINE
                && self.date_lines.len() < MAX_DATED_BLOCKS
                && let Some(date) = text_date(text)
            {
                // Whether the block before is a date label, and of an update.
                let after_date_label = match date_words(&self.date_label) {
                    (false, false) => None,
                    (updated, _) => Some(updated),
                };
                let (updated, published) = date_words(text);
                self.date_lines.push(DateLine {
                    at: index,
                    text: text
                        .lines()
                        .map(fold)
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n"),
                    swapped: swapped_date(text, &date),
                    date,
                    updated: updated || after_date_label == Some(true),
                    labelled: updated || published || after_date_label.is_some(),
                });
            }
            self.date_label.clear();
        }
        let starts_with = |text: &str, p: &str| {
            text.get(..p.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(p))
        };
        // A label alone or a line read by `by_line_names` holds `by` or `author`, or
        // opens with one of its other words: a short line without them is skipped
        // before the copies below. (No character outside ASCII lowercases to these
        // letters.)
        let short_may_name = || {
            let start = text.trim_start();
            holds_ascii_word(text, b"author")
                || ["contributor", "von", "par", "door"]
                    .iter()
                    .any(|p| starts_with(start, p))
        };
        let may_name = after_label.is_some()
            || holds_ascii_word(text, b"by")
            || ["author"]
                .iter()
                .chain(FOREIGN_BY.iter())
                .any(|p| starts_with(text, p))
            || (text.len() <= MAX_LABEL && short_may_name());
        if !may_name
            || text.len() > MAX_BY_LINE
            || self.by_lines.len() >= MAX_EVIDENCE
            || text.contains('\n')
        {
            return;
        }
        let line = fold(text);
        let lower = line.to_lowercase();
        let bare = lower.trim_end_matches([':', ' ']);
        if BY_LABELS.contains(&bare) {
            self.after_by_label = Some(bare != "by");
        } else if let Some(says_what) = after_label {
            if says_what {
                self.labelled_by_lines.push(index);
            }
            self.by_lines.push((index, line));
        } else if let Some(names) = by_line_names(&line)
            // "Door Straps", "Par 3 Course": the German, French and Dutch words for "by"
            // are English words too, so they count only on pages not declared English.
            && !(self.html_lang.as_deref().is_some_and(|l| l.starts_with("en"))
                && FOREIGN_BY.iter().any(|p| lower.starts_with(p)))
        {
            self.by_lines.push((index, names.to_string()));
        }
    }

    /// A `<time>` element: its `datetime` attribute (its text when it has none) and its
    /// `itemprop`, else its `class`.
    pub(crate) fn time(&mut self, datetime: &str, itemprop_or_class: Option<&str>) {
        let datetime = datetime.trim();
        if !datetime.is_empty() && self.times.len() < MAX_EVIDENCE {
            self.times.push((
                datetime.to_string(),
                itemprop_or_class.map(str::to_ascii_lowercase),
            ));
        }
    }

    /// The text of an element that names the author: `rel=author`, a class with `author`
    /// or `byline`, `itemprop=author`; a line break between its blocks (name, job title,
    /// bio). When the text is not `whole` (cut off: a long bio, or a box of links that
    /// only has "author" in its class), only its first two lines count, a label and a
    /// name at most, and only when they name a person in full.
    pub(crate) fn byline(&mut self, text: &str, whole: bool) {
        self.push_byline(text, whole, false);
    }

    /// A [`Collector::byline`] that stands in a part of the page that names other people
    /// too (comments, related stories, a sidebar): it counts after the others.
    pub(crate) fn byline_away(&mut self, text: &str, whole: bool) {
        self.push_byline(text, whole, true);
    }

    fn push_byline(&mut self, text: &str, whole: bool, away: bool) {
        if self.bylines.len() < MAX_EVIDENCE {
            let mut parts: Vec<String> = text
                .lines()
                .map(fold)
                .filter(|p| !p.is_empty())
                .take(if whole { usize::MAX } else { 2 })
                .collect();
            if parts.iter().map(String::len).sum::<usize>() <= MAX_SHORT_TEXT {
                if !parts.is_empty() {
                    self.bylines.push((parts.join("\n"), whole, away));
                }
            } else if !whole && parts[0].len() <= MAX_NAME_LINE {
                // An author box whose bio runs long under the name ("Jane Doe⏎Jane Doe is
                // a gardener who..."): the name line alone.
                parts.truncate(1);
                self.bylines.push((parts.remove(0), false, away));
            }
        }
    }

    /// Decide every field. `url` is the page's address (for the canonical URL, relative
    /// images and the date in the path); `body_text` is the article text, for language
    /// detection when the page declares none.
    pub(crate) fn finish(self, url: Option<&Url>, body_text: &str) -> Metadata {
        let ld = LinkedData::new(&self.entities);
        let site_name = self
            .meta_first(&["og:site_name"])
            .map(str::to_string)
            .or_else(|| ld.site_name())
            .or_else(|| self.meta_first(&["application-name"]).map(str::to_string))
            .map(|s| site_without_tagline(&s))
            .filter(|s| !s.is_empty());
        let (title, headline_at) = self.title(&ld, site_name.as_deref(), url);
        // Without the pilcrow that documentation generators (Sphinx, MkDocs) append to a
        // heading as its permalink.
        let title = title.map(|t| {
            let t = undo_double_utf8(&t);
            match t.strip_suffix('\u{b6}') {
                Some(rest) if !rest.trim().is_empty() => rest.trim_end().to_string(),
                _ => t,
            }
        });
        let authors = self
            .authors(&ld, site_name.as_deref(), headline_at)
            .iter()
            .map(|a| undo_double_utf8(a))
            .collect();
        let declared_published = ld
            .field(&["datePublished"], Rank::Page)
            .and_then(|d| normalize_date(&d))
            .or_else(|| self.meta_date(PUBLISHED_META))
            .or_else(|| self.time_date(&["datepublished", "published", "pubdate", "entry-date"]));
        let declared_modified = ld
            .field(&["dateModified"], Rank::Page)
            .and_then(|d| normalize_date(&d))
            .or_else(|| self.meta_date(MODIFIED_META))
            .or_else(|| self.time_date(&["datemodified", "updated", "modified"]));
        let url_day = url.and_then(|u| url_date(u.path()));
        let declared: Vec<&str> = [&declared_published, &declared_modified, &url_day]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let date_line = |updated| headline_at.and_then(|at| self.date_line(at, updated, &declared));
        // A shown date that is the declared modification day, where the page declares
        // another publication day, is the date of the last update.
        let shows_update = |shown: &String| {
            declared_modified
                .as_deref()
                .is_some_and(|m| same_day(m, shown))
                && declared_published
                    .as_deref()
                    .is_some_and(|p| !same_day(p, shown))
        };
        let published = date_line(false)
            .filter(|shown| !shows_update(shown))
            .or_else(|| declared_published.clone())
            .or_else(|| self.times.first().and_then(|(d, _)| normalize_date(d)))
            .or_else(|| date_line(true))
            .or_else(|| url_day.clone());
        // The update date the page shows beside the headline is the one its readers see;
        // declared modification times also move when a typo or a widget changes.
        let modified = date_line(true).or_else(|| declared_modified.clone());
        let language = self
            .html_lang
            .clone()
            .or_else(|| {
                self.meta_first(&["content-language", "language", "dc.language"])
                    .and_then(|v| language_tag(v.split(',').next().unwrap_or(v)))
            })
            .or_else(|| detect_language(body_text))
            .or_else(|| self.meta_first(&["og:locale"]).and_then(language_tag));
        let canonical_url = self
            .canonical
            .as_deref()
            .and_then(|c| absolute(c, url))
            .or_else(|| self.meta_first(&["og:url"]).and_then(|c| absolute(c, url)));
        let description = self
            .meta_first(&["og:description", "description", "twitter:description"])
            .map(str::to_string)
            .or_else(|| ld.field(&["description"], Rank::Page));
        let image = self
            .meta_first(&[
                "og:image",
                "og:image:url",
                "og:image:secure_url",
                "twitter:image",
                "twitter:image:src",
            ])
            .map(str::to_string)
            .or_else(|| ld.image())
            .map(|i| absolute(&i, url).unwrap_or(i));
        let page_type = self
            .meta_first(&["og:type"])
            .map(str::to_string)
            .or_else(|| ld.main_type());
        Metadata {
            title,
            authors,
            published,
            modified,
            site_name,
            language,
            canonical_url,
            description,
            image,
            tags: self.tags(&ld),
            page_type,
        }
    }

    /// Content of the first `<meta>` with the first of `keys` that the page has; one that
    /// names its key in `property` (RDFa, as Open Graph and Dublin Core define it) before
    /// one that names it in `name`.
    fn meta_first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|key| {
            let mut with_key = self.metas.iter().filter(|(k, _, _)| k == key);
            let first = with_key.next()?;
            let entry = if first.2 {
                first
            } else {
                with_key.find(|(_, _, p)| *p).unwrap_or(first)
            };
            Some(entry.1.as_str())
        })
    }

    /// Contents of every `<meta>` with `key`.
    fn meta_all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.metas
            .iter()
            .filter(move |(k, _, _)| k == key)
            .map(|(_, v, _)| v.as_str())
    }

    /// The first date among the `<meta>`s with `keys`, in the order of `keys`.
    fn meta_date(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|key| self.meta_all(key).find_map(normalize_date))
    }

    /// The first `<time>` whose itemprop or class contains one of `marks`.
    fn time_date(&self, marks: &[&str]) -> Option<String> {
        self.times.iter().find_map(|(d, mark)| {
            let mark = mark.as_deref()?;
            if marks.iter().any(|m| mark.contains(m)) {
                normalize_date(d)
            } else {
                None
            }
        })
    }

    /// The declared title (JSON-LD headline, `og:title`, `twitter:title`) as the page
    /// shows it: the `h1` that matches a declared title or the `<title>` wins over them,
    /// because declared titles are often shortened, reworded for search engines or
    /// suffixed with the site name, while the `h1` is the headline readers see.
    /// Also gives the block index of the `h1` that shows the title, when one does.
    fn title(
        &self,
        ld: &LinkedData<'_>,
        site_name: Option<&str>,
        url: Option<&Url>,
    ) -> (Option<String>, Option<usize>) {
        // The names the site goes by: its declared name, its address, and the part the
        // <title> adds to the headline.
        let mut sites: Vec<String> = site_name.map(str::to_string).into_iter().collect();
        sites.extend(host_names(url));
        sites.extend(self.home_headings.iter().cloned());
        // Dublin Core's title is the document's own, set apart from the sharing cards.
        let raw_declared: Vec<String> = [
            ld.headline(),
            self.meta_first(&["dc.title", "dcterms.title"])
                .map(str::to_string),
            self.meta_first(&["og:title"]).map(str::to_string),
            self.meta_first(&["twitter:title"]).map(str::to_string),
            self.meta_first(&["parsely-title"]).map(str::to_string),
        ]
        .into_iter()
        .flatten()
        .filter(|t| t.len() <= MAX_SHORT_TEXT)
        .collect();
        // A title cut short mid-sentence (SEO plugins cut the JSON-LD headline at 110
        // characters) gives way to the declared title it begins.
        let raw_declared: Vec<String> = raw_declared
            .iter()
            .map(|d| {
                raw_declared
                    .iter()
                    .find(|e| {
                        e.strip_prefix(d.as_str()).is_some_and(|rest| {
                            rest.starts_with(' ')
                                && rest.trim_start().starts_with(char::is_alphanumeric)
                        })
                    })
                    .unwrap_or(d)
                    .clone()
            })
            .collect();
        // A <title> that opens with the site's name, as the home-page link heading shows it,
        // and a colon ("Example Blog: Rain in Spain") (a colon joins subtitles too, so it is
        // no separator of `strip_title_affix`).
        let title_tag = self.title_tag.as_deref().map(|t| {
            let t = strip_title_affix(t, &sites);
            let after_site = t
                .split_once(':')
                .map(|(head, rest)| (head, rest.trim()))
                .filter(|(head, rest)| !rest.is_empty() && is_site(head, &self.home_headings))
                .map(|(_, rest)| rest.to_string());
            after_site.unwrap_or(t)
        });
        // `self.title_tag` is folded already.
        if let (Some(full), Some(headline)) = (self.title_tag.as_deref(), title_tag.as_deref())
            && let Some((name, suffix)) = affix(full, headline)
            && !raw_declared
                .iter()
                .any(|d| is_site(d, std::slice::from_ref(&name)))
            && !self.h1s.iter().any(|(_, h)| {
                compact(h).contains(&compact(&name))
                    && !(suffix && is_site(h, std::slice::from_ref(&name)))
            })
        {
            // Unless a declared title is that part, or an h1 shows it (in a longer text:
            // a subtitle; alone, and before the rest: the headline, the rest a tagline).
            sites.push(name);
        }
        // A <title> that is a declared title and a short part after any separator, even a
        // colon or a dash: that part is the site's name ("Example Blog: Rain in Spain"
        // where og:title is "Rain in Spain"), whatever h1 shows it (the blog's name set
        // as an h1 over the post's own heading).
        if let Some(full) = self.title_tag.as_deref() {
            for declared in &raw_declared {
                if let Some(name) = declared_affix(full, &fold(declared))
                    && !raw_declared
                        .iter()
                        .any(|d| is_site(d, std::slice::from_ref(&name)))
                {
                    sites.push(name);
                }
            }
        }
        let pairs: Vec<(String, &str)> = raw_declared
            .iter()
            .map(|t| (strip_site_name(t, &sites), t.as_str()))
            .filter(|(t, _)| !t.is_empty() && !is_site(t, &sites))
            .collect();
        let references: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(stripped, full)| (stripped.as_str(), *full))
            .chain(title_tag.as_deref().zip(self.title_tag.as_deref()))
            .collect();
        if let Some((at, h1)) = self.main_h1(&references, &sites) {
            // An h1 worded apart from every declared title gives way to a declared title
            // that another heading of the page shows word for word: the page sets both as
            // headings, and the declared one is its own name for itself (the h1 is then a
            // section's name or a pull quote: "M&A Updates" over "Cybersecurity Sector
            // Update–Fall 2025").
            if !references.iter().any(|(r, _)| same_compact(r, &h1))
                && let Some((shown_at, shown)) = references.iter().find_map(|(r, _)| {
                    let key = block_key(r);
                    self.headings
                        .iter()
                        .find(|(p, k)| *k == key && *p != at)
                        .map(|(p, _)| (*p, r.to_string()))
                })
            {
                return (Some(shown), Some(shown_at));
            }
            // Another h1 that is this one's start before a separator is the headline, this
            // one the page's title repeated with its section or site ("Tips for a first
            // visit - Japan Forum" over "Tips for a first visit"). Not one that is an end
            // part: that is the site's or the section's name.
            let (at, h1) = self
                .h1s
                .iter()
                .find(|(_, other)| {
                    separators(&h1)
                        .iter()
                        .any(|&(start, _)| h1[..start].trim() == other)
                })
                .cloned()
                .unwrap_or((at, h1));
            // An h1 set in capitals shows the declared title of the same words.
            let capitals = !h1.chars().any(char::is_lowercase);
            let h1 = references
                .iter()
                .find(|(r, _)| capitals && r.to_lowercase() == h1.to_lowercase())
                .map_or(h1, |(r, _)| r.to_string());
            // An h1 that curls the quotes of a declared title typed with straight ones
            // shows that title: themes curl quotes when they print a title (WordPress's
            // texturize), the metadata keeps them as the author typed them. Unless a
            // declared title has the curled ones too: then the author typed those.
            let h1 = references
                .iter()
                .find(|(r, _)| *r != h1 && straight_quotes(r) == *r && straight_quotes(&h1) == *r)
                .filter(|_| !references.iter().any(|(r, _)| *r == h1))
                .map_or(h1, |(r, _)| r.to_string());
            // An h1 that shows a declared title without one of its separators shows that
            // title: the parts stand in elements of their own and the separator is drawn
            // by the style sheet (a forum's prefix: "Question" then "Want to know...").
            let h1 = references
                .iter()
                .find(|(r, _)| {
                    separators(r).iter().any(|&(start, end)| {
                        h1.strip_prefix(r[..start].trim_end())
                            .and_then(|rest| rest.strip_prefix(' '))
                            .is_some_and(|rest| rest == r[end..].trim_start())
                    })
                })
                .map_or(h1, |(r, _)| r.to_string());
            // An h1 that shows the post's date before the headline ("Dec 18 2025 Preparing
            // a transition") loses it, unless the declared titles start with a date too.
            let dated = |t: &str| date_start(t) == Some(0);
            let h1 = match without_leading_date(&h1) {
                rest if !rest.is_empty()
                    && dated(&h1)
                    && !references.iter().any(|(r, _)| dated(r)) =>
                {
                    rest.to_string()
                }
                _ => h1,
            };
            // An h1 that puts a label before the declared title ("Blog: Rain in Spain",
            // "Title:Rain in Spain", a forum's prefix "Tips - Rain in Spain" where the
            // structured data's headline is the topic alone) shows the declared title.
            let h1 = references
                .iter()
                .find_map(|(r, _)| {
                    let label = h1.strip_suffix(r)?.trim_end();
                    let words = label
                        .strip_suffix(':')
                        .or_else(|| {
                            TITLE_SEPARATORS
                                .iter()
                                .find_map(|sep| label.strip_suffix(sep.trim_end()))
                        })?
                        .split_whitespace()
                        .count();
                    (!r.is_empty() && words <= MAX_TITLE_LABEL_WORDS).then(|| r.to_string())
                })
                .unwrap_or(h1);
            return (Some(headline_part(&strip_site_name(&h1, &sites))), Some(at));
        }
        let title = pairs.into_iter().next().map(|(t, _)| t).or(title_tag);
        // Where the headline stands: the h1 showing the title, else the first block that
        // shows it (a headline set in a styled div), else the first h1.
        let at = title.as_deref().and_then(|t| {
            self.h1s
                .iter()
                .find(|(_, h)| h.eq_ignore_ascii_case(t))
                .map(|(at, _)| *at)
                .or_else(|| {
                    // Compared as the compact texts themselves (what the keys hash), to
                    // leave each block at its first differing character.
                    let mut start = 0;
                    self.short_ends.iter().position(|end| {
                        end.is_some_and(|end| {
                            let text = &self.short_texts[start..end];
                            start = end;
                            same_compact(text, t)
                        })
                    })
                })
        });
        (title, at.or(self.h1s.first().map(|(at, _)| *at)))
    }

    /// The date of the date line nearest the headline at block `headline_at`, within
    /// [`DATE_LINE_REACH`] blocks unless the line or a label before it says what the date
    /// is ("Published", "Last updated:"), among the lines that say they give an update's date or
    /// those that do not; a line after the headline counts half the distance of one before
    /// it (bylines sit under headlines, kickers and breadcrumbs above).
    fn date_line(&self, headline_at: usize, updated: bool, declared: &[&str]) -> Option<String> {
        self.date_lines
            .iter()
            .filter(|line| line.updated == updated)
            .filter_map(|line| {
                let distance = if line.at >= headline_at {
                    line.at - headline_at
                } else {
                    (headline_at - line.at) * 2
                };
                (distance <= DATE_LINE_REACH || line.labelled).then_some((distance, line))
            })
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, line)| {
                // "09.10.2024" read day first, where the page declares September 10.
                let agrees = |date: &str| declared.iter().any(|d| same_day(d, date));
                match &line.swapped {
                    Some(swapped) if agrees(swapped) && !agrees(&line.date) => swapped.clone(),
                    _ => line.date.clone(),
                }
            })
    }

    /// The `h1` that best matches one of the `references` (declared titles and the
    /// `<title>`); the only `h1` when there are no references.
    fn main_h1(&self, references: &[(&str, &str)], sites: &[String]) -> Option<(usize, String)> {
        if references.is_empty() {
            let mut h1s = self.h1s.iter().filter(|(_, h)| !is_site(h, sites));
            let first = h1s.next()?;
            return h1s.next().is_none().then(|| first.clone());
        }
        // The words of each h1 as indices into `vocab` (the distinct words of them all),
        // and per reference which of `vocab` it has: a <title> swallowing the page (a
        // broken `</title>`) is scanned once, not copied word by word.
        let mut vocab: Vec<String> = Vec::new();
        let h1_words: Vec<Option<Vec<usize>>> = self
            .h1s
            .iter()
            .map(|(_, h)| {
                (!is_site(h, sites)).then(|| {
                    words(h)
                        .into_iter()
                        .map(|w| {
                            vocab.iter().position(|v| *v == w).unwrap_or_else(|| {
                                vocab.push(w);
                                vocab.len() - 1
                            })
                        })
                        .collect()
                })
            })
            .collect();
        let references: Vec<(WordsIn, WordsIn)> = references
            .iter()
            .map(|(stripped, full)| (WordsIn::new(stripped, &vocab), WordsIn::new(full, &vocab)))
            .collect();
        // An h1 set in capitals with a word that no declared title has is display type (a
        // banner's slogan, "SUPPORTING GAAP COMPLIANCE" over "GAAP Compliance: Applying
        // ..."): the declared titles name the page in its written form.
        let h1_words: Vec<Option<Vec<usize>>> = h1_words
            .into_iter()
            .zip(&self.h1s)
            .map(|(h1_words, (_, h))| {
                h1_words.filter(|h1_words| {
                    let capitals =
                        h.chars().any(char::is_uppercase) && !h.chars().any(char::is_lowercase);
                    !capitals
                        || h1_words
                            .iter()
                            .all(|&w| references.iter().any(|(_, full)| full.has[w]))
                })
            })
            .collect();
        let several = self.h1s.len() > 1;
        // The best h1 and its rank: (words shared with a headline part, with a full text).
        let mut best: Option<&(usize, String)> = None;
        let mut best_key = (0, 0);
        for (h1, h1_words) in self.h1s.iter().zip(&h1_words) {
            let Some(h1_words) = h1_words.as_deref().filter(|w| !w.is_empty()) else {
                continue;
            };
            for (stripped, full) in &references {
                // Matched against the full text (the h1 may show a subtitle taken for the
                // site name), but sharing words with the headline part, so that an h1
                // naming the site does not match a title that ends with it.
                let shared = h1_words.iter().filter(|&&w| full.has[w]).count();
                let in_headline = h1_words.iter().filter(|&&w| stripped.has[w]).count();
                if in_headline == 0
                    || (shared as f32) < H1_TITLE_OVERLAP * h1_words.len() as f32
                    // Among several h1s, one in the text that is one word of the title
                    // ("Discord" under "How we pwned X, Vercel, Discord and hundreds of
                    // companies"); a lone h1 of a word is the name of a section or product.
                    || (several
                        && (in_headline as f32) < H1_TITLE_COVERAGE * stripped.words as f32)
                {
                    continue;
                }
                // Ranked by the words shared with the headline part first: of an h1
                // that shows the site's name and one that shows the headline, both
                // within the full <title>, the second is the headline.
                let key = (in_headline, shared);
                if best.is_none() || key > best_key {
                    best = Some(h1);
                    best_key = key;
                }
            }
        }
        best.cloned()
            .or_else(|| {
                // An h1 that no declared title matches but the structured data names word
                // for word (a breadcrumb's last item, the WebPage's name) is the headline.
                self.h1s
                    .iter()
                    .filter(|(_, h)| h.split_whitespace().count() >= MIN_AGREEING_H1_WORDS)
                    .find(|(_, h)| self.ld_names.iter().any(|n| same_compact(n, h)))
                    .cloned()
            })
            .or_else(|| {
                // The only h1 that can be a headline, though worded apart from the declared
                // titles: pages reword their SEO titles ("Easy Car Maintenance Checklist"
                // over "A Car Maintenance Schedule That's Easy to Follow"), and readers see
                // the h1. It must still share a word with one of them.
                let mut h1s = self
                    .h1s
                    .iter()
                    .zip(&self.h1_chrome)
                    .zip(&h1_words)
                    .filter(|(((_, h), chrome), h1_words)| {
                        !**chrome
                            && h.split_whitespace().count() >= MIN_AGREEING_H1_WORDS
                            && h1_words.as_ref().is_some_and(|h1_words| {
                                h1_words.iter().any(|&w| {
                                    vocab[w].chars().count() >= MIN_SHARED_WORD_CHARS
                                        && references.iter().any(|(stripped, _)| stripped.has[w])
                                })
                            })
                    })
                    .map(|((h1, _), _)| h1);
                let first = h1s.next()?;
                h1s.next().is_none().then(|| first.clone())
            })
    }

    /// The authors of the first source that names a person: JSON-LD, the author metas
    /// (scholarly `citation_author`, which lists every author, and Dublin Core's
    /// `creator` first), the bylines marked up as such. A source that only names the site or its publisher
    /// ("Cleveland Clinic", "USA TODAY") is passed over for a later one that names a
    /// person, and kept when none does, unless a "By ..." line near the headline names
    /// people in full. Without any of them, the "By ..." line nearest the headline.
    fn authors(
        &self,
        ld: &LinkedData<'_>,
        site_name: Option<&str>,
        headline_at: Option<usize>,
    ) -> Vec<String> {
        let mut organisations = ld.organisations();
        organisations.extend(site_name.map(str::to_string));
        // The site's name with a word after it ("Example News Sponsored", "Example News
        // Staff") still names the site.
        let is_organisation = |name: &String| {
            organisations.iter().any(|o| {
                name.eq_ignore_ascii_case(o)
                    || name
                        .get(..o.len())
                        .zip(name.get(o.len()..))
                        .is_some_and(|(head, rest)| {
                            head.eq_ignore_ascii_case(o)
                                && rest.starts_with(' ')
                                && rest.split_whitespace().count() == 1
                        })
            })
        };
        // An organisation's name (the site's among them) is one name, "&" and "and" in it
        // included ("Morgan & Morgan", a meta author "Mac & i" that is the site's name).
        let names_of = |value: &str| match organisations.iter().any(|o| o == value) {
            true => vec![value.to_string()],
            false => split_names(value),
        };
        let mut sources: Vec<Vec<String>> = Vec::new();
        let mut declared_ld: Vec<String> = ld.authors().iter().flat_map(|a| names_of(a)).collect();
        // A page signed by its publisher that names a person as its `contributor` (a
        // member's post on a publishing platform): the contributor wrote it.
        if !declared_ld.is_empty() && declared_ld.iter().all(is_organisation) {
            let people = ld.contributors();
            if !people.is_empty() {
                declared_ld = people;
            }
        }
        sources.push(declared_ld);
        for key in [
            "citation_author",
            "citation_authors",
            "dc.creator",
            "dcterms.creator",
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
        ] {
            let values = self.meta_all(key).filter(|v| !looks_like_url(v));
            sources.push(if key.starts_with("citation_") {
                // Scholarly metadata: one author a meta, often "Last, First".
                values.map(first_name_first).collect()
            } else {
                values.flat_map(names_of).collect()
            });
        }
        // Twitter's card label/value pairs, which blog engines fill with "Written by" and
        // the author's name: twitter:label1 = "Written by", twitter:data1 = "Jane Doe";
        // any credit "... by" counts ("Interview by"), but those of other people
        // ("Reviewed by", "Edited by").
        let credit = |label: &str| {
            let lower = label.trim().to_lowercase();
            lower.ends_with(" by")
                && lower.split_whitespace().count() <= 2
                && !OTHER_CREDITS.iter().any(|c| lower.starts_with(c))
        };
        for n in 1..=TWITTER_LABEL_PAIRS {
            let label = self.meta_first(&[format!("twitter:label{n}").as_str()]);
            if label.is_some_and(credit) {
                let data = format!("twitter:data{n}");
                sources.push(self.meta_all(&data).flat_map(split_names).collect());
            }
        }
        // Byline elements may run the name into the site's ("Jane Doe USA TODAY"); the
        // name must be left plain ("Jane Doe", not "CEO of").
        let without_site = |name: String| {
            organisations
                .iter()
                .find_map(|o| {
                    let cut = name.len().checked_sub(o.len() + 1)?;
                    let (head, tail) = (name.get(..cut)?, name.get(cut..)?);
                    (tail.starts_with(' ')
                        && tail[1..].eq_ignore_ascii_case(o)
                        && head.split_whitespace().count() >= 2
                        && is_plain_name(head)
                        && is_name_like(head))
                    .then(|| head.to_string())
                })
                .unwrap_or(name)
        };
        // Bylines among comments or other stories count after those of the story.
        let mut bylines: Vec<(Vec<String>, bool)> = self
            .bylines
            .iter()
            .filter(|(_, _, away)| !away)
            .chain(self.bylines.iter().filter(|(_, _, away)| *away))
            .map(|(b, whole, away)| {
                let mut names = byline_part_names(b, *whole);
                if let Some(first) = names.first_mut() {
                    *first = without_site(std::mem::take(first));
                }
                (names, *away)
            })
            .collect();
        // A byline whose parts the page set inline runs the job title into the name
        // ("Written By: Jane Doe Gardener & Astrologer"); the name alone in its own
        // element (a nested byline, a link to the author's page) shows where it ends.
        let alone: Vec<String> = bylines
            .iter()
            .filter_map(|(names, _)| match names.as_slice() {
                [only] if is_in_full(only) => Some(only.clone()),
                _ => None,
            })
            .collect();
        for name in bylines.iter_mut().flat_map(|(names, _)| names) {
            if let Some(short) = alone.iter().find(|a| {
                name.len() > a.len()
                    && name.starts_with(a.as_str())
                    && name[a.len()..].starts_with(' ')
            }) {
                *name = short.clone();
            }
        }
        sources.retain(|names| !names.is_empty());
        let declared_sources = sources.len();
        let (story, away): (Vec<_>, Vec<_>) = bylines
            .into_iter()
            .filter(|(names, _)| !names.is_empty())
            .partition(|(_, away)| !away);
        sources.extend(story.into_iter().map(|(names, _)| names));
        let story_sources = sources.len();
        sources.extend(away.into_iter().map(|(names, _)| names));
        let person = |names: &Vec<String>| {
            !names.iter().all(is_organisation)
                && names.iter().all(|n| n.split_whitespace().count() >= 2)
        };
        // A person named among comments or other stories does not replace the publisher.
        let (declared_at, declared) = sources
            .iter()
            .enumerate()
            .find(|(_, names)| !names.iter().all(is_organisation))
            .filter(|(i, names)| *i == 0 || (*i < story_sources && person(names)))
            .or(sources.first().map(|names| (0, names)))
            .map(|(i, names)| (Some(i), Some(names.clone())))
            .unwrap_or_default();
        let by_line = || {
            self.by_lines(headline_at)
                .into_iter()
                .map(byline_names)
                .find(|names| !names.is_empty() && names.iter().all(|n| is_plain_name(n)))
        };
        // Where the page declares only its publisher, a "By" line near the headline that
        // names a person in full is the writer's credit (farther off, "By Event Type" heads
        // a filter).
        let near_headline =
            |at: usize| headline_at.is_some_and(|h| h.abs_diff(at) <= DATE_LINE_REACH);
        let people_in_full = |by: &Vec<String>| {
            !by.is_empty()
                && by
                    .iter()
                    .all(|n| is_plain_name(n) && is_in_full(n) && !is_organisation(n))
        };
        // Else the name a "Written by" or "About the author" label sets apart, wherever
        // it stands (an author box under the story).
        let labelled = || {
            self.by_lines
                .iter()
                .filter(|(at, _)| self.labelled_by_lines.contains(at))
                .map(|(_, line)| byline_names(line))
                .find(people_in_full)
        };
        // A login where the display name should be ("jdoe", "jane.doe42", "JaneD"): the
        // account that posted the page, which the byline of the story, naming a person in
        // full, corrects. Not on a forum's or a social network's post, whose author is the
        // account and whose bylines hold rank badges ("Full Member").
        let posted = ld
            .main_type()
            .is_some_and(|t| POSTING_TYPES.contains(&t.as_str()));
        let handle = |name: &String| {
            !name.contains(' ')
                && (name.contains(|c: char| c.is_ascii_digit() || c == '.' || c == '_')
                    || !name.contains(char::is_uppercase)
                    || name.chars().skip(1).any(char::is_uppercase))
        };
        // Else the person who reviewed a page the publisher signs ("Reviewed by Jane Doe,
        // MD" in the story's byline): the only person who answers for it.
        let reviewer = || {
            self.bylines
                .iter()
                .filter(|(_, _, away)| !away)
                .flat_map(|(text, _, _)| text.lines())
                .chain(
                    self.by_lines
                        .iter()
                        .filter(|(at, _)| near_headline(*at))
                        .map(|(_, line)| line.as_str()),
                )
                .find_map(|line| {
                    let lower = line.to_lowercase();
                    let credit = OTHER_CREDITS.iter().find(|c| lower.starts_with(**c))?;
                    // The reviewer, without the job title after a comma ("Jane Doe, Trial
                    // Attorney").
                    let names: Vec<String> = byline_names(line.get(credit.len()..)?)
                        .into_iter()
                        .take(1)
                        .collect();
                    people_in_full(&names).then_some(names)
                })
        };
        // The names of the "By" line nearest the headline, when it names people in full.
        let story_by_line = || {
            self.by_lines
                .iter()
                .filter(|(at, _)| near_headline(*at))
                .min_by_key(|(at, _)| headline_at.map(|h| h.abs_diff(*at)))
                .map(|(_, line)| byline_names(line))
                .filter(people_in_full)
        };
        let declared = match declared {
            Some(names)
                if !posted
                    && declared_at.is_some_and(|i| i < declared_sources)
                    && names.iter().all(handle) =>
            {
                sources[declared_sources..story_sources]
                    .iter()
                    .find(|names| people_in_full(names))
                    .cloned()
                    .or(Some(names))
            }
            Some(names)
                if !posted
                    && declared_at.is_some_and(|i| i < declared_sources)
                    && !names.iter().all(is_organisation) =>
            {
                let shown = |name: &String| {
                    let name = compact(name);
                    self.bylines
                        .iter()
                        .any(|(b, _, _)| compact(b).contains(&name))
                        || self
                            .by_lines
                            .iter()
                            .any(|(_, b)| compact(b).contains(&name))
                };
                let unseen = !names.iter().any(shown);
                story_by_line()
                    .filter(|by| {
                        let shared = |name: &String| {
                            let theirs = words(name);
                            by.iter()
                                .any(|b| words(b).iter().any(|w| theirs.contains(w)))
                        };
                        unseen && !names.iter().any(shared)
                    })
                    // The story's first byline element crediting the site's team ("Example
                    // Team", a link to its author page) is the credit readers see.
                    .or_else(|| {
                        sources[declared_sources..story_sources]
                            .first()
                            .filter(|by| unseen && by.iter().all(is_organisation))
                            .cloned()
                    })
                    .or(Some(names))
            }
            Some(names) if names.iter().all(is_organisation) => story_by_line()
                .or_else(labelled)
                .or_else(reviewer)
                .or(Some(names)),
            declared => declared,
        };
        // The publisher named beside the writers ("Jane Doe and John Roe, Example News")
        // is not one of them.
        let people_only = |names: Vec<String>| {
            if names.iter().all(is_organisation) {
                names
            } else {
                names.into_iter().filter(|n| !is_organisation(n)).collect()
            }
        };
        let names = declared
            .or_else(by_line)
            .or_else(|| headline_at.and_then(|at| self.dated_byline(at, &organisations)))
            .map(people_only)
            .map(dedup)
            .unwrap_or_default();
        // Where the page declares no person, its byline is the credit, and a job title
        // it sets after the name in the same line ("by Jane Doe, Dietitian") is part of
        // that credit as shown. The first line that sets a comma after the name decides.
        // A name the page sets in an element of its own (a link to the author's page)
        // ends there: the job title beside it describes her.
        let shown = match names.as_slice() {
            [only]
                if sources[..declared_sources]
                    .iter()
                    .flatten()
                    .all(is_organisation)
                    && !self.bylines.iter().any(|(b, _, _)| b == only) =>
            {
                let after = format!("{only},");
                self.bylines
                    .iter()
                    .filter(|(_, _, away)| !away)
                    .flat_map(|(text, _, _)| text.lines())
                    .chain(self.by_lines.iter().map(|(_, line)| line.as_str()))
                    .find(|line| line.contains(&after))
                    .and_then(|line| role_after(line, only))
                    .map(|role| format!("{only}, {role}"))
            }
            _ => None,
        };
        shown.map_or(names, |credit| vec![credit])
    }

    /// The names of the date line right under the headline at block `headline_at` that
    /// sets the author's name beside the date without a "By": "Dec 26, 2025 • Jane Doe
    /// in Careers", "2025-12-17 · Jane Doe", "Jane Doe | Senior Writer | July 2, 2025".
    /// Only people named in full count (a section name set beside a date is one or two
    /// capitalised words too, so the line must stand within [`DATED_BYLINE_REACH`]
    /// blocks after the headline and the names must not be the site's).
    fn dated_byline(&self, headline_at: usize, organisations: &[String]) -> Option<Vec<String>> {
        let line = self.date_lines.iter().find(|line| {
            line.at > headline_at
                && line.at - headline_at <= DATED_BYLINE_REACH
                // A headline with a date in it ("Development Update 2024-10-04").
                && !self.h1s.iter().any(|(_, h)| *h == fold(&line.text))
        })?;
        // Name, job and date may stand in blocks of their own ("Jane Doe⏎AP Sports
        // Writer⏎Dec. 31, 2007").
        let names = byline_part_names(&line.text, true);
        // "Updated Fri. Jan. 11" and "Last Update: 12/30/2007" leave date words.
        let dated = |name: &String| {
            words(name).iter().any(|w| {
                month(w).is_some()
                    || WEEKDAYS.contains(&w.as_str())
                    || w.starts_with("update")
                    || UPDATE_WORDS.contains(&w.as_str())
                    || PUBLISH_WORDS.contains(&w.as_str())
            })
        };
        // "Example News Philadelphia" beside a date names the site's edition.
        let of_site = |name: &String| {
            let name = compact(name);
            organisations.iter().any(|o| {
                let o = compact(o);
                !o.is_empty() && (name.contains(&o) || o.contains(&name))
            })
        };
        (!names.is_empty()
            && names
                .iter()
                .all(|n| is_in_full(n) && !of_site(n) && !dated(n)))
        .then_some(names)
    }

    /// The "By ..." lines, nearest the headline at block `headline_at` first (in page
    /// order without a headline).
    fn by_lines(&self, headline_at: Option<usize>) -> Vec<&str> {
        let mut lines: Vec<&(usize, String)> = self.by_lines.iter().collect();
        if let Some(at) = headline_at {
            lines.sort_by_key(|(i, _)| if *i >= at { i - at } else { (at - i) * 2 });
        }
        lines.into_iter().map(|(_, line)| line.as_str()).collect()
    }

    fn tags(&self, ld: &LinkedData<'_>) -> Vec<String> {
        // One tag a meta, and a tag may hold a comma ("Mayer, Marissa"), unless the page
        // packs its whole list into its only one ("sally ride, obituary").
        let article_tags: Vec<&str> = self.meta_all("article:tag").collect();
        let mut tags: Vec<String> = match article_tags.as_slice() {
            [only] => only.split(',').map(fold).collect(),
            several => several.iter().map(|t| fold(t)).collect(),
        };
        for key in ["keywords", "news_keywords"] {
            for value in self.meta_all(key) {
                tags.extend(value.split(',').map(fold));
            }
        }
        tags.extend(ld.keywords());
        tags.retain(|t| !t.is_empty());
        dedup(tags)
    }
}

/// A short block that holds a date.
#[derive(Debug)]
struct DateLine {
    /// Block index.
    at: usize,
    /// The line, whitespace folded within each of its lines (the blocks of its element).
    text: String,
    /// The date, ISO 8601.
    date: String,
    /// The other reading of the date when it is numeric and reads both ways
    /// (`03/10/2023`: March 10 or October 3).
    swapped: Option<String>,
    /// The line or its label says it is the date of an update.
    updated: bool,
    /// The line or its label says what the date is (published, posted, updated).
    labelled: bool,
}

/// Words that make a date line the publication date, lowercase.
const PUBLISH_WORDS: [&str; 9] = [
    "published",
    "posted",
    "date",
    "veröffentlicht",
    "publié",
    "publicado",
    "pubblicato",
    "gepubliceerd",
    "opublikowano",
];

/// Words that make a date line the date of an update, lowercase.
const UPDATE_WORDS: [&str; 8] = [
    "updated",
    "modified",
    "revised",
    "edited",
    "aktualisiert",
    "mis à jour",
    "actualizado",
    "bijgewerkt",
];

/// Blocks that only label the author's name in the next block, lowercase; the same words
/// before a name in its own line mark that line as the byline (see `role_after`).
const BY_LABELS: [&str; 12] = [
    "by",
    "author",
    "authors",
    "the author",
    "written by",
    "posted by",
    "published by",
    "article by",
    "authored by",
    "words by",
    "story by",
    "about the author",
];

/// Lowercase words that, just before "by", make a line a byline ("Written by", "Text
/// by"); "Powered by" and "Sponsored by" are not.
const BY_VERBS: [&str; 13] = [
    "written",
    "posted",
    "published",
    "article",
    "text",
    "words",
    "story",
    "authored",
    "reported",
    "post",
    "created",
    "guide",
    "submitted",
];

/// The names part of a line that says who wrote the page: "By Jane Doe", "Written by
/// Jane Doe", "Published May 17, 2024 by Jane Doe", "Author: Jane Doe". The part before
/// "by" must be a short label or a date, so that sentences with "by" do not count.
pub(crate) fn by_line_names(line: &str) -> Option<&str> {
    let lower = line.to_ascii_lowercase();
    for label in ["author:", "authors:", "contributor:", "contributors:"]
        .iter()
        .chain(FOREIGN_BY.iter())
    {
        if lower.starts_with(label) {
            return Some(line);
        }
    }
    let find = |pattern: &[u8]| find_bytes(lower.as_bytes(), pattern);
    let at = if lower.starts_with("by ") || lower.starts_with("by:") {
        0
    } else {
        find(b" by ").or_else(|| find(b" by:"))? + 1
    };
    // "By joining our list, you ...", "By clicking submit below", "by default a": a
    // sentence, whose first word after "by" is a lowercase verb in -ing or is followed by
    // another lowercase word, where the line is not all lowercase ("by jane doe"). User
    // names stand alone or in a list ("by jdoe on May 17", "by jdoe, jroe » Tue").
    let mut after = line[at + 2..].trim_start_matches(':').split_whitespace();
    let lowercase = |w: &str| {
        w.starts_with(char::is_lowercase) && !NAME_PARTICLES.contains(&w.to_lowercase().as_str())
    };
    if let Some(first) = after
        .next()
        // "by the committee" names a team.
        .filter(|w| lowercase(w) && *w != "the" && line.contains(char::is_uppercase))
    {
        let next = after.next();
        if first.trim_end_matches(',').ends_with("ing")
            || (!first.ends_with(',')
                && next.is_some_and(|w| lowercase(w) && !BYLINE_ENDS.iter().any(|e| e.trim() == w)))
        {
            return None;
        }
    }
    let before = lower[..at].trim();
    let verb = before
        .rsplit(' ')
        .next()
        .is_some_and(|w| BY_VERBS.contains(&w))
        && before.split_whitespace().count() <= 4;
    (at == 0 || verb || text_date(before).is_some()).then(|| &line[at..])
}

/// A `<meta>` name or property as looked up: lowercase, Dublin Core's `dc:title` and
/// `dcterms:title` spelt `dc.title` and `dcterms.title` as in `name=DC.title`.
fn meta_key(key: &str) -> String {
    let key = key.to_ascii_lowercase();
    for prefix in ["dc:", "dcterms:"] {
        if let Some(rest) = key.strip_prefix(prefix) {
            return format!("{}.{rest}", &prefix[..prefix.len() - 1]);
        }
    }
    key
}

/// Meta names and properties of the publication date, by precedence.
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "published_date",
    "published",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "citation_publication_date",
    "citation_date",
];

/// Meta names and properties of the modification date, by precedence.
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "article.updated",
    "last-modified",
    "lastmod",
];

/// How central a JSON-LD entity's type is to the page; lower is more central.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    /// Articles and posts.
    Article,
    /// Other content types (`Recipe`, `VideoObject`, unknown types).
    Content,
    /// `WebPage` and its subtypes.
    Page,
    /// Sites, organisations, people, breadcrumbs, images and other parts.
    Part,
}

/// Article types of schema.org, without the `schema:` prefix.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "Blog",
    "Report",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "TechArticle",
    "APIReference",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "AdvertiserContentArticle",
    "SatiricalArticle",
    "Review",
    "CriticReview",
];

/// JSON-LD types of pages whose author is the account that posted them (a forum's, a
/// social network's or a Q&A site's posts).
const POSTING_TYPES: &[&str] = &[
    "DiscussionForumPosting",
    "SocialMediaPosting",
    "QAPage",
    "Question",
    "Answer",
    "Comment",
];

/// `WebPage` and its subtypes.
const PAGE_TYPES: &[&str] = &[
    "WebPage",
    "ItemPage",
    "AboutPage",
    "CollectionPage",
    "ContactPage",
    "FAQPage",
    "QAPage",
    "ProfilePage",
    "SearchResultsPage",
    "MedicalWebPage",
    "CheckoutPage",
    "RealEstateListing",
];

/// Types that describe a part of the page or its surroundings, never the page itself.
const PART_TYPES: &[&str] = &[
    "WebSite",
    "Organization",
    "NewsMediaOrganization",
    "Corporation",
    "LocalBusiness",
    "Person",
    "BreadcrumbList",
    "ListItem",
    "ImageObject",
    "SiteNavigationElement",
    "WPHeader",
    "WPFooter",
    "WPSideBar",
    "SearchAction",
    "EntryPoint",
    "Brand",
    "Place",
    "PostalAddress",
    "ContactPoint",
    "Rating",
    "AggregateRating",
    "Offer",
    "Country",
    "Question",
    "Answer",
    "HowToStep",
    "HowToSection",
    "ItemList",
    "Comment",
];

/// The `@type`s of a JSON-LD object, without `schema:` or schema.org URL prefixes.
fn types(entity: &Map<String, Value>) -> Vec<&str> {
    fn strip(t: &str) -> &str {
        t.rsplit(['/', ':']).next().unwrap_or(t)
    }
    match entity.get("@type") {
        Some(Value::String(t)) => vec![strip(t)],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(strip).collect(),
        _ => Vec::new(),
    }
}

/// Whether a JSON-LD entity is an organisation, a site or a brand rather than a person.
fn is_organisation(entity: &Map<String, Value>) -> bool {
    // A person who publishes their own site is typed both ("@type": ["Person",
    // "Organization"], as SEO plugins write it): a person still.
    let types = types(entity);
    !types.contains(&"Person")
        && types.iter().any(|t| {
            t.ends_with("Organization")
                || matches!(
                    *t,
                    "Corporation" | "LocalBusiness" | "WebSite" | "Brand" | "NGO" | "Project"
                )
        })
}

fn rank(entity: &Map<String, Value>) -> Rank {
    let types = types(entity);
    if types.iter().any(|t| ARTICLE_TYPES.contains(t)) {
        Rank::Article
    } else if types.iter().any(|t| PAGE_TYPES.contains(t)) {
        Rank::Page
    } else if types.is_empty() || types.iter().all(|t| PART_TYPES.contains(t)) {
        Rank::Part
    } else {
        Rank::Content
    }
}

/// The JSON-LD entities of a page, most central first, with their `@id`s.
struct LinkedData<'a> {
    ranked: Vec<(Rank, &'a Map<String, Value>)>,
    by_id: HashMap<&'a str, &'a Map<String, Value>>,
}

impl<'a> LinkedData<'a> {
    fn new(entities: &'a [Map<String, Value>]) -> LinkedData<'a> {
        let mut ranked: Vec<_> = entities.iter().map(|e| (rank(e), e)).collect();
        ranked.sort_by_key(|(r, _)| *r);
        let mut by_id = HashMap::new();
        for e in entities {
            if let Some(id) = e.get("@id").and_then(Value::as_str) {
                by_id.entry(id).or_insert(e);
            }
        }
        LinkedData { ranked, by_id }
    }

    /// Entities of rank `up_to` or more central.
    fn central(&self, up_to: Rank) -> impl Iterator<Item = &'a Map<String, Value>> + '_ {
        self.ranked
            .iter()
            .filter(move |(r, _)| *r <= up_to)
            .map(|(_, e)| *e)
    }

    /// The first text of one of `keys` in the most central entity that has one.
    fn field(&self, keys: &[&str], up_to: Rank) -> Option<String> {
        self.central(up_to).find_map(|e| {
            keys.iter()
                .find_map(|k| e.get(*k).and_then(first_text).filter(|t| !t.is_empty()))
        })
    }

    fn headline(&self) -> Option<String> {
        self.field(&["headline"], Rank::Page)
            .or_else(|| self.field(&["name"], Rank::Content))
    }

    fn main_type(&self) -> Option<String> {
        let (_, entity) = self.ranked.first()?;
        types(entity).first().map(|t| t.to_string())
    }

    /// The entity `value` stands for: itself, or the entity its `@id` names.
    fn resolve(&self, value: &'a Value) -> Option<&'a Map<String, Value>> {
        let object = value.as_object()?;
        if object.len() <= 2
            && !object.contains_key("name")
            && let Some(target) = object
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| self.by_id.get(id))
        {
            return Some(*target);
        }
        Some(object)
    }

    /// Names in an `author`-like value: a string, an object with a name, or an array.
    fn names(&self, value: &'a Value, out: &mut Vec<String>) {
        match value {
            Value::String(s) => out.push(clean_text(s)),
            Value::Array(items) => {
                for item in items.iter().take(MAX_LIST) {
                    self.names(item, out);
                }
            }
            Value::Object(_) => {
                if let Some(name) = self
                    .resolve(value)
                    .and_then(|e| e.get("name"))
                    .and_then(first_text)
                {
                    out.push(name);
                }
            }
            _ => {}
        }
    }

    /// Names of the organisations the page declares (the publisher, the site, every
    /// entity or author typed as an organisation): such an "author" is the site itself.
    fn organisations(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (_, entity) in &self.ranked {
            if is_organisation(entity)
                && let Some(name) = entity.get("name").and_then(first_text)
            {
                out.push(name);
            }
            for key in ["publisher", "author", "creator"] {
                let values = match entity.get(key) {
                    Some(Value::Array(items)) => items.iter().take(MAX_LIST).collect(),
                    Some(value) => vec![value],
                    None => Vec::new(),
                };
                for value in values {
                    if let Some(object) = self.resolve(value)
                        && (key == "publisher" || is_organisation(object))
                        && !types(object).contains(&"Person")
                        && let Some(name) = object.get("name").and_then(first_text)
                    {
                        out.push(name);
                    }
                }
            }
        }
        out
    }

    fn authors(&self) -> Vec<String> {
        for entity in self.central(Rank::Page) {
            let mut names = Vec::new();
            for key in ["author", "creator"] {
                if let Some(value) = entity.get(key) {
                    self.names(value, &mut names);
                }
                names.retain(|n| !n.is_empty() && !looks_like_url(n));
                if !names.is_empty() {
                    return names;
                }
            }
        }
        Vec::new()
    }

    /// Names of the people (`Person` entities) the central entity names as its
    /// `contributor`.
    fn contributors(&self) -> Vec<String> {
        let Some(value) = self.central(Rank::Page).find_map(|e| e.get("contributor")) else {
            return Vec::new();
        };
        let values = match value {
            Value::Array(items) => items.iter().take(MAX_LIST).collect(),
            value => vec![value],
        };
        values
            .into_iter()
            .filter_map(|v| self.resolve(v))
            .filter(|e| types(e).contains(&"Person"))
            .filter_map(|e| e.get("name").and_then(first_text))
            .filter(|n| !n.is_empty())
            .collect()
    }

    fn site_name(&self) -> Option<String> {
        let publisher = self.central(Rank::Page).find_map(|e| {
            let mut names = Vec::new();
            self.names(e.get("publisher")?, &mut names);
            names.into_iter().find(|n| !n.is_empty())
        });
        publisher.or_else(|| {
            self.ranked
                .iter()
                .find(|(_, e)| types(e).contains(&"WebSite"))
                .and_then(|(_, e)| e.get("name"))
                .and_then(first_text)
                .filter(|n| !n.is_empty())
        })
    }

    fn image(&self) -> Option<String> {
        self.central(Rank::Page)
            .find_map(|e| self.image_url(e.get("image")?, 0))
    }

    /// URL of an `image` value: a string, an `ImageObject` (or its `@id`), or an array.
    fn image_url(&self, value: &'a Value, depth: usize) -> Option<String> {
        if depth > 2 {
            return None;
        }
        match value {
            Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Value::Array(items) => items.iter().find_map(|i| self.image_url(i, depth + 1)),
            Value::Object(_) => {
                let object = self.resolve(value)?;
                ["url", "contentUrl"]
                    .iter()
                    .find_map(|k| self.image_url(object.get(*k)?, depth + 1))
            }
            _ => None,
        }
    }

    fn keywords(&self) -> Vec<String> {
        let Some(value) = self.central(Rank::Page).find_map(|e| e.get("keywords")) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        match value {
            Value::String(s) => out.extend(s.split(',').map(clean_text)),
            Value::Array(items) => out.extend(items.iter().filter_map(first_text)),
            _ => {}
        }
        out
    }
}

/// A JSON-LD value as text: a string, or the first string of an array.
fn first_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(clean_text(s)),
        Value::Array(items) => items.iter().find_map(|v| v.as_str().map(clean_text)),
        _ => None,
    }
}

/// The JSON values in a script's text: wrappers stripped, repaired once when it does not
/// parse, every complete value of a sequence kept.
fn parse_json_ld(text: &str) -> Vec<Value> {
    let mut text = text.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(rest) = text.strip_prefix(open) {
            text = rest.trim_start();
            if let Some(rest) = text.strip_suffix(close) {
                text = rest.trim_end();
            }
        }
    }
    let values = parse_values(text);
    if !values.is_empty() {
        return values;
    }
    parse_values(&repair_json(text))
}

/// Every JSON value of a whitespace-separated sequence, up to the first error.
fn parse_values(text: &str) -> Vec<Value> {
    serde_json::Deserializer::from_str(text)
        .into_iter::<Value>()
        .map_while(Result::ok)
        .collect()
}

/// Fix the common hand-written JSON errors: trailing commas before `}` or `]`, raw line
/// breaks and tabs inside strings.
fn repair_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                '\n' | '\r' | '\t' => {
                    out.push(' ');
                    continue;
                }
                _ => {}
            }
            out.push(c);
            continue;
        }
        match c {
            '"' => in_string = true,
            ',' => {
                let rest = chars.clone().find(|c| !c.is_whitespace());
                if matches!(rest, Some('}' | ']')) {
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

/// Add the typed objects in `value` to `out`: the value itself, the members of `@graph`
/// and of top-level arrays, and `mainEntity`.
fn collect_entities(value: &Value, depth: usize, out: &mut Vec<Map<String, Value>>) {
    if depth > MAX_JSON_LD_DEPTH || out.len() >= MAX_JSON_LD_ENTITIES {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_entities(item, depth + 1, out);
            }
        }
        Value::Object(object) => {
            if object.contains_key("@type") {
                out.push(object.clone());
            }
            for key in ["@graph", "mainEntity"] {
                if let Some(inner) = object.get(key) {
                    collect_entities(inner, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

/// Add the `name` and `headline` texts anywhere in `value` to `out`.
fn collect_names(value: &Value, depth: usize, out: &mut Vec<String>) {
    if depth > MAX_JSON_LD_DEPTH * 2 || out.len() >= MAX_EVIDENCE {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_names(item, depth + 1, out);
            }
        }
        Value::Object(object) => {
            for (key, inner) in object {
                match inner {
                    Value::String(text) if key == "name" || key == "headline" => {
                        if text.len() <= MAX_SHORT_TEXT && out.len() < MAX_EVIDENCE {
                            out.push(clean_text(text));
                        }
                    }
                    _ => collect_names(inner, depth + 1, out),
                }
            }
        }
        _ => {}
    }
}

/// A block's text with a space put at each inline element edge (byte offsets `edges`)
/// where the page glued two parts that a reader tells apart by their look: a word or
/// number followed by a capitalised word ("By Jane Doe" and "April 3, 2024" in two
/// spans, "By" and "Jane Doe" in a link, "July 30, 2019" before "January 18, 2023").
/// Bylines and date lines are read from this text; words set across elements in one
/// style ("<b>Ex</b>ample") keep together, as the second part starts in lowercase.
pub(crate) fn part_text<'a>(text: &'a str, edges: &[u32]) -> std::borrow::Cow<'a, str> {
    let glued = |at: usize| {
        let before = text[..at].chars().next_back();
        let after = text[at..].chars().next();
        matches!((before, after), (Some(b), Some(a)) if b.is_alphanumeric() && a.is_uppercase())
    };
    let cuts: Vec<usize> = edges
        .iter()
        .map(|&at| at as usize)
        .filter(|&at| text.is_char_boundary(at) && at > 0 && at < text.len() && glued(at))
        .collect();
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + cuts.len());
    let mut from = 0;
    for at in cuts {
        out.push_str(&text[from..at]);
        out.push(' ');
        from = at;
    }
    out.push_str(&text[from..]);
    std::borrow::Cow::Owned(out)
}

/// A hash of a text's lowercase letters and digits (see [`compact`]), to find the block
/// that shows a title: 64-bit FNV-1a of the UTF-8 bytes of `compact(text)`, read straight
/// from the text (ASCII a byte at a time, other characters through [`compact_chars`]'s
/// test and lowercasing), with no allocation. Keys are compared within one page only.
fn block_key(text: &str) -> u64 {
    let mut hash = FNV_OFFSET;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                hash = fnv_byte(hash, b.to_ascii_lowercase());
            }
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for &byte in lower.encode_utf8(&mut buf).as_bytes() {
                    hash = fnv_byte(hash, byte);
                }
            }
        }
    }
    hash
}

/// FNV-1a (64 bits) offset basis.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte into an FNV-1a (64 bits) hash.
fn fnv_byte(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
}

/// `text` with its typographic quotes and primes straight (`'` and `"`).
fn straight_quotes(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            c => c,
        })
        .collect()
}

/// `text` as its page meant it where the page holds UTF-8 that was decoded once too often
/// ("Investor\u{e2}\u{80}\u{99}s" for "Investor\u{2019}s"): a C1 control character
/// (U+0080 to U+009F) never stands in a text, and a text made only of Latin-1 characters
/// with one that is valid UTF-8 byte for byte is that UTF-8. Any other text is kept.
fn undo_double_utf8(text: &str) -> String {
    if !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        return text.to_string();
    }
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).ok())
        .collect::<Option<Vec<u8>>>()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_else(|| text.to_string())
}

/// Collapse whitespace runs to one space and trim.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A JSON-LD string as text: HTML character references decoded (scripts are raw text,
/// and many CMSs escape their JSON-LD as HTML), whitespace folded.
fn clean_text(text: &str) -> String {
    fold(&decode_entities(text))
}

/// Decode the HTML character references that occur in JSON-LD: numeric ones and the
/// few named ones in common use. Unknown references are kept as they are.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "hellip" => Some('…'),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                "lsquo" => Some('‘'),
                "rsquo" => Some('’'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// How a text's words ([`words`]) meet a vocabulary of lowercased words.
struct WordsIn {
    /// How many words the text has.
    words: usize,
    /// Per word of the vocabulary, whether the text has it.
    has: Vec<bool>,
}

impl WordsIn {
    /// `vocab`: distinct lowercased words. Each word of `text` is compared in place (an
    /// ASCII word without a lowercased copy), as `words(text)` would lowercase it.
    fn new(text: &str, vocab: &[String]) -> Self {
        let mut has = vec![false; vocab.len()];
        let mut count = 0;
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if word.is_empty() {
                continue;
            }
            count += 1;
            // The vocabulary is lowercased: its ASCII letters are small ones, so an ASCII
            // word equals one ignoring ASCII case exactly when its lowercase does.
            let at = if word.is_ascii() {
                vocab.iter().position(|v| v.eq_ignore_ascii_case(word))
            } else {
                let word = word.to_lowercase();
                vocab.iter().position(|v| *v == word)
            };
            if let Some(at) = at {
                has[at] = true;
            }
        }
        Self { words: count, has }
    }
}

/// Lowercased alphanumeric words of `text`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `text` is a URL rather than a name.
fn looks_like_url(text: &str) -> bool {
    let t = text.trim_start().to_ascii_lowercase();
    t.starts_with("http://")
        || t.starts_with("https://")
        || t.starts_with("www.")
        || t.starts_with('/')
}

/// Keep the first of each case-insensitively equal item, at most [`MAX_LIST`].
fn dedup(items: Vec<String>) -> Vec<String> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for item in items {
        let key = item.to_lowercase();
        if !seen.contains(&key) {
            seen.push(key);
            out.push(item);
            if out.len() == MAX_LIST {
                break;
            }
        }
    }
    out
}

/// Byte ranges of the title separators in `title`, in order.
fn separators(title: &str) -> Vec<(usize, usize)> {
    // One pass over the spaces (every separator starts with one; no two share their
    // second byte, so at most one starts at a space), each separator's occurrences kept
    // apart as a search for it alone would: one overlapping the last is none.
    let mut ends = [0usize; TITLE_SEPARATORS.len()];
    let mut found = Vec::new();
    let bytes = title.as_bytes();
    for (at, _) in bytes.iter().enumerate().filter(|(_, b)| **b == b' ') {
        let rest = &bytes[at..];
        for (sep, end) in TITLE_SEPARATORS.iter().zip(&mut ends) {
            if at >= *end
                && rest.get(1) == sep.as_bytes().get(1)
                && rest.starts_with(sep.as_bytes())
            {
                *end = at + sep.len();
                found.push((at, *end));
            }
        }
    }
    found
}

/// Lowercase letters and digits of `text`: "Example-News.com" and "example news com"
/// name the same site.
fn compact(text: &str) -> String {
    compact_chars(text).collect()
}

/// The characters of [`compact`]`(text)`, one by one.
fn compact_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Whether `text` is one of the names of the site in `sites`.
fn is_site(text: &str, sites: &[String]) -> bool {
    compact_chars(text).next().is_some() && sites.iter().any(|s| same_compact(s, text))
}

/// Whether `compact(a) == compact(b)`, compared character by character: a long text
/// differs from a short one within the short one's length, and nothing is copied. ASCII
/// is read a byte at a time (most texts differ at their first letter: a page's blocks
/// against its title), the rest from the first other character through
/// [`compact_chars`].
fn same_compact(a: &str, b: &str) -> bool {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let skipped = |bytes: &[u8], mut at: usize| {
        while bytes
            .get(at)
            .is_some_and(|c| c.is_ascii() && !c.is_ascii_alphanumeric())
        {
            at += 1;
        }
        at
    };
    let (mut i, mut j) = (0, 0);
    loop {
        (i, j) = (skipped(x, i), skipped(y, j));
        match (x.get(i), y.get(j)) {
            (None, None) => return true,
            (Some(c), Some(d)) if c.is_ascii() && d.is_ascii() => {
                if !c.eq_ignore_ascii_case(d) {
                    return false;
                }
                (i, j) = (i + 1, j + 1);
            }
            // Both offsets are after ASCII bytes only: character boundaries.
            _ => return compact_chars(&a[i..]).eq(compact_chars(&b[j..])),
        }
    }
}

/// The names a site goes by in its address: the host without `www.` and its labels
/// of four letters or more but the last ("blog.example-news.com" gives
/// "blog.example-news.com" and "example-news").
fn host_names(url: Option<&Url>) -> Vec<String> {
    let Some(host) = url.and_then(Url::host_str) else {
        return Vec::new();
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    let labels: Vec<&str> = host.split('.').collect();
    let mut names = vec![host.to_string()];
    names.extend(
        labels[..labels.len().saturating_sub(1)]
            .iter()
            .filter(|l| l.len() >= 4)
            .map(|l| l.to_string()),
    );
    names
}

/// The part of an `h1` before the first " | ": headlines never hold a pipe, so an h1
/// with one shows the page's SEO title, and what follows the pipe is a section, a
/// tagline or the site ("Movers in NYC 2025 | Top 19 Companies", "How meditation
/// rewires brains | Opinion"). Kept whole when the part before has fewer than
/// [`MIN_PIPE_HEAD_WORDS`] words.
fn headline_part(title: &str) -> String {
    match title.split_once(" | ") {
        Some((head, _)) if head.split_whitespace().count() >= MIN_PIPE_HEAD_WORDS => {
            head.trim().to_string()
        }
        _ => title.to_string(),
    }
}

/// A declared site name without the separators it dangles ("Example News -") and
/// without the tagline after a dash ("Example News - Local news since 1963"): the name
/// is the head, of at most [`MAX_SITE_WORDS`] words, where the rest is longer.
fn site_without_tagline(site: &str) -> String {
    let site = site.trim_matches(|c: char| c.is_whitespace() || "|-–—:·•»".contains(c));
    [" - ", " – ", " — "]
        .iter()
        .find_map(|sep| {
            let (head, rest) = site.split_once(sep)?;
            let n = head.split_whitespace().count();
            ((1..=MAX_SITE_WORDS).contains(&n)
                && rest.split_whitespace().count() > n
                && head.chars().any(char::is_alphanumeric))
            .then(|| head.trim().to_string())
        })
        .unwrap_or_else(|| site.to_string())
}

/// `title` without leading or trailing parts that name the site.
fn strip_site_name(title: &str, sites: &[String]) -> String {
    let mut title = fold(title);
    loop {
        // The site's name may hold a separator itself ("Example Gym | Open 24/7"): every
        // separator is tried, the end part or the start part after or before it.
        let seps = separators(&title);
        if let Some(&(start, _)) = seps.iter().find(|&&(_, end)| is_site(&title[end..], sites)) {
            title = title[..start].trim().to_string();
            continue;
        }
        if let Some(&(_, end)) = seps
            .iter()
            .find(|&&(start, _)| is_site(&title[..start], sites))
        {
            title = title[end..].trim().to_string();
            continue;
        }
        // A host name needs no separator: "example.com Vibe Coding".
        let host = sites.iter().filter(|s| s.contains('.')).find_map(|s| {
            let head = title.get(..s.len())?;
            let rest = title.get(s.len()..)?;
            let rest_alnum = rest.trim_start().starts_with(char::is_alphanumeric);
            (head.eq_ignore_ascii_case(s) && rest.starts_with(' ') && rest_alnum)
                .then(|| rest.trim())
        });
        if let Some(rest) = host.filter(|r| !r.is_empty()) {
            title = rest.to_string();
            continue;
        }
        return title;
    }
}

/// What `title` has around `headline` (its start or its end) after a separator that
/// never joins a subtitle (`|`, `•`, `·`, `::`, `»`), without it: the site name a
/// `<title>` adds, when it is short, and whether it ends the title.
fn affix(title: &str, headline: &str) -> Option<(String, bool)> {
    let (rest, suffix) = match title.strip_prefix(headline) {
        Some(rest) => (rest.trim(), true),
        None => (title.strip_suffix(headline)?.trim(), false),
    };
    let bare = rest.trim_matches(|c: char| c.is_whitespace() || "|:·•»".contains(c));
    let separated = rest.len() > bare.len() + 1 && !rest.contains(['-', '–', '—']);
    let n = bare.split_whitespace().count();
    (separated && (1..=MAX_SITE_WORDS).contains(&n)).then(|| (bare.to_string(), suffix))
}

/// What `title` adds to the declared title `declared` before or after it, past a
/// separator of any kind (`|`, `:`, `·`, `•`, `»`, a dash), when it is at most
/// [`MAX_SITE_WORDS`] words: the site's name, as the page's own declared title shows.
fn declared_affix(title: &str, declared: &str) -> Option<String> {
    if declared.is_empty() {
        return None;
    }
    let rest = title
        .strip_suffix(declared)
        .or_else(|| title.strip_prefix(declared))?
        .trim();
    let bare = rest.trim_matches(|c: char| c.is_whitespace() || "|:·•»-–—".contains(c));
    (bare.len() < rest.len() && (1..=MAX_SITE_WORDS).contains(&bare.split_whitespace().count()))
        .then(|| bare.to_string())
}

/// The `<title>` without the site name: the parts that name the site (`sites`) when
/// there are some, else the shorter end part when the other side is much longer, else
/// the last part. Never empty for a non-empty title.
fn strip_title_affix(title: &str, sites: &[String]) -> String {
    let title = fold(title);
    let stripped = strip_site_name(&title, sites);
    if stripped != title {
        return if stripped.is_empty() { title } else { stripped };
    }
    let seps = separators(&title);
    let (Some(&(first_start, first_end)), Some(&(last_start, last_end))) =
        (seps.first(), seps.last())
    else {
        return title;
    };
    let head = title[..first_start].trim();
    let after_head = title[first_end..].trim();
    let before_tail = title[..last_start].trim();
    let tail = title[last_end..].trim();
    let chars = |s: &str| s.chars().count();
    let candidate = if chars(head) * 2 <= chars(after_head) && chars(tail) * 2 > chars(before_tail)
    {
        // "Example News - Rain in Spain stays mainly in the plain"
        after_head
    } else {
        // "Rain in Spain | Example News", "Rain in Spain | World | Example News"
        before_tail
    };
    if !candidate.chars().any(char::is_alphanumeric) {
        title
    } else {
        candidate.to_string()
    }
}

/// Where the names of a byline end: part separators, date words, a parenthesis, the
/// category or the time after the name ("by Jane in Woodworking", "Jane at 10:04"), a
/// forum's badge ("jdoe42 Discussion starter").
const BYLINE_ENDS: [&str; 26] = [
    " | ",
    " »",
    // Forum badges after the poster's name.
    " thread starter",
    " discussion starter",
    " original poster",
    " in ",
    " at ",
    " · ",
    "•",
    "⋅",
    "●",
    " — ",
    " – ",
    " - ",
    "updated",
    "published",
    "posted",
    "last modified",
    "last update",
    "modified",
    "reviewed by",
    "fact checked by",
    "fact-checked by",
    "edited by",
    " on ",
    "(",
];

/// [`BYLINE_ENDS`] indexed, each with its place in the list (a bit of a `u32`: a test).
fn byline_ends() -> &'static Patterns<usize> {
    static ENDS: LazyLock<Patterns<usize>> =
        LazyLock::new(|| Patterns::new(BYLINE_ENDS.iter().enumerate().map(|(i, m)| (*m, i))));
    &ENDS
}

/// Lowercase words of job titles that follow a name in bylines whose parts the page set
/// in separate elements ("Keith Barry Senior Autos Reporter"): the name ends there.
const ROLE_WORDS: [&str; 35] = [
    "writer",
    "reviewer",
    "reporter",
    "editor",
    "contributor",
    "contributing",
    "founder",
    "co-founder",
    "cofounder",
    "senior",
    "staff",
    "former",
    "expert",
    "manager",
    "director",
    "correspondent",
    "columnist",
    "consultant",
    "journalist",
    "producer",
    "analyst",
    "strategist",
    "specialist",
    "chief",
    "ceo",
    "president",
    "professor",
    "researcher",
    "engineer",
    "developer",
    "designer",
    "photographer",
    "freelance",
    "associate",
    "deputy",
];

/// Verbs that, after a name, make it the start of a sentence: a comment's "Jane says",
/// a bio's "Dan lives in ...", cut at " in ".
const SENTENCE_VERBS: [&str; 10] = [
    "says", "said", "is", "was", "has", "lives", "lived", "works", "writes", "wrote",
];

/// Lowercase words that may start a word of a name ("Ludwig van Beethoven").
const NAME_PARTICLES: [&str; 18] = [
    "van", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "du", "la", "le", "von",
    "zu", "ter", "bin", "al",
];

/// "By" in German, French and Dutch, lowercase, with the space after it.
const FOREIGN_BY: [&str; 3] = ["von ", "par ", "door "];

/// Lowercase ends of a link to a profile elsewhere ("Example Garden Club on Facebook"):
/// a way to follow someone, not a credit.
const PROFILE_LINK_ENDS: [&str; 6] = [
    " on facebook",
    " on twitter",
    " on instagram",
    " on linkedin",
    " on youtube",
    " on x",
];

/// Lowercase starts of bylines that credit someone other than the author.
const OTHER_CREDITS: [&str; 5] = [
    "reviewed by",
    "fact checked by",
    "fact-checked by",
    "edited by",
    "medically reviewed by",
];

/// Lowercase starts of date lines that read like a byline ("Last updated: May 3"), naming
/// no one.
const UPDATE_LINE_STARTS: [&str; 2] = ["last update", "last modified"];

/// Texts that stand where a name should and are not one, lowercase (phpBB themes mark
/// the opening poster's posts "Topic Author").
const NOT_NAMES: [&str; 9] = [
    "by",
    "updated",
    "author",
    "admin",
    "sign in",
    "share",
    "comments",
    "name",
    "topic author",
];

/// Lowercase words that introduce the names of a byline.
const BYLINE_PREFIXES: [&str; 16] = [
    "written by",
    "posted by",
    "published by",
    "words by",
    "story by",
    "by:",
    "by ",
    "author:",
    "authors:",
    "contributor:",
    "contributors:",
    "author ",
    "von ",
    "par ",
    "por ",
    "door ",
];

/// Author names in an author value or byline: "By Jane Doe and John Roe | May 17, 2024"
/// gives "Jane Doe" and "John Roe". Credentials after a comma stay with their name
/// ("Jane Doe, MD").
fn split_names(text: &str) -> Vec<String> {
    names_in(text, false)
}

/// [`split_names`] for the text of a byline element or line, which also holds labels,
/// job titles and bios: "Text by Jane Doe", "Jane Doe Senior Reporter", "Jane Doe Jane
/// is a gardener who..." give "Jane Doe"; what is not name-like is dropped.
fn byline_names(text: &str) -> Vec<String> {
    names_in(text, true)
}

/// [`byline_names`] of a byline element's text whose blocks stand on lines of their own.
/// The lines are grouped (a label line goes with the line after it, a line ending or
/// starting with a joiner with its neighbour); the names are those of the first group
/// that names people in full ("Jane Doe", not a section name or a bio sentence), groups
/// that start "By ..." first, so that a job title, a kicker or a bio in a block of its
/// own is not read into the name. Else the names of the whole text, when it is `whole`.
fn byline_part_names(text: &str, whole: bool) -> Vec<String> {
    let is_label = |a: &str| {
        let bare = a.trim_end_matches([':', ' ']);
        BY_LABELS.contains(&bare)
            || BYLINE_PREFIXES
                .iter()
                .any(|p| p.trim_end_matches([':', ' ']) == bare)
    };
    let joined = |a: &str, b: &str| {
        let a = a.trim_end().to_lowercase();
        let b = b.trim_start().to_lowercase();
        is_label(&a)
            || a.ends_with([',', '&', ';'])
            || a.ends_with(" and")
            || b.starts_with([',', '&', ';'])
            || b.starts_with("and ")
    };
    // Each group, and whether a label line introduced it: the label itself is no part
    // of the names ("The Author⏎NB⏎Jane Doe", an avatar's initials under the label).
    let mut groups: Vec<(String, bool)> = Vec::new();
    for part in text.lines() {
        match groups.last_mut() {
            Some((group, labelled)) if joined(group, part) => {
                if is_label(&group.trim_end().to_lowercase()) {
                    *group = part.to_string();
                    *labelled = true;
                } else {
                    group.push(' ');
                    group.push_str(part);
                }
            }
            _ => groups.push((part.to_string(), false)),
        }
    }
    if groups.len() > 1 || !whole {
        let introduced = |(g, labelled): &(String, bool)| {
            let lower = g.to_lowercase();
            *labelled || BYLINE_PREFIXES.iter().any(|p| lower.starts_with(p))
        };
        let (first, rest): (Vec<_>, Vec<_>) = groups.iter().partition(|g| introduced(g));
        if let Some(names) = first
            .into_iter()
            .chain(rest.into_iter().take(MAX_BYLINE_GROUPS))
            .map(|(g, _)| byline_names(g))
            .find(|names| !names.is_empty() && names.iter().all(|n| is_in_full(n)))
        {
            return names;
        }
    }
    if !whole {
        return Vec::new();
    }
    let mut names = byline_names(&fold(text));
    if groups.len() > 1 {
        // Read across its blocks, the text of a box with sentences in it gives phrases
        // between its commas ("user testing, in-depth feature analysis, and ..."): only
        // capitalised names count there.
        names.retain(|n| n.starts_with(char::is_uppercase));
    }
    names
}

/// Whether `name` names a person in full: two words or more (before a credential), in
/// letters, each capitalised but for name particles ("Jane Doe", "Ludwig van
/// Beethoven"), not a section name ("Careers") or a phrase of a bio.
fn is_in_full(name: &str) -> bool {
    let words: Vec<&str> = name
        .split(',')
        .next()
        .unwrap_or(name)
        .split_whitespace()
        .collect();
    words.len() >= 2
        && is_plain_name(name)
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(&w.to_lowercase().as_str())
        })
}

/// `text` without the date it starts with and the separators after it ("Dec 17, 2025 ·
/// Julian K. Arni" gives "Julian K. Arni"); `text` itself when it does not start with
/// a date.
fn without_leading_date(text: &str) -> &str {
    let text = text.trim_start();
    if date_start(text) != Some(0) {
        return text;
    }
    let mut rest = text;
    let mut year = false;
    while let Some(token) = rest.split_whitespace().next() {
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
        let digits = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|suffix| bare.strip_suffix(suffix))
            .unwrap_or(bare);
        // "2025-12-17" and "17/12/2025" are the whole date in one token ("3.1", a
        // section number, is none).
        let numeric = digits.contains(['-', '/', '.'])
            && (iso_date(digits).is_some_and(|d| d.len() == 10) || numeric_date(digits).is_some());
        let number = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit());
        // The day, month and year, then the separators after them ("·", "|").
        let part = if year {
            bare.is_empty()
        } else {
            number || numeric || month(bare).is_some() || bare.is_empty()
        };
        if !part {
            break;
        }
        year |= (number && digits.len() == 4) || numeric;
        rest = rest.trim_start()[token.len()..].trim_start();
    }
    rest
}

/// Where the names of a byline `text` end (`lower`: `text` ASCII-lowercased, so at the
/// same byte offsets): the earliest first place of a [`BYLINE_ENDS`] marker, each found in
/// one pass over the text for all of them ([`byline_ends`]); the text's length without one.
fn byline_end(text: &str, lower: &str) -> usize {
    let mut cut = text.len();
    // Each marker's first place only.
    let mut seen = 0u32;
    byline_ends().each_match_at(lower.as_bytes(), |at, i| {
        if seen & 1 << i != 0 {
            return;
        }
        seen |= 1 << i;
        let marker = BYLINE_ENDS[i];
        if at > 0
            // "written by hand in the field" names no one before its "in".
            && (!matches!(marker, " in " | " at ") || text[..at].contains(char::is_uppercase))
            // "Paramita (Guha) Ghosh": a parenthesis inside a name.
            && !(marker == "(" && is_inner_parenthesis(text, at))
        {
            cut = cut.min(at);
        }
    });
    cut
}

fn names_in(text: &str, byline: bool) -> Vec<String> {
    let mut text = fold(without_leading_date(text));
    // Cut at the first part separator, date or time word. ASCII lowercasing keeps the
    // byte offsets of `text`.
    let lower = text.to_ascii_lowercase();
    let mut cut = byline_end(&text, &lower);
    if let Some(at) = date_start(&text) {
        cut = cut.min(at);
    }
    if cut < text.len() && text.is_char_boundary(cut) {
        text.truncate(cut);
    }
    // "Reviewed by Jane Doe" credits someone other than the author; "Last updated: May
    // 3" is a date line.
    if OTHER_CREDITS
        .iter()
        .chain(&UPDATE_LINE_STARTS)
        .any(|c| lower.starts_with(c))
        || PROFILE_LINK_ENDS.iter().any(|e| lower.ends_with(e))
    {
        return Vec::new();
    }
    let mut rest = text.trim();
    loop {
        let lower = rest.to_ascii_lowercase();
        let prefix = BYLINE_PREFIXES
            .iter()
            .find(|p| lower.starts_with(**p) && rest.is_char_boundary(p.len()));
        match prefix {
            Some(p) => rest = rest[p.len()..].trim_start(),
            None => break,
        }
    }
    // "Text by Jane Doe", "This post was written by Jane Doe".
    let lower = rest.to_ascii_lowercase();
    if byline
        && let Some(at) = lower.find(" by ").or_else(|| lower.find(" by:"))
        && rest[..at].split_whitespace().count() <= 4
    {
        rest = rest[at + 4..].trim_start_matches(':').trim_start();
    }
    let mut names: Vec<String> = Vec::new();
    for part in rest
        .split([',', ';', '&'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" And "))
    {
        let whole =
            part.trim_matches(|c: char| c.is_whitespace() || ",;:|-–—•·\"“”*→›»".contains(c));
        // Only the part right after the name: "Jane Doe, Senior Reporter" keeps its title
        // as the page wrote it.
        let part = if byline && names.is_empty() {
            without_role(whole)
        } else {
            whole
        };
        // "Jane Doe." ends a sentence; "Jane Q." keeps its initial.
        let part = match part.strip_suffix('.') {
            Some(bare)
                if byline
                    && bare
                        .trim_end()
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| w.chars().count() >= 3 || w.is_empty()) =>
            {
                bare.trim_end()
            }
            _ => part,
        };
        if part.len() < whole.len() {
            // A job title follows the name: the rest of the byline describes the job.
            if !part.is_empty() {
                names.push(part.to_string());
            }
            break;
        }
        if part.is_empty() {
            continue;
        }
        if is_credential(part)
            && let Some(last) = names.last_mut()
        {
            last.push_str(", ");
            last.push_str(part);
            continue;
        }
        // After a name, a lone word or words with a lowercase one ("gastroenterologist",
        // "Head of Marketing") describe the author: the names have ended.
        if byline && !names.is_empty() && is_description(part) {
            break;
        }
        names.push(part.to_string());
    }
    names.retain(|n| {
        n.chars().any(char::is_alphabetic)
            // "Sat, 20" of "Sat, 20 Dec, 2025 - 06:36" is what a date leaves.
            && !words(n).iter().all(|w| {
                WEEKDAYS.contains(&w.as_str())
                    || month(w).is_some()
                    || w.chars().all(|c| c.is_ascii_digit())
            })
            && n.chars().count() <= MAX_NAME_CHARS
            && n.split_whitespace().count() <= MAX_NAME_WORDS
            && !looks_like_url(n)
            && !is_placeholder(n)
            && !n.starts_with('@')
            && !NOT_NAMES.contains(&n.to_lowercase().as_str())
            // A credit's label alone ("Fact Checked") where a button held the name.
            && !OTHER_CREDITS
                .iter()
                .any(|c| c.strip_suffix(" by") == Some(n.to_lowercase().as_str()))
            // A job title alone ("Staff Writer", "Expert Reviewer") where the name should be.
            && !(n.split_whitespace().count() >= 2
                && words(n).iter().all(|w| ROLE_WORDS.contains(&w.as_str())))
            && !n.to_lowercase().trim_end_matches(':').ends_with(" by")
            && (!byline || is_name_like(n))
    });
    names
}

/// Whether `name` is a template's unfilled field rather than a name: three or more
/// dotted lowercase words ("page.head.extra.author", "post.author.name"). User names
/// ("jane.doe", "jane.q.doe"), e-mail addresses and initials ("J.R.R.") stay.
fn is_placeholder(name: &str) -> bool {
    let mut parts = 0;
    for part in name.split('.') {
        if part.len() < 2 || !part.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return false;
        }
        parts += 1;
    }
    parts >= 3
}

/// Whether the `(` at byte `open` of `text` sets off part of a name, a maiden name or a
/// nickname between the given name and the surname ("Paramita (Guha) Ghosh", "Bruno
/// (Henrique Zecchin) Rodrigues"), rather than starting a note after the name ("Jane
/// Doe (Content Manager)"): a capitalised word follows its `)`.
fn is_inner_parenthesis(text: &str, open: usize) -> bool {
    text[open..].find(')').is_some_and(|close| {
        let after = &text[open + close + 1..];
        after.starts_with(' ')
            && after.split_whitespace().next().is_some_and(|w| {
                w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic)
            })
    })
}

/// A name written "Last, First" ("Roy, Aniruddha") in the usual order; other names as
/// they are ("Jane Doe", "Jane Doe, MD").
fn first_name_first(name: &str) -> String {
    let name = fold(name);
    match name.split_once(", ") {
        Some((last, first))
            if !first.contains(',') && !is_credential(first) && !last.contains(' ') =>
        {
            format!("{first} {last}")
        }
        _ => name,
    }
}

/// Whether a byline part after a name describes its author rather than naming another
/// one: a single word ("gastroenterologist", "Privacy"), words among which one, not a
/// name particle, is lowercase ("Head of Marketing"), or a job title ("WCI Columnist").
fn is_description(part: &str) -> bool {
    let mut words = part.split_whitespace();
    let single = words.clone().count() == 1;
    single
        || words.any(|w| {
            let lower = w.to_lowercase();
            (w.starts_with(char::is_lowercase) && !NAME_PARTICLES.contains(&lower.as_str()))
                || ROLE_WORDS.contains(&lower.as_str())
        })
}

/// The job title that follows `name` after a comma in a byline `line` ("Jane Doe,
/// Senior Dietitian • May 3" gives "Senior Dietitian"), up to the line's end or the
/// first part separator or date: a description ([`is_description`]) of at most
/// [`MAX_ROLE_WORDS`] words in letters, not a sentence of a bio.
fn role_after<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let start = line.find(name)?;
    // The line is the byline itself ("By Jane Doe, ..."), not a sentence that names her
    // ("This post was written by Jane Doe, ...").
    let label = line[..start].trim().to_ascii_lowercase();
    if !(label.is_empty() || BY_LABELS.contains(&label.trim_end_matches(':'))) {
        return None;
    }
    let rest = line[start + name.len()..].strip_prefix(", ")?;
    let lower = rest.to_ascii_lowercase();
    let cut = std::iter::once(byline_end(rest, &lower))
        .chain(date_start(rest))
        .chain(spaced_tokens(rest).filter_map(|(at, token)| {
            let word = token.trim_end_matches(['.', ',']).to_ascii_lowercase();
            WEEKDAYS.contains(&word.as_str()).then_some(at)
        }))
        .min()
        .unwrap_or(rest.len());
    let role = rest.get(..cut)?.trim();
    (role.starts_with(char::is_uppercase)
        && role.split_whitespace().count() <= MAX_ROLE_WORDS
        && is_plain_name(role)
        && !role.contains(',')
        && !is_credential(role)
        && is_description(role)
        && !role.split_whitespace().any(|w| SENTENCE_VERBS.contains(&w)))
    .then_some(role)
}

/// Whether `name` is written in letters only (and `.`, `-`, `'`, `’`, spaces, commas):
/// a "By ..." line in the text may be code (`by\n intro ⟨h1, h2⟩`) or a sentence.
fn is_plain_name(name: &str) -> bool {
    name.chars()
        .all(|c| c.is_alphabetic() || " .,-'’".contains(c))
}

/// `part` up to a job title or a number after the name's first two words ("Jane Doe
/// Senior Reporter", "Jane Doe 7 min read").
fn without_role(part: &str) -> &str {
    let mut offset = 0;
    for (i, token) in part.split(' ').enumerate() {
        let bare = token
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase();
        let number = token.starts_with(|c: char| c.is_ascii_digit());
        if (i >= 2 && ROLE_WORDS.contains(&bare.as_str())) || (i >= 1 && number) {
            return part[..offset].trim_end();
        }
        offset += token.len() + 1;
    }
    part
}

/// Whether a byline's `name` can be a person's or a team's name rather than a sentence of
/// a bio or a comment's "Jane says": at most one lowercase word (particles aside) before a
/// credential, unless it is all lowercase and short. "Jane Doe", "Ludwig van Beethoven", "the Example Team",
/// "jane doe" pass; "Jane is a gardener" does not.
fn is_name_like(name: &str) -> bool {
    let head = name.split(',').next().unwrap_or(name);
    let words: Vec<&str> = head.split_whitespace().collect();
    let lowercase = words
        .iter()
        .filter(|w| {
            w.starts_with(char::is_lowercase)
                && !NAME_PARTICLES.contains(&w.to_lowercase().as_str())
        })
        .count();
    // "Jane says" in a comment, "Dan lives" starting a bio.
    let comment = words.len() > 1 && words.last().is_some_and(|w| SENTENCE_VERBS.contains(w));
    !comment && (lowercase <= 1 || (lowercase == words.len() && words.len() <= 3))
}

/// Whether a comma-separated part of a byline is a credential of the name before it
/// (`MD`, `Ph.D.`, `Jr.`, `RD`, `CEPF®`) rather than another name.
fn is_credential(part: &str) -> bool {
    let tokens: Vec<&str> = part.split_whitespace().collect();
    !tokens.is_empty()
        && tokens.len() <= 3
        && tokens.iter().all(|t| {
            let bare = t
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let upper = t.chars().filter(|c| c.is_uppercase()).count();
            let lower = t.chars().filter(|c| c.is_lowercase()).count();
            (upper > 0 && upper >= lower)
                || matches!(bare.as_str(), "jr" | "sr" | "esq" | "phd")
                || t.chars().all(|c| !c.is_alphabetic())
        })
}

/// The tokens of `text` between single spaces, each with its byte offset.
fn spaced_tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ').scan(0, |offset, token| {
        let at = *offset;
        *offset += token.len() + 1;
        Some((at, token))
    })
}

/// Byte offset where a date starts in a byline: a month name followed by a number, or a
/// number run that looks like a date or year.
fn date_start(text: &str) -> Option<usize> {
    let tokens: Vec<(usize, &str)> = spaced_tokens(text).collect();
    for (i, &(at, token)) in tokens.iter().enumerate() {
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
        if month(bare).is_some()
            && tokens
                .get(i + 1)
                .is_some_and(|(_, t)| t.starts_with(|c: char| c.is_ascii_digit()))
        {
            return Some(at);
        }
        if bare.len() >= 4 && bare.starts_with(|c: char| c.is_ascii_digit()) {
            return Some(at);
        }
        if bare.contains(['/', '.']) && bare.starts_with(|c: char| c.is_ascii_digit()) {
            return Some(at);
        }
    }
    None
}

/// Month number of an English month name or abbreviation.
pub(crate) fn month(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    // No two months share their first three letters: those, read as one number, pick
    // the one month a word may name.
    const STARTS: [u32; 12] = {
        let mut starts = [0; 12];
        let mut i = 0;
        while i < 12 {
            let b = MONTHS[i].as_bytes();
            starts[i] = u32::from_le_bytes([b[0], b[1], b[2], 0]);
            i += 1;
        }
        starts
    };
    // Compared ignoring ASCII case, as the ASCII-lowercased word would be, without the copy.
    let w = word.trim_end_matches('.').as_bytes();
    // Three to nine bytes ("may" to "september"), and the first letter of one.
    let &[a, b, c, ..] = w else {
        return None;
    };
    if w.len() > 9
        || !matches!(
            a.to_ascii_lowercase(),
            b'a' | b'd' | b'f' | b'j' | b'm' | b'n' | b'o' | b's'
        )
    {
        return None;
    }
    let start = u32::from_le_bytes([
        a.to_ascii_lowercase(),
        b.to_ascii_lowercase(),
        c.to_ascii_lowercase(),
        0,
    ]);
    let at = STARTS.iter().position(|&s| s == start)?;
    // The abbreviation, the full name, or (September) "sept".
    (w.len() == 3
        || w.eq_ignore_ascii_case(MONTHS[at].as_bytes())
        || (at == 8 && w.eq_ignore_ascii_case(b"sept")))
    .then_some(at as u32 + 1)
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Whether year, month and day make a real date in `years`.
fn valid_date(y: u32, m: u32, d: u32, years: &std::ops::RangeInclusive<u32>) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => return false,
    };
    years.contains(&y) && (1..=days).contains(&d)
}

/// A time of day with an optional UTC offset in minutes.
#[derive(Debug, Clone, Copy)]
struct Time {
    hour: u32,
    minute: u32,
    second: u32,
    offset: Option<i32>,
}

fn format_date(y: u32, m: u32, d: u32, time: Option<Time>) -> String {
    let mut out = format!("{y:04}-{m:02}-{d:02}");
    if let Some(t) = time {
        out.push_str(&format!("T{:02}:{:02}:{:02}", t.hour, t.minute, t.second));
        if let Some(offset) = t.offset {
            let sign = if offset < 0 { '-' } else { '+' };
            let abs = offset.unsigned_abs();
            out.push_str(&format!("{sign}{:02}:{:02}", abs / 60, abs % 60));
        }
    }
    out
}

/// A date as ISO 8601: `YYYY-MM-DD`, with `Thh:mm:ss` and the offset when a time is
/// given. Accepts ISO 8601 and its space-separated variant, `YYYY/MM/DD`, `YYYYMMDD`,
/// `May 17, 2024`, `17 May 2024`, RFC 2822 and numeric `17.05.2024` / `05/17/2024`.
/// Impossible dates give `None`.
pub(crate) fn normalize_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    iso_date(s).or_else(|| textual_date(s))
}

/// Parse a run of ASCII digits at the start of `s` of length in `lens`.
fn digits(s: &str, lens: std::ops::RangeInclusive<usize>) -> Option<(u32, &str)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if !lens.contains(&len) {
        return None;
    }
    Some((s[..len].parse().ok()?, &s[len..]))
}

fn iso_date(s: &str) -> Option<String> {
    let (y, m, d, rest) = if let Some((ymd, rest)) = digits(s, 8..=8) {
        (ymd / 10000, ymd / 100 % 100, ymd % 100, rest)
    } else {
        let (y, rest) = digits(s, 4..=4)?;
        let sep = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '/' | '.'))?;
        let (m, rest) = digits(&rest[1..], 1..=2)?;
        let rest = rest.strip_prefix(sep)?;
        let (d, rest) = digits(rest, 1..=2)?;
        (y, m, d, rest)
    };
    if !valid_date(y, m, d, &YEARS) {
        return None;
    }
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let time = rest
        .strip_prefix(['T', 't', ' '])
        .and_then(|t| parse_time(t.trim_start()));
    Some(format_date(y, m, d, time))
}

/// `hh:mm[:ss[.fff]][ ][am|pm][ ][Z|±hh[:]mm|UTC|GMT]`.
fn parse_time(s: &str) -> Option<Time> {
    let (mut hour, rest) = digits(s, 1..=2)?;
    let (minute, mut rest) = digits(rest.strip_prefix(':')?, 2..=2)?;
    let mut second = 0;
    if let Some(r) = rest.strip_prefix(':') {
        let (sec, r) = digits(r, 2..=2)?;
        second = sec;
        rest = r;
        if let Some(frac) = rest.strip_prefix(['.', ',']) {
            rest = frac.trim_start_matches(|c: char| c.is_ascii_digit());
        }
    }
    rest = rest.trim_start();
    let lower = rest.to_ascii_lowercase();
    if lower.starts_with("am") || lower.starts_with("pm") {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour %= 12;
        if lower.starts_with("pm") {
            hour += 12;
        }
        rest = rest[2..].trim_start();
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let offset = parse_offset(rest);
    Some(Time {
        hour,
        minute,
        second,
        offset,
    })
}

/// A UTC offset in minutes: `Z`, `UTC`, `GMT`, `+02:00`, `+0200`, `+02`.
fn parse_offset(s: &str) -> Option<i32> {
    let s = s.trim();
    let upper = s.to_ascii_uppercase();
    if upper == "Z" || upper == "UTC" || upper == "GMT" {
        return Some(0);
    }
    let s = s
        .strip_prefix("UTC")
        .or_else(|| s.strip_prefix("GMT"))
        .unwrap_or(s);
    let sign = match s.chars().next()? {
        '+' => 1,
        '-' | '−' => -1,
        _ => return None,
    };
    let body = s.get(s.chars().next()?.len_utf8()..)?;
    let (hours, minutes) = match body.len() {
        2 => (body.parse::<i32>().ok()?, 0),
        4 => (body[..2].parse().ok()?, body[2..].parse().ok()?),
        5 if body.as_bytes()[2] == b':' => (body[..2].parse().ok()?, body[3..].parse().ok()?),
        _ => return None,
    };
    if !body.bytes().all(|b| b.is_ascii_digit() || b == b':') || hours > 14 || minutes > 59 {
        return None;
    }
    Some(sign * (hours * 60 + minutes))
}

/// Whether `line` holds a word of an update's date ([`UPDATE_WORDS`]), and one of a
/// publication's ([`PUBLISH_WORDS`]), in one pass over the line for all the words.
fn date_words(line: &str) -> (bool, bool) {
    static WORDS: LazyLock<Patterns<bool>> = LazyLock::new(|| {
        Patterns::new(
            UPDATE_WORDS
                .iter()
                .map(|w| (*w, true))
                .chain(PUBLISH_WORDS.iter().map(|w| (*w, false))),
        )
    });
    let scan = |lower: &str| {
        let (mut updated, mut published) = (false, false);
        WORDS.each_match(lower.as_bytes(), |update| {
            if update {
                updated = true;
            } else {
                published = true;
            }
        });
        (updated, published)
    };
    // An ASCII line (most) lowercased on the stack.
    with_lowercase(line, scan)
}

/// The date in a line of text: "Published on May 17, 2024", "Last updated: 2024-05-17",
/// "by Jane Doe, 17.05.2024". The line must not be all date: times, weekdays and words
/// around it are skipped.
fn text_date(line: &str) -> Option<String> {
    const SEPARATORS: [char; 6] = ['•', '·', '|', '⋅', '—', '–'];
    // Every date read below has a year of four digits (or eight, `20240517`): a line
    // without four digits in a row (a count, a price, a page number) holds none.
    let mut run = 0;
    if !line.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run >= 4
    }) {
        return None;
    }
    // Copied only when it holds a separator (a few lines do). All but `|` are outside
    // ASCII: an ASCII line (most) is searched for that one byte.
    let separated = if line.is_ascii() {
        line.contains('|')
    } else {
        line.contains(SEPARATORS)
    };
    let line = if separated {
        std::borrow::Cow::Owned(line.replace(SEPARATORS, " "))
    } else {
        std::borrow::Cow::Borrowed(line)
    };
    let line = line.trim();
    iso_date(line).or_else(|| textual_date(line)).or_else(|| {
        line.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|t| t.len() >= 8 && t.starts_with(|c: char| c.is_ascii_digit()))
            .find_map(iso_date)
    })
}

/// Dates with a month name (`May 17, 2024`, `Fri, 17 May 2024 10:00:00 +0000`) or in
/// numeric day-month order (`17.05.2024`, `05/17/2024`).
fn textual_date(s: &str) -> Option<String> {
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let day = |t: &str| -> Option<u32> {
        let t = t.trim_end_matches('.');
        let t = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|suffix| t.strip_suffix(suffix))
            .unwrap_or(t);
        let (d, rest) = digits(t, 1..=2)?;
        rest.is_empty().then_some(d)
    };
    let year = |t: &str| -> Option<u32> {
        let (y, rest) = digits(t, 4..=4)?;
        rest.is_empty().then_some(y)
    };
    let mut found = None;
    for (i, token) in tokens.iter().enumerate() {
        if let Some(m) = month(token) {
            let next = tokens.get(i + 1).copied();
            let after = tokens.get(i + 2).copied();
            let before = i.checked_sub(1).and_then(|j| tokens.get(j)).copied();
            if let (Some(d), Some(y)) = (next.and_then(day), after.and_then(year)) {
                found = Some((y, m, d, i + 3));
            } else if let (Some(d), Some(y)) = (before.and_then(day), next.and_then(year)) {
                found = Some((y, m, d, i + 2));
            } else if let (Some(y), Some(d)) = (before.and_then(year), next.and_then(day)) {
                // "2023 Jan 7", as scholarly metadata writes it.
                found = Some((y, m, d, i + 2));
            }
        } else if let Some((y, m, d)) = numeric_date(token) {
            found = Some((y, m, d, i + 1));
        }
        if found.is_some() {
            break;
        }
    }
    let (y, m, d, next) = found?;
    if !valid_date(y, m, d, &YEARS) {
        return None;
    }
    let mut rest = tokens.get(next..).unwrap_or_default();
    if rest.first().is_some_and(|t| t.eq_ignore_ascii_case("at")) {
        rest = &rest[1..];
    }
    let time = rest
        .first()
        .filter(|t| t.contains(':'))
        .and_then(|_| parse_time(&rest.join(" ")));
    Some(format_date(y, m, d, time))
}

/// Whether two ISO 8601 dates fall on the same day.
fn same_day(a: &str, b: &str) -> bool {
    a.len() >= 10 && a.get(..10) == b.get(..10)
}

/// The other reading of `date`, the date of `line`, when `line` writes it with numbers
/// that may be the day or the month (`03/10/2023`, `09.10.2024`).
fn swapped_date(line: &str, date: &str) -> Option<String> {
    line.split(|c: char| c.is_whitespace() || c == ',')
        .find_map(numeric_date)
        .filter(|&(y, m, d)| {
            m != d && m <= 12 && d <= 12 && same_day(&format_date(y, m, d, None), date)
        })
        .map(|(y, m, d)| format_date(y, d, m, None))
}

/// `17.05.2024` (day first), `05/17/2024` (month first unless the first number cannot be
/// a month), `17-05-2024`.
fn numeric_date(token: &str) -> Option<(u32, u32, u32)> {
    let (a, rest) = digits(token, 1..=2)?;
    let sep = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '/' | '-'))?;
    let (b, rest) = digits(&rest[1..], 1..=2)?;
    let (y, rest) = digits(rest.strip_prefix(sep)?, 4..=4)?;
    if !rest.is_empty() {
        return None;
    }
    let (m, d) = if a > 12 || (sep != '/' && b <= 12) {
        (b, a)
    } else {
        (a, b)
    };
    Some((y, m, d))
}

/// The date in a URL path: `/2024/05/17/`, `/2024-05-17-slug`, `/20240517/`.
fn url_date(path: &str) -> Option<String> {
    // Maximal digit runs with their byte ranges.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let bytes = path.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    let number = |(s, e): (usize, usize)| path[s..e].parse::<u32>().ok();
    for (k, &(start, end)) in runs.iter().enumerate() {
        let (y, m, d) = match end - start {
            8 => {
                let v = number((start, end))?;
                (v / 10000, v / 100 % 100, v % 100)
            }
            4 => {
                let (Some(&month), Some(&day)) = (runs.get(k + 1), runs.get(k + 2)) else {
                    continue;
                };
                let sep = bytes[end];
                let joined = month.0 == end + 1
                    && day.0 == month.1 + 1
                    && matches!(sep, b'/' | b'-')
                    && bytes[month.1] == sep
                    && (1..=2).contains(&(month.1 - month.0))
                    && (1..=2).contains(&(day.1 - day.0));
                if !joined {
                    continue;
                }
                (
                    number((start, end)).unwrap_or(0),
                    number(month).unwrap_or(0),
                    number(day).unwrap_or(0),
                )
            }
            _ => continue,
        };
        if valid_date(y, m, d, &URL_YEARS) {
            return Some(format_date(y, m, d, None));
        }
    }
    None
}

/// A language tag as declared, trimmed (`en_US` written as `en-US`); `None` for values
/// that are not language tags.
fn language_tag(value: &str) -> Option<String> {
    let tag = value.trim().replace('_', "-");
    let primary = tag.split('-').next().unwrap_or("");
    let ok = (2..=35).contains(&tag.len())
        && (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then_some(tag)
}

/// The ISO 639-1 code of the language of `text`, when the detector is confident and the
/// text is long enough.
fn detect_language(text: &str) -> Option<String> {
    let prefix = |bytes: usize| {
        let mut end = text.len().min(bytes);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        &text[..end]
    };
    let sample = prefix(DETECT_BYTES);
    // A prefix never holds more words than the whole text: counting a short one settles
    // nearly every page without reading the sample, the sample nearly every other one
    // without reading the whole article.
    if [prefix(DETECT_PROBE_BYTES), sample, text]
        .iter()
        .all(|part| count_words(part) < MIN_DETECT_WORDS)
    {
        return None;
    }
    if english_share(sample) >= ENGLISH_FUNCTION_SHARE {
        return Some("en".to_string());
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    iso639_1(info.lang().code()).map(str::to_string)
}

/// English function words (lowercase): together about 30 % of the words of English prose,
/// under 5 % of French, Spanish, Portuguese, German, Czech or Indonesian prose.
const ENGLISH_FUNCTION_WORDS: [&[u8]; 35] = [
    b"a", b"and", b"are", b"at", b"be", b"been", b"but", b"by", b"for", b"from", b"has", b"have",
    b"he", b"his", b"in", b"is", b"it", b"not", b"of", b"on", b"or", b"she", b"that", b"the",
    b"their", b"they", b"this", b"to", b"was", b"we", b"were", b"which", b"will", b"with",
    b"would",
];

/// [`ENGLISH_FUNCTION_WORDS`] as [`word_key`]s: ascending as the words are (a test), so
/// a word is looked up by binary search on one number, not compared with each word.
const ENGLISH_FUNCTION_KEYS: [u64; ENGLISH_FUNCTION_WORDS.len()] = {
    let mut keys = [0; ENGLISH_FUNCTION_WORDS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = word_key(ENGLISH_FUNCTION_WORDS[i]);
        i += 1;
    }
    keys
};

/// A word of at most eight bytes, none of them zero, as one number: its bytes from the
/// most significant down, zeros after. Keys order as the words do, a word before the
/// words it begins. `english_share` packs the words it reads the same way as it goes
/// (a test holds the two in step).
const fn word_key(word: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    let mut i = 0;
    while i < word.len() && i < bytes.len() {
        bytes[i] = word[i];
        i += 1;
    }
    u64::from_be_bytes(bytes)
}

/// Bytes in the longest of [`ENGLISH_FUNCTION_WORDS`]: a longer word is none of them.
const LONGEST_FUNCTION_WORD: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < ENGLISH_FUNCTION_WORDS.len() {
        if ENGLISH_FUNCTION_WORDS[i].len() > longest {
            longest = ENGLISH_FUNCTION_WORDS[i].len();
        }
        i += 1;
    }
    assert!(longest <= 8, "a word key holds eight bytes");
    longest
};

/// Each byte as [`english_share`] reads it: an ASCII letter lowercased, any other byte of
/// a character outside ASCII as itself (a letter too), zero for the rest, which end words.
const SHARE_LETTERS: [u8; 256] = {
    let mut letters = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        if byte.is_ascii_alphabetic() {
            letters[b] = byte.to_ascii_lowercase();
        } else if !byte.is_ascii() {
            letters[b] = byte;
        }
        b += 1;
    }
    letters
};

/// The share of the words of `text` that are [`ENGLISH_FUNCTION_WORDS`], in one pass over
/// its bytes. A word is a run of letters (any non-ASCII byte counts as a letter, so a word
/// glued to a curly quote never matches: the share errs low). Each word's [`word_key`] is
/// built as it is read, a byte at a time ([`SHARE_LETTERS`]).
fn english_share(text: &str) -> f64 {
    let (mut words, mut hits) = (0u32, 0u32);
    let (mut key, mut len) = (0u64, 0usize);
    let mut end_word = |key: u64, len: usize| {
        if len > 0 {
            words += 1;
            if len <= LONGEST_FUNCTION_WORD && ENGLISH_FUNCTION_KEYS.binary_search(&key).is_ok() {
                hits += 1;
            }
        }
    };
    for &b in text.as_bytes() {
        let letter = SHARE_LETTERS[usize::from(b)];
        if letter == 0 {
            end_word(key, len);
            (key, len) = (0, 0);
        } else {
            if len < LONGEST_FUNCTION_WORD {
                key |= u64::from(letter) << (56 - 8 * len);
            }
            len += 1;
        }
    }
    end_word(key, len);
    if words == 0 {
        0.0
    } else {
        f64::from(hits) / f64::from(words)
    }
}

/// ISO 639-1 code of a whatlang (ISO 639-3) language.
fn iso639_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" => "zh",
        "cym" => "cy",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "nld" => "nl",
        "nob" => "nb",
        "ori" => "or",
        "pan" => "pa",
        "pes" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        _ => return None,
    })
}

/// `href` as an absolute http(s) URL, resolved against `base` when relative.
fn absolute(href: &str, base: Option<&Url>) -> Option<String> {
    let href = href.trim();
    let url = match base {
        Some(base) => base.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    /// [`byline_end`] by one search per marker, as [`BYLINE_ENDS`] defines it.
    fn byline_end_searched(text: &str) -> usize {
        let lower = text.to_ascii_lowercase();
        let mut cut = text.len();
        for marker in BYLINE_ENDS {
            if let Some(at) = lower.find(marker)
                && at > 0
                && (!matches!(marker, " in " | " at ") || text[..at].contains(char::is_uppercase))
                && !(marker == "(" && is_inner_parenthesis(text, at))
            {
                cut = cut.min(at);
            }
        }
        cut
    }

    #[test]
    fn same_compact_reads_as_the_compact_texts_compare() {
        let parts = [
            "", "A", "a", "b", "-", " ", "É", "é", "ǅ", "İ", "i̇", "1", "ß", "SS", "½",
        ];
        let texts: Vec<String> = parts
            .iter()
            .flat_map(|a| parts.iter().map(move |b| format!("{a}{b}")))
            .collect();
        for a in &texts {
            for b in &texts {
                assert_eq!(same_compact(a, b), compact(a) == compact(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn english_share_counts_as_its_words_read_one_by_one() {
        let plain = |text: &str| {
            let words: Vec<String> = text
                .split(|c: char| c.is_ascii() && !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .map(str::to_ascii_lowercase)
                .collect();
            let hits = words
                .iter()
                .filter(|w| ENGLISH_FUNCTION_WORDS.contains(&w.as_bytes()))
                .count();
            if words.is_empty() {
                0.0
            } else {
                hits as f64 / words.len() as f64
            }
        };
        let parts = [
            "the",
            "The",
            "a",
            "which",
            "whichever",
            "é",
            "’",
            " ",
            ",",
            "thé",
            "their",
            "to",
            "is1",
            "WOULD",
            "\0",
            "",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    let text = format!("{a} {b}{c} {a}");
                    assert_eq!(english_share(&text), plain(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn byline_ends_found_in_one_pass_as_searched() {
        assert!(BYLINE_ENDS.len() <= 32, "a bit of a u32 each");
        let parts = [
            "by jane in",
            "Jane",
            " In ",
            " at ",
            "(Guha)",
            "(",
            " - ",
            "•",
            "Updated",
            "posted",
            "é",
            "Fact-Checked by",
            " ",
            "Doe",
            ")",
            " on ",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    let text = format!("{a}{b}{c}");
                    let lower = text.to_ascii_lowercase();
                    assert_eq!(
                        byline_end(&text, &lower),
                        byline_end_searched(&text),
                        "{text}"
                    );
                }
            }
        }
    }

    use super::*;

    fn page() -> Url {
        Url::parse("https://example.com/news/2024/05/17/rain-in-spain/").unwrap()
    }

    fn meta(c: &mut Collector, key: &str, content: &str) {
        if key.contains(':') && !key.starts_with("twitter:") {
            c.meta(None, Some(key), None, None, content);
        } else {
            c.meta(Some(key), None, None, None, content);
        }
    }

    #[test]
    fn words_in_a_vocabulary_as_words_lowercases_them() {
        let vocab: Vec<String> = ["rain", "straße", "in", "snow"].map(String::from).into();
        let text = "RAIN in Spain, STRASSE Straße; rain";
        let found = WordsIn::new(text, &vocab);
        assert_eq!(found.words, words(text).len());
        let has: Vec<bool> = vocab.iter().map(|v| words(text).contains(v)).collect();
        assert_eq!(found.has, has);
        assert_eq!(found.has, [true, true, true, false]);
    }

    #[test]
    fn a_heading_that_links_home_is_the_site_name() {
        assert!(is_home_link("/"));
        assert!(is_home_link(" https://example.org "));
        assert!(is_home_link("https://example.org/index.html"));
        assert!(!is_home_link("/2024/07/post.html"));
        assert!(!is_home_link("https://example.org/?s=rain"));
        assert!(!is_home_link("#top"));
        assert!(!is_home_link("mailto:jane@example.org"));
        let mut c = Collector::default();
        c.title_tag("Gullwatch: five boats of the week");
        c.heading(1, "gullwatch", true);
        c.home_heading("gullwatch");
        c.block("gullwatch");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("five boats of the week")
        );
        // Without the home link, the lone h1 that matches the <title> stays the headline.
        let mut c = Collector::default();
        c.title_tag("Gullwatch: five boats of the week");
        c.heading(1, "Gullwatch", false);
        c.block("Gullwatch");
        assert_eq!(c.finish(None, "").title.as_deref(), Some("Gullwatch"));
    }

    #[test]
    fn months_ignore_case_and_a_final_dot() {
        assert_eq!(month("SEPT."), Some(9));
        assert_eq!(month("Jan"), Some(1));
        assert_eq!(month("DECEMBER"), Some(12));
        assert_eq!(month("ja"), None);
        assert_eq!(month("Janu"), None);
        assert_eq!(month("Mär"), None);
        assert_eq!(month("Septembers"), None);
        assert_eq!(month("Sun."), None);
        assert_eq!(month("sep"), Some(9));
        assert_eq!(month("Sep."), Some(9));
        assert_eq!(month("Sepember"), None);
        assert_eq!(month("Mayday"), None);
        assert_eq!(month("MAY"), Some(5));
        assert_eq!(month("nov"), Some(11));
        assert_eq!(month("Dec"), Some(12));
        assert_eq!(month("Decembe"), None);
        assert_eq!(month("Janvier"), None);
        assert_eq!(month("..."), None);
    }

    #[test]
    fn title_precedence() {
        let mut c = Collector::default();
        c.title_tag("Rain in Spain stays mainly in the plain | Example News");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("Rain in Spain stays mainly in the plain")
        );

        let mut c = Collector::default();
        c.title_tag("Rain in Spain | Example News");
        c.heading(1, "Example News", false);
        c.heading(1, " Rain in  Spain ", false);
        assert_eq!(c.finish(None, "").title.as_deref(), Some("Rain in Spain"));

        let mut c = Collector::default();
        c.title_tag("Rain in Spain | Example News");
        c.heading(1, "Subscribe to our newsletter", false);
        meta(&mut c, "twitter:title", "Twitter title");
        assert_eq!(c.finish(None, "").title.as_deref(), Some("Twitter title"));

        // The h1 that matches a declared title is the title as readers see it.
        let mut c = Collector::default();
        c.heading(1, "Rain in Spain: the wettest spring in a decade", false);
        meta(
            &mut c,
            "og:title",
            "Rain in Spain, wettest spring | Example News",
        );
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("Rain in Spain: the wettest spring in a decade")
        );

        let mut c = Collector::default();
        meta(&mut c, "twitter:title", "Twitter title");
        meta(&mut c, "og:title", "OG title | Example News");
        meta(&mut c, "og:site_name", "Example News");
        assert_eq!(c.finish(None, "").title.as_deref(), Some("OG title"));

        let mut c = Collector::default();
        meta(&mut c, "og:title", "OG title");
        c.json_ld(r#"{"@type": "NewsArticle", "headline": "Rain &amp; snow in Spain"}"#);
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("Rain & snow in Spain")
        );
    }

    #[test]
    fn a_label_before_the_declared_title_goes() {
        for shown in ["Blog: Rain in Spain", "Thread:Rain in Spain"] {
            let mut c = Collector::default();
            meta(&mut c, "og:title", "Rain in Spain");
            h1(&mut c, shown);
            assert_eq!(
                c.finish(None, "").title.as_deref(),
                Some("Rain in Spain"),
                "{shown}"
            );
        }
        // A title that is more than a label before the declared one stays whole.
        assert_eq!(
            title_with(
                &[("og:title", "Rain in Spain")],
                "Why the weather changed: Rain in Spain"
            )
            .as_deref(),
            Some("Why the weather changed: Rain in Spain")
        );
        // A forum's prefix set in its own element before the topic: the sharing card joins
        // them with a dash, the structured data's headline is the topic alone.
        for shown in ["Tips Rain in Spain", "Tips - Rain in Spain"] {
            let mut c = Collector::default();
            meta(&mut c, "og:title", "Tips - Rain in Spain");
            c.json_ld(r#"{"@type": "DiscussionForumPosting", "headline": "Rain in Spain"}"#);
            h1(&mut c, shown);
            assert_eq!(
                c.finish(None, "").title.as_deref(),
                Some("Rain in Spain"),
                "{shown}"
            );
        }
        // Without the topic alone among the declared titles, the prefix stays.
        assert_eq!(
            title_with(
                &[("og:title", "Tips - Rain in Spain")],
                "Tips Rain in Spain"
            )
            .as_deref(),
            Some("Tips - Rain in Spain")
        );
    }

    #[test]
    fn a_heading_of_one_title_word_is_no_headline() {
        // Among several h1s, the one that is a word of a long title is a section heading.
        let title = "How we moved our whole build farm to spare laptops in a weekend";
        let mut c = Collector::default();
        meta(&mut c, "og:title", title);
        h1(&mut c, "Laptops");
        h1(&mut c, "Costs");
        assert_eq!(c.finish(None, "").title.as_deref(), Some(title));
        // A lone h1 of a word names the page's section or product.
        let mut c = Collector::default();
        meta(
            &mut c,
            "og:title",
            "Laptops: Shop Laptops for Work, Study and Gaming Online",
        );
        h1(&mut c, "Laptops");
        assert_eq!(c.finish(None, "").title.as_deref(), Some("Laptops"));
    }

    #[test]
    fn title_tag_affixes() {
        let cases = [
            ("Rain in Spain | Example News", None, "Rain in Spain"),
            (
                "Example News - Rain in Spain",
                Some("Example News"),
                "Rain in Spain",
            ),
            (
                "Example News – Rain in Spain stays mainly in the plain",
                None,
                "Rain in Spain stays mainly in the plain",
            ),
            (
                "Rain in Spain | Weather | Example News",
                None,
                "Rain in Spain | Weather",
            ),
            ("Rain in Spain", None, "Rain in Spain"),
            ("Example News", Some("Example News"), "Example News"),
            // The site's name holds a separator of its own.
            (
                "Rain in Spain - Example Gym | Open 24/7 in PA",
                Some("Example Gym | Open 24/7 in PA"),
                "Rain in Spain",
            ),
            (
                "Example Gym | Open 24/7 in PA - Rain in Spain stays mainly in the plain",
                Some("Example Gym | Open 24/7 in PA"),
                "Rain in Spain stays mainly in the plain",
            ),
            (" | ", None, "|"),
        ];
        for (title, site, want) in cases {
            let sites: Vec<String> = site.map(str::to_string).into_iter().collect();
            assert_eq!(strip_title_affix(title, &sites), want, "{title}");
        }
    }

    #[test]
    fn site_names_found_and_stripped() {
        // The host names the site.
        let url = Url::parse("https://www.examplenews.com/rain").unwrap();
        let mut c = Collector::default();
        meta(&mut c, "og:title", "Rain in Spain — ExampleNews");
        assert_eq!(
            c.finish(Some(&url), "").title.as_deref(),
            Some("Rain in Spain")
        );

        // The <title> adds the site name to the headline; the h1 shows the site name.
        let mut c = Collector::default();
        c.title_tag("Rain in Spain | The Daily Planet");
        meta(&mut c, "og:title", "Rain in Spain | The Daily Planet");
        h1(&mut c, "The Daily Planet");
        assert_eq!(c.finish(None, "").title.as_deref(), Some("Rain in Spain"));

        // The part after the separator is a subtitle when the h1 shows it.
        let mut c = Collector::default();
        c.title_tag("Rain in Spain | The Wettest Spring");
        meta(&mut c, "og:title", "Rain in Spain | The Wettest Spring");
        h1(&mut c, "Rain in Spain: The Wettest Spring");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("Rain in Spain: The Wettest Spring")
        );
    }

    #[test]
    fn meta_keys_split_and_spelt_alike() {
        let mut c = Collector::default();
        c.meta(None, Some("x:title dc:title"), None, None, "Rain in Spain");
        c.meta(
            None,
            Some("DCTERMS:creator\tx:author"),
            None,
            None,
            "Jane Doe",
        );
        let m = c.finish(None, "");
        assert_eq!(m.title.as_deref(), Some("Rain in Spain"));
        assert_eq!(m.authors, ["Jane Doe"]);

        let mut c = Collector::default();
        c.title_tag("Example News");
        meta(&mut c, "parsely-title", "Rain in Spain");
        assert_eq!(c.finish(None, "").title.as_deref(), Some("Rain in Spain"));

        // A key named in `property` (as RDFa defines it) outranks the same key in `name`,
        // whichever comes first.
        for property_first in [false, true] {
            let mut c = Collector::default();
            let by_name = |c: &mut Collector| {
                c.meta(Some("og:title"), None, None, None, "Rain in Spain (name)");
            };
            let by_property = |c: &mut Collector| {
                c.meta(None, Some("og:title"), None, None, "Rain in Spain");
            };
            if property_first {
                by_property(&mut c);
                by_name(&mut c);
            } else {
                by_name(&mut c);
                by_property(&mut c);
            }
            assert_eq!(c.finish(None, "").title.as_deref(), Some("Rain in Spain"));
        }
    }

    #[test]
    fn h1_in_capitals_takes_the_declared_case() {
        let mut c = Collector::default();
        meta(&mut c, "og:title", "Rain in Spain");
        h1(&mut c, "RAIN IN SPAIN");
        assert_eq!(c.finish(None, "").title.as_deref(), Some("Rain in Spain"));

        let mut c = Collector::default();
        meta(&mut c, "og:title", "Rain In Spain");
        h1(&mut c, "Rain in Spain");
        assert_eq!(c.finish(None, "").title.as_deref(), Some("Rain in Spain"));

        // An h1 in capitals worded apart from the declared title is a banner's slogan.
        assert_eq!(
            title_with(
                &[("og:title", "Rain in Spain: Where It Falls")],
                "WHERE THE RAIN FALLS IN SPAIN"
            )
            .as_deref(),
            Some("Rain in Spain: Where It Falls")
        );
        // One with the declared title's words in another order stays the headline, and
        // so does one in lowercase letters.
        assert_eq!(
            title_with(&[("og:title", "Spain Rain Report")], "RAIN REPORT SPAIN").as_deref(),
            Some("RAIN REPORT SPAIN")
        );
        assert_eq!(
            title_with(
                &[("og:title", "Rain in Spain: Where It Falls")],
                "Where the Rain Falls in Spain"
            )
            .as_deref(),
            Some("Where the Rain Falls in Spain")
        );
    }

    #[test]
    fn h1_named_by_structured_data() {
        let mut c = Collector::default();
        meta(&mut c, "og:title", "Top 11 SEO Strategies | Example");
        c.json_ld(
            r#"{"@type": "BreadcrumbList", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Blog"},
                {"@type": "ListItem", "position": 2, "name": "Eleven ways to rank in 2025, and why"}]}"#,
        );
        h1(&mut c, "Blog");
        h1(&mut c, "Eleven ways to rank in 2025, and why");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("Eleven ways to rank in 2025, and why")
        );

        // A short h1 that a breadcrumb names is a section, not the headline.
        let mut c = Collector::default();
        meta(&mut c, "og:title", "Rain in Spain");
        c.json_ld(r#"{"@type": "BreadcrumbList", "itemListElement": [{"name": "Weather news"}]}"#);
        h1(&mut c, "Weather news");
        assert_eq!(c.finish(None, "").title.as_deref(), Some("Rain in Spain"));
    }

    #[test]
    fn faq_questions_are_not_titles() {
        let mut c = Collector::default();
        c.title_tag("Rain questions");
        c.json_ld(
            r#"{"@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "Why rain?"}]}"#,
        );
        assert_eq!(c.finish(None, "").title.as_deref(), Some("Rain questions"));
    }

    #[test]
    fn main_h1_must_match_title() {
        let mut c = Collector::default();
        c.title_tag("Rain in Spain - Example News");
        c.heading(1, "Subscribe to our newsletter", false);
        assert_eq!(c.finish(None, "").title.as_deref(), Some("Rain in Spain"));

        let mut c = Collector::default();
        c.heading(1, "The only heading", false);
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("The only heading")
        );
    }

    #[test]
    fn json_ld_graph_and_references() {
        let mut c = Collector::default();
        c.json_ld(
            r##"{"@context": "https://schema.org", "@graph": [
              {"@type": "Organization", "@id": "https://example.com/#org", "name": "Example News",
               "logo": {"@type": "ImageObject", "url": "https://example.com/logo.png"}},
              {"@type": "WebPage", "@id": "https://example.com/p#page", "name": "Rain | Example News",
               "description": "Page description", "datePublished": "2020-01-01"},
              {"@type": "ImageObject", "@id": "https://example.com/p#img", "url": "/img/rain.jpg"},
              {"@type": ["NewsArticle"], "headline": "Rain in Spain",
               "author": [{"@id": "https://example.com/#jane"}, {"@type": "Person", "name": "John Roe"}],
               "publisher": {"@id": "https://example.com/#org"},
               "image": {"@id": "https://example.com/p#img"},
               "datePublished": "2024-05-17T10:00:00+02:00", "dateModified": "2024-05-18",
               "keywords": ["Weather", "Spain"]},
              {"@type": "Person", "@id": "https://example.com/#jane", "name": "Jane Doe"}
            ]}"##,
        );
        let m = c.finish(Some(&page()), "");
        assert_eq!(m.title.as_deref(), Some("Rain in Spain"));
        assert_eq!(m.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(m.published.as_deref(), Some("2024-05-17T10:00:00+02:00"));
        assert_eq!(m.modified.as_deref(), Some("2024-05-18"));
        assert_eq!(m.site_name.as_deref(), Some("Example News"));
        assert_eq!(m.description.as_deref(), Some("Page description"));
        assert_eq!(m.image.as_deref(), Some("https://example.com/img/rain.jpg"));
        assert_eq!(m.tags, ["Weather", "Spain"]);
        assert_eq!(m.page_type.as_deref(), Some("NewsArticle"));
    }

    #[test]
    fn json_ld_top_level_array_and_article_preferred() {
        let mut c = Collector::default();
        c.json_ld(
            r#"[{"@type": "WebPage", "author": "Web Team", "headline": "Page"},
                {"@type": "BlogPosting", "author": {"name": "Jane Doe"}, "headline": "Post",
                 "image": ["https://example.com/a.jpg", "https://example.com/b.jpg"],
                 "keywords": "rain, Spain,RAIN"}]"#,
        );
        let m = c.finish(None, "");
        assert_eq!(m.title.as_deref(), Some("Post"));
        assert_eq!(m.authors, ["Jane Doe"]);
        assert_eq!(m.image.as_deref(), Some("https://example.com/a.jpg"));
        assert_eq!(m.tags, ["rain", "Spain"]);
        assert_eq!(m.page_type.as_deref(), Some("BlogPosting"));
    }

    #[test]
    fn malformed_json_ld() {
        let mut c = Collector::default();
        c.json_ld("{ not json at all");
        c.json_ld("");
        c.json_ld("<!-- {\"@type\": \"Article\", \"headline\": \"Commented\",} -->");
        c.json_ld("//<![CDATA[\n{\"@type\": \"Person\", \"name\": \"X\"}\n//]]>");
        c.json_ld("{\"@type\": \"Article\", \"author\": \"A\"} {\"@type\": \"WebSite\", \"name\": \"Site\"}");
        c.json_ld("{\"@type\": \"Article\", \"description\": \"line\nbreak\", \"x\": [1,2,],}");
        c.json_ld("[[[[[[[[[[[[[[[[[[[[[[[[{\"@type\": \"Article\", \"headline\": \"deep\"}]]]]]]]]]]]]]]]]]]]]]]]]");
        let m = c.finish(None, "");
        assert_eq!(m.title.as_deref(), Some("Commented"));
        assert_eq!(m.authors, ["A"]);
        assert_eq!(m.site_name.as_deref(), Some("Site"));
        assert_eq!(m.description.as_deref(), Some("line break"));
        assert_eq!(parse_json_ld("{]").len(), 0);
        assert_eq!(parse_json_ld("\"\\u12").len(), 0);
    }

    #[test]
    fn author_sources_in_order() {
        let mut c = Collector::default();
        c.byline("By Byline Person", true);
        meta(&mut c, "dc.creator", "Dc Creator");
        meta(&mut c, "article:author", "https://facebook.com/someone");
        assert_eq!(c.finish(None, "").authors, ["Dc Creator"]);

        let mut c = Collector::default();
        meta(&mut c, "parsely-author", "Parsely Person");
        meta(&mut c, "author", "Meta Person");
        assert_eq!(c.finish(None, "").authors, ["Meta Person"]);

        // Dublin Core's creator is the document's own, where `author` is often the account
        // that posted it (as Readability ranks them).
        let mut c = Collector::default();
        meta(&mut c, "author", "Site Account");
        meta(&mut c, "dc:creator", "Dc Creator");
        assert_eq!(c.finish(None, "").authors, ["Dc Creator"]);

        let mut c = Collector::default();
        c.byline("By Jane Doe and John Roe | Updated May 17, 2024", true);
        c.byline("Share this", true);
        assert_eq!(c.finish(None, "").authors, ["Jane Doe", "John Roe"]);
    }

    #[test]
    fn a_by_line_near_the_headline_outranks_a_declared_publisher() {
        let author = |by_at: usize| {
            let mut c = Collector::default();
            c.json_ld(r#"{"@type": "Article", "author": {"@type": "Organization", "name": "Example Trust"}}"#);
            h1(&mut c, "Rain in Spain");
            for _ in 0..by_at {
                c.block("Share");
            }
            c.block("By Jane Doe");
            c.finish(None, "").authors
        };
        assert_eq!(author(0), ["Jane Doe"]);
        assert_eq!(author(40), ["Example Trust"]);
    }

    #[test]
    fn a_labelled_author_box_outranks_a_declared_publisher() {
        let author = |label: &str| {
            let mut c = Collector::default();
            c.json_ld(r#"{"@type": "Article", "author": {"@type": "Organization", "name": "Example Trust"}}"#);
            h1(&mut c, "Rain in Spain");
            for _ in 0..40 {
                c.block("Share");
            }
            c.block(label);
            c.block("Jane Doe");
            c.finish(None, "").authors
        };
        // Far under the story: a label that says it names the writer.
        assert_eq!(author("Written by"), ["Jane Doe"]);
        assert_eq!(author("About the author"), ["Jane Doe"]);
        // A bare "By" far off heads a filter or a list.
        assert_eq!(author("By"), ["Example Trust"]);
    }

    #[test]
    fn a_person_contributing_to_a_page_the_publisher_signs_wrote_it() {
        // A member's post on a publishing platform: one-word user names count too.
        let mut c = Collector::default();
        c.json_ld(
            r#"{"@type": "Article", "author": {"@type": "Organization", "name": "Example Hub"},
                "contributor": {"@type": "Person", "name": "jdoe42"}}"#,
        );
        assert_eq!(c.finish(None, "").authors, ["jdoe42"]);

        // A person's own byline keeps its contributors out; an organisation contributing
        // is no writer.
        let mut c = Collector::default();
        c.json_ld(
            r#"{"@type": "Article", "author": {"@type": "Person", "name": "Jane Doe"},
                "contributor": {"@type": "Person", "name": "John Roe"}}"#,
        );
        assert_eq!(c.finish(None, "").authors, ["Jane Doe"]);
        let mut c = Collector::default();
        c.json_ld(
            r#"{"@type": "Article", "author": {"@type": "Organization", "name": "Example Hub"},
                "contributor": {"@type": "Organization", "name": "Example Labs"}}"#,
        );
        assert_eq!(c.finish(None, "").authors, ["Example Hub"]);
    }

    #[test]
    fn the_story_byline_corrects_a_declared_login() {
        let with = |declared: &str, page_type: &str| {
            let mut c = Collector::default();
            c.json_ld(&format!(
                r#"{{"@type": "{page_type}", "author": {{"@type": "Person", "name": "{declared}"}}}}"#
            ));
            c.byline("Jane Doe", true);
            c.finish(None, "").authors
        };
        assert_eq!(with("jane.doe42", "Article"), ["Jane Doe"]);
        assert_eq!(with("JaneD", "BlogPosting"), ["Jane Doe"]);
        assert_eq!(with("jdoe", "Article"), ["Jane Doe"]);
        // A display name stays; a forum post's author is the posting account.
        assert_eq!(with("John Roe", "Article"), ["John Roe"]);
        assert_eq!(with("Roe", "Article"), ["Roe"]);
        assert_eq!(with("jdoe", "DiscussionForumPosting"), ["jdoe"]);
    }

    #[test]
    fn a_by_line_under_the_headline_outranks_a_declared_person_the_page_never_shows() {
        let with = |declared: &str, by_line: &str, shown: Option<&str>| {
            let mut c = Collector::default();
            meta(&mut c, "author", declared);
            if let Some(shown) = shown {
                c.byline(shown, true);
            }
            h1(&mut c, "Rain in Spain");
            c.block(by_line);
            c.finish(None, "").authors
        };
        // The declared person posted the page; the story says who wrote it.
        assert_eq!(with("John Roe", "By: Jane Doe", None), ["Jane Doe"]);
        // The declared person is shown in a byline element (the "By" line is another
        // story's), or the by-line adds a job title to the declared name.
        assert_eq!(
            with("John Roe", "By Jane Doe", Some("John Roe")),
            ["John Roe"]
        );
        assert_eq!(
            with("John Roe", "By John Roe Senior Editor", None),
            ["John Roe"]
        );
        // Not on a forum post, whose author is the posting account.
        let mut c = Collector::default();
        c.json_ld(r#"{"@type": "DiscussionForumPosting", "author": {"name": "John Roe"}}"#);
        h1(&mut c, "Rain in Spain");
        c.block("By Jane Doe");
        assert_eq!(c.finish(None, "").authors, ["John Roe"]);
    }

    #[test]
    fn the_reviewer_answers_for_a_page_its_publisher_signs() {
        let with = |declared: &str, byline: &str| {
            let mut c = Collector::default();
            meta(&mut c, "og:site_name", "Example Law");
            meta(&mut c, "author", declared);
            c.byline(byline, true);
            c.finish(None, "").authors
        };
        assert_eq!(
            with("Example Law", "Reviewed by Jane Doe, Trial Attorney"),
            ["Jane Doe"]
        );
        assert_eq!(
            with("Example Law", "Example Law\nMedically reviewed by Jane Doe"),
            ["Jane Doe"]
        );
        // A person who wrote the page keeps it.
        assert_eq!(with("John Roe", "Reviewed by Jane Doe"), ["John Roe"]);
        // A reviewing team is no person.
        assert_eq!(
            with("Example Law", "Reviewed by Example Law"),
            ["Example Law"]
        );
    }

    #[test]
    fn the_site_team_in_the_byline_beats_a_declared_person_the_page_never_shows() {
        let with = |declared: &str, byline: &str| {
            let mut c = Collector::default();
            meta(&mut c, "og:site_name", "Example Fit");
            meta(&mut c, "author", declared);
            h1(&mut c, "Rain in Spain");
            c.byline(byline, true);
            c.finish(None, "").authors
        };
        assert_eq!(with("Jane Doe", "Example Fit Team"), ["Example Fit Team"]);
        // A declared person the byline shows keeps the credit.
        assert_eq!(with("Jane Doe", "Example Fit Team\nJane Doe"), ["Jane Doe"]);
    }

    #[test]
    fn a_byline_that_is_the_only_credit_keeps_its_job_title() {
        let with = |declared: Option<&str>, byline: &str| {
            let mut c = Collector::default();
            meta(&mut c, "og:site_name", "Example Health");
            if let Some(declared) = declared {
                meta(&mut c, "author", declared);
            }
            c.byline(byline, true);
            c.finish(None, "").authors
        };
        assert_eq!(
            with(None, "by Jane Doe, Dietitian"),
            ["Jane Doe, Dietitian"]
        );
        assert_eq!(
            with(
                Some("Example Health"),
                "By Jane Doe, Head of Nutrition • May 3, 2025"
            ),
            ["Jane Doe, Head of Nutrition"]
        );
        // A declared person is the credit: the byline's job title describes her.
        assert_eq!(
            with(Some("Jane Doe"), "By Jane Doe, Dietitian"),
            ["Jane Doe"]
        );
        // So does a name in an element of its own.
        let mut c = Collector::default();
        c.byline("By Jane Doe, Dietitian", true);
        c.byline("Jane Doe", true);
        assert_eq!(c.finish(None, "").authors, ["Jane Doe"]);
        // A sentence that names her, and a bio's run after the comma, are no credit.
        assert_eq!(
            with(None, "This post was written by Jane Doe, Head of Nutrition"),
            ["Jane Doe"]
        );
        assert_eq!(
            with(
                None,
                "By Jane Doe, who has grown roses for twenty years in the hills"
            ),
            ["Jane Doe"]
        );
    }

    #[test]
    fn an_author_box_with_a_long_bio_gives_its_name_line() {
        let bio = "Jane Doe is a gardener who has written about roses, soil and the weather \
            for twenty years. "
            .repeat(6);
        let mut c = Collector::default();
        c.byline_away(&format!("Jane Doe\n{bio}"), false);
        assert_eq!(c.finish(None, "").authors, ["Jane Doe"]);
        // A first line that is no name in full gives none.
        let mut c = Collector::default();
        c.byline_away(&format!("About us\n{bio}"), false);
        assert!(c.finish(None, "").authors.is_empty());
    }

    #[test]
    fn twitter_card_credits_name_the_author() {
        let card = |label: &str| {
            let mut c = Collector::default();
            meta(&mut c, "og:site_name", "Example Books");
            meta(&mut c, "author", "Example Books");
            meta(&mut c, "twitter:label1", label);
            meta(&mut c, "twitter:data1", "Jane Doe");
            c.finish(None, "").authors
        };
        assert_eq!(card("Written by"), ["Jane Doe"]);
        assert_eq!(card("Interview by"), ["Jane Doe"]);
        assert_eq!(card("Reviewed by"), ["Example Books"]);
        assert_eq!(card("Est. reading time"), ["Example Books"]);
    }

    #[test]
    fn organisation_authors_give_way_to_people() {
        let mut c = Collector::default();
        c.json_ld(
            r#"{"@type": "Article", "author": {"@type": "Organization", "name": "Example News"}}"#,
        );
        meta(&mut c, "author", "Jane Doe");
        assert_eq!(c.finish(None, "").authors, ["Jane Doe"]);

        // The site's name as the author, with a person in a byline.
        let mut c = Collector::default();
        meta(&mut c, "og:site_name", "Example News");
        meta(&mut c, "author", "Example News");
        c.byline("By Jane Doe", true);
        assert_eq!(c.finish(None, "").authors, ["Jane Doe"]);

        // A byline running into the site's name.
        let mut c = Collector::default();
        meta(&mut c, "og:site_name", "Example News");
        c.byline("Jane Doe Example News", true);
        assert_eq!(c.finish(None, "").authors, ["Jane Doe"]);

        // The site's name and a word in a byline ("Sponsored", "Staff") is no person.
        let mut c = Collector::default();
        meta(&mut c, "og:site_name", "Example News");
        meta(&mut c, "author", "Example News");
        c.byline("Example News Sponsored", true);
        assert_eq!(c.finish(None, "").authors, ["Example News"]);

        // Kept when no source names a person; a one-word byline is not one.
        let mut c = Collector::default();
        c.json_ld(
            r#"{"@type": "Article", "publisher": {"name": "Example News"}, "author": "Example News"}"#,
        );
        c.byline("Research", true);
        assert_eq!(c.finish(None, "").authors, ["Example News"]);

        // A person publishing their own blog is typed Person and Organization: still a
        // person, who does not give way to a "Follow Jane" link in the author box.
        let mut c = Collector::default();
        c.json_ld(
            r##"{"@graph": [
                {"@type": "Article", "author": {"name": "Jane Doe", "@id": "#jane"},
                 "publisher": {"@id": "#jane"}},
                {"@type": ["Person", "Organization"], "@id": "#jane", "name": "Jane Doe"}]}"##,
        );
        meta(&mut c, "og:site_name", "Quiet Hours");
        c.byline("Follow Jane", true);
        assert_eq!(c.finish(None, "").authors, ["Jane Doe"]);
    }

    #[test]
    fn by_lines_near_the_headline() {
        let mut c = Collector::default();
        c.block("Powered by WordPress");
        h1(&mut c, "Rain in Spain");
        c.block("Published May 17, 2024 by Jane Doe");
        assert_eq!(c.finish(None, "").authors, ["Jane Doe"]);

        let mut c = Collector::default();
        h1(&mut c, "Rain in Spain");
        c.block("Contributors: Jane Doe");
        assert_eq!(c.finish(None, "").authors, ["Jane Doe"]);

        // A Twitter card pair labelled "Written by"; other labels name no author.
        let mut c = Collector::default();
        meta(&mut c, "twitter:label1", "Est. reading time");
        meta(&mut c, "twitter:data1", "7 minutes");
        meta(&mut c, "twitter:label2", "Written by");
        meta(&mut c, "twitter:data2", "Jane Doe");
        assert_eq!(c.finish(None, "").authors, ["Jane Doe"]);

        let mut c = Collector::default();
        c.block("By John Roe");
        c.block("Sidebar story");
        h1(&mut c, "Rain in Spain");
        c.block("Written by");
        c.block("Jane Doe");
        assert_eq!(c.finish(None, "").authors, ["Jane Doe"]);

        let mut c = Collector::default();
        h1(&mut c, "Rain in Spain");
        c.block("Powered by WordPress");
        c.block("Sponsored by Example Corp");
        c.block("It was written by hand in the field.");
        c.block("by\n  intro ⟨h1, h2⟩");
        c.block("By 2030 (or so)");
        assert!(c.finish(None, "").authors.is_empty());

        // Declared authors come first where the page shows them (see
        // a_by_line_under_the_headline_outranks_a_declared_person_the_page_never_shows).
        let mut c = Collector::default();
        h1(&mut c, "Rain in Spain");
        c.block("By John Roe");
        meta(&mut c, "author", "Jane Doe");
        c.byline("Jane Doe", true);
        assert_eq!(c.finish(None, "").authors, ["Jane Doe"]);
    }

    #[test]
    fn byline_texts() {
        let cases: &[(&str, &[&str])] = &[
            ("Text by Jane Doe", &["Jane Doe"]),
            ("This post was written by Jane Doe", &["Jane Doe"]),
            ("Jane Doe Senior Autos Reporter", &["Jane Doe"]),
            ("Jane Doe Writer; Hardware", &["Jane Doe"]),
            ("Jane Doe 7 min read", &["Jane Doe"]),
            ("Jane Doe Last updated: May 17, 2024", &["Jane Doe"]),
            ("Jane Doe • Editor", &["Jane Doe"]),
            ("By Jane Doe, WCI Columnist", &["Jane Doe"]),
            ("Jane Doe, Digital Channel Editor", &["Jane Doe"]),
            ("Fact Checked", &[]),
            ("Jane Doe. Reviewed by John Roe, MD", &["Jane Doe"]),
            ("Jane Q.", &["Jane Q."]),
            ("Jane Doe Jane is a gardener who writes", &[]),
            ("Jane Doe says", &[]),
            ("Ludwig van Beethoven", &["Ludwig van Beethoven"]),
            ("the Example Team", &["the Example Team"]),
            ("jdoe", &["jdoe"]),
            ("\"Jane Doe\"", &["Jane Doe"]),
            ("Updated", &[]),
            (
                "Written by Jane Doe, Head of Marketing and Community Development",
                &["Jane Doe"],
            ),
            (
                "Jane Doe, MD, gastroenterologist, Example Health",
                &["Jane Doe, MD"],
            ),
            (
                "By Jane Doe, John Roe and Max Mustermann",
                &["Jane Doe", "John Roe", "Max Mustermann"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(byline_names(text), *want, "{text}");
        }
        // Declared values keep what they say.
        assert_eq!(
            split_names("Sponsored by Example Corp"),
            ["Sponsored by Example Corp"]
        );
        assert_eq!(
            split_names("Jane Doe Senior Reporter"),
            ["Jane Doe Senior Reporter"]
        );
    }

    #[test]
    fn byline_splitting() {
        let cases: &[(&str, &[&str])] = &[
            ("By Jane Doe and John Roe", &["Jane Doe", "John Roe"]),
            ("by: Jane Doe", &["Jane Doe"]),
            (
                "Written by Jane Doe, John Roe & Max Mustermann",
                &["Jane Doe", "John Roe", "Max Mustermann"],
            ),
            ("By Jane Doe May 17, 2024", &["Jane Doe"]),
            ("By Jane Doe | 17/05/2024", &["Jane Doe"]),
            ("Jane Doe Updated 3 hours ago", &["Jane Doe"]),
            ("Jane Doe on 2024-05-17", &["Jane Doe"]),
            (
                "Dylan Bailey, MS, RD, FAND",
                &["Dylan Bailey, MS, RD, FAND"],
            ),
            ("Genevieve Carlton, Ph.D.", &["Genevieve Carlton, Ph.D."]),
            ("Tom May", &["Tom May"]),
            ("Paramita (Guha) Ghosh", &["Paramita (Guha) Ghosh"]),
            ("Jane Doe (Content Manager)", &["Jane Doe"]),
            ("Jane Doe (Editor) and John Roe", &["Jane Doe"]),
            ("Jane Doe —", &["Jane Doe"]),
            // A forum's "by name » date" and a date line labelled as an update.
            ("by jdoe » Tue Sep 10, 2024", &["jdoe"]),
            ("Jane Doe »", &["Jane Doe"]),
            ("jdoe42 Discussion starter", &["jdoe42"]),
            ("JaneD Thread Starter", &["JaneD"]),
            ("Topic Author", &[]),
            ("Example Garden Club on Facebook", &[]),
            ("By Jane Doe on May 3", &["Jane Doe"]),
            ("Last Updated: January 7, 2025", &[]),
            ("Last modified May 3", &[]),
            ("Sat, 20 Dec, 2025 - 06:36", &[]),
            ("https://example.com/author/jane", &[]),
            ("@janedoe", &[]),
            ("By", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(split_names(text), *want, "{text}");
        }
    }

    #[test]
    fn block_key_is_the_hash_of_the_compact_text() {
        let long = "Ünïcode Straße İstanbul K-Σ ".repeat(20);
        for text in [
            "",
            "  -- ",
            "Breaking: News, 2024!",
            "ΑΒΓ Déjà Vu",
            long.as_str(),
        ] {
            let want = compact(text).bytes().fold(FNV_OFFSET, fnv_byte);
            assert_eq!(block_key(text), want, "{text}");
        }
        assert_eq!(block_key("Breaking: NEWS"), block_key("breaking news"));
        assert_ne!(block_key("Breaking news"), block_key("Breaking new"));
    }

    #[test]
    fn date_normalisation() {
        let cases = [
            ("2024-05-17", Some("2024-05-17")),
            ("2024-05-17T10:00:00Z", Some("2024-05-17T10:00:00+00:00")),
            (
                "2024-05-17T10:00:00.123+0200",
                Some("2024-05-17T10:00:00+02:00"),
            ),
            (
                "2024-05-17T10:00:00-05:00",
                Some("2024-05-17T10:00:00-05:00"),
            ),
            ("2024-05-17 10:00", Some("2024-05-17T10:00:00")),
            ("2024-05-17T10:00", Some("2024-05-17T10:00:00")),
            ("2024/05/17", Some("2024-05-17")),
            ("2024.5.7", Some("2024-05-07")),
            ("20240517", Some("2024-05-17")),
            ("May 17, 2024", Some("2024-05-17")),
            ("May 17th, 2024 at 3:30 pm", Some("2024-05-17T15:30:00")),
            ("17 May 2024", Some("2024-05-17")),
            ("Sept. 3, 2023", Some("2023-09-03")),
            ("Published on Friday, May 17, 2024", Some("2024-05-17")),
            (
                "Fri, 17 May 2024 10:00:00 +0000",
                Some("2024-05-17T10:00:00+00:00"),
            ),
            (
                "Fri, 17 May 2024 10:00:00 GMT",
                Some("2024-05-17T10:00:00+00:00"),
            ),
            ("17.05.2024", Some("2024-05-17")),
            ("05/17/2024", Some("2024-05-17")),
            ("17/05/2024", Some("2024-05-17")),
            ("2024-02-29", Some("2024-02-29")),
            ("2023-02-29", None),
            ("2024-13-01", None),
            ("2024-04-31", None),
            ("2024-05-17T25:00:00Z", Some("2024-05-17")),
            ("May 32, 2024", None),
            ("2024-05", None),
            ("yesterday", None),
            ("1715940000", None),
            ("0000-00-00", None),
            ("", None),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize_date(raw).as_deref(), want, "{raw}");
        }
    }

    #[test]
    fn date_sources_in_order() {
        // Scholarly metadata writes the year first; plain "published" metas count.
        let mut c = Collector::default();
        meta(&mut c, "citation_publication_date", "2023 Jan 7");
        assert_eq!(c.finish(None, "").published.as_deref(), Some("2023-01-07"));
        let mut c = Collector::default();
        meta(&mut c, "published", "July 17, 2025");
        assert_eq!(c.finish(None, "").published.as_deref(), Some("2025-07-17"));

        let mut c = Collector::default();
        c.time("2024-01-01", None);
        c.time("2024-02-02T08:00:00Z", Some("entry-date published"));
        assert_eq!(
            c.finish(Some(&page()), "").published.as_deref(),
            Some("2024-02-02T08:00:00+00:00")
        );

        let mut c = Collector::default();
        c.time("2024-01-01", None);
        c.time("2024-02-02", Some("updated"));
        meta(&mut c, "date", "2023-03-03");
        let m = c.finish(Some(&page()), "");
        assert_eq!(m.published.as_deref(), Some("2023-03-03"));
        assert_eq!(m.modified.as_deref(), Some("2024-02-02"));

        let mut c = Collector::default();
        meta(&mut c, "pubdate", "not a date");
        meta(&mut c, "og:updated_time", "2024-06-01T00:00:00+00:00");
        meta(&mut c, "article:published_time", "2022-12-31");
        c.meta(None, None, None, Some("datePublished"), "2021-01-01");
        let m = c.finish(Some(&page()), "");
        assert_eq!(m.published.as_deref(), Some("2022-12-31"));
        assert_eq!(m.modified.as_deref(), Some("2024-06-01T00:00:00+00:00"));

        let c = Collector::default();
        assert_eq!(
            c.finish(Some(&page()), "").published.as_deref(),
            Some("2024-05-17")
        );
    }

    /// The walker's calls for a block that is an `h1`.
    #[test]
    fn dublin_core_title_before_the_sharing_cards() {
        let mut c = Collector::default();
        meta(&mut c, "og:title", "Rain in Spain, shared");
        meta(&mut c, "dc.title", "Rain in Spain");
        assert_eq!(c.finish(None, "").title.as_deref(), Some("Rain in Spain"));
    }

    #[test]
    fn title_joining_a_declared_title_and_the_site_name() {
        // The blog's name is an h1 and the <title> puts it before the post's title
        // behind a colon: the name is the site's, whatever h1 shows it.
        let mut c = Collector::default();
        c.title_tag("Allotment Notes: Raised beds from pallet wood");
        meta(&mut c, "og:title", "Raised beds from pallet wood");
        h1(&mut c, "Allotment Notes");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("Raised beds from pallet wood")
        );
        assert_eq!(
            declared_affix("Rain in Spain - Example News", "Rain in Spain").as_deref(),
            Some("Example News")
        );
        // No separator, or more words than a site name has: no site name.
        assert_eq!(declared_affix("Rain in Spain today", "Rain in Spain"), None);
        assert_eq!(
            declared_affix(
                "Rain in Spain: what the long wet spring means for farmers",
                "Rain in Spain"
            ),
            None
        );
    }

    #[test]
    fn h1_naming_more_of_the_headline_part_wins() {
        // A docs page: the project's name is a linked h1 and the <title>'s suffix, the
        // page's heading a second h1; both lie within the full <title> and share a word
        // with its headline part.
        let mut c = Collector::default();
        c.title_tag("Tidemill: Shared Mutable History — tidemill extension for Pebble");
        h1(&mut c, "tidemill extension for Pebble");
        h1(&mut c, "Tidemill: Shared Mutable History");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("Tidemill: Shared Mutable History")
        );
    }

    fn h1(c: &mut Collector, text: &str) {
        c.heading(1, text, false);
        c.block(text);
    }

    /// The title of a page that declares the `(meta key, title)` pairs and shows `h1`.
    fn title_with(declared: &[(&str, &str)], h1_text: &str) -> Option<String> {
        let mut c = Collector::default();
        for (key, title) in declared {
            meta(&mut c, key, title);
        }
        h1(&mut c, h1_text);
        c.finish(None, "").title
    }

    #[test]
    fn parts_glued_across_elements_are_told_apart() {
        // <span>By Iona Bexley</span><span>April 3, 2024</span>, By<a>Sarah</a>.
        assert_eq!(
            part_text("By Iona BexleyApril 3, 2024", &[14]),
            "By Iona Bexley April 3, 2024"
        );
        assert_eq!(part_text("BySarah", &[2, 7]), "By Sarah");
        assert_eq!(
            part_text("July 30, 2019January 18, 2023", &[13]),
            "July 30, 2019 January 18, 2023"
        );
        // A word set in two styles, an edge beside a space, and a capital inside one
        // element stay as they are.
        assert_eq!(part_text("Example", &[2]), "Example");
        assert_eq!(part_text("By Jane", &[2, 3]), "By Jane");
        assert_eq!(part_text("iPhone", &[]), "iPhone");
    }

    #[test]
    fn the_permalink_pilcrow_of_an_h1_is_no_part_of_the_title() {
        assert_eq!(
            title_with(
                &[],
                "itertools \u{2014} Functions creating iterators \u{b6}"
            )
            .as_deref(),
            Some("itertools \u{2014} Functions creating iterators")
        );
    }

    #[test]
    fn an_h1_that_repeats_another_with_its_section_gives_way_to_it() {
        let mut c = Collector::default();
        c.title_tag("Tips for a first visit - Japan Forum - Example Travel");
        h1(&mut c, "Tips for a first visit - Japan Forum");
        c.block("Japan Forum");
        h1(&mut c, "Tips for a first visit");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("Tips for a first visit")
        );
        // An h1 that is only one part of the other (the site's name) does not.
        let mut c = Collector::default();
        c.title_tag("Tips for a first visit - Japan Forum");
        h1(&mut c, "Japan Forum");
        h1(&mut c, "Tips for a first visit - Japan Forum");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("Tips for a first visit - Japan Forum")
        );
    }

    #[test]
    fn a_declared_title_set_as_a_heading_outranks_an_h1_worded_apart() {
        // The h1 names the section; the declared title stands under it as an h3.
        let mut c = Collector::default();
        meta(&mut c, "og:title", "Cybersecurity Sector Update: Fall 2025");
        h1(&mut c, "Sector Updates");
        c.block("November 14, 2025");
        c.heading(3, "Cybersecurity Sector Update: Fall 2025", false);
        c.block("Cybersecurity Sector Update: Fall 2025");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("Cybersecurity Sector Update: Fall 2025")
        );
        // A breadcrumb or a link that shows the declared title is no heading: the h1 stays.
        let mut c = Collector::default();
        meta(&mut c, "og:title", "Easy Car Maintenance Checklist");
        c.block("Easy Car Maintenance Checklist");
        h1(&mut c, "A Car Maintenance Schedule That's Easy to Follow");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("A Car Maintenance Schedule That's Easy to Follow")
        );
        // An h1 that shows a declared title stays though another heading shows the other.
        let mut c = Collector::default();
        meta(&mut c, "og:title", "Easy Car Maintenance Checklist");
        meta(&mut c, "twitter:title", "A Car Maintenance Schedule");
        h1(&mut c, "A Car Maintenance Schedule");
        c.heading(2, "Easy Car Maintenance Checklist", false);
        c.block("Easy Car Maintenance Checklist");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("A Car Maintenance Schedule")
        );
    }

    #[test]
    fn an_h1_that_curls_the_quotes_of_the_declared_title_shows_it() {
        assert_eq!(
            title_with(
                &[("og:title", "Why Cheap SEO Doesn't Work")],
                "Why Cheap SEO Doesn\u{2019}t Work"
            )
            .as_deref(),
            Some("Why Cheap SEO Doesn't Work")
        );
        // A declared title with the curled quotes: the author typed those.
        assert_eq!(
            title_with(
                &[
                    ("og:title", "Why Cheap SEO Doesn't Work"),
                    ("twitter:title", "Why Cheap SEO Doesn\u{2019}t Work")
                ],
                "Why Cheap SEO Doesn\u{2019}t Work"
            )
            .as_deref(),
            Some("Why Cheap SEO Doesn\u{2019}t Work")
        );
        assert_eq!(
            straight_quotes("\u{201C}Sobering\u{201D} \u{2018}a\u{2019} 16\u{2033}"),
            "\"Sobering\" 'a' 16\""
        );
    }

    #[test]
    fn utf8_decoded_twice_is_undone() {
        assert_eq!(
            undo_double_utf8("A DIY Investor\u{e2}\u{80}\u{99}s Guide"),
            "A DIY Investor\u{2019}s Guide"
        );
        assert_eq!(
            undo_double_utf8("Dariusz Jaro\u{c5}\u{84}"),
            "Dariusz Jaro\u{144}"
        );
        // Latin-1 text without a C1 control stays, and so does what is no UTF-8.
        assert_eq!(undo_double_utf8("Caf\u{e9} \u{e2}"), "Caf\u{e9} \u{e2}");
        assert_eq!(undo_double_utf8("x\u{85}y"), "x\u{85}y");
        assert_eq!(
            undo_double_utf8("\u{2019}\u{e2}\u{80}\u{99}"),
            "\u{2019}\u{e2}\u{80}\u{99}"
        );
    }

    #[test]
    fn author_links_spell_the_name() {
        assert!(is_author_link(
            "https://example.com/author/jane-doe/",
            "Jane Doe"
        ));
        assert!(is_author_link(
            "/blog/authors/o-riordan?ref=top",
            "O\u{2019}Riordan"
        ));
        assert!(!is_author_link("/author/jane-doe/", "More by Jane"));
        assert!(!is_author_link("/authors/", "Authors"));
        assert!(!is_author_link("/author/jane-doe/posts", "Jane Doe"));
        assert!(!is_author_link("/jane-doe/", "Jane Doe"));
        assert!(!is_author_link("/author/1234/", "1234"));
    }

    #[test]
    fn author_slugs_are_the_segments_split_at_slashes() {
        // The slug by its definition: the segment after the first author's directory
        // in the path (cut at `?` or `#`) split at every slash, when it is the last.
        fn plain(href: &str) -> Option<&str> {
            let path = href.split(['?', '#']).next().unwrap_or("");
            let mut segments = path.split('/').filter(|s| !s.is_empty());
            segments.position(|s| {
                AUTHOR_PATH_SEGMENTS
                    .iter()
                    .any(|a| s.eq_ignore_ascii_case(a))
            })?;
            let slug = segments.next()?;
            segments.next().is_none().then_some(slug)
        }
        let pieces = [
            "/",
            "//",
            "author",
            "Authors",
            "contributor",
            "jane-doe",
            "é",
            "?",
            "#",
            "x=1",
            "https:",
            "a",
        ];
        for href in crate::text::generated_texts(&pieces, 3, 12, 3000) {
            assert_eq!(author_slug(&href), plain(&href), "{href:?}");
        }
    }

    #[test]
    fn by_sentences_job_titles_and_other_credits_name_no_author() {
        for line in [
            "By joining our list, you will get 5% off.",
            "By clicking submit below, you agree to our terms.",
            "Set by default a black border.",
        ] {
            assert_eq!(by_line_names(line), None, "{line}");
        }
        for line in [
            "by jdoe on May 17, 2024",
            "by jdoe, jroe » Tue",
            "by jane doe",
            "By Jane Doe",
        ] {
            assert_eq!(by_line_names(line), Some(line), "{line}");
        }
        assert!(byline_names("Staff Writer").is_empty());
        assert_eq!(byline_names("Staff"), ["Staff"]);
        assert!(byline_names("Reviewed by Jane Doe").is_empty());
        let mut c = Collector::default();
        c.byline(
            "Written by Example\nStaff Writer\nReviewed by Jane Doe",
            true,
        );
        assert!(
            !c.finish(None, "")
                .authors
                .iter()
                .any(|a| a.contains("Writer") || a == "Jane Doe")
        );
    }

    #[test]
    fn an_organisation_author_is_one_name() {
        let mut c = Collector::default();
        c.json_ld(
            r#"{"@type": "Article", "author": {"@type": "Organization", "name": "Doe & Roe"}}"#,
        );
        assert_eq!(c.finish(None, "").authors, ["Doe & Roe"]);
        let mut c = Collector::default();
        c.json_ld(
            r#"{"@type": "Article", "author": {"@type": "Person", "name": "Jane Doe & John Roe"}}"#,
        );
        assert_eq!(c.finish(None, "").authors, ["Jane Doe", "John Roe"]);
        // A meta author that is the site's name.
        let mut c = Collector::default();
        meta(&mut c, "og:site_name", "Doe & Roe");
        meta(&mut c, "dc.creator", "Doe & Roe");
        assert_eq!(c.finish(None, "").authors, ["Doe & Roe"]);
        let mut c = Collector::default();
        meta(&mut c, "og:site_name", "Doe & Roe");
        meta(&mut c, "author", "Jane Doe & John Roe");
        assert_eq!(c.finish(None, "").authors, ["Jane Doe", "John Roe"]);
    }

    #[test]
    fn the_publisher_beside_the_writers_is_none_of_them() {
        let mut c = Collector::default();
        c.json_ld(
            r#"{"@type": "NewsArticle",
                "author": {"@type": "Person", "name": "Jane Doe and John Roe, Example News"},
                "publisher": {"@type": "Organization", "name": "Example News"}}"#,
        );
        assert_eq!(c.finish(None, "").authors, ["Jane Doe", "John Roe"]);
        // The publisher alone stays.
        let mut c = Collector::default();
        c.json_ld(
            r#"{"@type": "NewsArticle",
                "author": {"@type": "Organization", "name": "Example News"},
                "publisher": {"@type": "Organization", "name": "Example News"}}"#,
        );
        assert_eq!(c.finish(None, "").authors, ["Example News"]);
    }

    #[test]
    fn foreign_words_for_by_count_only_off_english_pages() {
        let mut c = Collector::default();
        c.html_lang("en-US");
        c.block("Door Straps");
        assert!(c.finish(None, "").authors.is_empty());
        let mut c = Collector::default();
        c.html_lang("nl");
        c.block("Door Jan Jansen");
        assert_eq!(c.finish(None, "").authors, ["Jan Jansen"]);
    }

    #[test]
    fn template_placeholders_are_no_authors() {
        let mut c = Collector::default();
        meta(&mut c, "author", "page.head.extra.author");
        c.byline("Jane Doe", true);
        assert_eq!(c.finish(None, "").authors, ["Jane Doe"]);
        for name in [
            "jane.doe",
            "jane.q.doe",
            "jane.doe@example.com",
            "J.R.R. Doe",
        ] {
            let mut c = Collector::default();
            meta(&mut c, "author", name);
            assert_eq!(c.finish(None, "").authors, [name]);
        }
    }

    #[test]
    fn a_label_line_is_no_part_of_the_name_under_it() {
        // An author box: label, the avatar's initials, the name, the bio.
        let mut c = Collector::default();
        c.byline(
            "The Author\nJD\nJane Doe\nAs a gardener, I have planted many gardens.",
            true,
        );
        assert_eq!(c.finish(None, "").authors, ["Jane Doe"]);
    }

    #[test]
    fn an_h1_that_loses_a_separator_of_the_declared_title_shows_it() {
        assert_eq!(
            title_with(
                &[("og:title", "Question - Which graphics card to buy?")],
                "Question Which graphics card to buy?"
            )
            .as_deref(),
            Some("Question - Which graphics card to buy?")
        );
        // Other words than the separator: the h1 stays.
        assert_eq!(
            title_with(
                &[("og:title", "Question - Which graphics card to buy?")],
                "Question: Which graphics card to buy?"
            )
            .as_deref(),
            Some("Question: Which graphics card to buy?")
        );
    }

    #[test]
    fn only_h1_worded_apart_from_the_seo_title() {
        // The one h1 is the headline readers see, though the declared title is reworded.
        let mut c = Collector::default();
        meta(
            &mut c,
            "og:title",
            "Easy Car Maintenance Checklist | Example Insurance",
        );
        h1(&mut c, "A Car Maintenance Schedule That's Easy to Follow");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("A Car Maintenance Schedule That's Easy to Follow")
        );
        // Not an h1 in the footer or a link, nor one of several.
        let mut c = Collector::default();
        meta(&mut c, "og:title", "Easy Car Maintenance Checklist");
        c.heading(1, "Return to the Example Website", true);
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("Easy Car Maintenance Checklist")
        );
        let mut c = Collector::default();
        meta(&mut c, "og:title", "Easy Car Maintenance Checklist");
        h1(&mut c, "A Car Maintenance Schedule That's Easy to Follow");
        h1(&mut c, "Maintenance Plans Near You");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("Easy Car Maintenance Checklist")
        );
    }

    #[test]
    fn h1_showing_the_seo_title() {
        // The h1 prints the SEO title: what follows its pipe is not the headline.
        let mut c = Collector::default();
        meta(
            &mut c,
            "og:title",
            "Best Movers in NYC 2025 | Top 19 Companies | Movr",
        );
        meta(&mut c, "og:site_name", "Movr");
        h1(&mut c, "Best Movers in NYC 2025 | Top 19 Companies");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("Best Movers in NYC 2025")
        );
        // Nor its site name after a dash.
        let mut c = Collector::default();
        meta(&mut c, "og:site_name", "Artlyst");
        c.title_tag("Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst - Artlyst");
        h1(
            &mut c,
            "Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst",
        );
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("Critics’ Choice: Best UK Art Exhibitions 2025")
        );
        // A short head is a section name.
        assert_eq!(
            headline_part("Blog | How to Plant Tomatoes"),
            "Blog | How to Plant Tomatoes"
        );
        // Nor the post's date printed before the headline.
        assert_eq!(
            title_with(
                &[("og:title", "Preparing a transition in Debusine")],
                "Dec 18 2025 Preparing a transition in Debusine"
            )
            .as_deref(),
            Some("Preparing a transition in Debusine")
        );
    }

    #[test]
    fn headline_cut_short_gives_way_to_the_full_title() {
        let mut c = Collector::default();
        c.json_ld(r#"{"@type": "Article", "headline": "We Help 4 Readers (Including"}"#);
        meta(
            &mut c,
            "og:title",
            "We Help 4 Readers (Including One Trick) - Example Blog",
        );
        meta(&mut c, "og:site_name", "Example Blog");
        assert_eq!(
            c.finish(None, "").title.as_deref(),
            Some("We Help 4 Readers (Including One Trick)")
        );
    }

    #[test]
    fn host_name_before_the_title() {
        let url = Url::parse("https://example.com/2025/vibe").unwrap();
        let mut c = Collector::default();
        c.title_tag("example.com Vibe Coding");
        assert_eq!(
            c.finish(Some(&url), "").title.as_deref(),
            Some("Vibe Coding")
        );
        // Before a separator, the usual rules decide ("example.com -- News" is kept).
        let mut c = Collector::default();
        c.title_tag("example.com -- Steelers' turf is terrible");
        assert_eq!(
            c.finish(Some(&url), "").title.as_deref(),
            Some("example.com -- Steelers' turf is terrible")
        );
    }

    #[test]
    fn scholarly_authors() {
        let mut c = Collector::default();
        meta(&mut c, "citation_author", "Roy, Aniruddha");
        meta(&mut c, "citation_author", "Jyoti Patel");
        meta(&mut c, "citation_author", "Doe, Jane, MD");
        meta(&mut c, "dc.creator", "Aniruddha Roy");
        assert_eq!(
            c.finish(None, "").authors,
            ["Aniruddha Roy", "Jyoti Patel", "Doe, Jane, MD"]
        );
        assert_eq!(first_name_first("Jane Doe, MD"), "Jane Doe, MD");
    }

    #[test]
    fn byline_elements_read_by_their_blocks() {
        // Name, then the bio in a block of its own.
        assert_eq!(
            byline_part_names(
                "Trevor Jackins\nTrevor Jackins is a Senior Manager at Example.",
                true
            ),
            ["Trevor Jackins"]
        );
        // A kicker first; a label on its own line goes with the name after it.
        assert_eq!(
            byline_part_names("Tech Industry\nby\nSteven Musil\nJanuary 18, 2017", true),
            ["Steven Musil"]
        );
        assert_eq!(
            byline_part_names("Dec 17, 2025\nAlex David,\nJulian K. Arni", true),
            ["Alex David", "Julian K. Arni"]
        );
        // A date before the names is passed over; a label is not a name.
        assert_eq!(
            byline_part_names("Dec. 19, 2025 · Niko Matsakis on behalf of the group", true),
            ["Niko Matsakis"]
        );
        assert_eq!(
            byline_part_names("Oct 30, 2025 Alex David and Julian K. Arni", true),
            ["Alex David", "Julian K. Arni"]
        );
        assert!(byline_part_names("February 8, 2022 • 10 mins read", true).is_empty());
        assert!(byline_part_names("Researched by", true).is_empty());
        // The category or the time after the name; a bio's first words are no name.
        assert_eq!(
            byline_part_names("By Fred Smith in Workshop Woodworking", true),
            ["Fred Smith"]
        );
        assert_eq!(
            byline_part_names("Posted by David at 10:04", true),
            ["David"]
        );
        assert!(byline_part_names("Dan lives in Alberta with his bikes", true).is_empty());
        assert_eq!(byline_part_names("Example Team →", true), ["Example Team"]);
        // One line: read whole, as before.
        assert_eq!(byline_part_names("By Jane Doe | Staff", true), ["Jane Doe"]);
        // Across blocks, phrases of a sentence are not names.
        assert!(
            byline_part_names(
                "Our methodology\nOur method combines user testing, in-depth feature analysis, and more.",
                true
            )
            .is_empty()
        );
        // A cut-off text gives a name only from its first lines, in full.
        assert!(byline_part_names("A note from Sleyca\n*****Notes*****", false).is_empty());
        assert_eq!(byline_part_names("By\nJane Doe", false), ["Jane Doe"]);
    }

    #[test]
    fn shown_dates_weighed_against_declared_ones() {
        // The date under the headline is the declared modification: the page was
        // published on the declared day.
        let mut c = Collector::default();
        h1(&mut c, "Rain in Spain");
        c.block("October 26, 2025");
        c.json_ld(
            r#"{"@type": "Article", "datePublished": "2024-02-21T11:54:45+00:00",
                "dateModified": "2025-10-26T18:41:45+00:00"}"#,
        );
        let m = c.finish(None, "");
        assert_eq!(m.published.as_deref(), Some("2024-02-21T11:54:45+00:00"));
        assert_eq!(m.modified.as_deref(), Some("2025-10-26T18:41:45+00:00"));

        // The update date shown beside the headline wins over the declared one.
        let mut c = Collector::default();
        h1(&mut c, "Rain in Spain");
        c.block("Updated August 14, 2025");
        c.json_ld(r#"{"@type": "Article", "dateModified": "2025-11-20T16:06:10Z"}"#);
        assert_eq!(c.finish(None, "").modified.as_deref(), Some("2025-08-14"));

        // A numeric date that reads both ways takes the declared reading.
        let mut c = Collector::default();
        h1(&mut c, "Rain in Spain");
        c.block("09.10.2024");
        meta(&mut c, "article:published_time", "2024-09-10T16:07:00Z");
        assert_eq!(c.finish(None, "").published.as_deref(), Some("2024-09-10"));
        let mut c = Collector::default();
        h1(&mut c, "Rain in Spain");
        c.block("09.10.2024");
        assert_eq!(c.finish(None, "").published.as_deref(), Some("2024-10-09"));
        assert_eq!(swapped_date("13.10.2024", "2024-10-13"), None);
        assert_eq!(swapped_date("10.10.2024", "2024-10-10"), None);
    }

    #[test]
    fn headline_found_by_the_title_without_an_h1() {
        // A headline in a styled div: the date line under it is the page's date.
        let mut c = Collector::default();
        c.title_tag("Rain in Spain - Example News");
        c.block("March 3, 2020");
        c.block("Home");
        c.block("Weather");
        c.block("Rain in Spain");
        c.block("By Jane Doe April 3, 2024");
        let m = c.finish(None, "");
        assert_eq!(m.title.as_deref(), Some("Rain in Spain"));
        assert_eq!(m.published.as_deref(), Some("2024-04-03"));
        assert_eq!(m.authors, ["Jane Doe"]);
    }

    #[test]
    fn dated_bylines_name_the_author() {
        let author = |lines: &[&str]| {
            let mut c = Collector::default();
            c.block("Careers");
            h1(&mut c, "Rain in Spain");
            for line in lines {
                c.block(line);
            }
            c.finish(None, "").authors
        };
        assert_eq!(
            author(&["Dec 26, 2025 • Jane Doe in Careers"]),
            ["Jane Doe"]
        );
        assert_eq!(author(&["2025-12-17 · Jane Doe"]), ["Jane Doe"]);
        assert_eq!(
            author(&["Jane Doe | Senior Writer | July 2, 2025"]),
            ["Jane Doe"]
        );
        assert_eq!(
            author(&["Jane Doe\nAP Sports Writer\nDec. 31, 2007 11:14 AM"]),
            ["Jane Doe"]
        );
        // Section names, date words and lines far from the headline name no one.
        assert!(author(&["Careers · May 17, 2024"]).is_empty());
        assert!(author(&["Updated Fri. Jan. 11 2008 10:56 PM ET"]).is_empty());
        assert!(author(&["Last Update: 12/30/2007 11:25 am"]).is_empty());
        assert!(author(&["Lead", "Image", "Caption", "Jane Doe · May 17, 2024"]).is_empty());
        // A date with a name in the headline's own text.
        let mut c = Collector::default();
        h1(&mut c, "Development Update 2024-10-04");
        c.block("Development Update 2024-10-04");
        assert!(c.finish(None, "").authors.is_empty());
        // A section number is no date.
        assert_eq!(
            without_leading_date("3.1 Git Branching"),
            "3.1 Git Branching"
        );
        assert_eq!(without_leading_date("17.05.2024 · Jane Doe"), "Jane Doe");
    }

    #[test]
    fn visible_date_lines() {
        // The date shown under the headline wins over the declared one.
        let mut c = Collector::default();
        c.block("Home");
        c.block("March 3, 2020");
        h1(&mut c, "Rain in Spain");
        c.block("By Jane Doe · May 17, 2024");
        meta(
            &mut c,
            "article:published_time",
            "2024-05-16T22:00:00-04:00",
        );
        assert_eq!(c.finish(None, "").published.as_deref(), Some("2024-05-17"));

        // A line that says it is an update's date gives the modified date; the published
        // one comes from the page's declarations.
        let mut c = Collector::default();
        h1(&mut c, "Rain in Spain");
        c.block("Last updated: 2024-06-01");
        c.json_ld(r#"{"@type": "Article", "datePublished": "2024-05-01"}"#);
        let m = c.finish(None, "");
        assert_eq!(m.published.as_deref(), Some("2024-05-01"));
        assert_eq!(m.modified.as_deref(), Some("2024-06-01"));

        // With nothing declared, the update line is the best date there is.
        let mut c = Collector::default();
        h1(&mut c, "Rain in Spain");
        c.block("Aktualisiert am 17.05.2024");
        assert_eq!(c.finish(None, "").published.as_deref(), Some("2024-05-17"));

        // Lines before the headline count double; lines too far away not at all.
        let mut c = Collector::default();
        c.block("May 1, 2024");
        c.block("Weather");
        h1(&mut c, "Rain in Spain");
        c.block("Lead paragraph.");
        c.block("Posted 2024-05-17");
        assert_eq!(c.finish(None, "").published.as_deref(), Some("2024-05-17"));
        let mut c = Collector::default();
        h1(&mut c, "Rain in Spain");
        for _ in 0..=DATE_LINE_REACH {
            c.block("A paragraph of the article.");
        }
        c.block("May 1, 2024");
        assert_eq!(c.finish(None, "").published, None);

        // Long blocks are paragraphs that mention a date, not date lines.
        let mut c = Collector::default();
        h1(&mut c, "Rain in Spain");
        c.block(&format!(
            "On May 1, 2024 it rained. {}",
            "It rained more. ".repeat(10)
        ));
        assert_eq!(c.finish(None, "").published, None);
    }

    #[test]
    fn labelled_date_lines_reach_further() {
        // A "Published" label and its date in a sidebar far from the headline.
        let mut c = Collector::default();
        h1(&mut c, "Rain in Spain");
        for _ in 0..=DATE_LINE_REACH {
            c.block("A paragraph of the article.");
        }
        c.block("Published");
        c.block("July 8, 2025");
        c.block("Related story");
        c.block("July 1, 2025");
        assert_eq!(c.finish(None, "").published.as_deref(), Some("2025-07-08"));

        // A label reads only for the block right after it.
        let mut c = Collector::default();
        h1(&mut c, "Rain in Spain");
        for _ in 0..=DATE_LINE_REACH {
            c.block("A paragraph of the article.");
        }
        c.block("Published");
        c.block("A caption");
        c.block("July 8, 2025");
        assert_eq!(c.finish(None, "").published, None);

        // A label saying "Last updated" makes its date the modified one.
        let mut c = Collector::default();
        h1(&mut c, "Rain in Spain");
        c.block("Last updated:");
        c.block("July 8, 2025");
        meta(&mut c, "article:published_time", "2025-07-01");
        let m = c.finish(None, "");
        assert_eq!(m.published.as_deref(), Some("2025-07-01"));
        assert_eq!(m.modified.as_deref(), Some("2025-07-08"));

        // The headline is the first h1 when the title comes from elsewhere; a name
        // glued to the date by a bullet.
        let mut c = Collector::default();
        meta(&mut c, "og:title", "Something else entirely");
        h1(&mut c, "Rain in Spain");
        c.block("Jane Doe•Oct 20, 2025");
        assert_eq!(c.finish(None, "").published.as_deref(), Some("2025-10-20"));
    }

    #[test]
    fn dates_in_lines() {
        let cases = [
            ("Published on Friday, May 17, 2024", Some("2024-05-17")),
            ("Dec. 19, 2025 · Jane Doe", Some("2025-12-19")),
            ("by: Jane Doe, Dec 17, 2025", Some("2025-12-17")),
            ("Posted 2024-05-17 by Jane", Some("2024-05-17")),
            ("Last updated: 2024-05-17T10:00:00Z", Some("2024-05-17")),
            ("Copyright 2024", None),
            ("Call 555-0100", None),
            ("17.05.24 · 3 comments · $19.99", None),
            ("by Jane Doe, 17.05.2024", Some("2024-05-17")),
        ];
        for (line, want) in cases {
            assert_eq!(text_date(line).as_deref().map(|d| &d[..10]), want, "{line}");
        }
    }

    #[test]
    fn url_dates() {
        let cases = [
            ("/news/2024/05/17/rain/", Some("2024-05-17")),
            ("/2024/5/7/rain", Some("2024-05-07")),
            ("/blog/2024-05-17-rain-in-spain", Some("2024-05-17")),
            ("/a/20240517/rain", Some("2024-05-17")),
            ("/story/12345678/rain", None),
            ("/2024/05/rain", None),
            ("/2024/13/40/rain", None),
            ("/products/1200/34/56", None),
            ("/", None),
        ];
        for (path, want) in cases {
            assert_eq!(url_date(path).as_deref(), want, "{path}");
        }
    }

    #[test]
    fn english_function_words_settle_english() {
        let english = "The rain in Spain falls mainly on the plain, the forecasters said on \
            Monday, as the wettest spring in a decade swept across the central plateau.";
        assert!(english_share(english) >= ENGLISH_FUNCTION_SHARE);
        assert_eq!(detect_language(english).as_deref(), Some("en"));
        let french = "La pluie en Espagne tombe surtout dans la plaine, ont déclaré lundi \
            les météorologues, alors que le printemps le plus humide depuis dix ans \
            traversait le plateau central.";
        assert!(english_share(french) < 0.05);
        assert_eq!(detect_language(french).as_deref(), Some("fr"));
        assert_eq!(english_share(""), 0.0);
        assert!(
            ENGLISH_FUNCTION_KEYS.windows(2).all(|w| w[0] < w[1]),
            "binary search needs ascending keys"
        );
        assert!(word_key(b"the") < word_key(b"their") && word_key(b"a") < word_key(b"and"));
        // Words glued to non-ASCII letters or longer than any function word never match.
        assert_eq!(english_share("théory thereby “the"), 0.0);
    }

    #[test]
    fn language() {
        let german = "Der Regen in Spanien fällt vor allem in der Ebene, sagten die \
            Meteorologen am Montag, während der nasseste Frühling seit einem Jahrzehnt \
            über die zentrale Hochebene zog. Die Bauern begrüßten den Regen nach zwei \
            trockenen Jahren, obwohl mehrere Straßen gesperrt wurden.";
        assert_eq!(
            Collector::default()
                .finish(None, german)
                .language
                .as_deref(),
            Some("de")
        );
        assert_eq!(Collector::default().finish(None, "Kurz.").language, None);

        let mut c = Collector::default();
        c.html_lang(" en-US ");
        assert_eq!(c.finish(None, german).language.as_deref(), Some("en-US"));

        let mut c = Collector::default();
        c.html_lang("{{ lang }}");
        c.meta(None, None, Some("Content-Language"), None, "fr, en");
        assert_eq!(c.finish(None, german).language.as_deref(), Some("fr"));

        let mut c = Collector::default();
        meta(&mut c, "og:locale", "pt_BR");
        assert_eq!(c.finish(None, "").language.as_deref(), Some("pt-BR"));
    }

    #[test]
    fn canonical_description_image_site() {
        let mut c = Collector::default();
        c.link("alternate", "/feed");
        c.link("Canonical", "/news/rain");
        meta(&mut c, "og:url", "https://other.example/");
        meta(&mut c, "description", "Meta description");
        meta(&mut c, "twitter:image", "https://example.com/t.jpg");
        meta(&mut c, "application-name", "App Name");
        let m = c.finish(Some(&page()), "");
        assert_eq!(
            m.canonical_url.as_deref(),
            Some("https://example.com/news/rain")
        );
        assert_eq!(m.description.as_deref(), Some("Meta description"));
        assert_eq!(m.image.as_deref(), Some("https://example.com/t.jpg"));
        assert_eq!(m.site_name.as_deref(), Some("App Name"));

        let mut c = Collector::default();
        c.link("canonical", "javascript:void(0)");
        meta(&mut c, "og:url", "https://example.com/og");
        meta(&mut c, "og:description", "OG description");
        meta(&mut c, "description", "Meta description");
        meta(&mut c, "og:image", "/og.jpg");
        meta(&mut c, "og:type", "article");
        c.json_ld(r#"{"@type": "Article", "publisher": {"name": "Publisher"}}"#);
        let m = c.finish(Some(&page()), "");
        assert_eq!(m.canonical_url.as_deref(), Some("https://example.com/og"));
        assert_eq!(m.description.as_deref(), Some("OG description"));
        assert_eq!(m.image.as_deref(), Some("https://example.com/og.jpg"));
        assert_eq!(m.site_name.as_deref(), Some("Publisher"));
        assert_eq!(m.page_type.as_deref(), Some("article"));
    }

    #[test]
    fn tags_deduplicated_in_order() {
        let mut c = Collector::default();
        meta(&mut c, "article:tag", "Rain");
        meta(&mut c, "article:tag", "Spain");
        meta(&mut c, "keywords", "rain, weather, , Plain");
        c.json_ld(r#"{"@type": "Article", "keywords": ["PLAIN", "Farming"]}"#);
        assert_eq!(
            c.finish(None, "").tags,
            ["Rain", "Spain", "weather", "Plain", "Farming"]
        );
    }

    #[test]
    fn a_list_packed_into_the_only_article_tag_is_split() {
        let mut c = Collector::default();
        meta(&mut c, "article:tag", "sally ride, obituary");
        meta(&mut c, "keywords", "sally ride, obituary");
        assert_eq!(c.finish(None, "").tags, ["sally ride", "obituary"]);
        // Several tags stay whole, commas and all.
        let mut c = Collector::default();
        meta(&mut c, "article:tag", "Mayer, Marissa");
        meta(&mut c, "article:tag", "Yahoo");
        assert_eq!(c.finish(None, "").tags, ["Mayer, Marissa", "Yahoo"]);
    }

    #[test]
    fn separators_as_a_search_for_each_alone_finds_them() {
        for title in [
            "a - - b | c — d",
            " - - - ",
            "Rain :: in · Spain • x » y – z |",
            "a -  - b",
            "|||",
            "",
        ] {
            let mut want: Vec<(usize, usize)> = TITLE_SEPARATORS
                .iter()
                .flat_map(|sep| title.match_indices(sep).map(|(at, s)| (at, at + s.len())))
                .collect();
            want.sort_unstable();
            assert_eq!(separators(title), want, "{title}");
        }
        assert_eq!(separators("a - - b | c — d"), [(1, 4), (7, 10), (11, 16)]);
    }

    #[test]
    fn site_names_lose_dangling_separators_and_taglines() {
        let mut c = Collector::default();
        meta(&mut c, "og:site_name", "Example Marathon -");
        assert_eq!(
            c.finish(None, "").site_name.as_deref(),
            Some("Example Marathon")
        );
        assert_eq!(
            site_without_tagline("Columbia Star - Columbia's locally owned weekly since 1963"),
            "Columbia Star"
        );
        // A dash inside a name, or before a shorter part, is the name's own.
        assert_eq!(site_without_tagline("Ask - Answer"), "Ask - Answer");
        assert_eq!(
            site_without_tagline("Find a Provider Near You - Sofia Health"),
            "Find a Provider Near You - Sofia Health"
        );
        assert_eq!(site_without_tagline(" | "), "");
    }

    #[test]
    fn empty_page() {
        assert_eq!(Collector::default().finish(None, ""), Metadata::default());
    }

    #[test]
    fn entities_decoded() {
        assert_eq!(
            decode_entities("a &amp; b &#8217; &#x41; &bogus; &"),
            "a & b ’ A &bogus; &"
        );
    }
}
