//! Codecs of a scenario: the stored record (JSON, versioned) and the share link (`#s=1.…`).
//!
//! Both decoders take untrusted text and answer with a scenario or a sentence, never a panic.
//! A link carries only what differs from the default scenario (a JSON merge patch, RFC 7396),
//! base64url-encoded, so a typical plan stays well under 1,000 characters.

use super::{Scenario, SCHEMA_VERSION};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// The link format this build writes; older ones keep opening (see `decode_link`).
pub const LINK_VERSION: u32 = 1;
/// What a version-1 link's patch applies to: the default scenario as released with format 1.
/// Frozen: when defaults change, a new link version gets a new base, and old links still open.
const LINK_V1_BASE: &str = include_str!("link_base_v1.json");
/// Longest link fragment written or read, in characters.
pub const MAX_LINK_CHARS: usize = 2000;
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
            LinkError::Missing => write!(f, "This link has no scenario in it."),
            LinkError::Damaged => write!(f, "This link is damaged (cut short or changed), so its scenario could not be opened. Your own work is untouched."),
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
        // No older schema has been released.
        _ => Err(RecordError::Corrupt),
    }
}

/// Structural limits, so a crafted record or link cannot make the page unusable.
fn within_limits(s: &Scenario) -> bool {
    let short = |t: &str| t.len() <= 200;
    let p = &s.pricing;
    let b = &s.break_even;
    let d = &s.delayed;
    p.layers.len() <= 20
        && p.layers
            .iter()
            .all(|l| short(&l.name) && short(&l.percent) && short(&l.fixed) && short(&l.monthly))
        && b.costs.len() <= 50
        && b.costs.iter().all(|c| short(&c.name) && short(&c.amount))
        && d.streams.len() <= 20
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
    let Value::Object(calculators) = scenario else {
        return false;
    };
    let not_array = |v: &Value| !v.is_array();
    let string_if_there =
        |object: &Map<String, Value>, key: &str| object.get(key).is_none_or(Value::is_string);
    calculators.iter().all(|(name, calculator)| {
        let Value::Object(members) = calculator else {
            return !(["pricing", "break_even", "delayed"].contains(&name.as_str())
                && calculator.is_array());
        };
        let items = |list: &str| {
            members
                .get(list)
                .and_then(Value::as_array)
                .map(|a| a.as_slice())
                .unwrap_or_default()
        };
        match name.as_str() {
            "pricing" => {
                string_if_there(members, "currency") && items("layers").iter().all(not_array)
            }
            "break_even" => {
                string_if_there(members, "curve") && items("costs").iter().all(not_array)
            }
            "delayed" => items("streams").iter().all(|s| match s {
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
    let record: StoredRecord =
        from_json_text(&Value::Object(object).to_string()).ok_or(RecordError::Corrupt)?;
    if !record.updated.is_finite() || !within_limits(&record.scenario) {
        return Err(RecordError::Corrupt);
    }
    Ok(record)
}

/// The members of `value` that differ from `base`, as a JSON merge patch.
fn diff(base: &Value, value: &Value) -> Option<Value> {
    match (base, value) {
        (Value::Object(b), Value::Object(v)) => {
            let mut patch = Map::new();
            for (key, item) in v {
                match b.get(key) {
                    Some(old) => {
                        if let Some(d) = diff(old, item) {
                            patch.insert(key.clone(), d);
                        }
                    }
                    None => {
                        patch.insert(key.clone(), item.clone());
                    }
                }
            }
            (!patch.is_empty()).then_some(Value::Object(patch))
        }
        _ if base == value => None,
        _ => Some(value.clone()),
    }
}

/// Applies a JSON merge patch (RFC 7396) onto `target`.
fn apply(target: &mut Value, patch: Value) {
    match patch {
        Value::Object(members) => {
            if !target.is_object() {
                *target = Value::Object(Map::new());
            }
            if let Value::Object(t) = target {
                for (key, item) in members {
                    if item.is_null() {
                        t.remove(&key);
                    } else {
                        apply(t.entry(key).or_insert(Value::Null), item);
                    }
                }
            }
        }
        other => *target = other,
    }
}

/// The link fragment for a scenario: `s=1.<payload>` (without the `#`).
pub fn encode_link(scenario: &Scenario) -> Result<String, ShareError> {
    let base: Value = serde_json::from_str(LINK_V1_BASE).unwrap_or(Value::Null);
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
    match version {
        LINK_VERSION => {}
        v if v > LINK_VERSION => return Err(LinkError::Future { version: v }),
        _ => return Err(LinkError::Damaged),
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| LinkError::Damaged)?;
    let text = String::from_utf8(bytes).map_err(|_| LinkError::Damaged)?;
    let patch: Value = from_json_text(&text).ok_or(LinkError::Damaged)?;
    if !patch.is_object() {
        return Err(LinkError::Damaged);
    }
    let mut value: Value = serde_json::from_str(LINK_V1_BASE).map_err(|_| LinkError::Damaged)?;
    apply(&mut value, patch);
    if !plain_shape(&value) {
        return Err(LinkError::Damaged);
    }
    let scenario: Scenario = from_json_text(&value.to_string()).ok_or(LinkError::Damaged)?;
    if !within_limits(&scenario) {
        return Err(LinkError::Damaged);
    }
    Ok(scenario)
}
