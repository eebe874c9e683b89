//! Revise the labels using the neighbours: short blocks and headings take the side of the
//! decided blocks around them (jusText's context-sensitive pass).

use crate::block::BlockKind;
use crate::classify::{Label, Reason, Verdict};
use crate::features::Features;
use crate::tuning::{HEADING_LOOKAHEAD, MIN_LONE_SENTENCES};

/// Decide every [`Label::Undecided`] block: first the short blocks from their nearest decided
/// neighbours, then the headings from what follows them.
pub fn revise(kinds: &[BlockKind], features: &[Features], verdicts: &mut [Verdict]) {
    let before = verdicts.to_vec();
    let n = before.len();
    // The nearest decided label on each side, computed in two linear sweeps.
    let mut prev = vec![Label::Boilerplate; n];
    let mut last = Label::Boilerplate;
    for (i, v) in before.iter().enumerate() {
        prev[i] = last;
        if v.label != Label::Undecided {
            last = v.label;
        }
    }
    let mut next = vec![Label::Boilerplate; n];
    last = Label::Boilerplate;
    for (i, v) in before.iter().enumerate().rev() {
        next[i] = last;
        if v.label != Label::Undecided {
            last = v.label;
        }
    }
    for i in 0..n {
        if before[i].label != Label::Undecided || matches!(kinds[i], BlockKind::Heading(_)) {
            continue;
        }
        // Between content and chrome, a sentence stays, and so do list items, quotes and
        // cells that follow content (a list elaborating the paragraph before it).
        let follows_content = matches!(
            kinds[i],
            BlockKind::ListItem | BlockKind::Quote | BlockKind::Cell
        ) && prev[i] == Label::Content;
        let content = match (prev[i], next[i]) {
            (Label::Content, Label::Content) => true,
            (Label::Content, _) | (_, Label::Content) => {
                features[i].ends_sentence || follows_content
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
    for i in 0..n {
        if verdicts[i].label != Label::Undecided {
            continue;
        }
        let followed = verdicts
            .iter()
            .skip(i + 1)
            .take(HEADING_LOOKAHEAD)
            .find(|v| v.label != Label::Undecided)
            .is_some_and(|v| v.label == Label::Content);
        verdicts[i] = if followed {
            Verdict::new(Label::Content, Reason::HeadingBeforeContent)
        } else {
            Verdict::new(Label::Boilerplate, Reason::HeadingWithoutContent)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::text_density;

    fn f(ends_sentence: bool) -> Features {
        Features {
            words: 3,
            link_density: 0.0,
            text_density: text_density("a b c"),
            sentence_marks: 0,
            commas: 0,
            ends_sentence,
            position: 0.0,
            credit: false,
            notice_terms: 0,
            dateline: false,
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
    fn short_block_between_content_is_content() {
        let kinds = [BlockKind::Paragraph; 3];
        let feats = [f(true), f(false), f(true)];
        let mut verdicts = [v(Label::Content), v(Label::Undecided), v(Label::Content)];
        revise(&kinds, &feats, &mut verdicts);
        assert_eq!(verdicts[1].label, Label::Content);
        assert_eq!(verdicts[1].reason, Reason::NeighboursContent);
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
        revise(&kinds, &feats, &mut verdicts);
        assert!(verdicts[1..4].iter().all(|v| v.label == Label::Boilerplate));
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
        revise(&kinds, &feats, &mut verdicts);
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
        revise(&kinds, &feats, &mut verdicts);
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
        revise(&kinds, &feats, &mut verdicts);
        assert_eq!(verdicts[1].label, Label::Content);
        assert_eq!(verdicts[3].label, Label::Boilerplate);
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
        revise(&kinds, &feats, &mut verdicts);
        assert_eq!(verdicts[0].reason, Reason::HeadingBeforeContent);
        assert_eq!(verdicts[2].reason, Reason::HeadingWithoutContent);
    }
}
