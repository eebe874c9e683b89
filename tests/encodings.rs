//! The pages of `corpus/encodings/` are UTF-8 pages of the corpus re-encoded in legacy
//! charsets, declared, undeclared or mislabelled (`corpus/encodings/make.py` wrote them).
//! Each must give exactly the text of its UTF-8 source: the decoder found the charset.

use std::path::Path;

use bodytext::Extractor;

/// Encoded page stem prefix → its UTF-8 source in the corpus.
const SOURCES: [(&str, &str); 5] = [
    ("ru-", "i18n/ru-news-tram-line.html"),
    ("ja-", "i18n/ja-blog-bento-tips.html"),
    ("zh-", "i18n/zh-news-night-market.html"),
    ("ko-", "i18n/ko-news-library-hours.html"),
    ("de-", "i18n/de-blog-balkonkraftwerk.html"),
];

#[test]
fn every_encoded_page_gives_the_text_of_its_utf8_source() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let extractor = Extractor::default();
    let mut checked = 0;
    for entry in std::fs::read_dir(corpus.join("encodings")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let (_, source) = SOURCES
            .iter()
            .find(|(prefix, _)| name.starts_with(prefix))
            .unwrap_or_else(|| panic!("{name}: no source page"));
        let expected = extractor
            .extract_bytes(&std::fs::read(corpus.join(source)).unwrap(), None)
            .unwrap();
        let got = extractor
            .extract_bytes(&std::fs::read(&path).unwrap(), None)
            .unwrap();
        assert!(!expected.text.is_empty(), "{source}");
        assert_eq!(got.text, expected.text, "{name}");
        assert_eq!(got.title, expected.title, "{name}");
        checked += 1;
    }
    assert_eq!(checked, 12, "one page per charset case");
}
