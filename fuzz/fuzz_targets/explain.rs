//! Any string through `Extractor::explain` and the explain table's `Display`, and through
//! `extract`: the two must agree on which blocks are content.
#![no_main]

use bodytext::{Extractor, Label};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let extractor = Extractor::default();
    let explanation = extractor.explain(html, None);
    // The table formats every block, whatever its text.
    let table = explanation.to_string();
    assert!(explanation.blocks.is_empty() || !table.is_empty());
    let content: Vec<&str> = explanation
        .blocks
        .iter()
        .filter(|b| b.label == Label::Content)
        .map(|b| b.text.as_str())
        .collect();
    let article = extractor.extract(html, None);
    assert_eq!(article.text, content.join("\n"));
    // Titles may differ: the article's comes from the page metadata (site name cut off),
    // the explanation's is the raw `<title>` or `og:title`.
});
