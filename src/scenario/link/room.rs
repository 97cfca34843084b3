//! How much of a link a plan may come to take without a field growing longer: its link with
//! every field changed from the base (numbers shorter than [`ROOM_FOR_A_NUMBER`] grown to
//! it), every switch and choice flipped, every id at its largest.
//!
//! The form adds a stream, product, cost line or fee layer only while this fits in
//! [`MAX_LINK_CHARS`], and a field grows longer only by what the room has left (its
//! maxlength, see [`chars_a_field_may_add`]), so whatever a person types, the plan still
//! travels in one link.

use super::packed::packed_len;
use super::MAX_LINK_CHARS;
use crate::scenario::codec::to_tree;
use crate::scenario::delayed::{
    GoalKind, LeverOutcome, StreamType, WhatIf, EFFORT_FIELDS, LONGEST_INPUT_KEY,
};
use crate::scenario::Scenario;
use serde_json::Value;

/// Half bytes the room keeps for every number field: "120", "2.5", "€27" (a symbol takes two)
/// fit without taking room; a longer number takes what it is.
pub const ROOM_FOR_A_NUMBER: usize = 6;
/// Longest platform id of any version's presets, with room for longer ones to come.
const ROOM_FOR_A_PLATFORM: usize = 24;

/// Link characters kept back for what a field's length does not show: a count growing past
/// 30 takes a byte more, a name the link writes as one byte ("Blog") becomes text.
const SAFETY: usize = 24;
/// The largest id the room counts (ids are handed out one by one from 0).
const LARGEST_ID: u64 = u16::MAX as u64;

/// Characters of link the plan can still grow by: 0 when it is full (or, for a plan made
/// before links had a room, or imported, over it).
pub fn link_room_left(scenario: &Scenario) -> usize {
    let used = "s=3.".len() + payload_of_widest(scenario).len() + SAFETY;
    MAX_LINK_CHARS.saturating_sub(used)
}

/// The plan after `change`, when `change` did something and the plan still fits the room.
pub fn grown(scenario: &Scenario, change: impl FnOnce(&mut Scenario) -> bool) -> Option<Scenario> {
    let mut after = scenario.clone();
    (change(&mut after) && link_room_left(&after) > 0).then_some(after)
}

/// True when the plan after `change` still fits the room (and `change` did something).
pub fn room_for(scenario: &Scenario, change: impl FnOnce(&mut Scenario) -> bool) -> bool {
    grown(scenario, change).is_some()
}

/// What the form adds to a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Addition {
    Stream(StreamType),
    Product { subscription: bool },
    CostLine,
    FeeLayer,
}

/// About how much room an addition takes (measured on the default plan, with a margin for
/// ids and names that differ): what the Add buttons compare with the room left, so they need
/// not build the plan twice on every keystroke. The add itself checks exactly. A table, not a
/// measurement at start-up: measuring encodes eight widened plans (about 60 ms at 4x CPU
/// slowdown) in the page's first task; `tests::the_addition_table_is_measured` keeps it true.
pub fn room_an_addition_takes(addition: Addition) -> usize {
    ADDITION_TAKES
        .iter()
        .find(|(a, _)| *a == addition)
        .map_or(MAX_LINK_CHARS, |(_, n)| *n)
}

/// Link characters each addition takes on the default plan, plus 8 for longer ids and names.
const ADDITION_TAKES: [(Addition, usize); 7] = [
    (Addition::Stream(StreamType::Blog), 186),
    (Addition::Stream(StreamType::Product), 158),
    (Addition::Stream(StreamType::Subscription), 148),
    (
        Addition::Product {
            subscription: false,
        },
        171,
    ),
    (Addition::Product { subscription: true }, 214),
    (Addition::CostLine, 36),
    (Addition::FeeLayer, 39),
];

/// Makes the addition the way the form does; false when the plan holds the most it can.
pub fn add(scenario: &mut Scenario, addition: Addition) -> bool {
    match addition {
        Addition::Stream(kind) => scenario.add_stream(kind).is_some(),
        Addition::Product { subscription } => scenario.add_product(subscription).is_some(),
        Addition::CostLine => scenario
            .break_even
            .add_cost("Other cost".into(), "0".into()),
        Addition::FeeLayer => scenario
            .opened_product_mut()
            .is_some_and(|p| p.add_layers(vec![crate::scenario::LayerDraft::other_fee()])),
    }
}

/// Bytes of link payload in `room_left` link characters (base64: 4 characters, 3 bytes).
fn bytes_of(room_left: usize) -> usize {
    room_left * 3 / 4
}

/// The maxlength of a name box: a character of a name takes at most 3 bytes of the link (4
/// for one that takes 2 of the box's maxlength), and the name now may take none (a name the
/// base has, "Blog", is not written), so a whole new name fits in the room left. A full
/// plan's names can only get shorter.
pub fn name_maxlength(room_left: usize, most: usize) -> usize {
    (bytes_of(room_left).saturating_sub(2) / 3).min(most)
}

/// The maxlength of a number box holding `text`: an amount's character takes at most a byte
/// (see `packed.rs`), and each number has [`ROOM_FOR_A_NUMBER`] kept, so a full plan's
/// numbers still take "120" or "€27", and grow longer only into the room left.
pub fn number_maxlength(text: &str, room_left: usize, most: usize) -> usize {
    let kept = packed_len(text)
        .unwrap_or(2 * text.len())
        .max(ROOM_FOR_A_NUMBER);
    ((kept + 2 * bytes_of(room_left)) / 2).min(most)
}

fn payload_of_widest(scenario: &Scenario) -> String {
    let mut widest = scenario.clone();
    // The goal-seek question at its longest: not written at all while it is the default.
    widest.delayed.what_if = WhatIf {
        goal: GoalKind::Payback,
        stream: Some(0),
        input: "x".repeat(LONGEST_INPUT_KEY),
        lever: LeverOutcome::Cumulative,
    };
    // Every field a stream of its kind can hold, as if typed: an empty field is left out of
    // the stream's map and comes back when typed.
    for stream in &mut widest.delayed.streams {
        for spec in stream.kind.fields().iter().chain(EFFORT_FIELDS) {
            stream.values.entry(spec.key.into()).or_default();
            if spec.uncertain {
                stream.low.entry(spec.key.into()).or_default();
                stream.high.entry(spec.key.into()).or_default();
            }
        }
    }
    let mut tree = to_tree(&widest);
    widen(&mut tree, "");
    super::packed_payload_of_tree(&tree)
}

/// Each leaf as long as it may grow: numbers typed as text to [`ROOM_FOR_A_NUMBER`], switches
/// and the enum choices to one byte that never equals the base's, ids to the largest.
fn widen(value: &mut Value, key: &str) {
    match value {
        Value::Object(members) => {
            for (k, item) in members.iter_mut() {
                widen(item, k);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| widen(item, key)),
        // A product's kind picks its template too (switching it is counted in the safety).
        Value::Bool(_) if key == "subscription" => {}
        Value::Bool(_) => *value = Value::from(7u64),
        Value::Null | Value::Number(_) => {
            *value = match key {
                "seed" => Value::from(u64::MAX),
                _ => Value::from(LARGEST_ID),
            }
        }
        Value::String(text) => match key {
            // A stream's kind is fixed when it is made, and picks the template it starts from.
            "kind" | "name" => {}
            "curve" | "members_mode" => *value = Value::from(7u64),
            "currency" => *value = Value::from("xxx"),
            "platform" => *value = Value::from("x".repeat(ROOM_FOR_A_PLATFORM)),
            _ if packed_len(text).is_some_and(|n| n <= ROOM_FOR_A_NUMBER) => {
                *value = Value::from("9".repeat(ROOM_FOR_A_NUMBER))
            }
            _ => {}
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What an addition may take beyond its measure on the default plan (longer ids, names).
    const ADDITION_MARGIN: usize = 8;

    /// Measures what each addition takes on the default plan, as the table says.
    #[test]
    fn the_addition_table_is_measured() {
        let base = Scenario::default();
        let before = link_room_left(&base);
        let measured: Vec<(Addition, usize)> = ADDITION_TAKES
            .iter()
            .map(|(a, _)| {
                let mut after = base.clone();
                assert!(add(&mut after, *a), "{a:?} adds to the default plan");
                (
                    *a,
                    before.saturating_sub(link_room_left(&after)) + ADDITION_MARGIN,
                )
            })
            .collect();
        assert_eq!(measured, ADDITION_TAKES.to_vec(), "update ADDITION_TAKES");
    }

    #[test]
    fn the_default_plan_leaves_room() {
        let left = link_room_left(&Scenario::default());
        assert!(left > 500 && left < MAX_LINK_CHARS, "{left}");
    }
}
