//! A JSON body of an answer: a model, or the bytes its serializer already wrote for one; and a
//! model's map: owned, or held as the JSON written for it once.
//!
//! Not the generator's own: `api/templates/rust-server/json.mustache` (docs/generator.md says
//! why). Every JSON body in a response enum is a [`Json<T>`]. The server writes a
//! [`Json::Model`] by serialising it straight into the body's bytes, and a
//! [`Json::Serialized`] by sending its bytes as they are: an `Api` that already holds an
//! answer's JSON hands it on without building, cloning or serialising a model. Every map of a
//! model (`additionalProperties`) is a [`Map`]: a model can hold a [`SharedMap`] built once (a
//! default that many answers carry) without cloning, dropping or serialising it again, or
//! entries written straight from where they are held, without building a map of owned strings.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use bytes::Bytes;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A JSON body of type `T`.
pub enum Json<T> {
    /// A model, serialised when the answer is written.
    Model(T),
    /// A model serialised earlier, sent as it is.
    Serialized(Serialized<T>),
}

/// The JSON that `T`'s own serializer wrote for one `T`. Only [`Serialized::new`] makes one,
/// so the type says what the bytes are; a clone shares them.
pub struct Serialized<T> {
    bytes: Bytes,
    model: PhantomData<fn() -> T>,
}

impl<T: Serialize> Serialized<T> {
    /// Serialises `model` once, for as many answers as hold a clone.
    pub fn new(model: &T) -> Result<Self, serde_json::Error> {
        Ok(Serialized { bytes: Bytes::from(serde_json::to_vec(model)?), model: PhantomData })
    }
}

impl<T> Serialized<T> {
    /// The JSON text.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }
}

impl<T> Clone for Serialized<T> {
    fn clone(&self) -> Self {
        Serialized { bytes: self.bytes.clone(), model: PhantomData }
    }
}

impl<T> fmt::Debug for Serialized<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Serialized").field(&String::from_utf8_lossy(&self.bytes)).finish()
    }
}

impl<T: Serialize> Json<T> {
    /// The body's bytes: the model serialised straight into them, or the bytes serialised
    /// earlier.
    pub fn into_bytes(self) -> Result<Bytes, serde_json::Error> {
        match self {
            Json::Model(model) => serde_json::to_vec(&model).map(Bytes::from),
            Json::Serialized(serialized) => Ok(serialized.bytes),
        }
    }
}

impl<T> From<T> for Json<T> {
    fn from(model: T) -> Self {
        Json::Model(model)
    }
}

/// A list body collected straight from an iterator of models.
impl<T> std::iter::FromIterator<T> for Json<Vec<T>> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Json::Model(iter.into_iter().collect())
    }
}

impl<T: fmt::Debug> fmt::Debug for Json<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Model(model) => model.fmt(f),
            Json::Serialized(serialized) => serialized.fmt(f),
        }
    }
}

/// Two models are equal as `T` says; a body serialised earlier equals another body when their
/// JSON is the same bytes.
impl<T: Serialize + PartialEq> PartialEq for Json<T> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Json::Model(a), Json::Model(b)) => a == b,
            (a, b) => json_bytes(a).is_some_and(|a| json_bytes(b).is_some_and(|b| a == b)),
        }
    }
}

fn json_bytes<T: Serialize>(body: &Json<T>) -> Option<Bytes> {
    match body {
        Json::Model(model) => serde_json::to_vec(model).ok().map(Bytes::from),
        Json::Serialized(serialized) => Some(serialized.bytes.clone()),
    }
}

/// A serialised body is read back into its model first, so that it serialises exactly as the
/// model does (key order and numbers included); only a response enum's derived `Serialize`
/// comes here, never an answer.
impl<T: Serialize + DeserializeOwned> Serialize for Json<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Model(model) => model.serialize(serializer),
            Json::Serialized(serialized) => serde_json::from_slice::<T>(&serialized.bytes)
                .map_err(serde::ser::Error::custom)?
                .serialize(serializer),
        }
    }
}

/// A body read from JSON is always a model.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Json<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Json::Model)
    }
}

/// A map of a model (`additionalProperties`; `typeMappings` in `api/generator-config.yaml`):
/// its own entries, entries shared with other models, or entries written as JSON straight from
/// where they are held. Each reads as a `BTreeMap` (keys sorted, as Go's `encoding/json` writes
/// a map) and serialises to the same JSON through serde_json's compact writer (`to_vec`,
/// `to_string`, `to_value`), the only one our answers use. A shared or written map is written
/// compact whatever the formatter, and a serializer other than serde_json's sees serde_json's
/// private `RawValue` struct, not a map.
#[derive(Clone)]
pub enum Map<K, V> {
    /// This model's own entries.
    Owned(BTreeMap<K, V>),
    /// Entries built once and shared with other models ([`SharedMap`]).
    Shared(SharedMap<K, V>),
    /// Entries written as JSON from a sorted source without building a map
    /// ([`Map::from_sorted`]); read back into one only if something reads them.
    Written(WrittenMap<K, V>),
}

/// Entries as the JSON a `BTreeMap` of them writes, and the map itself once it is needed.
/// Only [`Map::from_sorted`] and [`SharedMap::new`] make one, so the JSON is always a map's.
#[derive(Clone)]
pub struct WrittenMap<K, V> {
    json: Box<serde_json::value::RawValue>,
    map: OnceLock<BTreeMap<K, V>>,
}

/// A map built once and shared: a clone is a reference count, and serialising it writes the
/// JSON that `BTreeMap`'s own serializer wrote when it was made.
pub struct SharedMap<K, V>(Arc<WrittenMap<K, V>>);

impl<K: Serialize, V: Serialize> SharedMap<K, V> {
    /// Serialises `map` once, for every model that holds a clone.
    pub fn new(map: BTreeMap<K, V>) -> Result<Self, serde_json::Error> {
        let json = serde_json::value::to_raw_value(&map)?;
        Ok(SharedMap(Arc::new(WrittenMap { json, map: OnceLock::from(map) })))
    }
}

impl<K, V> Clone for SharedMap<K, V> {
    fn clone(&self) -> Self {
        SharedMap(Arc::clone(&self.0))
    }
}

impl<K, V> Map<K, V> {
    /// The entries `entries` yields, for keys and values that serialise as their owned forms do
    /// (`str` and `String`). Given in strictly ascending key order (as a map or a sorted list
    /// holds them), they are written as JSON at once, exactly as the `BTreeMap` of them would
    /// be, without an owned string or a tree node per entry; otherwise they are built into one.
    pub fn from_sorted<'a, Q, W, I>(entries: I) -> Self
    where
        I: IntoIterator<Item = (&'a Q, &'a W)> + Clone,
        Q: ?Sized + Ord + Serialize + ToOwned<Owned = K> + 'a,
        W: ?Sized + Serialize + ToOwned<Owned = V> + 'a,
        K: Ord,
    {
        let mut keys = entries.clone().into_iter().map(|(k, _)| k);
        let ascending = match keys.next() {
            None => true,
            Some(first) => keys.try_fold(first, |previous, k| (previous < k).then_some(k)).is_some(),
        };
        if ascending {
            if let Ok(json) = serde_json::value::to_raw_value(&Entries(entries.clone())) {
                return Map::Written(WrittenMap { json, map: OnceLock::new() });
            }
        }
        Map::Owned(entries.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect())
    }
}

/// Entries serialised as a map, in the order given.
struct Entries<I>(I);

impl<'a, I, Q, W> Serialize for Entries<I>
where
    I: IntoIterator<Item = (&'a Q, &'a W)> + Clone,
    Q: ?Sized + Serialize + 'a,
    W: ?Sized + Serialize + 'a,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.clone())
    }
}

impl<K: Ord + DeserializeOwned, V: DeserializeOwned> Deref for WrittenMap<K, V> {
    type Target = BTreeMap<K, V>;
    fn deref(&self) -> &BTreeMap<K, V> {
        self.map.get_or_init(|| read_back(&self.json))
    }
}

fn read_back<K: Ord + DeserializeOwned, V: DeserializeOwned>(json: &serde_json::value::RawValue) -> BTreeMap<K, V> {
    serde_json::from_str(json.get()).expect("the JSON was written from entries of these types")
}

impl<K: Ord + DeserializeOwned, V: DeserializeOwned> Deref for SharedMap<K, V> {
    type Target = BTreeMap<K, V>;
    fn deref(&self) -> &BTreeMap<K, V> {
        &self.0
    }
}

impl<K: Ord + DeserializeOwned, V: DeserializeOwned> Deref for Map<K, V> {
    type Target = BTreeMap<K, V>;
    fn deref(&self) -> &BTreeMap<K, V> {
        match self {
            Map::Owned(map) => map,
            Map::Shared(shared) => shared,
            Map::Written(written) => written,
        }
    }
}

impl<K: Ord + Clone + DeserializeOwned, V: Clone + DeserializeOwned> Map<K, V> {
    /// The entries as a map of this model's own: moved out when owned, cloned when shared, read
    /// back from the JSON when written.
    pub fn into_owned(self) -> BTreeMap<K, V> {
        match self {
            Map::Owned(map) => map,
            Map::Shared(shared) => (*shared).clone(),
            Map::Written(WrittenMap { json, map }) => map.into_inner().unwrap_or_else(|| read_back(&json)),
        }
    }
}

impl<K, V> Default for Map<K, V> {
    fn default() -> Self {
        Map::Owned(BTreeMap::new())
    }
}

impl<K, V> From<BTreeMap<K, V>> for Map<K, V> {
    fn from(map: BTreeMap<K, V>) -> Self {
        Map::Owned(map)
    }
}

impl<K, V> From<SharedMap<K, V>> for Map<K, V> {
    fn from(shared: SharedMap<K, V>) -> Self {
        Map::Shared(shared)
    }
}

impl<K: Ord, V> std::iter::FromIterator<(K, V)> for Map<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Map::Owned(iter.into_iter().collect())
    }
}

impl<'a, K: Ord + DeserializeOwned, V: DeserializeOwned> IntoIterator for &'a Map<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::collections::btree_map::Iter<'a, K, V>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<K: Ord + DeserializeOwned + fmt::Debug, V: DeserializeOwned + fmt::Debug> fmt::Debug for Map<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

/// Two maps are equal when their entries are, however each is held.
impl<K: Ord + DeserializeOwned, V: DeserializeOwned + PartialEq> PartialEq for Map<K, V> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

/// An owned map serialises as `BTreeMap` does; a shared or written one writes the JSON that
/// did so.
impl<K: Serialize, V: Serialize> Serialize for Map<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Map::Owned(map) => map.serialize(serializer),
            Map::Shared(shared) => shared.0.json.serialize(serializer),
            Map::Written(written) => written.json.serialize(serializer),
        }
    }
}

/// A map read from JSON is always the model's own.
impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Map<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        BTreeMap::deserialize(deserializer).map(Map::Owned)
    }
}
