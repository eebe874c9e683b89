//! Label each block on its own, from its features and the hints around it.

use std::fmt;

use crate::block::{Block, BlockKind};
use crate::features::Features;
use crate::hints::{Hint, Hints};
use crate::tuning::{
    HEADING_PROSE_WORDS, HINT_OVERRIDE_WORDS, LIST_POINT_WORDS, LONG_BLOCK_WORDS,
    LOW_HEADING_PROSE_SENTENCES, LOW_HEADING_PROSE_WORDS, MAX_LINK_DENSITY, MAX_LINK_DENSITY_SHORT,
    MAX_NOTICE_WORDS, MIN_NOTICE_TERMS, SENTENCE_BLOCK_CHARS, SHORT_BLOCK_WORDS,
};

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Part of the article.
    Content,
    /// Page chrome.
    Boilerplate,
    /// Too short to judge alone; the revise stage decides from the neighbours.
    Undecided,
}

impl Label {
    /// A short name for the explain table.
    pub fn name(self) -> &'static str {
        match self {
            Label::Content => "CONTENT",
            Label::Boilerplate => "boiler",
            Label::Undecided => "undecided",
        }
    }
}

/// Why a block got its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    /// No letter or digit in it.
    NoWords,
    /// An ancestor's class, id or tag names chrome.
    Hint(Hint),
    /// Mostly link text.
    LinkDensity,
    /// A photo credit or copyright line.
    Credit,
    /// A site notice in prose: cookie banner, newsletter box, paywall.
    Notice,
    /// Only a date or time.
    Dateline,

    /// Long prose, or a sentence of prose length.
    Prose,
    /// Medium length with sentence punctuation.
    Sentence,
    /// Medium length without sentence punctuation.
    Fragment,
    /// Short.
    Short,
    /// A heading.
    Heading,
    /// Revised: the nearest decided neighbours are content.
    NeighboursContent,
    /// Revised: the nearest decided neighbours are chrome.
    NeighboursBoilerplate,
    /// Revised: a heading followed by content.
    HeadingBeforeContent,
    /// Revised: a heading not followed by content.
    HeadingWithoutContent,
    /// Revised: in a table row or cell with content in it (a record, an article column).
    InTableWithContent,
    /// A link-heavy item of a list in the article that is mostly text (references, a
    /// list of sources with their dates).
    InTextList,
    /// Revised: a card of a run of same-class cards in the main container (a listing's
    /// teasers, a grid of products).
    InCardRun,
    /// Revised: the summary under a linked headline in a list of other stories (see
    /// [`crate::revise::teaser_lists`]); no later pass brings it back for its neighbours.
    TeaserList,
    /// Selected out: not inside the main container.
    OutsideMain,
    /// Selected in: the article's headline.
    Headline,
    /// Selected in: nothing else was kept, and this is text of the main container.
    Fallback,
    /// Selected out: at or after a line that opens the readers' comments ("Comments",
    /// "12 Responses", "Leave a reply") once the article has run.
    CommentSection,
    /// Selected out: at or after a line that opens a section of other pages' content
    /// ("Also on The Courier:", "You may also like") once the article has run.
    RelatedSection,
    /// Selected out: at or after a line that opens the author's box ("About the author",
    /// "Written by Marie LeBaron") once the article has run.
    AuthorSection,
    /// Selected out: a second copy of an earlier element's text, kept there (a layout's
    /// mobile variant, a print copy).
    Copy,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::NoWords => f.write_str("no-words"),
            Reason::Hint(h) => write!(f, "hint:{}", h.name()),
            Reason::LinkDensity => f.write_str("link-density"),
            Reason::Credit => f.write_str("credit"),
            Reason::Notice => f.write_str("notice"),
            Reason::Dateline => f.write_str("dateline"),
            Reason::Prose => f.write_str("prose"),
            Reason::Sentence => f.write_str("sentence"),
            Reason::Fragment => f.write_str("fragment"),
            Reason::Short => f.write_str("short"),
            Reason::Heading => f.write_str("heading"),
            Reason::NeighboursContent => f.write_str("neighbours-content"),
            Reason::NeighboursBoilerplate => f.write_str("neighbours-boiler"),
            Reason::HeadingBeforeContent => f.write_str("heading-before-content"),
            Reason::HeadingWithoutContent => f.write_str("heading-alone"),
            Reason::InTableWithContent => f.write_str("table-with-content"),
            Reason::InTextList => f.write_str("text-list"),
            Reason::InCardRun => f.write_str("card-run"),
            Reason::TeaserList => f.write_str("teaser-list"),
            Reason::OutsideMain => f.write_str("outside-main"),
            Reason::Headline => f.write_str("headline"),
            Reason::Fallback => f.write_str("fallback"),
            Reason::CommentSection => f.write_str("comment-section"),
            Reason::RelatedSection => f.write_str("related-section"),
            Reason::AuthorSection => f.write_str("author-section"),
            Reason::Copy => f.write_str("copy"),
        }
    }
}

/// A label with its reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    /// The label.
    pub label: Label,
    /// Why.
    pub reason: Reason,
}

impl Verdict {
    /// A verdict of `label` for `reason`.
    pub fn new(label: Label, reason: Reason) -> Verdict {
        Verdict { label, reason }
    }
}

/// Label one block from its kind, its local hints and its features alone.
pub fn classify(kind: BlockKind, hints: Hints, f: &Features, chars: u32) -> Verdict {
    use Label::*;
    if f.words == 0 {
        return Verdict::new(Boilerplate, Reason::NoWords);
    }
    let long_prose = f.words >= HINT_OVERRIDE_WORDS && f.link_density < MAX_LINK_DENSITY_SHORT;
    // A table cell under a `<figure>` is a data table the editor wrapped as a figure
    // (WordPress's `wp-block-table`), not a caption; a `<pre>` under one is a code listing
    // (a manual's "Listing 4-1" figure).
    let body_of_figure =
        |h: Hint| h == Hint::Caption && matches!(kind, BlockKind::Cell | BlockKind::Preformatted);
    if let Some(hint) = hints
        .negative()
        .iter()
        .find(|h| !(body_of_figure(*h) || (h.is_weak() && long_prose)))
    {
        return Verdict::new(Boilerplate, Reason::Hint(hint));
    }
    // A section heading (h1 to h3) that is a link (a self-anchor, a listing's teaser title)
    // is decided like any heading, by what follows it; lower headings that are links title
    // the boxes of rails and widgets.
    if f.link_density > MAX_LINK_DENSITY && !matches!(kind, BlockKind::Heading(1..=3)) {
        return Verdict::new(Boilerplate, Reason::LinkDensity);
    }
    if f.credit {
        return Verdict::new(Boilerplate, Reason::Credit);
    }
    if f.dateline {
        return Verdict::new(Boilerplate, Reason::Dateline);
    }
    // Code that subscribes to events or mentions JavaScript is no banner.
    if f.notice_terms >= MIN_NOTICE_TERMS
        && f.words < MAX_NOTICE_WORDS
        && kind != BlockKind::Preformatted
    {
        return Verdict::new(Boilerplate, Reason::Notice);
    }
    if let BlockKind::Heading(_) = kind {
        return Verdict::new(Undecided, Reason::Heading);
    }
    if kind == BlockKind::Preformatted && f.words >= SHORT_BLOCK_WORDS {
        return Verdict::new(Content, Reason::Prose);
    }
    // A short text that is partly links (a list item naming a bug and its fixer, a related
    // link with a sentence around it) could be either: the neighbours decide.
    if f.link_density > MAX_LINK_DENSITY_SHORT && f.words < LONG_BLOCK_WORDS {
        return Verdict::new(Undecided, Reason::LinkDensity);
    }
    // A sentence that goes on into a lead-in ("… a sequence of bytes. For more information,
    // see:") reads as prose like one that ends there: a manual's section introducing its
    // list of links.
    let sentence_lead_in = f.leads_in && f.sentence_marks >= 1;
    if f.words >= LONG_BLOCK_WORDS
        || (chars >= SENTENCE_BLOCK_CHARS && (f.ends_sentence || sentence_lead_in))
    {
        return Verdict::new(Content, Reason::Prose);
    }
    if f.words < SHORT_BLOCK_WORDS {
        return Verdict::new(Undecided, Reason::Short);
    }
    // A list item of [`LIST_POINT_WORDS`] words with few links is a point of the text,
    // sentence or not (menus and link lists have short or linked items).
    if f.ends_sentence || (kind == BlockKind::ListItem && f.words >= LIST_POINT_WORDS) {
        Verdict::new(Content, Reason::Sentence)
    } else {
        Verdict::new(Undecided, Reason::Fragment)
    }
}

/// Classify every block. A section heading (h1 to h3) in the main container that reads as
/// prose is classified as the paragraph it is (see [`is_prose_heading`]), and prose under
/// a header name in the main container is the article's standfirst (corpus
/// `news/standfirst-in-article-header`).
pub fn classify_all(blocks: &[Block], features: &[Features]) -> Vec<Verdict> {
    blocks
        .iter()
        .zip(features)
        .map(|(b, f)| {
            let kind = if b.in_main && is_prose_heading(b.kind, f) {
                BlockKind::Paragraph
            } else {
                b.kind
            };
            let verdict = classify(kind, b.local_hints, f, b.chars);
            // An article's own header inside the main container holds its standfirst
            // beside the headline and the byline: prose there is the article's (a
            // sentence shorter than prose is a notice: "This post may contain affiliate
            // links.").
            if b.in_main && verdict.reason == Reason::Hint(Hint::Header) {
                let unnamed = classify(kind, b.local_hints.without(Hint::Header), f, b.chars);
                if unnamed.reason == Reason::Prose {
                    return unnamed;
                }
            }
            verdict
        })
        .collect()
}

/// Whether a block is an h1 to h3 of at least [`HEADING_PROSE_WORDS`] words that ends a
/// sentence: a page builder's styled paragraph ("Imagine all the entertainment you want,
/// all in one place."), which the heading rule would drop on a service page of such
/// headings and buttons, where no paragraph follows them. Lower headings are left to that
/// rule: their long sentences are fine print ("A version of this article appeared in
/// print…").
fn is_prose_heading(kind: BlockKind, f: &Features) -> bool {
    match kind {
        BlockKind::Heading(1..=3) => f.words >= HEADING_PROSE_WORDS && f.ends_sentence,
        BlockKind::Heading(_) => {
            f.words >= LOW_HEADING_PROSE_WORDS && f.sentence_marks >= LOW_HEADING_PROSE_SENTENCES
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(words: u32, link_density: f32, ends_sentence: bool) -> Features {
        Features {
            words,
            link_density,
            text_density: words as f32,
            sentence_marks: u32::from(ends_sentence),
            commas: 0,
            ends_sentence,
            leads_in: false,
            position: 0.5,
            credit: false,
            notice_terms: 0,
            dateline: false,
            digits: false,
        }
    }

    #[test]
    fn a_long_section_heading_ending_a_sentence_is_a_paragraph() {
        // "Imagine all the entertainment you want, all in one place." as an h2.
        assert!(is_prose_heading(
            BlockKind::Heading(2),
            &feats(10, 0.0, true)
        ));
        // A headline without a full stop, a short one, and fine print in an h6 are not.
        assert!(!is_prose_heading(
            BlockKind::Heading(1),
            &feats(12, 0.0, false)
        ));
        assert!(!is_prose_heading(
            BlockKind::Heading(2),
            &feats(6, 0.0, true)
        ));
        assert!(!is_prose_heading(
            BlockKind::Heading(6),
            &feats(26, 0.0, true)
        ));
        // A description of two sentences set in an h6 for its type size is.
        assert!(is_prose_heading(
            BlockKind::Heading(6),
            &Features {
                sentence_marks: 2,
                ..feats(26, 0.0, true)
            }
        ));
        assert!(!is_prose_heading(
            BlockKind::Paragraph,
            &feats(26, 0.0, true)
        ));
    }

    #[test]
    fn long_prose_is_content() {
        let v = classify(
            BlockKind::Paragraph,
            Hints::NONE,
            &feats(40, 0.0, true),
            240,
        );
        assert_eq!(v, Verdict::new(Label::Content, Reason::Prose));
    }

    #[test]
    fn one_sentence_of_prose_length_is_content() {
        // "Stone's four part series 'The Putin Interviews' will premiere on Showtime June 12."
        let v = classify(BlockKind::Paragraph, Hints::NONE, &feats(13, 0.0, true), 70);
        assert_eq!(v.label, Label::Content);
    }

    #[test]
    fn a_sentence_going_on_into_a_lead_in_is_content() {
        // "Redis lists are lists of strings sorted by insertion order. For more
        // information, see:"
        let lead_in = Features {
            leads_in: true,
            ..feats(13, 0.0, false)
        };
        let v = classify(
            BlockKind::Paragraph,
            Hints::NONE,
            &Features {
                sentence_marks: 1,
                ..lead_in
            },
            80,
        );
        assert_eq!(v, Verdict::new(Label::Content, Reason::Prose));
        // Without a sentence before it, a lead-in waits for its neighbours.
        let v = classify(BlockKind::Paragraph, Hints::NONE, &lead_in, 80);
        assert_eq!(v.label, Label::Undecided);
    }

    #[test]
    fn link_lists_are_boilerplate() {
        let v = classify(BlockKind::ListItem, Hints::NONE, &feats(9, 1.0, false), 60);
        assert_eq!(v, Verdict::new(Label::Boilerplate, Reason::LinkDensity));
        let v = classify(BlockKind::Paragraph, Hints::NONE, &feats(10, 0.3, true), 60);
        assert_eq!(v, Verdict::new(Label::Undecided, Reason::LinkDensity));
    }

    #[test]
    fn linked_section_headings_wait_for_what_follows() {
        let v = classify(
            BlockKind::Heading(2),
            Hints::NONE,
            &feats(3, 1.0, false),
            20,
        );
        assert_eq!(v, Verdict::new(Label::Undecided, Reason::Heading));
        let v = classify(
            BlockKind::Heading(4),
            Hints::NONE,
            &feats(3, 1.0, false),
            20,
        );
        assert_eq!(v, Verdict::new(Label::Boilerplate, Reason::LinkDensity));
    }

    #[test]
    fn short_blocks_wait_for_their_neighbours() {
        let v = classify(BlockKind::Paragraph, Hints::NONE, &feats(2, 0.0, false), 11);
        assert_eq!(v, Verdict::new(Label::Undecided, Reason::Short));
        let v = classify(
            BlockKind::Heading(2),
            Hints::NONE,
            &feats(5, 0.0, false),
            30,
        );
        assert_eq!(v.reason, Reason::Heading);
    }

    #[test]
    fn hints_mark_chrome_unless_weak_and_long() {
        let share = Hints::of(Hint::Share);
        let v = classify(BlockKind::Paragraph, share, &feats(80, 0.0, true), 500);
        assert_eq!(v.reason, Reason::Hint(Hint::Share));
        let footer = Hints::of(Hint::Footer);
        let v = classify(BlockKind::Paragraph, footer, &feats(80, 0.0, true), 500);
        assert_eq!(v.label, Label::Content);
        let v = classify(BlockKind::Paragraph, footer, &feats(8, 0.0, true), 50);
        assert_eq!(v.reason, Reason::Hint(Hint::Footer));
        let content = Hints::of(Hint::Content);
        let v = classify(BlockKind::Paragraph, content, &feats(40, 0.0, true), 240);
        assert_eq!(v.label, Label::Content);
    }

    #[test]
    fn cells_and_code_of_a_figure_are_not_captions() {
        let caption = Hints::of(Hint::Caption);
        let v = classify(BlockKind::Cell, caption, &feats(3, 0.0, false), 16);
        assert_eq!(v.reason, Reason::Short);
        let v = classify(BlockKind::Preformatted, caption, &feats(8, 0.0, false), 30);
        assert_eq!(v.label, Label::Content);
        let v = classify(BlockKind::Caption, caption, &feats(3, 0.0, false), 16);
        assert_eq!(v.reason, Reason::Hint(Hint::Caption));
    }

    #[test]
    fn a_list_item_of_fragment_length_is_a_point_of_the_text() {
        let v = classify(BlockKind::ListItem, Hints::NONE, &feats(9, 0.0, false), 50);
        assert_eq!(v.label, Label::Content);
        let v = classify(BlockKind::Paragraph, Hints::NONE, &feats(9, 0.0, false), 50);
        assert_eq!(v.reason, Reason::Fragment);
    }

    #[test]
    fn notices_in_prose_go() {
        let mut f = feats(30, 0.0, true);
        f.notice_terms = 2;
        let v = classify(BlockKind::Paragraph, Hints::NONE, &f, 200);
        assert_eq!(v.reason, Reason::Notice);
        f.notice_terms = 1;
        let v = classify(BlockKind::Paragraph, Hints::NONE, &f, 200);
        assert_eq!(v.label, Label::Content);
        f.notice_terms = 2;
        let v = classify(BlockKind::Preformatted, Hints::NONE, &f, 200);
        assert_eq!(v.label, Label::Content);
    }

    #[test]
    fn credits_and_empty_blocks_go() {
        let mut f = feats(4, 0.0, false);
        f.credit = true;
        let v = classify(BlockKind::Paragraph, Hints::NONE, &f, 20);
        assert_eq!(v.reason, Reason::Credit);
        let v = classify(BlockKind::Paragraph, Hints::NONE, &feats(0, 0.0, false), 1);
        assert_eq!(v.reason, Reason::NoWords);
    }
}
