//! Second copies: an element whose text repeats an earlier element's, block for block, is a
//! copy the page's layout shows instead of the first (a site builder's mobile and desktop
//! variants, a print edition beside the screen one, a gated copy of the post), and its
//! content is kept once.

use std::hash::BuildHasher;

use crate::block::Block;
use crate::classify::{Label, Reason, Verdict};
use crate::segment::Element;
use crate::tuning::{COPY_MIN_BLOCKS, COPY_MIN_MEAN_WORDS, COPY_MIN_WORDS};

/// Turn into boilerplate the content of every element whose blocks repeat, text for text, the
/// blocks of an earlier element that lies wholly before it, when both are kept: a block goes
/// when its twin in the first copy is content too. Only elements of [`COPY_MIN_WORDS`] words,
/// [`COPY_MIN_BLOCKS`] blocks and [`COPY_MIN_MEAN_WORDS`] words a block count: a short line
/// or a lone paragraph repeats on purpose (a pull quote, a teaser of the story beside it),
/// and so do lists of short items (a colour swatch list per product, a code sample per
/// language tab). A news page printing one story twice with two bylines ("1 hour, 24 minutes
/// ago" above one, "32 minutes" above the other) keeps both, since no element holds the same
/// text twice; the datasets' truths keep both too (l3s-gn1).
pub(crate) fn second_copies(blocks: &[Block], elements: &[Element], verdicts: &mut [Verdict]) {
    let runs = block_runs(blocks, elements);
    // Prefix sums of the words and of a polynomial hash over the blocks' text hashes: any
    // run's words and hash in O(1), however deep the elements nest.
    const BASE: u64 = 0x100_0000_01b3;
    let mut hashes = Vec::with_capacity(blocks.len() + 1);
    let mut powers = Vec::with_capacity(blocks.len() + 1);
    let mut words = Vec::with_capacity(blocks.len() + 1);
    let (mut hash, mut power, mut sum) = (0u64, 1u64, 0usize);
    hashes.push(hash);
    powers.push(power);
    words.push(sum);
    // A fixed-seed foldhash of each text: much cheaper than SipHash on long texts, and a
    // collision only costs a missed copy (the texts are compared before any is dropped).
    let text_hash = foldhash::quality::FixedState::default();
    for b in blocks {
        hash = hash
            .wrapping_mul(BASE)
            .wrapping_add(text_hash.hash_one(b.text.as_str()));
        power = power.wrapping_mul(BASE);
        sum += b.words as usize;
        hashes.push(hash);
        powers.push(power);
        words.push(sum);
    }
    let run_hash = |start: usize, end: usize| {
        hashes[end].wrapping_sub(hashes[start].wrapping_mul(powers[end - start]))
    };
    let mut seen: foldhash::HashMap<(u64, usize), (usize, usize)> = foldhash::HashMap::default();
    for &(start, end) in &runs {
        let words = words[end] - words[start];
        let count = end - start;
        if count < COPY_MIN_BLOCKS || words < COPY_MIN_WORDS || words < COPY_MIN_MEAN_WORDS * count
        {
            continue;
        }
        let key = (run_hash(start, end), count);
        match seen.get(&key) {
            Some(&(first, first_end))
                if first_end <= start
                    && blocks[first..first_end]
                        .iter()
                        .zip(&blocks[start..end])
                        .all(|(a, b)| a.text == b.text) =>
            {
                for k in 0..count {
                    if verdicts[first + k].label == Label::Content
                        && verdicts[start + k].label == Label::Content
                    {
                        verdicts[start + k] = Verdict::new(Label::Boilerplate, Reason::Copy);
                    }
                }
            }
            Some(_) => {}
            None => {
                seen.insert(key, (start, end));
            }
        }
    }
}

/// Each element's run of blocks, `start..end` in the block list (blocks are in document
/// order, so an element's blocks follow one another), in element order; elements holding no
/// block are left out, and so are blocks under no block-level element.
fn block_runs(blocks: &[Block], elements: &[Element]) -> Vec<(usize, usize)> {
    let mut first = vec![usize::MAX; elements.len()];
    let mut last = vec![0usize; elements.len()];
    for (i, b) in blocks.iter().enumerate() {
        let o = b.owner as usize;
        if o >= elements.len() {
            continue;
        }
        first[o] = first[o].min(i);
        last[o] = last[o].max(i + 1);
    }
    // Children come after their parent in the table: one backward sweep carries each
    // element's run up to its parent.
    for k in (0..elements.len()).rev() {
        let p = elements[k].parent as usize;
        if p < k && first[k] != usize::MAX {
            first[p] = first[p].min(first[k]);
            last[p] = last[p].max(last[k]);
        }
    }
    first
        .into_iter()
        .zip(last)
        .filter(|&(start, _)| start != usize::MAX)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::block::{BlockKind, Container};
    use crate::hints::Hints;
    use crate::segment::{Landmark, NO_ELEMENT, RenderHint, TagClass};
    use html5ever::local_name;

    fn element(parent: u32, end: u32) -> Element {
        Element {
            name: local_name!("div"),
            parent,
            end,
            tag: TagClass::Other,
            hints: Hints::NONE,
            class: None,
            words: 0,
            link_words: 0,
            children: 0,
            render: RenderHint::None,
            landmark: Landmark::None,
        }
    }

    fn block(text: &str, owner: u32) -> Block {
        Block {
            text: text.to_string(),
            kind: BlockKind::Paragraph,
            words: text.split_whitespace().count() as u32,
            link_words: 0,
            chars: text.len() as u32,
            shape: crate::text::TextCounts::of(text).shape,
            depth: 2,
            path: "div > p".into(),
            container: Container::None,
            hints: Hints::NONE,
            local_hints: Hints::NONE,
            in_main: true,
            owner,
            hinted_ancestors: Default::default(),
            spans: Vec::new(),
        }
    }

    /// body 0 > (div > p for each of `first`, then div > p for each of `second`): two boxes
    /// of one block per line.
    fn twin_boxes(first: &[&str], second: &[&str]) -> (Vec<Element>, Vec<Block>) {
        let total = 1 + first.len() + second.len() + 2;
        let mut elements = vec![element(NO_ELEMENT, total as u32)];
        let mut blocks = Vec::new();
        for lines in [first, second] {
            let at = elements.len() as u32;
            elements.push(element(0, at + 1 + lines.len() as u32));
            for line in lines {
                let own = elements.len() as u32;
                elements.push(element(at, own + 1));
                blocks.push(block(line, own));
            }
        }
        (elements, blocks)
    }

    fn content() -> Verdict {
        Verdict::new(Label::Content, Reason::Prose)
    }

    #[test]
    fn a_second_copy_of_a_kept_box_goes() {
        let a = "word ".repeat(30);
        let b = "other ".repeat(30);
        let (elements, blocks) = twin_boxes(&[&a, &b], &[&a, &b]);
        let mut verdicts = [content(); 4];
        second_copies(&blocks, &elements, &mut verdicts);
        assert_eq!(verdicts[..2], [content(); 2]);
        assert_eq!(verdicts[2].reason, Reason::Copy);
        assert_eq!(verdicts[3].reason, Reason::Copy);
    }

    #[test]
    fn a_copy_stays_when_its_first_is_not_kept_or_it_is_short() {
        let a = "word ".repeat(30);
        let b = "other ".repeat(30);
        let (elements, blocks) = twin_boxes(&[&a, &b], &[&a, &b]);
        let mut verdicts = [content(); 4];
        verdicts[0] = Verdict::new(Label::Boilerplate, Reason::LinkDensity);
        second_copies(&blocks, &elements, &mut verdicts);
        assert_eq!(verdicts[2], content());
        assert_eq!(verdicts[3].reason, Reason::Copy);
        // Under COPY_MIN_WORDS, or a list of short items: repeated on purpose.
        let short = ["a short line", "and another"];
        let (elements, blocks) = twin_boxes(&short, &short);
        let mut verdicts = [content(); 4];
        second_copies(&blocks, &elements, &mut verdicts);
        assert_eq!(verdicts, [content(); 4]);
        let swatches = ["Army Green", "Cobalt Blue", "Cool Grey", "Black"].repeat(8);
        let (elements, blocks) = twin_boxes(&swatches, &swatches);
        let mut verdicts = vec![content(); blocks.len()];
        second_copies(&blocks, &elements, &mut verdicts);
        assert!(verdicts.iter().all(|v| *v == content()));
    }

    #[test]
    fn boxes_that_differ_in_one_block_both_stay() {
        let a = "word ".repeat(30);
        let b = "other ".repeat(30);
        let c = "another ".repeat(30);
        let (elements, blocks) = twin_boxes(&[&a, &b], &[&a, &c]);
        let mut verdicts = [content(); 4];
        second_copies(&blocks, &elements, &mut verdicts);
        assert_eq!(verdicts, [content(); 4]);
    }
}
