//! Text accumulation and word counting shared by the segmenter and the features.

use crate::tuning::CJK_CHARS_PER_WORD;

/// Characters that render as nothing and would glue or split words wrongly: soft hyphen,
/// zero-width space, word joiner, byte order mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// An ASCII byte that [`TextBuffer::push_text`] keeps as it is outside `pre`: neither
/// whitespace nor a dropped control (NUL, carriage return).
fn is_printable_ascii(b: u8) -> bool {
    PRINTABLE_ASCII[usize::from(b)]
}

/// How many of eight bytes (`w`, little-endian: the first byte lowest) go on with a run
/// that [`TextBuffer::push_text`] copies whole, from the first: printable ASCII bytes, and
/// spaces each followed by a printable byte among the eight (a space in the last byte is
/// left to the byte-wise test, which sees the byte after it). Eight bytes are tested with
/// a few word operations, where the byte-wise loop takes as many per byte.
fn printable_run_len(w: u64) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // High bit of each byte that is not ASCII.
    let not_ascii = w & HIGH;
    // Of each ASCII byte below 0x20 (the other controls and whitespace): adding 0x60
    // to its low seven bits leaves the high bit clear, and no carry crosses bytes.
    let control = !((w & LOW) + 0x6060_6060_6060_6060) & HIGH;
    // Of each space: the byte zero once XORed with 0x20.
    let x = w ^ 0x2020_2020_2020_2020;
    let space = !(((x & LOW) + LOW) | x) & HIGH;
    let unprintable = not_ascii | control | space;
    // A space ends the run where the next byte is no printable one, or is not among the eight.
    let space_ends = space & ((unprintable >> 8) | (1 << 63));
    let ends = not_ascii | control | space_ends;
    (ends.trailing_zeros() / 8) as usize
}

/// [`is_printable_ascii`] of each byte, looked up: it is asked of every byte of a page's text.
const PRINTABLE_ASCII: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = !matches!(b as u8, b'\0' | b'\r' | b'\t' | b'\n' | 0x0B | 0x0C | b' ');
        b += 1;
    }
    table
};

/// Whitespace as a reader sees it, including the non-breaking space.
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// What an inline span of a block's text is: the markup that the Markdown and HTML
/// renderers put back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Mark {
    /// `<em>`, `<i>`.
    Emphasis,
    /// `<strong>`, `<b>`.
    Strong,
    /// `<code>`, `<kbd>`, `<samp>` outside `<pre>`.
    Code,
    /// `<a href>`: the target as written in the page (resolved when rendered).
    Link(Box<str>),
    /// `<img>`: an empty span where the image stands.
    Image {
        /// The source as written in the page.
        src: Box<str>,
        /// The alternative text.
        alt: Box<str>,
    },
}

/// A marked range of a block's text, in bytes. Spans nest as the elements they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte (equal to `start` for an image).
    pub end: u32,
    /// The markup.
    pub mark: Mark,
}

/// The text of one block while it is being walked: whitespace folded as a browser does,
/// with the inline spans that mark parts of it.
#[derive(Debug, Default)]
pub(crate) struct TextBuffer {
    text: String,
    pending_space: bool,
    spans: Vec<Span>,
    /// Spans opened and not yet closed, innermost last (indices into `spans`).
    open: Vec<usize>,
    /// Images of blocks that had no text, for [`TextBuffer::take_orphans`].
    orphans: Vec<Mark>,
    /// Offsets where an inline element starts or ends, for [`TextBuffer::take_edges`].
    edges: Vec<u32>,
    /// The edges inside the text last taken, in its bytes.
    taken_edges: Vec<u32>,
}

impl TextBuffer {
    /// Append a text node. Outside `pre`, runs of whitespace fold to one space and
    /// non-breaking spaces become spaces; inside, text is kept verbatim.
    pub fn push_text(&mut self, text: &str, pre: bool) {
        self.text.reserve(text.len());
        if pre {
            for c in text.chars() {
                if !(is_invisible(c) || c == '\0' || c == '\r') {
                    self.text.push(if c == '\u{00A0}' { ' ' } else { c });
                }
            }
            return;
        }
        // Runs of printable ASCII (most of any page's text) are copied whole, on across a
        // single space between two of them (it folds to itself); other bytes go one by one.
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if is_printable_ascii(b) {
                let start = i;
                i += 1;
                loop {
                    // Eight bytes at a time while they all go on with the run.
                    while let Some(eight) = bytes.get(i..i + 8).and_then(|b| b.try_into().ok()) {
                        let len = printable_run_len(u64::from_le_bytes(eight));
                        i += len;
                        if len < 8 {
                            break;
                        }
                    }
                    match bytes.get(i) {
                        Some(&b) if is_printable_ascii(b) => i += 1,
                        Some(b' ') if bytes.get(i + 1).is_some_and(|&b| is_printable_ascii(b)) => {
                            i += 2
                        }
                        _ => break,
                    }
                }
                self.before_word();
                // Both ends are ASCII bytes, so character boundaries.
                self.text.push_str(text.get(start..i).unwrap_or_default());
                continue;
            }
            // ASCII whitespace and the dropped controls, as the `char` path below treats
            // them, without decoding one; a run of them at once (the indentation between
            // tags makes most of a page's text nodes).
            if b.is_ascii() {
                let run = bytes[i..]
                    .iter()
                    .take_while(|&&b| b.is_ascii() && !is_printable_ascii(b))
                    .count();
                if bytes[i..i + run]
                    .iter()
                    .any(|&b| !matches!(b, b'\0' | b'\r'))
                {
                    self.pending_space = true;
                }
                i += run;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            if is_invisible(c) || c == '\0' || c == '\r' {
                continue;
            }
            if is_space(c) {
                self.pending_space = true;
            } else {
                self.before_word();
                self.text.push(c);
            }
        }
    }

    /// Before a character that is not whitespace: the pending space, unless the text is
    /// empty or already ends with a space or a line break.
    fn before_word(&mut self) {
        if self.pending_space && !matches!(self.text.as_bytes().last(), None | Some(b' ' | b'\n')) {
            self.text.push(' ');
        }
        self.pending_space = false;
    }

    /// A `<br>`: a line break inside the block. Returns `false` when there is no line to
    /// end (the block is empty or already ends with a break): a second `<br>` in a row ends
    /// the paragraph instead, as old CMSs write paragraphs with `<br><br>`.
    pub fn line_break(&mut self) -> bool {
        if self.text.is_empty() || self.text.ends_with('\n') {
            return false;
        }
        self.text.push('\n');
        self.pending_space = false;
        true
    }

    /// Open a span of `mark` at the current end of the text; [`TextBuffer::close`] ends the
    /// most recently opened one. Returns `false`, opening nothing, when a span of the same
    /// mark is open already (`<strong><strong>`): a span inside its like marks nothing.
    pub fn open(&mut self, mark: Mark) -> bool {
        if self
            .open
            .iter()
            .any(|&i| self.spans.get(i).is_some_and(|s| s.mark == mark))
        {
            return false;
        }
        let at = self.text.len() as u32;
        // `<b>trend</b><b>s</b>`: a span of the same mark that ended right here goes on.
        // Only when every open span was opened before it, so spans still nest.
        let ended_here = self
            .spans
            .iter()
            .enumerate()
            .rev()
            .take_while(|(i, s)| s.end == at && !self.open.contains(i))
            .find(|(_, s)| s.mark == mark)
            .map(|(i, _)| i)
            .filter(|i| self.open.iter().all(|o| o < i));
        if let Some(index) = ended_here {
            self.open.push(index);
            return true;
        }
        self.open.push(self.spans.len());
        self.spans.push(Span {
            start: at,
            end: at,
            mark,
        });
        true
    }

    /// Close the innermost open span.
    pub fn close(&mut self) {
        if let Some(index) = self.open.pop()
            && let Some(span) = self.spans.get_mut(index)
        {
            span.end = self.text.len() as u32;
        }
    }

    /// An empty span (an image) at the current end of the text. A pending space is
    /// written first, so the image keeps its place between two words.
    pub fn point(&mut self, mark: Mark) {
        if self.pending_space && !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push(' ');
            self.pending_space = false;
        }
        let at = self.text.len() as u32;
        self.spans.push(Span {
            start: at,
            end: at,
            mark,
        });
    }

    /// A separation between words that is not in the text: a replaced element such as an
    /// image or a form control stands there, and the words on either side stay apart.
    pub fn space(&mut self) {
        self.pending_space = true;
    }

    /// An inline element starts or ends here: text on either side may be glued without a
    /// space ("By Jane Doe" and "April 3, 2024" in two `<span>`s) and still be two parts.
    pub fn edge(&mut self) {
        let at = self.text.len() as u32;
        if self.edges.last() != Some(&at) {
            self.edges.push(at);
        }
    }

    /// The element edges inside the text of the last [`TextBuffer::take_marked`], as byte
    /// offsets into that text, in order.
    pub fn taken_edges(&self) -> &[u32] {
        &self.taken_edges
    }

    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// The text written since byte `start`.
    pub fn since(&self, start: usize) -> &str {
        self.text.get(start..).unwrap_or("")
    }

    /// Take the text out, trimmed; `None` when there is no visible character.
    pub fn take(&mut self) -> Option<String> {
        self.take_marked().map(|(text, _)| text)
    }

    /// Take the text out, trimmed, with its spans: each span shrunk to the visible
    /// characters it covers (empty ones dropped, images kept). Spans still open go on in
    /// the next block: a link around a whole teaser card marks every block inside it.
    /// `None`, and no spans, when there is no visible character.
    pub fn take_marked(&mut self) -> Option<(String, Vec<Span>)> {
        self.pending_space = false;
        // Nothing written and no span: what the general path below would leave, without
        // its moves (most calls, from block elements that close without text of their own).
        if self.text.is_empty() && self.spans.is_empty() && self.open.is_empty() {
            self.edges.clear();
            self.taken_edges.clear();
            return None;
        }
        let mut spans = std::mem::take(&mut self.spans);
        let full_len = self.text.len() as u32;
        for (new_index, old) in self.open.iter_mut().enumerate() {
            if let Some(span) = spans.get_mut(*old) {
                span.end = full_len;
                self.spans.push(Span {
                    start: 0,
                    end: 0,
                    mark: span.mark.clone(),
                });
            }
            *old = new_index;
        }
        let trimmed_end = self.text.trim_end().len();
        let leading = trimmed_end - self.text[..trimmed_end].trim_start().len();
        self.taken_edges.clear();
        self.taken_edges.extend(
            self.edges
                .drain(..)
                .filter(|&at| at as usize > leading && (at as usize) < trimmed_end)
                .map(|at| at - leading as u32),
        );
        // Copied out at its size: the buffer keeps its capacity for the next block,
        // which then grows it seldom.
        let text = self.text[leading..trimmed_end].to_string();
        self.text.clear();
        if text.is_empty() {
            self.orphans.extend(
                spans
                    .into_iter()
                    .filter(|s| matches!(s.mark, Mark::Image { .. }))
                    .map(|s| s.mark),
            );
            return None;
        }
        spans.retain_mut(|span| fit_span(span, leading as u32, trimmed_end as u32, &text));
        Some((text, spans))
    }
}

impl TextBuffer {
    /// The images of the blocks taken empty since the last call: a figure without a
    /// caption stands between two paragraphs with no text of its own.
    pub fn take_orphans(&mut self) -> Vec<Mark> {
        std::mem::take(&mut self.orphans)
    }
}

/// Move `span` from the untrimmed text to `text` (the bytes `[leading, trimmed_end)` of
/// it) and shrink it to its visible characters. Returns whether it is worth keeping: an
/// image always is, another span only when it covers some text.
fn fit_span(span: &mut Span, leading: u32, trimmed_end: u32, text: &str) -> bool {
    let clamp = |at: u32| at.clamp(leading, trimmed_end) - leading;
    let mut start = clamp(span.start) as usize;
    let mut end = clamp(span.end) as usize;
    if matches!(span.mark, Mark::Image { .. }) {
        span.start = start as u32;
        span.end = start as u32;
        return true;
    }
    let inner = text.get(start..end).unwrap_or("");
    start += inner.len() - inner.trim_start().len();
    end -= inner.len() - inner.trim_end().len();
    span.start = start as u32;
    span.end = end.max(start) as u32;
    end > start
}

/// Bytes of text that [`with_ascii_lowercase`] lowercases on the stack; longer texts are
/// copied to the heap.
const LOWER_STACK_BYTES: usize = 160;

/// `f` of `text` ASCII-lowercased, without a heap copy when `text` is short.
pub(crate) fn with_ascii_lowercase<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; LOWER_STACK_BYTES];
    if let Some(lower) = buffer.get_mut(..text.len()) {
        lower.copy_from_slice(text.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII lowercasing keeps UTF-8 valid: the error arm is never taken.
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&text.to_ascii_lowercase())
}

/// `f` of `text` lowercased (`str::to_lowercase`), without a heap copy when `text` is short
/// and ASCII.
pub(crate) fn with_lowercase<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    if text.is_ascii() {
        with_ascii_lowercase(text, f)
    } else {
        f(&text.to_lowercase())
    }
}

/// Whether `c` is written without spaces between words (Han, Kana, Hangul syllables).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}' // CJK Extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK Unified Ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK Compatibility Ideographs
        | '\u{AC00}'..='\u{D7AF}' // Hangul syllables
        | '\u{20000}'..='\u{2FA1F}')
}

/// Words in `text`: whitespace-separated tokens holding a letter or digit, where each
/// [`CJK_CHARS_PER_WORD`] Han, Kana or Hangul characters count as one more word.
pub(crate) fn count_words(text: &str) -> u32 {
    count_words_and_chars(text).0
}

/// [`count_words`], and the characters that are not whitespace, in one pass.
pub(crate) fn count_words_and_chars(text: &str) -> (u32, u32) {
    let mut words = 0u32;
    let mut cjk = 0u32;
    let mut chars = 0u32;
    // Whether the token read so far holds a letter or digit.
    let mut alnum = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII (most of any text) a byte at a time, classed by one table look-up; other
        // characters decoded.
        let (space, letter) = if let Some(&class) = ASCII_CLASS.get(usize::from(b)) {
            i += 1;
            (class == ASCII_SPACE, class == ASCII_ALNUM)
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            let cjk_char = is_cjk(c);
            cjk += u32::from(cjk_char);
            (c.is_whitespace(), !cjk_char && c.is_alphanumeric())
        };
        if space {
            words += u32::from(alnum);
            alnum = false;
        } else {
            chars += 1;
            alnum |= letter;
        }
    }
    (
        words + u32::from(alnum) + cjk.div_ceil(CJK_CHARS_PER_WORD),
        chars,
    )
}

/// [`ASCII_CLASS`] of whitespace (as `char::is_whitespace` has it).
const ASCII_SPACE: u8 = 1;
/// [`ASCII_CLASS`] of letters and digits.
const ASCII_ALNUM: u8 = 2;

/// The class of each ASCII byte for [`count_words_and_chars`]: [`ASCII_SPACE`],
/// [`ASCII_ALNUM`], else 0.
const ASCII_CLASS: [u8; 128] = {
    let mut class = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if matches!(c, b' ' | b'\t'..=b'\r') {
            ASCII_SPACE
        } else if c.is_ascii_alphanumeric() {
            ASCII_ALNUM
        } else {
            0
        };
        b += 1;
    }
    class
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_lowercase_on_the_stack_or_the_heap() {
        assert_eq!(with_ascii_lowercase("Été MAY", str::to_string), "Été may");
        let long = "AB".repeat(LOWER_STACK_BYTES);
        assert_eq!(
            with_ascii_lowercase(&long, str::to_string),
            "ab".repeat(LOWER_STACK_BYTES)
        );
    }

    #[test]
    fn ascii_classes_are_the_char_tests() {
        for b in 0..=127u8 {
            let c = char::from(b);
            let class = ASCII_CLASS[usize::from(b)];
            assert_eq!(class == ASCII_SPACE, c.is_whitespace(), "{b}");
            assert_eq!(class == ASCII_ALNUM, c.is_alphanumeric(), "{b}");
        }
        assert_eq!(
            count_words_and_chars(" a,b \u{3000}é 漢字漢字漢字 ! "),
            (5, 11)
        );
    }

    #[test]
    fn printable_ascii_is_what_the_char_path_keeps_as_is() {
        for b in 0..=255u8 {
            let c = char::from(b);
            let kept = b.is_ascii() && !(is_invisible(c) || c == '\0' || c == '\r' || is_space(c));
            assert_eq!(is_printable_ascii(b), kept, "{b}");
        }
        let mut buffer = TextBuffer::default();
        buffer.push_text(" a\r\n b\u{00A0}é\u{00AD}c  d\x0B", false);
        assert_eq!(buffer.take().as_deref(), Some("a b éc d"));
        // Runs over single spaces, ending at a space that ends the node or one of several.
        buffer.push_text("one two ", false);
        buffer.push_text("three  four \n five x", false);
        buffer.push_text(" y", false);
        assert_eq!(
            buffer.take().as_deref(),
            Some("one two three four five x y")
        );
    }

    #[test]
    fn runs_read_eight_bytes_at_a_time_keep_every_character() {
        // Whole texts against the same texts a character per call (never eight bytes at
        // once): pieces that start, end and break runs at every offset.
        let pieces = [
            "a", "Z", "~", "\x7f", " ", "  ", "\n", "\t", "\r", "\0", "\x0b", "\x01", "é",
            "\u{a0}", "\u{ad}", "漢", "word", "x y",
        ];
        let mut seed = 1u32;
        for _ in 0..2000 {
            let mut text = String::new();
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            for _ in 0..(seed >> 16) % 40 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                text.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            let mut whole = TextBuffer::default();
            whole.push_text(&text, false);
            let mut by_char = TextBuffer::default();
            for c in text.chars() {
                by_char.push_text(c.encode_utf8(&mut [0; 4]), false);
            }
            assert_eq!(whole.take(), by_char.take(), "{text:?}");
        }
        let eight = |s: &[u8; 8]| printable_run_len(u64::from_le_bytes(*s));
        assert_eq!(eight(b"abcdefgh"), 8);
        assert_eq!(eight(b"ab cd ef"), 8);
        assert_eq!(eight(b"abcdefg "), 7);
        assert_eq!(eight(b"ab  cdef"), 2);
        assert_eq!(eight(b"ab\ncdefg"), 2);
        assert_eq!(eight(&[b'a', 0xC3, 0xA9, b'b', b'c', b'd', b'e', b'f']), 1);
        assert_eq!(eight(b"\x7f~!abcd\r"), 7);
    }

    #[test]
    fn whitespace_folds_across_nodes() {
        let mut b = TextBuffer::default();
        b.push_text("  Hello\n\t", false);
        b.push_text("\u{00A0}world ", false);
        b.push_text("again", false);
        assert_eq!(b.take().as_deref(), Some("Hello world again"));
        assert_eq!(b.take(), None);
    }

    #[test]
    fn one_break_ends_a_line_two_end_the_paragraph() {
        let mut b = TextBuffer::default();
        b.push_text("Ready", false);
        assert!(b.line_break());
        b.push_text(" Create ", false);
        assert!(b.line_break());
        assert!(!b.line_break());
        assert_eq!(b.take().as_deref(), Some("Ready\nCreate"));
        assert!(!b.line_break());
    }

    #[test]
    fn spans_shrink_to_their_words_and_follow_the_trim() {
        let mut b = TextBuffer::default();
        b.push_text("  Read ", false);
        b.open(Mark::Emphasis);
        b.push_text(" the ", false);
        b.open(Mark::Link("/guide".into()));
        b.push_text("guide ", false);
        b.close();
        b.close();
        b.open(Mark::Strong);
        b.push_text("   ", false);
        b.close();
        b.push_text("now.", false);
        let (text, spans) = b.take_marked().unwrap();
        assert_eq!(text, "Read the guide now.");
        let marked: Vec<&str> = spans
            .iter()
            .map(|s| &text[s.start as usize..s.end as usize])
            .collect();
        assert_eq!(marked, ["the guide", "guide"]);
    }

    #[test]
    fn a_span_open_across_a_block_boundary_goes_on_in_the_next_block() {
        let mut b = TextBuffer::default();
        b.open(Mark::Link("/story".into()));
        b.push_text("Headline", false);
        let (_, first) = b.take_marked().unwrap();
        b.push_text("Teaser text", false);
        b.close();
        b.push_text(" more", false);
        let (text, second) = b.take_marked().unwrap();
        assert_eq!((first[0].start, first[0].end), (0, 8));
        assert_eq!(text, "Teaser text more");
        assert_eq!((second[0].start, second[0].end), (0, 11));
        assert_eq!(second[0].mark, Mark::Link("/story".into()));
    }

    #[test]
    fn adjacent_spans_of_one_mark_merge() {
        let mut b = TextBuffer::default();
        for part in ["trend", "s"] {
            b.open(Mark::Strong);
            b.push_text(part, false);
            b.close();
        }
        let (_, spans) = b.take_marked().unwrap();
        assert_eq!(spans.len(), 1);
        assert_eq!((spans[0].start, spans[0].end), (0, 6));
    }

    #[test]
    fn an_image_keeps_its_place_between_words() {
        let mut b = TextBuffer::default();
        b.push_text("before ", false);
        b.point(Mark::Image {
            src: "a.png".into(),
            alt: "A".into(),
        });
        b.push_text(" after", false);
        let (text, spans) = b.take_marked().unwrap();
        assert_eq!(text, "before after");
        assert_eq!(spans[0].start, 7);
    }

    #[test]
    fn invisible_characters_are_dropped() {
        let mut b = TextBuffer::default();
        b.push_text("co\u{00AD}operate\u{200B}", false);
        assert_eq!(b.take().as_deref(), Some("cooperate"));
    }

    #[test]
    fn preformatted_text_keeps_its_lines() {
        let mut b = TextBuffer::default();
        b.push_text("\nfn main() {\n    run();\n}\n", true);
        assert_eq!(b.take().as_deref(), Some("fn main() {\n    run();\n}"));
    }

    #[test]
    fn words_count_cjk_by_pairs() {
        assert_eq!(count_words("one two, three — 4"), 4);
        assert_eq!(count_words("这是一个测试"), 3);
        assert_eq!(count_words("| • |"), 0);
    }
}
