//! Revise the labels using the neighbours: short blocks and headings take the side of the
//! decided blocks around them (jusText's context-sensitive pass).

use std::borrow::Cow;

use html5ever::local_name;

use crate::block::{Block, BlockKind};
use crate::classify::{Label, Reason, Verdict, classify};
use crate::features::{Features, link_density};
use crate::hints::{Hint, Hints};
use crate::locate::{Layout, named_by_layout};
use crate::segment::{Element, NO_ELEMENT, OrphanImage};
use crate::text::with_lowercase;
use crate::tuning::{
    AMID_CONTENT_REACH, BARE_TABLE_LETTERED_SHARE, BARE_TABLE_MIN_BLOCKS, COMMENT_LABEL_RANK,
    COMMENTS_AFTER_WORDS, DEFINITION_TERM_MAX_WORDS, GRID_AMID_SHARE, GRID_CARD_WORDS,
    GRID_MAX_PROSE_WORDS, GRID_MIN_WORDS, GRID_OTHER_SIBLINGS, GRID_OUTSIDE_SHARE, GRID_SHARE,
    HEADING_LOOKAHEAD, KIND_NAMES, LIST_CONTENT_SHARE, LIST_MIN_CONTENT_ITEMS,
    LISTING_LIST_LINK_DENSITY, MAX_CARD_LINK_WORDS, MAX_COMMENT_LABEL_WORDS, MAX_LINK_DENSITY,
    MAX_LINK_DENSITY_SHORT, MIN_CARD_OWN_WORDS, MIN_CARD_WORDS, MIN_CARDS, MIN_LIST_LINES,
    MIN_LONE_SENTENCES, NUMBERED_RUN_CONTENT_SHARE, NUMBERED_RUN_MIN_ITEMS, SECTION_HEADINGS,
    SHORT_BLOCK_WORDS, SPEC_LIST_MIN_PAIRS, TABLE_CELL_SHARE, TABLE_CONTENT_SHARE,
    TEASER_HEADLINE_MIN_WORDS, TEASER_LIST_MIN_PAIRS,
};

/// Decide every [`Label::Undecided`] block: first the short blocks from their nearest decided
/// neighbours, then the headings from what follows them. `in_main` tells which blocks lie
/// in the main container: a line of [`SHORT_BLOCK_WORDS`] words or more that closes it
/// after content, or opens it before content without a digit, is content. A notice between
/// two content blocks of the main container is content too, and so is a paragraph there
/// that is a sentence set as a link, and so are the short lines
/// a lead-in after content opens there (see [`MIN_LIST_LINES`]), and a short line with no
/// link set straight before a content block there (the title of a card or a section), and
/// a fragment of a sentence's length there between the first content and more content
/// (a paragraph whose formula was left out, after a "Main article:" line) or between
/// content and chrome (a closing line without a full stop).
pub fn revise(
    kinds: &[BlockKind],
    features: &[Features],
    in_main: &[bool],
    verdicts: &mut [Verdict],
) {
    let before = verdicts.to_vec();
    let n = before.len();
    // The nearest decided label on each side, computed in two linear sweeps. A lone
    // caption or ad slot is the picture's or the advertiser's, not the page's: it tells
    // nothing of the text around it (a how-to step between two photo captions, a subhead
    // after an "Advertisement" label), so the sweeps look past it. A run of them is a
    // gallery or an ad rail, and decides its neighbours (the "1 / 5" counter before it).
    // The sweeps look past a lone block without words too (not a quote): a formula's "."
    // left when its maths is dropped, a "*" between two paragraphs, an icon. A run of them
    // is a menu's separators or a row of icons; a quote of emoji is a post's own.
    let inset = |i: usize| matches!(before[i].reason, Reason::Hint(Hint::Caption | Hint::Ad));
    let bare = |i: usize| before[i].reason == Reason::NoWords && kinds[i] != BlockKind::Quote;
    let lone = |of: &dyn Fn(usize) -> bool, i: usize| {
        of(i) && !(i > 0 && of(i - 1)) && !(i + 1 < n && of(i + 1))
    };
    let neighbour =
        |i: usize| before[i].label != Label::Undecided && !lone(&inset, i) && !lone(&bare, i);
    let mut prev = vec![Label::Boilerplate; n];
    let mut last = Label::Boilerplate;
    for i in 0..n {
        prev[i] = last;
        if neighbour(i) {
            last = before[i].label;
        }
    }
    let mut next = vec![Label::Boilerplate; n];
    last = Label::Boilerplate;
    for i in (0..n).rev() {
        next[i] = last;
        if neighbour(i) {
            last = before[i].label;
        }
    }
    // Whether a decided block comes before, since the main container's start; and after,
    // before its end.
    let mut decided_before = vec![false; n];
    let mut seen = false;
    for (i, v) in before.iter().enumerate() {
        if i > 0 && in_main[i] != in_main[i - 1] {
            seen = false;
        }
        decided_before[i] = seen;
        seen |= v.label != Label::Undecided;
    }
    // Whether a content block comes before, since the main container's start.
    let mut content_before = vec![false; n];
    seen = false;
    for (i, v) in before.iter().enumerate() {
        if i > 0 && in_main[i] != in_main[i - 1] {
            seen = false;
        }
        content_before[i] = seen;
        seen |= v.label == Label::Content;
    }
    let mut decided_after = vec![false; n];
    seen = false;
    for (i, v) in before.iter().enumerate().rev() {
        if i + 1 < n && in_main[i] != in_main[i + 1] {
            seen = false;
        }
        decided_after[i] = seen;
        seen |= v.label != Label::Undecided;
    }
    // A paragraph of [`SHORT_BLOCK_WORDS`] or more using site-notice terms between two
    // content blocks of the main container is the article speaking of consent, partners or
    // newsletters, not a banner (a shorter one is a "Sign up for our newsletter!" line).
    for i in 0..n {
        if before[i].reason == Reason::Notice
            && in_main[i]
            && prev[i] == Label::Content
            && next[i] == Label::Content
            && features[i].words >= SHORT_BLOCK_WORDS
        {
            verdicts[i] = Verdict::new(Label::Content, Reason::NeighboursContent);
        }
    }
    // A paragraph that is a sentence set as a link (a line of dialogue linked to a note)
    // between two content blocks of the main container is the text's; link lines of chrome
    // ("Related: …", "Read more") end without a sentence mark.
    for i in 0..n {
        if before[i].reason == Reason::LinkDensity
            && kinds[i] == BlockKind::Paragraph
            && in_main[i]
            && prev[i] == Label::Content
            && next[i] == Label::Content
            && features[i].ends_sentence
        {
            verdicts[i] = Verdict::new(Label::Content, Reason::NeighboursContent);
        }
    }
    for i in 0..n {
        if before[i].label != Label::Undecided || matches!(kinds[i], BlockKind::Heading(_)) {
            continue;
        }
        // Between content and chrome, a sentence stays, and so do list items, quotes and
        // cells that follow content (a list elaborating the paragraph before it) and a
        // lead-in that precedes it ("Dear neighbours,", "You will need:").
        let follows_content = matches!(
            kinds[i],
            BlockKind::ListItem | BlockKind::Quote | BlockKind::Cell
        ) && prev[i] == Label::Content;
        // The last words of the main container after its prose (a sign-off, a "next week"
        // line) are the article's, whatever chrome follows the container.
        let closes_main = in_main[i]
            && !decided_after[i]
            && prev[i] == Label::Content
            && features[i].words >= SHORT_BLOCK_WORDS;
        // So are the first words before its prose when they hold no digit (a dek, a
        // standfirst); with one they are a dateline or a byline with its date.
        let opens_main = in_main[i]
            && !decided_before[i]
            && next[i] == Label::Content
            && !features[i].digits
            && features[i].words >= SHORT_BLOCK_WORDS;
        // A short line with no link and no digit set straight before a content block of the
        // main container is its title: a service card's or a feature's name set in a `<p>`
        // or a `<div>` (wcxb-dev service and landing pages), a subhead without a heading
        // tag. Nearest-decided is not enough: a button row before a card is not its title.
        // Only after the container's first content: before it, the short lines next to the
        // first paragraph are its byline, dateline and tools; and with a digit it is a
        // post's date line or a vote count.
        let titles_next = in_main[i]
            && content_before[i]
            && i + 1 < n
            && before[i + 1].label == Label::Content
            && features[i].link_density == 0.0
            && !features[i].digits;
        // A fragment (a sentence's length that ends without a mark) after the main
        // container's first content and before more is a sentence cut short, not a
        // label: a paragraph whose formula was left out ("... it satisfies" then the
        // formula), a subhead set as a paragraph, an address line. A chrome line before
        // it (a "Main article:" note) does not make it chrome. Before the first content
        // such lines are bylines and datelines; one with a digit straight under a heading
        // is a post's "by X » date" line (corpus forum/bike-gears-slipping-thread).
        // mozilla-readability +0.0006 (wikipedia-3, pixnet), wcxb-dev +0.0002,
        // dragnet-train +0.0002, no set down.
        let unfinished_sentence = in_main[i]
            && content_before[i]
            && before[i].reason == Reason::Fragment
            && !(features[i].digits && i > 0 && matches!(kinds[i - 1], BlockKind::Heading(_)));
        // After content, such a fragment with chrome straight after it is the text's last
        // line: a closing remark or a sign-off without a full stop ("Will be very cool to
        // see how this turns out"). With a digit it is a "Posted October 27, 2012 by" line
        // or a card's price; followed by another undecided block it opens a run, which is
        // a template's repeated label ("Mouseover photo to load notes or add comment" under
        // every picture). dragnet-train +0.0006, l3s-gn1 +0.0002, wcxb-dev +0.0002,
        // mozilla-readability +0.00015, no set down.
        let closing_line = unfinished_sentence
            && !features[i].digits
            && before
                .get(i + 1)
                .is_some_and(|v| v.label != Label::Undecided);
        // A short line of code in the main container is a line of its listing: sites that
        // highlight code set each line in a block of its own (a JSON response a line per
        // `<div>`, a React snippet's `function AboutPage() {`), and the lines around it are
        // as short, so the neighbours would take its listing away line by line. Chrome is
        // no `<pre>` (wcxb-dev: 443 such lines in the truths, 5 not).
        let code_in_main = in_main[i] && kinds[i] == BlockKind::Preformatted;
        let content = match (prev[i], next[i]) {
            _ if closes_main || opens_main || titles_next || code_in_main => true,
            (Label::Content, Label::Content) => true,
            (Label::Content, _) | (_, Label::Content) => {
                features[i].ends_sentence
                    || follows_content
                    || (next[i] == Label::Content && unfinished_sentence)
                    || (prev[i] == Label::Content && closing_line)
                    || (next[i] == Label::Content && features[i].leads_in)
            }
            // Two sentences or more read as prose even among chrome (a one-line post
            // between an author block and a signature); buttons and labels have none.
            _ => features[i].ends_sentence && features[i].sentence_marks >= MIN_LONE_SENTENCES,
        };
        verdicts[i] = if content {
            Verdict::new(Label::Content, Reason::NeighboursContent)
        } else {
            Verdict::new(Label::Boilerplate, Reason::NeighboursBoilerplate)
        };
    }
    // A lead-in after content followed by [`MIN_LIST_LINES`] or more short lines in the main
    // container ("Ingredients for one pie:", then a line per ingredient), or a paragraph of
    // content there ending in one ("... you can now read it on the following devices:",
    // then a line per device, dragnet-train 415), opens a list the article gives: the lines
    // up to the next decided block, link-heavy line or other lead-in are content, whatever
    // follows them. After a lead-in of a sentence's length
    // ([`SHORT_BLOCK_WORDS`] words or more: "Here are the places we'll visit this spring:"),
    // short linked lines belong to the list too (each place links to its own page); a
    // shorter one ("Share this article:", "You may also be interested in:") opens a box of
    // links, so a link line ends its list.
    let line = |i: usize, links: bool| {
        let plain = before[i].label == Label::Undecided
            && features[i].link_density <= MAX_LINK_DENSITY_SHORT;
        let short_link = links
            && before[i].reason == Reason::LinkDensity
            && features[i].words <= SHORT_BLOCK_WORDS;
        (plain || short_link) && in_main[i] && !matches!(kinds[i], BlockKind::Heading(_))
    };
    let mut i = 0;
    while i < n {
        let kept = before[i].label == Label::Content && in_main[i];
        if !((kept || (line(i, false) && prev[i] == Label::Content)) && features[i].leads_in) {
            i += 1;
            continue;
        }
        // The link lines a content paragraph announces are a list of its own, which
        // [`lists`] judges as one.
        let links = !kept && features[i].words >= SHORT_BLOCK_WORDS;
        let end = (i + 1..n)
            .find(|&j| !line(j, links) || features[j].leads_in)
            .unwrap_or(n);
        if end - i > MIN_LIST_LINES {
            for v in &mut verdicts[i..end] {
                if v.label != Label::Content {
                    *v = Verdict::new(Label::Content, Reason::NeighboursContent);
                }
            }
        }
        i = end;
    }
    // A heading is decided by what follows it, looking past the captions, photo credits, ad
    // slots and empty blocks between: a section's picture set right under its title says
    // nothing of the section (wcxb-dev articles whose every h2 had a captioned screenshot
    // under it lost them all), nor does a "PHOTOS: …" credit line under a dek (dragnet-train
    // 321). From the last heading back, so that a heading whose section opens with a titled
    // subsection follows the subsection's title (an h2 over h3s).
    for i in (0..n).rev() {
        if verdicts[i].label != Label::Undecided {
            continue;
        }
        let followed = verdicts
            .iter()
            .skip(i + 1)
            .filter(|v| {
                !matches!(
                    v.reason,
                    Reason::Hint(Hint::Caption | Hint::Ad) | Reason::NoWords | Reason::Credit
                )
            })
            .take(HEADING_LOOKAHEAD)
            .find(|v| v.label != Label::Undecided)
            .is_some_and(|v| v.label == Label::Content);
        // In the main container, a heading whose section opens with one line of named
        // chrome or a dateline and then content is the section's title: a wiki's "Main
        // article:" note under its section heading, a post's date under its title
        // (corpus docs/wiki-section-formula-cut). Lines dropped for their neighbours or
        // links do not count: under a product's title its price and basket button, under a
        // forum post's "Re:" subject its byline. wcxb-dev +0.0004, mozilla-readability
        // +0.0001, l3s-gn1 and dragnet-train +0.00005, cleanportaleval -0.00004 (one page).
        let noted = in_main[i]
            && verdicts.get(i + 1).is_some_and(|v| {
                v.label == Label::Boilerplate
                    && matches!(v.reason, Reason::Hint(_) | Reason::Dateline)
            })
            && verdicts
                .get(i + 2)
                .is_some_and(|v| v.label == Label::Content);
        verdicts[i] = if followed || noted {
            Verdict::new(Label::Content, Reason::HeadingBeforeContent)
        } else {
            Verdict::new(Label::Boilerplate, Reason::HeadingWithoutContent)
        };
    }
    // In the main container, after its first content other than a heading, an unlinked h2 or deeper heading
    // left without content is its section's title when the section holds a subsection
    // titled as content: a review list's product h2 over its rating line, a "Pros & Cons"
    // h3 and then the h3 "Why we picked it" over prose. The section ends at the next
    // heading of the same or a higher level; only its first [`SECTION_HEADINGS`] headings
    // are looked at. A separate pass, so a title found this way does not in turn vouch for
    // the headings before it (a grid of product-card titles over a titled spec box).
    let first_content = (0..n).find(|&i| {
        in_main[i] && verdicts[i].label == Label::Content && heading_level(kinds[i]).is_none()
    });
    for i in (0..n).rev() {
        if verdicts[i].reason != Reason::HeadingWithoutContent
            || !in_main[i]
            || first_content.is_none_or(|first| first > i)
            || features[i].link_density > 0.0
        {
            continue;
        }
        let titled = heading_level(kinds[i]).is_some_and(|level| {
            level > 1
                && (i + 1..n)
                    .take_while(|&j| in_main[j])
                    .filter_map(|j| heading_level(kinds[j]).map(|l| (j, l)))
                    .take(SECTION_HEADINGS)
                    .take_while(|&(_, l)| l > level)
                    .any(|(j, _)| verdicts[j].label == Label::Content)
        });
        if titled {
            verdicts[i] = Verdict::new(Label::Content, Reason::HeadingBeforeContent);
        }
    }
}

/// An element named as a caption (`caption`, `credit`) holding a paragraph of long prose,
/// which overrides the weak name, holds text of the article under a theme's misleading
/// name (a photo blog whose post sits in `div.caption` under its pictures), not a
/// picture's line: its other blocks are judged as if unnamed, so its shorter paragraphs
/// join the long one (corpus `blog/post-in-caption-box`). A gallery's captions each sit in
/// their own element, so one long caption vouches for no other.
pub(crate) fn prose_captions(blocks: &[Block], features: &[Features], verdicts: &mut [Verdict]) {
    let caption_of = |b: &Block| {
        b.hinted_ancestors
            .iter()
            .rev()
            .find(|(_, h)| h.has(Hint::Caption))
            .map(|&(at, _)| at)
    };
    let holding: Vec<u32> = blocks
        .iter()
        .zip(verdicts.iter())
        .filter(|(b, v)| v.label == Label::Content && b.local_hints.has(Hint::Caption))
        .filter_map(|(b, _)| caption_of(b))
        .collect();
    if holding.is_empty() {
        return;
    }
    for ((b, f), v) in blocks.iter().zip(features).zip(verdicts.iter_mut()) {
        if v.reason == Reason::Hint(Hint::Caption)
            && caption_of(b).is_some_and(|at| holding.contains(&at))
        {
            let unnamed = classify(b.kind, b.local_hints.without(Hint::Caption), f, b.chars);
            if unnamed.label != Label::Boilerplate {
                *v = unnamed;
            }
        }
    }
}

/// Table rows and cells hold coherent text. A row of plain cells is one record: when one
/// cell is content (a description), the others (the linked name, the year, the price) are
/// content too. A cell holding paragraphs is a column of the page layout: when it holds
/// content, its short lines and headings that the neighbours rule dropped are the
/// article's too (a list of short points in the article column). A table of records (at
/// least [`TABLE_CELL_SHARE`] of its blocks are cells) is one data table: when it lies in
/// the main container and one of its cells is content, or when [`TABLE_CONTENT_SHARE`] of
/// its blocks are content, its other rows (the header, the rows before the first
/// sentence, a description without a full stop) are content too. A data table of the main
/// container with no content cell at all but [`BARE_TABLE_MIN_BLOCKS`] blocks, most of them
/// holding letters, is the page's matter too (a wiki's list of laureates, every cell a
/// linked name or a year; corpus `tables/linked-name-table`); a table of figures is not
/// (a standings table beside its team names). Blocks under a chrome name or without words
/// stay out either way, and links stay out but for a record's name.
pub(crate) fn tables(blocks: &[Block], elements: &[Element], verdicts: &mut [Verdict]) {
    let rows: Vec<Option<u32>> = blocks
        .iter()
        .map(|b| table_part(b, elements, local_name!("tr")))
        .collect();
    let record = |row: &[Block], content: usize| {
        content > 0 && row.iter().all(|b| b.kind == BlockKind::Cell)
    };
    revive_groups(blocks, verdicts, &rows, record, true);
    let cells: Vec<Option<u32>> = blocks
        .iter()
        .map(|b| table_part(b, elements, local_name!("td")))
        .collect();
    revive_groups(blocks, verdicts, &cells, |_, content| content > 0, false);
    let tables: Vec<Option<u32>> = blocks
        .iter()
        .map(|b| table_part(b, elements, local_name!("table")))
        .collect();
    let data_table = |table: &[Block], content: usize| {
        let cells = table.iter().filter(|b| b.kind == BlockKind::Cell).count();
        let in_main = table.iter().all(|b| b.in_main);
        let lettered = table
            .iter()
            .filter(|b| b.text.chars().any(char::is_alphabetic))
            .count();
        let bare = in_main
            && table.len() >= BARE_TABLE_MIN_BLOCKS
            && lettered as f32 >= BARE_TABLE_LETTERED_SHARE * table.len() as f32;
        let quorum =
            (in_main && content > 0) || content as f32 >= TABLE_CONTENT_SHARE * table.len() as f32;
        (quorum || bare) && cells as f32 >= TABLE_CELL_SHARE * table.len() as f32
    };
    revive_groups(blocks, verdicts, &tables, data_table, true);
}

/// A block's list item: its owner, or the `<dt>` / `<dd>` right around it (a term or a
/// definition whose text sits in a box of its own: a shop's specification list); the item's
/// index and element.
fn item_of<'e>(b: &Block, elements: &'e [Element]) -> Option<(u32, &'e Element)> {
    let owner = elements.get(b.owner as usize)?;
    match elements.get(owner.parent as usize) {
        Some(p) if matches!(p.name, local_name!("dt") | local_name!("dd")) => {
            Some((owner.parent, p))
        }
        _ if b.kind == BlockKind::ListItem => Some((b.owner, owner)),
        _ => None,
    }
}

/// A block's list item (see [`item_of`]), with the index and element of the `<ol>`, `<ul>`
/// or `<dl>` that holds it.
fn list_of<'e>(b: &Block, elements: &'e [Element]) -> Option<(u32, u32, &'e Element)> {
    item_of(b, elements)
        .and_then(|(item, e)| elements.get(e.parent as usize).map(|l| (item, e.parent, l)))
        .filter(|(_, _, l)| {
            matches!(
                l.name,
                local_name!("ol") | local_name!("ul") | local_name!("dl")
            )
        })
}

/// A list of the main container whose words are mostly outside links (a references list, a
/// list of sources with their dates, a changelog naming bugs) keeps its link-heavy items
/// that hold some text of their own or are a sentence set as a link ("Here's our year in
/// review!"): only a list as link-heavy as a menu ([`MAX_LINK_DENSITY`] as a whole) is
/// navigation. So is a list of which [`LIST_MIN_CONTENT_ITEMS`] items and
/// [`LIST_CONTENT_SHARE`] of all are content already, however link-heavy: a bibliography
/// whose titles are links reads as prose where a title is short and as a menu where it is
/// long (corpus `listing/linked-title-bibliography`); there the items the neighbours rule
/// dropped come back too. The items kept for their list's text count as content items
/// for this (a wiki's reading list whose short "Title by Author" items the neighbours rule
/// dropped; corpus `docs/reading-list-by-authors`). Items that are a bare link stay out, but for those of a list
/// that a content paragraph of the main container announces with a colon ("For more
/// information, see:", then the links a manual page points to). Items under a chrome name
/// stay out either way. On a page with no content paragraph of [`GRID_MAX_PROSE_WORDS`]
/// words (a wiki's page of resources, "Tuning your server by J. Smith"), a list up to
/// [`LISTING_LIST_LINK_DENSITY`] links is no menu. A heading dropped for want of content
/// after it comes back before a list kept here. On such a page an item that opens with a
/// section number of two levels ("11.2. Index Types") is an entry of the chapter's table
/// of contents, which is what a manual's chapter page holds (corpus `docs/chapter-contents`);
/// beside an article's paragraphs the same list is the post's jump menu. A definition list
/// (`<dl>`, a DocBook table of contents) is a list here too; its term of at most
/// [`DEFINITION_TERM_MAX_WORDS`] words, a bare link or not, comes back when the definition
/// right after it is content (a reference page's linked member names; corpus
/// `docs/reference-member-terms`). A term or definition whose text sits in a box of its
/// own inside the `<dt>` / `<dd>` is an item of the list all the same (a shop's
/// specification list of labels in `<div>`s; corpus `product/spec-terms-in-boxes`). A
/// definition list of [`SPEC_LIST_MIN_PAIRS`] pairs or more is a specification sheet: its
/// items dropped for their neighbours (beside download links and reviews) are content.
pub(crate) fn lists(
    blocks: &[Block],
    features: &[Features],
    elements: &[Element],
    verdicts: &mut [Verdict],
) {
    // A page with no paragraph of an article's length is a list of resources itself.
    let listing = !blocks
        .iter()
        .zip(verdicts.iter())
        .any(|(b, v)| v.label == Label::Content && b.words >= GRID_MAX_PROSE_WORDS);
    let menu_density = if listing {
        LISTING_LIST_LINK_DENSITY
    } else {
        MAX_LINK_DENSITY
    };
    // Twice: the items a first pass keeps for their list's text count as its content
    // items in the second.
    for _ in 0..2 {
        // Items and content items per list.
        let mut items: foldhash::HashMap<u32, (u32, u32)> = foldhash::HashMap::default();
        for (b, v) in blocks.iter().zip(verdicts.iter()) {
            if let Some((_, l, _)) = list_of(b, elements) {
                let e = items.entry(l).or_default();
                e.0 += 1;
                e.1 += u32::from(v.label == Label::Content);
            }
        }
        let mut announced = NO_ELEMENT;
        for i in 0..blocks.len() {
            let b = &blocks[i];
            if !b.in_main {
                continue;
            }
            let Some((item, at, list)) = list_of(b, elements) else {
                continue;
            };
            if i > 0 && announced != at {
                let lead = &blocks[i - 1];
                if lead.in_main
                    && lead.kind == BlockKind::Paragraph
                    && verdicts[i - 1].label == Label::Content
                    && lead.text.trim_end().ends_with([':', '：'])
                    && list_of(lead, elements).is_none()
                {
                    announced = at;
                }
            }
            // The term of a definition kept as content (`<dt>` then its `<dd>`): a reference
            // page's linked member name above its one-line description.
            let term = b.words <= DEFINITION_TERM_MAX_WORDS
                && elements
                    .get(item as usize)
                    .is_some_and(|e| e.name == local_name!("dt"))
                && blocks.get(i + 1).is_some_and(|d| {
                    at < d.owner
                        && d.owner < list.end
                        && verdicts[i + 1].label == Label::Content
                        && elements
                            .get(item_of(d, elements).map_or(d.owner, |(next, _)| next) as usize)
                            .is_some_and(|e| e.name != local_name!("dt"))
                });
            // A definition that is a sentence under a linked term dropped for its link (a
            // reference page's lone "WebSocket()" then "Returns a newly created WebSocket
            // object.") is the page's, a one-pair list too short for the sheet rule; a
            // forum's "Status" / "Not open for further replies." has no link. The term and
            // the section's heading come back with it (corpus docs/lone-linked-definition).
            // wcxb-dev +0.00001 (documentation .9126 -> .9128), no other set moved.
            let linked_definition = list.name == local_name!("dl")
                && features[i].ends_sentence
                && i > 0
                && verdicts[i - 1].reason == Reason::LinkDensity
                && blocks[i - 1].in_main
                && item_of(&blocks[i - 1], elements)
                    .is_some_and(|(_, term)| term.name == local_name!("dt"));
            let v = &mut verdicts[i];
            if !dropped_item(b, v) {
                continue;
            }
            let own_text = has_own_text(b, &features[i]);
            let (count, content) = items.get(&at).copied().unwrap_or_default();
            let text_list = v.reason == Reason::LinkDensity
                && link_density(list.words, list.link_words) <= menu_density;
            let content_list = (content >= LIST_MIN_CONTENT_ITEMS
                && content as f32 >= LIST_CONTENT_SHARE * count as f32)
                || (list.name == local_name!("dl")
                    && v.reason == Reason::NeighboursBoilerplate
                    && (count >= 2 * SPEC_LIST_MIN_PAIRS || linked_definition));
            let announced_item = v.reason == Reason::LinkDensity
                && (announced == at || (listing && opens_with_section_number(&b.text)));
            if (own_text && (text_list || content_list)) || announced_item || term {
                *v = Verdict::new(Label::Content, Reason::InTextList);
                revive_heading_before(blocks, verdicts, i);
                if linked_definition && content_list {
                    verdicts[i - 1] = Verdict::new(Label::Content, Reason::InTextList);
                    revive_heading_before(blocks, verdicts, i - 1);
                }
            }
        }
    }
}

/// A list of the main container whose items alternate a linked headline (all its words in
/// links; a `<dt>` of more words than [`DEFINITION_TERM_MAX_WORDS`] stays dropped) and an
/// item of unlinked text (its `<dd>`) is a box of other stories, each title over
/// its summary ("B.C. Headlines": "Hops shortage spurs…", then "A worldwide shortage of hops
/// is forcing…"). The headlines go for their links; with [`TEASER_LIST_MIN_PAIRS`] or more
/// such pairs, and every text item of the list after a headline, the summaries go with
/// them (corpus `news/story-with-headline-summaries`). An article's own list of links with
/// notes holds both in one item, or has text items of its own.
pub(crate) fn teaser_lists(blocks: &[Block], elements: &[Element], verdicts: &mut [Verdict]) {
    // A block of the main container's item and list.
    let in_list = |b: &Block| {
        b.in_main
            .then(|| list_of(b, elements))
            .flatten()
            .map(|(item, list, _)| (item, list))
    };
    let headline = |b: &Block, v: &Verdict| {
        v.label == Label::Boilerplate
            && b.words >= TEASER_HEADLINE_MIN_WORDS
            && b.link_words >= b.words
    };
    // Per list: (pairs, text items not after a headline).
    let mut lists: foldhash::HashMap<u32, (u32, u32)> = foldhash::HashMap::default();
    for i in 0..blocks.len() {
        let Some((item, list)) = in_list(&blocks[i]) else {
            continue;
        };
        let e = lists.entry(list).or_default();
        if verdicts[i].label != Label::Content || blocks[i].unlinked_words() == 0 {
            continue;
        }
        let after_headline = i > 0
            && in_list(&blocks[i - 1]).is_some_and(|(before, at)| at == list && before != item)
            && headline(&blocks[i - 1], &verdicts[i - 1]);
        if after_headline {
            e.0 += 1;
        } else {
            e.1 += 1;
        }
    }
    let mut open = NO_ELEMENT;
    for i in 0..blocks.len() {
        let Some((_, list)) = in_list(&blocks[i]) else {
            continue;
        };
        let (pairs, others) = lists.get(&list).copied().unwrap_or_default();
        if pairs < TEASER_LIST_MIN_PAIRS || others > 0 {
            continue;
        }
        // The box's title ("Region Headlines") right before its first item goes with it.
        if open != list {
            open = list;
            if i > 0
                && heading_level(blocks[i - 1].kind).is_some()
                && verdicts[i - 1].label == Label::Content
            {
                verdicts[i - 1] = Verdict::new(Label::Boilerplate, Reason::HeadingWithoutContent);
            }
        }
        if verdicts[i].label == Label::Content {
            verdicts[i] = Verdict::new(Label::Boilerplate, Reason::TeaserList);
        }
    }
}

/// A run of [`NUMBERED_RUN_MIN_ITEMS`] or more paragraphs of the main container, each
/// opening with the number after the one before ("1. Using Our Fears… (Los Angeles Times,
/// 2002)", "2. Who's Next?…"), is an ordered list written as paragraphs: when
/// [`LIST_MIN_CONTENT_ITEMS`] and [`NUMBERED_RUN_CONTENT_SHARE`] of its items are content
/// already, its items dropped for their links or their neighbours that hold words of their
/// own come back, as [`lists`] does for a list's items (corpus `blog/numbered-post-roundup`). A box
/// of "most read" headlines is numbered too, but its items are bare links.
pub(crate) fn numbered_paragraphs(
    blocks: &[Block],
    features: &[Features],
    verdicts: &mut [Verdict],
) {
    let numbered = |i: usize| {
        let b = &blocks[i];
        (b.in_main && b.kind == BlockKind::Paragraph)
            .then(|| item_number(&b.text))
            .flatten()
    };
    let mut start = 0;
    while start < blocks.len() {
        let Some(first) = numbered(start) else {
            start += 1;
            continue;
        };
        let mut end = start + 1;
        while end < blocks.len() && numbered(end) == Some(first + (end - start) as u32) {
            end += 1;
        }
        let count = (end - start) as u32;
        let content = verdicts[start..end]
            .iter()
            .filter(|v| v.label == Label::Content)
            .count() as u32;
        if count >= NUMBERED_RUN_MIN_ITEMS
            && content >= LIST_MIN_CONTENT_ITEMS
            && content as f32 >= NUMBERED_RUN_CONTENT_SHARE * count as f32
        {
            for i in start..end {
                let b = &blocks[i];
                let v = &mut verdicts[i];
                if dropped_item(b, v) && has_own_text(b, &features[i]) {
                    *v = Verdict::new(Label::Content, Reason::InTextList);
                }
            }
        }
        start = end;
    }
}

/// The level of a heading block (1 for h1), `None` for any other block.
fn heading_level(kind: BlockKind) -> Option<u8> {
    match kind {
        BlockKind::Heading(level) => Some(level),
        _ => None,
    }
}

/// Whether a block was dropped only for its links or its neighbours, under no chrome name of
/// its own: an item its list or run may take back.
fn dropped_item(b: &Block, v: &Verdict) -> bool {
    matches!(
        v.reason,
        Reason::LinkDensity | Reason::NeighboursBoilerplate
    ) && b.local_hints.negative().is_empty()
}

/// Whether a block says something of its own: words outside its links, or a whole sentence.
fn has_own_text(b: &Block, f: &Features) -> bool {
    b.link_words < b.words || f.ends_sentence
}

/// The number a list item written as a paragraph opens with ("12. Moral Clarity", "3)
/// Bake"), when a word follows it.
fn item_number(text: &str) -> Option<u32> {
    let (number, rest) = text.trim_start().split_once(char::is_whitespace)?;
    let digits = number.strip_suffix(['.', ')'])?;
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    rest.trim_start()
        .starts_with(|c: char| c.is_alphanumeric() || "\"'“‘(".contains(c))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Whether `text` opens with a section number of two levels or more ("11.2. Index Types",
/// "3.1.4 Limits"): an entry of a document's table of contents.
fn opens_with_section_number(text: &str) -> bool {
    let Some((number, rest)) = text.trim_start().split_once(char::is_whitespace) else {
        return false;
    };
    let number = number.strip_suffix('.').unwrap_or(number);
    let mut parts = number.split('.');
    parts.clone().count() >= 2
        && parts.all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
        && rest.trim_start().starts_with(char::is_alphabetic)
}

/// A run of [`MIN_CARDS`] or more sibling elements sharing a class in the main container,
/// each a card holding a link, [`MIN_CARD_WORDS`] words or more, [`MIN_CARD_OWN_WORDS`]
/// outside links and at most [`MAX_CARD_LINK_WORDS`] in them (a linked title with its
/// snippet or price), is a listing's entries or a product grid: the page's content, though
/// link-heavy (corpus `listing/product-grid-cards`). When one card already holds content,
/// the run is all in the main container and no card lies under a chrome name (a
/// related-links rail, a menu), the cards' dropped blocks are revived: their linked titles
/// and prices. Without content in the run it stays out: a rail of linked headlines with
/// their sources under an article reads the same (l3s-gn1).
pub(crate) fn cards(blocks: &[Block], elements: &[Element], verdicts: &mut [Verdict]) {
    // Cards per (parent, class); a class disqualified when one sibling is no card.
    // Sized for every element at once: grown from empty, the map rehashes several times.
    let mut runs: foldhash::HashMap<(u32, &str), (u32, bool)> =
        foldhash::HashMap::with_capacity_and_hasher(elements.len(), Default::default());
    for e in elements {
        let Some(class) = e.class.as_deref().filter(|c| !c.is_empty()) else {
            continue;
        };
        if e.parent == NO_ELEMENT {
            continue;
        }
        let card = e.link_words > 0
            && e.words >= MIN_CARD_WORDS
            && e.link_words <= MAX_CARD_LINK_WORDS
            && e.unlinked_words() >= MIN_CARD_OWN_WORDS;
        let run = runs.entry((e.parent, class)).or_insert((0, true));
        run.0 += 1;
        run.1 &= card;
    }
    let card_run = |e: &Element| {
        e.class
            .as_deref()
            .and_then(|c| runs.get(&(e.parent, c)))
            .is_some_and(|&(count, all)| all && count >= MIN_CARDS)
    };
    let group = nearest_runs(blocks, elements, |_, e| card_run(e));
    for r in group_runs(&group) {
        let run = &blocks[r.clone()];
        let holds_content = verdicts[r.clone()]
            .iter()
            .any(|v| v.label == Label::Content);
        if holds_content
            && run
                .iter()
                .all(|b| b.in_main && b.local_hints.negative().is_empty())
        {
            for (b, v) in run.iter().zip(&mut verdicts[r]) {
                if card_part_dropped(b, v, false) {
                    *v = Verdict::new(Label::Content, Reason::InCardRun);
                }
            }
        }
    }
}

/// A listing page: its content is a grid of cards (a job board, a recipe index, a shop's
/// product grid, a programme catalogue), each card often one link around its title and
/// snippet, so that every block of it reads as navigation, with at most a headline and a
/// short intro beside it (wcxb-dev listing and collection pages; corpus
/// `listing/linked-card-grid`). [`cards`] keeps such a run only when it already holds
/// content; this keeps it when the page around it holds little else.
///
/// A grid is a run of sibling elements of one kind (their class names but those holding a
/// digit, see [`kind_of`]) of which [`MIN_CARDS`] or more are cards, each holding a link and
/// [`GRID_CARD_WORDS`] words or more, and either some words outside links, two blocks or
/// more, or a picture in a box of its own right before it (a lone link is a menu entry; a
/// link set around a picture's box and a title's box is a teaser, corpus
/// `listing/picture-title-cards`), and at most [`GRID_OTHER_SIBLINGS`] of them are not
/// (a card with a three-word title). Runs under a chrome name stay out (a `<form>` is none:
/// some platforms wrap the whole page in one; corpus `listing/whole-page-form-grid`; nor is
/// `related`: past the prose gate no article is left for a grid to be related to, and shop
/// themes reuse their related-products component for the category grid; corpus
/// `listing/grid-named-related`), and sibling lists
/// sharing a class (the rows of one grid) count as one grid; a chrome name inside the cards
/// (Bootstrap's `caption` on each card's text, a `promo-badge`) is a part of the card that
/// every card repeats, not chrome (corpus `listing/card-part-names`).
///
/// The page is a listing when no content block found so far holds [`GRID_MAX_PROSE_WORDS`]
/// words (an article, however short, has a paragraph that long; a listing's intro doesn't)
/// and the grids of the main container together hold [`GRID_MIN_WORDS`] words or more that
/// are not content yet, and [`GRID_SHARE`] times the content found so far (a listing in
/// sections, a grid under each subhead; corpus `listing/recipe-sections-of-cards`), or
/// [`GRID_AMID_SHARE`] times when a grid opens before the last content block (corpus
/// `listing/grid-amid-category-text`) and `revealed` (the page walked with its hidden
/// elements in) is false. Else
/// the largest grid outside the main container (the scoring chose the intro) needs
/// [`GRID_OUTSIDE_SHARE`] times: a short news item with
/// rails of linked headlines beside it has that shape at a smaller ratio (dragnet-train,
/// l3s-gn1). Then the grids' blocks dropped as link-heavy, for their neighbours, as
/// headings without content or for a chrome name inside their card are content, and the grids join the main container.
pub(crate) fn grids(
    blocks: &mut [Block],
    elements: &[Element],
    images: &[OrphanImage],
    verdicts: &mut [Verdict],
    revealed: bool,
) {
    // The prose gate first: it settles most pages before the grids are looked for.
    let found = blocks
        .iter()
        .zip(verdicts.iter())
        .filter(|(b, v)| v.label == Label::Content && b.in_main);
    let prose = found.clone().map(|(b, _)| b.words).max().unwrap_or(0);
    let other: u32 = found.map(|(b, _)| b.words).sum();
    if prose >= GRID_MAX_PROSE_WORDS {
        return;
    }
    let group = grid_of_blocks(blocks, elements, images);
    // Chrome names above the grid's list element: a name inside the cards (each card's
    // `caption` or `promo-badge`) names a part of the card, which every card repeats; and
    // a name the page's layout gives every box (see [`layout_names`]) names no role.
    let layout = Layout::new(blocks, elements, None);
    // A chrome name, but `form` and `related` (see above).
    let chrome_named = |h: Hints| {
        !h.negative()
            .without(Hint::Form)
            .without(Hint::Related)
            .is_empty()
    };
    let chrome = |(b, list): (&Block, &Option<u32>)| {
        let hints = if b.in_main { b.local_hints } else { b.hints };
        if !chrome_named(hints) {
            return false;
        }
        let above = b
            .hinted_ancestors
            .iter()
            .filter(|(at, h)| {
                list.is_none_or(|l| *at <= l) && !named_by_layout(elements, *at, *h, &layout)
            })
            .fold(Hints::NONE, |acc, (_, h)| acc.union(*h));
        chrome_named(above)
    };
    let runs: Vec<std::ops::Range<usize>> = group_runs(&group)
        .filter(|r| !blocks[r.clone()].iter().zip(&group[r.clone()]).any(chrome))
        .collect();
    // Words per grid, the rows of one grid (sibling lists sharing a class) together; the
    // grids of the main container summed, the largest one of all the page.
    let grid_words = |inside_only: bool| {
        let mut words: foldhash::HashMap<(u32, Option<&str>), u32> = foldhash::HashMap::default();
        for r in runs
            .iter()
            .filter(|r| !inside_only || blocks[r.start..r.end].iter().all(|b| b.in_main))
        {
            if let Some(list) = group[r.start].and_then(|at| elements.get(at as usize)) {
                *words
                    .entry((list.parent, list.class.as_deref()))
                    .or_default() += blocks[r.clone()]
                    .iter()
                    .zip(&verdicts[r.clone()])
                    .filter(|(_, v)| v.label != Label::Content)
                    .map(|(b, _)| b.words)
                    .sum::<u32>();
            }
        }
        if inside_only {
            words.into_values().sum()
        } else {
            words.into_values().max().unwrap_or(0)
        }
    };
    let listing =
        |words: u32, share: f32| words >= GRID_MIN_WORDS && words as f32 >= share * other as f32;
    // A grid that opens before the last content block stands amid the page's text (cards
    // between an intro and a buying guide); one that opens after it trails an article
    // (its comments, its related posts) and must outweigh it more. In a reveal pass the
    // text after a grid may be a note its page hides (a "contact us for the price" box),
    // no part of the page: there every grid must outweigh the content as much.
    let last_content = blocks
        .iter()
        .zip(verdicts.iter())
        .rposition(|(b, v)| v.label == Label::Content && b.in_main);
    let amid = !revealed
        && runs.iter().any(|r| {
            blocks[r.clone()].iter().all(|b| b.in_main) && last_content.is_some_and(|l| r.start < l)
        });
    let share = if amid { GRID_AMID_SHARE } else { GRID_SHARE };
    let inside_only = if listing(grid_words(false), GRID_OUTSIDE_SHARE) {
        false
    } else if listing(grid_words(true), share) {
        true
    } else {
        return;
    };
    for r in runs {
        if inside_only && !blocks[r.clone()].iter().all(|b| b.in_main) {
            continue;
        }
        let start = r.start;
        for (b, v) in blocks[r.clone()].iter_mut().zip(&mut verdicts[r]) {
            if card_part_dropped(b, v, true) {
                b.in_main = true;
                *v = Verdict::new(Label::Content, Reason::InCardRun);
            } else if v.label == Label::Content {
                b.in_main = true;
            }
        }
        revive_heading_before(blocks, verdicts, start);
    }
}

/// Block `i` was just kept: the heading of the main container right before it, dropped
/// for want of content after it, titles it and comes back (a section's `<h2>` over its
/// list or grid of cards).
fn revive_heading_before(blocks: &[Block], verdicts: &mut [Verdict], i: usize) {
    if i > 0 && blocks[i - 1].in_main && verdicts[i - 1].reason == Reason::HeadingWithoutContent {
        verdicts[i - 1] = Verdict::new(Label::Content, Reason::HeadingBeforeContent);
    }
}

/// For each block, the element holding the run of its nearest grid card (see [`grids`]).
fn grid_of_blocks(
    blocks: &[Block],
    elements: &[Element],
    images: &[OrphanImage],
) -> Vec<Option<u32>> {
    // Blocks in each element's subtree: running sums in document order, so a subtree's
    // count is one subtraction.
    let mut parts = vec![0u32; elements.len() + 1];
    for b in blocks {
        if let Some(p) = parts.get_mut(b.owner as usize + 1) {
            *p += 1;
        }
    }
    for i in 1..parts.len() {
        parts[i] += parts[i - 1];
    }
    // Each element's kind, worked out once for counting the runs and for looking them up.
    let kinds: Vec<Option<Cow<'_, str>>> = elements
        .iter()
        .map(|e| e.class.as_deref().map(kind_of))
        .collect();
    // Sized for every element at once, as in [`cards`].
    let mut runs: foldhash::HashMap<(u32, &str), (u32, u32)> =
        foldhash::HashMap::with_capacity_and_hasher(elements.len(), Default::default());
    for (i, (e, kind)) in elements.iter().zip(&kinds).enumerate() {
        let Some(kind) = kind.as_deref().filter(|_| e.class.as_deref() != Some("")) else {
            continue;
        };
        if e.parent == NO_ELEMENT {
            continue;
        }
        let blocks_inside = parts[e.end as usize] - parts[i];
        // The picture of a card set as one link: the link is no element, so the picture's
        // box is a sibling before the text's (images are in block order).
        let first = images.partition_point(|image| image.before_block < parts[i]);
        let pictured = blocks_inside > 0
            && images[first..]
                .iter()
                .take_while(|image| image.before_block == parts[i])
                .any(|image| image.owner > e.parent && (image.owner as usize) < i);
        let card = e.link_words > 0
            && e.words >= GRID_CARD_WORDS
            && (e.link_words < e.words || blocks_inside >= 2 || pictured);
        let run = runs.entry((e.parent, kind)).or_insert((0, 0));
        run.0 += 1;
        run.1 += u32::from(card);
    }
    let card_run = |e: &Element, kind: &Option<Cow<'_, str>>| {
        kind.as_deref()
            .and_then(|k| runs.get(&(e.parent, k)))
            .is_some_and(|&(count, cards)| {
                cards >= MIN_CARDS && (count - cards) as f32 <= GRID_OTHER_SIBLINGS * count as f32
            })
    };
    nearest_runs(blocks, elements, |i, e| card_run(e, &kinds[i]))
}

/// For each block, the run (its parent element) of its nearest element that `in_run`
/// (given the element's index), itself or an ancestor; found in one pass, as elements are
/// in document order, a parent before its children.
fn nearest_runs(
    blocks: &[Block],
    elements: &[Element],
    in_run: impl Fn(usize, &Element) -> bool,
) -> Vec<Option<u32>> {
    let mut nearest: Vec<Option<u32>> = Vec::with_capacity(elements.len());
    for (i, e) in elements.iter().enumerate() {
        let inherited = nearest.get(e.parent as usize).copied().flatten();
        nearest.push(if in_run(i, e) {
            Some(e.parent)
        } else {
            inherited
        });
    }
    blocks
        .iter()
        .map(|b| nearest.get(b.owner as usize).copied().flatten())
        .collect()
}

/// Lines that open a comment section, lowercase, without counts ("12 comments",
/// "Comments (3)") and a closing colon.
const COMMENT_SECTION_LABELS: &[&str] = &[
    "comments",
    "reader comments",
    "readers' comments",
    "readers comments",
    "user comments",
    "your comments",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "add your comment",
    "add new comment",
    "join the discussion",
    "join the conversation",
    "kommentare",
    "commentaires",
    "comentarios",
    "commenti",
    "reacties",
];

/// Whether `text` is a line that opens a comment section.
fn opens_comments(text: &str) -> bool {
    with_lowercase(text.trim(), |lower| {
        let bare = lower
            .trim_end_matches(':')
            .trim_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || "()[]".contains(c));
        COMMENT_SECTION_LABELS.contains(&bare)
    })
}

/// Lines that open a section of other pages' content after the article, lowercase and
/// without a closing colon: the whole line.
const RELATED_SECTION_LABELS: &[&str] = &["you may also like", "you might also like"];

/// Starts of lines that name the site they point into ("Also on The Courier:", "Related
/// on Example News:"), a slideshow or a rail of other stories set in the article's column.
/// Bare "Related" or "More on …" are not among them: they title the article's own
/// sections and lists too.
const RELATED_SECTION_STARTS: &[&str] = &["also on ", "related on "];

/// Whether `text` is a line that opens a section of other pages' content.
fn opens_related(text: &str) -> bool {
    with_lowercase(text.trim(), |lower| {
        let bare = lower.trim_end_matches(':').trim_end();
        RELATED_SECTION_LABELS.contains(&bare)
            || RELATED_SECTION_STARTS
                .iter()
                .any(|start| bare.starts_with(start))
    })
}

/// Lines that open the author's box after the article, lowercase and without a closing
/// colon or ellipsis: the whole line.
const AUTHOR_SECTION_LABELS: &[&str] = &["about the author", "about the writer"];

/// Starts of lines that name the author over the box about them ("Written by Marie
/// LeBaron"), lowercase; the rest of the line is the name. Not "Author:", a field of
/// records the article lists (an exploit module's "Author: Tarek Nakkouch", wcxb-dev 2645).
const AUTHOR_SECTION_STARTS: &[&str] = &["written by "];

/// Whether `text` is a line that opens the author's box: a label, or a start followed by a
/// name of one to three capitalised words. "About <name>" is not among them: press releases
/// close with "About Logitech", which the truths keep.
fn opens_author(text: &str) -> bool {
    let trimmed = text.trim().trim_end_matches([':', '.', '…']).trim_end();
    with_lowercase(trimmed, |lower| {
        AUTHOR_SECTION_LABELS.contains(&lower)
            || AUTHOR_SECTION_STARTS.iter().any(|start| {
                lower.starts_with(start)
                    && trimmed.get(start.len()..).is_some_and(|name| {
                        let words: Vec<&str> = name.split_whitespace().collect();
                        (1..=3).contains(&words.len())
                            && words
                                .iter()
                                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                    })
            })
    })
}

/// A short line of the main container that [`revise`] dropped for the chrome nearest to
/// it, with content within [`AMID_CONTENT_REACH`] blocks on both sides once every pass has
/// decided, sits inside the text: a stat between a lead and the body, a label between two
/// paragraphs, a review's pros and cons between its verdicts. It is content. Not a single
/// word (a "Details" label, a rank), a dateline, a byline (see
/// [`crate::metadata::by_line_names`]) or a short line with a digit (a post count, a vote
/// count, a star rating): those are the posts' and recipes' furniture between their texts
/// (corpus `forum/bike-gears-slipping-thread`, `recipe/lentil-soup`). Decided on the
/// labels as they stand, not on the ones this pass gives, so that a run of chrome is not
/// eaten away from its ends (corpus `service/stats-amid-prose`).
pub(crate) fn amid_content(blocks: &[Block], features: &[Features], verdicts: &mut [Verdict]) {
    let content: Vec<bool> = verdicts.iter().map(|v| v.label == Label::Content).collect();
    let n = content.len();
    for (i, (block, verdict)) in blocks.iter().zip(verdicts.iter_mut()).enumerate() {
        if verdict.reason != Reason::NeighboursBoilerplate
            || !block.in_main
            || features[i].words < 2
            || features[i].dateline
            || (features[i].digits && features[i].words < SHORT_BLOCK_WORDS)
            || crate::metadata::by_line_names(&block.text).is_some()
        {
            continue;
        }
        let before = content[i.saturating_sub(AMID_CONTENT_REACH)..i].contains(&true);
        let after = content[(i + 1).min(n)..(i + 1 + AMID_CONTENT_REACH).min(n)].contains(&true);
        if before && after {
            *verdict = Verdict::new(Label::Content, Reason::NeighboursContent);
        }
    }
}

/// The sections that close an article: the readers' comments, then a section of other
/// pages' content opened by a line naming it, then the author's box (see
/// [`closing_section`]).
pub(crate) fn closing_sections(blocks: &[Block], elements: &[Element], verdicts: &mut [Verdict]) {
    closing_section(
        blocks,
        elements,
        verdicts,
        opens_comments,
        Reason::CommentSection,
    );
    closing_section(
        blocks,
        elements,
        verdicts,
        opens_related,
        Reason::RelatedSection,
    );
    closing_section(
        blocks,
        elements,
        verdicts,
        opens_author,
        Reason::AuthorSection,
    );
}

/// Once [`COMMENTS_AFTER_WORDS`] words of the main container's content have run, a short
/// unlinked line that `opens` a section ("Comments", "12 Responses", "Leave a reply";
/// "Also on The Courier:") ends the article whatever the markup of what follows (posts
/// written as the article's own paragraphs, under no comment name; a slideshow's long
/// captions): the content after it within the element around the label goes, as
/// `reason`, up to the next heading of the label's rank (a paragraph label ranks as
/// [`COMMENT_LABEL_RANK`]), where the answers of a Q&A page or the next entry of a list
/// begin.
fn closing_section(
    blocks: &[Block],
    elements: &[Element],
    verdicts: &mut [Verdict],
    opens: fn(&str) -> bool,
    reason: Reason,
) {
    let mut before = 0;
    let Some(cut) = blocks.iter().zip(verdicts.iter()).position(|(b, v)| {
        let label = before >= COMMENTS_AFTER_WORDS
            && b.words <= MAX_COMMENT_LABEL_WORDS
            && b.link_words == 0
            && opens(&b.text);
        if v.label == Label::Content && b.in_main {
            before += b.unlinked_words();
        }
        label
    }) else {
        return;
    };
    let label = &blocks[cut];
    let rank = match label.kind {
        BlockKind::Heading(level) => level,
        _ => COMMENT_LABEL_RANK,
    };
    // The section is the element around the label, above the wrappers holding the label
    // alone (`div.comments-title > h2`).
    let mut parent = elements
        .get(label.owner as usize)
        .map_or(NO_ELEMENT, |e| e.parent);
    while let Some(e) = elements.get(parent as usize) {
        if e.words > label.words {
            break;
        }
        parent = e.parent;
    }
    let end = elements.get(parent as usize).map_or(u32::MAX, |e| e.end);
    for (b, v) in blocks.iter().zip(verdicts.iter_mut()).skip(cut) {
        let next_section =
            matches!(b.kind, BlockKind::Heading(level) if level <= rank) && !opens(&b.text);
        if b.owner <= parent || b.owner >= end || next_section {
            break;
        }
        if v.label == Label::Content {
            *v = Verdict::new(Label::Boilerplate, reason);
        }
    }
}

/// The nearest `part` (`tr`, `td`, or `table` itself) element holding `block` within its
/// table.
fn table_part(block: &Block, elements: &[Element], part: html5ever::LocalName) -> Option<u32> {
    let mut at = block.owner;
    while let Some(e) = elements.get(at as usize) {
        if e.name == part {
            return Some(at);
        }
        if e.name == local_name!("table") {
            return None;
        }
        at = e.parent;
    }
    None
}

/// Make content the dropped blocks of each run of blocks sharing a group that `coherent`
/// accepts, given the run and its number of content blocks; with `names`, short links too (the name of a record; in
/// a layout column they are a pager or a menu).
fn revive_groups(
    blocks: &[Block],
    verdicts: &mut [Verdict],
    groups: &[Option<u32>],
    coherent: impl Fn(&[Block], usize) -> bool,
    names: bool,
) {
    for r in group_runs(groups) {
        let content = verdicts[r.clone()]
            .iter()
            .filter(|v| v.label == Label::Content)
            .count();
        if coherent(&blocks[r.clone()], content) {
            for j in r {
                let revive = verdicts[j].label == Label::Boilerplate
                    && match verdicts[j].reason {
                        Reason::LinkDensity => names && blocks[j].words < SHORT_BLOCK_WORDS,
                        Reason::NeighboursBoilerplate
                        | Reason::HeadingWithoutContent
                        | Reason::Dateline
                        | Reason::Credit
                        | Reason::Notice => true,
                        _ => false,
                    };
                if revive {
                    verdicts[j] = Verdict::new(Label::Content, Reason::InTableWithContent);
                }
            }
        }
    }
}

/// Whether a card's block was dropped for what a card shows (its linked title, a short
/// line between decided blocks, a heading with nothing decided after it), or also, with
/// `named`, for a chrome name inside the card (see [`grids`]): the parts a run of cards
/// takes back.
fn card_part_dropped(b: &Block, v: &Verdict, named: bool) -> bool {
    v.label == Label::Boilerplate
        && b.words > 0
        && match v.reason {
            Reason::LinkDensity | Reason::NeighboursBoilerplate | Reason::HeadingWithoutContent => {
                true
            }
            Reason::Hint(_) => named,
            _ => false,
        }
}

/// The runs of consecutive blocks that share a group (`None`: in no group), as index ranges.
fn group_runs(groups: &[Option<u32>]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(&at) = groups.get(i) {
            let start = i;
            i += 1;
            if let Some(group) = at {
                while groups.get(i) == Some(&Some(group)) {
                    i += 1;
                }
                return Some(start..i);
            }
        }
        None
    })
}

/// The kind of element a class attribute names, for telling the cards of one grid: its
/// class names without those holding a digit, which page builders make unique to each
/// element (`elementor-element elementor-element-6cd458d elementor-widget` on every card
/// of a grid, each with its own hash) or number by position (`col-3`, `item-12`), and only
/// the first [`KIND_NAMES`] of them: shops and CMSs append each item's state and terms
/// after the names that say what it is (`product type-product status-publish first
/// instock product_cat-mugs sale`; corpus `listing/shop-grid-item-state-classes`).
/// Borrowed from `class` when the names kept stand in it as they are joined (a class of
/// plain names, one space apart: most), so that only the others are copied.
fn kind_of(class: &str) -> Cow<'_, str> {
    let names = || {
        class
            .split_ascii_whitespace()
            .filter(|t| !t.bytes().any(|c| c.is_ascii_digit()))
            .take(KIND_NAMES)
    };
    // Where the joined names would end if they are `class`'s first bytes.
    let mut end = Some(0);
    for name in names() {
        let at = name.as_ptr() as usize - class.as_ptr() as usize;
        end = end.filter(|&e| at == e || (e > 0 && at == e + 1 && class.as_bytes()[e] == b' '));
        end = end.map(|_| at + name.len());
    }
    match end {
        Some(end) => Cow::Borrowed(&class[..end]),
        None => Cow::Owned(names().collect::<Vec<_>>().join(" ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_numbers_of_two_levels_open_contents_entries() {
        assert!(opens_with_section_number("11.2. Index Types"));
        assert!(opens_with_section_number("3.1.4 Limits"));
        assert!(!opens_with_section_number("1. Preheat the oven"));
        assert!(!opens_with_section_number("4.99 $ shipping"));
        assert!(!opens_with_section_number("v2.1 Release notes"));
        assert!(!opens_with_section_number("1..2 Ranges"));
    }

    #[test]
    fn item_numbers_open_numbered_paragraphs() {
        assert_eq!(
            item_number("1.  Using Our Fears (Los Angeles Times)"),
            Some(1)
        );
        assert_eq!(item_number("12) \"Moral Clarity\""), Some(12));
        assert_eq!(item_number("2012. A year of locks"), None);
        assert_eq!(item_number("4.99 $ shipping"), None);
        assert_eq!(item_number("3. "), None);
        assert_eq!(item_number("Chapter 3. Gates"), None);
    }

    #[test]
    fn kind_of_drops_the_names_that_tell_each_card_apart() {
        assert_eq!(
            kind_of("elementor-element elementor-element-6cd458d elementor-widget"),
            kind_of("elementor-element elementor-element-03c5e8f elementor-widget")
        );
        assert_eq!(kind_of("card col-3"), "card");
        assert_eq!(kind_of("card wide"), Cow::<str>::Borrowed("card wide"));
        assert_eq!(kind_of(" card  wide "), "card wide");
        assert_eq!(kind_of("col-3 card"), "card");
        assert_eq!(
            kind_of("a b c d e f g h i j"),
            kind_of("a  b c d e f g h i j k l")
        );
        assert_ne!(kind_of("card"), kind_of("card featured"));
        assert_eq!(
            kind_of("product type-product status-publish first instock product_cat-mugs"),
            kind_of("product type-product status-publish outofstock product_cat-bowls sale")
        );
    }
    use crate::features::text_density;

    fn f(ends_sentence: bool) -> Features {
        Features {
            words: 3,
            link_density: 0.0,
            text_density: text_density("a b c"),
            sentence_marks: 0,
            commas: 0,
            ends_sentence,
            leads_in: false,
            position: 0.0,
            credit: false,
            notice_terms: 0,
            dateline: false,
            digits: false,
        }
    }

    fn v(label: Label) -> Verdict {
        let reason = match label {
            Label::Content => Reason::Prose,
            Label::Boilerplate => Reason::LinkDensity,
            Label::Undecided => Reason::Short,
        };
        Verdict::new(label, reason)
    }

    #[test]
    fn comment_section_labels_allow_counts_not_other_words() {
        for label in [
            "Comments",
            "12 Comments:",
            "Comments (3)",
            "Leave a Reply",
            "7 Kommentare",
        ] {
            assert!(opens_comments(label), "{label}");
        }
        for other in [
            "Recent comments",
            "Discussion",
            "Replies",
            "No comments yet",
            "",
        ] {
            assert!(!opens_comments(other), "{other}");
        }
    }

    #[test]
    fn related_section_labels_name_another_page_or_the_site() {
        for label in [
            "Also on The Courier:",
            "Related on Example News:",
            "You may also like",
        ] {
            assert!(opens_related(label), "{label}");
        }
        for other in ["Related", "More on fields", "Read more", "Also", ""] {
            assert!(!opens_related(other), "{other}");
        }
    }

    #[test]
    fn short_block_between_content_is_content() {
        let kinds = [BlockKind::Paragraph; 3];
        let feats = [f(true), f(false), f(true)];
        let mut verdicts = [v(Label::Content), v(Label::Undecided), v(Label::Content)];
        revise(&kinds, &feats, &[true; 5][..kinds.len()], &mut verdicts);
        assert_eq!(verdicts[1].label, Label::Content);
        assert_eq!(verdicts[1].reason, Reason::NeighboursContent);
    }

    #[test]
    fn a_heading_looks_past_a_credit_line_under_it() {
        // A dek set as an h2, then "PHOTOS: Life and Times of …" (a credit), then the prose.
        let kinds = [
            BlockKind::Heading(2),
            BlockKind::Heading(4),
            BlockKind::Paragraph,
        ];
        let feats = [f(true), f(false), f(true)];
        let mut verdicts = [
            Verdict::new(Label::Undecided, Reason::Heading),
            Verdict::new(Label::Boilerplate, Reason::Credit),
            v(Label::Content),
        ];
        revise(&kinds, &feats, &[true; 3], &mut verdicts);
        assert_eq!(verdicts[0].reason, Reason::HeadingBeforeContent);
    }

    #[test]
    fn a_heading_over_a_titled_content_subsection_is_its_title() {
        // A review list: intro prose, the product's h2, a rating line, an h3 "Pros & Cons"
        // over four dropped lines, then the h3 "Why we picked it" over prose.
        let mut kinds = vec![BlockKind::Paragraph; 10];
        kinds[1] = BlockKind::Heading(2);
        kinds[3] = BlockKind::Heading(3);
        kinds[8] = BlockKind::Heading(3);
        let heading = Verdict::new(Label::Undecided, Reason::Heading);
        let run = |intro: Label, h2_link_density: f32| {
            let mut feats = vec![f(true); 10];
            feats[1].link_density = h2_link_density;
            let mut verdicts = vec![v(Label::Boilerplate); 10];
            verdicts[0] = v(intro);
            verdicts[1] = heading;
            verdicts[3] = heading;
            verdicts[8] = heading;
            verdicts[9] = v(Label::Content);
            revise(&kinds, &feats, &[true; 10], &mut verdicts);
            // "Pros & Cons" has no content in reach and titles none.
            assert_eq!(verdicts[3].reason, Reason::HeadingWithoutContent);
            assert_eq!(verdicts[8].reason, Reason::HeadingBeforeContent);
            verdicts[1].label
        };
        assert_eq!(run(Label::Content, 0.0), Label::Content);
        // Before the first content (a blog's name over its post) or linked (a card's
        // title), it is not.
        assert_eq!(run(Label::Boilerplate, 0.0), Label::Boilerplate);
        assert_eq!(run(Label::Content, 1.0), Label::Boilerplate);
    }

    #[test]
    fn a_lone_block_without_words_does_not_decide_its_neighbours() {
        // "or in matrix form:", then the formula's lone "." (its maths left out), then prose.
        let kinds = [BlockKind::Paragraph; 5];
        let feats = [f(true), f(false), f(false), f(false), f(true)];
        let bare = Verdict::new(Label::Boilerplate, Reason::NoWords);
        let run = |second_bare: bool| {
            let mut verdicts = [
                v(Label::Content),
                v(Label::Undecided),
                bare,
                if second_bare { bare } else { v(Label::Content) },
                v(Label::Content),
            ];
            revise(&kinds, &feats, &[true; 5], &mut verdicts);
            verdicts[1].label
        };
        assert_eq!(run(false), Label::Content);
        // A run of them (a menu's separators, a row of icons) is chrome's, and decides.
        assert_eq!(run(true), Label::Boilerplate);
    }

    #[test]
    fn a_short_line_straight_before_content_in_main_is_its_title() {
        let kinds = [BlockKind::Paragraph; 5];
        let linked = Features {
            link_density: 1.0,
            ..f(false)
        };
        let run = |title: Features, in_main: bool, gap: bool| {
            let feats = [f(true), linked, title, f(false), f(true)];
            let mut verdicts = [
                v(Label::Content),
                Verdict::new(Label::Boilerplate, Reason::LinkDensity),
                v(Label::Undecided),
                v(if gap {
                    Label::Undecided
                } else {
                    Label::Content
                }),
                v(Label::Content),
            ];
            revise(&kinds, &feats, &[in_main; 5], &mut verdicts);
            verdicts[2].label
        };
        assert_eq!(run(f(false), true, false), Label::Content);
        // Outside the main container, or with a link, or not straight before the content.
        assert_eq!(run(f(false), false, false), Label::Boilerplate);
        let half_linked = Features {
            link_density: 0.5,
            ..f(false)
        };
        assert_eq!(run(half_linked, true, false), Label::Boilerplate);
        assert_eq!(run(f(false), true, true), Label::Boilerplate);
        let dated = Features {
            digits: true,
            ..f(false)
        };
        assert_eq!(run(dated, true, false), Label::Boilerplate);
    }

    #[test]
    fn a_cut_sentence_after_a_chrome_line_before_content_is_content() {
        // prose, "Main article: X" (chrome), "... it satisfies" (its formula left out), prose
        let cut = Features {
            words: 19,
            ..f(false)
        };
        let run = |lead: Label, cut: Features, second: BlockKind, in_main: bool| {
            let kinds = [
                BlockKind::Paragraph,
                second,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
            ];
            let feats = [f(true), f(false), cut, f(true)];
            let mut verdicts = [
                v(lead),
                Verdict::new(Label::Boilerplate, Reason::Hint(Hint::Nav)),
                Verdict::new(Label::Undecided, Reason::Fragment),
                v(Label::Content),
            ];
            revise(&kinds, &feats, &[in_main; 4], &mut verdicts);
            verdicts[2].label
        };
        let p = BlockKind::Paragraph;
        assert_eq!(run(Label::Content, cut, p, true), Label::Content);
        // Outside the main container, or before its first content (a byline, a dateline).
        assert_eq!(run(Label::Content, cut, p, false), Label::Boilerplate);
        assert_eq!(run(Label::Boilerplate, cut, p, true), Label::Boilerplate);
        // With a digit under a heading it is a post's "by X » date" line.
        let dated = Features {
            digits: true,
            ..cut
        };
        assert_eq!(run(Label::Content, dated, p, true), Label::Content);
        assert_eq!(
            run(Label::Content, dated, BlockKind::Heading(3), true),
            Label::Boilerplate
        );
    }

    #[test]
    fn a_fragment_closing_the_text_before_chrome_is_content() {
        // prose, "Will be very cool to see how this turns out", chrome (a share bar)
        let closing = Features {
            words: 10,
            ..f(false)
        };
        let run = |closing: Features, run_on: bool| {
            let kinds = [BlockKind::Paragraph; 4];
            let feats = [f(true), closing, closing, f(false)];
            let mut verdicts = [
                v(Label::Content),
                Verdict::new(Label::Undecided, Reason::Fragment),
                if run_on {
                    Verdict::new(Label::Undecided, Reason::Fragment)
                } else {
                    Verdict::new(Label::Boilerplate, Reason::Hint(Hint::Share))
                },
                Verdict::new(Label::Boilerplate, Reason::Hint(Hint::Share)),
            ];
            revise(&kinds, &feats, &[true; 4], &mut verdicts);
            verdicts[1].label
        };
        assert_eq!(run(closing, false), Label::Content);
        // The first of a run of such lines is a repeated label; a digit makes a date line.
        assert_eq!(run(closing, true), Label::Boilerplate);
        let dated = Features {
            digits: true,
            ..closing
        };
        assert_eq!(run(dated, false), Label::Boilerplate);
    }

    #[test]
    fn a_notice_between_paragraphs_of_the_main_container_is_prose() {
        let kinds = [BlockKind::Paragraph; 3];
        let notice = Features {
            words: 40,
            notice_terms: 2,
            ..f(true)
        };
        let feats = [f(true), notice, f(true)];
        let run = |in_main: [bool; 3], last: Label| {
            let mut verdicts = [
                v(Label::Content),
                Verdict::new(Label::Boilerplate, Reason::Notice),
                v(last),
            ];
            revise(&kinds, &feats, &in_main, &mut verdicts);
            verdicts[1]
        };
        assert_eq!(run([true; 3], Label::Content).label, Label::Content);
        assert_eq!(run([true; 3], Label::Boilerplate).reason, Reason::Notice);
        assert_eq!(run([false; 3], Label::Content).reason, Reason::Notice);
    }

    #[test]
    fn a_lead_in_after_content_opens_its_lines_as_a_list() {
        // a paragraph, "Ingredients:", three lines, "Pin It"; then with one line only
        let kinds = [BlockKind::Paragraph; 6];
        let lead_in = Features {
            leads_in: true,
            ..f(false)
        };
        let feats = [f(true), lead_in, f(false), f(false), f(false), f(false)];
        let mut verdicts = [
            v(Label::Content),
            v(Label::Undecided),
            v(Label::Undecided),
            v(Label::Undecided),
            v(Label::Undecided),
            v(Label::Boilerplate),
        ];
        revise(&kinds, &feats, &[true; 6], &mut verdicts);
        assert!(verdicts[..5].iter().all(|v| v.label == Label::Content));
        let mut verdicts = [
            v(Label::Content),
            v(Label::Undecided),
            v(Label::Undecided),
            v(Label::Boilerplate),
        ];
        revise(&kinds[..4], &feats[..4], &[true; 4], &mut verdicts);
        assert!(verdicts[1..].iter().all(|v| v.label == Label::Boilerplate));
    }

    #[test]
    fn author_boxes_open_on_their_label_or_the_name_written_by() {
        assert!(opens_author("About the Author"));
        assert!(opens_author("About the author..."));
        assert!(opens_author("ABOUT THE WRITER:"));
        assert!(opens_author("Written by Marie LeBaron"));
        // A sentence, a press release's company box, a record's field.
        assert!(!opens_author("Written by hand over three winters"));
        assert!(!opens_author("About Logitech"));
        assert!(!opens_author("Author: Tarek Nakkouch"));
    }

    #[test]
    fn a_paragraph_ending_in_a_colon_opens_its_lines_as_a_list() {
        // "... you can now read it on the following devices:", three typed-bullet lines,
        // then a link-heavy line
        let kinds = [BlockKind::Paragraph; 5];
        let lead_in = Features {
            leads_in: true,
            ..f(true)
        };
        let feats = [lead_in, f(false), f(false), f(false), f(false)];
        let run = |in_main: bool| {
            let mut verdicts = [
                v(Label::Content),
                v(Label::Undecided),
                v(Label::Undecided),
                v(Label::Undecided),
                Verdict::new(Label::Boilerplate, Reason::LinkDensity),
            ];
            revise(&kinds, &feats, &[in_main; 5], &mut verdicts);
            verdicts.map(|v| v.label)
        };
        let content = run(true);
        assert!(content[..4].iter().all(|l| *l == Label::Content));
        assert_eq!(content[4], Label::Boilerplate);
        // Outside the main container the lines take their neighbours' side.
        assert!(run(false)[1..].iter().all(|l| *l == Label::Boilerplate));
    }

    #[test]
    fn short_chrome_before_the_article_goes() {
        // dateline, "Listen Live", "Get short URL", then the first paragraph
        let kinds = [BlockKind::Paragraph; 5];
        let feats = [f(false), f(false), f(false), f(false), f(true)];
        let mut verdicts = [
            v(Label::Boilerplate),
            v(Label::Undecided),
            v(Label::Undecided),
            v(Label::Undecided),
            v(Label::Content),
        ];
        revise(&kinds, &feats, &[true; 5][..kinds.len()], &mut verdicts);
        assert!(verdicts[1..4].iter().all(|v| v.label == Label::Boilerplate));
    }

    #[test]
    fn a_lead_in_before_content_stays_and_after_it_goes() {
        // chrome, "Dear neighbours,", a paragraph, "Yours,", chrome
        let kinds = [BlockKind::Paragraph; 5];
        let lead_in = Features {
            leads_in: true,
            ..f(false)
        };
        let feats = [f(false), lead_in, f(true), lead_in, f(false)];
        let mut verdicts = [
            v(Label::Boilerplate),
            v(Label::Undecided),
            v(Label::Content),
            v(Label::Undecided),
            v(Label::Boilerplate),
        ];
        revise(&kinds, &feats, &[false; 5], &mut verdicts);
        assert_eq!(verdicts[1].label, Label::Content);
        assert_eq!(verdicts[3].label, Label::Boilerplate);
    }

    #[test]
    fn a_quoted_sentence_next_to_content_stays() {
        let kinds = [BlockKind::Paragraph; 3];
        let feats = [f(true), f(true), f(false)];
        let mut verdicts = [
            v(Label::Content),
            v(Label::Undecided),
            v(Label::Boilerplate),
        ];
        revise(&kinds, &feats, &[true; 5][..kinds.len()], &mut verdicts);
        assert_eq!(verdicts[1].label, Label::Content);
    }

    #[test]
    fn a_list_after_content_stays_before_chrome() {
        let kinds = [
            BlockKind::Paragraph,
            BlockKind::ListItem,
            BlockKind::ListItem,
            BlockKind::Paragraph,
        ];
        let feats = [f(true), f(false), f(false), f(false)];
        let mut verdicts = [
            v(Label::Content),
            v(Label::Undecided),
            v(Label::Undecided),
            v(Label::Boilerplate),
        ];
        revise(&kinds, &feats, &[true; 5][..kinds.len()], &mut verdicts);
        assert_eq!(verdicts[1].label, Label::Content);
        assert_eq!(verdicts[2].label, Label::Content);
    }

    #[test]
    fn two_sentences_among_chrome_stay_one_label_does_not() {
        let kinds = [BlockKind::Paragraph; 5];
        let mut post = f(true);
        post.sentence_marks = 2;
        let mut label = f(true);
        label.sentence_marks = 1;
        let feats = [f(false), post, f(false), label, f(false)];
        let mut verdicts = [
            v(Label::Boilerplate),
            v(Label::Undecided),
            v(Label::Boilerplate),
            v(Label::Undecided),
            v(Label::Boilerplate),
        ];
        revise(&kinds, &feats, &[true; 5][..kinds.len()], &mut verdicts);
        assert_eq!(verdicts[1].label, Label::Content);
        assert_eq!(verdicts[3].label, Label::Boilerplate);
    }

    #[test]
    fn a_line_closing_the_main_container_after_content_stays() {
        let kinds = [BlockKind::Paragraph; 4];
        let mut line = f(false);
        line.words = SHORT_BLOCK_WORDS;
        let feats = [f(true), line, f(false), f(false)];
        let labels = [
            Label::Content,
            Label::Undecided,
            Label::Undecided,
            Label::Boilerplate,
        ];
        let mut verdicts = labels.map(v);
        revise(&kinds, &feats, &[true, true, true, false], &mut verdicts);
        assert_eq!(verdicts[1].reason, Reason::NeighboursContent);
        // Too short to stand on its own: an "Article continues below" label.
        assert_eq!(verdicts[2].reason, Reason::NeighboursBoilerplate);
        let mut verdicts = labels.map(v);
        revise(&kinds, &feats, &[true; 4], &mut verdicts);
        assert_eq!(verdicts[1].reason, Reason::NeighboursBoilerplate);
    }

    #[test]
    fn a_line_opening_the_main_container_before_content_stays_without_a_date() {
        let kinds = [BlockKind::Paragraph; 4];
        let mut dek = f(false);
        dek.words = SHORT_BLOCK_WORDS;
        let mut byline = dek;
        byline.digits = true;
        let feats = [f(false), dek, f(true), f(false)];
        let labels = [
            Label::Boilerplate,
            Label::Undecided,
            Label::Content,
            Label::Boilerplate,
        ];
        let in_main = [false, true, true, false];
        let mut verdicts = labels.map(v);
        revise(&kinds, &feats, &in_main, &mut verdicts);
        assert_eq!(verdicts[1].reason, Reason::NeighboursContent);
        let feats = [f(false), byline, f(true), f(false)];
        let mut verdicts = labels.map(v);
        revise(&kinds, &feats, &in_main, &mut verdicts);
        assert_eq!(verdicts[1].reason, Reason::NeighboursBoilerplate);
    }

    #[test]
    fn a_heading_over_a_named_note_then_content_titles_its_section() {
        // heading, "Main article: X" (nav-named) or a price line (link-heavy), paragraph
        let run = |note: Reason, in_main: bool| {
            let kinds = [
                BlockKind::Heading(2),
                BlockKind::Paragraph,
                BlockKind::Paragraph,
            ];
            let mut verdicts = [
                Verdict::new(Label::Undecided, Reason::Heading),
                Verdict::new(Label::Boilerplate, note),
                v(Label::Content),
            ];
            revise(&kinds, &[f(false); 3], &[in_main; 3], &mut verdicts);
            verdicts[0].label
        };
        assert_eq!(run(Reason::Hint(Hint::Nav), true), Label::Content);
        assert_eq!(run(Reason::Dateline, true), Label::Content);
        assert_eq!(run(Reason::LinkDensity, true), Label::Boilerplate);
        assert_eq!(run(Reason::Hint(Hint::Nav), false), Label::Boilerplate);
    }

    #[test]
    fn headings_follow_what_comes_after_them() {
        let kinds = [
            BlockKind::Heading(2),
            BlockKind::Paragraph,
            BlockKind::Heading(2),
            BlockKind::Paragraph,
        ];
        let feats = [f(false); 4];
        let mut verdicts = [
            Verdict::new(Label::Undecided, Reason::Heading),
            v(Label::Content),
            Verdict::new(Label::Undecided, Reason::Heading),
            v(Label::Boilerplate),
        ];
        revise(&kinds, &feats, &[true; 5][..kinds.len()], &mut verdicts);
        assert_eq!(verdicts[0].reason, Reason::HeadingBeforeContent);
        assert_eq!(verdicts[2].reason, Reason::HeadingWithoutContent);
    }

    #[test]
    fn a_heading_over_a_titled_subsection_or_an_empty_block_is_content() {
        let heading = || Verdict::new(Label::Undecided, Reason::Heading);
        let kinds = [
            BlockKind::Heading(2),
            BlockKind::Heading(3),
            BlockKind::Paragraph,
            BlockKind::Heading(2),
            BlockKind::Paragraph,
            BlockKind::Paragraph,
        ];
        let feats = [f(false); 6];
        let mut verdicts = [
            heading(),
            heading(),
            v(Label::Content),
            heading(),
            Verdict::new(Label::Boilerplate, Reason::NoWords),
            v(Label::Content),
        ];
        revise(&kinds, &feats, &[true; 6], &mut verdicts);
        assert_eq!(verdicts[0].reason, Reason::HeadingBeforeContent);
        assert_eq!(verdicts[1].reason, Reason::HeadingBeforeContent);
        assert_eq!(verdicts[3].reason, Reason::HeadingBeforeContent);
    }

    fn element(name: html5ever::LocalName, parent: u32, end: u32) -> Element {
        Element {
            name,
            parent,
            end,
            tag: crate::segment::TagClass::Other,
            hints: crate::hints::Hints::NONE,
            class: None,
            words: 0,
            link_words: 0,
            children: 0,
            render: crate::segment::RenderHint::None,
            landmark: crate::segment::Landmark::None,
        }
    }

    fn cell_block(kind: BlockKind, owner: u32) -> Block {
        Block {
            text: String::from("x"),
            kind,
            words: 1,
            link_words: 1,
            chars: 1,
            shape: crate::text::TextCounts::of("x").shape,
            depth: 0,
            path: "".into(),
            container: crate::block::Container::None,
            hints: crate::hints::Hints::NONE,
            local_hints: crate::hints::Hints::NONE,
            in_main: true,
            owner,
            hinted_ancestors: Default::default(),
            spans: Vec::new(),
        }
    }

    #[test]
    fn a_record_row_keeps_its_name_a_layout_cell_its_short_lines_not_its_pager() {
        use crate::segment::NO_ELEMENT;
        use html5ever::local_name;
        // table 0 > tr 1 > (td 2, td 3); table 4 > tr 5 > td 6 > (p 7, p 8, p 9)
        let elements = [
            element(local_name!("table"), NO_ELEMENT, 4),
            element(local_name!("tr"), 0, 4),
            element(local_name!("td"), 1, 3),
            element(local_name!("td"), 1, 4),
            element(local_name!("table"), NO_ELEMENT, 10),
            element(local_name!("tr"), 4, 10),
            element(local_name!("td"), 5, 10),
            element(local_name!("p"), 6, 8),
            element(local_name!("p"), 6, 9),
            element(local_name!("p"), 6, 10),
        ];
        let blocks = [
            cell_block(BlockKind::Cell, 2),
            cell_block(BlockKind::Cell, 3),
            cell_block(BlockKind::Paragraph, 7),
            cell_block(BlockKind::Paragraph, 8),
            cell_block(BlockKind::Paragraph, 9),
        ];
        let mut verdicts = [
            Verdict::new(Label::Boilerplate, Reason::LinkDensity),
            v(Label::Content),
            Verdict::new(Label::Boilerplate, Reason::NeighboursBoilerplate),
            v(Label::Content),
            Verdict::new(Label::Boilerplate, Reason::LinkDensity),
        ];
        tables(&blocks, &elements, &mut verdicts);
        assert_eq!(verdicts[0].reason, Reason::InTableWithContent);
        assert_eq!(verdicts[2].reason, Reason::InTableWithContent);
        assert_eq!(verdicts[4].reason, Reason::LinkDensity);
    }
}
