//! Bytes to text: charset detection and decoding.
