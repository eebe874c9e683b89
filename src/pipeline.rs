//! The one place that knows the order of the stages.
//!
//! parse and segment → features → locate the main container → classify each block →
//! revise with the neighbours → select the main run.

use crate::block::{Block, BlockKind};
use crate::classify::{Verdict, classify_all};
use crate::features::{Features, features};
use crate::locate::{locate, mark};
use crate::revise::revise;
use crate::segment::segment;
use crate::select::select;

/// Everything the stages produced for one page.
pub(crate) struct Outcome {
    pub blocks: Vec<Block>,
    pub features: Vec<Features>,
    pub verdicts: Vec<Verdict>,
    pub title: String,
    pub main_found: bool,
}

/// Run every stage on `html`.
pub(crate) fn run(html: &str) -> Outcome {
    let mut page = segment(html);
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
    let title = page.meta_title.take().unwrap_or(page.title);
    Outcome {
        blocks: page.blocks,
        features: feats,
        verdicts,
        title,
        main_found: main.is_some(),
    }
}
