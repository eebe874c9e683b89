//! Every heuristic constant of the extractor, in one place.
//!
//! Each constant names its unit, why it exists and what it was tuned with. They were
//! calibrated *as a set* against the project corpus (`corpus/`) and the dev datasets in
//! `../shared/datasets` (measured with `bodytext eval`); changing one in isolation moves the
//! balance of the others, so re-run the eval over every dataset after touching any of them.
//!
//! Resource caps that bound work or memory on hostile input (most `<meta>` entries, most
//! JSON-LD bytes, most attributes per element, ...) are not heuristics: they stay beside the
//! code they protect, each documented there.

/// Width of the virtual text column used for text density, in characters.
///
/// Boilerpipe's definition: text density is the number of words per line when the block is
/// wrapped at 80 columns, so long prose scores high and menus of short items score low.
pub const WRAP_COLUMNS: usize = 80;

/// Han, Kana and Hangul characters that count as one word.
///
/// Scripts written without spaces have no whitespace words; two characters approximate one
/// word of Chinese or Japanese well enough for the length thresholds below.
pub const CJK_CHARS_PER_WORD: u32 = 2;

/// Minimum characters for a block to add to its ancestors' container score.
///
/// Readability's 25-character floor: shorter texts (labels, buttons, menu items) say
/// nothing about where the article is.
pub const MIN_SCORED_CHARS: u32 = 25;

/// Characters per point of length bonus in a block's content score.
pub const SCORE_CHARS_PER_POINT: f32 = 100.0;

/// Cap of the length bonus, in points, so one huge block does not outweigh many paragraphs.
pub const SCORE_MAX_LENGTH_POINTS: f32 = 3.0;

/// How many ancestors above a block's own element receive part of its score.
///
/// The parent gets all of it, the grandparent half, and further levels `1 / (3 * level)`.
pub const SCORE_ANCESTOR_LEVELS: usize = 5;

/// Base container score of a `div`, in points (it is the usual article wrapper).
pub const TAG_SCORE_DIV: f32 = 5.0;
/// Base container score of `pre`, `td` and `blockquote`, in points.
pub const TAG_SCORE_TEXTUAL: f32 = 3.0;
/// Base container score of list and form elements, in points (rarely the article itself).
pub const TAG_SCORE_LIST: f32 = -3.0;
/// Base container score of headings and `th`, in points.
pub const TAG_SCORE_HEADING: f32 = -5.0;
/// Container score for a class or id that names content (`article`, `content`, `post`...).
pub const CLASS_SCORE_POSITIVE: f32 = 25.0;
/// Container score for a class or id that names chrome (`sidebar`, `comment`, `share`...).
pub const CLASS_SCORE_NEGATIVE: f32 = -25.0;

/// Below this container score, in points, no element is trusted as the main container and
/// the selection falls back to the block labels alone.
pub const MIN_CONTAINER_SCORE: f32 = 10.0;

/// Words of content (outside links) that must come before a line opening a comment
/// section ("Comments", "Leave a reply"), a related one ("Also on The Courier:") or the
/// author's box ("About the author") for it to end the article; earlier, such a line is a
/// tab or a count in the article's header.
pub const COMMENTS_AFTER_WORDS: u32 = 100;

/// Most words of a line that opens a comment section ("12 Comments", "Join the discussion")
/// or a related one ("Also on The Courier:").
pub const MAX_COMMENT_LABEL_WORDS: u32 = 4;

/// Heading level to which a comment or related section opened by a paragraph (not a
/// heading) runs:
/// an h1, h2 or h3 after it starts the next part of the page.
pub const COMMENT_LABEL_RANK: u8 = 3;

/// Share of the main container's words (outside links) under comment names from which it
/// is a thread when its first post is under such a name too (forum software names every
/// post a comment): the posts are kept.
pub const THREAD_COMMENT_SHARE: f32 = 0.8;

/// Words (outside links) from which a block (other than a heading) is text of the page: the
/// first such block of a thread is under a comment name, a blog post's is not, however short
/// the post ("Max Jacob Newport. Born 11/6/12.").
pub const THREAD_POST_WORDS: u32 = 5;

/// Share of the page's words (outside links) from which a chrome-named element is the
/// page's layout wrapper (an ad frame or a `sidebar-layout` around the whole body), not a
/// role: the first scoring pass does not strip the blocks under it.
pub const PAGE_WRAPPER_SHARE: f32 = 0.9;

/// Share of the page's elements that such a wrapper must also hold: a footer holding a
/// long privacy policy has most of the words but few of the elements.
pub const PAGE_WRAPPER_ELEMENT_SHARE: f32 = 0.6;

/// Words (outside links) the main container must hold before the chrome-named elements
/// are trusted; under it the scoring is redone with them (Readability retries under 500
/// characters, about 80 words).
pub const MIN_MAIN_WORDS: u32 = 80;

/// Words (outside links) from which a container under [`MIN_MAIN_WORDS`] is still a short
/// article when the retry would add mostly comments (a three-paragraph blog post under a
/// long thread). Tuned on dragnet-train (40: three posts fixed, nothing lost; 25 loses a
/// wcxb forum page whose first post is that short).
pub const SHORT_ARTICLE_WORDS: u32 = 40;

/// Share of the retried container's words under comment-named elements from which the
/// retry is taken for "article plus its comments" (see [`SHORT_ARTICLE_WORDS`]), and from
/// which a retry that is taken is a discussion page whose comment-named posts are content.
/// Below it the retry only undid a misleading name around the article (a `div#header`
/// left open over the whole column), and its comments stay comments: dragnet-train +0.0006
/// (five posts whose comments had leaked, none lost), wcxb-dev +0.0001.
pub const COMMENTS_SHARE: f32 = 0.5;

/// Share of a `<main>` element's words (outside links) that the located container inside it
/// must hold; below it the container is widened to the whole `<main>`: the scoring picked
/// one box of a page whose content is several (product, listing and service pages).
/// Tuned on all six sets with [`LANDMARK_ROLE_SHARE`]: wcxb-dev +0.0024 (0.5: +0.0022, 0.9: +0.0017 and mozilla -0.0008), the others unchanged.
pub const LANDMARK_MAIN_SHARE: f32 = 0.7;
/// ...and of an element with `role="main"`, which themes also put on a column holding teaser
/// rails beside the article, so only a container holding a small part of it is widened.
pub const LANDMARK_ROLE_SHARE: f32 = 0.3;

/// Share of the main container's words (outside links) above which a hinted element inside
/// it is taken for the article itself, and its hint ignored.
pub const DOMINANT_HINT_SHARE: f32 = 0.5;

/// Blocks of at least [`QUESTIONNAIRE_SENTENCE_WORDS`] words ending a sentence from which a
/// `<form>` inside the main container is a questionnaire the page explains (a calculator's
/// versions, an application's steps) and its blocks lose the form hint. Comment, search,
/// contact and newsletter forms hold a line or two of fine print (consent, a disclaimer).
/// Tuned on wcxb-dev: a retirement calculator's form of three such paragraphs; at 2 a
/// contact form's two disclaimers and a consent line came back too (-0.04 over 3 pages).
pub const QUESTIONNAIRE_SENTENCES: u32 = 3;

/// Words of a block inside a comment-named element that count for the testimonial test:
/// each must open with a quotation mark (see [`TESTIMONIAL_MIN_QUOTES`]).
pub const TESTIMONIAL_MIN_WORDS: u32 = 15;

/// Quoted blocks of [`TESTIMONIAL_MIN_WORDS`] words from which a comment-named element
/// (`reviews-carousel`) whose long blocks all open with a quotation mark is a service page's
/// testimonials, kept, rather than readers' comments or a shop's customer reviews. Tuned on
/// wcxb-dev (an online-therapy home page's eight quoted client stories).
pub const TESTIMONIAL_MIN_QUOTES: u32 = 2;

/// Share of a form's words (outside links) that the sentences counted for
/// [`QUESTIONNAIRE_SENTENCES`] must make. Tuned on wcxb-dev: the calculator's form 0.62,
/// a shop's parts grid inside a form and a contact form's address lines well below.
pub const QUESTIONNAIRE_PROSE_SHARE: f32 = 0.5;

/// Largest share of a questionnaire form's words inside links (see
/// [`QUESTIONNAIRE_SENTENCES`]). Tuned on wcxb-dev: the calculator's form 0.03, a parts
/// shop's form of filters and product cards (titles linked) far above.
pub const QUESTIONNAIRE_LINK_DENSITY: f32 = 0.1;

/// Words (outside links) of a block ending a sentence that count toward
/// [`QUESTIONNAIRE_SENTENCES`].
pub const QUESTIONNAIRE_SENTENCE_WORDS: u32 = 15;

/// Share of the main container's words (outside links) that the elements carrying one
/// chrome-naming class name must hold together for the name to be the layout's name for
/// every box (a page builder's `elementor-widget`) rather than a role, and its hint ignored.
/// Tuned on all six sets: wcxb-dev +0.004 (Elementor and other builders' article text), dragnet
/// +0.0005, the others unchanged.
pub const LAYOUT_NAME_SHARE: f32 = 0.5;
/// ...and the least number of elements that must carry the name: one `site-footer` holding
/// half the words of a page of links is a footer, not a box of the layout.
pub const LAYOUT_NAME_MIN_BOXES: usize = 3;

/// A parent replaces the top candidate when its score is at least this share of the top's
/// and it contains this many other strong candidates (an article cut into several wrappers).
pub const ALTERNATIVE_SHARE: f32 = 0.75;
/// How many strong alternative candidates must share an ancestor to climb to it.
pub const MIN_ALTERNATIVES: usize = 3;
/// How many of the best-scored containers are considered as alternatives.
pub const TOP_CANDIDATES: usize = 5;
/// Climbing stops at a parent scoring under this share of the current candidate.
pub const PARENT_SCORE_SHARE: f32 = 1.0 / 3.0;

/// The candidate climbs to the nearest ancestor whose prose *before* the candidate scores
/// at least this share of the candidate's own (an article cut into sections, the best of
/// which comes late). Tuned on wcxb-dev and dragnet-train together: 0.5 recovered split
/// articles; counting prose after the candidate too pulled in unlabelled comments.
pub const CLIMB_PRECEDING_SHARE: f32 = 0.5;
/// The same climb may reach `<body>` itself, on a page whose sections stand straight in it
/// with no wrapper around them all (a service or product page of feature sections, the
/// best of which comes late), when the prose before the candidate scores at least this
/// share of the candidate's own: most of the page's prose precedes it. Only in the pass
/// that leaves chrome-named elements out of the scoring, so header and footer text does
/// not count as prose before. Tuned on all six sets with [`BODY_CLIMB_MIN_WORDS`]: 1.0
/// gives wcxb-dev +0.0016 (service +0.014, product +0.007 mean page F1), the others
/// unchanged; 0.5 (the ordinary share) lost two forum pages whose notice above the thread
/// weighs half the first post, 1.5 lost product pages with long footnotes.
pub const BODY_CLIMB_PRECEDING_SHARE: f32 = 1.0;
/// A candidate whose section (its ancestor that is a child of `<body>` or of the frame
/// holding [`BODY_FRAME_SHARE`] of its prose) scores under this share of the prose of
/// `<body>` climbs to `<body>` too (same conditions as [`BODY_CLIMB_PRECEDING_SHARE`]),
/// wherever the rest stands: a service page of sibling sections, the best of which comes
/// early. Not under a `<main>` landmark, which says where the whole is. Measured on the
/// candidate itself instead of its section, a short post beside unnamed teaser rails
/// climbed (dragnet-train -0.0004). Tuned on all six sets (with `<body>` exempt from the
/// frame rule for such a section): 0.3 gives wcxb-dev +0.0016 (service mean page F1
/// +0.010, product +0.006), the others unchanged; 0.25 the same; 0.2 loses two service
/// pages; 0.4 takes short news stories beside unnamed teaser rails (dragnet-train -0.0011,
/// l3s-gn1 -0.0010), 0.5 more.
pub const BODY_CLIMB_MAX_SHARE: f32 = 0.3;
/// The share of the prose of `<body>` that must lie outside chrome-named elements for
/// [`BODY_CLIMB_MAX_SHARE`] to apply: when more is under such names, the article may be
/// one of them (a post wrapped in a `newsletter` box), for the pass that takes them in.
pub const BODY_CLIMB_UNNAMED_SHARE: f32 = 0.7;
/// An element holding at least this share of the prose of `<body>` frames the page (an
/// app container): its children are the page's sections (see [`BODY_CLIMB_MAX_SHARE`]).
pub const BODY_FRAME_SHARE: f32 = 0.9;
/// Words outside links a candidate must hold to climb to `<body>` (see
/// [`BODY_CLIMB_PRECEDING_SHARE`]): a tooltip or a tab's caption that scored best on its
/// class name alone is not a section of the page, and a page where nothing better scores
/// is left to the fallback. 25 keeps the service pages that 0 finds, without the two
/// pages (a sign-up popover, a tab panel) that 0 loses.
pub const BODY_CLIMB_MIN_WORDS: u32 = 25;

/// A candidate holding at least [`CLIMB_FRAME_MIN_WORDS`] words outside links does not
/// climb to an ancestor whose link density exceeds its own by more than this (words in
/// links / words): that ancestor is a frame of navigation and teasers around the article,
/// not more of it (corpus page `news/teaser-column-around-story`). Tuned on all six sets
/// with [`CLIMB_FRAME_MIN_WORDS`]: dragnet-train +0.0014, wcxb-dev +0.0011, l3s-gn1
/// +0.0005, the others unchanged.
pub const CLIMB_FRAME_LINK_DENSITY: f32 = 0.3;
/// Words outside links from which a candidate is article enough to stop below a frame of
/// links (see [`CLIMB_FRAME_LINK_DENSITY`]); a shorter one may be a teaser of a longer
/// article that the climb is right to reach.
pub const CLIMB_FRAME_MIN_WORDS: u32 = 40;

/// An element anywhere in the page with the same class as the best candidate joins the
/// main content when its blocks score at least this share of the candidate's (the other
/// posts of a thread, the answers under a question).
pub const SAME_CLASS_MIN_SHARE: f32 = 0.1;
/// Elements of the best candidate's class under chrome names (a thread's replies in a
/// `replies` or `comments` section) join only when there are at least this many...
pub const MIN_HIDDEN_POSTS: usize = 2;
/// ...and the candidate scores at most this many times their mean: the posts of a thread
/// are of a size, while comments that share an article body's class are much shorter than
/// the article. Tuned on all six sets: wcxb-dev +0.0009 (forum threads), no other set moved;
/// joining them whatever their size cost dragnet-train and l3s-gn1 0.0007 each.
pub const THREAD_POST_RATIO: f32 = 3.0;

/// A sibling of the main container joins it when it scores this share of the main one...
pub const SIBLING_SCORE_SHARE: f32 = 0.2;
/// ...and at least this many points (all a sibling titled like the top needs: see `choose`).
pub const SIBLING_MIN_SCORE: f32 = 10.0;
/// A paragraph sibling joins when it has at least this many characters...
pub const SIBLING_PARAGRAPH_CHARS: u32 = 80;
/// ...and at most this link density.
pub const SIBLING_PARAGRAPH_LINK_DENSITY: f32 = 0.25;

/// Above this link density (words in links / words) a block is navigation, whatever its length.
pub const MAX_LINK_DENSITY: f32 = 0.5;
/// Above this link density a block that is not long prose is undecided: the neighbours
/// tell a linked list item in an article from a menu entry.
pub const MAX_LINK_DENSITY_SHORT: f32 = 0.25;
/// Blocks of at least this many words are long prose.
pub const LONG_BLOCK_WORDS: u32 = 25;
/// Blocks with fewer words are short: they cannot be judged alone and are decided by their
/// neighbours ("Listen Live" among chrome goes, a one-line quote among paragraphs stays).
pub const SHORT_BLOCK_WORDS: u32 = 7;
/// Blocks of at least this many characters that end a sentence are prose (jusText's
/// `length_low` of 70 characters).
pub const SENTENCE_BLOCK_CHARS: u32 = 70;
/// A list item of at least this many words, without many links and not ending a sentence,
/// is content on its own: a point of the article ("Sit down with your other half and
/// discuss your ideal wedding"), where the neighbours rule dropped it among chrome. Tuned on
/// all six sets: 7 to 9 gain wcxb-dev 0.002 and mozilla up to 0.0008 for cleanportaleval
/// -0.001 (a fact box its truth leaves out); 7 keeps the "In stock – ships within 1 working
/// day" USP line of `product/kettle-specs`, 10 loses part of the gain.
pub const LIST_POINT_WORDS: u32 = 8;
/// Lines (blocks left undecided: short, no full stop) a lead-in ending in `:` that follows
/// content must open in the main container for them to be its list ("Ingredients for one
/// pie:" and a line per ingredient, written as `<div>`s or `<p>`s rather than list items).
/// One line after a lead-in is a "Read more..." link or a form label.
pub const MIN_LIST_LINES: usize = 2;
/// A credit line (`©`, `Photo:`) longer than this many words is prose, not a credit.
pub const MAX_CREDIT_WORDS: u32 = 15;
/// Distinct site-notice terms ("cookie", "privacy policy", "newsletter"...) that make a
/// block a notice: one term is ordinary prose, two in one paragraph is a banner.
pub const MIN_NOTICE_TERMS: u32 = 2;
/// Notices are shorter than this many words; longer text using the terms is an article
/// about them.
pub const MAX_NOTICE_WORDS: u32 = 120;

/// Longest bracketed reference mark after a sentence's full stop that still lets the text
/// end as a sentence, in characters with the opening bracket (`[12]`, `[citation needed]`,
/// and the full-width parenthesised attribution that ends a Chinese or Japanese article,
/// `（编译/林靖东）`: mozilla-readability qq +0.10, no other page of the six sets moved).
pub const REFERENCE_MARK_CHARS: usize = 20;

/// Blocks of at least this many words with under [`MAX_LINK_DENSITY_SHORT`] link density
/// override a weak hint such as `footer` or `sidebar` on an ancestor.
pub const HINT_OVERRIDE_WORDS: u32 = 40;

/// A short block between two chrome blocks is content when it holds at least this many
/// sentence marks and ends a sentence.
pub const MIN_LONE_SENTENCES: u32 = 2;

/// A heading is content when a content block follows within this many blocks.
pub const HEADING_LOOKAHEAD: usize = 3;
/// A heading left without content in the main container is a section title when one of
/// the first this many headings of its section (deeper headings, up to the next heading of
/// its level or higher) is content: a review list's product h2 over a rating line and
/// then titled subsections. Bounds the scan per heading. Tuned on all six sets (wcxb-dev
/// article pages, 2026-11-29).
pub const SECTION_HEADINGS: usize = 8;
/// Words from which an h1 to h3 in the main container that ends a sentence is a paragraph
/// styled as a heading and classified as one (words outside and inside links). Tuned on
/// all six sets: 10 gives wcxb-dev +0.0009 (service mean page F1 +0.006), l3s-gn1 +0.0003,
/// mozilla +0.0004, dragnet-train -0.0002 (a blog's tagline in an h2); with h4+ too
/// dragnet lost another 0.0001 (newspapers' print-edition notes in h6), 14 gains less.
pub const HEADING_PROSE_WORDS: u32 = 10;

/// An h4 to h6 in the main container of at least this many words and
/// [`LOW_HEADING_PROSE_SENTENCES`] sentence marks is a paragraph: page builders set whole
/// descriptions in `<h6>` for their type size. Fine print in lower headings ("A version of
/// this article appears in print on…") is one sentence, so it stays a heading.
pub const LOW_HEADING_PROSE_WORDS: u32 = 25;

/// See [`LOW_HEADING_PROSE_WORDS`].
pub const LOW_HEADING_PROSE_SENTENCES: u32 = 2;

/// When no block was kept, the main container's text is kept instead if it holds at least
/// this many words; under it the page is taken to have no article (a sitemap, a login).
/// Tuned on all six dev sets: 20 cost cleaneval precision, 150 left 11 more wcxb pages empty.
/// A whole page under this many words with no link-dense or chrome-named block is all body
/// (a note, a snippet, Readability's smallest test pages: three mozilla pages went from
/// empty to F1 1.0, no page of the other sets moved).
pub const FALLBACK_MIN_WORDS: u32 = 50;

/// The fallback's floor instead of [`FALLBACK_MIN_WORDS`] when the main container holds a
/// heading naming the page title: a short post (a song, a picture and a line about it)
/// rather than a page without an article. Tuned on all six dev sets: dragnet-train +0.0008
/// (five empty posts of a video or a picture with a line get their text), no other page
/// moved; without the "line of its own" condition two wcxb-dev listing pages (a schedule,
/// a shop category) went from empty to their column labels and footer (wcxb -0.0006).
pub const FALLBACK_TITLED_MIN_WORDS: u32 = 10;

/// In the fallback, a post that meets its floor on its own ends at its first block under a
/// comment or form name when at least this share of the words from there on are under
/// such names (the comments and the "Leave a comment" form after a picture post); a lower
/// share is a listing whose entries each hold a "Comments:" line. Tuned on all six dev
/// sets: dragnet-train +0.0005 (four posts shed their empty comment forms); with no share
/// condition wcxb-dev lost an arXiv listing (0.73 -> 0.08).
pub const FALLBACK_DISCUSSION_SHARE: f32 = 0.5;

/// In the fallback, a link of at least this many words under no chrome name is a title
/// worth keeping (a listing page's teasers); shorter ones are a menu or a site map. Tuned on
/// wcxb-dev and cleaneval-dev with the `listing/nav-only-sitemap` corpus page: 4 keeps that
/// page empty and loses no dataset page that 0 rescued; 7 cost cleaneval-dev 0.002.
pub const FALLBACK_LINK_WORDS: u32 = 4;

/// Lowest heading level (`h1` = 1) taken as the headline. Blog themes title the post with
/// an `h3` under the blog's name in an `h1` (Blogger's `post-title`); the title holds both,
/// and the heading naming more of it wins. Tuned on all six sets: 3 with that preference
/// gained dragnet-train 0.003 (about 170 blog pages), 2 gained nothing.
pub const HEADLINE_MAX_LEVEL: u8 = 3;

/// Share of the title's words a heading must contain to be taken as the headline.
pub const HEADLINE_TITLE_OVERLAP: f32 = 0.5;

/// A table with a cell longer than this many words lays out the page (a column of a
/// layout table holds whole articles) and is not rendered as a table: its cells read as
/// paragraphs. Data-table cells of the corpus and the dev sets hold a few words, a long
/// one a sentence or two. Output only: the text format and its F1 do not depend on it.
pub const LAYOUT_CELL_WORDS: u32 = 80;

/// Share of a table's cells that must be content for its dropped cells in every row to be
/// revived (a list of films where one row's description is a fragment: the table is one
/// record set, kept or dropped whole).
pub const TABLE_CONTENT_SHARE: f32 = 0.5;

/// Share of a list's items that, when content already, make its link-heavy items with words
/// of their own (and those dropped for their neighbours) content too (see `revise::lists`):
/// a bibliography of linked titles. Tuned on all six datasets 2026-11-29 (link-heavy items
/// only): 0.25 and 0.1 measure alike (wcxb-dev 0.8474 -> 0.8477, dragnet-train +0.0002;
/// 0.1 one page more by 0.01); 0.5 loses the bibliography page (wcxb-dev 4533 0.98 ->
/// 0.32). With the neighbours' items too: wcxb-dev 0.8480, mozilla 0.9600 -> 0.9602.
pub const LIST_CONTENT_SHARE: f32 = 0.25;

/// Paragraphs numbered one after another ("1. …", "2. …") that make an ordered list
/// written as paragraphs (see `revise::numbered_paragraphs`): two numbered paragraphs are
/// as often a pair of steps in prose. Tuned on all six dev sets with dragnet-train T71 (a
/// blog's numbered roundup of its posts).
pub const NUMBERED_RUN_MIN_ITEMS: u32 = 3;

/// Share of a numbered run's paragraphs that, when content already, make its link-heavy
/// items with words of their own content too (see [`NUMBERED_RUN_MIN_ITEMS`]). Lower than
/// [`LIST_CONTENT_SHARE`]: the numbering one after another says "list" where markup does
/// not. Tuned on all six dev sets: dragnet-train T71 (193 numbered posts, 43 kept as
/// content) needs less than 0.22.
pub const NUMBERED_RUN_CONTENT_SHARE: f32 = 0.1;

/// Content items a list needs for [`LIST_CONTENT_SHARE`] to count. One is enough: the share
/// alone keeps a menu's one tagline from vouching for its links (one item of eight), and
/// in a short list of the article (a weekly update's three "X fixed Y" lines, the first
/// kept for its list's text) the other items, dropped for their links' share beside it,
/// are entries alike (corpus `blog/weekly-update-contributor-list`). 2026-11-29, from 2:
/// dragnet-train +0.0001 (R902 0.90 -> 0.97, T71), mozilla-readability +0.0001
/// (firefox-nightly-blog), wcxb-dev +0.0001 (0189 0.90 -> 0.98, 18 pages up, 4 down by at
/// most 0.002), the other sets unchanged.
pub const LIST_MIN_CONTENT_ITEMS: u32 = 1;

/// Pairs a list (`<ul>`, `<ol>`, `<dl>`) needs to read as a list of teasers (see
/// `revise::teaser_lists`): an item that is one linked headline, then an item of unlinked
/// text, its summary. Three pairs tell a "Headlines" box of other stories (title, one-line
/// dek, title, dek…) from an article's list where one linked source is followed by a note.
/// Tuned 2026-11-29 on the six sets: l3s-gn1 +0.0008 (two regional headline boxes inside
/// the story's layout cell, 0.72 -> 0.96 and 0.60 -> 0.94), the others unchanged; 2 pairs
/// gives the same figures.
pub const TEASER_LIST_MIN_PAIRS: u32 = 3;

/// Words a teaser list's headline item needs (see `revise::teaser_lists`): a lone linked
/// word ("More", a date) is no story's title. Set with [`TEASER_LIST_MIN_PAIRS`], not tuned
/// on its own.
pub const TEASER_HEADLINE_MIN_WORDS: u32 = 2;

/// Words at most of a definition list's term (`<dt>`) that comes back with the content
/// definition after it: a reference page's member names ("WebSocket.close()") are a word or
/// two, a news box's linked headlines set as terms above their teasers are sentences.
/// Tuned 2026-11-29 on wcxb-dev (2993, 2992) and l3s-gn1 (two headline boxes).
pub const DEFINITION_TERM_MAX_WORDS: u32 = 3;

/// Fewest term/definition pairs (counted as items, half of them) of a definition list of the
/// main container whose items the neighbours rule dropped for it to be a specification
/// sheet (a product's "Frame Material: Manufactured Wood" rows), kept as content
/// (revise.rs, `lists`). Pairs; default 4. Tuned on wcxb-dev 0620, 2026-11-29: 3 loses
/// wcxb-dev 0.00002, 6 measures the same as 4 on the six
/// sets; 4 keeps short sheets.
pub const SPEC_LIST_MIN_PAIRS: u32 = 4;

/// Share of a table's blocks that must be plain cells for it to be such a record set (a
/// caption or a paragraph in one cell still counts; a layout table holds paragraphs,
/// headings and lists).
pub const TABLE_CELL_SHARE: f32 = 0.9;

/// Blocks (cells, mostly) a data table of the main container needs to be the page's matter
/// with no content cell at all (see `revise::tables`): a wiki's list of laureates or of
/// works, every cell a linked name or a year, which the link-density rule drops cell by
/// cell. Smaller tables with no content are a box of links beside the matter (a calendar,
/// a table of related pages). Tuned on all six datasets 2026-11-29: only wcxb-dev moves
/// (0.86744 -> 0.86768 at 40: a list of Nobel laureates 0.26 -> 0.66, an index of state
/// pages -0.03 whose truth drops it); without the rule that most of the table's blocks
/// hold letters, a standings table of figures came back (wcxb-dev 0.86741).
pub const BARE_TABLE_MIN_BLOCKS: usize = 40;

/// Share of such a table's blocks that must hold a letter (see [`BARE_TABLE_MIN_BLOCKS`]):
/// names and titles, not a table of figures such as a league's standings, which the truths
/// leave out. Set at "most" with `BARE_TABLE_MIN_BLOCKS` (wcxb-dev 0.86768; no share at
/// all: 0.86741).
pub const BARE_TABLE_LETTERED_SHARE: f32 = 0.5;

/// Most elements (open elements plus active formatting elements, as the tree builder
/// counts them) the HTML parser keeps open; deeper start tags are dropped and their text
/// kept. Browsers cap the tree at 512 levels, and html5ever's tree builder walks its whole
/// stack per token, so parsing costs input length × depth: without a cap, 100,000 nested
/// `<div>`s take half a minute.
pub const MAX_TREE_DEPTH: usize = 512;

/// Below this many content words, a page that hid elements or had `<noscript>` is
/// extracted again with them revealed (server-rendered pages kept hidden until their
/// scripts run; forums serving their posts in `<noscript>`). Tuned on wcxb-dev, where such
/// pages came out empty or with only their visible teaser.
pub const REVEAL_BELOW_WORDS: u32 = 150;
/// The revealed extraction replaces the visible one when it holds more than this many
/// times its content words: a streamed server-rendered body, not a hidden menu or modal.
/// Tuned with [`REVEAL_BELOW_WORDS`] on wcxb-dev and mozilla-readability (50 and 1 lost
/// streamed pages; 300 and 2 cost mozilla pages).
pub const REVEAL_GAIN: u32 = 2;

// Metadata: titles, authors, dates and language (src/metadata.rs). Tuned with
// `bodytext eval --metadata article` on wcxb-dev and `--metadata all` on mozilla-readability.

/// Farthest after the headline, in blocks, that a date line may stand for the name
/// beside its date to be the author's when nothing else names one ("Dec 26, 2025 •
/// Jane Doe"); farther down, names beside dates are those of comments and related
/// posts. Default 3 (a dek or a reading time may stand between). Checked on wcxb-dev
/// articles (4 authors found, none lost) and, by eye, on the 22 l3s-gn1 pages where it
/// finds a name (19 are the bylines; a team, a paper and the site's own name are not).
pub const DATED_BYLINE_REACH: usize = 3;

/// Longest block read as a date line, in bytes: "Published on Friday, May 17, 2024 by
/// Jane Doe" fits, a paragraph that mentions a date does not.
pub const MAX_DATE_LINE: usize = 120;

/// Farthest a date line may stand from the headline, in blocks, to be the page's date
/// (the byline block, a reading time, an image caption lie between). Tuned on wcxb-dev
/// articles: 4 lost dates set under a lead image, 30 took sidebar dates.
pub const DATE_LINE_REACH: usize = 12;

/// Longest heading, byline or title candidate considered, in bytes; longer texts are
/// paragraphs, not titles or names.
pub const MAX_SHORT_TEXT: usize = 400;

/// Longest first line of an author box kept alone, as the name, when the bio under it
/// runs past [`MAX_SHORT_TEXT`], in bytes ("Jane Doe" over "Jane Doe is a gardener
/// who..."). Default 40, a name with a short title. Tuned on wcxb-dev: fixes 0306; 100
/// also took "My Top" from a longer first line (4662).
pub const MAX_NAME_LINE: usize = 40;

/// Longest author name kept, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// Most words in one author name.
pub const MAX_NAME_WORDS: usize = 10;

/// Most words of a job title kept after the name in a byline that is the page's only
/// credit ("Agatha Caleo, Candidate Representative to the Candidate Liaison Committee"
/// has 7). Longer runs after a comma are a bio's sentence ("CEO of Example delves into
/// ..."). Default 8, tuned on wcxb-dev articles.
pub const MAX_ROLE_WORDS: usize = 8;

/// Twitter card label/value pairs (`twitter:label1`..`twitter:labelN`) read for a
/// "Written by" label; pages carry two (reading time, author), rarely more.
pub const TWITTER_LABEL_PAIRS: usize = 4;

/// Fewest words of body text for language detection (trigram statistics of shorter texts
/// are noise).
pub const MIN_DETECT_WORDS: u32 = 20;

/// Bytes of body text given to the language detector: about 350 words, enough for a stable
/// answer. Detection was 7 % of the extraction's instructions on l3s-gn1 (most of its pages
/// declare no language); 4,096 bytes gave the same language on all 3,320 dev pages, 1,024
/// lost one (no reliable answer).
pub const DETECT_BYTES: usize = 2048;

/// Bytes of body text counted first for [`MIN_DETECT_WORDS`]: a prefix never holds more
/// words than the text, so one that holds enough settles the count, and prose holds 20
/// words in about 130 bytes. Only the cost moves with it, never the answer (2026-11-29:
/// the word count of the whole sample was 14 M of l3s-gn1's 1,438 M instructions of
/// extraction).
pub const DETECT_PROBE_BYTES: usize = 256;

/// Fraction of the words of a title's headline part that an `h1` must show to be the
/// headline by its words (with [`H1_TITLE_OVERLAP`] the other way round): a heading in
/// the text that is one word of a long title is a section, not the headline.
pub const H1_TITLE_COVERAGE: f32 = 0.15;

/// Share of the words of the detection sample (the first [`DETECT_BYTES`]) that must be
/// English function words ("the", "of", "and", "to"...) for the text to be English
/// without running the trigram detector, which costs about 1 M instructions a page
/// whatever the sample length (it scores every profile of the script). English prose
/// scores 0.30 (median of the 3,207 dev pages whatlang calls English; 5 % of them under
/// 0.21), French, Spanish, Portuguese, German, Czech and Indonesian pages 0.00-0.04, Lorem
/// ipsum 0.05. With 0.2 the answer matched whatlang on 3,317 of the 3,320 dev pages
/// (the 3 others: English text whatlang found unreliable) and skipped it on ~95 %.
pub const ENGLISH_FUNCTION_SHARE: f64 = 0.2;

/// Fraction of an `h1`'s words that must occur in the `<title>` for it to be the main one.
pub const H1_TITLE_OVERLAP: f32 = 0.5;

/// Fewest words of an h1 taken as the headline because the JSON-LD names it (shorter
/// ones are section names: "Blog", "Our Team").
pub const MIN_AGREEING_H1_WORDS: usize = 4;

/// Fewest words before a " | " for the rest of a title to be cut off as a section or a
/// tagline (shorter heads are a site or a section name: "Blog | How to ...").
pub const MIN_PIPE_HEAD_WORDS: usize = 3;

/// Fewest letters of a word that an h1 worded apart from the declared titles must share
/// with one of them to be the headline (shorter words are "the", "to", "and").
pub const MIN_SHARED_WORD_CHARS: usize = 4;

/// Most words of a label an `h1` puts before the declared title ("Blog:", "Case study:",
/// a forum's prefix "Tips -" before the topic).
pub const MAX_TITLE_LABEL_WORDS: usize = 2;

/// Most words of a site name the `<title>` adds to the headline.
pub const MAX_SITE_WORDS: usize = 5;

/// Earliest and latest plausible year of a page date.
pub const YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

/// Earliest and latest plausible year of a date in a URL path (numbers in URLs are often
/// ids, so the range is tighter).
pub const URL_YEARS: std::ops::RangeInclusive<u32> = 1990..=2100;

/// Longest block read as a label ("Published", "Written by", "About the author"), in
/// bytes.
pub const MAX_LABEL: usize = 40;

/// Most groups of lines of a byline element searched for a name, those that start with
/// "By" aside: the name stands first or after a kicker, never under a list of links.
pub const MAX_BYLINE_GROUPS: usize = 3;

/// Longest block read as a "By ..." line, in bytes.
pub const MAX_BY_LINE: usize = 160;

// Block features, class/id hints and segmentation (src/features.rs, src/hints.rs,
// src/segment.rs).

/// Most words of a dateline.
pub const MAX_DATELINE_WORDS: usize = 10;

/// Parts an id may have before it reads as a heading anchor rather than a role.
///
/// Documentation and wiki pages give sections ids made from their headings
/// (`sharing-with-a-single-developer`); such an id names the topic, not chrome.
pub const MAX_ID_PARTS: usize = 3;

/// Elements around a `<pre>` whose class may name its language: Sphinx puts it two
/// levels up (`div.highlight-python > div.highlight > pre`).
pub const CODE_WRAPPER_DEPTH: usize = 2;

/// Longest text read for a byline or a `<time>`, in bytes; longer ones are author bios.
pub const MAX_BYLINE_BYTES: usize = 400;

// Character decoding (src/decode.rs): when a declared or undeclared charset is overruled.
// Set with the pages of corpus/encodings and the cases of tests/encodings.rs.

/// A `<meta>`-declared UTF-8 is only overridden when more than this fraction
/// (numerator, denominator) of the non-ASCII sequences are invalid UTF-8.
/// Past one half, reading the page as UTF-8 garbles more characters than
/// reading it in a legacy encoding does.
pub const DECLARED_UTF8_MAX_INVALID: (usize, usize) = (1, 2);

/// Undeclared bytes that are not strictly valid UTF-8 are still read as UTF-8
/// when at most this fraction of the non-ASCII sequences are invalid (a UTF-8
/// page with a few stray Latin-1 bytes). Legacy CJK text is ~90% invalid.
pub const UNDECLARED_UTF8_MAX_INVALID: (usize, usize) = (1, 10);

/// A page declared in a legacy multi-byte encoding (`Shift_JIS`, GBK, ...) is
/// read as UTF-8 instead only when it is valid UTF-8 with at least this many
/// multi-byte sequences; a short run of legacy CJK bytes can be valid UTF-8 by
/// chance, a long one practically cannot.
pub const MIN_UTF8_SEQUENCES_AGAINST_MULTIBYTE_DECLARATION: usize = 4;

/// How many blocks on each side a short line of the main container, dropped for its
/// chrome neighbours, looks for content: with a content block that near on both sides, it
/// sits inside the text (a stat line between a lead and the body, a label between two
/// paragraphs, a review's pros between its verdicts) and is kept (see
/// [`crate::revise::amid_content`]). Tuned on all six sets, 2026-11-29, first without the
/// rule's exceptions for short lines with a digit, datelines and bylines (eval F1:
/// cleaneval, cleanportal, dragnet, l3s, mozilla, wcxb; before 0.90238 0.94942 0.92969
/// 0.95373 0.96392 0.86570): 1: 0.90245 0.94986 0.93008 0.95384 0.96403 0.86589; 2:
/// 0.90291 0.94986 0.93008 0.95376 0.96412 0.86607; 3: 0.90301 0.94986 0.93029 0.95381
/// 0.96412 0.86627; 4: 0.90303 0.94986 0.93022 0.95378 0.96420 0.86647; 6: 0.90256
/// 0.94978 0.93020 0.95368 0.96425 0.86665 (cleaneval and l3s fall back: chrome between two
/// stories). With the exceptions, at 4: 0.90284 0.94986 0.93011 0.95372 0.96421 0.86620.
pub const AMID_CONTENT_REACH: usize = 4;

/// Siblings sharing one class, each a card (a linked title and some words), that make a
/// run of cards: a listing's teasers or a product grid, whose entries are its content
/// (wcxb-dev listing and collection truths keep them). Fewer is a pair of promos. Tuned
/// as a set with [`MIN_CARD_WORDS`], [`MIN_CARD_OWN_WORDS`] and [`MAX_CARD_LINK_WORDS`] on
/// all six datasets, 2026-11-29.
pub const MIN_CARDS: u32 = 4;
/// Words a card of a run must hold (its linked title with its snippet or price): menu
/// entries and tag links are one or two words.
pub const MIN_CARD_WORDS: u32 = 4;
/// Words outside links a card of a run must hold (a snippet, a price, a date line): a
/// block of navigation is all links. 2 drops product cards whose only text of their own
/// is a price (wcxb-dev 0.8305 -> 0.8300).
pub const MIN_CARD_OWN_WORDS: u32 = 1;
/// Words inside links a card of a run may hold at most: a teaser's or a product's linked
/// title, with perhaps a category or a "read more"; a sidebar widget of a dozen linked
/// posts is a rail, not a card (dragnet-train). 20 cuts product cards with linked names,
/// brands and swatches (measured with 2 own words: wcxb-dev 0.8300 -> 0.8298).
pub const MAX_CARD_LINK_WORDS: u32 = 40;

/// Words a card of a listing's grid must hold (see `revise::grids`): a linked title, often
/// with a snippet, a price or a date; menu entries and tag links are one to three words.
/// Same value as [`MIN_CARD_WORDS`], for the same reason.
pub const GRID_CARD_WORDS: u32 = 4;
/// Words the largest grid of a listing must hold that were not yet content: a few cards'
/// titles are a teaser box, not the page. Tuned with the three below on all six datasets,
/// 2026-11-29 (wcxb-dev 0.8305 -> 0.8340, cleaneval-dev 0.8995 -> 0.9008, others unchanged).
pub const GRID_MIN_WORDS: u32 = 60;
/// How many times the content found so far (a headline, a short intro) a grid inside the
/// main container must hold in words to be the page's content. 1 to 5 measure the same
/// (the prose gate, [`GRID_MAX_PROSE_WORDS`], decides most pages); 2 keeps a margin.
pub const GRID_SHARE: f32 = 2.0;
/// The same for a grid inside the main container that opens before its last content block:
/// cards amid the page's text (a category's intro, its grid, then its buying guide), not a
/// trail of comments or related posts after an article, which [`GRID_SHARE`] still
/// weighs (at 1 for all grids: dragnet-train R901 .97 -> .63, R703 .64 -> .39). Tuned on
/// the six sets 2026-11-29 (wcxb-dev 0.8637 -> 0.8646; 1: 0.8644; 0.5: 0.8645; 1.5:
/// 0.8638; mozilla-readability nytimes-5 +.03 at 0.75 and below; no other set moves).
pub const GRID_AMID_SHARE: f32 = 0.75;
/// The same for a grid outside the main container: a short news item (60 to 80 words)
/// with its rails of linked headlines beside it has them at about 3 to 4 times
/// (dragnet-train R767, R769, l3s-gn1 0.9529 -> 0.9523 at 2), a listing whose intro the
/// scoring chose has its grid at 10 to 100 times. 4 to 12 measure the same.
pub const GRID_OUTSIDE_SHARE: f32 = 8.0;
/// Words of the longest content block of a page that is not a listing: an article, however
/// short, has a paragraph this long (dragnet-train R264, a 94-word blog post beside a
/// column of linked-title modules), a listing's intro does not (wcxb-dev intros run to
/// 62 words). 60 loses programme catalogues with a long intro (wcxb-dev 0.8330 -> 0.8325
/// in an earlier variant); 120 loses R264 (dragnet-train 0.9183 -> 0.9179).
pub const GRID_MAX_PROSE_WORDS: u32 = 80;
/// Link density a list of the main container may reach as a whole and still keep its items
/// that hold text of their own ("Tuning your server by J. Smith"), on a page with no
/// content paragraph of [`GRID_MAX_PROSE_WORDS`] words: a wiki's or a manual's page of
/// resources. Elsewhere [`MAX_LINK_DENSITY`] holds. Tuned on all six sets, 2026-11-29
/// (wcxb-dev 0.8477 -> 0.8483 at 0.8; 0.7: wcxb -0.0001, dragnet -0.0002 against 0.8;
/// 0.9 and 1.0: dragnet +0.0002 but l3s-gn1 -0.0001).
pub const LISTING_LIST_LINK_DENSITY: f32 = 0.8;
/// Share of the siblings of a grid's kind that may fall short of a card (see
/// `revise::grids`): a recipe grid has a title of three words among its cards, a catalogue
/// a tile without a link. A quarter and a third measure the same (wcxb-dev 0.8341 ->
/// 0.8349); a half lets sidebar blocks in (dragnet-train 0.9183 -> 0.9177).
pub const GRID_OTHER_SIBLINGS: f32 = 0.25;
/// Class names (those without a digit) that tell the kind of a grid's card (see
/// `revise::kind_of`): the first few say what the element is, the rest its state and terms
/// (WooCommerce's `first`/`last`, `instock`, `sale`, `product_cat-…`), which differ from
/// card to card. Tuned on all six datasets 2026-11-29: 3 gains wcxb-dev 0.8480 -> 0.8494
/// (four shop and listing grids) and moves nothing else; 2 costs dragnet-train R901 (-0.10)
/// and wcxb 4203; 4 gains two pages of the four.
pub const KIND_NAMES: usize = 3;

/// Most streamed segments (React's `<div hidden id="S:n">`) put in place on one page; the
/// rest stay hidden. Each placing scans its template's siblings, so an adversarial page of
/// many thousand templates under one parent would cost quadratic time (100,000 of them:
/// 2 s at 1,000, 0.5 s at 200). The most on the six dev sets is 52 (wcxb-dev, where 31
/// pages use them).
pub const MAX_STREAMED_SEGMENTS: usize = 200;

/// Most words in the element after a streamed boundary's template for it to count as the
/// boundary's "Loading…" fallback when the page lost the `/$` comment that closes the
/// boundary (page savers drop comments). React fallbacks are spinners and one-line
/// placeholders ("Loading paragraph...", 2 words); text right after a boundary without a
/// fallback is the page's own and longer. Of the 31 wcxb-dev pages that stream their
/// parts, one lost its comments; 4 removes its 15 placeholders and nothing else.
pub const STREAMED_FALLBACK_WORDS: usize = 4;

/// How many element children of a box are looked at for its close button (a class name
/// beginning with `close`), which makes the box a pop-up dialog (segment.rs,
/// `opens_with_close_button`). Count of elements; default 2: a lightbox's close button
/// comes first or right after its title. Tuned with wcxb-dev 4351 (a shop's home page whose
/// shipping-terms lightbox was taken as the article), 2026-11-29; 1 and 3 measure the same
/// on the six sets (1: wcxb-dev +0.00003 from one page), 2 keeps a margin for a title
/// before the button.
pub const CLOSE_BUTTON_CHILDREN: usize = 2;

/// Siblings (child nodes of the parent) looked at for a shown one of the same classes when an
/// element carries the utility class `hidden` (`segment::hidden_by_utility`): a bound that
/// keeps a page of thousands of hidden siblings linear. Tab panels and option sets are a
/// handful; not tuned (2026-11-29, any value from 50 up measures the same on the six sets).
pub const HIDDEN_SIBLINGS_SCANNED: usize = 200;

/// Fewest words in the page's description (`og:description`, `<meta name=description>`, the
/// JSON-LD `description`) for it to stand as the article when the page yields none: pages
/// whose body a script fills in (Discourse threads saved before it ran, six of the eight
/// empty wcxb-dev outputs) carry the opening post's first lines there. Shorter descriptions
/// are a slogan or a list of languages ("Portugues Espanol Français Deutsch", dragnet-train
/// 273). Tuned 2026-11-29 on the six datasets: the Discourse descriptions hold 50-90 words,
/// the other empty pages' 0-25 with no word of their truths.
pub const DESCRIPTION_FALLBACK_WORDS: usize = 30;

/// Fewest words an element must hold for a later element of the same text, block for block,
/// to be dropped as its second copy (`copies::second_copies`). Default 40, with
/// [`COPY_MIN_BLOCKS`]: site builders print a post once per screen size and hide all but
/// one with media queries (Framer's `ssr-variant hidden-…`, Squarespace's `hidden-up-md`),
/// and news sites print a print edition beside the screen one; a shorter repeat is a pull
/// quote or a teaser on purpose. Tuned 2026-11-29 on the six datasets: dragnet-train
/// 0.92537 -> 0.92691 (six WSJ pages print the story twice, .47-.54 -> .62-.97), wcxb-dev
/// 0.85939 -> 0.86133 (0355 .50 -> .99, 0151, 0610, 1377, forum replies quoting the whole
/// opening post), the four others unchanged (at 50). Then 30: cleaneval-dev -0.0007 (a job
/// board's repeated "Job type / Join us…" teaser pair, kept by its truth), wcxb-dev
/// 0.86185; 40: wcxb-dev 0.86151 -> 0.86170, nothing else moves; 100: dragnet-train -0.0005
/// (WSJ print copies of 60-100 words), wcxb-dev -0.0004.
pub const COPY_MIN_WORDS: usize = 40;

/// Fewest blocks an element must hold for [`COPY_MIN_WORDS`]: a lone paragraph repeated is
/// quoted (a reply quoting a post, a standfirst repeated as the first paragraph).
pub const COPY_MIN_BLOCKS: usize = 2;

/// Fewest words a block, on average, for [`COPY_MIN_WORDS`]: a copy of prose, not a list of
/// short items a page repeats on purpose (one colour swatch list per product, numbered code
/// lines per language tab: wcxb-dev 0659, 0681). Words per block; default 5. Tuned
/// 2026-11-29 on the six datasets with the two others: 0 gives wcxb-dev 0.86126, 5 0.86133,
/// 8 0.86130 (only wcxb moves).
pub const COPY_MIN_MEAN_WORDS: usize = 5;

/// Distinct class values, and distinct class names, that the segmenter's hint cache keeps
/// per page (`hints::HintCache`); past it, values and names are matched without being
/// remembered. A bound on memory for pages that generate class names, not a heuristic:
/// the output is the same at any size.
pub const HINT_CACHE_ENTRIES: usize = 4096;

/// Entries each of the hint cache's maps (class values, class names) has room for before
/// its first growth. Output-neutral, a cost setting: grown from empty, the maps rehashed
/// five or six times on a page of utility classes. 2026-11-29 (185 wcxb-dev pages):
/// distinct class values / names a page, median 185 / 258, 90th percentile 390 / 523;
/// l3s-gn1 median 30 / 29.
pub const HINT_CACHE_START: usize = 256;
