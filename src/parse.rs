//! Parse HTML with html5ever in time linear in the input, whatever its nesting.
//!
//! html5ever's tree builder checks element scopes by walking the whole stack of open
//! elements, and reconstructs the whole list of active formatting elements before most
//! tokens, so a page nested `d` levels deep costs `O(n·d)`: 100,000 nested `<div>`s take
//! half a minute (servo/html5ever#788). Browsers cap the tree at 512 levels. Here a
//! [`TokenSink`] sits between the tokenizer and the tree builder, measures the builder's
//! real state before every start tag and drops start tags (and their end tags) while it is
//! at the limit; text is always forwarded, so a flattened subtree keeps its words and only
//! loses its structure.
//!
//! The same sink caps the number of nodes built ([`Limits::max_nodes`]): past it the rest
//! of the page is not built at all, so memory stays bounded whatever the input.
//!
//! One cost lies before the sink, in the tokenizer: it checks every attribute name against
//! the tag's earlier ones, so a tag with `k` attributes costs `O(k²)` (a 10 MB tag of
//! `a1=1 a2=1 ...` would take minutes). [`prepare`] cuts tags to [`MAX_ATTRIBUTES`]
//! before the tokenizer sees them.
//!
//! The same pre-pass takes out what extraction never reads: the bodies of `<style>`, of
//! every `<script>` but JSON-LD, and of `<svg>` drawings. They are nearly half of a modern
//! page's bytes (46 % of wcxb-dev's, 16 % of l3s-gn1's), and the tokenizer reads them byte
//! by byte into nodes the segmenter skips; the elements themselves stay, empty.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use html5ever::interface::ElemName;
use html5ever::interface::Tracer;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, EndTag, StartTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, ExpandedName, LocalName, QualName, TokenizerResult, local_name, ns};
use markup5ever_rcdom::{Handle, Node, NodeData, RcDom};

/// How much tree the parser may build; see `Options::max_depth` and `Options::max_nodes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    /// Most elements the tree builder holds open (as [`Held::elements`] counts them).
    pub max_depth: usize,
    /// Most nodes (elements, comments, processing instructions) created; the rest of the
    /// page after the node that reaches it is not built.
    pub max_nodes: usize,
}

/// What the parser had to give up on an input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ParseReport {
    /// Some start tags were dropped because the tree was at the depth limit.
    pub depth_limited: bool,
    /// Start tags dropped (their elements' text was kept, their structure lost).
    pub dropped_tags: u64,
    /// The tree reached [`Limits::max_nodes`] and the rest of the page was not built:
    /// its text is lost.
    pub node_limited: bool,
    /// Some tag had more than [`MAX_ATTRIBUTES`] attributes; the rest were dropped.
    pub attributes_limited: bool,
}

impl ParseReport {
    /// Whether anything was flattened or cut.
    pub fn truncated(&self) -> bool {
        self.depth_limited || self.node_limited || self.attributes_limited
    }
}

/// Parse `html` into an RcDom, never letting more than `max_depth` counted elements be open
/// in the tree builder, nor more than `max_nodes` nodes be created.
///
/// Counted are the tree builder's open elements plus its active formatting elements (both
/// are walked per token, so both must be bounded). A start tag arriving when the count is
/// `max_depth` or more is dropped, except void elements (they never stay open) and elements
/// whose content the tokenizer must read as raw text (`script`, `style`, `textarea`, ...:
/// dropping them would turn code into visible text). Formatting start tags (`<b>`, `<a>`,
/// ...) are dropped earlier, at [`MAX_FORMATTING`] formatting elements held, because the
/// builder clones every active one back into the tree after a block closes them. One token
/// can push at most the active formatting elements back on the stack, so the stack stays
/// under `max_depth + MAX_FORMATTING` and the parse costs `O(len · max_depth)`. The tree
/// is built in [`Dom`], RcDom with two of its own quadratic paths made linear.
pub(crate) fn parse(html: &str, limits: Limits) -> (RcDom, ParseReport) {
    let limit = DepthLimit {
        inner: TreeBuilder::new(
            Dom::default(),
            TreeBuilderOpts {
                // As a browser without JavaScript: `<noscript>` holds markup, which the
                // segmenter can reveal when the scripted page shows no article.
                scripting_enabled: false,
                ..TreeBuilderOpts::default()
            },
        ),
        max_depth: limits.max_depth,
        max_nodes: limits.max_nodes,
        node_limited: Cell::new(false),
        pending_drops: RefCell::new(HashMap::new()),
        measured: Cell::new(None),
        unchanged: Cell::new(false),
        dropped: Cell::new(0),
    };
    let tokenizer = Tokenizer::new(limit, TokenizerOpts::default());
    let (prepared, attributes_limited) = prepare(html, MAX_ATTRIBUTES);
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(&prepared));
    // `Script` asks the caller to run a script and `EncodingIndicator` to restart with
    // another encoding: neither applies, so both just continue.
    while !matches!(tokenizer.feed(&queue), TokenizerResult::Done) {}
    tokenizer.end();
    let dropped = tokenizer.sink.dropped.get();
    let node_limited = tokenizer.sink.node_limited.get();
    let dom = tokenizer.sink.inner.sink.finish();
    let report = ParseReport {
        depth_limited: dropped > 0,
        dropped_tags: dropped,
        node_limited,
        attributes_limited,
    };
    (dom, report)
}

/// A token sink that forwards to the tree builder `inner` but drops start tags while the
/// builder holds `max_depth` or more elements.
struct DepthLimit<Sink: TreeSink> {
    inner: TreeBuilder<Sink::Handle, Sink>,
    max_depth: usize,
    /// Past this many nodes created (see [`NodeCount`]) every token is dropped.
    max_nodes: usize,
    /// Whether tokens were dropped for [`DepthLimit::max_nodes`].
    node_limited: Cell<bool>,
    /// Per tag name, start tags dropped whose end tags have not arrived yet: the next end
    /// tags of that name are dropped too, so they do not close a kept ancestor early.
    pending_drops: RefCell<HashMap<LocalName, u64>>,
    /// Start tags dropped.
    dropped: Cell<u64>,
    /// The last exact measure of what the tree builder holds.
    measured: Cell<Option<Measured>>,
    /// Whether no token reached the tree builder since that measure, so it still holds
    /// exactly that: the run of start tags dropped at the limit is then checked in `O(1)`
    /// each, not `O(held)` (200,000 nested `<ul><li>`: 15 s in a debug build before).
    unchanged: Cell<bool>,
}

/// What the tree builder held at one moment, and how many nodes had been created then.
#[derive(Debug, Clone, Copy)]
struct Measured {
    held: Held,
    /// [`NodeCount::nodes_created`] at the time.
    nodes: usize,
    /// [`NodeCount::formatting_created`] at the time.
    formatting: usize,
}

/// Most handles the tree builder traces per node created: the stack of open elements, the
/// list of active formatting elements and the `<head>` or `<form>` pointer each hold a node
/// once at most.
///
/// Every handle that the builder starts to hold is a node just created: it pushes new
/// elements on the stack, and the reconstruction of formatting elements and the adoption
/// agency put clones, not the old elements, back. So what the builder holds now is at most
/// the last measure plus this many per node created since, and a start tag needs an exact
/// (`O(held)`) measure only when that bound reaches the limit: once every hundred or so
/// nodes on ordinary pages, instead of before every start tag (4 % of the extraction's
/// instructions on wcxb-dev).
const HANDLES_PER_NODE: usize = 3;

impl<Sink: TreeSink + NodeCount> DepthLimit<Sink>
where
    Sink::Handle: Clone,
{
    /// What the tree builder holds now, in `O(held)`: no more than the builder itself
    /// spends on the next token.
    fn held(&self) -> Held {
        let counter = Counter {
            sink: &self.inner.sink,
            held: Cell::new(Held::default()),
            seen_document: Cell::new(false),
        };
        self.inner.trace_handles(&counter);
        counter.held.get()
    }

    /// Whether a start tag `name` must be dropped: [`Held::is_full`], measured only when the
    /// bound from the last measure (see [`HANDLES_PER_NODE`]) does not rule it out.
    fn is_full(&self, name: &LocalName) -> bool {
        let sink = &self.inner.sink;
        let (nodes, formatting) = (sink.nodes_created(), sink.formatting_created());
        if let Some(m) = self.measured.get() {
            if self.unchanged.get() {
                return m.held.is_full(name, self.max_depth);
            }
            let bound = Held {
                elements: m.held.elements + HANDLES_PER_NODE * (nodes - m.nodes),
                formatting: m.held.formatting + HANDLES_PER_NODE * (formatting - m.formatting),
            };
            if !bound.is_full(name, self.max_depth) {
                #[cfg(debug_assertions)]
                {
                    let held = self.held();
                    debug_assert!(
                        held.elements <= bound.elements && held.formatting <= bound.formatting,
                        "{held:?} over the bound {bound:?}"
                    );
                }
                return false;
            }
        }
        let held = self.held();
        self.measured.set(Some(Measured {
            held,
            nodes,
            formatting,
        }));
        self.unchanged.set(true);
        held.is_full(name, self.max_depth)
    }
}

impl<Sink: TreeSink + NodeCount> TokenSink for DepthLimit<Sink>
where
    Sink::Handle: Clone,
{
    type Handle = Sink::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Sink::Handle> {
        // Counted at the sink, not per token: the builder also creates implied elements
        // (`</p>` alone makes a `<p>`) and clones of formatting elements. One token creates
        // a few implied elements plus at most the active formatting elements' clones
        // (bounded by `MAX_FORMATTING`), so the cap overshoots by no more than that.
        if self.inner.sink.nodes_created() >= self.max_nodes {
            if !matches!(token, Token::ParseError(_) | Token::EOFToken) {
                self.node_limited.set(true);
            }
            return TokenSinkResult::Continue;
        }
        if let TagToken(ref tag) = token {
            match tag.kind {
                StartTag => {
                    if !never_dropped(&tag.name) && self.is_full(&tag.name) {
                        *self
                            .pending_drops
                            .borrow_mut()
                            .entry(tag.name.clone())
                            .or_default() += 1;
                        self.dropped.set(self.dropped.get() + 1);
                        return TokenSinkResult::Continue;
                    }
                }
                EndTag => {
                    let mut pending = self.pending_drops.borrow_mut();
                    if let Some(count) = pending.get_mut(&tag.name) {
                        *count -= 1;
                        if *count == 0 {
                            pending.remove(&tag.name);
                        }
                        return TokenSinkResult::Continue;
                    }
                }
            }
        }
        self.unchanged.set(false);
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Most attributes kept on one tag; later ones are cut before tokenizing. Real tags carry
/// a handful; 1,024 bounds the tokenizer's duplicate check to half a million name
/// comparisons per tag, about 0.3 ms.
const MAX_ATTRIBUTES: usize = 1024;

/// `html` as the tokenizer gets it: every tag's attributes past the first `max` removed,
/// and what extraction never reads: the bodies of [`UNREAD_RAW_TEXT`] elements (but
/// JSON-LD scripts) and of drawings ([`svg_body_end`]), the text of comments longer than
/// [`KEPT_COMMENT`], and the attributes that [`is_unread_attribute`] names, with their
/// values (`Cow::Borrowed` when there is nothing to remove); and whether some tag had more
/// than `max` attributes.
///
/// A linear scan for tags that follows the tokenizer closely enough for this one purpose:
/// it skips comments ([`comment_end`]), `<!...>` and `<?...>` and the contents of the
/// raw-text elements (`script` by [`script_end`], `style`, `textarea`, `title`, ...), and
/// reads attribute values with their quotes. Where it disagrees with the tokenizer
/// (foreign content, CDATA sections) a long tag may go uncut, or a cut may fall in text
/// that the tokenizer reads as text; either needs more than `max` attribute-like words
/// before a `>`, which real pages never have.
fn prepare(html: &str, max: usize) -> (Cow<'_, str>, bool) {
    let bytes = html.as_bytes();
    // Byte ranges to remove, in order: unread attributes, from the start of attribute
    // `max + 1` to the tag's end, and unread bodies of comments, raw text and drawings.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut attributes_limited = false;
    // Per raw-text element, a position from which its end tag is known to be absent: a
    // later unclosed one is not searched for again (`<iframe>` times thousands stays
    // linear).
    let mut no_end_from = [usize::MAX; RAW_TEXT.len()];
    let mut svg_budget = bytes.len().saturating_mul(SVG_SCAN_BYTES_PER_BYTE);
    let mut i = 0;
    while let Some(at) = find(bytes, i, b"<") {
        i = at + 1;
        let rest = bytes.get(i..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            let Some((body_end, end)) = comment_end(bytes, at) else {
                break;
            };
            if body_end - (at + 4) > KEPT_COMMENT {
                cuts.push((at + 4, body_end));
            }
            i = end;
            continue;
        }
        let end_tag = rest.first() == Some(&b'/');
        let name_start = if end_tag { i + 1 } else { i };
        match bytes.get(name_start) {
            Some(b) if b.is_ascii_alphabetic() => {}
            Some(b'!' | b'?') if !end_tag => {
                i = find(bytes, i, b">").map_or(bytes.len(), |end| end + 1);
                continue;
            }
            _ => continue,
        }
        let mut j = skip_to(bytes, name_start, SPACE | SLASH | GT);
        let name = bytes.get(name_start..j).unwrap_or_default();
        let mut count = 0;
        let mut cut_from = None;
        // Attributes as the tokenizer reads them: a name (whose first character may be
        // `=`), then optionally `=` and a quoted or unquoted value.
        loop {
            j = skip_over(bytes, j, SPACE | SLASH);
            if matches!(bytes.get(j), None | Some(b'>')) {
                break;
            }
            count += 1;
            if count == max + 1 {
                cut_from = Some(j);
            }
            let attribute_start = j;
            j = skip_to(bytes, j + 1, SPACE | SLASH | GT | EQUALS);
            let unread = count <= max && is_unread_on(name, &bytes[attribute_start..j]);
            let k = skip_over(bytes, j, SPACE);
            if bytes.get(k) != Some(&b'=') {
                continue;
            }
            let k = skip_over(bytes, k + 1, SPACE);
            j = match bytes.get(k) {
                Some(&quote @ (b'"' | b'\'')) => {
                    find(bytes, k + 1, &[quote]).map_or(bytes.len(), |end| end + 1)
                }
                _ => skip_to(bytes, k, SPACE | GT),
            };
            if unread {
                cuts.push((attribute_start, j));
            }
        }
        if let Some(from) = cut_from {
            cuts.push((from, j));
            attributes_limited = true;
        }
        i = j;
        if end_tag {
            continue;
        }
        if let Some(k) = RAW_TEXT
            .iter()
            .position(|raw| raw.eq_ignore_ascii_case(name))
        {
            let raw = &RAW_TEXT[k];
            // Raw text up to the matching end tag.
            let body_end = if *raw == b"script" {
                script_end(bytes, i)
            } else {
                let end = if i >= no_end_from[k] {
                    None
                } else {
                    find_end_tag(bytes, i, raw)
                };
                if end.is_none() {
                    no_end_from[k] = no_end_from[k].min(i);
                }
                match end {
                    Some(end) => end,
                    None if UNSHOWN_RAW_TEXT.contains(raw) => {
                        // Unclosed, it would swallow the rest of the page: drop its start tag
                        // (and the cuts inside it) so the rest is read as markup.
                        while cuts.last().is_some_and(|&(from, _)| from >= at) {
                            cuts.pop();
                        }
                        cuts.push((at, (j + 1).min(bytes.len())));
                        continue;
                    }
                    None => bytes.len(),
                }
            };
            let tag = bytes.get(at..j).unwrap_or_default();
            if bytes.get(j) == Some(&b'>') && UNREAD_RAW_TEXT.contains(raw) && !names_json_ld(tag) {
                cuts.push((j + 1, body_end));
            }
            i = body_end;
        } else if name.eq_ignore_ascii_case(b"svg")
            && bytes.get(j) == Some(&b'>')
            && bytes.get(j.wrapping_sub(1)) != Some(&b'/')
            && let Some(body_end) = svg_body_end(bytes, j + 1, &mut svg_budget)
        {
            cuts.push((j + 1, body_end));
            i = body_end;
        } else if name.eq_ignore_ascii_case(b"plaintext") {
            break;
        }
    }
    if cuts.is_empty() {
        return (Cow::Borrowed(html), attributes_limited);
    }
    let mut out = String::with_capacity(html.len());
    let mut kept_from = 0;
    for (from, to) in cuts {
        // Both ends are ASCII bytes (an attribute's first byte follows ASCII whitespace or
        // `/`, a body follows `>`; `j` stops at `>` or the end, a body at `<` or the end),
        // so both are character boundaries.
        out.push_str(html.get(kept_from..from).unwrap_or_default());
        kept_from = to;
    }
    out.push_str(html.get(kept_from..).unwrap_or_default());
    (Cow::Owned(out), attributes_limited)
}

/// [`skip_to`] and [`skip_over`] classes of the bytes that end a tag's names and values:
/// ASCII whitespace, `/`, `>` and `=`; and of the dashes that end a comment.
const SPACE: u8 = 1;
const SLASH: u8 = 2;
const GT: u8 = 4;
const EQUALS: u8 = 8;
const DASH: u8 = 16;

/// Each byte's class bits ([`SPACE`], [`SLASH`], [`GT`], [`EQUALS`], [`DASH`]; 0 for the
/// rest).
const CLASSES: [u8; 256] = {
    let mut classes = [0; 256];
    classes[b'\t' as usize] = SPACE;
    classes[b'\n' as usize] = SPACE;
    classes[0x0C] = SPACE;
    classes[b'\r' as usize] = SPACE;
    classes[b' ' as usize] = SPACE;
    classes[b'/' as usize] = SLASH;
    classes[b'>' as usize] = GT;
    classes[b'=' as usize] = EQUALS;
    classes[b'-' as usize] = DASH;
    classes
};

/// The first position at or after `from` whose byte is in one of the classes `stop` (the
/// end of `bytes` if none is): a table lookup per byte, where [`prepare`] spends
/// most of its time.
fn skip_to(bytes: &[u8], from: usize, stop: u8) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    let stopped = rest
        .iter()
        .position(|&b| CLASSES[usize::from(b)] & stop != 0);
    from + stopped.unwrap_or(rest.len())
}

/// The first position at or after `from` whose byte is in none of the classes `over`.
fn skip_over(bytes: &[u8], from: usize, over: u8) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    let stopped = rest
        .iter()
        .position(|&b| CLASSES[usize::from(b)] & over == 0);
    from + stopped.unwrap_or(rest.len())
}

/// The first position at or after `from` where `needle` starts.
fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let rest = haystack.get(from..)?;
    let at = match needle {
        [byte] => memchr::memchr(*byte, rest),
        _ => memchr::memmem::find(rest, needle),
    };
    at.map(|at| from + at)
}

/// Longest comment text that [`prepare`] keeps: React's Suspense markers (`$`, `$?`, `$!`,
/// `/$`), which [`crate::streamed`] reads, are this short; longer comments (notes, old
/// pages' conditional comments, whose markup the parser never builds) are emptied, since
/// the tokenizer reads their text one character at a time.
const KEPT_COMMENT: usize = 2;

/// Where the comment opened by the `<!--` at `open` ends, as the tokenizer reads it: the
/// position where its text ends and the one just past its closing `>`. `<!-->` and
/// `<!--->` are empty comments, and `--!>` closes one as `-->` does. `None` when it runs
/// to the end of the input.
fn comment_end(bytes: &[u8], open: usize) -> Option<(usize, usize)> {
    let text = open + 4;
    match bytes.get(text..) {
        Some([b'>', ..]) => return Some((text, text + 1)),
        Some([b'-', b'>', ..]) => return Some((text, text + 2)),
        _ => {}
    }
    let mut from = text;
    loop {
        let dashes = find(bytes, from, b"--")?;
        // A run of dashes: the comment's text ends two dashes before the run does.
        let run_end = skip_over(bytes, dashes, DASH);
        match bytes.get(run_end..) {
            Some([b'>', ..]) => return Some((run_end - 2, run_end + 1)),
            Some([b'!', b'>', ..]) => return Some((run_end - 2, run_end + 2)),
            _ => from = run_end,
        }
    }
}

/// Where the text of a `<script>` starting at `from` ends (the `<` of the end tag that
/// closes it, or the end of the input), following the tokenizer's script states: after
/// `<!--` the text is "escaped" until `-->`, and inside that a `<script>` opens a
/// "double-escaped" stretch in which `</script>` does not end the script (old pages'
/// `<!-- document.write('<script ...></script>') //-->`).
fn script_end(bytes: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut at = from;
    loop {
        let rest = bytes.get(at..).unwrap_or_default();
        let next = if state == State::Data {
            memchr::memchr(b'<', rest)
        } else {
            memchr::memchr2(b'<', b'>', rest)
        };
        let Some(k) = next.map(|k| at + k) else {
            return bytes.len();
        };
        at = k + 1;
        if bytes[k] == b'>' {
            // `-->` (the dashes of the `<!--` that escaped the text count) ends the
            // escaped stretch.
            if bytes[..k].ends_with(b"--") {
                state = State::Data;
            }
            continue;
        }
        let rest = &bytes[at..];
        let end_tag = rest.first() == Some(&b'/');
        let name = &rest[usize::from(end_tag)..];
        let names_script = name.len() > 6
            && name[..6].eq_ignore_ascii_case(b"script")
            && CLASSES[usize::from(name[6])] & (SPACE | SLASH | GT) != 0;
        match state {
            State::Data if rest.starts_with(b"!--") => {
                state = State::Escaped;
                at += 3;
            }
            State::Data | State::Escaped if end_tag && names_script => return k,
            State::Escaped if !end_tag && names_script => {
                state = State::DoubleEscaped;
                at += 6;
            }
            State::DoubleEscaped if end_tag && names_script => {
                state = State::Escaped;
                at += 8;
            }
            _ => {}
        }
    }
}

/// The first position at or after `from` of the end tag `</name` (`name` lowercase),
/// ASCII case-insensitive.
fn find_end_tag(haystack: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    tags_from(haystack, from)
        .find(|&(_, end_tag, n)| end_tag && n.eq_ignore_ascii_case(name))
        .map(|(open, _, _)| open)
}

/// Longest tag name that [`tags_from`] reads out: longer names than any it is compared with
/// (`blockquote`, 10 bytes) come out as their first this many bytes, so each `<` costs a
/// bounded look-ahead however long the run after it (`<<<<…` stays linear).
const MAX_TAG_NAME: usize = 16;

/// Every `<` at or after `from`, as the position of the `<`, whether a `/` follows it, and
/// the name after that up to ASCII whitespace, `/` or `>` (at most [`MAX_TAG_NAME`] bytes;
/// empty when there is none).
fn tags_from(bytes: &[u8], from: usize) -> impl Iterator<Item = (usize, bool, &[u8])> {
    let mut at = from;
    std::iter::from_fn(move || {
        let open = find(bytes, at, b"<")?;
        at = open + 1;
        let end_tag = bytes.get(open + 1) == Some(&b'/');
        let start = (open + 1 + usize::from(end_tag)).min(bytes.len());
        let window = &bytes[start..bytes.len().min(start + MAX_TAG_NAME)];
        let name = &window[..skip_to(window, 0, SPACE | SLASH | GT)];
        Some((open, end_tag, name))
    })
}

/// The elements whose content the tokenizer reads as raw text up to their end tag, by
/// lowercase name.
const RAW_TEXT: [&[u8]; 8] = [
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];

/// Whether the pipeline never reads an attribute named `name` (as the page spells it), so
/// the pre-pass may remove it: script data (`data-*`, but the lazy images' `data-src`, which
/// [`crate::segment`] reads), event handlers (`on*`) and the responsive image lists
/// (`srcset`, `sizes`), old pages' layout attributes (tables, images and frames: a third
/// of l3s-gn1's attributes), link targets, tooltips, scripts' languages and forms'
/// settings and values. The tree builder reads `type` (inputs in tables) and `color`,
/// `face` and `size` (fonts in drawings), which stay. `data-*` values are where frameworks
/// keep JSON props: three quarters of the character references (`&quot;`) left on
/// wcxb-dev's pages after the script cut, each decoded one by one by the tokenizer. A new
/// feature that reads one of these must take it out of here.
fn is_unread_attribute(name: &[u8]) -> bool {
    let starts = |prefix: &[u8]| {
        name.get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    };
    if starts(b"data-") {
        return !name.eq_ignore_ascii_case(b"data-src");
    }
    if starts(b"on") {
        return name.len() > 2;
    }
    // One lowercase copy and a match (by length, then bytes), not a comparison per name:
    // this runs on every attribute of the page.
    let mut lower = [0u8; 12];
    let Some(lower) = lower.get_mut(..name.len()) else {
        return false;
    };
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"srcset"
            | b"sizes"
            | b"width"
            | b"height"
            | b"border"
            | b"align"
            | b"valign"
            | b"cellpadding"
            | b"cellspacing"
            | b"bgcolor"
            | b"background"
            | b"colspan"
            | b"rowspan"
            | b"hspace"
            | b"vspace"
            | b"clear"
            | b"frameborder"
            | b"scrolling"
            | b"marginheight"
            | b"marginwidth"
            | b"target"
            | b"title"
            | b"language"
            | b"value"
            | b"action"
            | b"method"
            | b"for"
            | b"tabindex"
    )
}

/// Whether the pipeline never reads the attribute `attribute` of a `tag` (both as the page
/// spells them): the [`is_unread_attribute`] ones, and `name` but on `<meta>` (the
/// metadata's keys; on anchors, form fields and frames nothing reads it).
fn is_unread_on(tag: &[u8], attribute: &[u8]) -> bool {
    is_unread_attribute(attribute)
        || (attribute.eq_ignore_ascii_case(b"name") && !tag.eq_ignore_ascii_case(b"meta"))
}

/// Whether a start tag's bytes name JSON-LD: `json` with `ld` in the 8 bytes before it,
/// as in `ld+json` and its character-reference spellings (`ld&#x2B;json`, `ld&plus;json`).
fn names_json_ld(tag: &[u8]) -> bool {
    (0..tag.len().saturating_sub(3)).any(|k| {
        tag[k..k + 4].eq_ignore_ascii_case(b"json")
            && tag[k.saturating_sub(8)..k]
                .windows(2)
                .any(|w| w.eq_ignore_ascii_case(b"ld"))
    })
}

/// Where the body of an `<svg>` element starting at `from` ends (the `<` of its matching
/// `</svg`), when the pre-pass may remove that body: the segmenter skips drawings whole, and
/// icons' paths are 6 % of wcxb-dev's bytes. `None` keeps the body: no matching
/// end (a nested `<svg/>` counts as unclosed), or a tag inside that would break out of foreign content into HTML
/// ([`BREAKS_OUT_OF_SVG`]: a browser shows the text after it, and the segmenter reads it).
///
/// The scan reads at most `budget` bytes and takes what it read from it; with the budget
/// spent it answers `None`, which is always safe. Unclosed drawings inside one another are
/// each scanned to the end of the page, and the budget keeps that linear.
fn svg_body_end(bytes: &[u8], from: usize, budget: &mut usize) -> Option<usize> {
    let window = &bytes[..bytes.len().min(from.saturating_add(*budget))];
    let mut depth = 1usize;
    let mut found = None;
    for (open, end_tag, name) in tags_from(window, from) {
        if name.eq_ignore_ascii_case(b"svg") {
            if end_tag {
                depth -= 1;
                if depth == 0 {
                    found = Some(open);
                    break;
                }
            } else {
                depth += 1;
            }
        } else if BREAKS_OUT_OF_SVG
            .iter()
            .any(|b| b.eq_ignore_ascii_case(name))
            && (!end_tag || name.eq_ignore_ascii_case(b"p") || name.eq_ignore_ascii_case(b"br"))
        {
            *budget = budget.saturating_sub(open.saturating_sub(from));
            return None;
        }
    }
    let read_to = found.unwrap_or(window.len());
    *budget = budget.saturating_sub(read_to.saturating_sub(from));
    found
}

/// Bytes the drawing scans of [`prepare`] may read in all, per byte of the page: a page's
/// drawings are each read once, their bodies then skipped, so real pages stay far under
/// twice their length; only unclosed drawings nested in one another read more.
const SVG_SCAN_BYTES_PER_BYTE: usize = 2;

/// The tags that end foreign content (an `<svg>`) when they start inside it, as the HTML
/// parsing rules list them (`font` always, though only some of its attributes break out);
/// of end tags, `</p>` and `</br>` do.
const BREAKS_OUT_OF_SVG: [&[u8]; 45] = [
    b"b",
    b"big",
    b"blockquote",
    b"body",
    b"br",
    b"center",
    b"code",
    b"dd",
    b"div",
    b"dl",
    b"dt",
    b"em",
    b"embed",
    b"font",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"hr",
    b"i",
    b"img",
    b"li",
    b"listing",
    b"menu",
    b"meta",
    b"nobr",
    b"ol",
    b"p",
    b"pre",
    b"ruby",
    b"s",
    b"small",
    b"span",
    b"strong",
    b"strike",
    b"sub",
    b"sup",
    b"table",
    b"tt",
    b"u",
    b"ul",
    b"var",
];

/// The raw-text elements whose content no browser shows (a frame's fallback). Left
/// unclosed they would turn the rest of the page into their text, as in a tag manager's
/// `<noscript><iframe … /></noscript>` (self-closing means nothing to an `iframe`), which a
/// browser running scripts reads as the `<noscript>`'s text: [`prepare`] drops such a
/// start tag.
const UNSHOWN_RAW_TEXT: [&[u8]; 3] = [b"iframe", b"noembed", b"noframes"];

/// The raw-text elements whose bodies extraction never reads (JSON-LD scripts apart, which
/// the metadata reads): [`prepare`] removes them.
const UNREAD_RAW_TEXT: [&[u8]; 2] = [b"script", b"style"];

/// A tree sink that counts the nodes it created.
trait NodeCount {
    /// Elements, comments and processing instructions created so far.
    fn nodes_created(&self) -> usize;
    /// Of those, the HTML formatting elements (see [`is_formatting`]).
    fn formatting_created(&self) -> usize;
}

/// Start tags kept even at the depth limit: void elements never stay open, and the raw
/// text elements switch the tokenizer's state (dropping `<script>` would tokenize its code
/// as markup and text), then close at their end tag.
fn never_dropped(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("keygen")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("script")
            | local_name!("style")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("plaintext")
    )
}

/// Elements the tree builder holds.
#[derive(Debug, Clone, Copy, Default)]
struct Held {
    /// Open elements plus active formatting elements (plus `<head>` and `<form>` when
    /// set): an element both open and active counts twice.
    elements: usize,
    /// Those of them that are formatting elements (`<a>`, `<b>`, `<font>`, ...).
    formatting: usize,
}

impl Held {
    /// Whether a start tag `name` must be dropped.
    ///
    /// Formatting elements have a lower cap, [`MAX_FORMATTING`]: every formatting element
    /// closed by a block's end (`<p><b id=1>x</p>`) stays in the active list and is cloned
    /// back into the tree before the next text, so with 500 of them each 20-byte
    /// `<p><b id=N>x</p>` added 500 elements to the tree (3 s and 2.3 GB for 400 KB).
    fn is_full(&self, name: &LocalName, max_depth: usize) -> bool {
        self.elements >= max_depth
            || (is_formatting(name) && self.formatting >= MAX_FORMATTING.min(max_depth))
    }
}

/// Most formatting elements (counted as in [`Held::formatting`]) the tree builder holds
/// before further formatting start tags are dropped. Ordinary pages nest a handful.
const MAX_FORMATTING: usize = 64;

/// The formatting elements of the HTML spec: those the tree builder keeps in its list of
/// active formatting elements and reopens after a block closes them.
fn is_formatting(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("a")
            | local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("nobr")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u")
    )
}

/// Counts the handles the tree builder traces.
struct Counter<'a, Sink> {
    sink: &'a Sink,
    held: Cell<Held>,
    /// The document handle comes first; it is not an element.
    seen_document: Cell<bool>,
}

impl<Sink: TreeSink> Tracer for Counter<'_, Sink> {
    type Handle = Sink::Handle;

    fn trace_handle(&self, node: &Sink::Handle) {
        if !self.seen_document.replace(true) {
            return;
        }
        let mut held = self.held.get();
        held.elements += 1;
        let name = self.sink.elem_name(node);
        if *name.ns() == ns!(html) && is_formatting(name.local_name()) {
            held.formatting += 1;
        }
        self.held.set(held);
    }
}

/// [`RcDom`] with three linear-time fixes, a node count and no list of parse errors;
/// everything else is RcDom's own code.
///
/// - RcDom finds a node among its parent's children by scanning from the first child, and
///   foster parenting (content misplaced in a `<table>` goes before the table) does so once
///   per misplaced token: `<table>` and 100,000 `x<img>` took 10 s. The node sought is
///   nearly always the last child or close to it, so [`Dom`] scans from the end.
/// - Every `<html>` or `<body>` tag after the first adds its new attributes to the
///   element, and RcDom hashes all the element's attribute names to find the new ones:
///   100,000 `<body aN>` took 3 minutes. [`Dom`] keeps the names hashed.
/// - On every `</option>` RcDom walks the whole enclosing `<select>` (see
///   [`Dom::maybe_clone_an_option_into_selectedcontent`]): 5 % of the parse time on
///   l3s-gn1, and minutes for a select of 100,000 options. [`Dom`] skips the walk.
#[derive(Default)]
struct Dom {
    dom: RcDom,
    /// Nodes created, for [`Limits::max_nodes`].
    created: Cell<usize>,
    /// Formatting elements created, for [`DepthLimit::is_full`].
    formatting_created: Cell<usize>,
    /// The `<html>` and `<body>` elements that received attributes, with their names.
    attr_names: RefCell<Vec<(Handle, HashSet<QualName>)>>,
}

/// The parent of `node`, if it has one (the weak link is taken out of its cell to be read,
/// and put back).
pub(crate) fn parent(node: &Handle) -> Option<Handle> {
    let weak = node.parent.take();
    let parent = weak.as_ref().and_then(|w| w.upgrade());
    node.parent.set(weak);
    parent
}

/// `target`'s parent and its index among the parent's children, searched from the end.
fn parent_and_index(target: &Handle) -> Option<(Handle, usize)> {
    let parent = parent(target)?;
    let index = parent
        .children
        .borrow()
        .iter()
        .rposition(|child| Rc::ptr_eq(child, target))?;
    Some((parent, index))
}

impl NodeCount for Dom {
    fn nodes_created(&self) -> usize {
        self.created.get()
    }

    fn formatting_created(&self) -> usize {
        self.formatting_created.get()
    }
}

impl TreeSink for Dom {
    type Handle = Handle;
    type Output = RcDom;
    type ElemName<'a> = ExpandedName<'a>;

    fn finish(self) -> RcDom {
        self.dom
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        // Nothing reads them, and RcDom keeps every one: 10 MB of `a\0` is 5 million
        // errors, 120 MB of them.
        let _ = msg;
    }

    fn get_document(&self) -> Handle {
        self.dom.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> ExpandedName<'a> {
        self.dom.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        self.created.set(self.created.get() + 1);
        if name.ns == ns!(html) && is_formatting(&name.local) {
            self.formatting_created
                .set(self.formatting_created.get() + 1);
        }
        self.dom.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> Handle {
        self.created.set(self.created.get() + 1);
        self.dom.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        self.created.set(self.created.get() + 1);
        self.dom.create_pi(target, data)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.dom.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        // RcDom's version, calling the fast `append_before_sibling` below.
        let parent = element.parent.take();
        let has_parent = parent.is_some();
        element.parent.set(parent);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.dom.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.dom
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, node: &Handle) {
        self.dom.mark_script_already_started(node);
    }

    fn pop(&self, node: &Handle) {
        self.dom.pop(node);
    }

    fn get_template_contents(&self, target: &Handle) -> Handle {
        self.dom.get_template_contents(target)
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.dom.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.dom.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &Handle, child: NodeOrText<Handle>) {
        // RcDom's version with the index searched from the end.
        let Some((parent, index)) = parent_and_index(sibling) else {
            return self.dom.append_before_sibling(sibling, child);
        };
        let child = match child {
            NodeOrText::AppendText(text) => {
                if let Some(previous) = index.checked_sub(1) {
                    let children = parent.children.borrow();
                    if let NodeData::Text { contents } = &children[previous].data {
                        contents.borrow_mut().push_tendril(&text);
                        return;
                    }
                }
                Node::new(NodeData::Text {
                    contents: RefCell::new(text),
                })
            }
            NodeOrText::AppendNode(node) => node,
        };
        self.remove_from_parent(&child);
        child.parent.set(Some(Rc::downgrade(&parent)));
        parent.children.borrow_mut().insert(index, child);
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let NodeData::Element {
            attrs: existing, ..
        } = &target.data
        else {
            return self.dom.add_attrs_if_missing(target, attrs);
        };
        let mut cache = self.attr_names.borrow_mut();
        let index = match cache.iter().position(|(node, _)| Rc::ptr_eq(node, target)) {
            Some(index) => index,
            None => {
                let names = existing.borrow().iter().map(|a| a.name.clone()).collect();
                cache.push((target.clone(), names));
                cache.len() - 1
            }
        };
        let names = &mut cache[index].1;
        existing.borrow_mut().extend(
            attrs
                .into_iter()
                .filter(|attr| names.insert(attr.name.clone())),
        );
    }

    fn associate_with_form(
        &self,
        target: &Handle,
        form: &Handle,
        nodes: (&Handle, Option<&Handle>),
    ) {
        self.dom.associate_with_form(target, form, nodes);
    }

    fn remove_from_parent(&self, target: &Handle) {
        if let Some((parent, index)) = parent_and_index(target) {
            parent.children.borrow_mut().remove(index);
            target.parent.set(None);
        }
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.dom.reparent_children(node, new_parent);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        self.dom.is_mathml_annotation_xml_integration_point(handle)
    }

    fn set_current_line(&self, line_number: u64) {
        self.dom.set_current_line(line_number);
    }

    fn allow_declarative_shadow_roots(&self, intended_parent: &Handle) -> bool {
        self.dom.allow_declarative_shadow_roots(intended_parent)
    }

    fn attach_declarative_shadow(
        &self,
        location: &Handle,
        template: &Handle,
        attrs: &[Attribute],
    ) -> bool {
        self.dom
            .attach_declarative_shadow(location, template, attrs)
    }

    fn maybe_clone_an_option_into_selectedcontent(&self, option: &Handle) {
        // Nothing, as RcDom in effect: it looks for the `<select>`'s `<selectedcontent>` by
        // walking the whole select on every `</option>`, but compares the select's own name
        // instead of each descendant's, so it never finds one and never changes the tree.
        // The walk alone made a select of n options cost O(n²). (The walker skips `<select>`
        // and all inside it, so a clone would not be read either.)
        let _ = option;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::serialize::{SerializeOpts, serialize};
    use html5ever::tendril::TendrilSink;
    use html5ever::{ParseOpts, parse_document};
    use markup5ever_rcdom::SerializableHandle;
    use std::time::{Duration, Instant};

    const DEFAULT: Limits = Limits {
        max_depth: 512,
        max_nodes: 1_000_000,
    };

    fn to_html(dom: &RcDom) -> String {
        let mut out = Vec::new();
        let handle: SerializableHandle = dom.document.clone().into();
        serialize(&mut out, &handle, SerializeOpts::default()).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// All text in document order, and the deepest element nesting.
    fn text_and_depth(dom: &RcDom) -> (String, usize) {
        let mut text = String::new();
        let mut deepest = 0;
        let mut stack = vec![(dom.document.clone(), 0)];
        while let Some((node, depth)) = stack.pop() {
            deepest = deepest.max(depth);
            if let NodeData::Text { contents } = &node.data {
                text.push_str(&contents.borrow());
            }
            for child in node.children.borrow().iter().rev() {
                stack.push((child.clone(), depth + 1));
            }
        }
        (text, deepest)
    }

    /// A guard against hangs only, far above what these inputs take in a debug build
    /// (under 1 s alone; over 3 s when the machine is shared). The time per size is
    /// measured in release by `examples/scaling.rs`.
    const HANG: Duration = Duration::from_secs(30);

    /// Parses `html` with the limit, checking it took under `budget`.
    fn parse_within(html: &str, budget: Duration) -> (RcDom, ParseReport) {
        let start = Instant::now();
        let parsed = parse(html, DEFAULT);
        let took = start.elapsed();
        assert!(took < budget, "took {took:?}");
        parsed
    }

    /// Checks that `html` parses as html5ever parses it, but for the unread attributes,
    /// which are gone, and the bodies of drawings and of the [`UNREAD_RAW_TEXT`] elements
    /// that are not JSON-LD, which are empty.
    fn assert_same_as_html5ever(html: &str) {
        let mut opts = ParseOpts::default();
        opts.tree_builder.scripting_enabled = false;
        let expected = parse_document(RcDom::default(), opts).one(html);
        let mut stack = vec![expected.document.clone()];
        while let Some(node) = stack.pop() {
            if let NodeData::Element { name, attrs, .. } = &node.data {
                attrs
                    .borrow_mut()
                    .retain(|a| !is_unread_on(name.local.as_bytes(), a.name.local.as_bytes()));
                if name.local == local_name!("svg")
                    || UNREAD_RAW_TEXT.contains(&name.local.as_bytes())
                        && !attrs.borrow().iter().any(|a| a.value.contains("ld+json"))
                {
                    node.children.borrow_mut().clear();
                }
            }
            for child in node.children.borrow_mut().iter_mut() {
                if let NodeData::Comment { contents } = &child.data
                    && contents.len() > KEPT_COMMENT
                {
                    *child = Node::new(NodeData::Comment {
                        contents: StrTendril::new(),
                    });
                }
            }
            stack.extend(node.children.borrow().iter().cloned());
        }
        let (dom, report) = parse(html, DEFAULT);
        assert_eq!(report, ParseReport::default());
        assert_eq!(to_html(&dom), to_html(&expected));
    }

    #[test]
    fn ordinary_markup_parses_as_html5ever_does() {
        let pages = [
            "<!DOCTYPE html><html><head><title>T &amp; a</title>\
             <script>if (a < b && c > d) document.write('<p>x</p>')</script>\
             <style>p > a { color: red }</style></head>\
             <body><p>One<p>Two<ul><li>a<li>b</ul><textarea><b>not bold</b></textarea>\
             <table><tr><td>1<td>2<tr><td>3</table><div>tail</div>",
            "<p>unclosed <b>bold <i>both</b> italic</i> plain<p>next",
            "<table>misplaced<tr><td>cell</td></tr>text<img src=x></table>after",
            "<select><option>a<option>b<optgroup><option>c</select><dl><dt>t<dd>d<dt>u</dl>",
            "<a href=1>one<a href=2>two</a><div><a>three<div>four</a></div>",
            "<body a=1><body b=2 a=3><html lang=en><svg><g><rect/></g></svg><math><mi>x</mi></math>",
            "<template><tr><td>t</td></tr></template><noscript><p>ns</p></noscript><plaintext><b>",
            "<ruby>漢<rt>kan<rp>(</rp></ruby><frameset><frame></frameset>",
            "",
        ];
        for page in pages {
            assert_same_as_html5ever(page);
        }
        // Thousands of unclosed implied-end elements never reach the limit.
        assert_same_as_html5ever(&"<p>para <b>bold</b> <p>para ".repeat(5_000));
        assert_same_as_html5ever(&"<ul><li>a<li>b</ul><dl><dt>t<dd>d</dl>".repeat(2_000));
        assert_same_as_html5ever(&"<table><tr><td>cell <td>cell ".repeat(100));
        for path in [
            "corpus/news/seed-nato-putin.html",
            "corpus/news/council-budget-most-read.html",
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
            if let Ok(bytes) = std::fs::read(&path) {
                assert_same_as_html5ever(&String::from_utf8_lossy(&bytes));
            }
        }
    }

    #[test]
    fn an_unclosed_frame_does_not_swallow_the_page() {
        // Closed, a frame's fallback stays as html5ever reads it.
        assert_same_as_html5ever("<iframe src=a.html>no frames</iframe><p>after</p>");
        assert_same_as_html5ever("<noembed><p>x</noembed><noframes>y</noframes><p>after");
        // Unclosed (a tag manager's `<iframe … />`), the rest is still markup.
        let html = "<body><noscript><iframe src=\"gtm\" height=\"0\" /></noscript>\
                    <p>First paragraph.</p><div><p>Second &amp; last.</p></div>";
        let (dom, _) = parse(html, DEFAULT);
        let out = to_html(&dom);
        assert!(out.contains("<p>First paragraph.</p><div><p>Second &amp; last.</p></div>"));
        assert!(!out.contains("iframe"), "{out}");
        for tag in ["noembed", "noframes"] {
            let (dom, _) = parse(&format!("<{tag}><p>kept</p>"), DEFAULT);
            assert!(to_html(&dom).contains("<p>kept</p>"), "{tag}");
        }
    }

    #[test]
    fn deep_divs_are_flattened_keeping_their_text() {
        let html = format!(
            "{}hello world{}",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let (dom, report) = parse_within(&html, HANG);
        assert!(report.depth_limited);
        assert!(report.dropped_tags > 99_000);
        let (text, depth) = text_and_depth(&dom);
        assert_eq!(text.trim(), "hello world");
        assert!(depth <= 520, "depth {depth}");
        // Text after the deep part lands back at the top.
        let html = format!("{html}<p>after</p>");
        let (dom, _) = parse(&html, DEFAULT);
        let body = to_html(&dom);
        assert!(
            body.ends_with("</div><p>after</p></body></html>"),
            "{}",
            &body[body.len() - 60..]
        );
    }

    /// Counts the nodes of `dom`.
    fn node_count(dom: &RcDom) -> usize {
        let mut count = 0;
        let mut stack = vec![dom.document.clone()];
        while let Some(node) = stack.pop() {
            count += 1;
            stack.extend(node.children.borrow().iter().cloned());
        }
        count
    }

    /// Nested lists four times as deep build the same tree and drop exactly the extra tags:
    /// the tree builder never holds more than the capped stack, so each tag past the cap
    /// costs the same bounded work, whatever the input's length (no wall-clock bound, which
    /// flaked on a loaded machine). A recursive walk would overflow the stack here.
    #[test]
    fn deep_lists_stay_linear() {
        let parse_lists = |count: usize| {
            let html = format!("{}hello world", "<ul><li>".repeat(count));
            let (dom, report) = parse(&html, DEFAULT);
            assert!(report.depth_limited, "{count}");
            let (text, depth) = text_and_depth(&dom);
            assert_eq!(text, "hello world", "{count}");
            assert!(depth <= 520, "{count}: depth {depth}");
            (node_count(&dom), report.dropped_tags)
        };
        let (small_nodes, small_dropped) = parse_lists(50_000);
        let (large_nodes, large_dropped) = parse_lists(200_000);
        assert_eq!(small_nodes, large_nodes);
        assert_eq!(large_dropped - small_dropped, 2 * 150_000);
    }

    #[test]
    fn nested_links_and_italics_stay_linear() {
        let html = format!("{}hello world", "<a><i>".repeat(40_000));
        let (dom, report) = parse_within(&html, HANG);
        assert!(report.depth_limited);
        let (text, depth) = text_and_depth(&dom);
        assert_eq!(text, "hello world");
        assert!(depth <= 1040, "depth {depth}");
    }

    #[test]
    fn unclosed_formatting_elements_stay_linear() {
        for (tag, count) in [("<b>", 100_000), ("<a>", 40_000), ("<font>", 40_000)] {
            let html = format!("{}hello world", tag.repeat(count));
            let (dom, _) = parse_within(&html, HANG);
            let (text, depth) = text_and_depth(&dom);
            assert_eq!(text, "hello world", "{tag}");
            assert!(depth <= 1040, "{tag}: depth {depth}");
        }
        // Distinct attributes defeat the Noah's Ark clause: the list of active formatting
        // elements grows with the stack, and both are capped together.
        let html: String = (0..10_000).map(|i| format!("<p><b id={i}>x</p>")).collect();
        let (_, report) = parse_within(&html, HANG);
        assert!(report.depth_limited);
    }

    #[test]
    fn stray_end_tags_do_not_hide_depth() {
        // A token counter would see `</span>` cancel `<div>`; the limit measures the tree.
        let html = format!("{}hello world", "<div></span>".repeat(20_000));
        let (dom, report) = parse_within(&html, HANG);
        assert!(report.depth_limited);
        assert!(text_and_depth(&dom).1 <= 520);
        // Elements nesting without their context (`optgroup` outside `select`, `rt` outside
        // `ruby`) are measured as well.
        for tag in ["<optgroup>", "<rt>", "<table><tr><td>"] {
            let html = format!("{}hello world", tag.repeat(20_000));
            let (dom, report) = parse_within(&html, HANG);
            assert!(report.depth_limited, "{tag}");
            assert!(text_and_depth(&dom).1 <= 1600, "{tag}");
        }
    }

    #[test]
    fn raw_text_elements_are_kept_at_the_limit() {
        let html = format!(
            "{}<script type=application/ld+json>{{\"a\": \"<b>\"}}</script>\
             <textarea><i>t</i></textarea>",
            "<div>".repeat(600)
        );
        let (dom, report) = parse(&html, DEFAULT);
        assert!(report.depth_limited);
        let (text, _) = text_and_depth(&dom);
        assert_eq!(text, "{\"a\": \"<b>\"}<i>t</i>");
    }

    #[test]
    fn attributes_past_the_cap_are_cut() {
        let attrs = |n: usize| {
            (0..n)
                .map(|i| format!(" a{i}=\"{i}>\""))
                .collect::<String>()
        };
        // Under the cap, and in comments and raw text, nothing changes.
        for html in [
            format!("<p{}>text</p>", attrs(3)),
            format!(
                "<script type=application/ld+json>x = '<p{}>'</script>",
                attrs(5)
            ),
            format!("<textarea><p{}></textarea>", attrs(5)),
            "<p a='>' b=\"c d\" e f = g/>x< p>< 3</p>".to_string(),
        ] {
            assert!(
                matches!(prepare(&html, 4), (Cow::Borrowed(_), false)),
                "{html}"
            );
        }
        assert_eq!(
            prepare(&format!("<!-- <p{} -->", attrs(5)), 4),
            (Cow::Borrowed("<!---->"), false)
        );
        assert_eq!(
            prepare("<p a b=1 c='2' d = \"3>\" e>x</p><i f g h>", 2),
            (Cow::Borrowed("<p a b=1 >x</p><i f g >"), true)
        );
        assert_eq!(
            prepare("</p a b c>x<p a b c", 2),
            (Cow::Borrowed("</p a b >x<p a b "), true)
        );
        assert_eq!(
            prepare("<script a b c>x<p a b c></script><p a b c>", 2),
            (Cow::Borrowed("<script a b ></script><p a b >"), true)
        );
        // 100,000 attributes on one tag: minutes in the tokenizer without the cap.
        let html = format!("<div{}>hello world</div>", attrs(100_000));
        let (dom, report) = parse_within(&html, HANG);
        assert!(report.attributes_limited);
        assert_eq!(text_and_depth(&dom).0, "hello world");
        let serialized = to_html(&dom);
        assert!(serialized.contains(" a1023=") && !serialized.contains(" a1024="));
    }

    #[test]
    fn unread_raw_text_is_removed_and_the_rest_kept() {
        let html = "<title>a<b></title><style>p > a {}</style><script src=x>if (a<b) go()\
            </script><SCRIPT Type='Application/LD+JSON'>{\"@type\": \"A\"}</SCRIPT>\
            <script type=\"application/ld&#x2B;json\">{}</script>\
            <textarea><b></textarea><p>text</p><script>let s = '</scrip' + 't>'";
        assert_eq!(
            prepare(html, 8),
            (
                Cow::Borrowed(
                    "<title>a<b></title><style></style><script src=x></script>\
                     <SCRIPT Type='Application/LD+JSON'>{\"@type\": \"A\"}</SCRIPT>\
                     <script type=\"application/ld&#x2B;json\">{}</script>\
                     <textarea><b></textarea><p>text</p><script>"
                ),
                false
            )
        );
        assert_same_as_html5ever("<p>a</p><script>var t = '<p>x</p>';</script><p>b</p>");
        // Old pages' scripts in a comment: there a `<script>` makes the next `</script>`
        // part of the text (the tokenizer's double-escaped state), and `-->` ends that.
        for (html, prepared) in [
            (
                "<script><!--\ndocument.write('<script src=a.js></script>');\n//--></script><p>b",
                "<script></script><p>b",
            ),
            (
                "<script><!-- x = '<SCRIPT>' --></script><p>b</script><p>c",
                "<script></script><p>b</script><p>c",
            ),
            (
                "<script><!-- a --><script></script><p>b",
                "<script></script><p>b",
            ),
            (
                "<script><!--> <script></script><p>b",
                "<script></script><p>b",
            ),
            (
                "<script><!-- <script></script --></script><p>b",
                "<script></script><p>b",
            ),
            (
                "<script><!-- <script> --> </script><p>b",
                "<script></script><p>b",
            ),
            (
                "<script><!-- <scripts></script><p>b",
                "<script></script><p>b",
            ),
        ] {
            assert_eq!(prepare(html, 8), (Cow::Borrowed(prepared), false), "{html}");
            assert_same_as_html5ever(html);
        }
    }

    #[test]
    fn comment_text_is_removed_but_for_short_markers() {
        let html = "<p>a<!-- note <b>x</b> -->b<!--$?--><!--/$--><!-->c<!--->d\
            <!-- e --!>f<!-- g --->h<!---- i -- j ---->k<!--[if IE]><p>old<![endif]-->l";
        assert_eq!(
            prepare(html, 8),
            (
                Cow::Borrowed(
                    "<p>a<!---->b<!--$?--><!--/$--><!-->c<!--->d<!----!>f<!---->h<!---->k\
                     <!---->l"
                ),
                false
            )
        );
        assert_same_as_html5ever(html);
        // A comment left open runs to the end: nothing after it is a tag.
        let html = "<p>a<!-- b <p data-x=1>";
        assert_eq!(prepare(html, 8), (Cow::Borrowed(html), false));
    }

    #[test]
    fn unread_attributes_are_removed() {
        let html = "<img data-props=\"{&quot;a&quot;:1}\" src=a.png DATA-SRC=b.png \
            srcset='a 1x, b 2x' onclick=go() on class=x data-y/><a data-z=1 href=h>t</a>\
            <table WIDTH=100% border=0><td valign=top title='a b'>c<input type=hidden value=v>\
            <meta name=author content=A><a name=top>";
        assert_eq!(
            prepare(html, 8),
            (
                Cow::Borrowed(
                    "<img  src=a.png DATA-SRC=b.png   on class=x data-y/><a  href=h>t</a>\
                     <table  ><td  >c<input type=hidden ><meta name=author content=A><a >"
                ),
                false
            )
        );
        assert_same_as_html5ever(
            "<table WIDTH=100% border=0><td valign=top title='a b'>c<input type=hidden value=v>",
        );
        let html = "<img data-props=\"{&quot;a&quot;:1}\" src=a.png DATA-SRC=b.png \
            srcset='a 1x, b 2x' onclick=go() on class=x data-y/><a data-z=1 href=h>t</a>";
        let (dom, _) = parse(html, DEFAULT);
        assert_eq!(
            to_html(&dom),
            "<html><head></head><body><img src=\"a.png\" data-src=\"b.png\" on=\"\" \
             class=\"x\" data-y=\"\"><a href=\"h\">t</a></body></html>"
        );
    }

    #[test]
    fn drawings_are_emptied_unless_html_breaks_out_of_them() {
        let html = "<p>a<svg viewBox='0 0 9 9'><g><path d='M0 0h9'/><svg><title>t</title></svg>\
            </g></SVG>b<svg/><i>c</i><svg class=x/>";
        assert_eq!(
            prepare(html, 8),
            (
                Cow::Borrowed("<p>a<svg viewBox='0 0 9 9'></SVG>b<svg/><i>c</i><svg class=x/>"),
                false
            )
        );
        assert_same_as_html5ever(html);
        // A `<p>` or `</p>` inside ends the drawing in a browser, which shows the text
        // after it: the body stays. So do a drawing without its end tag and one holding a
        // nested `<svg/>`, whose end cannot be matched.
        for html in [
            "<svg><path/><p>shown</p></svg>",
            "<svg><text>x</text></p>shown</svg>",
            "<svg><path d='M0 0'/>",
            "<svg><svg/><path/></svg>",
        ] {
            assert_eq!(prepare(html, 8), (Cow::Borrowed(html), false), "{html}");
        }
        let (dom, _) = parse("<svg><path/><p>shown</p></svg>", DEFAULT);
        assert_eq!(text_and_depth(&dom).0, "shown");
    }

    #[test]
    fn runs_of_tag_openers_stay_linear() {
        // Each `<` looks ahead a bounded name: a quadratic scan would take minutes here.
        for html in [
            format!("<svg>{}</svg>", "<".repeat(2_000_000)),
            format!("<script>{}</script><p>after</p>", "<a".repeat(1_000_000)),
        ] {
            let (prepared, _) = prepare(&html, MAX_ATTRIBUTES);
            assert!(prepared.len() < 64, "{}", prepared.len());
        }
    }

    #[test]
    fn unclosed_frames_and_drawings_stay_linear() {
        // Searching each unclosed frame's end tag, or each nested unclosed drawing's end,
        // to the end of the page again took 15 s for 140 kB of `<svg><g>` in release.
        let html = format!("{}<p>after</p>", "<iframe>".repeat(100_000));
        let (prepared, _) = prepare(&html, MAX_ATTRIBUTES);
        assert_eq!(prepared, "<p>after</p>");
        let html = format!("{}<p>after</p>", "<svg><g>".repeat(100_000));
        let (dom, _) = parse_within(&html, HANG);
        assert!(text_and_depth(&dom).0.ends_with("after"));
        // A spent budget keeps the drawing's body, as an unmatched end does.
        let drawing = b"<svg><path/></svg>";
        let mut budget = 100;
        assert_eq!(svg_body_end(drawing, 5, &mut budget), Some(12));
        assert_eq!(budget, 93);
        let mut budget = 6;
        assert_eq!(svg_body_end(drawing, 5, &mut budget), None);
        assert_eq!(budget, 0);
        assert_eq!(svg_body_end(drawing, 5, &mut budget), None);
    }

    #[test]
    fn options_in_a_select_stay_linear() {
        // html5ever's own RcDom walks the select on every `</option>`: 4 minutes here.
        let html = format!(
            "<select>{}</select><p>after</p>",
            "<option>x</option>".repeat(100_000)
        );
        let (dom, _) = parse_within(&html, HANG);
        assert!(to_html(&dom).ends_with("</select><p>after</p></body></html>"));
        assert_same_as_html5ever(&format!(
            "<select><option selected>a</option>{}</select>",
            "<option>b</option>".repeat(100)
        ));
    }

    #[test]
    fn foster_parenting_and_attribute_merging_stay_linear() {
        // html5ever's own RcDom takes 10 s on 100,000 `x<img>` here.
        let html = format!("<table>{}</table>", "x<img>".repeat(2_000));
        assert_same_as_html5ever(&html);
        let html = format!("<table>{}</table>", "x<img>".repeat(50_000));
        parse_within(&html, HANG);
        // html5ever's own RcDom takes 3 minutes on 100,000 `<body aN>`.
        let html: String = (0..20_000)
            .map(|i| format!("<body a{i}=1><html b{i}>"))
            .collect();
        let (dom, _) = parse_within(&html, HANG);
        let body = to_html(&dom);
        assert!(body.contains(" a19999=\"1\""));
        assert!(body.contains(" b19999=\"\""));
    }
}
