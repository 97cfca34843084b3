//! The saved scenarios as a whole: storage keys, the index, and the export file.

use super::codec::{
    decode_record, decode_record_tree, from_json_text, to_tree, RecordError, StoredRecord,
};
use super::SCHEMA_VERSION;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Every key starts with this prefix; the number is the storage layout's version.
pub const PREFIX: &str = "honest-income.v1.";
pub const INDEX_KEY: &str = "honest-income.v1.index";
pub const CURRENT_KEY: &str = "honest-income.v1.current";

/// The key of one scenario's record.
pub fn record_key(id: &str) -> String {
    format!("{PREFIX}scenario.{id}")
}

/// Where a damaged raw value is kept aside (never deleted).
pub fn quarantine_key(key: &str, now_ms: f64) -> String {
    format!(
        "{PREFIX}quarantine.{}.{}",
        key.trim_start_matches(PREFIX),
        now_ms as u64
    )
}

/// A fresh id from the clock and a counter: short, and unique within a browser.
pub fn new_id(now_ms: f64, counter: u32) -> String {
    format!("s{:x}{counter:x}", now_ms as u64)
}

/// One line of the index: enough to list scenarios without reading them all. Every member must
/// be present.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub id: String,
    pub name: String,
    pub updated: f64,
}

impl From<&StoredRecord> for IndexEntry {
    fn from(r: &StoredRecord) -> Self {
        IndexEntry {
            id: r.id.clone(),
            name: r.name.clone(),
            updated: r.updated,
        }
    }
}

/// Reads the index; a damaged index is rebuilt from the records, so it never hides them.
pub fn decode_index(raw: Option<&str>) -> Option<Vec<IndexEntry>> {
    from_json_text(raw?)
}

/// Newest first.
pub fn sort_entries(entries: &mut [IndexEntry]) {
    crate::engine::sort_short_by(entries, |a, b| a.updated > b.updated);
}

/// A name not yet used: "Plan", "Plan (2)", ...
pub fn unique_name(wanted: &str, taken: &[IndexEntry]) -> String {
    let wanted = wanted.trim();
    let wanted = if wanted.is_empty() { "My plan" } else { wanted };
    if !taken.iter().any(|e| e.name == wanted) {
        return wanted.to_string();
    }
    (2..)
        .map(|n| format!("{wanted} ({n})"))
        .find(|name| !taken.iter().any(|e| &e.name == name))
        .unwrap_or_else(|| wanted.to_string())
}

/// Names already taken, handing out free ones fast: importing 10,000 plans of one name checks
/// each candidate once, instead of every earlier name for every candidate.
pub struct NameBook {
    taken: std::collections::BTreeSet<String>,
    next: std::collections::BTreeMap<String, u32>,
}

impl NameBook {
    pub fn new(entries: &[IndexEntry]) -> NameBook {
        let mut taken = std::collections::BTreeSet::new();
        for e in entries {
            taken.insert(e.name.clone());
        }
        NameBook {
            taken,
            next: std::collections::BTreeMap::new(),
        }
    }

    /// The name as `unique_name` would give it, now marked taken.
    pub fn claim(&mut self, wanted: &str) -> String {
        let wanted = wanted.trim();
        let wanted = if wanted.is_empty() { "My plan" } else { wanted };
        let name = if self.taken.contains(wanted) {
            let mut n = self.next.get(wanted).copied().unwrap_or(2);
            while self.taken.contains(&format!("{wanted} ({n})")) {
                n += 1;
            }
            self.next.insert(wanted.to_string(), n + 1);
            format!("{wanted} ({n})")
        } else {
            wanted.to_string()
        };
        self.taken.insert(name.clone());
        name
    }
}

/// The export file as written.
#[derive(Serialize)]
struct ExportFile<'a> {
    app: &'a str,
    schema: u32,
    exported: f64,
    scenarios: &'a [StoredRecord],
}

/// The export file: every saved scenario, the durable copy.
/// `{"app": "honest-income", "schema": 1, "exported": <ms>, "scenarios": [<record>, ...]}`
pub fn encode_export(records: &[StoredRecord], now_ms: f64) -> String {
    let file = ExportFile {
        app: APP_NAME,
        schema: SCHEMA_VERSION,
        exported: now_ms,
        scenarios: records,
    };
    // Indented for people who open the file; through a tree, so the records' Serialize impls are
    // not instantiated a second time for the pretty printer.
    serde_json::to_string_pretty(&to_tree(&file)).unwrap_or_default()
}

/// What the export file names its app as.
const APP_NAME: &str = "honest-income";

/// What an import found: the records it could read, the ones a newer version wrote (their
/// text, to keep aside untouched), and how many it could not read at all.
#[derive(Debug, PartialEq)]
pub struct Imported {
    pub records: Vec<StoredRecord>,
    pub newer: Vec<String>,
    pub skipped: usize,
}

/// An export file opened but not yet read record by record: the records of this version or
/// older (as trees, read one at a time so a large file can be read across several tasks), and
/// the text of those a newer version wrote.
#[derive(Debug)]
pub struct ExportParts {
    pub pending: std::vec::IntoIter<Value>,
    pub newer: Vec<String>,
}

/// Opens an export file; None when it is not one.
pub fn open_export(text: &str) -> Option<ExportParts> {
    // Through a tree, as records are read: a repeated member counts once (the last), and an
    // array is not a file. Each record is decoded from its part of the tree, so a large file
    // is parsed once, not once whole and again per record.
    let Value::Object(mut file) = from_json_text::<Value>(text)? else {
        return None;
    };
    if file.get("app").and_then(Value::as_str) != Some(APP_NAME) {
        return None;
    }
    let Some(Value::Array(scenarios)) = file.remove("scenarios") else {
        return None;
    };
    let (newer, pending): (Vec<Value>, Vec<Value>) = scenarios.into_iter().partition(|value| {
        let schema = value.get("schema").and_then(Value::as_u64);
        schema.is_some_and(|s| s > u64::from(SCHEMA_VERSION))
    });
    Some(ExportParts {
        pending: pending.into_iter(),
        newer: newer.iter().map(Value::to_string).collect(),
    })
}

/// Reads an export file whole; None when it is not one.
pub fn decode_export(text: &str) -> Option<Imported> {
    let parts = open_export(text)?;
    let mut imported = Imported {
        records: Vec::new(),
        newer: parts.newer,
        skipped: 0,
    };
    for value in parts.pending {
        match decode_record_tree(value) {
            Ok(r) => imported.records.push(r),
            Err(_) => imported.skipped += 1,
        }
    }
    Some(imported)
}

/// Milliseconds of clock noise within which a stored record still counts as this tab's own.
const SAME_WRITE_MS: f64 = 0.5;

/// What the record stored under the open plan's key means for this tab, which last wrote or
/// read it at `last_seen` (ms).
#[derive(Debug, PartialEq)]
pub enum StoredUnder {
    /// Nothing there, or this tab's own last version: saving over it loses nothing.
    Ours,
    /// Another tab saved it later: never overwritten without asking.
    Theirs(Box<StoredRecord>),
    /// Written by a newer version of the app: never overwritten.
    Newer(RecordError),
    /// Damaged: keep its text aside before saving over it.
    Damaged,
}

/// The version of the open plan this tab last wrote or read.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Seen {
    pub updated: f64,
    pub stamp: String,
}

impl Seen {
    /// The version a record is.
    pub fn of(record: &StoredRecord) -> Seen {
        Seen {
            updated: record.updated,
            stamp: record.stamp.clone(),
        }
    }
}

/// The one conflict rule, for saving and for another tab's storage event alike: a record
/// stamped by a write this tab has not seen is theirs. Records from before stamps fall back
/// to their time of change.
pub fn stored_under(raw: Option<&str>, seen: &Seen) -> StoredUnder {
    let Some(raw) = raw else {
        return StoredUnder::Ours;
    };
    match decode_record(raw) {
        Ok(theirs) if !theirs.stamp.is_empty() && theirs.stamp != seen.stamp => {
            StoredUnder::Theirs(Box::new(theirs))
        }
        Ok(theirs) if theirs.stamp.is_empty() && theirs.updated > seen.updated + SAME_WRITE_MS => {
            StoredUnder::Theirs(Box::new(theirs))
        }
        Ok(_) => StoredUnder::Ours,
        Err(e @ RecordError::Newer { .. }) => StoredUnder::Newer(e),
        Err(_) => StoredUnder::Damaged,
    }
}
