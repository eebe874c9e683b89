//! The one place that knows the order of the stages.
//!
//! parse and segment → features → locate the main container → classify each block →
//! revise with the neighbours → select the main run.

use crate::block::{Block, BlockKind};
use crate::classify::{Label, Verdict, classify_all};
use crate::features::{Features, features};
use crate::locate::{locate, mark};
use crate::revise::revise;
use crate::segment::{Page, parse_page, segment};
use crate::select::select;
use crate::tuning::REVEAL_BELOW_WORDS;

/// Everything the stages produced for one page.
pub(crate) struct Outcome {
    pub blocks: Vec<Block>,
    pub features: Vec<Features>,
    pub verdicts: Vec<Verdict>,
    pub title: String,
    pub main_found: bool,
    /// Hidden elements and `<noscript>`s the walk left out.
    pub concealed: u32,
    /// Words in the content blocks.
    pub content_words: u32,
}

/// Run every stage on `html`.
///
/// When the article found holds under [`REVEAL_BELOW_WORDS`] words and the walk left hidden
/// elements or `<noscript>`s out, the stages run again with them in, and the fuller
/// result is kept.
pub(crate) fn run(html: &str) -> Outcome {
    let doc = parse_page(html);
    let first = run_page(segment(&doc, false));
    if first.concealed == 0 || first.content_words >= REVEAL_BELOW_WORDS {
        return first;
    }
    let second = run_page(segment(&doc, true));
    if second.content_words > first.content_words {
        second
    } else {
        first
    }
}

/// The stages after segmentation.
fn run_page(mut page: Page) -> Outcome {
    let count = page.blocks.len();
    let feats: Vec<Features> = page
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| features(b, i, count))
        .collect();
    let main = locate(&page.blocks, &feats, &page.elements);
    mark(&mut page.blocks, &page.elements, main.as_ref());
    let mut verdicts = classify_all(&page.blocks, &feats);
    let kinds: Vec<BlockKind> = page.blocks.iter().map(|b| b.kind).collect();
    revise(&kinds, &feats, &mut verdicts);
    let title_text = match &page.meta_title {
        Some(meta) => format!("{} {}", page.title, meta),
        None => page.title.clone(),
    };
    select(&page.blocks, &mut verdicts, &title_text);
    let content_words = page
        .blocks
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| v.label == Label::Content)
        .map(|(b, _)| b.words)
        .sum();
    let title = page.meta_title.take().unwrap_or(page.title);
    Outcome {
        blocks: page.blocks,
        features: feats,
        verdicts,
        title,
        main_found: main.is_some(),
        concealed: page.concealed,
        content_words,
    }
}
