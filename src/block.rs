//! Text blocks and their raw counts, as the segmenter cuts them out of the page.

use std::sync::Arc;

use crate::hints::Hints;
use crate::text::{Span, TextShape};

/// What kind of element a block's text sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum BlockKind {
    /// A paragraph or other running text.
    Paragraph,
    /// A heading of the given level (1 to 6).
    Heading(u8),
    /// A list item.
    ListItem,
    /// A quotation.
    Quote,
    /// Preformatted text or code; whitespace kept.
    Preformatted,
    /// A table cell.
    Cell,
    /// A figure caption.
    Caption,
}

impl BlockKind {
    /// A short name for the explain table.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "p",
            BlockKind::Heading(1) => "h1",
            BlockKind::Heading(2) => "h2",
            BlockKind::Heading(3) => "h3",
            BlockKind::Heading(_) => "h4+",
            BlockKind::ListItem => "li",
            BlockKind::Quote => "quote",
            BlockKind::Preformatted => "pre",
            BlockKind::Cell => "cell",
            BlockKind::Caption => "caption",
        }
    }
}

/// The nearest semantic container of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Container {
    /// None of the others.
    None,
    /// Inside `<article>`.
    Article,
    /// Inside `<main>`.
    Main,
    /// Inside `<nav>`.
    Nav,
    /// Inside `<aside>`.
    Aside,
    /// Inside `<header>`.
    Header,
    /// Inside `<footer>`.
    Footer,
    /// Inside `<form>`.
    Form,
    /// Inside `<figure>` or `<figcaption>`.
    Figure,
}

impl Container {
    /// A short name for the explain table.
    pub fn name(self) -> &'static str {
        match self {
            Container::None => "-",
            Container::Article => "article",
            Container::Main => "main",
            Container::Nav => "nav",
            Container::Aside => "aside",
            Container::Header => "header",
            Container::Footer => "footer",
            Container::Form => "form",
            Container::Figure => "figure",
        }
    }
}

/// A run of text between two block boundaries, with the raw counts taken while walking.
#[derive(Debug, Clone)]
pub struct Block {
    /// The text, whitespace folded (kept as is in preformatted blocks).
    pub text: String,
    /// The kind of element holding the text.
    pub kind: BlockKind,
    /// Words (whitespace-separated; Han, Kana and Hangul characters count by pairs).
    pub words: u32,
    /// Words inside links.
    pub link_words: u32,
    /// Characters that are not whitespace.
    pub chars: u32,
    /// Sentence marks, commas, digits and text density, counted with the words for the
    /// features.
    pub(crate) shape: TextShape,
    /// Depth of the holding element in the tree.
    pub depth: u32,
    /// The last few tags down to the holding element, such as `div.body > p`.
    pub path: Arc<str>,
    /// Nearest semantic container.
    pub container: Container,
    /// Hints from the class, id and tag of every ancestor, before the main container is known.
    pub hints: Hints,
    /// Hints from the ancestors inside the main container only (set by the locate stage).
    pub local_hints: Hints,
    /// Whether the block lies inside the main container (set by the locate stage).
    pub in_main: bool,
    /// Index of the holding element in the page's element table.
    pub(crate) owner: u32,
    /// Ancestors that carry hints, nearest last: (element index, hints). Shared by the
    /// blocks walked under the same chain of them.
    pub(crate) hinted_ancestors: Arc<[(u32, Hints)]>,
    /// Emphasis, code, links and images inside the text, for the Markdown and HTML output.
    pub(crate) spans: Vec<Span>,
}

impl Block {
    /// Words outside links.
    pub(crate) fn unlinked_words(&self) -> u32 {
        self.words - self.link_words.min(self.words)
    }
}
