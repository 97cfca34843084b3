//! Upgrades a plan's JSON from the schema it was written in to the one this build reads.
//!
//! Pure functions on the JSON tree, one step per released version, each tested on fixtures of
//! that version kept forever in `tests/fixtures/`. A step changes the shape only: the numbers a
//! migrated plan shows stay what they were.
//!
//! - 1 (November 2026): one Pricing product in `pricing`; Break-even and product streams took
//!   its net when `use_pricing_net` was set.
//! - 2 (December 2026): `products`, each with an id and name; Break-even and the product and
//!   subscription streams name theirs in `product` (null: their own figure).

use serde_json::{Map, Value};

/// What a product moved over from a version-1 plan is called.
pub const MIGRATED_PRODUCT_NAME: &str = "My product";

/// The plan upgraded one step at a time from `schema` to `target`; None for a schema no build
/// released, or a plan whose shape no version wrote.
pub fn upgrade(schema: u32, target: u32, mut scenario: Value) -> Option<Value> {
    let mut version = schema;
    while version < target {
        scenario = match version {
            1 => v1_to_v2(scenario)?,
            _ => return None,
        };
        version += 1;
    }
    (version == target).then_some(scenario)
}

/// Version 1 to 2: the one product gets an id (0) and a name and moves into `products`; each
/// `use_pricing_net` becomes a `product` link to it, or null.
fn v1_to_v2(scenario: Value) -> Option<Value> {
    let Value::Object(mut plan) = scenario else {
        return None;
    };
    if let Some(pricing) = plan.remove("pricing") {
        let Value::Object(mut product) = pricing else {
            return None;
        };
        product.insert("id".into(), Value::from(0));
        product.insert("name".into(), Value::from(MIGRATED_PRODUCT_NAME));
        plan.insert(
            "products".into(),
            Value::Array(vec![Value::Object(product)]),
        );
        plan.insert("open_product".into(), Value::from(0));
    }
    if let Some(Value::Object(break_even)) = plan.get_mut("break_even") {
        // Version 1 took Pricing's net unless told otherwise.
        let linked = take_flag(break_even).ok()?.unwrap_or(true);
        break_even.insert("product".into(), link(linked));
    }
    let streams = plan
        .get_mut("delayed")
        .and_then(|d| d.get_mut("streams"))
        .and_then(Value::as_array_mut);
    for stream in streams.into_iter().flatten() {
        if let Value::Object(stream) = stream {
            let is_product = stream.get("kind").and_then(Value::as_str) == Some("product");
            let linked = take_flag(stream).ok()?.unwrap_or(false) && is_product;
            stream.insert("product".into(), link(linked));
        }
    }
    Some(Value::Object(plan))
}

/// Removes version 1's `use_pricing_net` member: Ok(None) when it was missing, Err when it
/// was not a boolean (version 1 refused such a plan as damaged, and so does this step).
fn take_flag(members: &mut Map<String, Value>) -> Result<Option<bool>, ()> {
    match members.remove("use_pricing_net") {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(b)),
        Some(_) => Err(()),
    }
}

fn link(linked: bool) -> Value {
    if linked {
        Value::from(0)
    } else {
        Value::Null
    }
}
