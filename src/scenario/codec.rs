//! Codecs of a scenario: the stored record (JSON, versioned), and the checks every plan read
//! from outside passes (a record, an export, a link: see `link`).
//!
//! Decoders take untrusted text and answer with a scenario or a sentence, never a panic.

use super::break_even::MAX_COST_LINES;
use super::delayed::MAX_STREAMS;
use super::pricing::{MAX_LAYERS, MAX_PRODUCT_NAME};
use super::{Scenario, MAX_PRODUCTS, SCHEMA_VERSION};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

pub use super::link::{
    decode_link, encode_link, LinkError, ShareError, LINK_VERSION, MAX_LINK_CHARS,
};

/// Longest text of any other field read, in characters.
pub const MAX_TEXT_CHARS: usize = 200;
/// Longest stored record read, in bytes (a sanity bound far above any real plan).
pub const MAX_RECORD_BYTES: usize = 512 * 1024;

/// A saved scenario as stored: one localStorage key each. Every member must be present.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredRecord {
    /// The schema version of this record.
    pub schema: u32,
    pub id: String,
    pub name: String,
    /// Milliseconds since 1970 of the last change (from the caller's clock).
    pub updated: f64,
    pub scenario: Scenario,
    /// Which write this is: the writing tab's id and its count of writes. Two tabs saving in
    /// the same millisecond still write different stamps. Empty in records from before.
    #[serde(default)]
    pub stamp: String,
    /// The stamp of the version this one was made from (empty for a new plan and in records
    /// from before): another tab follows a newer version at once only when it was made from
    /// the version that tab last saw, so a write that raced its own is never taken silently.
    /// Not written when empty, so records and exports from before read back as they were.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub base: String,
}

/// Why a stored record cannot be used; Display is the sentence shown.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordError {
    /// Not JSON, or not the shape of a record.
    Corrupt,
    /// Written by a newer version of the app: left untouched.
    Newer {
        schema: u32,
    },
    TooLarge,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Corrupt => write!(f, "This saved scenario is damaged and could not be read; its raw data is kept aside."),
            RecordError::Newer { schema } => write!(f, "This scenario was saved by a newer version of Honest Income (format {schema}); it is left untouched."),
            RecordError::TooLarge => write!(f, "This saved scenario is too large to be genuine; its raw data is kept aside."),
        }
    }
}

/// Upgrades a record's JSON from its schema to the current one. Pure; each step is tested on
/// fixtures of every released version in `tests/fixtures/`.
pub fn migrate(schema: u32, scenario: Value) -> Result<Value, RecordError> {
    match schema {
        SCHEMA_VERSION => Ok(scenario),
        s if s > SCHEMA_VERSION => Err(RecordError::Newer { schema: s }),
        0 => Err(RecordError::Corrupt),
        s => super::migrate::upgrade(s, SCHEMA_VERSION, scenario).ok_or(RecordError::Corrupt),
    }
}

/// Structural limits, so a crafted record or link cannot make the page unusable. Text is
/// bounded in characters, as the form's inputs are, so whatever the form takes reads back.
pub(crate) fn within_limits(s: &Scenario) -> bool {
    let short = |t: &str| t.chars().count() <= MAX_TEXT_CHARS;
    let b = &s.break_even;
    let d = &s.delayed;
    let currency = s.currency();
    let products_fit = (1..=MAX_PRODUCTS).contains(&s.products.len())
        && s.products.iter().enumerate().all(|(i, p)| {
            // Pages tell products apart by id, and sum them in one currency.
            s.products[..i].iter().all(|other| other.id != p.id)
                && p.currency == currency
                && p.name.chars().count() <= MAX_PRODUCT_NAME
                && p.layers.len() <= MAX_LAYERS
                && p.layers.iter().all(|l| {
                    short(&l.name) && short(&l.percent) && short(&l.fixed) && short(&l.monthly)
                })
        });
    products_fit
        && b.costs.len() <= MAX_COST_LINES
        && b.costs.iter().all(|c| short(&c.name) && short(&c.amount))
        && d.streams.len() <= MAX_STREAMS
        // The page tells streams apart by id: a crafted plan must not repeat one.
        && d.streams
            .iter()
            .enumerate()
            .all(|(i, st)| d.streams[..i].iter().all(|other| other.id != st.id))
        && d.streams.iter().all(|st| {
            short(&st.name)
                && [&st.values, &st.low, &st.high]
                    .iter()
                    .all(|m| m.len() <= 40 && m.iter().all(|(k, v)| short(k) && short(v)))
        })
}

/// Reads a typed value from JSON text.
///
/// Every typed read in the app goes through this one function (and gloo-storage's `get`, which
/// calls the same `serde_json::from_str`), and a `Value` in hand is written out and read back
/// rather than taken apart with `from_value`: each Deserializer type gets its own copy of every
/// derived impl in the wasm, and one copy is enough.
pub fn from_json_text<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

/// JSON text of a typed value; the one Serializer the app instantiates (see [`from_json_text`]).
pub fn to_json_text<T: Serialize>(value: &T) -> String {
    // Only a map with non-string keys or a failing Serialize impl can fail; ours have neither.
    serde_json::to_string(value).unwrap_or_default()
}

/// A typed value as a JSON tree, through the one Serializer (see [`from_json_text`]).
pub(crate) fn to_tree<T: Serialize>(value: &T) -> Value {
    from_json_text(&to_json_text(value)).unwrap_or(Value::Null)
}

/// True when every struct of the plan is a JSON object and every enum a string.
///
/// serde's derive also reads a struct from an array of its fields in order, and a unit variant
/// from a map (`{"Eur": null}`). No version of the app writes either, and such a member was
/// always refused as mistyped: a damaged record is kept aside, not opened half-read.
pub(crate) fn plain_shape(scenario: &Value) -> bool {
    fn items<'a>(members: &'a Map<String, Value>, list: &str) -> &'a [Value] {
        members
            .get(list)
            .and_then(Value::as_array)
            .map(|a| a.as_slice())
            .unwrap_or_default()
    }
    let Value::Object(calculators) = scenario else {
        return false;
    };
    let not_array = |v: &Value| !v.is_array();
    let string_if_there =
        |object: &Map<String, Value>, key: &str| object.get(key).is_none_or(Value::is_string);
    calculators.iter().all(|(name, calculator)| {
        if name == "products" {
            return calculator.as_array().is_none_or(|products| {
                products.iter().all(|p| match p {
                    Value::Object(product) => {
                        string_if_there(product, "currency")
                            && items(product, "layers").iter().all(not_array)
                    }
                    other => !other.is_array(),
                })
            });
        }
        let Value::Object(members) = calculator else {
            return !(["break_even", "delayed"].contains(&name.as_str()) && calculator.is_array());
        };
        match name.as_str() {
            "break_even" => {
                string_if_there(members, "curve") && items(members, "costs").iter().all(not_array)
            }
            "delayed" => items(members, "streams").iter().all(|s| match s {
                Value::Object(stream) => {
                    string_if_there(stream, "kind") && string_if_there(stream, "members_mode")
                }
                other => !other.is_array(),
            }),
            _ => true,
        }
    })
}

/// Encodes a record for storage.
pub fn encode_record(record: &StoredRecord) -> String {
    to_json_text(record)
}

/// Decodes a stored record, migrating older schemas; refuses newer ones untouched.
pub fn decode_record(raw: &str) -> Result<StoredRecord, RecordError> {
    if raw.len() > MAX_RECORD_BYTES {
        return Err(RecordError::TooLarge);
    }
    let value: Value = serde_json::from_str(raw).map_err(|_| RecordError::Corrupt)?;
    decode_record_tree(value)
}

/// A record already read as a JSON tree (an export file's member), checked and migrated as
/// [`decode_record`] does.
pub fn decode_record_tree(value: Value) -> Result<StoredRecord, RecordError> {
    let schema = value
        .get("schema")
        .and_then(Value::as_u64)
        .and_then(|s| u32::try_from(s).ok())
        .ok_or(RecordError::Corrupt)?;
    let mut object = match value {
        Value::Object(o) => o,
        _ => return Err(RecordError::Corrupt),
    };
    let scenario = object.remove("scenario").ok_or(RecordError::Corrupt)?;
    let scenario = migrate(schema, scenario)?;
    if !plain_shape(&scenario) {
        return Err(RecordError::Corrupt);
    }
    object.insert("scenario".into(), scenario);
    object.insert("schema".into(), Value::from(SCHEMA_VERSION));
    let text = Value::Object(object).to_string();
    if text.len() > MAX_RECORD_BYTES {
        return Err(RecordError::TooLarge);
    }
    let mut record: StoredRecord = from_json_text(&text).ok_or(RecordError::Corrupt)?;
    record.scenario.repair_links();
    if !record.updated.is_finite() || !within_limits(&record.scenario) {
        return Err(RecordError::Corrupt);
    }
    Ok(record)
}
