//! bodytext: strip the boilerplate from a web page and keep the article body as text.
#![deny(missing_docs)]

pub mod decode;
pub mod eval;

/// Placeholder until the pipeline lands.
pub struct Extractor;
