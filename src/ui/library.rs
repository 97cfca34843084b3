//! Saved scenarios: autosave, named plans, share links, import and export, and every storage
//! fault turned into a sentence while the plan in memory stays safe.

use crate::platform::page;
use crate::platform::storage::{now_ms, StorageError, Store};
use crate::scenario::codec::{decode_link, decode_record, encode_link, RecordError, StoredRecord};
use crate::scenario::library::{
    decode_export, decode_index, encode_export, new_id, quarantine_key, record_key, sort_entries,
    stored_under, unique_name, IndexEntry, StoredUnder, CURRENT_KEY, INDEX_KEY, PREFIX,
};
use crate::scenario::{Scenario, SCHEMA_VERSION};
use leptos::prelude::*;

/// How the plan in memory relates to storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// This page cannot use storage at all.
    Unavailable,
    /// Not saved yet; `from_link` when it was opened from a shared link.
    Unsaved {
        from_link: bool,
    },
    Saved {
        at: f64,
    },
    /// The last save failed; the sentence says why.
    Failed(String),
}

/// The plan being edited and its place among the saved ones.
#[derive(Clone, Copy)]
pub struct Library {
    scenario: RwSignal<Scenario>,
    store: StoredValue<Option<Store>, LocalStorage>,
    pub entries: RwSignal<Vec<IndexEntry>>,
    /// The saved plan being edited: its id and name.
    pub current: RwSignal<Option<(String, String)>>,
    pub status: RwSignal<Status>,
    /// Sentences about what was found (damaged entries, links, newer records).
    pub notices: RwSignal<Vec<String>>,
    /// A newer version of the current plan saved by another tab.
    pub conflict: RwSignal<Option<StoredRecord>>,
    /// The last deleted plan, for Undo.
    pub deleted: RwSignal<Option<StoredRecord>>,
    /// When the current record was last written or read by this tab.
    last_seen: StoredValue<f64>,
    counter: StoredValue<u32>,
    /// Set while the plan is replaced by loading, so that change is not saved back at once.
    loading: StoredValue<bool>,
    pending: StoredValue<u32>,
}

const AUTOSAVE_DELAY_MS: i32 = 500;

impl Library {
    /// Opens storage, reads every saved plan (setting damaged ones aside), and picks the plan
    /// to show: the shared link's if the address has one, else the last one edited.
    pub fn boot(scenario: RwSignal<Scenario>) -> Library {
        let library = Library::start(scenario);
        // Loading at boot happens before the autosave effect exists: nothing to skip.
        library.loading.set_value(false);
        library
    }

    fn start(scenario: RwSignal<Scenario>) -> Library {
        let store = Store::open().ok();
        let library = Library {
            scenario,
            store: StoredValue::new_local(store.clone()),
            entries: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            status: RwSignal::new(if store.is_some() {
                Status::Unsaved { from_link: false }
            } else {
                Status::Unavailable
            }),
            notices: RwSignal::new(Vec::new()),
            conflict: RwSignal::new(None),
            deleted: RwSignal::new(None),
            last_seen: StoredValue::new(0.0),
            counter: StoredValue::new(0),
            loading: StoredValue::new(false),
            pending: StoredValue::new(0),
        };
        let records = library.scan();
        let hash = page::location_hash();
        if library.open_link(&hash) {
            return library;
        }
        let current_id = library.with_store(|s| s.read(CURRENT_KEY)).flatten();
        if let Some(record) = current_id.and_then(|id| records.into_iter().find(|r| r.id == id)) {
            library.open_record(record);
        }
        library
    }

    /// Shows the scenario of a link fragment as a new, unsaved plan; false when there is none
    /// or it is damaged (then a sentence says so and the current plan stays).
    pub fn open_link(&self, hash: &str) -> bool {
        if !hash.contains("s=") {
            return false;
        }
        match decode_link(hash) {
            Ok(shared) => {
                self.save_pending();
                self.current.set(None);
                self.conflict.set(None);
                self.replace(shared);
                self.status.set(Status::Unsaved { from_link: true });
                true
            }
            Err(e) => {
                self.notice(e.to_string());
                false
            }
        }
    }

    /// Saves now if a change is waiting for the autosave delay.
    fn save_pending(&self) {
        if matches!(self.status.get_untracked(), Status::Saved { .. }) {
            self.save_now();
        }
    }

    fn with_store<T>(&self, f: impl FnOnce(&Store) -> T) -> Option<T> {
        self.store.with_value(|s| s.as_ref().map(f))
    }

    fn notice(&self, sentence: String) {
        self.notices.update(|n| {
            if !n.contains(&sentence) {
                n.push(sentence);
            }
        });
    }

    /// Reads every saved record; damaged ones are copied aside and left out, newer ones left alone.
    fn scan(&self) -> Vec<StoredRecord> {
        let Some(keys) = self.with_store(|s| s.keys(&format!("{PREFIX}scenario."))) else {
            return Vec::new();
        };
        let mut records = Vec::new();
        for key in keys {
            let Some(raw) = self.with_store(|s| s.read(&key)).flatten() else {
                continue;
            };
            match decode_record(&raw) {
                Ok(r) => records.push(r),
                Err(RecordError::Newer { .. }) => self.notice(
                    "A saved scenario comes from a newer version of Honest Income; it is left untouched and not listed.".into(),
                ),
                Err(_) => {
                    let aside = self.keep_aside(&key, &raw);
                    if aside.is_some() {
                        self.with_store(|s| s.remove(&key));
                    }
                    self.notice(format!(
                        "One saved scenario was damaged and could not be opened; its raw data is kept aside under \"{}\". The others are fine.",
                        aside.unwrap_or(key)
                    ));
                }
            }
        }
        let mut entries: Vec<IndexEntry> = records.iter().map(IndexEntry::from).collect();
        sort_entries(&mut entries);
        let stored = self
            .with_store(|s| s.get::<Vec<IndexEntry>>(INDEX_KEY))
            .flatten();
        if stored.as_ref() != Some(&entries) {
            self.write_index(&entries);
        }
        self.entries.set(entries);
        records
    }

    /// Copies the raw text stored at `key` aside, never deleted; the key it went to, if it did.
    fn keep_aside(&self, key: &str, raw: &str) -> Option<String> {
        let aside = quarantine_key(key, now_ms());
        (self.with_store(|s| s.write(&aside, raw)) == Some(Ok(()))).then_some(aside)
    }

    fn write_index(&self, entries: &[IndexEntry]) {
        self.with_store(|s| s.set(INDEX_KEY, &entries.to_vec()));
    }

    /// Puts a scenario in the calculators without saving it back at once.
    fn replace(&self, scenario: Scenario) {
        self.loading.set_value(true);
        self.scenario.set(scenario);
    }

    fn open_record(&self, record: StoredRecord) {
        self.last_seen.set_value(record.updated);
        self.current
            .set(Some((record.id.clone(), record.name.clone())));
        self.status.set(Status::Saved { at: record.updated });
        self.with_store(|s| s.write(CURRENT_KEY, &record.id));
        self.replace(record.scenario);
    }

    /// Called on every change of the plan: saves it half a second after the last change.
    pub fn changed(&self) {
        if self.loading.try_get_value().unwrap_or(false) {
            self.loading.set_value(false);
            return;
        }
        let generation = self.pending.get_value().wrapping_add(1);
        self.pending.set_value(generation);
        let library = *self;
        page::after(AUTOSAVE_DELAY_MS, move || {
            if library.pending.try_get_value() == Some(generation) {
                library.save_now();
            }
        });
    }

    /// Saves the plan now, unless it came from a link (that waits for Save as) or another tab
    /// saved a newer version of it (that is never silently overwritten).
    pub fn save_now(&self) {
        match self.status.get_untracked() {
            Status::Unavailable | Status::Unsaved { from_link: true } => return,
            _ => {}
        }
        if self.conflict.with_untracked(Option::is_some) {
            return;
        }
        let (id, name) = match self.current.get_untracked() {
            Some(c) => c,
            None => {
                let name = unique_name("My plan", &self.entries.get_untracked());
                (self.fresh_id(), name)
            }
        };
        let key = record_key(&id);
        let raw = self.with_store(|s| s.read(&key)).flatten();
        match stored_under(raw.as_deref(), self.last_seen.get_value()) {
            StoredUnder::Ours => {}
            StoredUnder::Theirs(theirs) => {
                self.conflict.set(Some(*theirs));
                return;
            }
            StoredUnder::Newer(e) => {
                self.status.set(Status::Failed(format!(
                    "Not saved. {e} Your changes are still here: use Save as new plan, under Manage plans, to keep them."
                )));
                return;
            }
            StoredUnder::Damaged => {
                // Kept aside first, so saving over it loses nothing.
                let Some(aside) = raw.as_deref().and_then(|raw| self.keep_aside(&key, raw)) else {
                    self.status.set(Status::Failed(
                        "Not saved: the stored copy of this plan is damaged and could not be kept aside. Your changes are still here: export them to be safe.".into(),
                    ));
                    return;
                };
                self.notice(format!(
                    "The stored copy of this plan was damaged; its raw data is kept aside under \"{aside}\" and this version is saved in its place."
                ));
            }
        }
        let record = StoredRecord {
            schema: SCHEMA_VERSION,
            id: id.clone(),
            name: name.clone(),
            updated: now_ms(),
            scenario: self.scenario.get_untracked(),
        };
        match self.with_store(|s| s.set(&key, &record)) {
            Some(Ok(())) => {
                self.last_seen.set_value(record.updated);
                self.current.set(Some((id.clone(), name)));
                self.entries.update(|e| {
                    e.retain(|x| x.id != id);
                    e.push(IndexEntry::from(&record));
                    sort_entries(e);
                });
                self.write_index(&self.entries.get_untracked());
                self.with_store(|s| s.write(CURRENT_KEY, &id));
                self.status.set(Status::Saved { at: record.updated });
            }
            Some(Err(e)) => self.status.set(Status::Failed(e.to_string())),
            None => self.status.set(Status::Unavailable),
        }
    }

    fn fresh_id(&self) -> String {
        let n = self.counter.get_value() + 1;
        self.counter.set_value(n);
        new_id(now_ms(), n)
    }

    /// Saves the plan as a new named scenario (also how a plan from a link gets saved).
    pub fn save_as(&self, name: &str) {
        if self.status.get_untracked() == Status::Unavailable {
            return;
        }
        // Edits still waiting for the autosave belong to the plan they were made in, too.
        self.save_pending();
        let name = unique_name(name, &self.entries.get_untracked());
        self.current.set(Some((self.fresh_id(), name)));
        self.last_seen.set_value(now_ms());
        self.conflict.set(None);
        self.status.set(Status::Unsaved { from_link: false });
        self.save_now();
    }

    pub fn rename(&self, name: &str) {
        let Some((id, _)) = self.current.get_untracked() else {
            return self.save_as(name);
        };
        let others: Vec<IndexEntry> = self
            .entries
            .get_untracked()
            .into_iter()
            .filter(|e| e.id != id)
            .collect();
        self.current.set(Some((id, unique_name(name, &others))));
        self.save_now();
    }

    pub fn duplicate(&self) {
        let name = self
            .current
            .get_untracked()
            .map(|c| c.1)
            .unwrap_or_else(|| "My plan".into());
        self.save_now();
        self.save_as(&format!("{name} (copy)"));
    }

    /// Deletes the current plan (Undo brings it back) and opens the newest other one.
    pub fn delete(&self) {
        let Some((id, _)) = self.current.get_untracked() else {
            return;
        };
        let key = record_key(&id);
        let raw = self.with_store(|s| s.read(&key)).flatten();
        let record = raw.as_deref().and_then(|raw| decode_record(raw).ok());
        if let (Some(raw), None) = (&raw, &record) {
            // Unreadable here (damaged, or from a newer version): Undo could not bring it back,
            // so it is kept aside rather than deleted.
            let Some(aside) = self.keep_aside(&key, raw) else {
                self.notice("This plan's stored copy could not be read or kept aside, so it was not deleted.".into());
                return;
            };
            self.notice(format!(
                "This plan's stored copy could not be read here, so it is kept aside under \"{aside}\" rather than deleted."
            ));
        }
        self.with_store(|s| s.remove(&key));
        self.entries.update(|e| e.retain(|x| x.id != id));
        self.write_index(&self.entries.get_untracked());
        self.deleted.set(record);
        self.current.set(None);
        self.status.set(Status::Unsaved { from_link: false });
        if let Some(next) = self.entries.get_untracked().first().cloned() {
            self.open(&next.id);
        }
    }

    pub fn undo_delete(&self) {
        let Some(record) = self.deleted.get_untracked() else {
            return;
        };
        self.deleted.set(None);
        if self.with_store(|s| s.set(&record_key(&record.id), &record)) == Some(Ok(())) {
            self.entries.update(|e| {
                e.push(IndexEntry::from(&record));
                sort_entries(e);
            });
            self.write_index(&self.entries.get_untracked());
            self.open_record(record);
        }
    }

    /// Opens a saved plan, saving the current one first.
    pub fn open(&self, id: &str) {
        if matches!(
            self.status.get_untracked(),
            Status::Saved { .. } | Status::Failed(_)
        ) {
            self.save_now();
        }
        let raw = self.with_store(|s| s.read(&record_key(id))).flatten();
        match raw.map(|r| decode_record(&r)) {
            Some(Ok(record)) => {
                self.conflict.set(None);
                self.open_record(record);
            }
            Some(Err(e)) => self.notice(e.to_string()),
            None => {
                self.notice("That saved scenario is gone (perhaps deleted in another tab).".into())
            }
        }
    }

    /// Another tab's newer version wins: show it.
    pub fn load_theirs(&self) {
        if let Some(record) = self.conflict.get_untracked() {
            self.conflict.set(None);
            self.open_record(record);
        }
    }

    /// Keep this tab's version too, as a new copy.
    pub fn keep_mine(&self) {
        let name = self
            .current
            .get_untracked()
            .map(|c| c.1)
            .unwrap_or_else(|| "My plan".into());
        self.conflict.set(None);
        self.save_as(&format!("{name} (this tab)"));
    }

    /// Reacts to another tab writing the plan shown here.
    pub fn storage_event(&self, key: Option<String>, value: Option<String>) {
        let Some(key) = key else { return };
        if let Some((id, _)) = self.current.get_untracked() {
            if key == record_key(&id) {
                if let StoredUnder::Theirs(theirs) =
                    stored_under(value.as_deref(), self.last_seen.get_value())
                {
                    self.conflict.set(Some(*theirs));
                }
            }
        }
        if key == INDEX_KEY {
            if let Some(entries) = decode_index(value.as_deref()) {
                self.entries.set(entries);
            }
        }
    }

    /// The whole plan as a link fragment, or the sentence saying why not.
    pub fn link(&self) -> Result<String, String> {
        let fragment = encode_link(&self.scenario.get_untracked()).map_err(|e| e.to_string())?;
        let base = page::address_without_hash().unwrap_or_default();
        Ok(format!("{base}#{fragment}"))
    }

    /// Every saved plan (and the unsaved one shown) as one JSON file.
    pub fn export_all(&self) -> Result<(), String> {
        self.save_now();
        let mut records: Vec<StoredRecord> = self
            .entries
            .get_untracked()
            .iter()
            .filter_map(|e| self.with_store(|s| s.read(&record_key(&e.id))).flatten())
            .filter_map(|raw| decode_record(&raw).ok())
            .collect();
        if self.current.with_untracked(Option::is_none) {
            records.push(StoredRecord {
                schema: SCHEMA_VERSION,
                id: "unsaved".into(),
                name: "Unsaved plan".into(),
                updated: now_ms(),
                scenario: self.scenario.get_untracked(),
            });
        }
        crate::platform::download(
            "honest-income-scenarios.json",
            &encode_export(&records, now_ms()),
            "application/json",
        )
    }

    /// Adds every plan of an export file as new saved plans; nothing existing is overwritten.
    pub fn import(&self, text: &str) -> String {
        let Some(imported) = decode_export(text) else {
            return "That file is not an Honest Income export, so nothing was imported.".into();
        };
        if self.status.get_untracked() == Status::Unavailable {
            return StorageError::Unavailable.to_string();
        }
        let mut added = 0;
        for mut record in imported.records {
            record.id = self.fresh_id();
            record.name = unique_name(&record.name, &self.entries.get_untracked());
            match self.with_store(|s| s.set(&record_key(&record.id), &record)) {
                Some(Ok(())) => {
                    added += 1;
                    self.entries.update(|e| {
                        e.push(IndexEntry::from(&record));
                        sort_entries(e);
                    });
                }
                Some(Err(e)) => return format!("Imported {added} before storage refused: {e}"),
                None => break,
            }
        }
        self.write_index(&self.entries.get_untracked());
        match imported.skipped {
            0 => format!("Imported {added} scenarios."),
            n => format!("Imported {added} scenarios; {n} could not be read and were skipped."),
        }
    }

    /// Every saved plan's scenario, for the compare view.
    pub fn load_all(&self) -> Vec<StoredRecord> {
        self.entries
            .get()
            .iter()
            .filter_map(|e| self.with_store(|s| s.read(&record_key(&e.id))).flatten())
            .filter_map(|raw| decode_record(&raw).ok())
            .collect()
    }
}
