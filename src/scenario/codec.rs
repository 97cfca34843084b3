//! Codecs of a scenario: the stored record (JSON, versioned) and the share link (`#s=1.…`).
//!
//! Both decoders take untrusted text and answer with a scenario or a sentence, never a panic.
//! A link carries only what differs from the default scenario (a JSON merge patch, RFC 7396),
//! base64url-encoded, so a typical plan stays well under 1,000 characters.

use super::break_even::MAX_COST_LINES;
use super::delayed::MAX_STREAMS;
use super::pricing::{MAX_LAYERS, MAX_PRODUCT_NAME};
use super::{Scenario, MAX_PRODUCTS, SCHEMA_VERSION};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// The link format this build writes; older ones keep opening (see `decode_link`).
pub const LINK_VERSION: u32 = 2;
/// What a link's patch applies to, by link version: the default plan as released with that
/// format, in the schema of its day. Frozen: when defaults change, a new link version gets a
/// new base, and old links still open (their plan is then migrated like a stored record).
const LINK_BASES: [(u32, u32, &str); 2] = [
    (1, 1, include_str!("link_base_v1.json")),
    (2, 2, include_str!("link_base_v2.json")),
];
/// Longest link fragment written or read, in characters.
pub const MAX_LINK_CHARS: usize = 2000;
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

/// Why a link cannot be opened; Display is the sentence shown.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// The link has no scenario in it.
    Missing,
    /// Truncated, bad characters, or not a scenario.
    Damaged,
    /// Made by a newer version of the app.
    Future { version: u32 },
    /// Longer than any link this app makes.
    TooLong,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Missing => write!(f, "This link has no plan in it."),
            LinkError::Damaged => write!(f, "This link is damaged (cut short or changed), so its plan could not be opened. Your own work is untouched."),
            LinkError::Future { version } => write!(f, "This link was made by a newer version of Honest Income (format {version}). Your own work is untouched."),
            LinkError::TooLong => write!(f, "This link is longer than any link Honest Income makes, so it was not opened. Your own work is untouched."),
        }
    }
}

/// Why a scenario cannot become a link.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareError {
    TooLong { chars: usize },
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLong { chars } => write!(f, "This scenario would make a link of {chars} characters, longer than the {MAX_LINK_CHARS} that chat apps and link shorteners accept. Export it as a file instead."),
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
fn within_limits(s: &Scenario) -> bool {
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
fn plain_shape(scenario: &Value) -> bool {
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

/// The array marker of a version-2 patch: `{"$len": n, "2": patch}` is an array of n items,
/// each the base's item at that index (past the base's end, its last item) with its patch
/// applied (RFC 7396 replaces whole arrays, so one edited stream would carry every stream).
const ARRAY_LENGTH: &str = "$len";
/// A member set to null (RFC 7396 reads null as "remove", which would bring back the default).
const NULL: &str = "$null";
/// Most items a patched array may have: far above any plan's, far below what exhausts memory.
const MAX_PATCHED_ITEMS: u64 = 1000;

/// What turns `base` into `value`, as a version-2 link patch: a JSON merge patch whose arrays
/// are patched by index and whose nulls are marked (see [`ARRAY_LENGTH`] and [`NULL`]).
fn diff(base: &Value, value: &Value) -> Option<Value> {
    match (base, value) {
        (Value::Object(b), Value::Object(v)) => {
            let mut patch = Map::new();
            for (key, item) in v {
                let change = match (b.get(key), item) {
                    (Some(old), item) => diff(old, item),
                    (None, item) => Some(whole(item)),
                };
                if let Some(d) = change {
                    patch.insert(key.clone(), d);
                }
            }
            for key in b.keys().filter(|k| !v.contains_key(*k)) {
                patch.insert(key.clone(), Value::Null);
            }
            (!patch.is_empty()).then_some(Value::Object(patch))
        }
        _ if base == value => None,
        (Value::Array(b), Value::Array(v)) => {
            let mut patch = Map::new();
            patch.insert(ARRAY_LENGTH.into(), Value::from(v.len()));
            for (i, item) in v.iter().enumerate() {
                let change = match b.get(i).or(b.last()) {
                    Some(old) => diff(old, item),
                    None => Some(whole(item)),
                };
                if let Some(d) = change {
                    patch.insert(i.to_string(), d);
                }
            }
            Some(Value::Object(patch))
        }
        (_, value) => Some(whole(value)),
    }
}

/// A value written whole into a version-2 patch: its nulls marked, its arrays as arrays.
fn whole(value: &Value) -> Value {
    // Maps are built by insertion: collecting one sorts, a second copy of the std sort in the wasm.
    match value {
        Value::Null => {
            let mut marker = Map::new();
            marker.insert(NULL.into(), Value::from(1));
            Value::Object(marker)
        }
        Value::Object(members) => {
            let mut copy = Map::new();
            for (k, v) in members {
                copy.insert(k.clone(), whole(v));
            }
            Value::Object(copy)
        }
        Value::Array(items) => Value::Array(items.iter().map(whole).collect()),
        other => other.clone(),
    }
}

/// Applies a patch onto `target`: RFC 7396 for a version-1 link, with version 2's array and
/// null markers when `marked`. False when a marker is malformed.
fn apply(target: &mut Value, patch: Value, marked: bool) -> bool {
    let Value::Object(mut members) = patch else {
        *target = patch;
        return true;
    };
    if marked && members.len() == 1 && members.get(NULL) == Some(&Value::from(1)) {
        *target = Value::Null;
        return true;
    }
    if marked && members.contains_key(ARRAY_LENGTH) {
        let Some(len) = members
            .remove(ARRAY_LENGTH)
            .and_then(|l| l.as_u64())
            .filter(|l| *l <= MAX_PATCHED_ITEMS)
        else {
            return false;
        };
        let mut items = target.as_array().cloned().unwrap_or_default();
        let template = items.last().cloned().unwrap_or(Value::Null);
        items.resize(len as usize, template);
        for (key, item) in members {
            let Some(slot) = key.parse::<usize>().ok().and_then(|i| items.get_mut(i)) else {
                return false;
            };
            if !apply(slot, item, marked) {
                return false;
            }
        }
        *target = Value::Array(items);
        return true;
    }
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    let Value::Object(t) = target else {
        return false;
    };
    for (key, item) in members {
        if item.is_null() {
            t.remove(&key);
        } else if !apply(t.entry(key).or_insert(Value::Null), item, marked) {
            return false;
        }
    }
    true
}

/// The frozen base of a link version and the schema its plan is in.
fn link_base(version: u32) -> Option<(u32, Value)> {
    let (_, schema, text) = LINK_BASES.iter().find(|(v, _, _)| *v == version)?;
    Some((*schema, serde_json::from_str(text).ok()?))
}

/// The link fragment for a scenario: `s=2.<payload>` (without the `#`).
pub fn encode_link(scenario: &Scenario) -> Result<String, ShareError> {
    let base = link_base(LINK_VERSION)
        .map(|(_, b)| b)
        .unwrap_or(Value::Null);
    let value = to_tree(scenario);
    let patch = diff(&base, &value).unwrap_or_else(|| Value::Object(Map::new()));
    let json = patch.to_string();
    let fragment = format!("s={LINK_VERSION}.{}", URL_SAFE_NO_PAD.encode(json));
    if fragment.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong {
            chars: fragment.len() + 1,
        });
    }
    Ok(fragment)
}

/// Opens a link fragment (with or without the `#`), or says why not.
pub fn decode_link(fragment: &str) -> Result<Scenario, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_LINK_CHARS + 16 {
        return Err(LinkError::TooLong);
    }
    let token = fragment
        .split('&')
        .find_map(|part| part.strip_prefix("s="))
        .ok_or(LinkError::Missing)?;
    let (version, payload) = token.split_once('.').ok_or(LinkError::Damaged)?;
    let version: u32 = version.parse().map_err(|_| LinkError::Damaged)?;
    if version > LINK_VERSION {
        return Err(LinkError::Future { version });
    }
    let (schema, mut value) = link_base(version).ok_or(LinkError::Damaged)?;
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| LinkError::Damaged)?;
    let text = String::from_utf8(bytes).map_err(|_| LinkError::Damaged)?;
    let patch: Value = from_json_text(&text).ok_or(LinkError::Damaged)?;
    if !patch.is_object() {
        return Err(LinkError::Damaged);
    }
    if !apply(&mut value, patch, version >= 2) {
        return Err(LinkError::Damaged);
    }
    let value = migrate(schema, value).map_err(|_| LinkError::Damaged)?;
    if !plain_shape(&value) {
        return Err(LinkError::Damaged);
    }
    let mut scenario: Scenario = from_json_text(&value.to_string()).ok_or(LinkError::Damaged)?;
    scenario.repair_links();
    if !within_limits(&scenario) {
        return Err(LinkError::Damaged);
    }
    Ok(scenario)
}
