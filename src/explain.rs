//! The explain table: every block with its features, label and reason.

use std::fmt;

use crate::block::{BlockKind, Container};
use crate::classify::{Label, Reason};
use crate::features::Features;
use crate::hints::Hints;
use crate::pipeline::Outcome;

/// One block as the pipeline saw it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ExplainedBlock {
    /// The block's text.
    pub text: String,
    /// The kind of element holding it.
    pub kind: BlockKind,
    /// The last tags down to it.
    pub path: String,
    /// Depth in the tree.
    pub depth: u32,
    /// Nearest semantic container.
    pub container: Container,
    /// Hints of the ancestors inside the main container.
    pub hints: Hints,
    /// Whether it lies in the main container.
    pub in_main: bool,
    /// Its features.
    pub features: Features,
    /// The final label.
    pub label: Label,
    /// Why.
    pub reason: Reason,
}

/// Every block of a page, as [`crate::Extractor::explain`] reports them.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Explanation {
    /// The page title.
    pub title: String,
    /// Whether a main container was found (otherwise labels alone decided).
    pub main_found: bool,
    /// The blocks in document order.
    pub blocks: Vec<ExplainedBlock>,
}

pub(crate) fn explain(outcome: Outcome) -> Explanation {
    let blocks = outcome
        .blocks
        .into_iter()
        .zip(outcome.features)
        .zip(outcome.verdicts)
        .map(|((b, f), v)| ExplainedBlock {
            text: b.text,
            kind: b.kind,
            path: b.path.to_string(),
            depth: b.depth,
            container: b.container,
            hints: b.local_hints,
            in_main: b.in_main,
            features: f,
            label: v.label,
            reason: v.reason,
        })
        .collect();
    Explanation {
        title: outcome.title,
        main_found: outcome.main_found,
        blocks,
    }
}

/// Characters of text shown per row.
const PREVIEW_CHARS: usize = 60;

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "title: {}", self.title)?;
        writeln!(
            f,
            "main container: {}",
            if self.main_found {
                "found"
            } else {
                "none (labels alone)"
            }
        )?;
        writeln!(
            f,
            "{:>4} {:<9} {:<22} {:>5} {:>4} {:>5} {:>3} {:<7} {:<4} {:<8} {:<18} text",
            "#",
            "label",
            "reason",
            "words",
            "link",
            "dens",
            "pun",
            "kind",
            "main",
            "contain",
            "hints"
        )?;
        for (i, b) in self.blocks.iter().enumerate() {
            let x = &b.features;
            let mut preview: String = b.text.chars().take(PREVIEW_CHARS).collect();
            preview = preview.replace('\n', "⏎");
            if b.text.chars().count() > PREVIEW_CHARS {
                preview.push('…');
            }
            writeln!(
                f,
                "{:>4} {:<9} {:<22} {:>5} {:>4.2} {:>5.1} {:>3} {:<7} {:<4} {:<8} {:<18} {}",
                i,
                b.label.name(),
                b.reason.to_string(),
                x.words,
                x.link_density,
                x.text_density,
                x.sentence_marks,
                b.kind.name(),
                if b.in_main { "in" } else { "out" },
                b.container.name(),
                b.hints.to_string(),
                preview
            )?;
        }
        Ok(())
    }
}
