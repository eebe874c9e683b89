//! The selected content as every renderer sees it: the kept blocks in document order, and
//! the structure around them (lists, quotations, code blocks, data tables) as a small tree.
//!
//! Built once per page from the blocks, their labels and the element table, so the text,
//! Markdown, HTML and JSON renderers all walk the same content and none re-parses another's
//! output. Building is linear in the elements above the kept blocks: each element enters
//! the open-ancestor stack at most once.

use std::collections::HashMap;

use crate::block::{Block, BlockKind};
use crate::segment::{Element, NO_ELEMENT, OrphanImage, RenderHint};
use crate::text::{Mark, Span};
use crate::tuning::LAYOUT_CELL_WORDS;

/// One kept block: its text with the inline marks inside it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    /// The text, one line per `<br>`.
    pub text: String,
    /// The kind of element holding it.
    pub kind: BlockKind,
    /// Emphasis, code, links and images, in byte ranges of `text`.
    pub spans: Vec<Span>,
}

/// What a node of the content tree is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum NodeKind {
    /// The whole content.
    Root,
    /// `<ul>` or `<ol>`: ordered lists carry their first number.
    List { ordered: bool, start: u32 },
    /// `<li>`.
    Item,
    /// `<blockquote>`.
    Quote,
    /// A data table (layout tables are not nodes: their cells read as paragraphs).
    Table,
    /// A table row.
    Row,
    /// A table cell; `header` for `<th>`.
    Cell { header: bool },
    /// `<pre>`, with the language it names.
    Code { language: Option<Box<str>> },
    /// `<dl>`: a definition list.
    Definitions,
    /// `<dt>`: a term of a definition list.
    Term,
    /// `<dd>`: a term's definition.
    Definition,
}

/// A child of a node, in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Child {
    /// Another node (an index into [`Content::nodes`]).
    Node(u32),
    /// A kept block (an index into [`Content::pieces`]).
    Piece(u32),
    /// An image standing alone between kept blocks (an index into [`Content::images`]).
    Image(u32),
}

/// A node of the content tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// What it is.
    pub kind: NodeKind,
    /// Its children, in document order.
    pub children: Vec<Child>,
}

/// The selected content of a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Content {
    /// The kept blocks, in document order.
    pub pieces: Vec<Piece>,
    /// The tree; node 0 is the root.
    pub nodes: Vec<Node>,
    /// Images between kept blocks ([`Mark::Image`]s).
    pub images: Vec<Mark>,
}

impl Default for Content {
    fn default() -> Self {
        Content {
            pieces: Vec::new(),
            nodes: vec![Node {
                kind: NodeKind::Root,
                children: Vec::new(),
            }],
            images: Vec::new(),
        }
    }
}

impl Content {
    /// Content of one paragraph holding `text`.
    pub fn paragraph(text: &str) -> Content {
        let mut content = Content::default();
        content.pieces.push(Piece {
            text: text.to_string(),
            kind: BlockKind::Paragraph,
            spans: Vec::new(),
        });
        content.nodes[0].children.push(Child::Piece(0));
        content
    }

    /// The text output: the kept blocks one per line, with no empty line (a blank line
    /// inside preformatted text is dropped too).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            for line in piece.text.lines().filter(|l| !l.trim().is_empty()) {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(line);
            }
        }
        out
    }
}

/// Build the content from the blocks, which ones are kept, the element table and the
/// images found between blocks. An image is kept when the blocks on both sides of it are.
pub(crate) fn build(
    blocks: Vec<Block>,
    keep: &[bool],
    elements: &[Element],
    images: Vec<OrphanImage>,
) -> Content {
    let mut builder = Builder {
        content: Content::default(),
        elements,
        stack: vec![(NO_ELEMENT, 0)],
        table_parts: HashMap::new(),
    };
    let mut images = images.into_iter().peekable();
    for (index, block) in blocks.into_iter().enumerate() {
        let kept = keep.get(index).copied().unwrap_or(false);
        let previous_kept = index > 0 && keep.get(index - 1).copied().unwrap_or(false);
        while let Some(image) = images.next_if(|i| i.before_block as usize <= index) {
            if kept && previous_kept && image.before_block as usize == index {
                let node = builder.position(block.owner);
                builder.add(node, Child::Image(builder.content.images.len() as u32));
                builder.content.images.push(image.mark);
            }
        }
        if !kept {
            continue;
        }
        let node = builder.position(block.owner);
        let piece = builder.content.pieces.len() as u32;
        builder.content.pieces.push(Piece {
            text: block.text,
            kind: block.kind,
            spans: block.spans,
        });
        builder.add(node, Child::Piece(piece));
    }
    builder.content
}

struct Builder<'a> {
    content: Content,
    elements: &'a [Element],
    /// The open ancestors of the current block, outermost first: (element, the node its
    /// content goes into).
    stack: Vec<(u32, u32)>,
    /// Rows and cells of the data tables met so far, made when their table was: element
    /// to node.
    table_parts: HashMap<u32, u32>,
}

impl Builder<'_> {
    fn element(&self, index: u32) -> Option<&Element> {
        self.elements.get(index as usize)
    }

    fn contains(&self, ancestor: u32, index: u32) -> bool {
        ancestor == NO_ELEMENT
            || self
                .element(ancestor)
                .is_some_and(|e| ancestor <= index && index < e.end)
    }

    fn add(&mut self, node: u32, child: Child) {
        if let Some(n) = self.content.nodes.get_mut(node as usize) {
            n.children.push(child);
        }
    }

    fn new_node(&mut self, parent: u32, kind: NodeKind) -> u32 {
        let index = self.content.nodes.len() as u32;
        self.content.nodes.push(Node {
            kind,
            children: Vec::new(),
        });
        self.add(parent, Child::Node(index));
        index
    }

    /// Move the open-ancestor stack to the element `owner` and return the node its
    /// content goes into.
    fn position(&mut self, owner: u32) -> u32 {
        while self.stack.len() > 1
            && self
                .stack
                .last()
                .is_some_and(|(e, _)| !self.contains(*e, owner))
        {
            self.stack.pop();
        }
        let (top, _) = self.stack.last().copied().unwrap_or((NO_ELEMENT, 0));
        let mut chain = Vec::new();
        let mut at = owner;
        while at != top && at != NO_ELEMENT {
            chain.push(at);
            at = self.element(at).map_or(NO_ELEMENT, |e| e.parent);
        }
        for element in chain.into_iter().rev() {
            let parent = self.stack.last().map_or(0, |(_, n)| *n);
            let node = self.open(element, parent);
            self.stack.push((element, node));
        }
        self.stack.last().map_or(0, |(_, n)| *n)
    }

    /// The node that `element`'s content goes into, made when the element is structure
    /// (`parent` when it is not).
    fn open(&mut self, element: u32, parent: u32) -> u32 {
        if let Some(node) = self.table_parts.get(&element) {
            return *node;
        }
        let Some(e) = self.element(element) else {
            return parent;
        };
        use html5ever::local_name;
        let kind = match e.name {
            local_name!("ul") | local_name!("menu") | local_name!("dir") => NodeKind::List {
                ordered: false,
                start: 1,
            },
            local_name!("ol") => NodeKind::List {
                ordered: true,
                start: match e.render {
                    RenderHint::Start(n) => n,
                    _ => 1,
                },
            },
            local_name!("li") => NodeKind::Item,
            local_name!("dl") => NodeKind::Definitions,
            local_name!("dt") => NodeKind::Term,
            local_name!("dd") => NodeKind::Definition,
            local_name!("blockquote") => NodeKind::Quote,
            local_name!("pre") => NodeKind::Code {
                language: match &e.render {
                    RenderHint::Language(l) => Some(l.clone()),
                    _ => None,
                },
            },
            local_name!("table") if self.is_data_table(element) => {
                let table = self.new_node(parent, NodeKind::Table);
                self.make_table_parts(element, table);
                return table;
            }
            _ => return parent,
        };
        self.new_node(parent, kind)
    }

    /// The rows of `table` (directly or in its row groups) and their cells, made up front
    /// so that empty cells keep their column.
    fn make_table_parts(&mut self, table: u32, node: u32) {
        use html5ever::local_name;
        let end = self.element(table).map_or(table, |e| e.end);
        let mut row_node = None;
        let mut row_element = NO_ELEMENT;
        let mut at = table + 1;
        while at < end {
            let Some(e) = self.element(at) else { break };
            let (name, parent, skip_to) = (e.name.clone(), e.parent, e.end);
            match name {
                local_name!("table") => {
                    at = skip_to;
                    continue;
                }
                local_name!("tr") if self.row_of(table, parent) => {
                    let row = self.new_node(node, NodeKind::Row);
                    self.table_parts.insert(at, row);
                    row_node = Some(row);
                    row_element = at;
                }
                local_name!("td") | local_name!("th") if parent == row_element => {
                    if let Some(row) = row_node {
                        let header = name == local_name!("th");
                        let cell = self.new_node(row, NodeKind::Cell { header });
                        self.table_parts.insert(at, cell);
                    }
                }
                _ => {}
            }
            at += 1;
        }
    }

    /// Whether a `<tr>` whose parent is `parent` is a row of `table`.
    fn row_of(&self, table: u32, parent: u32) -> bool {
        use html5ever::local_name;
        parent == table
            || self.element(parent).is_some_and(|g| {
                matches!(
                    g.name,
                    local_name!("tbody") | local_name!("thead") | local_name!("tfoot")
                ) && g.parent == table
            })
    }

    /// A table holding data, not laying out the page: no table inside it, more than one
    /// row and column, and no cell longer than [`LAYOUT_CELL_WORDS`].
    fn is_data_table(&self, table: u32) -> bool {
        use html5ever::local_name;
        let Some(t) = self.element(table) else {
            return false;
        };
        let (mut rows, mut widest, mut cells) = (0u32, 0u32, 0u32);
        for index in table + 1..t.end {
            let Some(e) = self.element(index) else { break };
            match e.name {
                local_name!("table") => return false,
                local_name!("tr") => {
                    rows += 1;
                    cells = 0;
                }
                local_name!("td") | local_name!("th") => {
                    if e.words > LAYOUT_CELL_WORDS {
                        return false;
                    }
                    cells += 1;
                    widest = widest.max(cells);
                }
                _ => {}
            }
        }
        rows > 1 && widest > 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Limits;
    use crate::segment::{Reveal, parse_page, segment};

    /// The content of `html` with every block kept.
    fn keep_all(html: &str) -> Content {
        let doc = parse_page(
            html,
            Limits {
                max_depth: 512,
                max_nodes: 100_000,
            },
        );
        let page = segment(&doc, Reveal::Nothing);
        let keep = vec![true; page.blocks.len()];
        build(page.blocks, &keep, &page.elements, page.images)
    }

    fn kinds(c: &Content) -> Vec<&NodeKind> {
        c.nodes.iter().map(|n| &n.kind).collect()
    }

    #[test]
    fn lists_nest_and_keep_their_numbers() {
        let c = keep_all("<ol start=3><li>one<ul><li>inner</li></ul></li><li>two</li></ol>");
        assert_eq!(
            kinds(&c),
            [
                &NodeKind::Root,
                &NodeKind::List {
                    ordered: true,
                    start: 3
                },
                &NodeKind::Item,
                &NodeKind::List {
                    ordered: false,
                    start: 1
                },
                &NodeKind::Item,
                &NodeKind::Item,
            ]
        );
        assert_eq!(c.nodes[2].children, [Child::Piece(0), Child::Node(3)]);
    }

    #[test]
    fn a_data_table_keeps_its_empty_cells() {
        let c = keep_all(
            "<table><tr><th>Name</th><th>Score</th></tr><tr><td></td><td>7</td></tr></table>",
        );
        let cells = c
            .nodes
            .iter()
            .filter(|n| matches!(n.kind, NodeKind::Cell { .. }))
            .count();
        assert_eq!(cells, 4);
        assert_eq!(c.text(), "Name\nScore\n7");
    }

    #[test]
    fn a_layout_table_is_no_table() {
        let c = keep_all("<table><tr><td>Only one column</td></tr><tr><td>here</td></tr></table>");
        assert!(!kinds(&c).contains(&&NodeKind::Table));
    }

    #[test]
    fn an_image_between_kept_blocks_is_kept() {
        let c = keep_all("<p>First.</p><figure><img src=a.png alt=Map></figure><p>Second.</p>");
        assert_eq!(c.images.len(), 1);
        assert_eq!(c.nodes[0].children[1], Child::Image(0));
    }

    #[test]
    fn code_blocks_take_the_language_of_their_code() {
        let c = keep_all("<pre><code class=\"language-rust\">fn main() {}</code></pre>");
        assert_eq!(
            c.nodes[1].kind,
            NodeKind::Code {
                language: Some("rust".into())
            }
        );
        // Sphinx names it on a wrapper two levels up; its `highlight-default` names none.
        for (wrapper, language) in [
            ("highlight-python notranslate", Some("python")),
            ("highlight-default", None),
        ] {
            let c = keep_all(&format!(
                "<div class=\"{wrapper}\"><div class=\"highlight\"><pre>x = 1</pre></div></div>"
            ));
            let code = c
                .nodes
                .iter()
                .find(|n| matches!(n.kind, NodeKind::Code { .. }));
            assert_eq!(
                code.map(|n| &n.kind),
                Some(&NodeKind::Code {
                    language: language.map(Box::from)
                }),
                "{wrapper}"
            );
        }
    }

    #[test]
    fn text_has_no_empty_lines() {
        let c = keep_all("<pre>a\n\n\nb</pre><p>c</p>");
        assert_eq!(c.text(), "a\nb\nc");
    }
}
