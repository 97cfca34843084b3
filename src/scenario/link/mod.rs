//! The share link: a plan in the address's fragment, `#s=3.<payload>`.
//!
//! A link carries only what differs from its version's frozen base plan (see `patch.rs`).
//! Version 3 packs that patch as bytes (`packed.rs`), base64url-encoded: the default plan is
//! `s=3.AA`, and any plan the form lets a person build fits in [`MAX_LINK_CHARS`]
//! (`room.rs`). Links of versions 1 and 2 (the patch as JSON text) open forever.

mod packed;
mod patch;
mod room;

pub use room::{
    add, grown, link_room_left, name_maxlength, number_maxlength, room_an_addition_takes, room_for,
    Addition, ROOM_FOR_A_NUMBER,
};

use super::codec::{from_json_text, migrate, plain_shape, to_tree, within_limits};
use super::Scenario;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use patch::{apply, diff, Dialect};
use serde_json::{Map, Value};
use std::fmt;

/// The link format this build writes; older ones keep opening (see [`decode_link`]).
pub const LINK_VERSION: u32 = 3;
/// What a link's patch applies to, by link version: the default plan as released with that
/// format, in the schema of its day. Frozen: when defaults change, a new link version gets a
/// new base, and old links still open (their plan is then migrated like a stored record).
/// Version 3's base also holds the templates a new array item may start from.
const LINK_BASES: [(u32, u32, &str); 3] = [
    (1, 1, include_str!("base_v1.json")),
    (2, 2, include_str!("base_v2.json")),
    (3, 2, include_str!("base_v3.json")),
];
/// Longest link fragment written or read, in characters: what chat apps and link shorteners
/// take whole.
pub const MAX_LINK_CHARS: usize = 2000;

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

/// Why a scenario cannot become a link: only a plan larger than the form builds (one saved
/// by an older version, or imported) can be refused.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareError {
    TooLong { chars: usize },
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::TooLong { chars } => write!(f, "This plan would make a link of {chars} characters, longer than the {MAX_LINK_CHARS} that chat apps and link shorteners accept: it holds more than a plan built here can. Remove streams, products or cost lines, or shorten names, or export it as a file instead."),
        }
    }
}

/// A link version's frozen base: its plan, the schema that plan is in, and its templates.
struct Base {
    plan: Value,
    schema: u32,
    templates: Vec<Value>,
}

fn link_base(version: u32) -> Option<Base> {
    let (_, schema, text) = LINK_BASES.iter().find(|(v, _, _)| *v == version)?;
    let value: Value = serde_json::from_str(text).ok()?;
    if version < 3 {
        return Some(Base {
            plan: value,
            schema: *schema,
            templates: Vec::new(),
        });
    }
    let Value::Object(mut parts) = value else {
        return None;
    };
    let templates = match parts.remove("templates")? {
        Value::Array(items) => items,
        _ => return None,
    };
    Some(Base {
        plan: parts.remove("plan")?,
        schema: *schema,
        templates,
    })
}

/// The payload of a version-3 link: the packed patch, base64url.
fn payload(scenario: &Scenario) -> String {
    packed_payload_of_tree(&to_tree(scenario))
}

/// The payload of a plan as a JSON tree (see `room.rs` for why not always a plan).
fn packed_payload_of_tree(value: &Value) -> String {
    let base = link_base(LINK_VERSION).unwrap_or(Base {
        plan: Value::Null,
        schema: 0,
        templates: Vec::new(),
    });
    let patch = diff(&base.plan, value, &base.templates).unwrap_or(Value::Object(Map::new()));
    URL_SAFE_NO_PAD.encode(packed::pack(&patch))
}

/// The link fragment for a scenario: `s=3.<payload>` (without the `#`).
pub fn encode_link(scenario: &Scenario) -> Result<String, ShareError> {
    let fragment = format!("s={LINK_VERSION}.{}", payload(scenario));
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
    let base = link_base(version).ok_or(LinkError::Damaged)?;
    let bytes = URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| LinkError::Damaged)?;
    let patch = if version >= 3 {
        packed::unpack(&bytes)
    } else {
        String::from_utf8(bytes)
            .ok()
            .and_then(|text| from_json_text::<Value>(&text))
    };
    let patch = patch.filter(Value::is_object).ok_or(LinkError::Damaged)?;
    let dialect = match version {
        1 => Dialect::Plain,
        2 => Dialect::Marked,
        _ => Dialect::Templated(&base.templates),
    };
    let mut value = base.plan.clone();
    if !apply(&mut value, patch, dialect) {
        return Err(LinkError::Damaged);
    }
    let value = migrate(base.schema, value).map_err(|_| LinkError::Damaged)?;
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
