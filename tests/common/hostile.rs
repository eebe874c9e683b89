//! Generators of hostile input shared by the adversarial tests and the scaling example
//! (`examples/scaling.rs` includes this file by path).

/// Deterministic pseudo-random bytes (xorshift from `state`), `len` of them.
pub fn junk(len: usize, mut state: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.extend_from_slice(&state.to_le_bytes());
    }
    out.truncate(len);
    out
}
