//! The saved plans' state machine against an in-memory store: every way a save, an open, a
//! delete or another tab can go, natively (the browser wiring is covered end to end).
#![cfg(not(target_arch = "wasm32"))]

use honest_income::scenario::codec::{encode_link, to_json_text, StoredRecord};
use honest_income::scenario::library::{record_key, CURRENT_KEY, INDEX_KEY};
use honest_income::scenario::saved_plans::{Carry, PlanStore, SavedPlans, Status, StorageError};
use honest_income::scenario::{Scenario, SCHEMA_VERSION};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

/// localStorage as a map, with the faults browsers show.
#[derive(Default)]
struct Memory {
    items: RefCell<BTreeMap<String, String>>,
    full: Cell<bool>,
}

impl PlanStore for Memory {
    fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        serde_json::from_str(self.items.borrow().get(key)?).ok()
    }
    fn set<T: Serialize + DeserializeOwned + PartialEq>(
        &self,
        key: &str,
        value: &T,
    ) -> Result<(), StorageError> {
        self.write(key, &to_json_text(value))
    }
    fn read(&self, key: &str) -> Option<String> {
        self.items.borrow().get(key).cloned()
    }
    fn write(&self, key: &str, text: &str) -> Result<(), StorageError> {
        if self.full.get() {
            return Err(StorageError::Full);
        }
        self.items.borrow_mut().insert(key.into(), text.into());
        Ok(())
    }
    fn remove(&self, key: &str) {
        self.items.borrow_mut().remove(key);
    }
    fn keys(&self, prefix: &str) -> Vec<String> {
        self.items
            .borrow()
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect()
    }
    fn is_full(&self) -> bool {
        self.full.get()
    }
}

fn priced(price: &str) -> Scenario {
    let mut s = Scenario::default();
    s.products[0].price = price.into();
    s
}

/// A fresh browser with one plan saved at $30.
fn one_saved() -> (Memory, SavedPlans, String) {
    let store = Memory::default();
    let (mut plans, shown) = SavedPlans::boot(Some(&store), "", 1000.0, "ta");
    assert_eq!(shown, None);
    assert_eq!(plans.status, Status::Unsaved { from_link: false });
    plans.save(Some(&store), &priced("30"), 2000.0);
    let id = plans.current.clone().expect("saved").0;
    (store, plans, id)
}

fn stored(store: &Memory, id: &str) -> StoredRecord {
    serde_json::from_str(&store.read(&record_key(id)).unwrap()).unwrap()
}

/// Another tab's version of the plan stored as `id`: $40, written at 5000 by tab "tb", made from
/// the version stamped `base` ("" for none known).
fn their_version(store: &Memory, id: &str, base: &str) -> StoredRecord {
    StoredRecord {
        updated: 5000.0,
        scenario: priced("40"),
        stamp: "tb.1".into(),
        base: base.into(),
        ..stored(store, id)
    }
}

#[test]
fn the_first_save_makes_my_plan_and_the_next_visit_opens_it() {
    let (store, plans, id) = one_saved();
    assert_eq!(plans.current.as_ref().unwrap().1, "My plan");
    assert_eq!(plans.status, Status::Saved { at: 2000.0 });
    assert_eq!(store.read(CURRENT_KEY).as_deref(), Some(id.as_str()));
    assert_eq!(plans.entries.len(), 1);
    let (again, shown) = SavedPlans::boot(Some(&store), "", 3000.0, "ta");
    assert_eq!(shown.unwrap().products[0].price, "30");
    assert_eq!(again.current, plans.current);
    assert!(store.read(INDEX_KEY).is_some());
}

#[test]
fn a_full_quota_keeps_the_plan_and_the_last_save_and_says_so() {
    let (store, mut plans, id) = one_saved();
    store.full.set(true);
    plans.save(Some(&store), &priced("31"), 3000.0);
    assert_eq!(plans.status, Status::Failed(StorageError::Full.to_string()));
    assert_eq!(stored(&store, &id).scenario.products[0].price, "30");
    store.full.set(false);
    plans.save(Some(&store), &priced("31"), 4000.0);
    assert_eq!(plans.status, Status::Saved { at: 4000.0 });
    assert_eq!(stored(&store, &id).scenario.products[0].price, "31");
}

#[test]
fn another_tabs_newer_save_is_never_overwritten() {
    let (store, mut plans, id) = one_saved();
    let theirs = their_version(&store, &id, "");
    store.set(&record_key(&id), &theirs).unwrap();
    plans.save(Some(&store), &priced("31"), 6000.0);
    assert_eq!(
        plans.conflict.as_ref().unwrap().scenario.products[0].price,
        "40"
    );
    assert_eq!(
        stored(&store, &id).scenario.products[0].price,
        "40",
        "untouched"
    );
    // Keep this tab's version as a copy: both survive.
    plans.keep_mine(Some(&store), &priced("31"), 7000.0);
    assert_eq!(plans.entries.len(), 2);
    assert!(plans.current.as_ref().unwrap().1.ends_with("(this tab)"));
    assert_eq!(stored(&store, &id).scenario.products[0].price, "40");
}

#[test]
fn showing_their_version_opens_it() {
    let (store, mut plans, id) = one_saved();
    let theirs = their_version(&store, &id, "");
    let raw = to_json_text(&theirs);
    store.write(&record_key(&id), &raw).unwrap();
    plans.edited();
    let shown = plans.storage_event(Some(&store), Some(&record_key(&id)), Some(&raw), 5500.0);
    assert_eq!(
        shown, None,
        "an unsaved edit is not replaced without asking"
    );
    assert!(matches!(&plans.status, Status::Failed(s) if s.contains("changed in another tab")));
    let shown = plans.load_theirs(Some(&store)).unwrap();
    assert_eq!(shown.products[0].price, "40");
    assert_eq!(plans.conflict, None);
    plans.save(Some(&store), &shown, 6000.0);
    assert_eq!(plans.status, Status::Saved { at: 6000.0 });
}

#[test]
fn a_tab_without_unsaved_edits_follows_the_other_tabs_newer_version() {
    let (store, mut plans, id) = one_saved();
    // Made from the version this tab wrote.
    let base = stored(&store, &id).stamp;
    let theirs = their_version(&store, &id, &base);
    let raw = to_json_text(&theirs);
    store.write(&record_key(&id), &raw).unwrap();
    let shown = plans.storage_event(Some(&store), Some(&record_key(&id)), Some(&raw), 5500.0);
    assert_eq!(
        shown.unwrap().products[0].price,
        "40",
        "nothing to lose: shown at once"
    );
    assert_eq!(plans.conflict, None);
    assert_eq!(plans.status, Status::Saved { at: 5000.0 });
    // Its next edit saves over that version, not over the one it had before.
    plans.edited();
    plans.save(Some(&store), &priced("41"), 6000.0);
    assert_eq!(plans.status, Status::Saved { at: 6000.0 });
    assert_eq!(stored(&store, &id).scenario.products[0].price, "41");
}

#[test]
fn a_write_that_raced_this_tabs_own_is_asked_about_never_taken_silently() {
    // Both tabs saved at once from the same version: each believed its write was the last.
    let (store, mut a, id) = one_saved();
    let base = stored(&store, &id).stamp;
    a.edited();
    a.save(Some(&store), &priced("31"), 3000.0);
    let a_wrote = store.read(&record_key(&id)).unwrap();
    // B's write of its own edit, made from the same base, lands after A's.
    let mut raced: StoredRecord = serde_json::from_str(&a_wrote).unwrap();
    raced.scenario = priced("32");
    raced.stamp = "tb.1".into();
    raced.base = base;
    let raced = to_json_text(&raced);
    store.write(&record_key(&id), &raced).unwrap();
    // A hears of it: B did not build on A's 31, so A keeps showing it and is asked.
    let shown = a.storage_event(Some(&store), Some(&record_key(&id)), Some(&raced), 3100.0);
    assert_eq!(shown, None);
    assert!(matches!(&a.status, Status::Failed(s) if s.contains("changed in another tab")));
    assert!(a.conflict.is_some());
    // A late event for a write storage no longer holds changes nothing: storage is read.
    store.write(&record_key(&id), &a_wrote).unwrap();
    let (mut c, _) = SavedPlans::boot(Some(&store), "", 3200.0, "tc");
    let shown = c.storage_event(Some(&store), Some(&record_key(&id)), Some(&raced), 3300.0);
    assert_eq!(shown, None);
    assert!(matches!(c.status, Status::Saved { .. }));
}

#[test]
fn a_newer_versions_record_is_not_saved_over_and_a_damaged_one_is_kept_aside() {
    let (store, mut plans, id) = one_saved();
    let newer = store.read(&record_key(&id)).unwrap().replacen(
        &format!("\"schema\":{SCHEMA_VERSION}"),
        "\"schema\":99",
        1,
    );
    store.write(&record_key(&id), &newer).unwrap();
    plans.save(Some(&store), &priced("31"), 3000.0);
    assert!(matches!(&plans.status, Status::Failed(s) if s.contains("newer version")));
    assert_eq!(store.read(&record_key(&id)).unwrap(), newer);

    store.write(&record_key(&id), "{damaged").unwrap();
    plans.save(Some(&store), &priced("32"), 4000.0);
    assert_eq!(plans.status, Status::Saved { at: 4000.0 });
    let aside: Vec<String> = store.keys("honest-income.v1.quarantine.");
    assert_eq!(aside.len(), 1);
    assert_eq!(store.read(&aside[0]).as_deref(), Some("{damaged"));
}

#[test]
fn delete_then_undo_and_undo_that_storage_refuses_stays_offered() {
    let (store, mut plans, id) = one_saved();
    // Save as copies the plan shown ($30); the next edit ($45) belongs to the copy.
    plans.save_as(Some(&store), "Second", &priced("30"), 3000.0);
    plans.save(Some(&store), &priced("45"), 3500.0);
    let shown = plans.delete(Some(&store), &priced("45"), 4000.0);
    assert_eq!(
        shown.unwrap().products[0].price,
        "30",
        "the other plan opens"
    );
    assert_eq!(plans.entries.len(), 1);
    assert_eq!(plans.deleted.as_ref().unwrap().name, "Second");
    store.full.set(true);
    assert_eq!(plans.undo_delete(Some(&store)), None);
    assert!(plans.deleted.is_some(), "Undo is still offered");
    assert!(plans.notices.iter().any(|n| n.contains("storage is full")));
    store.full.set(false);
    let back = plans.undo_delete(Some(&store)).unwrap();
    assert_eq!(back.products[0].price, "45");
    assert_eq!(plans.entries.len(), 2);
    assert!(store.read(&record_key(&id)).is_some());
}

#[test]
fn deleting_a_plan_that_cannot_be_read_here_keeps_it_aside() {
    let (store, mut plans, id) = one_saved();
    store.write(&record_key(&id), "{damaged").unwrap();
    plans.delete(Some(&store), &priced("30"), 3000.0);
    assert_eq!(store.read(&record_key(&id)), None);
    let aside = store.keys("honest-income.v1.quarantine.");
    assert_eq!(store.read(&aside[0]).as_deref(), Some("{damaged"));
}

#[test]
fn a_link_opens_unsaved_and_only_save_as_keeps_it() {
    let (store, mut plans, id) = one_saved();
    let hash = format!("#{}", encode_link(&priced("50")).unwrap());
    let shown = plans
        .open_link(Some(&store), &hash, &priced("30"), 3000.0)
        .unwrap();
    assert_eq!(shown.products[0].price, "50");
    assert_eq!(plans.status, Status::Unsaved { from_link: true });
    plans.save(Some(&store), &shown, 4000.0);
    assert_eq!(
        plans.entries.len(),
        1,
        "autosave leaves a link's plan alone"
    );
    assert_eq!(stored(&store, &id).scenario.products[0].price, "30");
    plans.save_as(Some(&store), "From a friend", &shown, 5000.0);
    assert_eq!(plans.entries.len(), 2);
    assert_eq!(
        plans.open_link(Some(&store), "#s=2.AAAA", &shown, 6000.0),
        None
    );
    assert!(plans
        .notices
        .iter()
        .any(|n| n.starts_with("This link is damaged")));
}

#[test]
fn boot_sets_damaged_records_aside_and_leaves_newer_ones_alone() {
    let store = Memory::default();
    store.write(&record_key("bad"), "not json").unwrap();
    let newer = r#"{"schema":99,"id":"new","name":"N","updated":1,"scenario":{}}"#.to_string();
    store.write(&record_key("new"), &newer).unwrap();
    let (plans, _) = SavedPlans::boot(Some(&store), "", 1000.0, "ta");
    assert!(plans.entries.is_empty());
    assert_eq!(plans.notices.len(), 2);
    assert_eq!(store.read(&record_key("bad")), None);
    assert_eq!(store.keys("honest-income.v1.quarantine.").len(), 1);
    assert_eq!(
        store.read(&record_key("new")).as_deref(),
        Some(newer.as_str())
    );
}

#[test]
fn export_then_import_adds_every_plan_and_overwrites_none() {
    let (store, mut plans, _) = one_saved();
    plans.save_as(Some(&store), "Second", &priced("45"), 3000.0);
    let file = plans.export(Some(&store), &priced("45"), 4000.0);
    let other = Memory::default();
    let (mut fresh, _) = SavedPlans::boot(Some(&other), "", 5000.0, "ta");
    assert_eq!(
        fresh.import(Some(&other), &file, 6000.0),
        "Imported 2 plans."
    );
    let mut names: Vec<String> = fresh.entries.iter().map(|e| e.name.clone()).collect();
    names.sort();
    assert_eq!(names, ["My plan", "Second"]);
    assert_eq!(
        fresh.import(Some(&other), "not a file", 7000.0),
        "That file is not an Honest Income export, so nothing was imported."
    );
}

#[test]
fn without_storage_nothing_claims_to_be_saved() {
    let (mut plans, shown) = SavedPlans::boot(None::<&Memory>, "", 1000.0, "ta");
    assert_eq!(shown, None);
    assert_eq!(plans.status, Status::Unavailable);
    plans.save(None::<&Memory>, &priced("30"), 2000.0);
    assert_eq!(plans.status, Status::Unavailable);
    assert_eq!(
        plans.import(None::<&Memory>, "{}", 3000.0),
        "That file is not an Honest Income export, so nothing was imported."
    );
}

#[test]
fn a_plan_over_the_limits_is_refused_before_it_is_written_and_one_at_them_reads_back() {
    use honest_income::scenario::saved_plans::OVER_LIMITS;
    let (store, mut plans, id) = one_saved();
    let mut at = priced("30");
    at.delayed.streams[0].name = "ü".repeat(200);
    plans.save(Some(&store), &at, 3000.0);
    assert_eq!(plans.status, Status::Saved { at: 3000.0 });
    assert_eq!(
        stored(&store, &id).scenario,
        at,
        "200 two-byte characters read back"
    );
    let mut over = at.clone();
    over.delayed.streams[0].name = "ü".repeat(201);
    plans.save(Some(&store), &over, 4000.0);
    assert_eq!(plans.status, Status::Failed(OVER_LIMITS.into()));
    assert_eq!(stored(&store, &id).scenario, at, "the last good save stays");
}

mod save_path {
    use super::*;
    use honest_income::scenario::delayed::StreamType;
    use honest_income::scenario::{CostLineDraft, LayerDraft};
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z ]{0,12}",
            "\\PC{190,210}",
            "[ü日]{195,205}",
            Just(String::new()),
        ]
    }

    fn plan() -> impl Strategy<Value = Scenario> {
        (
            text(),
            text(),
            0usize..24,
            0usize..54,
            0usize..23,
            0usize..14,
            text(),
        )
            .prop_map(
                |(name, cost_name, streams, costs, layers, products, product_name)| {
                    let mut s = Scenario::default();
                    for _ in 0..products {
                        s.add_product(false);
                    }
                    s.products[0].name = product_name;
                    for i in 0..layers {
                        s.products[0].layers.push(LayerDraft {
                            name: format!("Layer {i}"),
                            ..LayerDraft::default()
                        });
                    }
                    for _ in 0..costs {
                        s.break_even.costs.push(CostLineDraft {
                            name: cost_name.clone(),
                            amount: "1".into(),
                        });
                    }
                    for _ in 0..streams {
                        s.add_stream(StreamType::Blog);
                    }
                    if let Some(st) = s.delayed.streams.last_mut() {
                        st.name = name;
                    }
                    s
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

        /// Whatever the plan, the save path writes only what reads back equal, and says
        /// "Saved" only when it wrote.
        #[test]
        fn every_record_the_save_path_writes_reads_back_equal(shown in plan()) {
            let store = Memory::default();
            let (mut plans, _) = SavedPlans::boot(Some(&store), "", 1000.0, "ta");
            plans.save(Some(&store), &shown, 2000.0);
            let written = store.keys("honest-income.v1.scenario.");
            match &plans.status {
                Status::Saved { .. } => {
                    prop_assert_eq!(written.len(), 1);
                    let (again, back) = SavedPlans::boot(Some(&store), "", 3000.0, "ta");
                    prop_assert_eq!(back.as_ref(), Some(&shown));
                    prop_assert!(again.notices.is_empty(), "nothing set aside: {:?}", again.notices);
                }
                other => {
                    prop_assert!(written.is_empty(), "{:?} but written", other);
                }
            }
        }
    }
}

#[test]
fn a_full_quota_at_start_lists_and_opens_the_plans_and_says_how_to_make_room() {
    use honest_income::scenario::saved_plans::FULL_AT_START;
    let (store, _, _) = one_saved();
    store.full.set(true);
    let (mut plans, shown) = SavedPlans::boot(Some(&store), "", 3000.0, "ta");
    assert_eq!(shown.unwrap().products[0].price, "30");
    assert_eq!(plans.entries.len(), 1);
    assert_eq!(plans.status, Status::Failed(FULL_AT_START.into()));
    // Opening another plan works: nothing was edited, so nothing needs saving first.
    let id = plans.entries[0].id.clone();
    assert!(plans
        .open(Some(&store), &id, &priced("30"), 4000.0)
        .is_some());
}

#[test]
fn an_edit_that_could_not_be_saved_is_kept_when_another_plan_or_a_link_would_replace_it() {
    use honest_income::scenario::saved_plans::KEEPS_UNSAVED_EDIT;
    let (store, mut plans, first) = one_saved();
    plans.save_as(Some(&store), "Second", &priced("30"), 3000.0);
    store.full.set(true);
    plans.edited();
    plans.save(Some(&store), &priced("99"), 4000.0);
    assert!(matches!(plans.status, Status::Failed(_)));
    assert_eq!(
        plans.open(Some(&store), &first, &priced("99"), 5000.0),
        None
    );
    assert!(plans.notices.contains(&KEEPS_UNSAVED_EDIT.to_string()));
    assert!(
        matches!(plans.status, Status::Failed(_)),
        "never 'Saved' over the lost edit"
    );
    let hash = format!("#{}", encode_link(&priced("50")).unwrap());
    assert_eq!(
        plans.open_link(Some(&store), &hash, &priced("99"), 6000.0),
        None
    );
    // With room again, the edit is saved first and then the other plan opens.
    store.full.set(false);
    let opened = plans
        .open(Some(&store), &first, &priced("99"), 7000.0)
        .unwrap();
    assert_eq!(opened.products[0].price, "30");
    let (_, second) = (
        0,
        plans
            .entries
            .iter()
            .find(|e| e.name == "Second")
            .unwrap()
            .id
            .clone(),
    );
    assert_eq!(stored(&store, &second).scenario.products[0].price, "99");
}

#[test]
fn export_import_export_is_the_same_file_but_for_its_time() {
    let (store, mut plans, _) = one_saved();
    plans.save_as(Some(&store), "Second", &priced("30"), 3000.0);
    plans.save(Some(&store), &priced("45"), 3500.0);
    let first = plans.export(Some(&store), &priced("45"), 4000.0);
    let other = Memory::default();
    let (mut fresh, shown) = SavedPlans::boot(Some(&other), "", 5000.0, "ta");
    let shown = shown.unwrap_or_default();
    fresh.import(Some(&other), &first, 6000.0);
    assert_eq!(fresh.export(Some(&other), &shown, 4000.0), first);
    // Nothing open and nothing typed: exporting makes no plan.
    let empty = Memory::default();
    let (mut none, _) = SavedPlans::boot(Some(&empty), "", 1.0, "ta");
    none.export(Some(&empty), &Scenario::default(), 2.0);
    assert!(empty.keys("honest-income.v1.scenario.").is_empty());
}

#[test]
fn newer_plans_in_an_import_are_kept_aside_and_ten_thousand_plans_import_fast() {
    let (store, mut plans, id) = one_saved();
    let one = stored(&store, &id);
    let mut newer = serde_json::to_value(&one).unwrap();
    newer["schema"] = serde_json::json!(99);
    let mut many = vec![newer];
    for i in 0..10_000u32 {
        let mut r = one.clone();
        r.id = format!("x{i}");
        r.updated = f64::from(20_000 - i);
        many.push(serde_json::to_value(&r).unwrap());
    }
    let file = serde_json::json!({"app": "honest-income", "schema": SCHEMA_VERSION, "exported": 1, "scenarios": many}).to_string();
    let started = std::time::Instant::now();
    let said = plans.import(Some(&store), &file, 9000.0);
    let took = started.elapsed();
    println!(
        "import of 10,000 plans of one name: {} ms natively",
        took.as_millis()
    );
    assert!(said.starts_with("Imported 10000 plans."), "{said}");
    assert!(
        said.contains("1 plan came from a newer version of Honest Income: kept aside untouched"),
        "{said}"
    );
    assert_eq!(plans.entries.len(), 10_001);
    let names: std::collections::BTreeSet<&str> =
        plans.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names.len(), 10_001, "every name its own");
    assert_eq!(store.keys("honest-income.v1.quarantine.import").len(), 1);
}

#[test]
fn two_tabs_saving_in_the_same_millisecond_never_both_say_saved() {
    let (store, mut a, id) = one_saved();
    let (mut b, shown) = SavedPlans::boot(Some(&store), "", 2500.0, "tb");
    assert_eq!(shown.unwrap().products[0].price, "30");
    a.edited();
    b.edited();
    a.save(Some(&store), &priced("31"), 3000.0);
    b.save(Some(&store), &priced("32"), 3000.0);
    assert_eq!(a.status, Status::Saved { at: 3000.0 });
    assert!(b.conflict.is_some(), "the same millisecond is no excuse");
    assert!(matches!(&b.status, Status::Failed(s) if s.contains("changed in another tab")));
    assert_eq!(stored(&store, &id).scenario.products[0].price, "31");
}

#[test]
fn storage_cleared_or_the_plan_deleted_elsewhere_is_said_and_the_plan_is_saved_again() {
    use honest_income::scenario::saved_plans::{CLEARED_ELSEWHERE, DELETED_ELSEWHERE};
    let (store, mut plans, id) = one_saved();
    store.items.borrow_mut().clear();
    plans.storage_event(Some(&store), None, None, 3000.0);
    assert!(plans.notices.contains(&CLEARED_ELSEWHERE.to_string()));
    assert!(
        plans.entries.is_empty(),
        "the list no longer shows plans that are gone"
    );
    plans.save(Some(&store), &priced("30"), 4000.0);
    assert_eq!(plans.status, Status::Saved { at: 4000.0 });
    assert_eq!(stored(&store, &id).scenario.products[0].price, "30");
    store.remove(&record_key(&id));
    plans.storage_event(Some(&store), Some(&record_key(&id)), None, 5000.0);
    assert!(plans.notices.contains(&DELETED_ELSEWHERE.to_string()));
    assert_eq!(plans.status, Status::Unsaved { from_link: false });
}

#[test]
fn a_plan_about_to_be_replaced_is_kept_as_a_copy_and_the_open_plan_stays() {
    let (store, mut plans, id) = one_saved();
    let kept = plans
        .keep_copy(
            Some(&store),
            "My plan (before A preset)",
            &priced("30"),
            3000.0,
        )
        .unwrap();
    assert_eq!(kept, "My plan (before A preset)");
    assert_eq!(
        plans.current.as_ref().unwrap().0,
        id,
        "the open plan stays open"
    );
    assert_eq!(plans.entries.len(), 2);
    store.full.set(true);
    assert_eq!(
        plans.keep_copy(Some(&store), "again", &priced("30"), 4000.0),
        Err(StorageError::Full)
    );
    assert_eq!(plans.entries.len(), 2);
}

#[test]
fn edits_to_a_links_plan_are_kept_as_a_draft_across_a_reload_until_saved_as() {
    use honest_income::scenario::saved_plans::DRAFT_KEPT;
    let (store, mut plans, _) = one_saved();
    let hash = format!("#{}", encode_link(&priced("50")).unwrap());
    plans
        .open_link(Some(&store), &hash, &priced("30"), 3000.0)
        .unwrap();
    plans.edited();
    plans.save(Some(&store), &priced("51"), 4000.0);
    assert_eq!(plans.status, Status::LinkDraft { at: 4000.0 });
    assert_eq!(plans.entries.len(), 1, "no saved plan made");
    // The reload: the same link shows the edits, and says so.
    let (mut again, shown) = SavedPlans::boot(Some(&store), &hash, 5000.0, "ta");
    assert_eq!(shown.unwrap().products[0].price, "51");
    assert!(again.notices.contains(&DRAFT_KEPT.to_string()));
    // Another link's plan is its own: no draft there.
    let other = format!("#{}", encode_link(&priced("60")).unwrap());
    let (_, fresh) = SavedPlans::boot(Some(&store), &other, 5000.0, "ta");
    assert_eq!(fresh.unwrap().products[0].price, "60");
    again.save_as(Some(&store), "From a friend", &priced("51"), 6000.0);
    assert!(matches!(again.status, Status::Saved { .. }));
    assert!(
        store.keys("honest-income.v1.draft.").is_empty(),
        "the draft goes once saved"
    );
}

#[test]
fn undo_of_a_delete_survives_a_reload() {
    let (store, mut plans, _) = one_saved();
    plans.save_as(Some(&store), "Second", &priced("30"), 3000.0);
    plans.save(Some(&store), &priced("45"), 3500.0);
    plans.delete(Some(&store), &priced("45"), 4000.0);
    let (mut again, _) = SavedPlans::boot(Some(&store), "", 5000.0, "ta");
    assert_eq!(
        again.deleted.as_ref().unwrap().name,
        "Second",
        "Undo is offered again"
    );
    assert_eq!(again.entries.len(), 1);
    let back = again.undo_delete(Some(&store)).unwrap();
    assert_eq!(back.products[0].price, "45");
    assert!(store.keys("honest-income.v1.deleted.").is_empty());
    let (after, _) = SavedPlans::boot(Some(&store), "", 6000.0, "ta");
    assert_eq!(after.deleted, None);
    assert_eq!(after.entries.len(), 2);
}

#[test]
fn an_import_cut_short_by_a_closed_page_is_said_on_the_next_visit() {
    let (store, mut plans, id) = one_saved();
    let one = stored(&store, &id);
    let many: Vec<_> = (0..3)
        .map(|i| {
            let mut r = one.clone();
            r.id = format!("cut{i}");
            serde_json::to_value(&r).unwrap()
        })
        .collect();
    let file = serde_json::json!({"app": "honest-income", "schema": SCHEMA_VERSION, "exported": 1, "scenarios": many}).to_string();
    let mut job = plans.import_begin(Some(&store), &file, 10_000.0).unwrap();
    assert_eq!(plans.import_step(Some(&store), &mut job, 1, 10_100.0), None);
    drop(job); // the page closed
               // Another tab opening at once may be looking at an import under way: nothing said yet.
    let (soon, _) = SavedPlans::boot(Some(&store), "", 12_000.0, "tb");
    assert!(soon.notices.iter().all(|n| !n.contains("cut short")));
    let (later, _) = SavedPlans::boot(Some(&store), "", 60_000.0, "tc");
    assert!(
        later
            .notices
            .iter()
            .any(|n| n.contains("An import was cut short") && n.contains("1 of the file's 3 plans")),
        "{:?}",
        later.notices
    );
    assert_eq!(
        later.entries.len(),
        2,
        "the plan imported before the page closed is listed"
    );
    // Said once.
    let (again, _) = SavedPlans::boot(Some(&store), "", 70_000.0, "td");
    assert!(again.notices.iter().all(|n| !n.contains("cut short")));
    // A finished import leaves no mark.
    let (_, mut fresh, _) = one_saved();
    let other = Memory::default();
    fresh.import(Some(&other), &file, 1.0);
    let (after, _) = SavedPlans::boot(Some(&other), "", 1e9, "te");
    assert!(after.notices.iter().all(|n| !n.contains("cut short")));
}

// Each page of the app is its own bundle: a link to another page carries what that page needs
// to show the same plan (SavedPlans::carry), and the next page's boot reads it.

#[test]
fn a_saved_plan_travels_to_the_next_page_by_its_id_even_when_another_tab_edited_another_plan() {
    let (store, mut plans, mine) = one_saved();
    assert_eq!(plans.carry(), Carry::Saved(mine.clone()));
    // Another tab saves a second plan: the shared "last edited" pointer now names that one.
    let (mut other_tab, _) = SavedPlans::boot(Some(&store), "", 3000.0, "tb");
    other_tab.save_as(Some(&store), "Theirs", &priced("30"), 3100.0);
    other_tab.edited();
    other_tab.save(Some(&store), &priced("99"), 3150.0);
    assert_ne!(store.read(CURRENT_KEY).as_deref(), Some(mine.as_str()));
    // This tab moves to another page: that page opens this tab's plan, not the other tab's.
    let (next_page, shown) = SavedPlans::boot(Some(&store), &format!("#plan={mine}"), 3200.0, "ta");
    assert_eq!(shown.unwrap().products[0].price, "30");
    assert_eq!(next_page.current.unwrap().0, mine);
    // An edit not yet written is not in storage: until it is, the plan itself travels, named.
    plans.edited();
    assert_eq!(plans.carry(), Carry::Edited(mine));
}

#[test]
fn a_pointer_to_a_plan_no_longer_saved_says_so_and_opens_the_last_edited_one() {
    let (store, _plans, id) = one_saved();
    let (plans, shown) = SavedPlans::boot(Some(&store), "#plan=s0gone", 3000.0, "ta");
    assert_eq!(shown.unwrap().products[0].price, "30");
    assert_eq!(plans.current.unwrap().0, id);
    assert!(
        plans
            .notices
            .iter()
            .any(|n| n.contains("no longer in this browser")),
        "{:?}",
        plans.notices
    );
}

#[test]
fn a_link_plan_travels_as_its_link_and_the_default_plan_needs_nothing() {
    let store = Memory::default();
    let (plans, _) = SavedPlans::boot(Some(&store), "", 1000.0, "ta");
    assert_eq!(plans.carry(), Carry::Nothing);
    let fragment = encode_link(&priced("45")).unwrap();
    let (mut plans, shown) = SavedPlans::boot(Some(&store), &format!("#{fragment}"), 1000.0, "ta");
    assert_eq!(shown.unwrap().products[0].price, "45");
    assert_eq!(plans.carry(), Carry::Link(fragment.clone()));
    // Edited and written as the link's draft: the same link opens the draft on the next page.
    plans.edited();
    plans.save(Some(&store), &priced("46"), 2000.0);
    assert_eq!(plans.carry(), Carry::Link(fragment.clone()));
    let (_, shown) = SavedPlans::boot(Some(&store), &format!("#{fragment}"), 2100.0, "ta");
    assert_eq!(shown.unwrap().products[0].price, "46");
}

#[test]
fn without_storage_or_when_a_save_fails_the_plan_itself_travels() {
    let (plans, _) = SavedPlans::boot(None::<&Memory>, "", 1000.0, "ta");
    assert_eq!(plans.status, Status::Unavailable);
    assert_eq!(plans.carry(), Carry::Plan);
    // A plan arriving in the address where nothing can be saved: the status says so.
    let hash = format!("#{}", encode_link(&priced("31")).unwrap());
    let (plans, shown) = SavedPlans::boot(None::<&Memory>, &hash, 1000.0, "ta");
    assert_eq!(shown.unwrap().products[0].price, "31");
    assert_eq!(plans.status, Status::Unavailable);
    assert_eq!(plans.carry(), Carry::Plan);
    let (store, mut plans, id) = one_saved();
    store.full.set(true);
    plans.edited();
    plans.save(Some(&store), &priced("31"), 3000.0);
    assert!(matches!(plans.status, Status::Failed(_)));
    assert_eq!(plans.carry(), Carry::Edited(id));
}

#[test]
fn a_saved_plans_edit_that_storage_refused_reaches_the_next_page_as_that_plan_still_unsaved() {
    use honest_income::scenario::saved_plans::KEEPS_UNSAVED_EDIT;
    let (store, mut plans, mine) = one_saved();
    plans.save_as(Some(&store), "Second", &priced("30"), 2500.0);
    let second = plans.current.clone().unwrap().0;
    plans.open(Some(&store), &mine, &priced("30"), 2600.0);
    store.full.set(true);
    plans.edited();
    plans.save(Some(&store), &priced("31"), 3000.0);
    assert_eq!(plans.carry(), Carry::Edited(mine.clone()));
    // The next page's address: the plan's id and the plan as it is shown.
    let hash = format!("#plan={mine}&{}", encode_link(&priced("31")).unwrap());
    let (mut next, shown) = SavedPlans::boot(Some(&store), &hash, 3100.0, "ta");
    assert_eq!(
        shown.unwrap().products[0].price,
        "31",
        "the edit, not the stored $30"
    );
    assert_eq!(
        next.current.clone().unwrap().0,
        mine,
        "still that plan, with its name"
    );
    assert!(next.has_unsaved_edit(), "and still to be saved");
    // Opening another plan there would drop the edit: refused while storage is full.
    next.save(Some(&store), &priced("31"), 3200.0);
    assert!(matches!(next.status, Status::Failed(_)));
    assert_eq!(
        next.open(Some(&store), &second, &priced("31"), 3300.0),
        None
    );
    assert!(next.notices.contains(&KEEPS_UNSAVED_EDIT.to_string()));
    // With room again the edit is saved under its own plan, and it travels by id alone.
    store.full.set(false);
    next.save(Some(&store), &priced("31"), 3400.0);
    assert_eq!(stored(&store, &mine).scenario.products[0].price, "31");
    assert_eq!(next.carry(), Carry::Saved(mine.clone()));
    // In another browser the id means nothing: the address opens as a shared link.
    let elsewhere = Memory::default();
    let (other, shown) = SavedPlans::boot(Some(&elsewhere), &hash, 5000.0, "tz");
    assert_eq!(shown.unwrap().products[0].price, "31");
    assert_eq!(other.current, None);
}
