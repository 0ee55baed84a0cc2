//! Plain-text sources → a Rust string: UTF-8 (with or without BOM), UTF-16 with a BOM, or a legacy
//! encoding (Big5 above all) detected with chardetng and decoded with encoding_rs. Line endings are
//! made `\n` (CRLF and lone CR alike), so a file saved by an old Mac editor is not one long line.

use encoding_rs::{Encoding, UTF_8};

/// Decoded text and the name of the encoding it was read as (e.g. `UTF-8`, `UTF-16LE`, `Big5`).
pub(crate) struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Bytes that were not valid in the detected encoding (each became U+FFFD).
    pub malformed: bool,
}

/// Decode `bytes`: a BOM decides; else valid UTF-8 is UTF-8; else chardetng guesses (for a
/// Traditional Chinese file, Big5), with `.tw` as the top-level-domain hint.
pub(crate) fn decode(bytes: &[u8]) -> Decoded {
    let (encoding, body): (&'static Encoding, &[u8]) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        None if std::str::from_utf8(bytes).is_ok() => (UTF_8, bytes),
        None => {
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(bytes, true);
            (det.guess(Some(b"tw"), chardetng::Utf8Detection::Deny), bytes)
        }
    };
    let (text, malformed) = encoding.decode_without_bom_handling(body);
    Decoded {
        text: normalize_newlines(&text),
        encoding: encoding.name(),
        malformed,
    }
}

/// CRLF and lone CR become LF.
pub(crate) fn normalize_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xff, 0xfe];
        for u in "會議紀錄\r\n主席：王".encode_utf16() {
            b.extend(u.to_le_bytes());
        }
        let d = decode(&b);
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, "會議紀錄\n主席：王");
        let mut b = vec![0xfe, 0xff];
        for u in "紀錄".encode_utf16() {
            b.extend(u.to_be_bytes());
        }
        assert_eq!(decode(&b).text, "紀錄");
    }

    #[test]
    fn big5_detected() {
        let (b, _, _) = encoding_rs::BIG5
            .encode("臺北市政府第一次會議紀錄\n時間：中華民國一一三年三月五日上午十時\n主席：柯市長\n");
        let d = decode(&b);
        assert_eq!(d.encoding, "Big5");
        assert!(d.text.starts_with("臺北市政府第一次會議紀錄\n時間"));
        assert!(!d.malformed);
    }

    #[test]
    fn lone_cr_lines() {
        assert_eq!(decode(b"a\rb\r\nc\n").text, "a\nb\nc\n");
    }
}
