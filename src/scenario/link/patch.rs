//! What turns a link's base plan into the plan shared: a JSON merge patch (RFC 7396) and the
//! markers later versions add to it.
//!
//! RFC 7396 replaces whole arrays and reads null as "remove", so version 2 marks both: an
//! array is `{"$len": n, "2": patch}`, n items, each the base's item at that index (past the
//! base's end, its last item) with its patch applied; a member set to null is `{"$null": 1}`.
//! Version 3 lets an item start from one of the base's templates instead (`"$t": k`, k from
//! 1), so a new stream carries only what differs from a new stream of its kind.

use super::packed::pack;
use serde_json::{Map, Value};

/// Marks an array patch; its value is the array's length.
const ARRAY_LENGTH: &str = "$len";
/// A member set to null.
const NULL: &str = "$null";
/// The template an array item starts from, counted from 1.
const TEMPLATE: &str = "$t";
/// Most items a patched array may have: above any plan's (50 cost lines is the most), and
/// low enough that a crafted link of nested arrays (100 products of 100 layers each) stays
/// a few milliseconds of work before its plan is refused.
const MAX_PATCHED_ITEMS: u64 = 100;

/// How a link version reads its patch.
#[derive(Clone, Copy)]
pub enum Dialect<'a> {
    /// Version 1: RFC 7396 as written.
    Plain,
    /// Version 2: arrays and nulls marked.
    Marked,
    /// Version 3: marked, and items may start from a template.
    Templated(&'a [Value]),
}

/// What turns `base` into `value`, in the templated dialect (nothing when they are equal).
pub fn diff(base: &Value, value: &Value, templates: &[Value]) -> Option<Value> {
    match (base, value) {
        (Value::Object(b), Value::Object(v)) => {
            let mut patch = Map::new();
            for (key, item) in v {
                let change = match b.get(key) {
                    Some(old) => diff(old, item, templates),
                    None => Some(whole(item)),
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
                if let Some(d) = item_patch(b.get(i).or(b.last()), item, templates) {
                    patch.insert(i.to_string(), d);
                }
            }
            Some(Value::Object(patch))
        }
        (_, value) => Some(whole(value)),
    }
}

/// The smallest patch of an array item: from the base's item in its place, or from a template.
fn item_patch(old: Option<&Value>, item: &Value, templates: &[Value]) -> Option<Value> {
    let in_place = match old {
        Some(old) => diff(old, item, templates),
        None => Some(whole(item)),
    };
    if !item.is_object() {
        return in_place;
    }
    let size = |p: &Option<Value>| p.as_ref().map_or(0, |p| pack(p).len());
    let mut best = in_place;
    for (k, template) in templates.iter().enumerate() {
        if !alike(template, item) {
            continue;
        }
        let mut members = match diff(template, item, templates) {
            Some(Value::Object(members)) => members,
            None => Map::new(),
            Some(_) => continue,
        };
        members.insert(TEMPLATE.into(), Value::from(k + 1));
        let candidate = Some(Value::Object(members));
        if size(&candidate) < size(&best) {
            best = candidate;
        }
    }
    best
}

/// True when a template can start the item: the same members, of the same kind.
fn alike(template: &Value, item: &Value) -> bool {
    let (Value::Object(t), Value::Object(i)) = (template, item) else {
        return false;
    };
    t.len() == i.len()
        && t.keys().all(|k| i.contains_key(k))
        && ["kind", "subscription"]
            .iter()
            .all(|k| t.get(*k) == i.get(*k))
}

/// A value written whole into a patch: its nulls marked, its arrays as arrays.
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

/// Applies a patch onto `target`. False when a marker is malformed.
pub fn apply(target: &mut Value, patch: Value, dialect: Dialect) -> bool {
    let marked = !matches!(dialect, Dialect::Plain);
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
            if !apply_item(slot, item, dialect) {
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
        } else if !apply(t.entry(key).or_insert(Value::Null), item, dialect) {
            return false;
        }
    }
    true
}

/// Applies an array item's patch, starting from the template it names, if any.
fn apply_item(slot: &mut Value, item: Value, dialect: Dialect) -> bool {
    let Dialect::Templated(templates) = dialect else {
        return apply(slot, item, dialect);
    };
    let Value::Object(mut members) = item else {
        return apply(slot, item, dialect);
    };
    if let Some(k) = members.remove(TEMPLATE) {
        let Some(template) = k
            .as_u64()
            .and_then(|k| k.checked_sub(1))
            .and_then(|k| templates.get(usize::try_from(k).ok()?))
        else {
            return false;
        };
        *slot = template.clone();
    }
    apply(slot, Value::Object(members), dialect)
}
