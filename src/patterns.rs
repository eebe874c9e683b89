//! Several short byte patterns found in one pass over a text.
//!
//! Searching a text once per pattern (`str::contains` in a loop) sets up a substring
//! searcher per pattern and reads the text as many times as there are patterns. Here the
//! patterns are indexed by their first byte, and at each position of the text only those
//! starting with that byte are compared.

use std::ops::ControlFlow;

/// Patterns with a value each, indexed by first byte.
pub(crate) struct Patterns<T> {
    by_first: [Vec<(&'static [u8], T)>; 256],
    /// Per first byte, the set of second bytes its patterns have (256 bits), all bits set
    /// when one of them is a single byte: most positions of a text stop at this test.
    second: [[u64; 4]; 256],
}

impl<T: Copy> Patterns<T> {
    /// Index `patterns` (empty ones are never found).
    pub fn new(patterns: impl IntoIterator<Item = (&'static str, T)>) -> Patterns<T> {
        let mut by_first: [Vec<(&'static [u8], T)>; 256] = std::array::from_fn(|_| Vec::new());
        let mut second = [[0u64; 4]; 256];
        for (pattern, value) in patterns {
            let bytes = pattern.as_bytes();
            if let Some((&first, rest)) = bytes.split_first() {
                by_first[usize::from(first)].push((bytes, value));
                let bits = &mut second[usize::from(first)];
                match rest.first() {
                    Some(&b) => bits[usize::from(b >> 6)] |= 1 << (b & 63),
                    None => *bits = [u64::MAX; 4],
                }
            }
        }
        Patterns { by_first, second }
    }

    /// Whether a pattern may start with `first`, then `next` (`None`: the text ends).
    fn may_start(&self, first: u8, next: Option<u8>) -> bool {
        let bits = &self.second[usize::from(first)];
        match next {
            Some(b) => bits[usize::from(b >> 6)] & (1 << (b & 63)) != 0,
            // Only a single-byte pattern fits at the end.
            None => *bits == [u64::MAX; 4],
        }
    }

    /// Call `found` with the value of every pattern occurrence in `text`, in order of
    /// position (each position: in the order the patterns were given).
    pub fn each_match(&self, text: &[u8], mut found: impl FnMut(T)) {
        self.each_match_at(text, |_, value| found(value));
    }

    /// [`each_match`](Patterns::each_match), with the byte offset where each occurrence
    /// starts.
    pub fn each_match_at(&self, text: &[u8], mut found: impl FnMut(usize, T)) {
        let _ = self.scan(text, |at, value| {
            found(at, value);
            ControlFlow::Continue(())
        });
    }

    /// Whether `text` holds one of the patterns (it stops at the first).
    pub fn any_in(&self, text: &[u8]) -> bool {
        self.scan(text, |_, _| ControlFlow::Break(())).is_break()
    }

    /// Call `found` with the offset and value of each pattern occurrence in `text`, in
    /// order of position, until it breaks.
    fn scan(
        &self,
        text: &[u8],
        mut found: impl FnMut(usize, T) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let mut rest = text;
        while let Some((&first, tail)) = rest.split_first() {
            if !self.may_start(first, tail.first().copied()) {
                rest = tail;
                continue;
            }
            for &(pattern, value) in &self.by_first[usize::from(first)] {
                // The second byte first: most candidates differ there, and it spares a
                // call to memcmp.
                let tail_pattern = pattern.get(1..).unwrap_or_default();
                if tail_pattern.first().is_none_or(|b| tail.first() == Some(b))
                    && tail.starts_with(tail_pattern)
                {
                    found(text.len() - rest.len(), value)?;
                }
            }
            rest = tail;
        }
        ControlFlow::Continue(())
    }

    /// The patterns equal to the whole of `text`.
    pub fn each_equal(&self, text: &[u8], mut found: impl FnMut(T)) {
        if let Some(&first) = text.first() {
            for &(pattern, value) in &self.by_first[usize::from(first)] {
                if pattern == text {
                    found(value);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_occurrence_of_every_pattern_is_found() {
        let p = Patterns::new([("ab", 1), ("abc", 2), ("b", 3), ("", 4)]);
        let mut seen = Vec::new();
        p.each_match(b"xabcab", |v| seen.push(v));
        assert_eq!(seen, [1, 2, 3, 1, 3]);
        let q = Patterns::new([("ab", 1), ("cd", 2)]);
        let mut seen = Vec::new();
        q.each_match(b"abacdcab", |v| seen.push(v));
        assert_eq!(seen, [1, 2, 1]);
        let mut at = Vec::new();
        q.each_match_at(b"abacdcab", |i, v| at.push((i, v)));
        assert_eq!(at, [(0, 1), (3, 2), (6, 1)]);
        assert!(q.any_in(b"xxcd") && q.any_in(b"ab") && !q.any_in(b"acbd"));
        let mut equal = Vec::new();
        p.each_equal(b"ab", |v| equal.push(v));
        p.each_equal(b"", |v| equal.push(v));
        assert_eq!(equal, [1]);
    }
}
