//! The one place that knows the order of the stages.
//!
//! parse and segment → features → locate the main container → classify each block →
//! revise with the neighbours → select the main run.

use crate::block::{Block, BlockKind};
use crate::classify::{Label, Verdict, classify_all};
use crate::copies::second_copies;
use crate::features::{Features, page_features};
use crate::locate::{locate, mark};
use crate::metadata::Collector;
use crate::parse::Limits;
use crate::revise::{
    amid_content, cards, closing_sections, grids, lists, numbered_paragraphs, prose_captions,
    revise, tables, teaser_lists,
};
use crate::segment::{Element, OrphanImage, Page, Reveal, parse_page, segment};
use crate::select::select;
use crate::tuning::{REVEAL_BELOW_WORDS, REVEAL_GAIN};

use std::time::{Duration, Instant};

/// The stages, for timing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stage {
    /// html5ever parsing into the tree.
    Parse,
    /// Walking the tree into blocks.
    Segment,
    /// Block features.
    Features,
    /// Locating the main container.
    Locate,
    /// Classifying, revising and selecting the blocks.
    Label,
    /// Finishing the page metadata (dates, authors, language detection).
    Metadata,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 6] = [
        Stage::Parse,
        Stage::Segment,
        Stage::Features,
        Stage::Locate,
        Stage::Label,
        Stage::Metadata,
    ];

    /// The stage's name.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Parse => "parse",
            Stage::Segment => "segment",
            Stage::Features => "features",
            Stage::Locate => "locate",
            Stage::Label => "label",
            Stage::Metadata => "metadata",
        }
    }
}

/// Time spent in each stage, summed over the pages it was passed to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StageTimes {
    spent: [Duration; 6],
}

impl StageTimes {
    /// Time spent in `stage`.
    pub fn get(&self, stage: Stage) -> Duration {
        self.spent[stage as usize]
    }

    /// Add another page's times.
    pub fn add(&mut self, other: &StageTimes) {
        for (a, b) in self.spent.iter_mut().zip(other.spent) {
            *a += b;
        }
    }

    /// Add `spent` to `stage`.
    pub(crate) fn charge(&mut self, stage: Stage, spent: Duration) {
        self.spent[stage as usize] += spent;
    }

    /// The total over all stages.
    pub fn total(&self) -> Duration {
        self.spent.iter().sum()
    }
}

/// Lap timer over the stages; does nothing unless enabled, so untimed runs pay nothing.
struct Laps<'a> {
    times: Option<&'a mut StageTimes>,
    last: Option<Instant>,
}

impl<'a> Laps<'a> {
    fn new(times: Option<&'a mut StageTimes>) -> Laps<'a> {
        let last = times.as_ref().map(|_| Instant::now());
        Laps { times, last }
    }

    /// Charge the time since the last lap to `stage`.
    fn lap(&mut self, stage: Stage) {
        if let (Some(times), Some(last)) = (self.times.as_deref_mut(), self.last.as_mut()) {
            let now = Instant::now();
            times.spent[stage as usize] += now - *last;
            *last = now;
        }
    }
}

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
    /// The parser flattened or cut the page at a limit.
    pub truncated: bool,
    /// Metadata evidence from the walk.
    pub metadata: Option<Collector>,
    /// The block-level elements of the page.
    pub elements: Vec<Element>,
    /// Images between blocks.
    pub images: Vec<OrphanImage>,
    /// The page's `<base href>`.
    pub base_href: Option<String>,
}

/// Run every stage on `html`.
///
/// When the article found holds under [`REVEAL_BELOW_WORDS`] words and the walk left hidden
/// elements or `<noscript>`s out, the stages run again with them in (but for the invisible
/// ones when some article was seen), and that result is kept when it holds more than
/// [`REVEAL_GAIN`] times the words.
pub(crate) fn run(html: &str, limits: Limits, times: Option<&mut StageTimes>) -> Outcome {
    let mut laps = Laps::new(times);
    let doc = parse_page(html, limits);
    laps.lap(Stage::Parse);
    let page = segment(&doc, Reveal::Nothing);
    // A `<title>` left unclosed swallows the whole page as its text (browsers do the same,
    // but such pages were written for parsers that gave up at the next tag): when the walk
    // found no block at all, the title's text is read again as the page.
    let swallowed = page.swallowed.clone().filter(|_| page.blocks.is_empty());
    let first = run_page(page, &mut laps);
    if let Some(body) = swallowed {
        let again = run_page(
            segment(&parse_page(&body, limits), Reveal::Nothing),
            &mut laps,
        );
        if again.content_words > 0 {
            return Outcome {
                title: first.title,
                metadata: first.metadata,
                ..again
            };
        }
    }
    if first.concealed == 0 || first.content_words >= REVEAL_BELOW_WORDS {
        return first;
    }
    // A visible article, however short, is seen: a part of it laid out invisible is not
    // waiting for a script, as a page hidden whole is.
    let reveal = if first.content_words > 0 {
        Reveal::AllButInvisible
    } else {
        Reveal::All
    };
    let second = run_page(segment(&doc, reveal), &mut laps);
    if second.content_words > REVEAL_GAIN * first.content_words {
        Outcome {
            base_href: first.base_href,
            ..second
        }
    } else {
        first
    }
}

/// The stages after segmentation.
fn run_page(mut page: Page, laps: &mut Laps<'_>) -> Outcome {
    laps.lap(Stage::Segment);
    let feats = page_features(&page.blocks);
    laps.lap(Stage::Features);
    let main = locate(&page.blocks, &feats, &page.elements);
    mark(&mut page.blocks, &page.elements, main.as_ref());
    laps.lap(Stage::Locate);
    let mut verdicts = classify_all(&page.blocks, &feats);
    let kinds: Vec<BlockKind> = page.blocks.iter().map(|b| b.kind).collect();
    let in_main: Vec<bool> = page.blocks.iter().map(|b| b.in_main).collect();
    prose_captions(&page.blocks, &feats, &mut verdicts);
    revise(&kinds, &feats, &in_main, &mut verdicts);
    tables(&page.blocks, &page.elements, &mut verdicts);
    lists(&page.blocks, &feats, &page.elements, &mut verdicts);
    teaser_lists(&page.blocks, &page.elements, &mut verdicts);
    numbered_paragraphs(&page.blocks, &feats, &mut verdicts);
    cards(&page.blocks, &page.elements, &mut verdicts);
    grids(
        &mut page.blocks,
        &page.elements,
        &page.images,
        &mut verdicts,
        page.revealed,
    );
    closing_sections(&page.blocks, &page.elements, &mut verdicts);
    amid_content(&page.blocks, &feats, &mut verdicts);
    let title_text = match &page.meta_title {
        Some(meta) => format!("{} {}", page.title, meta),
        None => page.title.clone(),
    };
    select(&page.blocks, &feats, &mut verdicts, &title_text);
    second_copies(&page.blocks, &page.elements, &mut verdicts);
    let content_words = page
        .blocks
        .iter()
        .zip(&verdicts)
        .filter(|(_, v)| v.label == Label::Content)
        .map(|(b, _)| b.words)
        .sum();
    let title = page.meta_title.take().unwrap_or(page.title);
    laps.lap(Stage::Label);
    Outcome {
        blocks: page.blocks,
        features: feats,
        verdicts,
        title,
        main_found: main.is_some(),
        concealed: page.concealed,
        content_words,
        truncated: page.parse.truncated(),
        metadata: page.metadata,
        elements: page.elements,
        images: page.images,
        base_href: page.base_href,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content_words(html: &str) -> u32 {
        let limits = Limits {
            max_depth: 512,
            max_nodes: 100_000,
        };
        run(html, limits, None).content_words
    }

    const PARAGRAPH: &str = "<p>The harbour board agreed on Tuesday to dredge the outer channel, \
        which has silted up so badly that the larger boats can only leave at high tide, \
        and work will start in March.</p>";

    #[test]
    fn a_page_hidden_whole_is_revealed() {
        let html = format!(
            "<body><div style='visibility: hidden'><article>{}</article></div></body>",
            PARAGRAPH.repeat(3)
        );
        assert!(content_words(&html) > 50);
    }

    #[test]
    fn an_invisible_part_of_a_seen_article_stays_out() {
        let html = format!(
            "<body><article>{}<div style='visibility: hidden'>{}</div></article></body>",
            PARAGRAPH,
            PARAGRAPH.repeat(3)
        );
        let seen = content_words(&html);
        assert!(seen > 0 && seen < 50, "{seen}");
    }
}
