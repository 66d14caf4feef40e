//! A JSON body of an answer: a model, or the bytes its serializer already wrote for one.
//!
//! Not the generator's own: `api/templates/rust-server/json.mustache` (docs/generator.md says
//! why). Every JSON body in a response enum is a [`Json<T>`]. The server writes a
//! [`Json::Model`] by serialising it straight into the body's bytes, and a
//! [`Json::Serialized`] by sending its bytes as they are: an `Api` that already holds an
//! answer's JSON hands it on without building, cloning or serialising a model.

use std::fmt;
use std::marker::PhantomData;

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
