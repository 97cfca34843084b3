//! Saved plans on the page: the pure state machine (`scenario::saved_plans`) wired to the
//! browser's storage and clock, to the plan being edited, and to signals the page reads.

use crate::platform::page;
use crate::platform::storage::{now_ms, Store};
use crate::scenario::codec::{encode_link, StoredRecord};
use crate::scenario::library::IndexEntry;
pub use crate::scenario::saved_plans::Status;
use crate::scenario::saved_plans::{link_token, plan_pointer, Carry, ImportJob, SavedPlans, Show};
use crate::scenario::Scenario;
use leptos::prelude::*;

/// The plan being edited and its place among the saved ones.
#[derive(Clone, Copy)]
pub struct Library {
    scenario: RwSignal<Scenario>,
    store: StoredValue<Option<Store>, LocalStorage>,
    plans: StoredValue<SavedPlans>,
    pub entries: RwSignal<Vec<IndexEntry>>,
    /// The saved plan being edited: its id and name.
    pub current: RwSignal<Option<(String, String)>>,
    pub status: RwSignal<Status>,
    /// An edit not yet written (the autosave is waiting, or the status says why it failed).
    pub unsaved_edit: RwSignal<bool>,
    /// What a link to another page carries (`SavedPlans::carry`), kept as the plans change.
    carry: RwSignal<Carry>,
    /// Sentences about what was found (damaged entries, links, newer records).
    pub notices: RwSignal<Vec<String>>,
    /// A newer version of the current plan saved by another tab.
    pub conflict: RwSignal<Option<StoredRecord>>,
    /// The last deleted plan, for Undo.
    pub deleted: RwSignal<Option<StoredRecord>>,
    /// Set while the plan is replaced by loading, so that change is not saved back at once.
    loading: StoredValue<bool>,
    pending: StoredValue<u32>,
    importing: StoredValue<bool>,
}

const AUTOSAVE_DELAY_MS: i32 = 500;
/// Where this tab keeps the id of the saved plan it shows (its session storage).
const TAB_PLAN: &str = "honest-income.tab-plan";
/// The saved plan whose edit storage refused, carried by this tab's links (`Carry::Edited`).
const TAB_EDITED: &str = "honest-income.tab-edited";
/// Plans imported per task: about 20 ms of work each in Chromium here.
const IMPORT_BATCH: usize = 200;

/// Sets a signal only when the value changed, so the page redraws only what did.
fn set_if_changed<T: Clone + PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: &T) {
    if signal.with_untracked(|v| v != value) {
        signal.set(value.clone());
    }
}

impl Library {
    /// Opens storage, reads every saved plan (setting damaged ones aside), and shows the plan
    /// of the address's link, else the last one edited.
    pub fn boot(scenario: RwSignal<Scenario>) -> Library {
        let store = Store::open().ok();
        let hash = page::location_hash();
        // An address without a plan of its own (a reload, Back, a restored tab) opens the plan
        // this tab showed last, not the one another tab edited last.
        let tab_plan = crate::platform::storage::tab_get::<String>(TAB_PLAN).filter(|id| {
            store
                .as_ref()
                .is_some_and(|s| s.read(&crate::scenario::library::record_key(id)).is_some())
        });
        let boot_hash = match tab_plan {
            Some(id) if !hash.contains("s=") && plan_pointer(&hash).is_none() => {
                format!("#plan={id}")
            }
            _ => hash.clone(),
        };
        // `#plan=id&s=...` is a saved plan's unsaved edit only where this tab carried it: a
        // crafted or stale address opens as a link, never over the saved plan.
        let boot_hash = match plan_pointer(&boot_hash) {
            Some(id)
                if boot_hash.contains("s=")
                    && crate::platform::storage::tab_get::<String>(TAB_EDITED).as_deref()
                        != Some(id) =>
            {
                format!("#{}", link_token(&boot_hash))
            }
            _ => boot_hash,
        };
        let (plans, shown) = SavedPlans::boot(
            store.as_ref(),
            &boot_hash,
            now_ms(),
            &crate::platform::storage::tab_id(),
        );
        let carried = plans.carry();
        let edited = match &carried {
            Carry::Edited(id) => Some(id),
            _ => None,
        };
        crate::platform::storage::tab_set(TAB_EDITED, edited);
        let library = Library {
            scenario,
            store: StoredValue::new_local(store),
            entries: RwSignal::new(plans.entries.clone()),
            current: RwSignal::new(plans.current.clone()),
            status: RwSignal::new(plans.status.clone()),
            unsaved_edit: RwSignal::new(false),
            carry: RwSignal::new(carried),
            notices: RwSignal::new(plans.notices.clone()),
            conflict: RwSignal::new(plans.conflict.clone()),
            deleted: RwSignal::new(plans.deleted.clone()),
            plans: StoredValue::new(plans),
            loading: StoredValue::new(false),
            pending: StoredValue::new(0),
            importing: StoredValue::new(false),
        };
        // The pointer did its work: a reload, or another plan opened from the list, must not
        // bring the pointed plan back.
        let edited = library.plans.with_value(SavedPlans::has_unsaved_edit);
        if plan_pointer(&hash).is_some() && !edited {
            page::drop_hash();
        }
        // At boot the autosave effect does not exist yet: nothing to skip.
        if let Some(shown) = shown {
            scenario.set(shown);
        }
        // An edit carried from another page is saved as if just typed (or the status says why not).
        if edited {
            library.changed();
        }
        library
    }

    /// Runs one step of the saved plans with the store, the plan shown and the clock, then
    /// shows what it opened and mirrors its state into the page's signals.
    fn run(&self, step: impl FnOnce(&mut SavedPlans, Option<&Store>, &Scenario, f64) -> Show) {
        let shown = self.scenario.get_untracked();
        let opened = self.store.with_value(|store| {
            self.plans
                .try_update_value(|plans| step(plans, store.as_ref(), &shown, now_ms()))
                .flatten()
        });
        self.mirror();
        if let Some(scenario) = opened {
            // Shown without being saved back at once.
            self.loading.set_value(true);
            self.scenario.set(scenario);
        }
    }

    /// The fragment a link to another page carries so that page shows this plan (see
    /// `SavedPlans::carry`), or None. Tracks what it depends on.
    pub fn carried_fragment(&self) -> Option<String> {
        match self.carry.get() {
            Carry::Nothing => None,
            Carry::Saved(id) => Some(format!("plan={id}")),
            Carry::Link(link) => Some(link),
            Carry::Plan => self.scenario.with(encode_link).ok(),
            Carry::Edited(id) => self
                .scenario
                .with(encode_link)
                .ok()
                .map(|s| format!("plan={id}&{s}")),
        }
    }

    /// What links carry; this tab marks a saved plan whose edit they carry (see `boot`).
    fn set_carry(&self, carry: Carry) {
        if self.carry.with_untracked(|c| *c == carry) {
            return;
        }
        let edited = match &carry {
            Carry::Edited(id) => Some(id.clone()),
            _ => None,
        };
        crate::platform::storage::tab_set(TAB_EDITED, edited.as_ref());
        self.carry.set(carry);
    }

    /// Copies the saved plans' state into the page's signals (only what changed).
    fn mirror(&self) {
        self.plans.with_value(|p| {
            set_if_changed(self.entries, &p.entries);
            set_if_changed(self.current, &p.current);
            set_if_changed(self.status, &p.status);
            set_if_changed(self.unsaved_edit, &p.has_unsaved_edit());
            self.set_carry(p.carry());
            if let Some((id, _)) = &p.current {
                if self
                    .current
                    .with_untracked(|c| c.as_ref().map(|c| &c.0) != Some(id))
                    || crate::platform::storage::tab_get::<String>(TAB_PLAN).as_ref() != Some(id)
                {
                    crate::platform::storage::tab_set(TAB_PLAN, Some(id));
                }
            }
            set_if_changed(self.notices, &p.notices);
            set_if_changed(self.conflict, &p.conflict);
            set_if_changed(self.deleted, &p.deleted);
        });
    }

    /// Shows the plan of a link fragment as a new, unsaved plan; a damaged one gets a sentence.
    pub fn open_link(&self, hash: &str) {
        let hash = hash.to_string();
        self.run(move |p, store, shown, now| p.open_link(store, &hash, shown, now));
    }

    /// Called on every change of the plan: saves it half a second after the last change.
    pub fn changed(&self) {
        if self.loading.try_get_value().unwrap_or(false) {
            self.loading.set_value(false);
            return;
        }
        self.plans.update_value(SavedPlans::edited);
        set_if_changed(self.unsaved_edit, &true);
        self.set_carry(self.plans.with_value(SavedPlans::carry));
        let generation = self.pending.get_value().wrapping_add(1);
        self.pending.set_value(generation);
        let library = *self;
        page::after(AUTOSAVE_DELAY_MS, move || {
            if library.pending.try_get_value() == Some(generation) {
                library.save_now();
            }
        });
    }

    /// Saves at once an edit still waiting for the autosave: the page is going away or out of
    /// sight, and a closed tab runs no timers.
    pub fn flush(&self) {
        if self.plans.with_value(SavedPlans::has_unsaved_edit) {
            self.pending.update_value(|g| *g = g.wrapping_add(1));
            self.save_now();
        }
    }

    pub fn save_now(&self) {
        self.run(|p, store, shown, now| {
            p.save(store, shown, now);
            None
        });
        self.keep_in_address();
    }

    /// Where storage does not hold the plan shown, the address does: Back, Forward and a
    /// reload then bring back this page's plan, not an older one or none.
    fn keep_in_address(&self) {
        if self.plan_is_in_address() {
            if let Some(fragment) = self.carried_fragment_untracked() {
                page::replace_hash(&fragment);
            }
        } else if plan_pointer(&page::location_hash()).is_some() {
            // Saved after all: an old edit in the address must not come back on a reload.
            page::drop_hash();
        }
    }

    fn carried_fragment_untracked(&self) -> Option<String> {
        leptos::prelude::untrack(|| self.carried_fragment())
    }

    /// True when the address, not storage, holds the plan shown (see `keep_in_address`).
    pub fn plan_is_in_address(&self) -> bool {
        matches!(self.carry.get_untracked(), Carry::Plan | Carry::Edited(_))
    }

    pub fn save_as(&self, name: &str) {
        let name = name.to_string();
        self.run(move |p, store, shown, now| {
            p.save_as(store, &name, shown, now);
            None
        });
        // A link's plan saved under a name: a reload opens the saved plan, not the link again.
        if matches!(self.status.get_untracked(), Status::Saved { .. })
            && page::location_hash().contains("s=")
        {
            page::drop_hash();
        }
    }

    /// Keeps the plan shown as a new saved plan before it is replaced; the copy's name.
    pub fn keep_copy(&self, name: &str) -> Result<String, String> {
        let mut kept = Err(String::new());
        let name = name.to_string();
        self.run(|p, store, shown, now| {
            kept = p
                .keep_copy(store, &name, shown, now)
                .map_err(|e| e.to_string());
            None
        });
        kept
    }

    pub fn rename(&self, name: &str) {
        let name = name.to_string();
        self.run(move |p, store, shown, now| {
            p.rename(store, &name, shown, now);
            None
        });
    }

    pub fn duplicate(&self) {
        self.run(|p, store, shown, now| {
            p.duplicate(store, shown, now);
            None
        });
    }

    pub fn delete(&self) {
        self.run(|p, store, shown, now| p.delete(store, shown, now));
    }

    pub fn undo_delete(&self) {
        self.run(|p, store, _, _| p.undo_delete(store));
    }

    pub fn open(&self, id: &str) {
        let id = id.to_string();
        self.run(move |p, store, shown, now| p.open(store, &id, shown, now));
    }

    pub fn load_theirs(&self) {
        self.run(|p, store, _, _| p.load_theirs(store));
    }

    pub fn keep_mine(&self) {
        self.run(|p, store, shown, now| {
            p.keep_mine(store, shown, now);
            None
        });
    }

    /// Reacts to another tab writing storage.
    pub fn storage_event(&self, key: Option<String>, value: Option<String>) {
        self.run(move |p, store, _, now| {
            p.storage_event(store, key.as_deref(), value.as_deref(), now)
        });
    }

    /// The whole plan as a link fragment, or the sentence saying why not.
    pub fn link(&self) -> Result<String, String> {
        let fragment = encode_link(&self.scenario.get_untracked()).map_err(|e| e.to_string())?;
        let base = page::address_without_hash().unwrap_or_default();
        Ok(format!("{base}#{fragment}"))
    }

    /// Every saved plan (and the unsaved one shown) as one JSON file.
    pub fn export_all(&self) -> Result<(), String> {
        let mut text = String::new();
        self.run(|p, store, shown, now| {
            text = p.export(store, shown, now);
            None
        });
        crate::platform::download("honest-income-plans.json", &text, "application/json")
    }

    /// Adds every plan of an export file as new saved plans, a batch per task so a large file
    /// never freezes the page; `said` gets the progress, then the sentence of what happened.
    pub fn import(&self, text: &str, said: RwSignal<String>) {
        if self.importing.get_value() {
            return said.set("An import is already under way: wait for it to finish.".into());
        }
        let begun = self.store.with_value(|store| {
            self.plans
                .with_value(|p| p.import_begin(store.as_ref(), text, now_ms()))
        });
        match begun {
            Ok(job) => {
                self.importing.set_value(true);
                self.import_steps(job, said);
            }
            Err(sentence) => said.set(sentence),
        }
    }

    fn import_steps(self, mut job: ImportJob, said: RwSignal<String>) {
        let mut finished = None;
        // The list is mirrored only at the end: redrawing it after every batch would cost more
        // than the batch.
        self.store.with_value(|store| {
            self.plans.update_value(|p| {
                finished = p.import_step(store.as_ref(), &mut job, IMPORT_BATCH, now_ms());
            })
        });
        match finished {
            Some(sentence) => {
                self.importing.set_value(false);
                self.mirror();
                said.set(sentence);
            }
            None => {
                let (done, total) = job.progress();
                said.set(format!("Importing: {done} of {total} plans so far…"));
                page::after(0, move || self.import_steps(job, said));
            }
        }
    }

    /// Every saved plan, for the compare view (read again when the list changes).
    pub fn load_all(&self) -> Vec<StoredRecord> {
        self.entries.track();
        self.store
            .with_value(|store| self.plans.with_value(|p| p.load_all(store.as_ref())))
    }
}
