//! What a class or id, or a semantic tag, says about the element: the hint table.
//!
//! All patterns live in this one table. Class and id values are split into lowercase tokens
//! at every non-alphanumeric character, so `share-bar`, `share_bar` and `shareBar` all give
//! tokens containing `share`, while `ad` only matches a whole token (it hides inside
//! `header`, `shadow` and `load`).

use std::fmt;

use crate::patterns::Patterns;
use crate::text::find_bytes;
use crate::tuning::{HINT_CACHE_ENTRIES, HINT_CACHE_START, MAX_ID_PARTS};

/// One thing a class, id or tag can say about an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Hint {
    /// Site navigation (`nav`, `navbar`, `<nav>`).
    Nav,
    /// A menu.
    Menu,
    /// Share buttons.
    Share,
    /// Social-network widgets.
    Social,
    /// Related content.
    Related,
    /// Recommendations ("you may also like").
    Recommended,
    /// Reader comments.
    Comment,
    /// A footer (`<footer>` or a class naming one).
    Footer,
    /// A sidebar (`<aside>`, `sidebar`, `rail`, `widget`).
    Sidebar,
    /// Promotion or sponsored content.
    Promo,
    /// Advertising.
    Ad,
    /// A cookie banner.
    Cookie,
    /// A consent dialog.
    Consent,
    /// A modal dialog outside `<main>` and `<article>` (`<dialog>`, `role="dialog"`,
    /// `role="alertdialog"`, a `modal` class): a cookie, newsletter or sign-in box over
    /// the page.
    Dialog,
    /// A newsletter box.
    Newsletter,
    /// A subscription or paywall prompt.
    Subscribe,
    /// A breadcrumb trail.
    Breadcrumb,
    /// A tag or category list.
    Tag,
    /// An image caption or credit (`<figure>`, `<figcaption>`, `caption`, `credit`).
    Caption,
    /// A page or section header (`<header>`, `masthead`).
    Header,
    /// A form.
    Form,
    /// Pagination links.
    Pager,
    /// A forum signature under a post.
    Signature,
    /// A name that says the element holds the content (`article`, `content`, `post`, `story`).
    Content,
}

impl Hint {
    /// Every hint, in bit order.
    pub const ALL: [Hint; 24] = [
        Hint::Nav,
        Hint::Menu,
        Hint::Share,
        Hint::Social,
        Hint::Related,
        Hint::Recommended,
        Hint::Comment,
        Hint::Footer,
        Hint::Sidebar,
        Hint::Promo,
        Hint::Ad,
        Hint::Cookie,
        Hint::Consent,
        Hint::Dialog,
        Hint::Newsletter,
        Hint::Subscribe,
        Hint::Breadcrumb,
        Hint::Tag,
        Hint::Caption,
        Hint::Header,
        Hint::Form,
        Hint::Pager,
        Hint::Signature,
        Hint::Content,
    ];

    fn bit(self) -> u32 {
        1 << (self as u32)
    }

    /// The hint's name as the explain table prints it.
    pub fn name(self) -> &'static str {
        match self {
            Hint::Nav => "nav",
            Hint::Menu => "menu",
            Hint::Share => "share",
            Hint::Social => "social",
            Hint::Related => "related",
            Hint::Recommended => "recommended",
            Hint::Comment => "comment",
            Hint::Footer => "footer",
            Hint::Sidebar => "sidebar",
            Hint::Promo => "promo",
            Hint::Ad => "ad",
            Hint::Cookie => "cookie",
            Hint::Consent => "consent",
            Hint::Dialog => "dialog",
            Hint::Newsletter => "newsletter",
            Hint::Subscribe => "subscribe",
            Hint::Breadcrumb => "breadcrumb",
            Hint::Tag => "tag",
            Hint::Caption => "caption",
            Hint::Header => "header",
            Hint::Form => "form",
            Hint::Pager => "pager",
            Hint::Signature => "signature",
            Hint::Content => "content",
        }
    }

    /// Weak hints are overridden by long prose: a `footer` class on a wrapper or an
    /// `<aside>` holding a long paragraph does not make the paragraph chrome.
    pub fn is_weak(self) -> bool {
        matches!(
            self,
            Hint::Footer
                | Hint::Sidebar
                | Hint::Header
                | Hint::Form
                | Hint::Menu
                | Hint::Promo
                | Hint::Tag
                | Hint::Caption
                | Hint::Pager
                | Hint::Breadcrumb
        )
    }
}

/// A set of hints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hints(u32);

impl Hints {
    /// No hint.
    pub const NONE: Hints = Hints(0);

    /// The set holding one hint.
    pub fn of(hint: Hint) -> Hints {
        Hints(hint.bit())
    }

    /// Whether the set holds `hint`.
    pub fn has(self, hint: Hint) -> bool {
        self.0 & hint.bit() != 0
    }

    /// Add `hint`.
    pub fn insert(&mut self, hint: Hint) {
        self.0 |= hint.bit();
    }

    /// The union of both sets.
    pub fn union(self, other: Hints) -> Hints {
        Hints(self.0 | other.0)
    }

    /// The set without `hint`.
    pub fn without(self, hint: Hint) -> Hints {
        Hints(self.0 & !hint.bit())
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The set without the [`Hint::Content`] hint: only what names chrome.
    pub fn negative(self) -> Hints {
        Hints(self.0 & !Hint::Content.bit())
    }

    /// The hints in the set, in bit order.
    pub fn iter(self) -> impl Iterator<Item = Hint> {
        Hint::ALL.into_iter().filter(move |h| self.has(*h))
    }
}

impl fmt::Display for Hints {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for hint in self.iter() {
            if !first {
                f.write_str(",")?;
            }
            f.write_str(hint.name())?;
            first = false;
        }
        if first {
            f.write_str("-")?;
        }
        Ok(())
    }
}

/// How a pattern matches a class or id name (one whitespace-separated value, lowercased).
#[derive(Clone, Copy)]
enum Match {
    /// The whole name is the pattern (`tag`, but not WordPress's `tag-react`).
    Name(&'static str),
    /// A part of the name between `-`, `_` and other separators is the pattern.
    Token(&'static str),
    /// The last such part is the pattern: in a compound name the last part says what the
    /// element is (`entry-meta` is the entry's meta line, `meta-information` is not).
    Last(&'static str),
    /// The name with its separators removed contains the pattern (`right_rail` holds
    /// `rightrail`).
    Within(&'static str),
}

/// The table of class/id patterns. Substring patterns are long enough not to hide inside
/// ordinary words; short ones must be whole tokens.
const PATTERNS: &[(Match, Hint)] = &[
    (Match::Within("nav"), Hint::Nav),
    (Match::Token("topbar"), Hint::Nav),
    (Match::Token("skip"), Hint::Nav),
    (Match::Within("menu"), Hint::Menu),
    (Match::Within("share"), Hint::Share),
    (Match::Within("sharing"), Hint::Share),
    (Match::Within("social"), Hint::Social),
    (Match::Within("follow"), Hint::Social),
    (Match::Within("related"), Hint::Related),
    (Match::Within("recommend"), Hint::Recommended),
    (Match::Within("mostread"), Hint::Recommended),
    (Match::Within("popular"), Hint::Recommended),
    (Match::Within("trending"), Hint::Recommended),
    (Match::Within("teaser"), Hint::Recommended),
    (Match::Within("comment"), Hint::Comment),
    (Match::Within("disqus"), Hint::Comment),
    (Match::Within("reviews"), Hint::Comment),
    (Match::Token("replies"), Hint::Comment),
    (Match::Token("respond"), Hint::Comment),
    (Match::Within("footer"), Hint::Footer),
    // The short form, a whole token only (`blq-foot`, `page-foot`; not `footnote`,
    // `barefoot`): 2026-11-29, dragnet-train 268's 60-word "best viewed with style sheets"
    // notice in `div#blq-foot.blq-foot-text-dark` outscored a 45-word video story.
    (Match::Token("foot"), Hint::Footer),
    (Match::Within("sidebar"), Hint::Sidebar),
    (Match::Token("aside"), Hint::Sidebar),
    (Match::Within("rightrail"), Hint::Sidebar),
    (Match::Within("leftrail"), Hint::Sidebar),
    (Match::Within("siderail"), Hint::Sidebar),
    (Match::Within("widget"), Hint::Sidebar),
    (Match::Within("promo"), Hint::Promo),
    (Match::Within("sponsor"), Hint::Promo),
    (Match::Token("ad"), Hint::Ad),
    (Match::Token("ads"), Hint::Ad),
    (Match::Token("adv"), Hint::Ad),
    (Match::Within("advert"), Hint::Ad),
    (Match::Token("adslot"), Hint::Ad),
    (Match::Token("adunit"), Hint::Ad),
    (Match::Token("dfp"), Hint::Ad),
    (Match::Within("cookie"), Hint::Cookie),
    (Match::Token("gdpr"), Hint::Consent),
    (Match::Within("consent"), Hint::Consent),
    (Match::Within("newsletter"), Hint::Newsletter),
    (Match::Within("subscri"), Hint::Subscribe),
    (Match::Within("signup"), Hint::Subscribe),
    (Match::Within("paywall"), Hint::Subscribe),
    (Match::Within("breadcrumb"), Hint::Breadcrumb),
    (Match::Token("crumbs"), Hint::Breadcrumb),
    (Match::Name("tag"), Hint::Tag),
    (Match::Within("tags"), Hint::Tag),
    (Match::Within("taglist"), Hint::Tag),
    (Match::Within("tagcloud"), Hint::Tag),
    (Match::Token("keywords"), Hint::Tag),
    // The line of categories, tags, author and time above or below a post (`entry-meta`,
    // `post-meta`, WordPress's `div.meta`). 2026-11-29: dragnet-train +0.0011 (a dozen
    // blogs' category and date lines), l3s-gn1 +0.0001, wcxb-dev +0.0002; as a token
    // anywhere, BBC's `div#meta-information` around a short video story was dropped.
    (Match::Last("meta"), Hint::Tag),
    (Match::Within("caption"), Hint::Caption),
    (Match::Within("credit"), Hint::Caption),
    (Match::Within("masthead"), Hint::Header),
    (Match::Within("siteheader"), Hint::Header),
    (Match::Within("globalheader"), Hint::Header),
    (Match::Within("pageheader"), Hint::Header),
    (Match::Within("pagination"), Hint::Pager),
    (Match::Within("signature"), Hint::Signature),
    (Match::Token("pager"), Hint::Pager),
    (Match::Within("article"), Hint::Content),
    (Match::Within("content"), Hint::Content),
    (Match::Token("entry"), Hint::Content),
    (Match::Token("post"), Hint::Content),
    (Match::Within("story"), Hint::Content),
    (Match::Token("body"), Hint::Content),
    (Match::Token("main"), Hint::Content),
    (Match::Token("text"), Hint::Content),
];

/// Whether a class names a taxonomy term or a publishing flag that a CMS stamps on the post
/// itself (`category-social_media`, `entry-category-news`, `tag-sharing`, Drupal's
/// `node--promoted` for a node promoted to the front page): the term's words are the
/// topic, and the flag its state, not the element's role.
fn is_taxonomy_term(name: &str) -> bool {
    let bytes = name.as_bytes();
    name.starts_with("tag-")
        || find_bytes(bytes, b"category-").is_some()
        || find_bytes(bytes, b"promoted").is_some()
}

/// [`PATTERNS`] indexed for matching many names (see [`crate::patterns`]).
struct Matcher {
    /// `Match::Name` patterns.
    names: Vec<(&'static str, Hint)>,
    /// `Match::Token` patterns.
    tokens: Patterns<Hint>,
    /// `Match::Last` patterns.
    lasts: Vec<(&'static str, Hint)>,
    /// `Match::Within` patterns.
    within: Patterns<Hint>,
    /// Every pattern, whatever its kind: a name whose letters and digits hold none of them
    /// names nothing.
    any: Patterns<()>,
}

impl Matcher {
    fn new() -> Matcher {
        let of = |kind: fn(Match) -> Option<&'static str>| {
            Patterns::new(
                PATTERNS
                    .iter()
                    .filter_map(move |&(pattern, hint)| kind(pattern).map(|t| (t, hint))),
            )
        };
        Matcher {
            names: PATTERNS
                .iter()
                .filter_map(|&(pattern, hint)| match pattern {
                    Match::Name(t) => Some((t, hint)),
                    _ => None,
                })
                .collect(),
            tokens: of(|p| match p {
                Match::Token(t) => Some(t),
                _ => None,
            }),
            lasts: PATTERNS
                .iter()
                .filter_map(|&(pattern, hint)| match pattern {
                    Match::Last(t) => Some((t, hint)),
                    _ => None,
                })
                .collect(),
            within: of(|p| match p {
                Match::Within(t) => Some(t),
                _ => None,
            }),
            any: Patterns::new(PATTERNS.iter().map(|&(pattern, _)| match pattern {
                Match::Name(t) | Match::Token(t) | Match::Last(t) | Match::Within(t) => (t, ()),
            })),
        }
    }

    /// The hints of one lowercase name: its whole self, its tokens, its last token, and its
    /// letters and digits (`joined`: scratch space).
    fn name(&self, name: &str, joined: &mut Vec<u8>) -> Hints {
        let mut hints = Hints::NONE;
        for &(t, hint) in &self.names {
            if name == t {
                hints.insert(hint);
            }
        }
        let name = before_state(name);
        // The tokens joined are the name's letters and digits.
        joined.clear();
        let mut last: &[u8] = &[];
        for token in name.as_bytes().split(|b| !b.is_ascii_alphanumeric()) {
            self.tokens.each_equal(token, |hint| hints.insert(hint));
            joined.extend_from_slice(token);
            if !token.is_empty() {
                last = token;
            }
        }
        for &(t, hint) in &self.lasts {
            if last == t.as_bytes() {
                hints.insert(hint);
            }
        }
        self.within.each_match(joined, |hint| hints.insert(hint));
        // Each exception read only where the hint it takes back was found.
        if hints.has(Hint::Social) && is_follow_up(joined) {
            hints = hints.without(Hint::Social);
        }
        if hints.has(Hint::Nav) && names_navy(name) {
            hints = hints.without(Hint::Nav);
        }
        hints
    }
}

/// Whether every part of a name holding `nav` is the colour `navy` (utility classes such as
/// `text-navy`, `bg-navy-400`, `from-navy-400/10` on a service page's headings and
/// sections): a colour, not a navigation bar. 2026-11-29: wcxb-dev 2839's section headings
/// were dropped as navigation.
fn names_navy(name: &str) -> bool {
    let mut navy = false;
    for part in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        if part == "navy" {
            navy = true;
        } else if part.contains("nav") {
            return false;
        }
    }
    navy
}

/// Whether a name's letters and digits hold `followup`: a follow-up (the next step, a
/// testimonials box after a pitch), not a follow-us button row, whatever `follow` says.
fn is_follow_up(joined: &[u8]) -> bool {
    find_bytes(joined, b"followup").is_some()
}

/// `name` up to its first [`STATE_PREFIXES`] part, unless that part is the last one
/// (`main-with-sidebar` → `main`, `inline-and-sidebar-container` → `inline`).
fn before_state(name: &str) -> &str {
    // Byte-wise, so every separator byte (of any character) moves the offset by one.
    let mut start = 0;
    let mut parts = name
        .as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .map(|part| {
            let at = start;
            start += part.len() + 1;
            (at, part)
        })
        .filter(|(_, p)| !p.is_empty())
        .peekable();
    while let Some((at, part)) = parts.next() {
        let state = STATE_PREFIXES.iter().any(|s| s.as_bytes() == part);
        if state && parts.peek().is_some() {
            return name.get(..at).unwrap_or(name);
        }
    }
    name
}

/// `name` up to a [`STATE_PREFIXES`] part written in camelCase (`anchorWithStickyNavbar_x`
/// → `anchor`: Docusaurus's class on every section heading of its documentation sites,
/// which else reads as a navbar), when a capital follows the part; [`before_state`] sees
/// only the parts between separators, after lowercasing.
fn before_camel_state(name: &str) -> &str {
    let bytes = name.as_bytes();
    for at in 1..bytes.len() {
        if !(bytes[at].is_ascii_uppercase() && bytes[at - 1].is_ascii_lowercase()) {
            continue;
        }
        let state = STATE_PREFIXES.iter().any(|p| {
            let end = at + p.len();
            bytes.get(end).is_some_and(u8::is_ascii_uppercase)
                && bytes[at..end].eq_ignore_ascii_case(p.as_bytes())
        });
        if state {
            return name.get(..at).unwrap_or(name);
        }
    }
    name
}

/// The one [`Matcher`], built at first use.
fn matcher() -> &'static Matcher {
    static MATCHER: std::sync::LazyLock<Matcher> = std::sync::LazyLock::new(Matcher::new);
    &MATCHER
}

/// Parts of a class that state what a layout holds rather than what the element is
/// (`has-sidebar`, `no-comments`, `content-with-header`), or that it holds two things
/// (`inline-and-sidebar-container`): what follows them names a neighbour of the element,
/// not the element, so only the parts before them are matched.
const STATE_PREFIXES: &[&str] = &["has", "with", "no", "without", "and"];

/// The hints named by a class or id attribute value.
pub(crate) fn from_names(value: &str) -> Hints {
    Scratch::default().value_hints(value)
}

/// Buffers reused from one name to the next.
#[derive(Debug, Default)]
struct Scratch {
    /// One name lowercased, cut at a camelCase state part ([`before_camel_state`]).
    lower: String,
    /// One name's letters and digits.
    joined: Vec<u8>,
}

impl Scratch {
    /// The hints of one name as written (no ASCII whitespace).
    fn name_hints(&mut self, name: &str) -> Hints {
        let matcher = matcher();
        // Most names hold no pattern at all (`flex`, `px-4`), and that is read in one pass
        // over their letters and digits: each pattern a name matches is in them, whole
        // name or token, and the cuts at state parts and the taxonomy and colour
        // exceptions only take hints back.
        self.joined.clear();
        self.joined.extend(
            name.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase()),
        );
        if !matcher.any.any_in(&self.joined) {
            return Hints::NONE;
        }
        self.lower.clear();
        self.lower.push_str(before_camel_state(name));
        self.lower.make_ascii_lowercase();
        // A taxonomy term names nothing; asked only of a name that named something.
        let hints = matcher.name(&self.lower, &mut self.joined);
        if hints.is_empty() || is_taxonomy_term(&self.lower) {
            Hints::NONE
        } else {
            hints
        }
    }

    /// [`from_names`] with these buffers.
    fn value_hints(&mut self, value: &str) -> Hints {
        value
            .split_ascii_whitespace()
            .fold(Hints::NONE, |hints, name| {
                hints.union(self.name_hints(name))
            })
    }
}

/// What the user of a [`HintCache`] works out of each class name besides its hints, once
/// per distinct name on a page. Each fact says whether some name of a value has a
/// property, so a value's facts are its names' [`union`](NameFacts::union).
pub(crate) trait NameFacts: Copy + Default {
    /// The facts of one name (no ASCII whitespace).
    fn of(name: &str) -> Self;
    /// The facts of the names of both sets together.
    fn union(self, other: Self) -> Self;
}

/// No facts: a cache that keeps hints alone (the tests').
#[cfg(test)]
impl NameFacts for () {
    fn of(_: &str) {}
    fn union(self, _: ()) {}
}

/// Hints by attribute value, remembered for one page: class lists repeat from element to
/// element (utility-class CSS gives hundreds of elements the same long list). With each
/// value's hints, the cache keeps what else its user works out of the value's names (`F`).
#[derive(Debug)]
pub(crate) struct HintCache<F> {
    /// Hints and facts by attribute value.
    values: foldhash::HashMap<Box<str>, (Hints, F)>,
    /// Hints and facts by name, as written: class lists that differ share most of their
    /// names (`flex`, `items-center`), and a remembered name is neither cut, lowercased
    /// nor matched again.
    names: foldhash::HashMap<Box<str>, (Hints, F)>,
    scratch: Scratch,
}

impl<F> Default for HintCache<F> {
    fn default() -> Self {
        let map =
            || foldhash::HashMap::with_capacity_and_hasher(HINT_CACHE_START, Default::default());
        HintCache {
            values: map(),
            names: map(),
            scratch: Scratch::default(),
        }
    }
}

impl<F: NameFacts> HintCache<F> {
    /// [`from_names`] of a class or role value, and the facts of its names, remembered
    /// (each map up to [`HINT_CACHE_ENTRIES`] entries; past it, values and names are
    /// matched without being remembered).
    pub(crate) fn names(&mut self, value: &str) -> (Hints, F) {
        if let Some(known) = self.values.get(value) {
            return *known;
        }
        let mut known = (Hints::NONE, F::default());
        for name in value.split_ascii_whitespace() {
            let of_name = match self.names.get(name) {
                Some(remembered) => *remembered,
                None => {
                    let found = (self.scratch.name_hints(name), F::of(name));
                    if self.names.len() < HINT_CACHE_ENTRIES {
                        self.names.insert(name.into(), found);
                    }
                    found
                }
            };
            known = (known.0.union(of_name.0), known.1.union(of_name.1));
        }
        if self.values.len() < HINT_CACHE_ENTRIES {
            self.values.insert(value.into(), known);
        }
        known
    }

    /// [`from_id`]; ids are unique per page: nothing to gain from remembering them.
    pub(crate) fn id(&mut self, value: &str) -> Hints {
        id_hints(value, &mut self.scratch)
    }
}

/// The hints named by an id attribute value: as [`from_names`], unless the id is a slug.
/// The id `header` is the page's header (ids are unique); as a class, `header` titles
/// any box (a card's, a section's), so only the id counts.
#[cfg(test)]
pub(crate) fn from_id(value: &str) -> Hints {
    id_hints(value, &mut Scratch::default())
}

/// [`from_id`] with reused buffers.
fn id_hints(value: &str, scratch: &mut Scratch) -> Hints {
    let parts = value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|p| !p.is_empty())
        .count();
    if parts > MAX_ID_PARTS {
        Hints::NONE
    } else if value.eq_ignore_ascii_case("header") {
        Hints::of(Hint::Header)
    } else {
        scratch.value_hints(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_patterns_need_a_whole_token() {
        assert!(from_names("ad-slot top").has(Hint::Ad));
        assert!(!from_names("header shadow download").has(Hint::Ad));
        assert!(from_names("site-header").has(Hint::Header));
        assert!(!from_names("wprm-recipe-header").has(Hint::Header));
        assert!(from_id("header").has(Hint::Header));
        assert!(!from_names("header").has(Hint::Header));
    }

    #[test]
    fn meta_names_a_meta_line_as_the_last_part() {
        assert!(from_names("entry-meta").has(Hint::Tag));
        assert!(from_names("meta").has(Hint::Tag));
        assert!(from_names("post_meta clearfix").has(Hint::Tag));
        assert!(!from_id("meta-information").has(Hint::Tag));
        assert!(!from_names("metadata").has(Hint::Tag));
    }

    #[test]
    fn foot_names_a_footer_as_a_whole_token() {
        assert!(from_id("blq-foot").has(Hint::Footer));
        assert!(from_names("page-foot links").has(Hint::Footer));
        assert!(!from_names("footnote").has(Hint::Footer));
        assert!(!from_names("barefoot-shoes").has(Hint::Footer));
    }

    #[test]
    fn long_patterns_match_inside_tokens() {
        let h = from_names("shareBar socialLinks");
        assert!(h.has(Hint::Share) && h.has(Hint::Social));
        assert!(from_names("article-body").has(Hint::Content));
        assert_eq!(from_names("c-3f2a x1"), Hints::NONE);
    }

    #[test]
    fn wordpress_term_classes_are_not_tag_lists() {
        assert!(!from_names("post type-post tag-react category-news").has(Hint::Tag));
        assert!(from_names("post-tags").has(Hint::Tag));
        assert!(from_names("tag").has(Hint::Tag));
        assert!(!from_names("entry-category-social_media entry").has(Hint::Social));
    }

    #[test]
    fn a_promoted_node_is_not_a_promo_box() {
        // Drupal flags a node promoted to the front page; the node is the product itself.
        assert!(!from_names("node node--type-product node--promoted").has(Hint::Promo));
        assert!(!from_names("promoted").has(Hint::Promo));
        assert!(from_names("promo-banner").has(Hint::Promo));
    }

    #[test]
    fn customer_reviews_are_comments_a_review_is_not() {
        assert!(from_names("product-reviews").has(Hint::Comment));
        assert!(!from_names("review-body").has(Hint::Comment));
    }

    #[test]
    fn heading_anchor_ids_are_not_hints() {
        assert_eq!(from_id("sharing-with-a-single-developer"), Hints::NONE);
        assert!(from_id("share-bar").has(Hint::Share));
    }

    #[test]
    fn a_follow_up_is_no_follow_button() {
        assert!(!from_names("help better__follow-up").has(Hint::Social));
        assert!(from_names("follow-us").has(Hint::Social));
        assert!(!from_names("followup-box").has(Hint::Social));
    }

    #[test]
    fn navy_is_a_colour_not_a_navigation() {
        assert!(!from_names("font-heading text-navy").has(Hint::Nav));
        assert!(!from_names("bg-navy-400/10").has(Hint::Nav));
        assert!(from_names("navy-nav").has(Hint::Nav));
        assert!(from_names("navbar text-navy").has(Hint::Nav));
    }

    #[test]
    fn a_camel_case_state_part_ends_the_name() {
        assert!(!from_names("anchor anchorWithStickyNavbar_LWe7").has(Hint::Nav));
        assert!(from_names("pageHeaderWithLabel").has(Hint::Header));
        assert!(from_names("mainNavbar").has(Hint::Nav));
        assert!(from_names("navWithout").has(Hint::Nav));
    }

    #[test]
    fn only_side_rails_are_sidebars() {
        assert!(from_names("right_rail").has(Hint::Sidebar));
        assert!(!from_names("center_rail").has(Hint::Sidebar));
    }

    /// [`PATTERNS`] read directly, one search per pattern: what [`Matcher`] must agree with.
    fn from_names_directly(value: &str) -> Hints {
        let mut hints = Hints::NONE;
        for name in value.to_ascii_lowercase().split_ascii_whitespace() {
            if is_taxonomy_term(name) {
                continue;
            }
            let joined: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
            let tokens: Vec<&str> = name.split(|c: char| !c.is_ascii_alphanumeric()).collect();
            for (pattern, hint) in PATTERNS {
                let hit = match pattern {
                    Match::Name(t) => name == *t,
                    Match::Token(t) => tokens.contains(t),
                    Match::Last(t) => tokens.iter().rev().find(|p| !p.is_empty()) == Some(t),
                    Match::Within(t) => joined.contains(t),
                };
                if hit
                    && !(*hint == Hint::Social && is_follow_up(joined.as_bytes()))
                    && !(*hint == Hint::Nav && names_navy(name))
                {
                    hints.insert(*hint);
                }
            }
        }
        hints
    }

    #[test]
    fn the_index_agrees_with_the_table() {
        let words: Vec<&str> = PATTERNS
            .iter()
            .map(|(p, _)| match p {
                Match::Name(t) | Match::Token(t) | Match::Last(t) | Match::Within(t) => *t,
            })
            .chain(["x", "é", "Top", "", "9"])
            .collect();
        for a in &words {
            for b in &words {
                for sep in ["", "-", "_", " ", "é"] {
                    let value = format!("{a}{sep}{b}");
                    assert_eq!(from_names(&value), from_names_directly(&value), "{value}");
                    let upper = value.to_uppercase();
                    assert_eq!(from_names(&upper), from_names_directly(&upper), "{upper}");
                }
            }
        }
    }

    #[test]
    fn remembered_names_give_the_same_hints() {
        let mut cache: HintCache<()> = HintCache::default();
        let values = [
            "share-bar nav",
            "nav share-bar",
            "Nav tag-news",
            "tag-news",
            "AD header",
            "header ad",
            "header",
            "NAV Share-Bar",
            "anchorWithStickyNavbar_x nav",
            "anchorwithstickynavbar_x",
        ];
        for value in values.iter().chain(&values) {
            assert_eq!(cache.names(value).0, from_names(value), "{value}");
            assert_eq!(cache.id(value), from_id(value), "{value}");
        }
    }

    #[test]
    fn layout_states_name_no_role() {
        let h = from_names("interior-content-has-sidebar has-sidebar");
        assert_eq!(h, Hints::of(Hint::Content));
        assert_eq!(from_names("no-comments with-header"), Hints::NONE);
        assert_eq!(from_names("inline-and-sidebar-container"), Hints::NONE);
        assert!(from_names("sidebar-widget").has(Hint::Sidebar));
        assert_eq!(from_names("café-with-sidebar"), Hints::NONE);
        assert!(from_names("ünïcode-nav-and-more").has(Hint::Nav));
    }

    #[test]
    fn display_lists_names() {
        let mut h = Hints::of(Hint::Nav);
        h.insert(Hint::Tag);
        assert_eq!(h.to_string(), "nav,tag");
        assert_eq!(Hints::NONE.to_string(), "-");
    }
}
