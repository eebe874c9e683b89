//! Text accumulation and word counting shared by the segmenter and the features.

use crate::tuning::CJK_CHARS_PER_WORD;

/// Characters that render as nothing and would glue or split words wrongly: soft hyphen,
/// zero-width space, word joiner, byte order mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Whitespace as a reader sees it, including the non-breaking space.
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The text of one block while it is being walked: whitespace folded as a browser does.
#[derive(Debug, Default)]
pub(crate) struct TextBuffer {
    text: String,
    pending_space: bool,
}

impl TextBuffer {
    /// Append a text node. Outside `pre`, runs of whitespace fold to one space and
    /// non-breaking spaces become spaces; inside, text is kept verbatim.
    pub fn push_text(&mut self, text: &str, pre: bool) {
        self.text.reserve(text.len());
        for c in text.chars() {
            if is_invisible(c) || c == '\0' || c == '\r' {
                continue;
            }
            if pre {
                self.text.push(if c == '\u{00A0}' { ' ' } else { c });
            } else if is_space(c) {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.text.is_empty() && !self.text.ends_with('\n') {
                    self.text.push(' ');
                }
                self.pending_space = false;
                self.text.push(c);
            }
        }
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
        self.pending_space = false;
        let mut text = std::mem::take(&mut self.text);
        let trimmed_end = text.trim_end().len();
        text.truncate(trimmed_end);
        let leading = text.len() - text.trim_start().len();
        if leading > 0 {
            text.drain(..leading);
        }
        if text.is_empty() { None } else { Some(text) }
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
    let mut words = 0u32;
    let mut cjk = 0u32;
    // Whether the token read so far holds a letter or digit.
    let mut alnum = false;
    for c in text.chars() {
        if c.is_whitespace() {
            words += u32::from(alnum);
            alnum = false;
        } else if c.is_ascii() {
            alnum |= c.is_ascii_alphanumeric();
        } else if is_cjk(c) {
            cjk += 1;
        } else {
            alnum |= c.is_alphanumeric();
        }
    }
    words + u32::from(alnum) + cjk.div_ceil(CJK_CHARS_PER_WORD)
}

#[cfg(test)]
mod tests {
    use super::*;

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
