//! Keep the main run of content: content blocks inside the main container, plus the headline.

use std::borrow::Cow;

use crate::block::{Block, BlockKind};
use crate::classify::{Label, Reason, Verdict, classify};
use crate::features::Features;
use crate::hints::{Hint, Hints};
use crate::metadata::TITLE_SEPARATORS;
use crate::text::is_cjk;
use crate::tuning::{
    FALLBACK_DISCUSSION_SHARE, FALLBACK_LINK_WORDS, FALLBACK_MIN_WORDS, FALLBACK_TITLED_MIN_WORDS,
    MAX_LINK_DENSITY, SHORT_BLOCK_WORDS,
};
use crate::tuning::{HEADLINE_MAX_LEVEL, HEADLINE_TITLE_OVERLAP};

/// Turn content outside the main container into boilerplate, and content under a sidebar
/// name beside content under a content name, then take in the headline.
pub fn select(blocks: &[Block], features: &[Features], verdicts: &mut [Verdict], title: &str) {
    for (block, verdict) in blocks.iter().zip(verdicts.iter_mut()) {
        if verdict.label == Label::Content && !block.in_main {
            *verdict = Verdict::new(Label::Boilerplate, Reason::OutsideMain);
        }
    }
    // Long prose outweighs a weak sidebar name (see `classify`), for pages whose article
    // sits in a box named so; but beside content kept under a content name and no chrome
    // name (the post's `entry-content`), it is the sidebar's own: a blog's "About me"
    // profile outscoring a post of 50 words (corpus `blog/short-post-long-profile`).
    let named_content = blocks.iter().zip(verdicts.iter()).any(|(b, v)| {
        v.label == Label::Content
            && b.local_hints.has(Hint::Content)
            && b.local_hints.negative().is_empty()
    });
    if named_content {
        for (b, v) in blocks.iter().zip(verdicts.iter_mut()) {
            if v.label == Label::Content
                && b.local_hints.has(Hint::Sidebar)
                && !b.local_hints.has(Hint::Content)
            {
                *v = Verdict::new(Label::Boilerplate, Reason::Hint(Hint::Sidebar));
            }
        }
    }
    if !verdicts.iter().any(|v| v.label == Label::Content) {
        fall_back(blocks, features, verdicts, title);
    }
    if let Some(i) = headline(blocks, verdicts, title) {
        verdicts[i] = Verdict::new(Label::Content, Reason::Headline);
    }
}

/// The readers' comments: blocks under a comment-named element or in a comment section
/// (see [`crate::revise::closing_sections`]) that were not kept, and that read as content
/// on their own features (names, dates and "Reply" links do not).
pub(crate) fn comments(
    blocks: &[Block],
    features: &[Features],
    verdicts: &[Verdict],
) -> Vec<usize> {
    blocks
        .iter()
        .zip(features)
        .zip(verdicts)
        .enumerate()
        .filter(|(_, ((block, f), verdict))| {
            verdict.label != Label::Content
                && (block.hints.has(Hint::Comment) || verdict.reason == Reason::CommentSection)
                && classify(block.kind, Hints::NONE, f, block.chars).label == Label::Content
        })
        .map(|(i, _)| i)
        .collect()
}

/// When nothing was kept, keep the first of these that holds at least
/// [`FALLBACK_MIN_WORDS`] words: a page whose every block is short or hinted (a product page
/// of fragments, a forum of one-line posts) still has its body, and an empty result loses
/// all of it. A main container holding the page's headline (see [`names_title`]) and a
/// block of [`SHORT_BLOCK_WORDS`] or more under no chrome name is a post, however short (a
/// song or a picture with a line about it): its text needs only
/// [`FALLBACK_TITLED_MIN_WORDS`].
/// 1. the text of the main container that is not navigation, with the links of
///    [`FALLBACK_LINK_WORDS`] words or more under no chrome name (a listing of linked
///    titles and teasers is its own content; a site map of one-word links is not);
/// 2. the text anywhere on the page that is not navigation and is under no chrome name
///    (the main container was a wrong guess: a widget beside the article).
fn fall_back(blocks: &[Block], features: &[Features], verdicts: &mut [Verdict], title: &str) {
    let mut lower = String::new();
    let title_words = lowercase_words_in(title, &mut lower);
    let titled = blocks
        .iter()
        .any(|b| b.in_main && (names_title(b, &title_words).is_some() || is_title_alone(b, title)));
    let tier = |t: usize, block: &Block, f: &Features| match t {
        0 => {
            block.in_main
                && (f.link_density <= MAX_LINK_DENSITY
                    || (f.words >= FALLBACK_LINK_WORDS && block.local_hints.negative().is_empty()))
        }
        _ => f.link_density <= MAX_LINK_DENSITY && block.hints.negative().is_empty(),
    };
    // A post has a line of its own to say: a block of a sentence's length under no chrome
    // name beside its headline (a schedule's column labels or a shop's footer under a
    // category's h1 are no post).
    let enough = |kept: &[usize], t: usize| {
        let words: u32 = kept.iter().map(|&i| features[i].words).sum();
        let said = kept.iter().any(|&i| {
            !matches!(blocks[i].kind, BlockKind::Heading(_))
                && features[i].words >= SHORT_BLOCK_WORDS
                && !features[i].credit
                && blocks[i].local_hints.negative().is_empty()
        });
        let floor = if t == 0 && titled && said {
            FALLBACK_TITLED_MIN_WORDS
        } else {
            FALLBACK_MIN_WORDS
        };
        words >= floor
    };
    for t in 0..2 {
        let mut kept: Vec<usize> = blocks
            .iter()
            .zip(features)
            .enumerate()
            .filter(|(_, (block, f))| f.words > 0 && !f.dateline && tier(t, block, f))
            .map(|(i, _)| i)
            .collect();
        // A post that is enough on its own ends where its readers' comments or the form
        // to add one begin (a picture post's line, then "0 Comments", "Leave a comment",
        // "Name (required)"), when most words from there on are under those names (not
        // one "Comments:" line in each entry of a listing); a forum whose every post is
        // under a comment name keeps them.
        let discussion = |i: usize| {
            blocks[i].local_hints.has(Hint::Comment) || blocks[i].local_hints.has(Hint::Form)
        };
        if let Some(cut) = kept.iter().position(|&i| discussion(i)) {
            let rest: u32 = kept[cut..].iter().map(|&i| features[i].words).sum();
            let named: u32 = kept[cut..]
                .iter()
                .filter(|&&i| discussion(i))
                .map(|&i| features[i].words)
                .sum();
            if named as f32 >= FALLBACK_DISCUSSION_SHARE * rest as f32 && enough(&kept[..cut], t) {
                kept.truncate(cut);
            }
        }
        if enough(&kept, t) {
            for i in kept {
                verdicts[i] = Verdict::new(Label::Content, Reason::Fallback);
            }
            return;
        }
    }
    // A page this small in all, with no navigation and no chrome-named block, is a note,
    // a snippet or a test page: all its text is its body.
    let page_words: u32 = features.iter().map(|f| f.words).sum();
    let all_plain = blocks.iter().zip(features).all(|(block, f)| {
        f.words == 0
            || (f.link_density <= MAX_LINK_DENSITY
                && !f.dateline
                && block.local_hints.negative().is_empty())
    });
    if page_words < FALLBACK_MIN_WORDS && all_plain {
        for (i, f) in features.iter().enumerate() {
            if f.words > 0 {
                verdicts[i] = Verdict::new(Label::Content, Reason::Fallback);
            }
        }
    }
}

/// The headline: the heading (h1 to [`HEADLINE_MAX_LEVEL`]) before the first content block
/// whose words mostly appear in the page title (news pages repeat the headline there) and
/// that names most of the title's words (a blog's title holds the blog's name and the
/// post's). `None` when the content already starts with such a heading or nothing matches.
fn headline(blocks: &[Block], verdicts: &[Verdict], title: &str) -> Option<usize> {
    let first = verdicts.iter().position(|v| v.label == Label::Content)?;
    let mut lower = String::new();
    let title_words = lowercase_words_in(title, &mut lower);
    if title_words.is_empty() {
        return None;
    }
    if let Some(BlockKind::Heading(1)) = blocks.get(first).map(|b| b.kind) {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    // The first content block competes too: when it is a heading naming at least as much
    // of the title (a post title the neighbours kept), the content already starts with
    // the headline.
    for (i, block) in blocks.iter().enumerate().take(first + 1) {
        let Some(shared) = names_title(block, &title_words) else {
            continue;
        };
        // Prefer the heading naming more of the title (the post's title over the site's
        // name when the title holds both); of two naming it equally, the one nearer the
        // body, whatever their levels: a blog's name in an h1 at the top and its post's
        // short title in an h2 or h3, or the previous story's headline in a site header
        // above the story's own. Tuned on all six sets: dragnet-train +0.0002 (about 20
        // pages up, none down by more than 0.002), wcxb-dev +0.00004, the others unchanged.
        if best.is_none_or(|(_, sh)| shared >= sh) {
            best = Some((i, shared));
        }
    }
    best.map(|(i, _)| i).filter(|&i| i != first)
}

/// How many of the title's words a heading (h1 to [`HEADLINE_MAX_LEVEL`], two words or more)
/// names, when they are at least [`HEADLINE_TITLE_OVERLAP`] of its own: a heading that
/// could be the headline.
fn names_title(block: &Block, title_words: &[Cow<'_, str>]) -> Option<usize> {
    let BlockKind::Heading(level) = block.kind else {
        return None;
    };
    if level > HEADLINE_MAX_LEVEL {
        return None;
    }
    let words = lowercase_words(&block.text);
    if words.len() < 2 {
        return None;
    }
    let shared = words
        .iter()
        .filter(|w| title_words.iter().any(|t| t == *w))
        .count();
    ((shared as f32) >= HEADLINE_TITLE_OVERLAP * words.len() as f32).then_some(shared)
}

/// Whether a heading (h1 to [`HEADLINE_MAX_LEVEL`]) of one word is the whole title before
/// the site's name ("nook" in "nook — A Writer's Blog"): a post titled in one word, which
/// [`names_title`] leaves out since one shared word is as often a section's name.
fn is_title_alone(block: &Block, title: &str) -> bool {
    if !matches!(block.kind, BlockKind::Heading(level) if level <= HEADLINE_MAX_LEVEL) {
        return false;
    }
    let words = lowercase_words(&block.text);
    let end = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.find(sep))
        .min()
        .unwrap_or(title.len());
    words.len() == 1 && lowercase_words(&title[..end]) == words
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

/// [`lowercase_words`] of `text`, borrowed from `lower` (set to `text` lowercased) when
/// `text` is ASCII: one copy instead of one per word (a `<title>` that a broken `</title>`
/// made tens of KB of the page). ASCII holds no Han, Kana or Hangul, and lowercasing it
/// keeps every character a letter or digit or not.
fn lowercase_words_in<'a>(text: &str, lower: &'a mut String) -> Vec<Cow<'a, str>> {
    if !text.is_ascii() {
        return lowercase_words(text).into_iter().map(Cow::Owned).collect();
    }
    lower.clear();
    lower.push_str(text);
    lower.make_ascii_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(Cow::Borrowed)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::Container;
    use crate::hints::Hints;

    fn block(text: &str, words: u32, link_words: u32) -> Block {
        Block {
            text: text.to_string(),
            kind: BlockKind::Paragraph,
            words,
            link_words,
            chars: text.len() as u32,
            shape: crate::text::TextCounts::of(text).shape,
            depth: 3,
            path: "div > p".into(),
            container: Container::None,
            hints: Hints::NONE,
            local_hints: Hints::NONE,
            in_main: true,
            owner: 0,
            hinted_ancestors: Default::default(),
            spans: Vec::new(),
        }
    }

    #[test]
    fn an_empty_selection_falls_back_to_the_main_container() {
        let blocks = [block("Home", 1, 1), block(&"word ".repeat(60), 60, 0)];
        let feats = crate::features::page_features(&blocks);
        let mut verdicts = [Verdict::new(Label::Boilerplate, Reason::LinkDensity); 2];
        select(&blocks, &feats, &mut verdicts, "");
        assert_eq!(verdicts[0].reason, Reason::LinkDensity);
        assert_eq!(verdicts[1].reason, Reason::Fallback);
    }

    #[test]
    fn a_listing_of_links_falls_back_to_its_links_then_the_page_to_unhinted_text() {
        let title = format!("Linked {}", "title ".repeat(10));
        let blocks: Vec<Block> = (0..6).map(|_| block(&title, 11, 11)).collect();
        let feats = crate::features::page_features(&blocks);
        let mut verdicts = vec![Verdict::new(Label::Boilerplate, Reason::LinkDensity); 6];
        select(&blocks, &feats, &mut verdicts, "");
        assert!(verdicts.iter().all(|v| v.reason == Reason::Fallback));

        let mut outside = block(&"word ".repeat(60), 60, 0);
        outside.in_main = false;
        let blocks = [block("Home", 1, 1), outside];
        let feats = crate::features::page_features(&blocks);
        let mut verdicts = [Verdict::new(Label::Boilerplate, Reason::OutsideMain); 2];
        select(&blocks, &feats, &mut verdicts, "");
        assert_eq!(verdicts[0].reason, Reason::OutsideMain);
        assert_eq!(verdicts[1].reason, Reason::Fallback);
    }

    #[test]
    fn linked_teasers_fall_back_with_the_plain_text_around_them() {
        let teaser = format!("Linked {}", "teaser ".repeat(10));
        let mut blocks: Vec<Block> = (0..3).map(|_| block(&teaser, 11, 11)).collect();
        blocks.push(block(&"word ".repeat(60), 60, 0));
        blocks.push(block("Home", 1, 1));
        let mut hinted = block(&teaser, 11, 11);
        hinted.local_hints = Hints::of(Hint::Related);
        blocks.push(hinted);
        let feats = crate::features::page_features(&blocks);
        let mut verdicts = vec![Verdict::new(Label::Boilerplate, Reason::LinkDensity); 6];
        select(&blocks, &feats, &mut verdicts, "");
        let kept: Vec<bool> = verdicts
            .iter()
            .map(|v| v.reason == Reason::Fallback)
            .collect();
        assert_eq!(kept, [true, true, true, true, false, false]);
    }

    #[test]
    fn too_little_text_beside_navigation_stays_empty() {
        let blocks = [
            block("Home News Sport", 3, 3),
            block("A few words only", 4, 0),
        ];
        let feats = crate::features::page_features(&blocks);
        let mut verdicts = [Verdict::new(Label::Boilerplate, Reason::NeighboursBoilerplate); 2];
        select(&blocks, &feats, &mut verdicts, "");
        assert_eq!(verdicts[1].reason, Reason::NeighboursBoilerplate);
    }

    #[test]
    fn a_tiny_page_without_navigation_is_all_body() {
        let blocks = [block("Test Case 1", 3, 0), block("Test Case 2", 3, 0)];
        let feats = crate::features::page_features(&blocks);
        let mut verdicts = [Verdict::new(Label::Boilerplate, Reason::Short); 2];
        select(&blocks, &feats, &mut verdicts, "");
        assert!(verdicts.iter().all(|v| v.reason == Reason::Fallback));
    }

    #[test]
    fn the_heading_naming_more_of_the_title_is_the_headline() {
        // blog name h1, post title h3, then the post's first paragraph
        let mut blocks = [
            block("Notes from the Allotment", 4, 4),
            block("Why the broad beans failed", 5, 5),
            block(&"word ".repeat(30), 30, 0),
        ];
        blocks[0].kind = BlockKind::Heading(1);
        blocks[1].kind = BlockKind::Heading(3);
        let title = "Notes from the Allotment: Why the broad beans failed";
        let mut verdicts = [
            Verdict::new(Label::Boilerplate, Reason::HeadingWithoutContent),
            Verdict::new(Label::Boilerplate, Reason::OutsideMain),
            Verdict::new(Label::Content, Reason::Prose),
        ];
        assert_eq!(headline(&blocks, &verdicts, title), Some(1));
        // Kept already as the first content block: no headline is added.
        verdicts[1] = Verdict::new(Label::Content, Reason::HeadingBeforeContent);
        assert_eq!(headline(&blocks, &verdicts, title), None);
    }

    #[test]
    fn of_headings_naming_the_title_equally_the_one_nearer_the_body_wins() {
        // the blog's name in an h1, a tagline, the post's short title in an h3
        let mut blocks = [
            block("Green Acres", 2, 0),
            block("Notes on growing things", 4, 0),
            block("Sowing beans", 2, 0),
            block(&"word ".repeat(30), 30, 0),
        ];
        blocks[0].kind = BlockKind::Heading(1);
        blocks[1].kind = BlockKind::Heading(2);
        blocks[2].kind = BlockKind::Heading(3);
        let title = "Green Acres: Sowing beans";
        let verdicts = [
            Verdict::new(Label::Boilerplate, Reason::HeadingWithoutContent),
            Verdict::new(Label::Boilerplate, Reason::HeadingWithoutContent),
            Verdict::new(Label::Boilerplate, Reason::OutsideMain),
            Verdict::new(Label::Content, Reason::Prose),
        ];
        // Both headings name two of the title's words: the h3 next to the post wins.
        assert_eq!(headline(&blocks, &verdicts, title), Some(2));
        // A heading naming more of the title still wins from farther away.
        let title = "Green Acres: Sowing";
        assert_eq!(headline(&blocks, &verdicts, title), Some(0));
    }

    #[test]
    fn cjk_headings_compare_by_character() {
        let mut lower = String::new();
        assert_eq!(
            lowercase_words_in("Rain, IN spain-2024", &mut lower),
            lowercase_words("Rain, IN spain-2024")
        );
        assert_eq!(
            lowercase_words_in("毎朝 Tips", &mut lower),
            lowercase_words("毎朝 Tips")
        );
        let words = lowercase_words("毎朝のお弁当 Tips");
        assert_eq!(words.len(), 7);
        assert_eq!(words.last().map(String::as_str), Some("tips"));
    }
}
