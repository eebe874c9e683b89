//! Keep the main run of content: content blocks inside the main container, plus the headline.

use crate::block::{Block, BlockKind};
use crate::classify::{Label, Reason, Verdict};
use crate::text::is_cjk;
use crate::tuning::HEADLINE_TITLE_OVERLAP;

/// Turn content outside the main container into boilerplate, then take in the headline.
pub fn select(blocks: &[Block], verdicts: &mut [Verdict], title: &str) {
    for (block, verdict) in blocks.iter().zip(verdicts.iter_mut()) {
        if verdict.label == Label::Content && !block.in_main {
            *verdict = Verdict::new(Label::Boilerplate, Reason::OutsideMain);
        }
    }
    if let Some(i) = headline(blocks, verdicts, title) {
        verdicts[i] = Verdict::new(Label::Content, Reason::Headline);
    }
}

/// The headline: the top-level heading before the first content block whose words mostly
/// appear in the page title (news pages repeat the headline there). `None` when the content
/// already starts with such a heading or nothing matches.
fn headline(blocks: &[Block], verdicts: &[Verdict], title: &str) -> Option<usize> {
    let first = verdicts.iter().position(|v| v.label == Label::Content)?;
    let title_words = lowercase_words(title);
    if title_words.is_empty() {
        return None;
    }
    if let Some(BlockKind::Heading(1)) = blocks.get(first).map(|b| b.kind) {
        return None;
    }
    let mut best: Option<(usize, u8, f32)> = None;
    for (i, block) in blocks.iter().enumerate().take(first) {
        let BlockKind::Heading(level) = block.kind else {
            continue;
        };
        if level > 2 {
            continue;
        }
        let words = lowercase_words(&block.text);
        if words.len() < 2 {
            continue;
        }
        let shared = words.iter().filter(|w| title_words.contains(w)).count();
        let overlap = shared as f32 / words.len() as f32;
        if overlap < HEADLINE_TITLE_OVERLAP {
            continue;
        }
        // Prefer h1 over h2, then the better overlap, then the later one.
        let better = best.is_none_or(|(_, l, o)| level < l || (level == l && overlap >= o));
        if better {
            best = Some((i, level, overlap));
        }
    }
    best.map(|(i, _, _)| i)
}

/// Lowercase words of `text` for comparing a heading with the title; Han, Kana and Hangul
/// characters count one by one, since those scripts put no spaces between words.
fn lowercase_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if word.chars().any(is_cjk) {
            words.extend(word.chars().map(String::from));
        } else {
            words.push(word.to_lowercase());
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_headings_compare_by_character() {
        let words = lowercase_words("毎朝のお弁当 Tips");
        assert_eq!(words.len(), 7);
        assert_eq!(words.last().map(String::as_str), Some("tips"));
    }
}
