//! Find the main container: the element whose subtree holds the article's prose.
//!
//! Each block of prose adds a content score to the elements above it (the idea of
//! Readability's candidate scoring, computed here over the block list and the element
//! table, with no second walk of the tree); the best element, widened to its strong
//! siblings, is the main container.

use html5ever::local_name;

use crate::block::{Block, BlockKind};
use crate::features::Features;
use crate::hints::{Hint, Hints};
use crate::segment::{Element, Landmark, NO_ELEMENT, TagClass};
use crate::tuning::*;

/// The main container: the chosen elements, as ranges of element indices.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct MainContainer {
    /// The best-scored element.
    pub top: u32,
    /// The candidate before climbing to an ancestor with more prose: names on it and on
    /// its ancestors were outweighed by its score, so they are not hints.
    pub core: u32,
    /// Element index ranges `[start, end)` that form the main content, in order.
    pub ranges: Vec<(u32, u32)>,
    /// Whether the prose of the page is in chrome-named elements: a forum thread or a
    /// discussion page, whose posts sit in `comment` containers and are its content.
    pub discussion: bool,
}

/// Hints that say an element is not the article when they stand on it or an ancestor.
/// Forms wrap whole pages on some platforms and `<header>` elements wrap headlines, so they
/// don't count; a page header named by its class or id (`#header`, `masthead`) does. A
/// content name (`article`, `body`) outweighs the weak ones (`footer`, `sidebar`) but not
/// the strong ones: `comment-body` is a comment.
fn unlikely(e: &Element) -> bool {
    let hints = if e.name == local_name!("header") {
        e.hints.without(Hint::Header)
    } else {
        e.hints
    };
    let content = hints.has(Hint::Content);
    hints
        .negative()
        .iter()
        .any(|h| !(h == Hint::Form || (content && h.is_weak())))
}

/// Hints of elements that are never the article, not even on a page whose prose is all in
/// chrome-named elements: cookie and consent boxes and modal dialogs (long prose about
/// partners and purposes) would otherwise win the retry on a page of teasers.
fn never_content(hints: Hints) -> bool {
    hints.has(Hint::Cookie) || hints.has(Hint::Consent) || hints.has(Hint::Dialog)
}

/// A block's contribution to the score of its containers; with `strips` (which tells the
/// ancestors that score nothing: those whose name says chrome in the strict pass and
/// `<footer>` elements in both, but for the elements that frame the whole page),
/// nothing from blocks under such an ancestor, and never anything from blocks under a
/// cookie or consent dialog.
fn block_score(block: &Block, f: &Features, strips: Option<&dyn Fn(u32) -> bool>) -> f32 {
    if block.chars < MIN_SCORED_CHARS
        || strips.is_some_and(|strips| block.hinted_ancestors.iter().any(|(at, _)| strips(*at)))
        || block
            .hinted_ancestors
            .iter()
            .any(|(_, h)| never_content(*h))
    {
        return 0.0;
    }
    let length = (block.chars as f32 / SCORE_CHARS_PER_POINT).min(SCORE_MAX_LENGTH_POINTS);
    (1.0 + f.commas as f32 + length) * (1.0 - f.link_density)
}

fn base_score(e: &Element) -> f32 {
    let tag = match e.tag {
        TagClass::Wrapper => TAG_SCORE_DIV,
        TagClass::Textual => TAG_SCORE_TEXTUAL,
        TagClass::List => TAG_SCORE_LIST,
        TagClass::Heading => TAG_SCORE_HEADING,
        TagClass::Paragraph | TagClass::Root | TagClass::Other => 0.0,
    };
    let mut class = 0.0;
    if e.hints.has(Hint::Content) {
        class += CLASS_SCORE_POSITIVE;
    }
    if e.hints.negative().iter().any(|h| h != Hint::Form) {
        class += CLASS_SCORE_NEGATIVE;
    }
    tag + class
}

/// Choose the main container; `None` when nothing scores enough.
///
/// Blocks under chrome-named elements are left out of the scoring first. When that leaves
/// less than [`MIN_MAIN_WORDS`] words, the names were misleading (a `center_rail` column, a
/// wrapper whose id is a URL full of `/tag/`), and the scoring is run again with them in,
/// keeping whichever container holds more words (Readability's retry without
/// `FLAG_STRIP_UNLIKELYS`). Except when what the retry adds is mostly readers' comments
/// and the strict container holds [`SHORT_ARTICLE_WORDS`]: that is a short post followed
/// by its discussion, not a discussion page. A retry taken is a discussion page (its
/// comment-named posts are content) only when [`COMMENTS_SHARE`] of its words are under
/// comment names.
///
/// A strict container whose first text is under a comment name (see
/// [`opens_with_comment`]) and whose words are [`THREAD_COMMENT_SHARE`] under such names is
/// a thread on forum software that names every post a comment: it is a discussion as it is.
///
/// The container is then widened to the page's main landmark around it when it holds only
/// a small part of the landmark's prose (see [`widen_to_landmark`]).
pub(crate) fn locate(
    blocks: &[Block],
    features: &[Features],
    elements: &[Element],
) -> Option<MainContainer> {
    located(blocks, features, elements).map(|m| widen_to_landmark(blocks, elements, m))
}

/// The container the scoring chooses, before widening.
fn located(blocks: &[Block], features: &[Features], elements: &[Element]) -> Option<MainContainer> {
    let strict = choose(blocks, features, elements, true);
    let strict_words = strict.as_ref().map_or(0, |m| words_inside(blocks, m));
    if strict.as_ref().is_some_and(|m| {
        opens_with_comment(blocks, m)
            && comment_words(blocks, m) as f32 >= THREAD_COMMENT_SHARE * strict_words as f32
    }) {
        return strict.map(|m| MainContainer {
            discussion: true,
            ..m
        });
    }
    // A strict container of some length stands: the loose pass is not scored at all.
    if strict_words >= MIN_MAIN_WORDS {
        return strict;
    }
    let loose = choose(blocks, features, elements, false);
    let loose_words = loose.as_ref().map_or(0, |m| words_inside(blocks, m));
    if loose_words > strict_words
        && !(strict_words >= SHORT_ARTICLE_WORDS
            && loose.as_ref().is_some_and(|m| {
                comment_words(blocks, m) as f32 >= COMMENTS_SHARE * loose_words as f32
            }))
    {
        loose.map(|m| MainContainer {
            discussion: comment_words(blocks, &m) as f32 >= COMMENTS_SHARE * loose_words as f32,
            ..m
        })
    } else {
        strict
    }
}

/// Whether the first block of `main` with [`THREAD_POST_WORDS`] words outside links, other
/// than a heading or a block under another chrome name (the thread's header: "By jdoe,
/// April 18 in Cruises"), is under a comment-named element: no article text stands before
/// the comments.
fn opens_with_comment(blocks: &[Block], main: &MainContainer) -> bool {
    blocks
        .iter()
        .find(|b| {
            main.contains(b.owner)
                && !matches!(b.kind, BlockKind::Heading(_))
                && b.hints.negative().without(Hint::Comment).is_empty()
                && b.unlinked_words() >= THREAD_POST_WORDS
        })
        .is_some_and(|b| b.hints.has(Hint::Comment))
}

/// The nearest `<main>` (or `role="main"`) element around the container, in place of the
/// container when this holds less than [`LANDMARK_MAIN_SHARE`] (of a `<main>`) or
/// [`LANDMARK_ROLE_SHARE`] (of a `role="main"`) of the landmark's words outside links: the
/// scoring picked one box of a page whose content is several (a product's description
/// beside its specifications, a listing's entries, an intro above a service's sections),
/// and the author's markup says where the whole is. Chrome inside the landmark is still
/// chrome: the hints of the elements between it and the chosen box are kept.
fn widen_to_landmark(blocks: &[Block], elements: &[Element], m: MainContainer) -> MainContainer {
    let mut at = elements
        .get(m.top as usize)
        .map_or(NO_ELEMENT, |e| e.parent);
    while let Some(e) = elements.get(at as usize) {
        let share = match e.landmark {
            Landmark::None => {
                at = e.parent;
                continue;
            }
            Landmark::Main => LANDMARK_MAIN_SHARE,
            Landmark::RoleMain => LANDMARK_ROLE_SHARE,
        };
        // The landmark's words outside links and outside chrome-named elements within it:
        // a sidebar or a live feed inside `role="main"` is not more of the content.
        let landmark_words: u32 = blocks
            .iter()
            .filter(|b| {
                at < b.owner
                    && b.owner < e.end
                    && !b.hinted_ancestors.iter().any(|(h_at, _)| {
                        *h_at > at && elements.get(*h_at as usize).is_some_and(unlikely)
                    })
            })
            .map(Block::unlinked_words)
            .sum();
        if (words_inside(blocks, &m) as f32) < share * landmark_words as f32 {
            return MainContainer {
                top: at,
                ranges: vec![(at, e.end)],
                ..m
            };
        }
        break;
    }
    m
}

/// Words outside links in the blocks inside `main` that are under a comment-named element.
fn comment_words(blocks: &[Block], main: &MainContainer) -> u32 {
    blocks
        .iter()
        .filter(|b| main.contains(b.owner) && b.hints.has(Hint::Comment))
        .map(Block::unlinked_words)
        .sum()
}

/// Words outside links in the blocks inside `main`.
fn words_inside(blocks: &[Block], main: &MainContainer) -> u32 {
    blocks
        .iter()
        .filter(|b| main.contains(b.owner))
        .map(Block::unlinked_words)
        .sum()
}

impl MainContainer {
    /// The range holding element `index`, if any.
    fn range_of(&self, index: u32) -> Option<(u32, u32)> {
        self.ranges
            .iter()
            .copied()
            .find(|&(s, e)| s <= index && index < e)
    }

    fn contains(&self, index: u32) -> bool {
        self.range_of(index).is_some()
    }
}

/// Score the elements and choose the main container; `None` when nothing scores enough.
fn choose(
    blocks: &[Block],
    features: &[Features],
    elements: &[Element],
    strip_unlikely: bool,
) -> Option<MainContainer> {
    let n = elements.len();
    let mut score = vec![0.0f32; n];
    let mut touched = vec![false; n];
    let mut chars = vec![0u32; n];
    let mut ends_sentence = vec![false; n];
    // Content score of the blocks directly in each element, summed into prefix sums below
    // so that any element's whole subtree is one subtraction.
    let mut own_score = vec![0.0f32; n + 1];
    // The same, counting blocks under chrome names too (the posts of a thread wrapped in a
    // `replies` section).
    let mut own_score_all = vec![0.0f32; n + 1];
    let page_words: u32 = blocks.iter().map(Block::unlinked_words).sum();
    // A chrome name on an element holding most of the page's words and elements is the
    // name of the page's frame (`div#ad-frame` around header, article and footer).
    let wraps_page = |at: u32| {
        elements.get(at as usize).is_some_and(|e| {
            e.unlinked_words() as f32 >= PAGE_WRAPPER_SHARE * page_words as f32
                && (e.end - at) as f32 >= PAGE_WRAPPER_ELEMENT_SHARE * n as f32
        })
    };
    // Chrome-named elements score in the strict pass only. A `<footer>` element scores in
    // neither pass, whatever other name it carries (Apple's `ac-gf-content`, a content name
    // that spares it in the strict pass): its fine print (a maker's footnotes under a
    // product page of short marketing lines) is no article (corpus
    // `product/footnotes-in-footer`; wcxb-dev 3061-3064, 3069 .00-.43 -> .51-.70).
    let strips = |at: u32| {
        elements
            .get(at as usize)
            .is_some_and(|e| (strip_unlikely && unlikely(e)) || e.name == local_name!("footer"))
            && !wraps_page(at)
    };
    for (block, f) in blocks.iter().zip(features) {
        let Some(owner) = elements.get(block.owner as usize) else {
            continue;
        };
        if let Some(c) = chars.get_mut(block.owner as usize) {
            *c += block.chars;
        }
        if let Some(e) = ends_sentence.get_mut(block.owner as usize) {
            *e = f.ends_sentence;
        }
        own_score_all[block.owner as usize] += block_score(block, f, None);
        let s = block_score(block, f, Some(&strips));
        if s <= 0.0 {
            continue;
        }
        own_score[block.owner as usize] += s;
        // Text straight inside a wrapper scores the wrapper itself (a `<div>` of `<br>`
        // lines is its own paragraph container); text in a paragraph scores its parent.
        let mut at = if owner.tag == TagClass::Wrapper {
            block.owner
        } else {
            owner.parent
        };
        for level in 0..SCORE_ANCESTOR_LEVELS {
            let Some(e) = elements.get(at as usize) else {
                break;
            };
            let i = at as usize;
            if !touched[i] {
                touched[i] = true;
                score[i] = base_score(e);
            }
            score[i] += match level {
                0 => s,
                1 => s / 2.0,
                _ => s / (3.0 * level as f32),
            };
            at = e.parent;
        }
    }
    let final_score: Vec<f32> = elements
        .iter()
        .zip(&score)
        .map(|(e, s)| {
            let ld = crate::features::link_density(e.words, e.link_words);
            s * (1.0 - ld)
        })
        .collect();
    // `body` competes like any wrapper: on a hand-written page whose paragraphs stand
    // straight in it, it is the article's container (Readability takes it then too); on
    // a modern page a wrapper inside it outscores it.
    let mut candidates: Vec<u32> = (0..n as u32)
        .filter(|&i| {
            let e = &elements[i as usize];
            touched[i as usize] && (e.tag != TagClass::Root || e.name == local_name!("body"))
        })
        .collect();
    candidates.sort_by(|a, b| final_score[*b as usize].total_cmp(&final_score[*a as usize]));
    let &first = candidates.first()?;
    let best = final_score[first as usize];
    if best < MIN_CONTAINER_SCORE {
        return None;
    }
    let mut top = first;
    let contains = |outer: u32, inner: u32| {
        outer <= inner && elements.get(outer as usize).is_some_and(|e| inner < e.end)
    };
    let is_root = |i: u32| {
        elements
            .get(i as usize)
            .is_none_or(|e| e.tag == TagClass::Root)
    };

    // An article cut into several wrappers: climb to the ancestor holding most of them.
    let alternatives: Vec<u32> = candidates
        .iter()
        .skip(1)
        .take(TOP_CANDIDATES)
        .copied()
        .filter(|&c| final_score[c as usize] >= best * ALTERNATIVE_SHARE)
        .collect();
    if alternatives.len() >= MIN_ALTERNATIVES {
        let mut at = elements[top as usize].parent;
        while !is_root(at) {
            let held = alternatives.iter().filter(|&&c| contains(at, c)).count();
            if held >= MIN_ALTERNATIVES {
                top = at;
                break;
            }
            at = elements[at as usize].parent;
        }
    }
    // A candidate with prose of its own does not climb into a frame of links around it
    // (a column of navigation and teasers holding the article): see [`CLIMB_FRAME_LINK_DENSITY`].
    let frame = |candidate: u32, ancestor: u32| {
        let (c, a) = (&elements[candidate as usize], &elements[ancestor as usize]);
        c.unlinked_words() >= CLIMB_FRAME_MIN_WORDS
            && crate::features::link_density(a.words, a.link_words)
                > crate::features::link_density(c.words, c.link_words) + CLIMB_FRAME_LINK_DENSITY
    };
    // A parent that scores better than its best child is the better container.
    let mut last = final_score[top as usize];
    let threshold = last * PARENT_SCORE_SHARE;
    let mut at = elements[top as usize].parent;
    while !is_root(at) && !frame(top, at) {
        let s = final_score[at as usize];
        if touched[at as usize] {
            if s < threshold {
                break;
            }
            if s > last {
                top = at;
                break;
            }
            last = s;
        }
        at = elements[at as usize].parent;
    }
    // An article cut into many sections, none dominant: climb to the nearest ancestor whose
    // prose before the candidate is a good share of the candidate's. Only what precedes
    // counts: comments and teaser rails follow an article, its first sections don't.
    let prefix = prefix_sums(&own_score[..n]);
    let subtree = |i: u32| {
        let e = &elements[i as usize];
        prefix[e.end as usize] - prefix[i as usize]
    };
    let prefix_all = prefix_sums(&own_score_all[..n]);
    let subtree_all = |i: u32| {
        let e = &elements[i as usize];
        prefix_all[e.end as usize] - prefix_all[i as usize]
    };
    // `<body>` is reached only by a candidate of some length in the strict pass, and only
    // when most of the prose comes before it (see [`BODY_CLIMB_PRECEDING_SHARE`]).
    let is_body = |i: u32| {
        elements
            .get(i as usize)
            .is_some_and(|e| e.name == local_name!("body"))
    };
    let climbs_to_body = |candidate: u32| {
        strip_unlikely && elements[candidate as usize].unlinked_words() >= BODY_CLIMB_MIN_WORDS
    };
    // A child of `<body>` holding a small share of its prose is one of the page's
    // sections, wherever the others stand (see [`BODY_CLIMB_MAX_SHARE`]); a `<body>`
    // made link-heavy by the menus in it is no frame of links around such a section.
    let minor = |top: u32, at: u32| {
        is_body(at) && subtree(at) >= BODY_CLIMB_UNNAMED_SHARE * subtree_all(at) && {
            // The section: the candidate's ancestor whose parent is the lowest one
            // holding nearly all the prose of `<body>` (`<body>` or its app frame).
            // Under a `<main>` landmark, the landmark says where the whole is
            // (see [`widen_to_landmark`]).
            let (mut section, mut found, mut landmark, mut walk) = (top, false, false, top);
            while walk != at {
                let e = &elements[walk as usize];
                landmark |= e.landmark != Landmark::None;
                if !found {
                    section = walk;
                    found = e.parent == at || subtree(e.parent) >= BODY_FRAME_SHARE * subtree(at);
                }
                walk = e.parent;
            }
            !landmark && subtree(section) < BODY_CLIMB_MAX_SHARE * subtree(at)
        }
    };
    let core = top;
    'climb: loop {
        let own = subtree(top);
        let mut at = elements[top as usize].parent;
        while (!is_root(at) || (is_body(at) && climbs_to_body(top)))
            && (!frame(top, at) || minor(top, at))
        {
            let before = prefix[top as usize] - prefix[at as usize];
            let share = if is_body(at) {
                BODY_CLIMB_PRECEDING_SHARE
            } else {
                CLIMB_PRECEDING_SHARE
            };
            if before >= share * own || minor(top, at) {
                top = at;
                continue 'climb;
            }
            at = elements[at as usize].parent;
        }
        break;
    }
    // A lone child says nothing its parent doesn't, nor does the body of a titled section
    // (a heading, then the candidate): the section is the unit whose siblings are the
    // other sections of the page (a manual page's `sect1` boxes, each an h2 and a
    // `sectionbody`).
    while let Some(parent) = elements.get(elements[top as usize].parent as usize) {
        let at = elements[top as usize].parent;
        let titled = parent.children == 2
            && at + 1 != top
            && elements
                .get(at as usize + 1)
                .is_some_and(|e| e.tag == TagClass::Heading && e.parent == at);
        if parent.tag == TagClass::Root || (parent.children != 1 && !titled) {
            break;
        }
        top = at;
    }

    let top_score = final_score[top as usize];
    let parent = elements[top as usize].parent;
    let top_class = elements[top as usize].class.as_deref();
    let siblings: Vec<u32> = if parent == NO_ELEMENT {
        vec![top]
    } else {
        let end = elements[parent as usize].end;
        (parent + 1..end)
            .filter(|&i| elements[i as usize].parent == parent)
            .collect()
    };
    // The heading that opens an element as its first child (a titled section's `<h2>`). A
    // sibling titled like the top, by the same heading tag, is another section of the same
    // document (a reference page's Synopsis beside its long Parameters section, a
    // `refsynopsisdiv` beside the `refsect1`s): it joins with [`SIBLING_MIN_SCORE`] of its
    // own, not the share of the top's that an untitled sibling needs. wcxb-dev +0.00007
    // (PostgreSQL reference pages 0670 and 2863, 4055, a journal article 2020), nothing down.
    let title_of = |at: u32| {
        elements
            .get(at as usize + 1)
            .filter(|h| h.tag == TagClass::Heading && h.parent == at)
            .map(|h| h.name.clone())
    };
    let top_title = title_of(top);
    let mut ranges = Vec::new();
    for s in siblings {
        let e = &elements[s as usize];
        let keep = s == top || {
            let titled_like_top = top_title.is_some()
                && title_of(s) == top_title
                && !unlikely(e)
                && final_score[s as usize] >= SIBLING_MIN_SCORE;
            // A sibling of the top's class is another part of the same whole (a manual's
            // `sect1` sections): it joins with any prose of its own, however short (a
            // one-line NAME or FILES section) and however weakly the top itself scored.
            let same = top_class.is_some() && e.class.as_deref() == top_class;
            let bonus = if same {
                top_score * SIBLING_SCORE_SHARE
            } else {
                0.0
            };
            let strong = touched[s as usize]
                && (final_score[s as usize] + bonus
                    >= SIBLING_MIN_SCORE.max(top_score * SIBLING_SCORE_SHARE)
                    || (same && !unlikely(e) && final_score[s as usize] > 0.0));
            let ld = crate::features::link_density(e.words, e.link_words);
            let paragraph = e.tag == TagClass::Paragraph
                && !unlikely(e)
                && ((chars[s as usize] > SIBLING_PARAGRAPH_CHARS
                    && ld < SIBLING_PARAGRAPH_LINK_DENSITY)
                    || (chars[s as usize] > 0 && ld == 0.0 && ends_sentence[s as usize]));
            strong || paragraph || titled_like_top
        };
        if keep {
            ranges.push((s, e.end));
        }
    }
    // Posts of a thread or answers of a Q&A page repeat the class of the one that scored
    // best, wherever they sit, and so do the numbered parts of an article cut by asides
    // (`story-body-1`, `story-body-2`): take in every element of that class with prose of
    // its own (in pre-order, so an element inside one taken is not taken again).
    if let Some(class) = elements[core as usize]
        .class
        .as_deref()
        .filter(|c| !c.is_empty())
    {
        let wanted = SAME_CLASS_MIN_SHARE * subtree(core);
        // The score first: few elements reach it, and the class comparison costs more.
        let joins = |i: u32, e: &Element, score: f32| {
            score > 0.0
                && score >= wanted
                && !ranges.iter().any(|&(s, end)| s <= i && i < end)
                && e.class.as_deref().is_some_and(|c| same_class(c, class))
                && !unlikely(e)
        };
        let mut posts: Vec<u32> = Vec::new();
        let mut hidden: Vec<u32> = Vec::new();
        for (i, e) in elements.iter().enumerate() {
            let i = i as u32;
            if joins(i, e, subtree(i)) {
                posts.push(i);
            } else if joins(i, e, subtree_all(i)) {
                hidden.push(i);
            }
        }
        // Same-class posts under a chrome name (a thread's replies in a `replies` section)
        // join when there are a few and the first one is not many times their size, as in
        // a thread; comments sharing the class of an article body are much shorter than it.
        let mean = hidden.iter().map(|&i| subtree_all(i)).sum::<f32>() / hidden.len().max(1) as f32;
        if hidden.len() >= MIN_HIDDEN_POSTS && subtree(core) <= THREAD_POST_RATIO * mean {
            posts.extend(hidden);
            posts.sort_unstable();
        }
        for i in posts {
            if !ranges.iter().any(|&(s, end)| s <= i && i < end) {
                ranges.push((i, elements[i as usize].end));
            }
        }
        ranges.sort_unstable();
    }
    Some(MainContainer {
        top,
        core,
        ranges,
        discussion: false,
    })
}

/// Whether two class attributes name the same kind of element: equal but for the digits
/// that end their names (`story-body story-body-1` and `story-body story-body-2`, the
/// numbered parts of one article).
fn same_class(a: &str, b: &str) -> bool {
    fn stem(name: &str) -> &str {
        name.trim_end_matches(|c: char| c.is_ascii_digit())
    }
    a.split_ascii_whitespace()
        .map(stem)
        .eq(b.split_ascii_whitespace().map(stem))
}

/// Mark each block inside or outside the main container, and keep as its local hints only
/// those of its ancestors inside the container (what stands above was outweighed).
///
/// Inside the container, the core candidate or an element inside it holding at least
/// [`DOMINANT_HINT_SHARE`] of its words is the article itself under a misleading name
/// (`quicktags-toolbar` around a WordPress post): its hints are dropped too, except
/// [`Hint::Comment`], since a comment section can outweigh the article it follows, and
/// [`Hint::Sidebar`], since a side column's long "About me" profile or its teasers can
/// outweigh a short post beside them (`crate::select::select` keeps an article that does
/// sit in a box named so, when no content name stands outside it; corpus
/// `blog/sidebar-first-long-profile`; dragnet-train R569 .35 -> .90, T83). Beside the core,
/// such an element is a competitor (a live feed in an `aside`): its name stands. So are the
/// hints of a class name that the elements holding that share of the words all carry (see
/// [`layout_names`]).
pub(crate) fn mark(blocks: &mut [Block], elements: &[Element], main: Option<&MainContainer>) {
    let main_words = main.map_or(0, |m| words_inside(blocks, m)) as f32;
    let discussion = main.is_some_and(|m| m.discussion);
    let layout = Layout::new(blocks, elements, main);
    let questionnaires = questionnaire_forms(blocks, elements);
    let testimonials = testimonial_boxes(blocks);
    // Each block's local hints when it is inside the container, read before any is written.
    let local: Vec<Option<Hints>> = blocks
        .iter()
        .map(|block| {
            let (start, _) = match main {
                None => (0, u32::MAX),
                Some(m) => m.range_of(block.owner)?,
            };
            let hinted: Vec<(u32, Hints)> = block
                .hinted_ancestors
                .iter()
                .filter(|(at, h)| {
                    let inside = match main {
                        None => true,
                        Some(m) => {
                            *at > start
                                && !elements
                                    .get(*at as usize)
                                    .is_some_and(|e| *at <= m.core && m.core < e.end)
                        }
                    };
                    let dominant = main.is_some_and(|m| within_core(elements, m, *at))
                        && !h.has(Hint::Comment)
                        && !h.has(Hint::Sidebar)
                        && elements.get(*at as usize).is_some_and(|e| {
                            e.unlinked_words() as f32 >= DOMINANT_HINT_SHARE * main_words
                        });
                    inside && !dominant && !named_by_layout(elements, *at, *h, &layout)
                })
                .map(|(at, h)| {
                    let h = if questionnaires.contains(at) {
                        h.without(Hint::Form)
                    } else if testimonials.contains(at) {
                        h.without(Hint::Comment)
                    } else {
                        *h
                    };
                    (*at, h)
                })
                .collect();
            let local = hinted.iter().fold(Hints::NONE, |acc, (_, h)| acc.union(*h));
            Some(if discussion {
                local.without(Hint::Comment)
            } else {
                side_column_teaser(elements, &hinted, local)
            })
        })
        .collect();
    for (block, local) in blocks.iter_mut().zip(local) {
        block.in_main = local.is_some();
        block.local_hints = local.unwrap_or(block.hints);
    }
}

/// A block's local hints (`local`, the union of its `hinted` ancestors inside the main
/// container, outermost first) without the content name when that name sits inside an
/// `<aside>` side column and no content name inside the container encloses the aside: the
/// column's teasers (`div.text` under each "Most popular" story) are its own, not the
/// article's, so [`crate::select::select`] drops them beside the post as it drops a
/// sidebar's profile. An `<aside>` within a content-named post (a forum's quoted reply) keeps
/// it. dragnet-train T83 .13 -> .92.
fn side_column_teaser(elements: &[Element], hinted: &[(u32, Hints)], local: Hints) -> Hints {
    let aside = hinted.iter().find(|(at, h)| {
        h.has(Hint::Sidebar)
            && elements
                .get(*at as usize)
                .is_some_and(|e| e.name == local_name!("aside"))
    });
    match aside {
        Some(&(aside, _))
            if !hinted
                .iter()
                .any(|&(at, h)| at < aside && h.has(Hint::Content)) =>
        {
            local.without(Hint::Content)
        }
        _ => local,
    }
}

/// Form elements that hold at least [`QUESTIONNAIRE_SENTENCES`] blocks of
/// [`QUESTIONNAIRE_SENTENCE_WORDS`] words or more ending a sentence: a calculator's or an
/// application's steps explained in prose, part of the page, where a search, login, comment
/// or newsletter form holds labels and a line or two of fine print. Those sentences make at
/// least [`QUESTIONNAIRE_PROSE_SHARE`] of the form's words (outside links), and links at
/// most [`QUESTIONNAIRE_LINK_DENSITY`] of them: a form wrapping a shop's filters and product
/// cards is no questionnaire.
fn questionnaire_forms(blocks: &[Block], elements: &[Element]) -> foldhash::HashSet<u32> {
    // Per form element: (sentence blocks, their words outside links).
    let mut prose: foldhash::HashMap<u32, (u32, u32)> = foldhash::HashMap::default();
    for block in blocks.iter().filter(|b| {
        b.unlinked_words() >= QUESTIONNAIRE_SENTENCE_WORDS
            && crate::features::ends_sentence(&b.text)
    }) {
        for (at, _) in block
            .hinted_ancestors
            .iter()
            .filter(|(_, h)| h.has(Hint::Form))
        {
            let entry = prose.entry(*at).or_default();
            entry.0 += 1;
            entry.1 += block.unlinked_words();
        }
    }
    prose
        .into_iter()
        .filter(|(at, (sentences, words))| {
            *sentences >= QUESTIONNAIRE_SENTENCES
                && elements.get(*at as usize).is_some_and(|e| {
                    *words as f32 >= QUESTIONNAIRE_PROSE_SHARE * e.unlinked_words() as f32
                        && e.link_words as f32 <= QUESTIONNAIRE_LINK_DENSITY * e.words as f32
                })
        })
        .map(|(at, _)| at)
        .collect()
}

/// Comment-named elements (`reviews-carousel`) whose every block of
/// [`TESTIMONIAL_MIN_WORDS`] words or more opens with a quotation mark, at least
/// [`TESTIMONIAL_MIN_QUOTES`] of them, and the comment-named boxes inside them (each card):
/// a service page's testimonials, quoted clients the page sells with, where readers'
/// comments and a shop's customer reviews are written straight.
fn testimonial_boxes(blocks: &[Block]) -> foldhash::HashSet<u32> {
    let named = |b: &Block| {
        b.hinted_ancestors
            .iter()
            .filter(|(_, h)| h.has(Hint::Comment))
            .map(|(at, _)| *at)
            .collect::<Vec<u32>>()
    };
    // Per comment-named element: (long blocks, those opening with a quotation mark).
    let mut quotes: foldhash::HashMap<u32, (u32, u32)> = foldhash::HashMap::default();
    for block in blocks.iter().filter(|b| b.words >= TESTIMONIAL_MIN_WORDS) {
        let quoted = block
            .text
            .trim_start()
            .starts_with(['"', '\u{201C}', '\u{201E}', '\u{00AB}']);
        for at in named(block) {
            let entry = quotes.entry(at).or_default();
            entry.0 += 1;
            entry.1 += u32::from(quoted);
        }
    }
    let all_quoted = |at: &u32| quotes.get(at).is_none_or(|(long, quoted)| long == quoted);
    let mut boxes = foldhash::HashSet::default();
    for block in blocks {
        let names = named(block);
        // Nearest last: from the first (outermost) box holding enough quotes, inward.
        if let Some(first) = names.iter().position(|at| {
            all_quoted(at)
                && quotes
                    .get(at)
                    .is_some_and(|q| q.1 >= TESTIMONIAL_MIN_QUOTES)
        }) {
            boxes.extend(names[first..].iter().filter(|at| all_quoted(at)));
        }
    }
    boxes
}

/// Whether element `at` is the core candidate or stands inside it.
fn within_core(elements: &[Element], main: &MainContainer, at: u32) -> bool {
    elements
        .get(main.core as usize)
        .is_some_and(|core| main.core <= at && at < core.end)
}

/// Chrome-naming class names (other than comments) under which, counted together, at least
/// [`LAYOUT_NAME_SHARE`] of the main container's words (of the page's without one; outside
/// links) sit, and which at least [`LAYOUT_NAME_MIN_BOXES`] elements carry: a page builder's
/// name for every box of the layout (`elementor-widget` on each text box, `WidgetWrapper` on
/// each section of a post), not the role of one box.
pub(crate) fn layout_names<'a>(
    blocks: &[Block],
    elements: &'a [Element],
    main: Option<&MainContainer>,
) -> Vec<&'a str> {
    let mut words: foldhash::HashMap<&str, u32> = foldhash::HashMap::default();
    let mut names: Vec<&str> = Vec::new();
    let mut total = 0;
    for block in blocks
        .iter()
        .filter(|b| main.is_none_or(|m| m.contains(b.owner)))
    {
        let own = block.unlinked_words();
        total += own;
        names.clear();
        for (at, h) in block.hinted_ancestors.iter() {
            let class = elements.get(*at as usize).and_then(|e| e.class.as_deref());
            let Some(class) = class.filter(|_| !h.negative().is_empty()) else {
                continue;
            };
            for name in class.split_ascii_whitespace() {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        for name in &names {
            *words.entry(name).or_default() += own;
        }
    }
    words
        .into_iter()
        .filter(|&(name, w)| {
            let hints = crate::hints::from_names(name);
            w as f32 >= LAYOUT_NAME_SHARE * total as f32
                && !hints.negative().is_empty()
                && !hints.has(Hint::Comment)
                && elements
                    .iter()
                    .filter(|e| {
                        e.class
                            .as_deref()
                            .is_some_and(|c| c.split_ascii_whitespace().any(|n| n == name))
                    })
                    .take(LAYOUT_NAME_MIN_BOXES)
                    .count()
                    == LAYOUT_NAME_MIN_BOXES
        })
        .map(|(name, _)| name)
        .collect()
}

/// The [`layout_names`] of a page (or of its main container), worked out on first use:
/// most pages have no chrome-hinted class to test against them.
pub(crate) struct Layout<'a> {
    blocks: &'a [Block],
    elements: &'a [Element],
    main: Option<&'a MainContainer>,
    names: std::cell::OnceCell<Vec<&'a str>>,
}

impl<'a> Layout<'a> {
    pub(crate) fn new(
        blocks: &'a [Block],
        elements: &'a [Element],
        main: Option<&'a MainContainer>,
    ) -> Layout<'a> {
        Layout {
            blocks,
            elements,
            main,
            names: std::cell::OnceCell::new(),
        }
    }

    fn names(&self) -> &[&'a str] {
        self.names
            .get_or_init(|| layout_names(self.blocks, self.elements, self.main))
    }
}

/// Whether every chrome hint `hints` of element `at` comes from one of its class names in
/// `layout`.
pub(crate) fn named_by_layout(
    elements: &[Element],
    at: u32,
    hints: Hints,
    layout: &Layout<'_>,
) -> bool {
    let chrome = hints.negative();
    if chrome.is_empty() {
        return false;
    }
    let Some(class) = elements.get(at as usize).and_then(|e| e.class.as_deref()) else {
        return false;
    };
    let layout = layout.names();
    let from_layout = class
        .split_ascii_whitespace()
        .filter(|n| layout.contains(n))
        .fold(Hints::NONE, |acc, n| acc.union(crate::hints::from_names(n)));
    chrome.iter().all(|h| from_layout.has(h))
}

/// Running sums of `scores` from 0: the sum over elements `a..b` (a subtree, as elements
/// are in document order) is `sums[b] - sums[a]`.
fn prefix_sums(scores: &[f32]) -> Vec<f32> {
    let mut sums = Vec::with_capacity(scores.len() + 1);
    let mut running = 0.0f32;
    sums.push(0.0);
    for s in scores {
        running += s;
        sums.push(running);
    }
    sums
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::page_features;
    use crate::parse::Limits;
    use crate::segment::{Reveal, parse_page, segment};

    const PARAGRAPH: &str = "<p>The harbour board agreed on Tuesday to dredge the outer channel, \
        which has silted up so badly that the larger boats can only leave at high tide, \
        and work will start in March.</p>";

    /// The page's blocks and elements, and the located container.
    fn located_in(html: &str) -> (crate::segment::Page, Option<MainContainer>) {
        let limits = Limits {
            max_depth: 512,
            max_nodes: 100_000,
        };
        let page = segment(&parse_page(html, limits), Reveal::Nothing);
        let feats = page_features(&page.blocks);
        let main = locate(&page.blocks, &feats, &page.elements);
        (page, main)
    }

    /// The class of the located container's top element, or its tag name without one.
    fn container(html: &str) -> String {
        let (page, main) = located_in(html);
        let Some(main) = main else {
            return String::from("none");
        };
        let top = &page.elements[main.top as usize];
        top.class
            .as_deref()
            .map_or(top.name.to_string(), String::from)
    }

    /// Whether there are blocks whose text starts with `start`, all in the located container.
    fn inside(html: &str, start: &str) -> bool {
        let (page, main) = located_in(html);
        let main = main.expect("a container");
        let mut blocks = page.blocks.iter().filter(|b| b.text.starts_with(start));
        blocks.clone().count() > 0 && blocks.all(|b| main.contains(b.owner))
    }

    /// A page whose `main` (the landmark tag, or `role="main"` on a `div.col`) holds a
    /// summary of `summary` paragraphs and a grid of `rows` short specification rows, each
    /// nested deeper than [`SCORE_ANCESTOR_LEVELS`] so that no score reaches the landmark.
    fn product(landmark: &str, summary: usize, rows: usize) -> String {
        let row = "<div class=row><div class=cell><h3>Capacity</h3><div class=val><p>The \
            capacity of this kettle is what every buyer asks about first</p></div></div></div>";
        let (open, close) = if landmark == "main" {
            ("<main>", "</main>")
        } else {
            ("<div class=col role=main>", "</div>")
        };
        format!(
            "<body><nav><a href=/>Home</a></nav>{open}<div class=top><div><div><div><div>\
             <div class=summary><h1>Stone kettle</h1>{}</div></div></div></div></div></div>\
             <div class=details><div><div><div class=grid>{}</div></div></div></div>{close}\
             <footer><p>Copyright the shop</p></footer></body>",
            PARAGRAPH.repeat(summary),
            row.repeat(rows)
        )
    }

    #[test]
    fn a_content_name_inside_an_aside_belongs_to_the_side_column() {
        let html = format!(
            "<body><div class=wrap><aside class=sidebar><div class=entry-content>{}</div>\
             </aside><div class=entry-content><aside class=quote>{}</aside></div></div></body>",
            PARAGRAPH.replace("harbour", "teaser"),
            PARAGRAPH.replace("harbour", "quoted")
        );
        let (page, _) = located_in(&html);
        let local = |word: &str| {
            let block = page
                .blocks
                .iter()
                .find(|b| b.text.contains(word))
                .expect("the block");
            let union = block
                .hinted_ancestors
                .iter()
                .fold(Hints::NONE, |acc, (_, h)| acc.union(*h));
            side_column_teaser(&page.elements, &block.hinted_ancestors, union)
        };
        // The teaser's content name is the side column's.
        let teaser = local("teaser");
        assert!(teaser.has(Hint::Sidebar) && !teaser.has(Hint::Content));
        // An `<aside>` quoted inside a content-named post is part of the post.
        assert!(local("quoted").has(Hint::Content));
    }

    #[test]
    fn a_section_titled_like_the_top_joins_it() {
        // A reference page: a synopsis section (h2 + 2 paragraphs, under a fifth of the
        // description's score) beside the long description (h2 + 20 paragraphs), in one
        // wrapper with a footer note; the description alone wins the scoring.
        let page = |synopsis_title: &str| {
            format!(
                "<body><nav><a href=/>Home</a></nav><div class=doc>\
                 <div class=synopsis>{synopsis_title}{}</div>\
                 <div class=sect><h2>Description</h2>{}</div></div>\
                 <footer><p>Copyright the manual</p></footer></body>",
                PARAGRAPH.replace("harbour", "synopsis").repeat(2),
                PARAGRAPH.repeat(20)
            )
        };
        assert!(inside(&page("<h2>Synopsis</h2>"), "The synopsis board"));
        // Not under another kind of title.
        assert!(!inside(&page("<h3>Synopsis</h3>"), "The synopsis board"));
    }

    #[test]
    fn a_small_box_in_main_widens_to_main() {
        // The summary holds about 60 % of the words of `<main>`; the scoring alone picks it
        // (its wrapper, of which it is the lone child).
        assert_eq!(container(&product("main", 4, 6)), "main");
        // Alone in `<main>` it is the content (and its wrapper, a lone child, with it).
        assert_eq!(container(&product("main", 4, 0)), "top");
    }

    #[test]
    fn a_role_main_widens_only_around_a_much_smaller_box() {
        // About 60 %: a column with `role="main"` may hold rails beside the article.
        assert_eq!(container(&product("role", 4, 6)), "top");
        // About 20 %.
        assert_eq!(container(&product("role", 2, 16)), "col");
    }

    #[test]
    fn a_dialog_outside_main_is_never_in_the_container() {
        let cookies = "<p>We and our partners store and access information on your device, \
            such as cookies, unique identifiers and browsing data, to measure audiences, to \
            personalise advertising and content, and to improve our services.</p>";
        for open in [
            "<div role=dialog class=modal>",
            "<dialog class=modal open>",
            "<div id=privacy-banner class='modal fade'>",
        ] {
            let html = format!(
                "<body><div class=story>{}</div>{open}{}</div></body>",
                PARAGRAPH.repeat(2),
                cookies.repeat(4)
            );
            assert!(inside(&html, "The harbour"), "{open}");
            assert!(!inside(&html, "We and our"), "{open}");
        }
        // Inside the article, a dialog is a part of it.
        let html = format!(
            "<body><article class=story><div role=dialog class=quiz>{}</div></article>\
             <div class=teasers>{}</div></body>",
            PARAGRAPH.repeat(4),
            "<p><a href=/x>A teaser linking to another story on the site</a></p>".repeat(3)
        );
        assert!(inside(&html, "The harbour"));
    }

    /// A page of `sections` sections straight in `<body>`, each in its own nest of wrappers
    /// (no class repeats): `short` feature sections of one paragraph, then a long one.
    fn sections_in_body(short: usize) -> String {
        let section = |i: usize, body: &str| {
            format!(
                "<section class=s{i}><div class=s{i}-wrap><div class=s{i}-inner>\
                 <div class=s{i}-body><h2>Part {i}</h2>{body}</div></div></div></section>"
            )
        };
        let feature = "<p>We keep two vans free every day for breakdowns, so a cold house \
            is seen within days, not weeks, and the visit is booked by phone.</p>";
        let mut html = String::from("<body><header><a href=/>Home</a></header>");
        for i in 0..short {
            html.push_str(&section(i, feature));
        }
        html.push_str(&section(short, &PARAGRAPH.repeat(2)));
        html.push_str("<footer><p>Copyright the firm</p></footer></body>");
        html
    }

    #[test]
    fn sections_straight_in_body_climb_to_body_when_most_prose_precedes() {
        // Five feature sections outweigh the long last one: the page is the content.
        assert_eq!(container(&sections_in_body(5)), "body");
        assert!(inside(&sections_in_body(5), "We keep two vans"));
        // One feature section before it weighs less than the long one: it stays apart.
        assert_eq!(container(&sections_in_body(1)), "s1");
    }

    #[test]
    fn a_minor_section_of_an_app_frame_climbs_to_body() {
        // The long section first, then many feature sections, all in an app frame: the
        // long one holds a small share of the page's prose, so the page is the content.
        let page = |features: usize| {
            let html = sections_in_body(0).replace("<body>", "<body><div id=app>");
            let feature = "<section class=f><h2>Feature</h2><p>We keep two vans free every \
                day for breakdowns, so a cold house is seen within days, not weeks.</p></section>";
            html.replace(
                "<footer>",
                &format!("{}</div><footer>", feature.repeat(features)),
            )
        };
        assert_eq!(container(&page(12)), "body");
        assert!(inside(&page(12), "We keep two vans"));
        // Two feature sections after it weigh little: it stays apart.
        assert_eq!(container(&page(2)), "s0");
        // A long menu makes `<body>` link-heavy, not a frame of links around the section.
        let menu = format!(
            "<body><nav>{}</nav>",
            "<a href=/x>Cloud services</a> ".repeat(150)
        );
        let html = page(12).replace("<body>", &menu);
        assert_eq!(container(&html), "body");
    }

    #[test]
    fn the_body_of_a_titled_section_is_the_section() {
        // A manual page: sections of an h2 and a body; the long one scores best.
        let section = |title: &str, body: &str| {
            format!("<div class=sect1><h2>{title}</h2><div class=sectionbody>{body}</div></div>")
        };
        let html = format!(
            "<body><div id=page>{}{}</div></body>",
            section("NAME", "<p>tidyup - remove stale build files</p>"),
            section("OPTIONS", &PARAGRAPH.repeat(6)),
        );
        assert_eq!(container(&html), "sect1");
        assert!(inside(&html, "OPTIONS"));
    }

    #[test]
    fn a_widget_class_inside_main_is_not_a_sidebar() {
        let about = "<p>Our family firm has served the coast since nineteen eighty, and we \
            are proud of it, as are our staff, who live here too and know the harbour.</p>";
        let html = format!(
            "<body><main><div class='widget widget-custom'><h1>Dredging</h1>{}</div></main>\
             <div class=about>{}</div></body>",
            PARAGRAPH.repeat(4),
            about.repeat(3)
        );
        assert!(inside(&html, "The harbour"));
    }
}
