//! Pure functions from a block's raw counts to the features the classifier reads.

use std::sync::LazyLock;

use aho_corasick::Span;
use aho_corasick::packed;

use crate::block::Block;
use crate::patterns::Patterns;
use crate::text::{TextCounts, is_sentence_mark, with_ascii_lowercase};
use crate::tuning::{MAX_CREDIT_WORDS, MAX_DATELINE_WORDS, REFERENCE_MARK_CHARS};

/// What the classifier knows about one block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Features {
    /// Words in the block.
    pub words: u32,
    /// Words inside links divided by words (0 for an empty block).
    pub link_density: f32,
    /// Words per line when the text is wrapped at [`crate::tuning::WRAP_COLUMNS`] columns,
    /// last line excluded when there is more than one (boilerpipe's text density).
    pub text_density: f32,
    /// Sentence-ending punctuation marks (`.`, `!`, `?` and their CJK and Arabic forms).
    pub sentence_marks: u32,
    /// Commas (Latin, CJK, Arabic).
    pub commas: u32,
    /// Whether the text ends like a sentence (punctuation, possibly before a closing quote).
    pub ends_sentence: bool,
    /// Whether the text ends in a colon or a comma, leading in to what follows ("Dear all,",
    /// "You will need:").
    pub leads_in: bool,
    /// Where the block sits in the page, 0 (first) to 1 (last).
    pub position: f32,
    /// Whether the block reads as a photo credit or copyright line (`©`, `Photo:`, `Credit:`).
    pub credit: bool,
    /// Whether the block is only a date or time ("07:42 GMT 12 July 2020", "Sunday, 9 June
    /// 2019", "Posted: 08/09/2012 4:03 pm").
    pub dateline: bool,
    /// Whether the text holds a digit (of any script): dates, times, counts, prices.
    pub digits: bool,
    /// Distinct site-notice terms in the text ("cookies", "privacy policy", "newsletter"...):
    /// cookie banners, newsletter boxes and paywalls written as prose.
    pub notice_terms: u32,
}

/// The features of every block of a page, in order.
pub(crate) fn page_features(blocks: &[Block]) -> Vec<Features> {
    let mut lower = Vec::new();
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| features_in(b, i, blocks.len(), &mut lower))
        .collect()
}

/// Compute the features of block `index` of `count`.
pub fn features(block: &Block, index: usize, count: usize) -> Features {
    features_in(block, index, count, &mut Vec::new())
}

/// [`features`], with a buffer for the lowercase text reused from block to block.
fn features_in(block: &Block, index: usize, count: usize, lower: &mut Vec<u8>) -> Features {
    let text = block.text.as_str();
    let shape = block.shape;
    Features {
        words: block.words,
        link_density: link_density(block.words, block.link_words),
        text_density: shape.text_density,
        sentence_marks: shape.sentence_marks,
        commas: shape.commas,
        ends_sentence: ends_sentence(text),
        leads_in: text.trim_end().ends_with([':', '：', ',', '，']),
        position: if count > 1 {
            index as f32 / (count - 1) as f32
        } else {
            0.0
        },
        credit: is_credit(text, block.words),
        notice_terms: notice_terms_in(text, lower),
        dateline: is_dateline(text),
        digits: shape.digits,
    }
}

/// Weekday names (English, full and abbreviated), lowercase; months are
/// [`crate::metadata::month`]'s.
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Words that may stand around a date in a dateline, lowercase.
const DATELINE_WORDS: &[&str] = &[
    "posted",
    "published",
    "updated",
    "last",
    "modified",
    "on",
    "at",
    "am",
    "pm",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "est",
    "edt",
    "pst",
    "pdt",
    "jst",
    "et",
    "pt",
    "of",
    "the",
    "st",
    "nd",
    "rd",
    "th",
];

/// Whether `text` is nothing but a date or time with its usual companions: every word a
/// number, a month or weekday name, or a dateline word, with a year or a month name in it.
pub fn is_dateline(text: &str) -> bool {
    // Most blocks open with a word no date line has ("Home", "The"): the first word is
    // tested first, and an ASCII one without lowercasing the text (anything but a letter
    // or digit lowercases to itself, a test checks every character, so its lowercase is
    // the lowercase text's first word).
    match text
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
    {
        None => return false,
        Some(first) if first.is_ascii() && with_ascii_lowercase(first, dateline_word).is_none() => {
            return false;
        }
        Some(_) => {}
    }
    // Lowercasing never joins two runs of letters and digits nor empties one (a test checks
    // every character), so a text with too many runs has too many words: most blocks stop
    // here, before the lowercase copy. The runs are counted in one pass over the
    // characters, ASCII ones without the Unicode tables.
    let mut runs = 0;
    let mut in_run = false;
    for c in text.chars() {
        let alnum = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if alnum && !in_run {
            runs += 1;
            if runs > MAX_DATELINE_WORDS {
                return false;
            }
        }
        in_run = alnum;
    }
    // The words are read as they come, not collected: most blocks stop at their first.
    let lower = text.to_lowercase();
    let words = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let mut anchored = false;
    let mut count = 0;
    for w in words {
        count += 1;
        if count > MAX_DATELINE_WORDS {
            return false;
        }
        let Some(anchor) = dateline_word(w) else {
            return false;
        };
        anchored |= anchor;
    }
    count > 0 && anchored
}

/// Whether the lowercase word `w` may stand in a dateline (a number, an ordinal, a month
/// or weekday name, a [`DATELINE_WORDS`] word), and then whether it anchors one as a
/// date (a year, a month name longer than its abbreviation).
fn dateline_word(w: &str) -> Option<bool> {
    let number = w.chars().all(|c| c.is_ascii_digit());
    let year = number && w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
    let ordinal = w.len() <= 4
        && w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s));
    let month = crate::metadata::month(w).is_some();
    // The weekday names and the dateline words, indexed by first byte.
    static OTHERS: LazyLock<Patterns<()>> =
        LazyLock::new(|| Patterns::new(WEEKDAYS.iter().chain(DATELINE_WORDS).map(|w| (*w, ()))));
    let mut other = false;
    OTHERS.each_equal(w.as_bytes(), |()| other = true);
    (number || ordinal || month || other).then_some(year || (month && w.len() > 3))
}

/// Terms of site notices (consent, subscription, legal), lowercase. A paragraph using
/// several of them is a banner or a box, not the article.
const NOTICE_TERMS: &[&str] = &[
    "cookie",
    "consent",
    "privacy policy",
    "privacy statement",
    "newsletter",
    "subscribe",
    "subscription",
    "sign up",
    "inbox",
    "unsubscribe",
    "all rights reserved",
    "terms of use",
    "terms of service",
    "javascript",
    "your browser",
    "personal data",
    "partners",
    "datenschutz",
    // A blog theme's line under the post (WordPress: "This entry was posted in News.
    // Bookmark the permalink.", "... is filed under News. You can follow any responses to
    // this entry through the RSS 2.0 feed.")
    "this entry was posted",
    "is filed under",
    "bookmark the permalink",
    "responses to this entry",
    "rss 2.0",
    "trackback",
];

// `notice_terms` keeps one bit per term.
const _: () = assert!(NOTICE_TERMS.len() <= 64);

/// How many distinct [`NOTICE_TERMS`] `text` contains.
pub fn notice_terms(text: &str) -> u32 {
    notice_terms_in(text, &mut Vec::new())
}

/// The searcher of [`NOTICE_TERMS`] (leftmost-first; `None` only for an empty list or one of
/// over a hundred terms, which a test rules out).
static NOTICE_SEARCHER: LazyLock<Option<packed::Searcher>> = LazyLock::new(|| {
    packed::Config::new()
        .match_kind(packed::MatchKind::LeftmostFirst)
        .builder()
        .extend(NOTICE_TERMS)
        .build()
});

/// [`notice_terms`], lowercasing into `lower` (a buffer reused from block to block).
fn notice_terms_in(text: &str, lower: &mut Vec<u8>) -> u32 {
    // The terms are ASCII, and only two characters outside ASCII lowercase to ASCII
    // letters (the Kelvin sign to `k`, `İ` to `i` and a combining dot): without them, ASCII
    // lowercasing finds the same terms as `to_lowercase`, without its per-character cost.
    lower.clear();
    if !text.is_ascii() && text.contains(['\u{212A}', '\u{130}']) {
        lower.extend_from_slice(text.to_lowercase().as_bytes());
    } else {
        lower.extend_from_slice(text.as_bytes());
        lower.make_ascii_lowercase();
    }
    // No term starts another (a test checks it), so at most one matches at a position:
    // searching again from the position after each match's start finds every occurrence.
    let Some(searcher) = NOTICE_SEARCHER.as_ref() else {
        return 0;
    };
    let mut found = 0u64;
    let mut from = 0;
    while let Some(m) = searcher.find_in(&*lower, Span::from(from..lower.len())) {
        found |= 1 << m.pattern().as_usize();
        from = m.start() + 1;
    }
    found.count_ones()
}

/// Words in links over words; 0 when there are no words.
pub fn link_density(words: u32, link_words: u32) -> f32 {
    if words == 0 {
        0.0
    } else {
        link_words.min(words) as f32 / words as f32
    }
}

/// Words per line of `text` wrapped greedily at [`crate::tuning::WRAP_COLUMNS`] columns,
/// without the last line when there are several (a paragraph's last line is short by nature).
pub fn text_density(text: &str) -> f32 {
    TextCounts::of(text).shape.text_density
}

/// Whether the text ends with sentence punctuation, possibly followed by closing quotes or
/// brackets.
pub fn ends_sentence(text: &str) -> bool {
    without_reference_marks(text)
        .chars()
        .rev()
        .find(|c| {
            !matches!(
                c,
                '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」' | '』' | '）'
            )
        })
        .is_some_and(is_sentence_mark)
}

/// `text` without trailing whitespace and the reference marks that follow a sentence in
/// encyclopaedias and papers (`…a museum.[1]`, `…in 1902.[3][4]`, `[citation needed]`), or
/// the full-width parenthesised credit of a CJK article (`…上。（编译/林靖东）`): bracketed
/// groups of at most [`REFERENCE_MARK_CHARS`] characters. ASCII parentheses stay: after an
/// abbreviation they close a label (`10.3 oz. (M)`), not a sentence.
fn without_reference_marks(text: &str) -> &str {
    let mut rest = text.trim_end();
    loop {
        let (inner, open) = if let Some(inner) = rest.strip_suffix(']') {
            (inner, '[')
        } else if let Some(inner) = rest.strip_suffix('）') {
            (inner, '（')
        } else {
            break;
        };
        match inner.rfind(open) {
            Some(at) if inner[at..].chars().count() <= REFERENCE_MARK_CHARS && at > 0 => {
                rest = inner[..at].trim_end();
            }
            _ => break,
        }
    }
    rest
}

/// Words that open a credit line, compared case-insensitively.
const CREDIT_OPENERS: &[&str] = &[
    "©", "(c)", "photo:", "photos:", "image:", "credit:", "credits:", "source:", "foto:",
];

/// Whether a short text is a photo credit or copyright line.
pub fn is_credit(text: &str, words: u32) -> bool {
    if words > MAX_CREDIT_WORDS {
        return false;
    }
    let text = text.trim_start();
    // Most blocks open with a character no opener does: tested before the lowercase copy.
    let first = text.chars().next().and_then(|c| c.to_lowercase().next());
    if !CREDIT_OPENERS.iter().any(|o| o.chars().next() == first) {
        return false;
    }
    // Lowercased as far as an opener reaches, without a copy (no opener holds a sigma,
    // the one letter `str::to_lowercase` lowercases by its context).
    CREDIT_OPENERS.iter().any(|o| {
        let mut lower = text.chars().flat_map(char::to_lowercase);
        o.chars().all(|c| lower.next() == Some(c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn density_of_one_line_is_its_words() {
        assert_eq!(text_density("Listen Live"), 2.0);
        assert_eq!(text_density(""), 0.0);
    }

    #[test]
    fn density_skips_the_last_line() {
        let text = "word ".repeat(40);
        // 16 words of 5 columns fill an 80-column line (16*4 + 15 spaces = 79).
        assert_eq!(text_density(&text), 16.0);
    }

    #[test]
    fn sentences_and_credits() {
        assert!(ends_sentence(
            "\"What are we supposed to do?\" Putin asked."
        ));
        assert!(ends_sentence("He said: \"No.\""));
        assert!(!ends_sentence("Get short URL"));
        assert!(ends_sentence("now a small museum.[1]"));
        assert!(ends_sentence("研究结果发表在《自然》上。（编译/林小东）"));
        assert!(!ends_sentence("10.3 oz. (M)"));
        assert!(ends_sentence("washed away in 1902.[3][4] "));
        assert!(ends_sentence("the station closed.[citation needed]"));
        assert!(!ends_sentence("marked the safe channel[3]"));
        assert!(!ends_sentence("[1]"));
        assert!(!ends_sentence(
            "see the list. [a very long bracketed aside about it]"
        ));
        assert!(is_credit("© Sputnik / Sergey Guneev", 3));
        assert!(is_credit("Photo: Jane Roe/Agency", 3));
        assert!(!is_credit("Photosynthesis is a process", 4));
        assert!(is_credit("PHOTOS: Jane Roe", 3));
        assert!(!is_credit("Pho", 1));
        assert!(!is_credit("(cf. the map)", 3));
    }

    #[test]
    fn datelines_are_dates_and_nothing_else() {
        assert!(is_dateline("07:42 GMT 12 July 2020"));
        assert!(is_dateline("Sunday, 9 June 2019"));
        assert!(is_dateline("Posted: 08/09/2012 4:03 pm"));
        assert!(!is_dateline("May the best team win"));
        assert!(!is_dateline("12 people were hurt in 2020"));
        assert!(!is_dateline("27.1"));
        assert!(!is_dateline("Home 12 July 2020"));
        assert!(is_dateline("JULY 12, 2020"));
        assert!(!is_dateline("— …"));
    }

    #[test]
    fn lowercasing_keeps_runs_of_letters_and_digits_apart() {
        // What `is_dateline`'s early exit relies on: a letter or digit lowercases to text
        // holding one, anything else to text holding something else.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            if c.is_alphanumeric() {
                assert!(lower.any(char::is_alphanumeric), "{c:?}");
            } else {
                // It even lowercases to itself: `is_dateline`'s first-word test.
                assert!(lower.eq([c]), "{c:?}");
            }
        }
    }

    #[test]
    fn only_two_non_ascii_characters_lowercase_to_ascii() {
        // What `notice_terms`' ASCII lowercasing relies on.
        assert!(NOTICE_TERMS.iter().all(|t| t.is_ascii()));
        let to_ascii: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(to_ascii, ['\u{130}', '\u{212A}']);
        assert_eq!(notice_terms("COO\u{212A}IE"), 1);
    }

    #[test]
    fn no_notice_term_starts_another() {
        // What `notice_terms_in`'s search from each match's next position relies on.
        assert!(NOTICE_SEARCHER.is_some());
        for a in NOTICE_TERMS {
            for b in NOTICE_TERMS {
                assert!(a == b || !b.starts_with(a), "{a:?} starts {b:?}");
            }
        }
        // Terms inside terms and overlapping terms are all found.
        assert_eq!(notice_terms("Unsubscribe"), 2);
        assert_eq!(notice_terms("cookieconsent"), 2);
        assert_eq!(notice_terms("x cookie cookie"), 1);
    }

    #[test]
    fn notices_are_counted_by_distinct_terms() {
        let banner = "We use cookies to improve your experience. See our Privacy Policy.";
        assert_eq!(notice_terms(banner), 2);
        assert_eq!(notice_terms("The harbour was dredged in May."), 0);
        // A blog theme's line under the post (dragnet-train R40, R26, R53).
        let filed = "This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is \
                     filed under Robot Art. You can follow any responses to this entry \
                     through the RSS 2.0 feed.";
        assert_eq!(notice_terms(filed), 4);
        let permalink = "This entry was posted in Nikon Lenses. Bookmark the permalink.";
        assert_eq!(notice_terms(permalink), 2);
    }

    #[test]
    fn link_density_is_bounded() {
        assert_eq!(link_density(0, 0), 0.0);
        assert_eq!(link_density(4, 9), 1.0);
        assert_eq!(link_density(4, 1), 0.25);
    }
}
