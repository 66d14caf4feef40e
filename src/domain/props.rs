//! A session's props: a few short string pairs (`browser`, `os`, `csrf`, …), packed.
//!
//! Mattermost's `Session.Props` is a `map[string]string`. Held as a map of owned strings, a web
//! login's eight props cost seventeen heap blocks and about a kilobyte (a B-tree node and a
//! block per key and per value): the largest part of a cached session, and of the allocations
//! a row costs when it is read. Here they are one shared, immutable buffer: the pair count, each
//! pair's lengths, then the keys' and values' bytes, sorted by key. A copy of a session (out of
//! the session cache, into a response) shares it; reading a row allocates it once.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// String pairs with unique keys, in key order; cheap to clone. Empty props allocate nothing.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Props(Option<Arc<[u8]>>);

/// The width of the count and of each length in the buffer.
const WORD: usize = std::mem::size_of::<u32>();

impl Props {
    /// Packs `pairs`; for a key given twice the later value wins (as a JSON object read into a
    /// map keeps its last duplicate).
    fn pack<K: AsRef<str>, V: AsRef<str>>(mut pairs: Vec<(K, V)>) -> Self {
        // A stable sort keeps duplicates in the order given; keeping the last of each run.
        pairs.sort_by(|a, b| a.0.as_ref().cmp(b.0.as_ref()));
        let mut kept: Vec<(&str, &str)> = Vec::with_capacity(pairs.len());
        for (k, v) in &pairs {
            match kept.last_mut() {
                Some(last) if last.0 == k.as_ref() => last.1 = v.as_ref(),
                _ => kept.push((k.as_ref(), v.as_ref())),
            }
        }
        if kept.is_empty() {
            return Props(None);
        }
        let text: usize = kept.iter().map(|(k, v)| k.len() + v.len()).sum();
        let mut buf = Vec::with_capacity(WORD * (1 + 2 * kept.len()) + text);
        buf.extend_from_slice(&word(kept.len()));
        for (k, v) in &kept {
            buf.extend_from_slice(&word(k.len()));
            buf.extend_from_slice(&word(v.len()));
        }
        for (k, v) in &kept {
            buf.extend_from_slice(k.as_bytes());
            buf.extend_from_slice(v.as_bytes());
        }
        Props(Some(buf.into()))
    }

    /// The text after the lengths (every key and value, in order), and where each pair lies in
    /// it, in key order.
    fn layout(&self) -> (&[u8], impl Iterator<Item = (Range<usize>, Range<usize>)> + Clone + '_) {
        let buf = self.0.as_deref().unwrap_or_default();
        let count = if buf.is_empty() { 0 } else { read_word(buf, 0) };
        let mut at = 0;
        let spans = (0..count).map(move |i| {
            let (k, v) = (read_word(buf, WORD * (1 + 2 * i)), read_word(buf, WORD * (2 + 2 * i)));
            let spans = (at..at + k, at + k..at + k + v);
            at += k + v;
            spans
        });
        (buf.get(WORD * (1 + 2 * count)..).unwrap_or_default(), spans)
    }

    /// The pairs as the buffer holds them, bytes, in key order.
    fn raw_pairs(&self) -> impl Iterator<Item = (&[u8], &[u8])> + Clone + '_ {
        let (text, spans) = self.layout();
        spans.map(move |(k, v)| (&text[k], &text[v]))
    }

    /// The pairs, in strictly ascending key order (keys are unique).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> + Clone + '_ {
        let (text, spans) = self.layout();
        // The text checked once, not pair by pair (a session answer reads every pair, twice
        // when written straight to JSON): written from `&str`s at these boundaries, every span
        // is on a character boundary ("" would mean a damaged buffer).
        let text = std::str::from_utf8(text).unwrap_or_default();
        spans.map(move |(k, v)| (text.get(k).unwrap_or_default(), text.get(v).unwrap_or_default()))
    }

    /// The value of `key`. Keys are compared as bytes, so that only the value found is read back
    /// as text: every request reads a prop or two (`type`, `isOAuthUser`, `csrf`), and checking
    /// each pair's UTF-8 on the way cost more than the rest of the look-up.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.raw_pairs().find(|(k, _)| *k == key.as_bytes()).map(|(_, v)| text(v))
    }

    pub fn len(&self) -> usize {
        self.0.as_deref().map_or(0, |buf| read_word(buf, 0))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The bytes of the shared buffer (for the session cache's estimate of what it holds).
    pub fn buffer_len(&self) -> usize {
        self.0.as_deref().map_or(0, <[u8]>::len)
    }
}

/// A key or value read back: always valid, since the buffer was written from `&str`s at these
/// boundaries ("" would mean a damaged buffer).
fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or_default()
}

fn word(n: usize) -> [u8; WORD] {
    // Props come from a request body or a row, both far below 4 GiB.
    u32::try_from(n).expect("props under 4 GiB").to_le_bytes()
}

fn read_word(buf: &[u8], at: usize) -> usize {
    let mut bytes = [0; WORD];
    bytes.copy_from_slice(&buf[at..at + WORD]);
    u32::from_le_bytes(bytes) as usize
}

impl From<BTreeMap<String, String>> for Props {
    fn from(map: BTreeMap<String, String>) -> Self {
        Props::pack(map.into_iter().collect())
    }
}

impl<K: AsRef<str>, V: AsRef<str>> FromIterator<(K, V)> for Props {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        Props::pack(pairs.into_iter().collect())
    }
}

impl fmt::Debug for Props {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A JSON object of strings, as Mattermost writes props.
impl Serialize for Props {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (k, v) in self.iter() {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Props {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PropsVisitor)
    }
}

struct PropsVisitor;

impl<'de> Visitor<'de> for PropsVisitor {
    type Value = Props;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of strings")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Props, A::Error> {
        let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(8));
        while let Some((k, v)) = map.next_entry::<Text<'de>, Text<'de>>()? {
            pairs.push((k.0, v.0));
        }
        Ok(Props::pack(pairs))
    }
}

/// A string borrowed from the input where it can be (no escapes in it), so that reading a row's
/// props allocates only the packed buffer.
struct Text<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn props_read_back_as_written_sorted_with_the_last_duplicate() {
        let props: Props = serde_json::from_str(r#"{"os":"Linux","csrf":"a\"b","é":"ü","os":"Mac","":""}"#).unwrap();
        assert_eq!(props.iter().collect::<Vec<_>>(), [("", ""), ("csrf", "a\"b"), ("os", "Mac"), ("é", "ü")]);
        assert_eq!(props.get("os"), Some("Mac"));
        assert_eq!(props.get("browser"), None);
        assert_eq!(props.len(), 4);
        assert_eq!(serde_json::to_string(&props).unwrap(), r#"{"":"","csrf":"a\"b","os":"Mac","é":"ü"}"#);
        let map = BTreeMap::from([("os".to_owned(), "Mac".to_owned()), ("csrf".to_owned(), "a\"b".to_owned())]);
        let same: Props = [("", ""), ("csrf", "a\"b"), ("os", "Mac"), ("é", "ü")].into_iter().collect();
        assert_eq!(props, same);
        assert_ne!(Props::from(map), props);
    }

    #[test]
    fn empty_props_hold_nothing_and_other_json_is_refused() {
        let empty: Props = serde_json::from_str("{}").unwrap();
        assert!(empty.is_empty() && empty == Props::default() && empty.buffer_len() == 0);
        assert_eq!(serde_json::to_string(&empty).unwrap(), "{}");
        assert!(serde_json::from_str::<Props>(r#"{"n":1}"#).is_err());
        assert!(serde_json::from_str::<Props>("[]").is_err());
    }
}
