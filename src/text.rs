//! Text accumulation and word counting shared by the segmenter and the features.

use crate::tuning::{CJK_CHARS_PER_WORD, WRAP_COLUMNS};

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
        let (leading, trimmed_end) = trim_range(&self.text);
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
    let (lead, trimmed_end) = trim_range(inner);
    end -= inner.len() - trimmed_end;
    start += lead;
    span.start = start as u32;
    span.end = end.max(start) as u32;
    end > start
}

/// The bytes of `text` that `str::trim` keeps, as (start, end); `(0, 0)` when it is all
/// whitespace. An end that is an ASCII byte other than whitespace (most: outside `pre`
/// the buffer holds no whitespace but single spaces and line breaks) is kept without
/// decoding a character.
fn trim_range(text: &str) -> (usize, usize) {
    let kept =
        |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r'));
    let bytes = text.as_bytes();
    let end = if kept(bytes.last()) {
        bytes.len()
    } else {
        text.trim_end().len()
    };
    let start = if kept(bytes.first()) {
        0
    } else {
        end - text.get(..end).unwrap_or("").trim_start().len()
    };
    (start, end)
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

/// The first position of `needle` in `haystack`, by byte windows: on the short texts this
/// is asked of (class names, styles, byline lines), a substring searcher's set-up costs more
/// than the scan. Each window's first byte is tested before the comparison, where most
/// windows differ.
pub(crate) fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack
        .windows(needle.len())
        .position(|w| w.first() == needle.first() && w == needle)
}

/// Whether `text` holds `word` (ASCII letters, lowercase) in any ASCII case, found from
/// the places of its first letter (a byte search, as most lines have few of them).
pub(crate) fn holds_ascii_word(text: &str, word: &[u8]) -> bool {
    let Some((&first, rest)) = word.split_first() else {
        return true;
    };
    let bytes = text.as_bytes();
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), bytes).any(|at| {
        bytes
            .get(at + 1..at + word.len())
            .is_some_and(|after| after.eq_ignore_ascii_case(rest))
    })
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
    count::<false>(text).words
}

/// What one pass over a block's text counts: its words and visible characters for the
/// segmenter, and its [`TextShape`] for the features.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct TextCounts {
    /// [`count_words`].
    pub words: u32,
    /// Characters that are not whitespace.
    pub chars: u32,
    /// What the features read of the text.
    pub shape: TextShape,
}

impl TextCounts {
    /// The counts of `text`.
    pub fn of(text: &str) -> TextCounts {
        count::<true>(text)
    }
}

/// What a block's text looks like beyond its words, counted with them for the features.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct TextShape {
    /// Sentence-ending punctuation marks (`.`, `!`, `?` and their CJK and Arabic forms).
    pub sentence_marks: u32,
    /// Commas (Latin, CJK, Arabic).
    pub commas: u32,
    /// Whether a character is numeric (`char::is_numeric`).
    pub digits: bool,
    /// Words per line when the text is wrapped greedily at [`WRAP_COLUMNS`] columns, the
    /// last line left out when there are several (a paragraph's last line is short by
    /// nature): boilerpipe's text density. The words here are all the runs between
    /// whitespace.
    pub text_density: f32,
}

/// The greedy wrapping of [`TextShape::text_density`], a word at a time.
#[derive(Default)]
struct Wrap {
    column: usize,
    lines: u32,
    words: u32,
    last_line_words: u32,
}

impl Wrap {
    /// Place a word of `width` characters (none: nothing to place).
    fn word(&mut self, width: usize) {
        if width == 0 {
            return;
        }
        if self.lines == 0 || self.column + 1 + width > WRAP_COLUMNS {
            self.lines += 1;
            self.column = width;
            self.last_line_words = 1;
        } else {
            self.column += 1 + width;
            self.last_line_words += 1;
        }
        self.words += 1;
    }

    /// Words per line, the last line left out when there are several.
    fn density(&self) -> f32 {
        match self.lines {
            0 => 0.0,
            1 => self.words as f32,
            n => (self.words - self.last_line_words) as f32 / (n - 1) as f32,
        }
    }
}

/// [`TextCounts::of`]; without the [`TextShape`] (left at its default) when `SHAPE` is
/// false, for [`count_words`].
fn count<const SHAPE: bool>(text: &str) -> TextCounts {
    let mut counts = TextCounts::default();
    let mut wrap = Wrap::default();
    let mut cjk = 0u32;
    // The characters of the token read so far, and whether one is a letter or digit.
    let mut width = 0usize;
    let mut alnum = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = BYTE_CLASS[usize::from(b)];
        // A letter (most bytes of any text) only widens its word.
        if class == LETTER {
            i += 1;
            width += 1;
            alnum = true;
            continue;
        }
        // Other ASCII a byte at a time, classed by the table; other characters decoded.
        let space = if class != NOT_ASCII {
            i += 1;
            alnum |= class == DIGIT;
            if SHAPE {
                counts.shape.sentence_marks += u32::from(class == SENTENCE_MARK);
                counts.shape.commas += u32::from(class == COMMA);
                counts.shape.digits |= class == DIGIT;
            }
            class == SPACE
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            let space = c.is_whitespace();
            if !space {
                let cjk_char = is_cjk(c);
                cjk += u32::from(cjk_char);
                alnum |= !cjk_char && c.is_alphanumeric();
                if SHAPE {
                    counts.shape.digits |= c.is_numeric();
                    if is_sentence_mark(c) {
                        counts.shape.sentence_marks += 1;
                    } else if is_comma(c) {
                        counts.shape.commas += 1;
                    }
                }
            }
            space
        };
        if space {
            counts.words += u32::from(alnum);
            alnum = false;
            counts.chars += width as u32;
            if SHAPE {
                wrap.word(width);
            }
            width = 0;
        } else {
            width += 1;
        }
    }
    counts.words += u32::from(alnum) + cjk.div_ceil(CJK_CHARS_PER_WORD);
    counts.chars += width as u32;
    if SHAPE {
        wrap.word(width);
        counts.shape.text_density = wrap.density();
    }
    counts
}

/// Whether `c` ends a sentence: `.`, `!`, `?` and their CJK, Arabic and Devanagari forms.
pub(crate) fn is_sentence_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '؟' | '…' | '।')
}

/// Whether `c` is a comma (Latin, CJK, Arabic).
fn is_comma(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | '،')
}

/// [`BYTE_CLASS`] of whitespace (as `char::is_whitespace` has it).
const SPACE: u8 = 1;
/// [`BYTE_CLASS`] of ASCII letters.
const LETTER: u8 = 2;
/// [`BYTE_CLASS`] of ASCII digits.
const DIGIT: u8 = 3;
/// [`BYTE_CLASS`] of `.`, `!` and `?`.
const SENTENCE_MARK: u8 = 4;
/// [`BYTE_CLASS`] of `,`.
const COMMA: u8 = 5;
/// [`BYTE_CLASS`] of the bytes of characters outside ASCII.
const NOT_ASCII: u8 = 6;

/// The class of each byte for [`count`]: one of the constants above, else 0 (other ASCII).
const BYTE_CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        class[b] = if !c.is_ascii() {
            NOT_ASCII
        } else if matches!(c, b' ' | b'\t'..=b'\r') {
            SPACE
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b'.' | b'!' | b'?') {
            SENTENCE_MARK
        } else if c == b',' {
            COMMA
        } else {
            0
        };
        b += 1;
    }
    class
};

/// Test inputs: `count` strings, each of fewer than `max_pieces` of `pieces`, picked by a
/// fixed linear congruential sequence started at `seed` (the same strings on every run).
#[cfg(test)]
pub(crate) fn generated_texts(
    pieces: &[&str],
    mut seed: u32,
    max_pieces: u32,
    count: usize,
) -> Vec<String> {
    let mut next = || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        seed >> 16
    };
    (0..count)
        .map(|_| {
            let n = next() % max_pieces;
            (0..n)
                .map(|_| pieces[next() as usize % pieces.len()])
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_strings_are_found_at_their_first_place() {
        assert_eq!(find_bytes(b"post-category-news", b"category-"), Some(5));
        assert_eq!(find_bytes(b"cat category-", b"category-"), Some(4));
        assert_eq!(find_bytes(b"followu", b"followup"), None);
        assert_eq!(find_bytes(b"", b"x"), None);
        assert_eq!(find_bytes(b"abc", b""), Some(0));
    }

    #[test]
    fn ascii_words_are_found_in_any_case() {
        assert!(holds_ascii_word("Story BY Jane", b"by"));
        assert!(holds_ascii_word("About the Author", b"author"));
        assert!(holds_ascii_word("Baby", b"by"));
        assert!(!holds_ascii_word("Bob, b", b"by"));
        assert!(!holds_ascii_word("autho", b"author"));
        assert!(!holds_ascii_word("", b"by"));
    }

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
    fn byte_classes_are_the_char_tests() {
        for b in 0..=255u8 {
            let c = char::from(b);
            let class = BYTE_CLASS[usize::from(b)];
            assert_eq!(class == NOT_ASCII, !b.is_ascii(), "{b}");
            if b.is_ascii() {
                assert_eq!(class == SPACE, c.is_whitespace(), "{b}");
                assert_eq!(class == LETTER, c.is_alphabetic(), "{b}");
                assert_eq!(class == DIGIT, c.is_numeric(), "{b}");
                assert_eq!(class == SENTENCE_MARK, is_sentence_mark(c), "{b}");
                assert_eq!(class == COMMA, is_comma(c), "{b}");
            }
        }
        let counts = TextCounts::of(" a,b \u{3000}é 漢字漢字漢字 ! ");
        assert_eq!((counts.words, counts.chars), (5, 11));
        assert_eq!(count_words(" a,b \u{3000}é 漢字漢字漢字 ! "), 5);
    }

    #[test]
    fn text_counts_read_ascii_and_other_characters_alike() {
        // A no-break space and a vertical tab separate words; full-width marks count.
        let counts = TextCounts::of("Yes, it\u{a0}works.\u{b}Does it？ 好、 ok!");
        assert_eq!((counts.words, counts.chars), (7, 24));
        assert_eq!(counts.shape.sentence_marks, 3);
        assert_eq!(counts.shape.commas, 2);
        assert_eq!(counts.shape.text_density, 7.0);
        assert!(!counts.shape.digits);
        assert!(TextCounts::of("page 2").shape.digits);
        assert!(TextCounts::of("part ½").shape.digits);
        assert_eq!(TextCounts::of("  "), TextCounts::default());
        // Without the shape, only the words and characters are counted.
        assert_eq!(
            count::<false>("Yes, 2 of them.").shape,
            TextShape::default()
        );
    }

    /// [`TextCounts::of`] by its definition: whitespace-separated tokens, a character at
    /// a time.
    fn plain_counts(text: &str) -> TextCounts {
        let mut wrap = Wrap::default();
        let (mut words, mut chars, mut cjk) = (0, 0, 0);
        for token in text.split(char::is_whitespace).filter(|t| !t.is_empty()) {
            let width = token.chars().count();
            chars += width as u32;
            wrap.word(width);
            words += u32::from(token.chars().any(|c| !is_cjk(c) && c.is_alphanumeric()));
            cjk += token.chars().filter(|&c| is_cjk(c)).count() as u32;
        }
        TextCounts {
            words: words + cjk.div_ceil(CJK_CHARS_PER_WORD),
            chars,
            shape: TextShape {
                sentence_marks: text.chars().filter(|&c| is_sentence_mark(c)).count() as u32,
                commas: text.chars().filter(|&c| is_comma(c)).count() as u32,
                digits: text.chars().any(char::is_numeric),
                text_density: wrap.density(),
            },
        }
    }

    #[test]
    fn text_counts_are_their_definition() {
        // Words of every length broken by every kind of character, at every offset.
        let pieces = [
            "a",
            "Z",
            "word",
            "Letters",
            "abcdefgh",
            "ABCDEFGHIJ",
            " ",
            "\n",
            "\t",
            "  ",
            ".",
            ",",
            "!",
            "7",
            "42",
            "@",
            "[",
            "`",
            "{",
            "_",
            "-",
            "é",
            "\u{a0}",
            "漢",
            "，",
            "。",
            "½",
            "\u{3000}",
            "x.y",
        ];
        for text in generated_texts(&pieces, 7, 50, 3000) {
            assert_eq!(TextCounts::of(&text), plain_counts(&text), "{text:?}");
            assert_eq!(count_words(&text), plain_counts(&text).words, "{text:?}");
        }
    }

    #[test]
    fn text_counts_wrap_at_the_column() {
        let word = "x".repeat(WRAP_COLUMNS / 2 - 1);
        // Two words fill the first line, the third wraps: the last line is left out.
        let counts = TextCounts::of(&format!("{word} {word} {word}"));
        assert_eq!(counts.shape.text_density, 2.0);
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
    fn trim_range_is_the_str_trim() {
        for text in [
            "",
            " ",
            "a",
            " a b\n",
            "\u{2003}x\u{b}",
            "x\u{a0}",
            "\t\u{3000}",
        ] {
            let (start, end) = trim_range(text);
            assert_eq!(&text[start..end], text.trim(), "{text:?}");
        }
    }

    #[test]
    fn runs_read_eight_bytes_at_a_time_keep_every_character() {
        // Whole texts against the same texts a character per call (never eight bytes at
        // once): pieces that start, end and break runs at every offset.
        let pieces = [
            "a", "Z", "~", "\x7f", " ", "  ", "\n", "\t", "\r", "\0", "\x0b", "\x01", "é",
            "\u{a0}", "\u{ad}", "漢", "word", "x y",
        ];
        for text in generated_texts(&pieces, 1, 40, 2000) {
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
