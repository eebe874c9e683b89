//! Bytes to text: charset detection and decoding.
//!
//! [`decode`] turns the raw bytes of a web page into a `String`, choosing the
//! character encoding roughly the way a browser does (WHATWG "encoding
//! sniffing"), with a few extra safeguards against the mislabelled pages that
//! are common in crawls:
//!
//! 1. an encoding forced by the caller (e.g. a `--encoding` flag);
//! 2. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
//! 3. a `<meta charset>` / `<meta http-equiv="Content-Type">` declaration in
//!    the first 1024 bytes, unless the bytes contradict it;
//! 4. UTF-8 when the bytes are (essentially) valid UTF-8;
//! 5. otherwise a statistical guess by [`chardetng`].
//!
//! [`is_gzip`] and [`gunzip`] handle pages that were stored compressed.
//!
//! ```
//! use bodytext::decode::{decode, EncodingSource};
//!
//! let page = b"<meta charset=windows-1251><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
//! let d = decode(page, None);
//! assert_eq!(d.encoding, encoding_rs::WINDOWS_1251);
//! assert_eq!(d.source, EncodingSource::MetaDeclaration);
//! assert!(d.text.contains("Привет"));
//! ```

use std::io::{self, Read};

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{
    Encoding, ISO_2022_JP, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED,
};

use crate::tuning::{
    DECLARED_UTF8_MAX_INVALID, MIN_UTF8_SEQUENCES_AGAINST_MULTIBYTE_DECLARATION,
    UNDECLARED_UTF8_MAX_INVALID,
};

/// How many leading bytes the `<meta>` prescan looks at (as in WHATWG).
const PRESCAN_LEN: usize = 1024;

/// How many bytes (from the first non-ASCII byte on) the statistical
/// detector is shown. Markup is ASCII, so this is plenty of text.
const DETECT_LEN: usize = 64 * 1024;

/// Where the chosen encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodingSource {
    /// The caller forced the encoding (e.g. a `--encoding` flag).
    Forced,
    /// A byte order mark at the start of the input.
    ByteOrderMark,
    /// A `<meta charset>` or `<meta http-equiv="Content-Type">` declaration.
    MetaDeclaration,
    /// The input is valid UTF-8 (possibly cut off in the middle of its last
    /// character), with no usable declaration, or with a legacy declaration
    /// that the bytes contradict.
    Utf8Valid,
    /// A statistical guess: the `chardetng` detector, or UTF-8 for input that
    /// is overwhelmingly but not entirely valid UTF-8.
    Detected,
}

/// Text decoded from page bytes.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The decoded text, without a leading byte order mark. Malformed input
    /// is replaced with U+FFFD; NUL and other control characters are kept.
    pub text: String,
    /// The encoding the bytes were decoded with.
    pub encoding: &'static Encoding,
    /// Why that encoding was chosen.
    pub source: EncodingSource,
    /// Whether any malformed byte sequence was replaced with U+FFFD.
    pub had_errors: bool,
}

/// Decode page bytes to text (WHATWG-style sniffing).
///
/// The encoding is, in order of precedence: `forced`; the one named by a byte
/// order mark; the one declared by a `<meta>` tag in the first 1024 bytes;
/// UTF-8 if the bytes are valid UTF-8; a guess by `chardetng`. See the
/// [module docs](self) for the details. A declaration the bytes clearly
/// contradict is not trusted: valid non-ASCII UTF-8 labelled as a legacy
/// encoding is read as UTF-8, and a page labelled UTF-8 whose non-ASCII
/// sequences are mostly invalid goes to the detector. A declared UTF-16 label
/// means UTF-8 and `x-user-defined` means windows-1252 (as in browsers); a
/// label of the "replacement" encoding (e.g. `iso-2022-kr`) is ignored.
///
/// Never panics; malformed input becomes U+FFFD and sets
/// [`had_errors`](Decoded::had_errors).
///
/// ```
/// use bodytext::decode::{decode, EncodingSource};
///
/// // A UTF-8 page that wrongly claims to be Latin-1.
/// let d = decode("<meta charset=iso-8859-1><p>Café</p>".as_bytes(), None);
/// assert_eq!(d.encoding, encoding_rs::UTF_8);
/// assert_eq!(d.source, EncodingSource::Utf8Valid);
/// assert_eq!(d.text, "<meta charset=iso-8859-1><p>Café</p>");
///
/// // A real Latin-1 page.
/// let d = decode(b"<meta charset=iso-8859-1><p>Caf\xe9</p>", None);
/// assert_eq!(d.encoding, encoding_rs::WINDOWS_1252);
/// assert_eq!(d.source, EncodingSource::MetaDeclaration);
/// assert_eq!(d.text, "<meta charset=iso-8859-1><p>Café</p>");
///
/// // A byte order mark wins over the declaration and is removed.
/// let d = decode(b"\xef\xbb\xbf<meta charset=koi8-r>\xc3\xa9", None);
/// assert_eq!(d.source, EncodingSource::ByteOrderMark);
/// assert_eq!(d.text, "<meta charset=koi8-r>é");
/// ```
#[must_use]
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Decoded {
    let plan = choose(bytes, forced);
    let body = bytes.get(plan.bom_len..).unwrap_or_default();
    let (mut text, had_errors) = if plan.encoding == UTF_8 {
        match plan.utf8 {
            // Validated already (over the whole input, so bom_len == 0).
            Some(Utf8Check::Valid(s)) => (s.to_owned(), false),
            Some(Utf8Check::Invalid) => lossy(UTF_8, body),
            None => match std::str::from_utf8(body) {
                Ok(s) => (s.to_owned(), false),
                Err(_) => lossy(UTF_8, body),
            },
        }
    } else {
        lossy(plan.encoding, body)
    };
    // A second BOM (concatenation bugs) or one the forced encoding kept.
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Decoded {
        text,
        encoding: plan.encoding,
        source: plan.source,
        had_errors,
    }
}

/// The encoding named by a label such as `latin1`, `shift_jis` (WHATWG labels), for a `--encoding` flag.
///
/// Matching ignores ASCII case and surrounding whitespace. As a convenience,
/// a label that is not a WHATWG label is retried with `_` and `-` swapped and
/// with both removed, so `latin-1`, `shift-jis` and `utf_8` work too. Labels
/// of the useless "replacement" encoding give `None`.
///
/// Note that, as in browsers, "latin1" and "iso-8859-1" name windows-1252.
///
/// ```
/// use bodytext::decode::encoding_for_label;
///
/// assert_eq!(encoding_for_label("latin1"), Some(encoding_rs::WINDOWS_1252));
/// assert_eq!(encoding_for_label(" Shift_JIS "), Some(encoding_rs::SHIFT_JIS));
/// assert_eq!(encoding_for_label("shift-jis"), Some(encoding_rs::SHIFT_JIS));
/// assert_eq!(encoding_for_label("UTF8"), Some(encoding_rs::UTF_8));
/// assert_eq!(encoding_for_label("no-such-charset"), None);
/// ```
#[must_use]
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim();
    if let Some(encoding) = Encoding::for_label_no_replacement(label.as_bytes()) {
        return Some(encoding);
    }
    let variants = [
        label.replace('_', "-"),
        label.replace('-', "_"),
        label.replace(['-', '_'], ""),
    ];
    variants
        .iter()
        .find_map(|v| Encoding::for_label_no_replacement(v.as_bytes()))
}

/// True when `bytes` start with the gzip magic (1f 8b).
///
/// ```
/// assert!(bodytext::decode::is_gzip(b"\x1f\x8b\x08\x00"));
/// assert!(!bodytext::decode::is_gzip(b"<html>"));
/// ```
#[must_use]
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Gunzip, refusing to produce more than `max_len` bytes (returns `io::Error` of kind `InvalidData` with a clear message when the limit is passed or the stream is corrupt/truncated).
///
/// Concatenated gzip members are decompressed one after another, as `gzip -d`
/// does.
///
/// # Errors
///
/// An error of kind [`io::ErrorKind::InvalidData`] when `bytes` does not start
/// with the gzip magic, is corrupt or truncated (bad header, bad deflate data,
/// CRC or length mismatch, missing trailer), or decompresses to more than
/// `max_len` bytes.
///
/// ```
/// use std::io::Write;
/// use bodytext::decode::gunzip;
///
/// let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
/// enc.write_all(b"<p>hello</p>")?;
/// let gz = enc.finish()?;
///
/// assert_eq!(gunzip(&gz, 1 << 20)?, b"<p>hello</p>");
/// let err = gunzip(&gz, 5).unwrap_err();
/// assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn gunzip(bytes: &[u8], max_len: usize) -> io::Result<Vec<u8>> {
    if !is_gzip(bytes) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "not a gzip stream (missing 1f 8b magic)",
        ));
    }
    // The trailer's ISIZE is the uncompressed length mod 2^32 of the last
    // member: a capacity hint only, capped so a lying trailer can't make us
    // allocate much.
    let hint = bytes
        .len()
        .checked_sub(4)
        .and_then(|start| bytes.get(start..))
        .and_then(|tail| <[u8; 4]>::try_from(tail).ok())
        .map_or(0, |t| u32::from_le_bytes(t) as usize);
    let capacity = hint
        .min(max_len)
        .min(bytes.len().saturating_mul(32).saturating_add(4096));
    let mut out = Vec::with_capacity(capacity);
    let limit = u64::try_from(max_len).unwrap_or(u64::MAX).saturating_add(1);
    flate2::bufread::MultiGzDecoder::new(bytes)
        .take(limit)
        .read_to_end(&mut out)
        .map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("corrupt or truncated gzip stream: {e}"),
            )
        })?;
    if out.len() > max_len {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("gzip stream decompresses to more than the limit of {max_len} bytes"),
        ));
    }
    Ok(out)
}

/// Decode `bytes` with `encoding`, replacing malformed sequences.
fn lossy(encoding: &'static Encoding, bytes: &[u8]) -> (String, bool) {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), had_errors)
}

/// The outcome of the encoding choice.
struct Plan<'a> {
    encoding: &'static Encoding,
    source: EncodingSource,
    /// Length of the byte order mark to skip.
    bom_len: usize,
    /// The UTF-8 check of the whole input, if it was needed for the choice.
    utf8: Option<Utf8Check<'a>>,
}

impl Plan<'_> {
    fn new(encoding: &'static Encoding, source: EncodingSource) -> Self {
        Plan {
            encoding,
            source,
            bom_len: 0,
            utf8: None,
        }
    }
}

fn choose<'a>(bytes: &'a [u8], forced: Option<&'static Encoding>) -> Plan<'a> {
    if let Some(encoding) = forced {
        // Skip the forced encoding's own BOM, if present.
        let bom_len = match Encoding::for_bom(bytes) {
            Some((bom_encoding, len)) if bom_encoding == encoding => len,
            _ => 0,
        };
        return Plan {
            bom_len,
            ..Plan::new(encoding, EncodingSource::Forced)
        };
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Plan {
            bom_len,
            ..Plan::new(encoding, EncodingSource::ByteOrderMark)
        };
    }

    let declared = prescan(bytes);
    let check = Utf8Check::of(bytes);
    let with_check = |encoding, source| Plan {
        utf8: Some(check),
        ..Plan::new(encoding, source)
    };

    match (declared, check) {
        (Some(enc), Utf8Check::Invalid) if enc == UTF_8 => {
            if Utf8Stats::of(bytes).mostly_valid(DECLARED_UTF8_MAX_INVALID) {
                with_check(UTF_8, EncodingSource::MetaDeclaration)
            } else {
                with_check(detect(bytes), EncodingSource::Detected)
            }
        }
        (Some(enc), Utf8Check::Valid(s)) if enc != UTF_8 && contradicts(enc, s) => {
            with_check(UTF_8, EncodingSource::Utf8Valid)
        }
        (Some(enc), _) => with_check(enc, EncodingSource::MetaDeclaration),
        (None, Utf8Check::Valid(s)) => {
            if looks_like_iso_2022_jp(s.as_bytes()) {
                with_check(detect(bytes), EncodingSource::Detected)
            } else {
                with_check(UTF_8, EncodingSource::Utf8Valid)
            }
        }
        (None, Utf8Check::Invalid) => {
            let stats = Utf8Stats::of(bytes);
            if stats.invalid == 0 {
                // Valid UTF-8 cut off inside its last character.
                with_check(UTF_8, EncodingSource::Utf8Valid)
            } else if stats.mostly_valid(UNDECLARED_UTF8_MAX_INVALID) {
                with_check(UTF_8, EncodingSource::Detected)
            } else {
                with_check(detect(bytes), EncodingSource::Detected)
            }
        }
    }
}

/// Whether valid UTF-8 text `s` makes the legacy declaration `declared` wrong.
fn contradicts(declared: &'static Encoding, s: &str) -> bool {
    if s.is_ascii() {
        return false;
    }
    if declared.is_single_byte() {
        return true;
    }
    // Multi-byte legacy (CJK) encoding: demand several UTF-8 sequences.
    s.bytes()
        .filter(|&b| b >= 0xC0)
        .nth(MIN_UTF8_SEQUENCES_AGAINST_MULTIBYTE_DECLARATION - 1)
        .is_some()
}

/// ASCII-only text with ISO-2022-JP's JIS X 0208 escape sequences.
fn looks_like_iso_2022_jp(bytes: &[u8]) -> bool {
    bytes.contains(&0x1B)
        && bytes
            .windows(3)
            .any(|w| w == b"\x1b$B" || w == b"\x1b$@" || w == b"\x1b(J")
}

/// Ask `chardetng`, showing it the text around the first non-ASCII byte.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let ascii = Encoding::ascii_valid_up_to(bytes);
    // ISO-2022-JP is ASCII with escapes: start at the first ESC then.
    let first_interesting = bytes
        .get(..ascii)
        .and_then(|prefix| prefix.iter().position(|&b| b == 0x1B))
        .unwrap_or(ascii);
    let start = first_interesting.saturating_sub(16);
    let window = bytes.get(start..).unwrap_or_default();
    let (window, last) = match window.get(..DETECT_LEN) {
        // Not the end of the stream: don't let a character split at the cut
        // count against the right encoding.
        Some(prefix) if prefix.len() < window.len() => (prefix, false),
        _ => (window, true),
    };
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
    detector.feed(window, last);
    let guess = detector.guess(None, Utf8Detection::Allow);
    if guess == REPLACEMENT || guess == ISO_2022_JP && !looks_like_iso_2022_jp(bytes) {
        WINDOWS_1252
    } else {
        guess
    }
}

/// The result of checking the whole input as UTF-8.
#[derive(Clone, Copy)]
enum Utf8Check<'a> {
    Valid(&'a str),
    Invalid,
}

/// Counts for input that is not strictly valid UTF-8.
#[derive(Clone, Copy, Debug)]
struct Utf8Stats {
    /// Malformed sequences (an incomplete sequence at the very end is not
    /// counted: pages are often cut off at a byte limit).
    invalid: usize,
    /// Well-formed multi-byte sequences.
    valid_non_ascii: usize,
}

impl Utf8Stats {
    /// At most `num / den` of the non-ASCII sequences are invalid.
    fn mostly_valid(self, (num, den): (usize, usize)) -> bool {
        let total = self.invalid.saturating_add(self.valid_non_ascii);
        self.invalid.saturating_mul(den) <= total.saturating_mul(num)
    }
}

impl<'a> Utf8Check<'a> {
    fn of(bytes: &'a [u8]) -> Self {
        match std::str::from_utf8(bytes) {
            Ok(s) => Utf8Check::Valid(s),
            Err(_) => Utf8Check::Invalid,
        }
    }
}

impl Utf8Stats {
    /// Count over `bytes`; only needed (and only computed) for input that
    /// failed [`Utf8Check::of`].
    fn of(bytes: &[u8]) -> Self {
        let mut stats = Utf8Stats {
            invalid: 0,
            valid_non_ascii: 0,
        };
        let mut rest = bytes;
        loop {
            match std::str::from_utf8(rest) {
                Ok(_) => {
                    stats.valid_non_ascii += count_lead_bytes(rest);
                    return stats;
                }
                Err(e) => {
                    let valid_up_to = e.valid_up_to();
                    stats.valid_non_ascii +=
                        count_lead_bytes(rest.get(..valid_up_to).unwrap_or_default());
                    match e.error_len() {
                        Some(len) => {
                            stats.invalid += 1;
                            rest = rest.get(valid_up_to + len..).unwrap_or_default();
                        }
                        // Incomplete sequence at the end of the input.
                        None => return stats,
                    }
                }
            }
        }
    }
}

/// Number of UTF-8 multi-byte sequences in valid UTF-8 `bytes`.
fn count_lead_bytes(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b >= 0xC0).count()
}

// ---------------------------------------------------------------------------
// <meta> prescan, after WHATWG HTML "prescan a byte stream to determine its
// encoding". Hitting the end of the buffer anywhere gives up.
// ---------------------------------------------------------------------------

fn is_space(b: u8) -> bool {
    matches!(b, 0x09 | 0x0A | 0x0C | 0x0D | 0x20)
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The encoding declared by a `<meta>` element in the first
/// [`PRESCAN_LEN`] bytes of `bytes`, if any.
fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..PRESCAN_LEN).unwrap_or(bytes);
    let mut pos = 0;
    while let Some(rest) = head.get(pos..) {
        if rest.is_empty() {
            break;
        }
        if rest.starts_with(b"<!--") {
            // "<!-->" closes the comment too, hence searching from offset 2.
            pos += 2 + find(rest.get(2..)?, b"-->")? + 3;
            continue;
        }
        if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            pos += 6;
            if let Some(encoding) = meta_encoding(head, &mut pos)? {
                return Some(encoding);
            }
            continue;
        }
        let tag_start = match rest {
            [b'<', b'/', c, ..] if c.is_ascii_alphabetic() => Some(2),
            [b'<', c, ..] if c.is_ascii_alphabetic() => Some(1),
            _ => None,
        };
        if let Some(skip) = tag_start {
            // Skip the tag name, then its attributes (so that a "<meta" in an
            // attribute value is not mistaken for a tag).
            pos += skip;
            pos += head
                .get(pos..)?
                .iter()
                .position(|&b| is_space(b) || b == b'>')?;
            while get_attribute(head, &mut pos)?.is_some() {}
            pos += 1;
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos += rest.iter().position(|&b| b == b'>')? + 1;
            continue;
        }
        pos += 1;
    }
    None
}

/// Process the attributes of a `<meta` tag starting at `pos`. The outer
/// `None` means the buffer ended; the inner one that the tag declares nothing
/// usable.
fn meta_encoding(head: &[u8], pos: &mut usize) -> Option<Option<&'static Encoding>> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma: Option<bool> = None;
    // Outer `None`: not set yet; `Some(None)`: an unknown label.
    let mut charset: Option<Option<&'static Encoding>> = None;
    while let Some((name, value)) = get_attribute(head, pos)? {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value == b"content-type",
            b"content" if charset.is_none() => {
                if let Some(enc) = charset_from_content(&value).and_then(Encoding::for_label) {
                    charset = Some(Some(enc));
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                // Lenient extra: `<meta charset=utf-8/>` (XHTML habit).
                charset = Some(
                    Encoding::for_label(&value)
                        .or_else(|| value.strip_suffix(b"/").and_then(Encoding::for_label)),
                );
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    // `pos` is at the '>'; the caller's loop moves on.
    let usable = match need_pragma {
        None => false,
        Some(true) => got_pragma,
        Some(false) => true,
    };
    Some(match charset.flatten() {
        Some(enc) if usable && enc != REPLACEMENT => Some(if enc == UTF_16BE || enc == UTF_16LE {
            UTF_8
        } else if enc == X_USER_DEFINED {
            WINDOWS_1252
        } else {
            enc
        }),
        _ => None,
    })
}

/// WHATWG "get an attribute": `Some(None)` when the tag ends, `None` when the
/// buffer does. Names and values come back ASCII-lowercased.
fn get_attribute(head: &[u8], pos: &mut usize) -> Option<Option<(Vec<u8>, Vec<u8>)>> {
    let at = |p: usize| head.get(p).copied();
    while is_space(at(*pos)?) || at(*pos)? == b'/' {
        *pos += 1;
    }
    if at(*pos)? == b'>' {
        return Some(None);
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    // Name.
    loop {
        let b = at(*pos)?;
        if b == b'=' && !name.is_empty() {
            *pos += 1;
            break;
        } else if is_space(b) {
            while is_space(at(*pos)?) {
                *pos += 1;
            }
            if at(*pos)? != b'=' {
                return Some(Some((name, value)));
            }
            *pos += 1;
            break;
        } else if b == b'/' || b == b'>' {
            return Some(Some((name, value)));
        }
        name.push(b.to_ascii_lowercase());
        *pos += 1;
    }
    // Value.
    while is_space(at(*pos)?) {
        *pos += 1;
    }
    let b = at(*pos)?;
    if b == b'"' || b == b'\'' {
        loop {
            *pos += 1;
            let c = at(*pos)?;
            if c == b {
                *pos += 1;
                return Some(Some((name, value)));
            }
            value.push(c.to_ascii_lowercase());
        }
    }
    if b == b'>' {
        return Some(Some((name, value)));
    }
    loop {
        let c = at(*pos)?;
        if is_space(c) || c == b'>' {
            return Some(Some((name, value)));
        }
        value.push(c.to_ascii_lowercase());
        *pos += 1;
    }
}

/// WHATWG "extract a character encoding from a meta element": the label
/// after `charset=` in a (lowercased) `content` value.
fn charset_from_content(content: &[u8]) -> Option<&[u8]> {
    let mut pos = 0;
    loop {
        pos += find(content.get(pos..)?, b"charset")? + b"charset".len();
        let mut p = pos;
        while content.get(p).is_some_and(|&b| is_space(b)) {
            p += 1;
        }
        if content.get(p) != Some(&b'=') {
            continue;
        }
        p += 1;
        while content.get(p).is_some_and(|&b| is_space(b)) {
            p += 1;
        }
        let rest = content.get(p..)?;
        return match rest.first()? {
            &q @ (b'"' | b'\'') => {
                let inner = rest.get(1..)?;
                let end = inner.iter().position(|&b| b == q)?;
                inner.get(..end)
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|&b| is_space(b) || b == b';')
                    .unwrap_or(rest.len());
                rest.get(..end)
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{
        EUC_KR, GBK, ISO_2022_JP, KOI8_R, SHIFT_JIS, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1251,
        WINDOWS_1252,
    };
    use std::io::Write;

    const RUSSIAN: &str = "Москва — столица России, крупнейший по численности населения город \
        страны. Город расположен на реке Москве в центре Восточно-Европейской равнины. \
        В городе работают сотни музеев, театров и библиотек, а его метрополитен \
        считается одним из самых красивых в мире.";
    const JAPANESE: &str = "東京は日本の首都であり、世界でも有数の大都市です。\
        多くの人々が毎日電車で通勤し、街には古い寺院と新しい高層ビルが並んでいます。\
        春には桜が咲き、公園は花見を楽しむ人でいっぱいになります。";
    const CHINESE: &str = "北京是中华人民共和国的首都，也是全国的政治和文化中心。\
        这座城市有三千多年的历史，拥有故宫、天坛和长城等著名的名胜古迹。\
        每年都有数以百万计的游客来到这里参观学习。";
    const KOREAN: &str = "서울은 대한민국의 수도이며 가장 큰 도시입니다. \
        한강이 도시를 가로질러 흐르고 있으며, 많은 사람들이 지하철을 이용하여 출퇴근합니다. \
        서울에는 오래된 궁궐과 현대적인 건물이 함께 있습니다.";
    const FRENCH: &str = "À côté de l'église, le café où l'on déguste des crêpes \
        est fréquenté par des élèves français. Ça coûte très cher, hélas.";

    /// `text` wrapped in a minimal page, encoded with `encoding`.
    fn page(head: &str, text: &str, encoding: &'static Encoding) -> Vec<u8> {
        let html = format!(
            "<!DOCTYPE html><html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>"
        );
        let (bytes, _, unmappable) = encoding.encode(&html);
        assert!(
            !unmappable,
            "test text not encodable in {}",
            encoding.name()
        );
        bytes.into_owned()
    }

    fn assert_decodes(
        bytes: &[u8],
        encoding: &'static Encoding,
        source: EncodingSource,
        expected_text: &str,
    ) -> Decoded {
        let d = decode(bytes, None);
        assert_eq!(
            (d.encoding.name(), d.source),
            (encoding.name(), source),
            "text: {:?}",
            d.text.chars().take(200).collect::<String>()
        );
        assert!(d.text.contains(expected_text), "{:?}", d.text);
        d
    }

    // --- trivial inputs -------------------------------------------------

    #[test]
    fn empty_input() {
        let d = decode(b"", None);
        assert_eq!(d.text, "");
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.source, EncodingSource::Utf8Valid);
        assert!(!d.had_errors);
    }

    #[test]
    fn plain_ascii_is_utf8() {
        let d = decode(b"<p>Hello</p>", None);
        assert_eq!(d.text, "<p>Hello</p>");
        assert_eq!((d.encoding, d.source), (UTF_8, EncodingSource::Utf8Valid));
    }

    #[test]
    fn nul_bytes_are_kept() {
        let d = decode(b"a\0b", None);
        assert_eq!(d.text, "a\0b");
    }

    // --- byte order marks ---------------------------------------------

    #[test]
    fn utf8_bom() {
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend_from_slice(RUSSIAN.as_bytes());
        let d = assert_decodes(&bytes, UTF_8, EncodingSource::ByteOrderMark, RUSSIAN);
        assert_eq!(d.text, RUSSIAN);
        assert!(!d.had_errors);
    }

    #[test]
    fn utf16le_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(JAPANESE.encode_utf16().flat_map(u16::to_le_bytes));
        let d = assert_decodes(&bytes, UTF_16LE, EncodingSource::ByteOrderMark, JAPANESE);
        assert_eq!(d.text, JAPANESE);
    }

    #[test]
    fn utf16be_bom() {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend("<p>Привет</p>".encode_utf16().flat_map(u16::to_be_bytes));
        let d = assert_decodes(&bytes, UTF_16BE, EncodingSource::ByteOrderMark, "Привет");
        assert_eq!(d.text, "<p>Привет</p>");
    }

    #[test]
    fn utf16_odd_length_does_not_panic() {
        let d = decode(b"\xff\xfeA\x00B", None);
        assert_eq!(d.encoding, UTF_16LE);
        assert!(d.had_errors);
        assert_eq!(d.text, "A\u{FFFD}");
    }

    #[test]
    fn bom_only() {
        for bom in [&b"\xef\xbb\xbf"[..], b"\xff\xfe", b"\xfe\xff"] {
            let d = decode(bom, None);
            assert_eq!(d.text, "");
            assert_eq!(d.source, EncodingSource::ByteOrderMark);
        }
    }

    #[test]
    fn bom_beats_meta() {
        let mut bytes = b"\xef\xbb\xbf<meta charset=windows-1251>".to_vec();
        bytes.extend_from_slice(RUSSIAN.as_bytes());
        let d = assert_decodes(&bytes, UTF_8, EncodingSource::ByteOrderMark, RUSSIAN);
        assert!(d.text.starts_with("<meta"));
    }

    #[test]
    fn double_bom_is_stripped_once_more() {
        let d = decode(b"\xef\xbb\xbf\xef\xbb\xbfhi", None);
        assert_eq!(d.text, "hi");
    }

    // --- forced --------------------------------------------------------

    #[test]
    fn forced_overrides_everything() {
        let bytes = page("<meta charset=utf-8>", RUSSIAN, WINDOWS_1251);
        let d = decode(&bytes, Some(WINDOWS_1251));
        assert_eq!(
            (d.encoding, d.source),
            (WINDOWS_1251, EncodingSource::Forced)
        );
        assert!(d.text.contains(RUSSIAN));
        // Forcing a wrong encoding is obeyed (mojibake, no replacement).
        let d = decode("Café".as_bytes(), Some(WINDOWS_1252));
        assert_eq!(d.text, "CafÃ©");
        assert!(!d.had_errors);
    }

    #[test]
    fn forced_strips_own_bom_only() {
        let d = decode(b"\xef\xbb\xbfCaf\xc3\xa9", Some(UTF_8));
        assert_eq!(
            (d.text.as_str(), d.source),
            ("Café", EncodingSource::Forced)
        );
        // Forced UTF-16LE beats a UTF-8 BOM.
        let d = decode(b"\xef\xbb\xbf", Some(WINDOWS_1252));
        assert_eq!(d.text, "ï»¿");
        let d = decode(b"\xff\xfeh\x00i\x00", Some(UTF_16LE));
        assert_eq!(d.text, "hi");
    }

    #[test]
    fn forced_utf8_on_invalid_input_replaces() {
        let d = decode(b"a\xffb", Some(UTF_8));
        assert_eq!(d.text, "a\u{FFFD}b");
        assert!(d.had_errors);
    }

    // --- <meta> prescan ------------------------------------------------

    fn declared(head: &str) -> Option<&'static str> {
        prescan(head.as_bytes()).map(Encoding::name)
    }

    #[test]
    fn meta_charset_forms() {
        let cases = [
            (r#"<meta charset="windows-1251">"#, "windows-1251"),
            ("<meta charset='windows-1251'>", "windows-1251"),
            ("<meta charset=windows-1251>", "windows-1251"),
            ("<META CHARSET=WINDOWS-1251>", "windows-1251"),
            ("<meta charset = \" cp1251 \" >", "windows-1251"),
            ("<meta\ncharset=koi8-r>", "KOI8-R"),
            ("<meta/charset=koi8-r>", "KOI8-R"),
            ("<meta charset=utf-8/>", "UTF-8"),
            ("<meta charset=\"utf-8\"/>", "UTF-8"),
            ("<meta name=x charset=latin1 content=y>", "windows-1252"),
            ("<meta charset=sjis>", "Shift_JIS"),
            ("<meta charset=gb2312>", "GBK"),
            ("<html lang=ru><head><meta charset=euc-kr>", "EUC-KR"),
            // The first usable <meta> wins.
            (
                "<meta charset=bogus><meta charset=koi8-r><meta charset=gbk>",
                "KOI8-R",
            ),
            // A repeated attribute: the first one counts.
            ("<meta charset=koi8-r charset=gbk>", "KOI8-R"),
        ];
        for (head, expected) in cases {
            assert_eq!(declared(head), Some(expected), "{head}");
        }
    }

    #[test]
    fn meta_http_equiv_forms() {
        let cases = [
            (
                r#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">"#,
                Some("windows-1251"),
            ),
            (
                "<meta content='text/html;charset=Shift_JIS' http-equiv=content-type>",
                Some("Shift_JIS"),
            ),
            (
                r#"<META HTTP-EQUIV=CONTENT-TYPE CONTENT="TEXT/HTML; CHARSET = 'EUC-KR'">"#,
                Some("EUC-KR"),
            ),
            (
                r#"<meta http-equiv="content-type" content="text/html; charset=gbk; foo=bar">"#,
                Some("GBK"),
            ),
            (
                r#"<meta http-equiv="content-type" content="charsetx; charset=koi8-r">"#,
                Some("KOI8-R"),
            ),
            // Without http-equiv the content attribute is not a declaration.
            (r#"<meta content="text/html; charset=koi8-r">"#, None),
            (
                r#"<meta http-equiv="refresh" content="0; charset=koi8-r">"#,
                None,
            ),
            // Unterminated quote inside content.
            (
                r#"<meta http-equiv="content-type" content="text/html; charset='koi8-r">"#,
                None,
            ),
            (
                r#"<meta http-equiv="content-type" content="text/html">"#,
                None,
            ),
            // A charset= attribute beats content=, whatever the order.
            (
                r#"<meta http-equiv="content-type" content="text/html; charset=gbk" charset=koi8-r>"#,
                Some("KOI8-R"),
            ),
            (
                r#"<meta charset=koi8-r http-equiv="content-type" content="text/html; charset=gbk">"#,
                Some("KOI8-R"),
            ),
            // ... even when its label is unknown.
            (
                r#"<meta charset=bogus http-equiv="content-type" content="text/html; charset=gbk">"#,
                None,
            ),
        ];
        for (head, expected) in cases {
            assert_eq!(declared(head), expected, "{head}");
        }
    }

    #[test]
    fn meta_special_labels() {
        // UTF-16 declared in an ASCII-compatible byte stream means UTF-8.
        assert_eq!(declared("<meta charset=utf-16le>"), Some("UTF-8"));
        assert_eq!(declared("<meta charset=utf-16>"), Some("UTF-8"));
        assert_eq!(
            declared("<meta charset=x-user-defined>"),
            Some("windows-1252")
        );
        // The replacement encoding is ignored; scanning goes on.
        assert_eq!(declared("<meta charset=iso-2022-kr>"), None);
        assert_eq!(
            declared("<meta charset=iso-2022-kr><meta charset=koi8-r>"),
            Some("KOI8-R")
        );
        assert_eq!(declared("<meta charset=no-such-thing>"), None);
        assert_eq!(declared("<meta charset=>"), None);
        assert_eq!(declared("<meta charset>"), None);
    }

    #[test]
    fn meta_in_comments_and_attributes_is_ignored() {
        assert_eq!(declared("<!-- <meta charset=koi8-r> -->"), None);
        assert_eq!(declared("<!--> <meta charset=koi8-r>"), Some("KOI8-R"));
        assert_eq!(
            // As in WHATWG, "<!--->" is a complete comment.
            declared("<!---> <meta charset=gbk> --><meta charset=koi8-r>"),
            Some("GBK")
        );
        assert_eq!(
            declared("<!-- <meta charset=gbk> --><meta charset=koi8-r>"),
            Some("KOI8-R")
        );
        assert_eq!(
            declared(r#"<a title="<meta charset=gbk>"><meta charset=koi8-r>"#),
            Some("KOI8-R")
        );
        assert_eq!(declared("<img alt='<meta charset=gbk>'>"), None);
        assert_eq!(
            declared("<!DOCTYPE html><?xml version='1.0'?><meta charset=koi8-r>"),
            Some("KOI8-R")
        );
        assert_eq!(declared("</p><meta charset=koi8-r>"), Some("KOI8-R"));
        // <metadata> is not <meta>.
        assert_eq!(declared("<metadata charset=koi8-r>"), None);
        // Unterminated constructs give up cleanly.
        assert_eq!(declared("<!-- <meta charset=koi8-r>"), None);
        assert_eq!(declared("<meta charset=\"koi8-r"), None);
        assert_eq!(declared("<meta charset=koi8-r"), None);
        assert_eq!(declared("<a href='x"), None);
    }

    #[test]
    fn meta_after_1024_bytes_is_ignored() {
        let head = format!("<!-- {} -->\n<meta charset=koi8-r>", "x".repeat(1024));
        assert_eq!(declared(&head), None);
        let bytes = page(&head, RUSSIAN, WINDOWS_1251);
        let d = decode(&bytes, None);
        assert_eq!(d.source, EncodingSource::Detected);
        // ... and the detector gets it right anyway.
        assert_eq!(d.encoding, WINDOWS_1251);
        assert!(d.text.contains(RUSSIAN));
        // Just inside the limit still counts.
        let pad = 1024 - "<meta charset=koi8-r>".len();
        let head = format!("{}<meta charset=koi8-r>", " ".repeat(pad));
        assert_eq!(prescan(head.as_bytes()), Some(KOI8_R));
        let bytes = [head.as_bytes(), b"\xf0\xd2\xc9\xd7\xc5\xd4"].concat();
        assert_decodes(&bytes, KOI8_R, EncodingSource::MetaDeclaration, "Привет");
    }

    // --- declared legacy encodings ------------------------------------

    #[test]
    fn windows_1251_declared() {
        let bytes = page("<meta charset=windows-1251>", RUSSIAN, WINDOWS_1251);
        let d = assert_decodes(
            &bytes,
            WINDOWS_1251,
            EncodingSource::MetaDeclaration,
            RUSSIAN,
        );
        assert!(!d.had_errors);
    }

    #[test]
    fn windows_1251_via_http_equiv() {
        let bytes = page(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">"#,
            RUSSIAN,
            WINDOWS_1251,
        );
        assert_decodes(
            &bytes,
            WINDOWS_1251,
            EncodingSource::MetaDeclaration,
            RUSSIAN,
        );
    }

    #[test]
    fn windows_1252_declared() {
        let bytes = page(r#"<meta charset="iso-8859-1">"#, FRENCH, WINDOWS_1252);
        let d = assert_decodes(
            &bytes,
            WINDOWS_1252,
            EncodingSource::MetaDeclaration,
            FRENCH,
        );
        assert!(!d.had_errors);
        // windows-1252 specials in the 0x80..0x9F range.
        let d = decode(b"<meta charset=windows-1252>\x93quoted\x94 \x80 \x85", None);
        assert!(d.text.ends_with("\u{201C}quoted\u{201D} € …"));
    }

    #[test]
    fn shift_jis_declared() {
        let bytes = page("<meta charset=Shift_JIS>", JAPANESE, SHIFT_JIS);
        assert_decodes(&bytes, SHIFT_JIS, EncodingSource::MetaDeclaration, JAPANESE);
    }

    #[test]
    fn utf8_mislabelled_as_latin1() {
        let bytes = page("<meta charset=iso-8859-1>", FRENCH, UTF_8);
        let d = assert_decodes(&bytes, UTF_8, EncodingSource::Utf8Valid, FRENCH);
        assert!(!d.had_errors);
        let bytes = page(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">"#,
            RUSSIAN,
            UTF_8,
        );
        assert_decodes(&bytes, UTF_8, EncodingSource::Utf8Valid, RUSSIAN);
    }

    #[test]
    fn ascii_page_keeps_legacy_declaration() {
        let d = decode(b"<meta charset=windows-1251><p>hello</p>", None);
        assert_eq!(
            (d.encoding, d.source),
            (WINDOWS_1251, EncodingSource::MetaDeclaration)
        );
    }

    #[test]
    fn utf8_mislabelled_as_multibyte_legacy() {
        let bytes = page("<meta charset=shift_jis>", JAPANESE, UTF_8);
        assert_decodes(&bytes, UTF_8, EncodingSource::Utf8Valid, JAPANESE);
        let bytes = page("<meta charset=gb2312>", CHINESE, UTF_8);
        assert_decodes(&bytes, UTF_8, EncodingSource::Utf8Valid, CHINESE);
    }

    #[test]
    fn short_multibyte_legacy_that_is_valid_utf8_keeps_declaration() {
        // GBK C4 A3 ("模"? no: whatever it is) is also valid UTF-8 ("ģ").
        let bytes = b"<meta charset=gbk><p>\xc4\xa3</p>";
        assert!(std::str::from_utf8(bytes).is_ok());
        let d = decode(bytes, None);
        assert_eq!(
            (d.encoding, d.source),
            (GBK, EncodingSource::MetaDeclaration)
        );
        assert!(!d.text.contains('ģ'));
    }

    // --- declared UTF-8 -----------------------------------------------

    #[test]
    fn utf8_declared_valid() {
        let bytes = page("<meta charset=utf-8>", KOREAN, UTF_8);
        let d = assert_decodes(&bytes, UTF_8, EncodingSource::MetaDeclaration, KOREAN);
        assert!(!d.had_errors);
    }

    #[test]
    fn utf8_declared_with_a_few_invalid_bytes_stays_utf8() {
        let mut bytes = page("<meta charset=utf-8>", RUSSIAN, UTF_8);
        bytes.extend_from_slice(b"<p>caf\xe9 \xa0</p>");
        let d = assert_decodes(&bytes, UTF_8, EncodingSource::MetaDeclaration, RUSSIAN);
        assert!(d.had_errors);
        assert!(d.text.ends_with("<p>caf\u{FFFD} \u{FFFD}</p>"));
    }

    #[test]
    fn utf8_declared_but_actually_legacy_goes_to_detector() {
        let bytes = page("<meta charset=utf-8>", RUSSIAN, WINDOWS_1251);
        let d = assert_decodes(&bytes, WINDOWS_1251, EncodingSource::Detected, RUSSIAN);
        assert!(!d.had_errors);
        let bytes = page(r#"<meta charset="UTF-8">"#, FRENCH, WINDOWS_1252);
        assert_decodes(&bytes, WINDOWS_1252, EncodingSource::Detected, FRENCH);
    }

    // --- undeclared: UTF-8 and detection ------------------------------

    #[test]
    fn undeclared_valid_utf8() {
        let bytes = page("", CHINESE, UTF_8);
        let d = assert_decodes(&bytes, UTF_8, EncodingSource::Utf8Valid, CHINESE);
        assert!(!d.had_errors);
        assert_eq!(d.text.as_bytes(), &bytes[..]);
    }

    #[test]
    fn undeclared_windows_1251() {
        let bytes = page("", RUSSIAN, WINDOWS_1251);
        assert_decodes(&bytes, WINDOWS_1251, EncodingSource::Detected, RUSSIAN);
    }

    #[test]
    fn undeclared_shift_jis() {
        let bytes = page("", JAPANESE, SHIFT_JIS);
        assert_decodes(&bytes, SHIFT_JIS, EncodingSource::Detected, JAPANESE);
    }

    #[test]
    fn undeclared_gbk() {
        let bytes = page("", CHINESE, GBK);
        assert_decodes(&bytes, GBK, EncodingSource::Detected, CHINESE);
    }

    #[test]
    fn undeclared_euc_kr() {
        let bytes = page("", KOREAN, EUC_KR);
        assert_decodes(&bytes, EUC_KR, EncodingSource::Detected, KOREAN);
    }

    #[test]
    fn undeclared_windows_1252() {
        let bytes = page("", FRENCH, WINDOWS_1252);
        assert_decodes(&bytes, WINDOWS_1252, EncodingSource::Detected, FRENCH);
    }

    #[test]
    fn undeclared_iso_2022_jp() {
        let bytes = page("", JAPANESE, ISO_2022_JP);
        assert!(bytes.is_ascii());
        assert_decodes(&bytes, ISO_2022_JP, EncodingSource::Detected, JAPANESE);
    }

    #[test]
    fn ascii_with_stray_escape_is_utf8() {
        let d = decode(b"<p>\x1b[31mred\x1b[0m</p>", None);
        assert_eq!((d.encoding, d.source), (UTF_8, EncodingSource::Utf8Valid));
    }

    #[test]
    fn detector_window_starts_at_first_non_ascii_byte() {
        // 200 KB of ASCII markup before any text must not hide the text.
        let head = format!("<script>{}</script>", "var x = 1;\n".repeat(20_000));
        let bytes = page(&head, RUSSIAN, WINDOWS_1251);
        assert_decodes(&bytes, WINDOWS_1251, EncodingSource::Detected, RUSSIAN);
        // A long page: the window is cut mid-stream without harm.
        let long = JAPANESE.repeat(2000);
        let bytes = page("", &long, SHIFT_JIS);
        assert!(bytes.len() > DETECT_LEN * 2);
        assert_decodes(&bytes, SHIFT_JIS, EncodingSource::Detected, JAPANESE);
    }

    #[test]
    fn undeclared_mostly_utf8_with_stray_bytes() {
        let mut bytes = page("", RUSSIAN, UTF_8);
        bytes.extend_from_slice(b"<p>\xa9 2024</p>");
        let d = assert_decodes(&bytes, UTF_8, EncodingSource::Detected, RUSSIAN);
        assert!(d.had_errors);
        assert!(d.text.contains("<p>\u{FFFD} 2024</p>"));
    }

    #[test]
    fn undeclared_invalid_utf8_does_not_panic() {
        let d = decode(b"abc\xff\xfe\xfd def \xc3", None);
        assert_eq!(d.source, EncodingSource::Detected);
        assert!(d.text.starts_with("abc"));
        let d = decode(b"\xc3", None);
        assert!(d.had_errors);
    }

    #[test]
    fn truncated_utf8_is_still_utf8() {
        let mut bytes = page("", CHINESE, UTF_8);
        bytes.truncate(bytes.len() - "</p></body></html>".len() - 1);
        let d = assert_decodes(&bytes, UTF_8, EncodingSource::Utf8Valid, "北京是");
        assert!(d.had_errors);
        assert!(d.text.ends_with('\u{FFFD}'));
        // Same with a declaration.
        let mut bytes = page("<meta charset=utf-8>", CHINESE, UTF_8);
        bytes.truncate(bytes.len() - "</p></body></html>".len() - 1);
        assert_decodes(&bytes, UTF_8, EncodingSource::MetaDeclaration, "北京是");
    }

    /// Deterministic pseudo-random bytes (xorshift).
    fn junk(len: usize, mut seed: u64) -> Vec<u8> {
        (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn binary_junk_does_not_panic() {
        for (i, len) in [1, 2, 3, 7, 100, 1023, 1024, 1025, 70_000, 200_000]
            .into_iter()
            .enumerate()
        {
            let bytes = junk(len, 0x9E37_79B9_7F4A_7C15 ^ i as u64);
            let d = decode(&bytes, None);
            assert!(!d.text.is_empty());
            let _ = decode(&bytes, Some(UTF_16BE));
        }
        let all: Vec<u8> = (0..=255).collect();
        let d = decode(&all, None);
        assert!(d.text.starts_with('\0'));
    }

    #[test]
    fn prescan_fuzz_does_not_panic() {
        let pieces: [&[u8]; 22] = [
            b"<",
            b">",
            b"<meta",
            b" ",
            b"/",
            b"charset",
            b"=",
            b"\"",
            b"'",
            b"<!--",
            b"-->",
            b"http-equiv",
            b"content-type",
            b"content",
            b"text/html;",
            b"koi8-r",
            b"<!",
            b"<?",
            b"</",
            b"a",
            b"\xff",
            b"\t",
        ];
        for seed in 1..3000u64 {
            let choice = junk(40, seed);
            let bytes: Vec<u8> = choice
                .iter()
                .take(usize::from(choice.first().copied().unwrap_or(0) % 40))
                .flat_map(|&c| pieces[usize::from(c) % pieces.len()].iter().copied())
                .collect();
            let _ = prescan(&bytes);
            let _ = decode(&bytes, None);
        }
    }

    #[test]
    fn charset_from_content_cases() {
        let f = |s: &str| {
            charset_from_content(s.as_bytes()).map(|b| String::from_utf8_lossy(b).into_owned())
        };
        assert_eq!(f("text/html; charset=utf-8").as_deref(), Some("utf-8"));
        assert_eq!(f("text/html;charset = \"gbk\"").as_deref(), Some("gbk"));
        assert_eq!(f("charset='x y'").as_deref(), Some("x y"));
        assert_eq!(f("charset=koi8-r;x=y").as_deref(), Some("koi8-r"));
        assert_eq!(f("charsetcharset=gbk").as_deref(), Some("gbk"));
        assert_eq!(f("charset"), None);
        assert_eq!(f("charset="), None);
        assert_eq!(f("charset=\"gbk"), None);
        assert_eq!(f("text/html"), None);
    }

    // --- labels --------------------------------------------------------

    #[test]
    fn labels() {
        let cases = [
            ("latin1", Some(WINDOWS_1252)),
            ("ISO-8859-1", Some(WINDOWS_1252)),
            ("latin-1", Some(WINDOWS_1252)),
            ("shift_jis", Some(SHIFT_JIS)),
            ("Shift-JIS", Some(SHIFT_JIS)),
            ("sjis", Some(SHIFT_JIS)),
            ("utf8", Some(UTF_8)),
            ("utf_8", Some(UTF_8)),
            (" UTF-8 ", Some(UTF_8)),
            ("cp1251", Some(WINDOWS_1251)),
            ("gb2312", Some(GBK)),
            ("euc-kr", Some(EUC_KR)),
            ("utf-16be", Some(UTF_16BE)),
            ("iso-2022-kr", None),
            ("replacement", None),
            ("", None),
            ("nonsense", None),
        ];
        for (label, expected) in cases {
            assert_eq!(encoding_for_label(label), expected, "{label}");
        }
    }

    // --- gzip ----------------------------------------------------------

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn gzip_magic() {
        assert!(is_gzip(&gzip(b"x")));
        assert!(is_gzip(b"\x1f\x8b"));
        assert!(!is_gzip(b"\x1f"));
        assert!(!is_gzip(b""));
        assert!(!is_gzip(b"<html>"));
    }

    #[test]
    fn gzip_round_trip() {
        let data = page("<meta charset=utf-8>", &RUSSIAN.repeat(50), UTF_8);
        let gz = gzip(&data);
        assert!(gz.len() < data.len());
        assert_eq!(gunzip(&gz, usize::MAX).unwrap(), data);
        assert_eq!(gunzip(&gz, data.len()).unwrap(), data);
        let d = decode(&gunzip(&gz, 1 << 20).unwrap(), None);
        assert!(d.text.contains(RUSSIAN));
        assert_eq!(gunzip(&gzip(b""), 0).unwrap(), b"");
    }

    #[test]
    fn gzip_limit() {
        let data = vec![b'a'; 100_000];
        let gz = gzip(&data);
        let err = gunzip(&gz, data.len() - 1).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert!(
            err.to_string()
                .contains("more than the limit of 99999 bytes"),
            "{err}"
        );
        let err = gunzip(&gzip(b"x"), 0).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
    }

    #[test]
    fn gzip_concatenated_members() {
        let gz = [gzip(b"hello, "), gzip(b"world")].concat();
        assert_eq!(gunzip(&gz, 100).unwrap(), b"hello, world");
        assert!(gunzip(&gz, 11).is_err());
    }

    #[test]
    fn gzip_truncated_or_corrupt() {
        let data = junk(10_000, 42);
        let gz = gzip(&data);
        for cut in [2, 5, 10, 11, gz.len() / 2, gz.len() - 4, gz.len() - 1] {
            let err = gunzip(&gz[..cut], usize::MAX).unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::InvalidData, "cut {cut}");
            assert!(err.to_string().contains("corrupt or truncated"), "{err}");
        }
        // Corrupted CRC.
        let mut bad = gz.clone();
        let n = bad.len();
        bad[n - 6] ^= 0xFF;
        assert_eq!(
            gunzip(&bad, usize::MAX).unwrap_err().kind(),
            io::ErrorKind::InvalidData
        );
        // Corrupted deflate data.
        let mut bad = gz.clone();
        for b in &mut bad[20..60] {
            *b = 0xFF;
        }
        assert_eq!(
            gunzip(&bad, usize::MAX).unwrap_err().kind(),
            io::ErrorKind::InvalidData
        );
        // Not gzip at all.
        let err = gunzip(b"<html></html>", usize::MAX).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert!(gunzip(b"", 10).is_err());
        // Junk after the magic.
        for seed in 0..50 {
            let mut j = junk(300, seed + 7);
            j[0] = 0x1f;
            j[1] = 0x8b;
            let _ = gunzip(&j, 1 << 16);
        }
    }
}
