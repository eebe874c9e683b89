//! Renderers: the selected [`Content`] as Markdown or HTML, and links resolved to
//! absolute URLs. Every renderer walks the same content tree with an explicit stack.

use url::Url;

use crate::block::BlockKind;
use crate::content::{Child, Content, NodeKind, Piece};
use crate::text::Mark;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Format {
    /// One block per line (the default).
    #[default]
    Text,
    /// Markdown (CommonMark with GitHub tables): heading levels, nested lists, quotes,
    /// fenced code with its language, tables, emphasis and inline code.
    Markdown,
    /// Clean, minimal HTML: structure tags only, no attributes but `href`, `src`, `alt`,
    /// `start` and a code block's language class.
    Html,
    /// One JSON object: title, text, metadata, and on request Markdown and comments.
    Json,
}

impl Format {
    /// The usual file extension of the format, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

/// What the Markdown, HTML and JSON output carry besides the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RenderOptions {
    /// Keep links, resolved to absolute URLs (Markdown, HTML).
    pub links: bool,
    /// Keep images, with their alternative text (Markdown, HTML).
    pub images: bool,
    /// Add the Markdown rendering to the JSON object.
    pub markdown_in_json: bool,
}

impl RenderOptions {
    /// Links and images on or off.
    pub fn new(links: bool, images: bool) -> RenderOptions {
        RenderOptions {
            links,
            images,
            markdown_in_json: false,
        }
    }
}

/// `href` as it may stand in the output: absolute when there is a base, and only when
/// its scheme is http(s) (or `mailto` for links). `javascript:`, `data:` and the like give
/// `None`; a relative URL with no base to resolve it against stays relative.
pub(crate) fn resolve(href: &str, base: Option<&Url>, mailto: bool) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let allowed = |url: &Url| match url.scheme() {
        "http" | "https" => true,
        "mailto" => mailto,
        _ => false,
    };
    match Url::parse(href) {
        Ok(url) => allowed(&url).then(|| url.into()),
        Err(url::ParseError::RelativeUrlWithoutBase) => match base {
            Some(base) => base.join(href).ok().filter(allowed).map(String::from),
            None => Some(href.to_string()),
        },
        Err(_) => None,
    }
}

/// How one output language writes text and inline marks.
trait Inline {
    /// Escape plain text.
    fn text(&self, out: &mut String, text: &str);
    /// Write the text of inline code (Markdown keeps it verbatim, HTML escapes it).
    fn code(&self, out: &mut String, text: &str);
    /// Open a span of `mark` around `inner` (its plain text); returns what closes it, or
    /// `None` to leave the span unmarked.
    fn open(&self, out: &mut String, mark: &Mark, inner: &str) -> Option<String>;
    /// An image.
    fn image(&self, out: &mut String, src: &str, alt: &str);
}

/// Render a piece's text with its marks. Inside inline code nothing else is marked and
/// nothing escaped; a link inside a link is not marked.
fn inline(
    style: &impl Inline,
    piece: &Piece,
    options: &RenderOptions,
    base: Option<&Url>,
) -> String {
    #[derive(Clone, Copy)]
    enum Event {
        Close(usize),
        Point(usize),
        Open(usize),
    }
    let text = piece.text.as_str();
    let mut events: Vec<(u32, u8, usize, Event)> = Vec::with_capacity(piece.spans.len() * 2);
    for (i, span) in piece.spans.iter().enumerate() {
        match span.mark {
            Mark::Image { .. } => events.push((span.start, 1, i, Event::Point(i))),
            _ => {
                events.push((span.end, 0, usize::MAX - i, Event::Close(i)));
                events.push((span.start, 2, i, Event::Open(i)));
            }
        }
    }
    events.sort_by_key(|(at, order, tie, _)| (*at, *order, *tie));
    let mut closers: Vec<Option<String>> = vec![None; piece.spans.len()];
    let (mut code, mut link) = (0u32, 0u32);
    // Spans whose opening was written, innermost last.
    let mut written_open: Vec<usize> = Vec::new();
    let mut out = String::with_capacity(text.len() + 16);
    let mut written = 0usize;
    for (at, _, _, event) in events {
        let at = (at as usize).min(text.len());
        if at > written {
            let chunk = text.get(written..at).unwrap_or("");
            if code > 0 {
                style.code(&mut out, chunk);
            } else {
                style.text(&mut out, chunk);
            }
            written = at;
        }
        match event {
            Event::Open(i) => {
                let Some(span) = piece.spans.get(i) else {
                    continue;
                };
                let inner = text
                    .get(span.start as usize..span.end as usize)
                    .unwrap_or("");
                let closer = match &span.mark {
                    _ if code > 0 => None,
                    Mark::Code => style.open(&mut out, &span.mark, inner),
                    Mark::Link(href) => {
                        let target = (options.links && link == 0)
                            .then(|| resolve(href, base, true))
                            .flatten();
                        target.and_then(|t| style.open(&mut out, &Mark::Link(t.into()), inner))
                    }
                    mark => style.open(&mut out, mark, inner),
                };
                match span.mark {
                    Mark::Code => code += 1,
                    Mark::Link(_) => link += 1,
                    _ => {}
                }
                if closer.is_some() {
                    written_open.push(i);
                }
                if let Some(c) = closers.get_mut(i) {
                    *c = closer;
                }
            }
            Event::Close(i) => {
                match piece.spans.get(i).map(|s| &s.mark) {
                    Some(Mark::Code) => code = code.saturating_sub(1),
                    Some(Mark::Link(_)) => link = link.saturating_sub(1),
                    _ => {}
                }
                // Close what was opened inside it too, so the output nests even if the
                // spans did not.
                if written_open.contains(&i) {
                    while let Some(j) = written_open.pop() {
                        if let Some(closer) = closers.get_mut(j).and_then(Option::take) {
                            out.push_str(&closer);
                        }
                        if j == i {
                            break;
                        }
                    }
                }
            }
            Event::Point(i) => {
                if let Some(Mark::Image { src, alt }) = piece.spans.get(i).map(|s| &s.mark)
                    && options.images
                    && let Some(src) = resolve(src, base, false)
                {
                    style.image(&mut out, &src, alt);
                }
            }
        }
    }
    let rest = text.get(written..).unwrap_or("");
    if code > 0 {
        style.code(&mut out, rest);
    } else {
        style.text(&mut out, rest);
    }
    out
}

/// The Markdown writer's inline style.
struct MarkdownInline;

impl Inline for MarkdownInline {
    fn code(&self, out: &mut String, text: &str) {
        out.push_str(text);
    }

    fn text(&self, out: &mut String, text: &str) {
        let mut previous = None;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let escape = match c {
                '\\' | '*' | '`' | '[' | ']' | '<' => true,
                // Inside a word an underscore marks nothing (snake_case stays as is).
                '_' => {
                    !previous.is_some_and(char::is_alphanumeric)
                        || !chars.peek().is_some_and(|n| n.is_alphanumeric())
                }
                _ => false,
            };
            if escape {
                out.push('\\');
            }
            out.push(c);
            previous = Some(c);
        }
    }

    fn open(&self, out: &mut String, mark: &Mark, inner: &str) -> Option<String> {
        match mark {
            Mark::Emphasis => {
                out.push('*');
                Some("*".into())
            }
            Mark::Strong => {
                out.push_str("**");
                Some("**".into())
            }
            Mark::Code => {
                let ticks = "`".repeat(longest_run(inner, '`') + 1);
                let pad = if inner.contains('`') { " " } else { "" };
                out.push_str(&ticks);
                out.push_str(pad);
                Some(format!("{pad}{ticks}"))
            }
            Mark::Link(target) => {
                out.push('[');
                Some(format!("]({})", markdown_destination(target)))
            }
            Mark::Image { .. } => None,
        }
    }

    fn image(&self, out: &mut String, src: &str, alt: &str) {
        out.push_str("![");
        self.text(out, alt);
        out.push_str("](");
        out.push_str(&markdown_destination(src));
        out.push(')');
    }
}

/// A link destination as Markdown needs it: in angle brackets when it has parentheses or
/// spaces.
fn markdown_destination(url: &str) -> String {
    if url.contains(['(', ')', ' ', '<', '>']) {
        format!("<{}>", url.replace('<', "%3C").replace('>', "%3E"))
    } else {
        url.to_string()
    }
}

/// The longest run of `c` in `text`.
fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for ch in text.chars() {
        run = if ch == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// A line of Markdown paragraph text that would read as a block marker (`# `, `> `,
/// `- `, `1. `) gets its marker escaped.
fn escape_line_start(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let after_digits = line.get(digits..).unwrap_or("");
    let marker = line.starts_with(['#', '>', '='])
        || ["- ", "+ "].iter().any(|m| line.starts_with(m))
        || line == "-"
        || (digits > 0 && (after_digits.starts_with(". ") || after_digits.starts_with(") ")));
    if !marker {
        return line.to_string();
    }
    if digits > 0 {
        format!("{}\\{}", line.get(..digits).unwrap_or(""), after_digits)
    } else {
        format!("\\{line}")
    }
}

/// One stack frame of the Markdown walk.
struct MdFrame {
    node: u32,
    next: usize,
    /// Prefix of the first line written inside (a list marker, `> `).
    first: String,
    /// Prefix of every later line.
    rest: String,
    first_used: bool,
    /// The outermost list around, for tight lists.
    list: Option<u32>,
    /// Items met so far, for the numbers of an ordered list.
    items: u32,
}

impl MdFrame {
    /// The prefix for the next thing written inside this frame.
    fn prefix(&mut self) -> String {
        if self.first_used {
            self.rest.clone()
        } else {
            self.first_used = true;
            self.first.clone()
        }
    }
}

/// The Markdown output being written: blocks apart by a blank line, items of one list by a
/// line break.
#[derive(Default)]
struct MdWriter {
    out: String,
    last_list: Option<u32>,
    /// The continuation prefix of the block written last.
    last_rest: String,
}

impl MdWriter {
    /// Write `lines` as the next block inside `frame`, with its prefixes.
    fn block_in(&mut self, frame: &mut MdFrame, lines: &[String]) {
        let first = frame.prefix();
        let rest = frame.rest.clone();
        self.block(lines, &first, &rest, frame.list);
    }

    fn block(&mut self, lines: &[String], first: &str, rest: &str, list: Option<u32>) {
        if lines.is_empty() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push('\n');
            if list.is_none() || list != self.last_list {
                // The blank line carries only the prefix both blocks share: a quote after
                // a paragraph starts after an empty line, two paragraphs of one quote are
                // apart by a `>` line.
                let shared = common_prefix(&self.last_rest, rest);
                self.out.push_str(shared.trim_end());
                self.out.push('\n');
            }
        }
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            let prefix = if i == 0 { first } else { rest };
            if line.is_empty() {
                self.out.push_str(prefix.trim_end());
            } else {
                self.out.push_str(prefix);
                self.out.push_str(line);
            }
        }
        self.last_list = list;
        self.last_rest = rest.to_string();
    }
}

/// The longest prefix of `a` that `b` starts with, in whole characters.
fn common_prefix<'a>(a: &'a str, b: &str) -> &'a str {
    let len = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    a.get(..len).unwrap_or("")
}

/// The content as Markdown.
pub(crate) fn markdown(content: &Content, options: &RenderOptions, base: Option<&Url>) -> String {
    let mut writer = MdWriter::default();
    let mut stack = vec![MdFrame {
        node: 0,
        next: 0,
        first: String::new(),
        rest: String::new(),
        first_used: false,
        list: None,
        items: 0,
    }];
    while let Some(top) = stack.last_mut() {
        let child = content
            .nodes
            .get(top.node as usize)
            .and_then(|n| n.children.get(top.next))
            .copied();
        let Some(child) = child else {
            stack.pop();
            continue;
        };
        top.next += 1;
        let list = top.list;
        match child {
            Child::Piece(p) => {
                if let Some(piece) = content.pieces.get(p as usize) {
                    let lines = markdown_piece(piece, options, base);
                    writer.block_in(top, &lines);
                }
            }
            Child::Image(i) => {
                if let (true, Some(Mark::Image { src, alt })) =
                    (options.images, content.images.get(i as usize))
                    && let Some(src) = resolve(src, base, false)
                {
                    let mut line = String::new();
                    MarkdownInline.image(&mut line, &src, alt);
                    writer.block_in(top, &[line]);
                }
            }
            Child::Node(n) => {
                let Some(node) = content.nodes.get(n as usize) else {
                    continue;
                };
                let parent_kind = content.nodes.get(top.node as usize).map(|x| &x.kind);
                let (first, rest) = match &node.kind {
                    NodeKind::Item => {
                        let marker = match parent_kind {
                            Some(NodeKind::List {
                                ordered: true,
                                start,
                            }) => format!("{}. ", start.saturating_add(top.items)),
                            _ => "- ".to_string(),
                        };
                        top.items += 1;
                        let first = top.prefix() + &marker;
                        (first, top.rest.clone() + &" ".repeat(marker.len()))
                    }
                    NodeKind::Quote => (top.prefix() + "> ", top.rest.clone() + "> "),
                    // Pandoc's and PHP Markdown Extra's definition lists: the term on its
                    // line, each definition after `:` and indented by four; blank lines
                    // between all of them, or a term would continue the definition above.
                    NodeKind::Definition => (top.prefix() + ":   ", top.rest.clone() + "    "),
                    NodeKind::Code { language } => {
                        let lines =
                            fence_lines(&code_text(content, &node.children), language.as_deref());
                        writer.block_in(top, &lines);
                        continue;
                    }
                    NodeKind::Table => {
                        let lines = markdown_table(content, n, options, base);
                        writer.block_in(top, &lines);
                        continue;
                    }
                    _ => (top.prefix(), top.rest.clone()),
                };
                let list = match node.kind {
                    NodeKind::List { .. } => list.or(Some(n)),
                    _ => list,
                };
                stack.push(MdFrame {
                    node: n,
                    next: 0,
                    first,
                    rest,
                    first_used: false,
                    list,
                    items: 0,
                });
            }
        }
    }
    writer.out
}

/// A piece as Markdown lines.
fn markdown_piece(piece: &Piece, options: &RenderOptions, base: Option<&Url>) -> Vec<String> {
    match piece.kind {
        BlockKind::Heading(level) => {
            let text = inline(&MarkdownInline, piece, options, base).replace('\n', " ");
            vec![format!("{} {text}", "#".repeat(level.clamp(1, 6) as usize))]
        }
        BlockKind::Preformatted => fence_lines(&piece.text, None),
        _ => {
            let text = inline(&MarkdownInline, piece, options, base);
            let lines: Vec<&str> = text.split('\n').collect();
            let last = lines.len().saturating_sub(1);
            lines
                .iter()
                .enumerate()
                .map(|(i, line)| {
                    let line = escape_line_start(line.trim());
                    // A hard line break: CommonMark's backslash at the end of the line.
                    if i < last { line + "\\" } else { line }
                })
                .collect()
        }
    }
}

/// The text of the pieces among `children` (a code block's lines), verbatim.
fn code_text(content: &Content, children: &[Child]) -> String {
    children
        .iter()
        .filter_map(|c| match c {
            Child::Piece(p) => content.pieces.get(*p as usize).map(|p| p.text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn fence_lines(code: &str, language: Option<&str>) -> Vec<String> {
    let ticks = "`".repeat(longest_run(code, '`').max(2) + 1);
    let mut lines = vec![format!("{ticks}{}", language.unwrap_or(""))];
    lines.extend(code.lines().map(str::to_string));
    lines.push(ticks);
    lines
}

/// The pieces inside `node` (a cell), depth first: list items marked with a bullet,
/// pieces apart by `<br>` (a table row is one line).
fn cell_pieces(content: &Content, node: u32) -> Vec<&Piece> {
    let mut pieces = Vec::new();
    let mut stack = vec![(node, 0usize)];
    while let Some((n, next)) = stack.last_mut() {
        let child = content
            .nodes
            .get(*n as usize)
            .and_then(|x| x.children.get(*next))
            .copied();
        *next += 1;
        match child {
            None => {
                stack.pop();
            }
            Some(Child::Piece(p)) => pieces.extend(content.pieces.get(p as usize)),
            Some(Child::Node(c)) => stack.push((c, 0)),
            Some(Child::Image(_)) => {}
        }
    }
    pieces
}

/// A data table as GitHub table lines: the first row is the header, every row has as many
/// cells as the widest, `|` is escaped and line breaks are `<br>`.
fn markdown_table(
    content: &Content,
    table: u32,
    options: &RenderOptions,
    base: Option<&Url>,
) -> Vec<String> {
    let cell_text = |cell: u32| {
        cell_pieces(content, cell)
            .into_iter()
            .map(|p| {
                let text = inline(&MarkdownInline, p, options, base);
                let bullet = if p.kind == BlockKind::ListItem {
                    "• "
                } else {
                    ""
                };
                format!("{bullet}{}", text.replace('|', "\\|").replace('\n', "<br>"))
            })
            .collect::<Vec<_>>()
            .join("<br>")
    };
    let Some(table) = content.nodes.get(table as usize) else {
        return Vec::new();
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for child in &table.children {
        let Child::Node(r) = child else { continue };
        let Some(row) = content.nodes.get(*r as usize) else {
            continue;
        };
        let cells = match row.kind {
            NodeKind::Row => row
                .children
                .iter()
                .filter_map(|c| match c {
                    Child::Node(c) => Some(cell_text(*c)),
                    _ => None,
                })
                .collect(),
            _ => vec![cell_text(*r)],
        };
        // A row none of whose cells was kept says nothing.
        if cells.iter().any(|c: &String| !c.is_empty()) {
            rows.push(cells);
        }
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return Vec::new();
    }
    let line = |cells: &[String]| {
        let mut s = String::from("|");
        for i in 0..width {
            s.push(' ');
            s.push_str(cells.get(i).map_or("", String::as_str));
            s.push_str(" |");
        }
        s
    };
    let mut lines = Vec::with_capacity(rows.len() + 1);
    let mut rows = rows.iter();
    if let Some(header) = rows.next() {
        lines.push(line(header));
        lines.push(format!("|{}", " --- |".repeat(width)));
    }
    lines.extend(rows.map(|r| line(r)));
    lines
}

/// Plain lines (the comments) as Markdown paragraphs, escaped.
pub(crate) fn markdown_lines(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut out = String::new();
            MarkdownInline.text(&mut out, line);
            escape_line_start(&out)
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Plain lines (the comments) as an HTML section after the article.
pub(crate) fn html_comments(text: &str) -> String {
    let mut out = String::from("<hr>\n<section>\n");
    for line in text.lines() {
        out.push_str("<p>");
        escape_html(&mut out, line, false);
        out.push_str("</p>\n");
    }
    out.push_str("</section>\n");
    out
}

/// The HTML writer's inline style.
struct HtmlInline;

/// Escape text for HTML (text and double-quoted attribute values); with `breaks`, a line
/// break becomes `<br>`, else it stays (in `<pre>`).
fn escape_html(out: &mut String, text: &str, breaks: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' if breaks => out.push_str("<br>"),
            c => out.push(c),
        }
    }
}

impl Inline for HtmlInline {
    fn text(&self, out: &mut String, text: &str) {
        escape_html(out, text, true);
    }

    fn code(&self, out: &mut String, text: &str) {
        escape_html(out, text, true);
    }

    fn open(&self, out: &mut String, mark: &Mark, _inner: &str) -> Option<String> {
        let (open, close) = match mark {
            Mark::Emphasis => ("<em>", "</em>"),
            Mark::Strong => ("<strong>", "</strong>"),
            Mark::Code => ("<code>", "</code>"),
            Mark::Link(target) => {
                out.push_str("<a href=\"");
                escape_html(out, target, false);
                out.push_str("\">");
                return Some("</a>".into());
            }
            Mark::Image { .. } => return None,
        };
        out.push_str(open);
        Some(close.into())
    }

    fn image(&self, out: &mut String, src: &str, alt: &str) {
        out.push_str("<img src=\"");
        escape_html(out, src, false);
        out.push_str("\" alt=\"");
        escape_html(out, alt, false);
        out.push_str("\">");
    }
}

/// The content as an HTML fragment in one `<article>`.
pub(crate) fn html(content: &Content, options: &RenderOptions, base: Option<&Url>) -> String {
    let mut out = String::from("<article>\n");
    // (node, next child, closing tag)
    let mut stack: Vec<(u32, usize, &'static str)> = vec![(0, 0, "")];
    while let Some((node, next, _)) = stack.last_mut() {
        let here = content.nodes.get(*node as usize);
        let child = here.and_then(|n| n.children.get(*next)).copied();
        *next += 1;
        let Some(child) = child else {
            if let Some((_, _, close)) = stack.pop() {
                out.push_str(close);
            }
            continue;
        };
        // A lone piece in an item or a cell needs no paragraph of its own.
        let bare = here.is_some_and(|n| {
            matches!(
                n.kind,
                NodeKind::Item | NodeKind::Cell { .. } | NodeKind::Term | NodeKind::Definition
            ) && n.children.len() == 1
        });
        match child {
            Child::Piece(p) => {
                let Some(piece) = content.pieces.get(p as usize) else {
                    continue;
                };
                let body = inline(&HtmlInline, piece, options, base);
                let (open, close) = match piece.kind {
                    BlockKind::Heading(level) => {
                        let level = level.clamp(1, 6);
                        out.push_str(&format!("<h{level}>{body}</h{level}>\n"));
                        continue;
                    }
                    BlockKind::Preformatted => {
                        out.push_str("<pre>");
                        escape_html(&mut out, &piece.text, false);
                        out.push_str("</pre>\n");
                        continue;
                    }
                    _ if bare => ("", ""),
                    _ => ("<p>", "</p>\n"),
                };
                out.push_str(open);
                out.push_str(&body);
                out.push_str(close);
            }
            Child::Image(i) => {
                if let (true, Some(Mark::Image { src, alt })) =
                    (options.images, content.images.get(i as usize))
                    && let Some(src) = resolve(src, base, false)
                {
                    out.push_str("<p>");
                    HtmlInline.image(&mut out, &src, alt);
                    out.push_str("</p>\n");
                }
            }
            Child::Node(n) => {
                let Some(node) = content.nodes.get(n as usize) else {
                    continue;
                };
                let close = match &node.kind {
                    NodeKind::Root => "",
                    NodeKind::List { ordered: false, .. } => {
                        out.push_str("<ul>\n");
                        "</ul>\n"
                    }
                    NodeKind::List {
                        ordered: true,
                        start,
                    } => {
                        if *start == 1 {
                            out.push_str("<ol>\n");
                        } else {
                            out.push_str(&format!("<ol start=\"{start}\">\n"));
                        }
                        "</ol>\n"
                    }
                    NodeKind::Item => {
                        out.push_str("<li>");
                        "</li>\n"
                    }
                    NodeKind::Definitions => {
                        out.push_str("<dl>\n");
                        "</dl>\n"
                    }
                    NodeKind::Term => {
                        out.push_str("<dt>");
                        "</dt>\n"
                    }
                    NodeKind::Definition => {
                        out.push_str("<dd>");
                        "</dd>\n"
                    }
                    NodeKind::Quote => {
                        out.push_str("<blockquote>\n");
                        "</blockquote>\n"
                    }
                    NodeKind::Table => {
                        out.push_str("<table>\n");
                        "</table>\n"
                    }
                    NodeKind::Row => {
                        out.push_str("<tr>");
                        "</tr>\n"
                    }
                    NodeKind::Cell { header: true } => {
                        out.push_str("<th>");
                        "</th>"
                    }
                    NodeKind::Cell { header: false } => {
                        out.push_str("<td>");
                        "</td>"
                    }
                    NodeKind::Code { language } => {
                        match language {
                            Some(l) => {
                                out.push_str("<pre><code class=\"language-");
                                escape_html(&mut out, l, false);
                                out.push_str("\">");
                            }
                            None => out.push_str("<pre><code>"),
                        }
                        escape_html(&mut out, &code_text(content, &node.children), false);
                        out.push_str("</code></pre>\n");
                        continue;
                    }
                };
                stack.push((n, 0, close));
            }
        }
    }
    out.push_str("</article>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn piece(text: &str, spans: Vec<Span>) -> Piece {
        Piece {
            text: text.into(),
            kind: BlockKind::Paragraph,
            spans,
        }
    }

    fn span(start: u32, end: u32, mark: Mark) -> Span {
        Span { start, end, mark }
    }

    #[test]
    fn crossing_spans_still_nest() {
        let p = piece(
            "bold and linked",
            vec![
                span(0, 8, Mark::Strong),
                span(5, 15, Mark::Link("https://a.example/".into())),
            ],
        );
        let html = inline(&HtmlInline, &p, &RenderOptions::new(true, false), None);
        assert_eq!(
            html,
            "<strong>bold <a href=\"https://a.example/\">and</a></strong> linked"
        );
    }

    #[test]
    fn inline_code_is_verbatim_in_markdown_and_escaped_in_html() {
        let p = piece("use Vec<u8> *now*", vec![span(4, 11, Mark::Code)]);
        let options = RenderOptions::default();
        assert_eq!(
            inline(&MarkdownInline, &p, &options, None),
            "use `Vec<u8>` \\*now\\*"
        );
        assert_eq!(
            inline(&HtmlInline, &p, &options, None),
            "use <code>Vec&lt;u8&gt;</code> *now*"
        );
    }

    #[test]
    fn only_web_and_mail_links_survive() {
        let base = Url::parse("https://news.example/a/b").unwrap();
        assert_eq!(
            resolve("../c?d=1#e", Some(&base), true).as_deref(),
            Some("https://news.example/c?d=1#e")
        );
        assert_eq!(resolve("javascript:alert(1)", Some(&base), true), None);
        assert_eq!(resolve("data:text/html,x", None, true), None);
        assert_eq!(resolve("mailto:a@b.example", None, false), None);
        assert_eq!(resolve("/rel", None, true).as_deref(), Some("/rel"));
    }

    #[test]
    fn block_markers_at_line_start_are_escaped() {
        assert_eq!(escape_line_start("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line_start("1984. A year"), "1984\\. A year");
        assert_eq!(escape_line_start("- dash"), "\\- dash");
        assert_eq!(escape_line_start("plain"), "plain");
    }
}
