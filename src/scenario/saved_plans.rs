//! The saved plans as one pure state machine: boot, autosave, save as, rename, duplicate,
//! delete and undo, open, another tab's writes, export and import. Storage and the clock are
//! inputs, so every path (a full quota, a damaged record, a newer version, two tabs) is
//! tested natively against an in-memory store; `ui/library.rs` only wires it to the page.

use super::codec::{
    decode_link, decode_record, decode_record_tree, encode_record, RecordError, StoredRecord,
};
use super::library::{
    decode_index, encode_export, new_id, open_export, quarantine_key, record_key, sort_entries,
    stored_under, unique_name, ExportParts, IndexEntry, NameBook, Seen, StoredUnder, CURRENT_KEY,
    INDEX_KEY, PREFIX,
};
use super::{Scenario, SCHEMA_VERSION};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt;

/// Why storage could not do what was asked; Display is the sentence shown.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    Unavailable,
    Full,
    NotKept,
    /// A write threw something other than a full quota (an extension, a page shim, a browser
    /// bug): storage is still there, so the next change tries again.
    Refused,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => write!(f, "Saving is unavailable here (this browser or page blocks storage). The calculators still work: use Copy link or Export to keep your plan."),
            StorageError::Full => write!(f, "Could not save: this browser's storage is full. Your plan is still here: export it, or delete plans you no longer need (in Your plans). Nothing saved before was changed."),
            StorageError::NotKept => write!(f, "Could not save: the browser did not keep what was written. Your plan is still here: export it to be safe."),
            StorageError::Refused => write!(f, "Could not save: the browser refused to store this change. Your plan is still here and your next change tries again; export it to be safe."),
        }
    }
}

/// What the saved plans need of storage: the browser's localStorage in the app
/// (`platform::storage::Store`), a map in the tests. Writes read back what they wrote.
pub trait PlanStore {
    fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T>;
    fn set<T: Serialize + DeserializeOwned + PartialEq>(
        &self,
        key: &str,
        value: &T,
    ) -> Result<(), StorageError>;
    fn read(&self, key: &str) -> Option<String>;
    fn write(&self, key: &str, text: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str);
    fn keys(&self, prefix: &str) -> Vec<String>;
    /// True when a small write fails for want of space: plans can be read but not saved.
    fn is_full(&self) -> bool;
}

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
    /// A link's plan, edited: the edits are kept as a draft of that link in this browser.
    LinkDraft {
        at: f64,
    },
    /// The last save failed; the sentence says why.
    Failed(String),
}

/// The saved plans and the plan being edited's place among them.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedPlans {
    pub entries: Vec<IndexEntry>,
    /// The saved plan being edited: its id and name.
    pub current: Option<(String, String)>,
    pub status: Status,
    /// Sentences about what was found (damaged entries, links, newer records).
    pub notices: Vec<String>,
    /// A newer version of the current plan saved by another tab.
    pub conflict: Option<StoredRecord>,
    /// The last deleted plan, for Undo.
    pub deleted: Option<StoredRecord>,
    /// The version of the current record this tab last wrote or read.
    seen: Seen,
    /// This tab's id, for the stamps of its writes.
    tab: String,
    writes: u64,
    counter: u32,
    /// The plan shown has an edit not yet written (waiting for the autosave, or refused).
    dirty: bool,
    /// The link whose plan is shown, while it is not saved under a name.
    link: Option<String>,
}

/// Why nothing can be saved from the start, and what to do about it.
pub const FULL_AT_START: &str = "This browser's storage is full, so changes cannot be saved right now. Your saved plans are listed and open as before. To make room, delete plans you no longer need (in Your plans), or export them all and clear this site's data in the browser's settings.";

/// Why another plan or a link was not opened over an edit that could not be saved.
pub const KEEPS_UNSAVED_EDIT: &str = "Your latest changes to this plan could not be saved, so they were kept here instead of opening something else: export them, or make room in storage, then try again.";

/// Where an import under way marks its progress, so a page closed mid-import is told of next time.
const IMPORT_MARK: &str = "honest-income.v1.importing";
/// How recent a mark may be and still be another tab's import under way, in ms.
const IMPORT_MARK_FRESH_MS: f64 = 10_000.0;

#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
struct ImportMark {
    done: usize,
    total: usize,
    at: f64,
}

/// Where the last deleted plan waits for Undo.
const TRASH: &str = "honest-income.v1.deleted.";

/// Said when a link opens with the edits kept from before.
pub const DRAFT_KEPT: &str = "Your changes to this link's plan are kept here from before. Save it under a name (in Your plans) to keep it as a plan of your own.";

/// The edits to a link's plan, kept under that link.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
struct LinkDraft {
    link: String,
    updated: f64,
    scenario: Scenario,
}

/// The link's plan token (`s=2.…`), however the address around it is written (empty where
/// there is none).
pub fn link_token(hash: &str) -> String {
    hash.trim_start_matches('#')
        .split('&')
        .find(|p| p.starts_with("s="))
        .unwrap_or_default()
        .to_string()
}

/// What a page-to-page link carries (see `SavedPlans::carry`).
#[derive(Clone, Debug, PartialEq)]
pub enum Carry {
    /// The next page finds the plan by itself (the default plan, untouched).
    Nothing,
    /// A saved plan's id: `#plan=id`.
    Saved(String),
    /// The shared link's own fragment (`s=...`), which also finds its draft.
    Link(String),
    /// The plan, encoded as a link: storage does not hold what is shown.
    Plan,
    /// A saved plan whose latest edit storage did not take: its id and the plan itself
    /// (`#plan=id&s=...`), so the next page shows that plan, named, with the edit still to save.
    Edited(String),
}

const POINTED_PLAN_GONE: &str = "The saved plan this address pointed to is no longer in this browser (deleted, or cleared by the browser); this is the last plan you edited.";

/// The saved plan's id in a fragment such as `#plan=id`.
pub fn plan_pointer(hash: &str) -> Option<&str> {
    hash.trim_start_matches('#')
        .split('&')
        .find_map(|p| p.strip_prefix("plan="))
        .filter(|id| !id.is_empty() && id.len() <= 64)
}

/// Where a link's draft is kept: a short digest of the link (FNV-1a), one draft per link.
fn draft_key(link: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in link.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{PREFIX}draft.{h:016x}")
}

/// The status while another tab's newer version of the open plan waits for a choice.
pub const CHANGED_ELSEWHERE: &str = "Not saved: this plan was changed in another tab since. Your changes are still here; choose below which version to keep.";
/// Another tab (or the browser) cleared storage.
pub const CLEARED_ELSEWHERE: &str = "Saved plans were cleared in another tab or by the browser. The plan shown is still here and is saved again with your next change; export it to keep a copy.";
/// Another tab deleted the open plan.
pub const DELETED_ELSEWHERE: &str = "This plan was deleted in another tab. It is still shown here and is saved again with your next change.";

/// Why a plan over a saved plan's limits is not saved.
pub const OVER_LIMITS: &str = "Not saved: this plan is over what a saved plan keeps (200 characters a field, 60 a product name, 12 products, 20 fee layers a product, 50 cost lines, 20 streams). Your changes are still here: shorten or remove what is over.";

/// A plan for the page to show now (opened, brought back, or from a link).
pub type Show = Option<Scenario>;

impl SavedPlans {
    /// Reads every saved plan (setting damaged ones aside) and picks the plan to show: the
    /// link's if `hash` holds a good one, else the last one edited.
    /// `tab` tells this tab's writes apart from every other tab's.
    pub fn boot<S: PlanStore>(
        store: Option<&S>,
        hash: &str,
        now: f64,
        tab: &str,
    ) -> (SavedPlans, Show) {
        let mut plans = SavedPlans {
            entries: Vec::new(),
            current: None,
            status: if store.is_some() {
                Status::Unsaved { from_link: false }
            } else {
                Status::Unavailable
            },
            notices: Vec::new(),
            conflict: None,
            deleted: None,
            seen: Seen::default(),
            tab: tab.to_string(),
            writes: 0,
            counter: 0,
            dirty: false,
            link: None,
        };
        let records = plans.scan(store, now);
        plans.notice_cut_short_import(store, now);
        let full = store.is_some_and(|s| s.is_full());
        let mut shown = None;
        // A saved plan and its edit that storage did not take (`Carry::Edited`): still that
        // plan, with the edit shown and waiting to be saved.
        if let (Some(id), true) = (plan_pointer(hash), hash.contains("s=")) {
            if let (Some(record), Ok(edited)) = (
                records.iter().find(|r| r.id == id),
                decode_link(&link_token(hash)),
            ) {
                plans.open_record(store, record.clone());
                plans.dirty = true;
                shown = Some(edited);
            }
        }
        if shown.is_none() && hash.contains("s=") {
            shown = plans.open_link(store, hash, &Scenario::default(), now);
        }
        // A page of this app opened from another page in the same tab names the saved plan that
        // tab shows (`#plan=id`): another tab may have made a different plan the last one edited.
        if shown.is_none() {
            if let Some(id) = plan_pointer(hash) {
                match records.iter().position(|r| r.id == id) {
                    Some(i) => shown = Some(plans.open_record(store, records[i].clone())),
                    None => plans.notice(POINTED_PLAN_GONE.into()),
                }
            }
        }
        if shown.is_none() {
            let current_id = store.and_then(|s| s.read(CURRENT_KEY));
            let record = current_id.and_then(|id| records.into_iter().find(|r| r.id == id));
            shown = record.map(|r| plans.open_record(store, r));
        }
        if full {
            plans.status = Status::Failed(FULL_AT_START.into());
        }
        (plans, shown)
    }

    /// An import whose page closed before it finished leaves its mark: say how far it got.
    /// A mark touched in the last few seconds may be another tab's import under way.
    fn notice_cut_short_import<S: PlanStore>(&mut self, store: Option<&S>, now: f64) {
        let Some(store) = store else {
            return;
        };
        let Some(mark) = store.get::<ImportMark>(IMPORT_MARK) else {
            return;
        };
        if now - mark.at < IMPORT_MARK_FRESH_MS {
            return;
        }
        self.notice(format!(
            "An import was cut short when its page closed: {} of the file's {} plans were imported and are listed in Your plans. Importing the same file again adds the rest, and copies of those.",
            mark.done, mark.total
        ));
        store.remove(IMPORT_MARK);
    }

    fn notice(&mut self, sentence: String) {
        if !self.notices.contains(&sentence) {
            self.notices.push(sentence);
        }
    }

    /// Reads every saved record; damaged ones are copied aside and left out, newer ones left alone.
    fn scan<S: PlanStore>(&mut self, store: Option<&S>, now: f64) -> Vec<StoredRecord> {
        let Some(store) = store else {
            return Vec::new();
        };
        let mut records = Vec::new();
        for key in store.keys(&format!("{PREFIX}scenario.")) {
            let Some(raw) = store.read(&key) else {
                continue;
            };
            match decode_record(&raw) {
                Ok(r) => records.push(r),
                Err(RecordError::Newer { .. }) => self.notice(
                    "A saved scenario comes from a newer version of Honest Income; it is left untouched and not listed.".into(),
                ),
                Err(_) => {
                    let aside = keep_aside(store, &key, &raw, now);
                    if aside.is_some() {
                        store.remove(&key);
                    }
                    self.notice(format!(
                        "One saved scenario was damaged and could not be opened; its raw data is kept aside under \"{}\". The others are fine.",
                        aside.unwrap_or(key)
                    ));
                }
            }
        }
        // The last deleted plan, still in the trash: Undo is offered again after a reload.
        self.deleted = store
            .keys(TRASH)
            .iter()
            .filter_map(|k| store.read(k))
            .find_map(|raw| decode_record(&raw).ok())
            .filter(|r| !records.iter().any(|x| x.id == r.id));
        let mut entries: Vec<IndexEntry> = records.iter().map(IndexEntry::from).collect();
        sort_entries(&mut entries);
        if store.get::<Vec<IndexEntry>>(INDEX_KEY).as_ref() != Some(&entries) {
            let _ = store.set(INDEX_KEY, &entries);
        }
        self.entries = entries;
        records
    }

    fn write_index<S: PlanStore>(&self, store: Option<&S>) {
        if let Some(store) = store {
            let _ = store.set(INDEX_KEY, &self.entries);
        }
    }

    fn open_record<S: PlanStore>(&mut self, store: Option<&S>, record: StoredRecord) -> Scenario {
        self.dirty = false;
        self.link = None;
        self.seen = Seen::of(&record);
        self.current = Some((record.id.clone(), record.name.clone()));
        self.status = Status::Saved { at: record.updated };
        if let Some(store) = store {
            let _ = store.write(CURRENT_KEY, &record.id);
        }
        record.scenario
    }

    /// A record of `plan` as this tab writes it now, with the stamp of a new write.
    fn stamped(&mut self, id: String, name: String, plan: &Scenario, now: f64) -> StoredRecord {
        self.writes += 1;
        StoredRecord {
            schema: SCHEMA_VERSION,
            id,
            name,
            updated: now,
            scenario: plan.clone(),
            stamp: format!("{}.{}", self.tab, self.writes),
            base: self.seen.stamp.clone(),
        }
    }

    fn fresh_id(&mut self, now: f64) -> String {
        self.counter += 1;
        new_id(now, self.counter)
    }

    /// The plan of a link fragment, as a new unsaved plan (edits waiting for the autosave are
    /// saved first); None when the link is damaged, and then a sentence says so.
    pub fn open_link<S: PlanStore>(
        &mut self,
        store: Option<&S>,
        hash: &str,
        shown: &Scenario,
        now: f64,
    ) -> Show {
        if !hash.contains("s=") {
            return None;
        }
        match decode_link(hash) {
            Ok(shared) => {
                if !self.keep_unsaved_edit(store, shown, now) {
                    return None;
                }
                self.current = None;
                self.conflict = None;
                self.dirty = false;
                let link = link_token(hash);
                let draft = store.and_then(|s| s.get::<LinkDraft>(&draft_key(&link)));
                self.link = Some(link.clone());
                match draft.filter(|d| d.link == link) {
                    Some(draft) => {
                        self.status = Status::LinkDraft { at: draft.updated };
                        self.notice(DRAFT_KEPT.into());
                        Some(draft.scenario)
                    }
                    // Where nothing can be saved, the status says so, not "save it under a name".
                    None if store.is_none() => {
                        self.status = Status::Unavailable;
                        Some(shared)
                    }
                    None => {
                        self.status = Status::Unsaved { from_link: true };
                        Some(shared)
                    }
                }
            }
            Err(e) => {
                self.notice(e.to_string());
                None
            }
        }
    }

    /// Before the plan shown is replaced: saves a saved plan's waiting edits; false (with a
    /// sentence) when that save fails, so the caller keeps the plan shown.
    fn keep_unsaved_edit<S: PlanStore>(
        &mut self,
        store: Option<&S>,
        shown: &Scenario,
        now: f64,
    ) -> bool {
        let kept_somewhere = matches!(
            self.status,
            Status::Saved { .. }
                | Status::Failed(_)
                | Status::LinkDraft { .. }
                | Status::Unsaved { from_link: true }
        );
        if !(self.dirty && kept_somewhere) {
            return true;
        }
        self.save(store, shown, now);
        if self.dirty && (self.current.is_some() || self.link.is_some()) {
            self.notice(KEEPS_UNSAVED_EDIT.into());
            return false;
        }
        true
    }

    /// The plan shown was edited by the user (not replaced by opening something).
    pub fn edited(&mut self) {
        self.dirty = true;
    }

    /// True while the plan shown has an edit not yet written: waiting for the autosave, or
    /// refused (then the status says why).
    pub fn has_unsaved_edit(&self) -> bool {
        self.dirty
    }

    /// What a link to another page of the app must carry for that page to show the plan shown
    /// here: the saved plan's id, the link it was opened from (its draft is in storage), or,
    /// where storage does not hold it, the plan itself.
    pub fn carry(&self) -> Carry {
        match (&self.status, &self.current, &self.link) {
            (Status::Unsaved { from_link: false }, _, _) if !self.dirty => Carry::Nothing,
            (Status::Saved { .. }, Some((id, _)), _) if !self.dirty => Carry::Saved(id.clone()),
            (Status::Unsaved { from_link: true } | Status::LinkDraft { .. }, _, Some(link))
                if !self.dirty =>
            {
                Carry::Link(link.clone())
            }
            (Status::Saved { .. } | Status::Failed(_), Some((id, _)), _) if self.dirty => {
                Carry::Edited(id.clone())
            }
            _ => Carry::Plan,
        }
    }

    /// Saves now if the plan shown is a saved one whose edits wait for the autosave.
    pub fn save_pending<S: PlanStore>(&mut self, store: Option<&S>, shown: &Scenario, now: f64) {
        if matches!(self.status, Status::Saved { .. }) {
            self.save(store, shown, now);
        }
    }

    /// Saves the plan shown, unless it came from a link (that waits for Save as) or another tab
    /// saved a newer version of it (that is never silently overwritten).
    pub fn save<S: PlanStore>(&mut self, store: Option<&S>, shown: &Scenario, now: f64) {
        match self.status {
            Status::Unavailable => return,
            Status::Unsaved { from_link: true } | Status::LinkDraft { .. } => {
                return self.save_link_draft(store, shown, now);
            }
            _ => {}
        }
        if self.conflict.is_some() {
            self.status = Status::Failed(CHANGED_ELSEWHERE.into());
            return;
        }
        let Some(store) = store else {
            self.status = Status::Unavailable;
            return;
        };
        let (id, name) = match self.current.clone() {
            Some(c) => c,
            None => {
                let name = unique_name("My plan", &self.entries);
                (self.fresh_id(now), name)
            }
        };
        let key = record_key(&id);
        let raw = store.read(&key);
        match stored_under(raw.as_deref(), &self.seen) {
            StoredUnder::Ours => {}
            StoredUnder::Theirs(theirs) => {
                self.conflict = Some(*theirs);
                self.status = Status::Failed(CHANGED_ELSEWHERE.into());
                return;
            }
            StoredUnder::Newer(e) => {
                self.status = Status::Failed(format!(
                    "Not saved. {e} Your changes are still here: use Save as new plan, in Your plans, to keep them."
                ));
                return;
            }
            StoredUnder::Damaged => {
                // Kept aside first, so saving over it loses nothing.
                let Some(aside) = raw
                    .as_deref()
                    .and_then(|raw| keep_aside(store, &key, raw, now))
                else {
                    self.status = Status::Failed(
                        "Not saved: the stored copy of this plan is damaged and could not be kept aside. Your changes are still here: export them to be safe.".into(),
                    );
                    return;
                };
                self.notice(format!(
                    "The stored copy of this plan was damaged; its raw data is kept aside under \"{aside}\" and this version is saved in its place."
                ));
            }
        }
        let record = self.stamped(id.clone(), name.clone(), shown, now);
        if !reads_back(&record) {
            self.status = Status::Failed(OVER_LIMITS.into());
            return;
        }
        match store.set(&key, &record) {
            Ok(()) => {
                self.seen = Seen::of(&record);
                self.current = Some((id.clone(), name));
                self.entries.retain(|x| x.id != id);
                self.entries.push(IndexEntry::from(&record));
                sort_entries(&mut self.entries);
                self.write_index(Some(store));
                let _ = store.write(CURRENT_KEY, &id);
                self.status = Status::Saved { at: record.updated };
                self.dirty = false;
            }
            Err(e) => self.status = Status::Failed(e.to_string()),
        }
    }

    /// Keeps the edits to a link's plan as a draft of that link: the link opened again (a
    /// reload) shows them, and only Save as makes it a saved plan.
    fn save_link_draft<S: PlanStore>(&mut self, store: Option<&S>, shown: &Scenario, now: f64) {
        let (Some(store), Some(link)) = (store, self.link.clone()) else {
            return;
        };
        if !self.dirty {
            return;
        }
        let draft = LinkDraft {
            link: link.clone(),
            updated: now,
            scenario: shown.clone(),
        };
        match store.set(&draft_key(&link), &draft) {
            Ok(()) => {
                self.dirty = false;
                self.status = Status::LinkDraft { at: now };
            }
            Err(e) => self.status = Status::Failed(e.to_string()),
        }
    }

    /// Saves the plan shown as a new named plan (also how a plan from a link gets saved).
    pub fn save_as<S: PlanStore>(
        &mut self,
        store: Option<&S>,
        name: &str,
        shown: &Scenario,
        now: f64,
    ) {
        if self.status == Status::Unavailable {
            return;
        }
        // Edits still waiting for the autosave belong to the plan they were made in, too.
        self.save_pending(store, shown, now);
        let name = unique_name(name, &self.entries);
        self.current = Some((self.fresh_id(now), name));
        self.seen = Seen {
            updated: now,
            stamp: String::new(),
        };
        self.conflict = None;
        self.status = Status::Unsaved { from_link: false };
        self.dirty = true;
        self.save(store, shown, now);
        if let (Some(link), Status::Saved { .. }, Some(store)) = (&self.link, &self.status, store) {
            store.remove(&draft_key(link));
            self.link = None;
        }
    }

    /// Keeps `plan` as a new saved plan named after `name`, leaving the open plan as it is
    /// (a plan about to be replaced wholesale, kept so it can be opened again after a reload).
    /// The copy's name, or why it could not be kept.
    pub fn keep_copy<S: PlanStore>(
        &mut self,
        store: Option<&S>,
        name: &str,
        plan: &Scenario,
        now: f64,
    ) -> Result<String, StorageError> {
        let store = store.ok_or(StorageError::Unavailable)?;
        let name = unique_name(name, &self.entries);
        let id = self.fresh_id(now);
        let record = self.stamped(id, name.clone(), plan, now);
        if !reads_back(&record) {
            return Err(StorageError::NotKept);
        }
        store.set(&record_key(&record.id), &record)?;
        self.entries.push(IndexEntry::from(&record));
        sort_entries(&mut self.entries);
        self.write_index(Some(store));
        Ok(name)
    }

    pub fn rename<S: PlanStore>(
        &mut self,
        store: Option<&S>,
        name: &str,
        shown: &Scenario,
        now: f64,
    ) {
        let Some((id, _)) = self.current.clone() else {
            return self.save_as(store, name, shown, now);
        };
        let others: Vec<IndexEntry> = self
            .entries
            .iter()
            .filter(|e| e.id != id)
            .cloned()
            .collect();
        self.current = Some((id, unique_name(name, &others)));
        self.save(store, shown, now);
    }

    pub fn duplicate<S: PlanStore>(&mut self, store: Option<&S>, shown: &Scenario, now: f64) {
        let name = self
            .current
            .as_ref()
            .map(|c| c.1.clone())
            .unwrap_or_else(|| "My plan".into());
        self.save(store, shown, now);
        self.save_as(store, &format!("{name} (copy)"), shown, now);
    }

    /// Deletes the current plan (Undo brings it back) and opens the newest other one.
    pub fn delete<S: PlanStore>(&mut self, store: Option<&S>, shown: &Scenario, now: f64) -> Show {
        let (Some((id, _)), Some(store)) = (self.current.clone(), store) else {
            return None;
        };
        let key = record_key(&id);
        let raw = store.read(&key);
        let record = raw.as_deref().and_then(|raw| decode_record(raw).ok());
        if let (Some(raw), None) = (&raw, &record) {
            // Unreadable here (damaged, or from a newer version): Undo could not bring it back,
            // so it is kept aside rather than deleted.
            let Some(aside) = keep_aside(store, &key, raw, now) else {
                self.notice("This plan's stored copy could not be read or kept aside, so it was not deleted.".into());
                return None;
            };
            self.notice(format!(
                "This plan's stored copy could not be read here, so it is kept aside under \"{aside}\" rather than deleted."
            ));
        }
        // The deleted plan waits in the trash (the last one only), so Undo survives a reload.
        for old in store.keys(TRASH) {
            store.remove(&old);
        }
        if let Some(record) = &record {
            let _ = store.set(&format!("{TRASH}{id}"), record);
        }
        store.remove(&key);
        self.entries.retain(|x| x.id != id);
        self.write_index(Some(store));
        self.deleted = record;
        self.current = None;
        self.status = Status::Unsaved { from_link: false };
        let next = self.entries.first().map(|e| e.id.clone())?;
        self.open(Some(store), &next, shown, now)
    }

    /// Puts the last deleted plan back and opens it; if storage refuses, Undo stays offered and
    /// a sentence says why.
    pub fn undo_delete<S: PlanStore>(&mut self, store: Option<&S>) -> Show {
        let record = self.deleted.clone()?;
        let store = store?;
        if let Err(e) = store.set(&record_key(&record.id), &record) {
            self.notice(e.to_string());
            return None;
        }
        self.deleted = None;
        store.remove(&format!("{TRASH}{}", record.id));
        self.entries.push(IndexEntry::from(&record));
        sort_entries(&mut self.entries);
        self.write_index(Some(store));
        Some(self.open_record(Some(store), record))
    }

    /// Opens a saved plan, saving the one shown first.
    pub fn open<S: PlanStore>(
        &mut self,
        store: Option<&S>,
        id: &str,
        shown: &Scenario,
        now: f64,
    ) -> Show {
        if !self.keep_unsaved_edit(store, shown, now) {
            return None;
        }
        match store
            .and_then(|s| s.read(&record_key(id)))
            .map(|r| decode_record(&r))
        {
            Some(Ok(record)) => {
                self.conflict = None;
                Some(self.open_record(store, record))
            }
            Some(Err(e)) => {
                self.notice(e.to_string());
                None
            }
            None => {
                self.notice("That saved scenario is gone (perhaps deleted in another tab).".into());
                None
            }
        }
    }

    /// Another tab's newer version wins: show it.
    pub fn load_theirs<S: PlanStore>(&mut self, store: Option<&S>) -> Show {
        let record = self.conflict.take()?;
        Some(self.open_record(store, record))
    }

    /// Keep this tab's version too, as a new copy.
    pub fn keep_mine<S: PlanStore>(&mut self, store: Option<&S>, shown: &Scenario, now: f64) {
        let name = self
            .current
            .as_ref()
            .map(|c| c.1.clone())
            .unwrap_or_else(|| "My plan".into());
        self.conflict = None;
        self.save_as(store, &format!("{name} (this tab)"), shown, now);
    }

    /// Another tab wrote `key` (None: it cleared storage): the plan shown here, or the index.
    /// A newer version of the plan shown is shown at once when this tab has no unsaved edit
    /// (nothing to lose); over an edit, the user chooses.
    pub fn storage_event<S: PlanStore>(
        &mut self,
        store: Option<&S>,
        key: Option<&str>,
        value: Option<&str>,
        now: f64,
    ) -> Show {
        let Some(key) = key else {
            self.notice(CLEARED_ELSEWHERE.into());
            self.scan(store, now);
            self.forget_current_record();
            return None;
        };
        let mut shown = None;
        if let Some((id, _)) = &self.current {
            if key == record_key(id) {
                match value {
                    None => {
                        self.notice(DELETED_ELSEWHERE.into());
                        self.forget_current_record();
                    }
                    Some(_) => {
                        // What storage holds now, not the event's value: events arrive late, and
                        // this tab's own write may have landed after the one the event tells of.
                        let now_stored = store.and_then(|s| s.read(key));
                        let now_stored = now_stored.as_deref().or(value);
                        if let StoredUnder::Theirs(theirs) = stored_under(now_stored, &self.seen) {
                            // Taken at once only when made from the version this tab last saw,
                            // with nothing unsaved here; a write that raced this tab's is asked.
                            let built_on_ours = theirs.base == self.seen.stamp;
                            if self.dirty || self.conflict.is_some() || !built_on_ours {
                                self.conflict = Some(*theirs);
                                self.status = Status::Failed(CHANGED_ELSEWHERE.into());
                            } else {
                                shown = Some(self.open_record(store, *theirs));
                            }
                        }
                    }
                }
            }
        }
        if key == INDEX_KEY {
            if let Some(entries) = decode_index(value) {
                self.entries = entries;
            }
        }
        shown
    }

    /// The open plan's record is gone (cleared or deleted elsewhere): the plan shown stays,
    /// unsaved, and the next save writes it again under the same name.
    fn forget_current_record(&mut self) {
        self.seen = Seen::default();
        if self.current.is_some() {
            self.dirty = true;
            self.status = Status::Unsaved { from_link: false };
        }
    }

    /// Every saved plan, read now.
    pub fn load_all<S: PlanStore>(&self, store: Option<&S>) -> Vec<StoredRecord> {
        let Some(store) = store else {
            return Vec::new();
        };
        self.entries
            .iter()
            .filter_map(|e| store.read(&record_key(&e.id)))
            .filter_map(|raw| decode_record(&raw).ok())
            .collect()
    }

    /// Every saved plan (and the plan shown, when it is unsaved and not the untouched default)
    /// as one export file's text. Exporting never creates a plan: export, import in a fresh
    /// browser and export again gives the same file but for its time.
    pub fn export<S: PlanStore>(
        &mut self,
        store: Option<&S>,
        shown: &Scenario,
        now: f64,
    ) -> String {
        if self.current.is_some() {
            self.save(store, shown, now);
        }
        let mut records = self.load_all(store);
        if self.current.is_none() && *shown != Scenario::default() {
            records.push(StoredRecord {
                schema: SCHEMA_VERSION,
                id: "unsaved".into(),
                name: "Unsaved plan".into(),
                updated: now,
                scenario: shown.clone(),
                stamp: String::new(),
                base: String::new(),
            });
        }
        encode_export(&records, now)
    }

    /// Adds every plan of an export file as new saved plans; nothing existing is overwritten
    /// (a plan keeps its id and name unless this browser already uses them). Plans a newer
    /// version wrote are kept aside untouched. The sentence says what happened.
    pub fn import<S: PlanStore>(&mut self, store: Option<&S>, text: &str, now: f64) -> String {
        let mut job = match self.import_begin(store, text, now) {
            Ok(job) => job,
            Err(said) => return said,
        };
        loop {
            if let Some(said) = self.import_step(store, &mut job, usize::MAX, now) {
                return said;
            }
        }
    }

    /// Opens an export file for [`Self::import_step`]; the sentence says why not.
    pub fn import_begin<S: PlanStore>(
        &self,
        store: Option<&S>,
        text: &str,
        now: f64,
    ) -> Result<ImportJob, String> {
        let Some(parts) = open_export(text) else {
            return Err(
                "That file is not an Honest Income export, so nothing was imported.".into(),
            );
        };
        let (Some(store), false) = (store, self.status == Status::Unavailable) else {
            return Err(StorageError::Unavailable.to_string());
        };
        let total = parts.pending.len();
        let _ = store.set(
            IMPORT_MARK,
            &ImportMark {
                done: 0,
                total,
                at: now,
            },
        );
        Ok(ImportJob {
            total: parts.pending.len(),
            parts,
            names: NameBook::new(&self.entries),
            added: 0,
            skipped: 0,
            refused: None,
        })
    }

    /// Imports up to `batch` more plans of `job`; once every plan is in (or storage refused
    /// one), the sentence saying what happened. Between steps the list and its index show the
    /// plans imported so far, so a page that goes away mid-import keeps them.
    pub fn import_step<S: PlanStore>(
        &mut self,
        store: Option<&S>,
        job: &mut ImportJob,
        batch: usize,
        now: f64,
    ) -> Option<String> {
        let Some(store) = store else {
            return Some(StorageError::Unavailable.to_string());
        };
        for value in job.parts.pending.by_ref().take(batch) {
            let Ok(mut record) = decode_record_tree(value) else {
                job.skipped += 1;
                continue;
            };
            if store.read(&record_key(&record.id)).is_some() || record.id.is_empty() {
                record.id = self.fresh_id(now);
            }
            record.name = job.names.claim(&record.name);
            if let Err(e) = store.set(&record_key(&record.id), &record) {
                job.refused = Some(e);
                break;
            }
            job.added += 1;
            self.entries.push(IndexEntry::from(&record));
        }
        let finished = job.refused.is_some() || job.parts.pending.len() == 0;
        if finished {
            // Sorted once at the end: the insertion sort is linear for a file in its export
            // order, and would be quadratic if run after every step.
            sort_entries(&mut self.entries);
        }
        self.write_index(Some(store));
        if finished {
            store.remove(IMPORT_MARK);
        } else {
            let mark = ImportMark {
                done: job.added,
                total: job.total,
                at: now,
            };
            let _ = store.set(IMPORT_MARK, &mark);
        }
        finished.then(|| self.import_said(store, job, now))
    }

    fn import_said<S: PlanStore>(&self, store: &S, job: &ImportJob, now: f64) -> String {
        let mut kept = 0;
        for (i, raw) in job.parts.newer.iter().enumerate() {
            let aside = quarantine_key(&format!("{PREFIX}import.{i}"), now);
            kept += usize::from(store.write(&aside, raw).is_ok());
        }
        let plans = |n: usize| {
            if n == 1 {
                "1 plan".to_string()
            } else {
                format!("{n} plans")
            }
        };
        let mut said = match &job.refused {
            Some(e) => format!("Imported {} before storage refused: {e}", plans(job.added)),
            None => format!("Imported {}.", plans(job.added)),
        };
        if job.skipped > 0 {
            said.push_str(&format!(
                " {} could not be read and {} skipped.",
                plans(job.skipped),
                if job.skipped == 1 { "was" } else { "were" }
            ));
        }
        if !job.parts.newer.is_empty() {
            said.push_str(&format!(
                " {} came from a newer version of Honest Income: kept aside untouched ({kept} stored), to open with that version.",
                plans(job.parts.newer.len())
            ));
        }
        said
    }
}

/// An import under way (see [`SavedPlans::import_step`]).
pub struct ImportJob {
    parts: ExportParts,
    names: NameBook,
    total: usize,
    added: usize,
    skipped: usize,
    refused: Option<StorageError>,
}

impl ImportJob {
    /// How many of the file's plans are read so far, and how many it holds (newer ones aside).
    pub fn progress(&self) -> (usize, usize) {
        (self.added + self.skipped, self.total)
    }
}

/// True when `record` reads back equal: what would not is never written, since the next read
/// would set it aside as damaged.
fn reads_back(record: &StoredRecord) -> bool {
    decode_record(&encode_record(record)).as_ref() == Ok(record)
}

/// Copies the raw text stored at `key` aside, never deleted; the key it went to, if it did.
fn keep_aside<S: PlanStore>(store: &S, key: &str, raw: &str, now: f64) -> Option<String> {
    let aside = quarantine_key(key, now);
    store.write(&aside, raw).ok().map(|()| aside)
}
