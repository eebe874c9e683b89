//! Any bytes through `Extractor::extract_bytes`: gzip sniffing, charset decoding, parsing
//! and every stage. It must return an article or a documented error, never panic.
#![no_main]

use bodytext::{ErrorKind, Extractor, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let extractor = Extractor::new(Options::default());
    match extractor.extract_bytes(data, None) {
        Ok(article) => {
            // The text is made of the page's words: never longer than the decoded page
            // can explain (each input byte decodes to at most 3 UTF-8 bytes; gzip aside).
            if !data.starts_with(&[0x1f, 0x8b]) {
                assert!(article.text.len() <= data.len() * 3 + 16);
            }
        }
        Err(e) => assert!(matches!(e.kind(), ErrorKind::Gzip | ErrorKind::TooLarge)),
    }
});
