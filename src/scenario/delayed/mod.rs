//! The Delayed-income calculator's inputs as typed: income streams described by field tables.
//!
//! Each stream keeps its values as typed text in a map keyed by field, so every stream kind
//! is validated, stored and rendered by the same code from its table of `FieldSpec`s.
//!
//! fields.rs holds the tables and how a field is read, stream.rs one stream, validate.rs the
//! checks and the engine's plan, what_if.rs the goal-seek question, lever.rs the tornado; this file the plan as a
//! whole and its editing.

mod fields;
mod lever;
mod stream;
mod validate;
mod what_if;

pub use fields::*;
pub use lever::*;
pub use stream::*;
pub use validate::*;
pub use what_if::*;

use serde::{Deserialize, Serialize};

/// Most streams a plan takes.
pub const MAX_STREAMS: usize = 20;

/// The Delayed-income calculator's inputs as typed. A missing member takes the default plan's value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DelayedDraft {
    pub streams: Vec<StreamDraft>,
    pub horizon: String,
    pub target: String,
    pub target_by: String,
    pub uncertainty: bool,
    pub paths: String,
    pub seed: u64,
    pub next_id: u32,
    /// The goal-seek question: what must be true to reach a goal. Not written while it is the
    /// default, so plans and links from before it read and write as they did.
    #[serde(skip_serializing_if = "WhatIf::is_default")]
    pub what_if: WhatIf,
}

impl DelayedDraft {
    pub fn stream(&self, id: u32) -> Option<&StreamDraft> {
        self.streams.iter().find(|s| s.id == id)
    }

    /// The stream that sells on Break-even's plan: the first switched-on one that asks to.
    pub fn follower(&self) -> Option<u32> {
        self.streams
            .iter()
            .find(|s| s.enabled && s.follows_break_even())
            .map(|s| s.id)
    }

    pub fn stream_mut(&mut self, id: u32) -> Option<&mut StreamDraft> {
        self.streams.iter_mut().find(|s| s.id == id)
    }

    /// Adds a stream of `kind` with default values; its id, or None at the limit.
    pub fn add_stream(&mut self, kind: StreamType) -> Option<u32> {
        if self.streams.len() >= MAX_STREAMS {
            return None;
        }
        let id = self.fresh_id();
        let mut stream = StreamDraft::new(id, kind);
        let same = self.streams.iter().filter(|s| s.kind == kind).count();
        if same > 0 {
            stream.name = format!("{} {}", stream.name, same + 1);
        }
        self.streams.push(stream);
        Some(id)
    }

    /// Copies a stream next to itself; returns the copy's id.
    pub fn duplicate_stream(&mut self, id: u32) -> Option<u32> {
        if self.streams.len() >= MAX_STREAMS {
            return None;
        }
        let index = self.streams.iter().position(|s| s.id == id)?;
        let new_id = self.fresh_id();
        let mut copy = self.streams[index].clone();
        copy.id = new_id;
        copy.name = format!("{} (copy)", copy.name);
        // Only one stream sells on Break-even's plan: the copy keeps its own figures.
        copy.follow_break_even = false;
        self.streams.insert(index + 1, copy);
        Some(new_id)
    }

    pub fn remove_stream(&mut self, id: u32) {
        self.streams.retain(|s| s.id != id);
    }

    fn fresh_id(&mut self) -> u32 {
        let taken = |id: u32| self.streams.iter().any(|s| s.id == id);
        let after_used = self
            .streams
            .iter()
            .map(|s| s.id.saturating_add(1))
            .max()
            .unwrap_or(0);
        let mut id = self.next_id.max(after_used);
        // Only a crafted plan gets here (ids near u32::MAX): take the first free id instead.
        if id == u32::MAX || taken(id) {
            id = (0..u32::MAX).find(|&i| !taken(i)).unwrap_or(0);
        }
        self.next_id = id.saturating_add(1);
        id
    }
}
