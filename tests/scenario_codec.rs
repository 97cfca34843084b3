//! Stored records and share links: fixtures of every released version, damage, and fuzzing.
#![cfg(not(target_arch = "wasm32"))]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use honest_income::scenario::codec::{
    decode_link, decode_record, encode_link, encode_record, LinkError, RecordError, ShareError,
    StoredRecord, MAX_LINK_CHARS,
};
use honest_income::scenario::delayed::MembersMode;
use honest_income::scenario::{BreakEvenDraft, PricingField, Scenario};
use proptest::prelude::*;

const RECORD_V1: &str = include_str!("fixtures/record-v1.json");
const LINK_V1: &str = include_str!("fixtures/link-v1.txt");
// Written by the hand-written JSON mapping that serde's derive replaced: every member, every
// stream kind and enum spelling, quotes, newlines and non-ASCII text, the largest seed.
const RECORD_HAND: &str = include_str!("fixtures/record-v1-hand-mapped.json");
const EXPORT_HAND: &str = include_str!("fixtures/export-v1-hand-mapped.json");
const LINK_HAND: &str = include_str!("fixtures/link-v1-hand-mapped.txt");
const LINK_HAND_RECORD: &str = include_str!("fixtures/link-v1-hand-mapped-record.json");
// The same two, as this version writes them: checked by hand against the version-1 files.
const RECORD_HAND_V2: &str = include_str!("fixtures/record-v1-hand-mapped.as-v2.json");
const EXPORT_HAND_V2: &str = include_str!("fixtures/export-v1-hand-mapped.as-v2.json");

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("valid JSON")
}

#[test]
fn a_version_1_record_still_opens() {
    let record = decode_record(RECORD_V1).expect("v1 record");
    assert_eq!(record.name, "Workshop on Payhip");
    assert_eq!(record.id, "s-1a2b3c");
    assert_eq!(record.scenario.products[0].price, "29");
    assert_eq!(record.scenario.products[0].platform, "payhip-free");
    assert_eq!(record.scenario.break_even.build_hours, "60");
    assert!(record.scenario.delayed.uncertainty);
    let net =
        honest_income::engine::pricing::calculate(&record.scenario.products[0].inputs().unwrap());
    assert_eq!(net.sale.net, 2900 - 145 - 114);
}

#[test]
fn a_version_1_link_still_opens() {
    let scenario = decode_link(LINK_V1.trim()).expect("v1 link");
    assert_eq!(scenario.products[0].price, "29");
    assert_eq!(scenario.products[0].layers.len(), 2);
    assert_eq!(scenario.break_even.build_hours, "60");
    // Everything the link did not change is the default of its version.
    assert_eq!(scenario.products[0].refund, "3");
    assert_eq!(
        decode_link(&format!("#{}", LINK_V1.trim())).unwrap(),
        scenario
    );
}

#[test]
fn records_and_links_round_trip() {
    let record = decode_record(RECORD_V1).unwrap();
    assert_eq!(decode_record(&encode_record(&record)).unwrap(), record);
    let link = encode_link(&record.scenario).unwrap();
    assert!(link.starts_with("s=3."));
    assert!(
        link.len() < 400,
        "a plan with a dozen changes stays under 400 characters: {}",
        link.len()
    );
    assert_eq!(decode_link(&link).unwrap(), record.scenario);
    let default_link = encode_link(&Scenario::default()).unwrap();
    assert_eq!(default_link, "s=3.AA");
}

#[test]
fn newer_and_damaged_records_are_refused_and_named() {
    let newer = RECORD_V1.replacen("\"schema\": 1", "\"schema\": 9", 1);
    assert_eq!(decode_record(&newer), Err(RecordError::Newer { schema: 9 }));
    for raw in [
        "",
        "{",
        "null",
        "[]",
        "{\"schema\":1}",
        "{\"schema\":\"1\",\"scenario\":{}}",
    ] {
        assert_eq!(decode_record(raw), Err(RecordError::Corrupt), "{raw:?}");
    }
    assert!(RecordError::Newer { schema: 9 }
        .to_string()
        .contains("left untouched"));
}

/// The record's JSON shape: missing members take the default plan's values, unknown members are
/// ignored, and a member of the wrong type (or a missing required one) refuses the record.
#[test]
fn record_members_missing_unknown_and_mistyped() {
    let record = |scenario: &str| {
        format!(r#"{{"schema":1,"id":"a","name":"Plan","updated":5,"scenario":{scenario}}}"#)
    };
    let partial = decode_record(&record(r#"{"pricing":{"price":"30","extra":1},"more":[]}"#))
        .expect("a partial record opens");
    assert_eq!(
        partial.updated, 5.0,
        "an integer is read as a number of milliseconds"
    );
    assert_eq!(partial.scenario.products[0].price, "30");
    assert_eq!(
        partial.scenario.products[0].platform, "gumroad",
        "missing: the default"
    );
    assert_eq!(partial.scenario.break_even, Scenario::default().break_even);
    for scenario in [
        r#"{"pricing":{"price":30}}"#,
        r#"{"pricing":{"currency":"usd"}}"#,
        r#"{"break_even":{"curve":"steady"}}"#,
        r#"{"delayed":{"seed":-1}}"#,
        r#"{"delayed":{"streams":[{"id":0,"name":"Blog","enabled":true,"kind":"blog"}]}}"#,
        r#"{"delayed":{"streams":[{"id":0,"name":"Blog","enabled":true,"kind":"blog","values":{"posts":3}}]}}"#,
        r#"[]"#,
        r#"{"pricing":[]}"#,
        r#"{"break_even":["40"]}"#,
        r#"{"pricing":{"layers":[["Fee","10","0.30","0",false]]}}"#,
        r#"{"break_even":{"costs":[["Hosting","10"]]}}"#,
        r#"{"delayed":{"streams":[[0,"Blog",true,"blog",{}]]}}"#,
    ] {
        assert_eq!(
            decode_record(&record(scenario)),
            Err(RecordError::Corrupt),
            "{scenario}"
        );
    }
    let no_id = r#"{"schema":1,"name":"Plan","updated":5,"scenario":{}}"#;
    assert_eq!(decode_record(no_id), Err(RecordError::Corrupt));
}

#[test]
fn damaged_links_say_so() {
    let good = LINK_V1.trim();
    let cases: Vec<(String, LinkError)> = vec![
        (good[..good.len() / 2].to_string(), LinkError::Damaged),
        (good.replace('e', "*"), LinkError::Damaged),
        ("s=1.%%%".into(), LinkError::Damaged),
        ("s=0.e30".into(), LinkError::Damaged),
        ("s=4.AA".into(), LinkError::Future { version: 4 }),
        ("s=3.e30".into(), LinkError::Damaged),
        ("s=abc".into(), LinkError::Damaged),
        ("x=1".into(), LinkError::Missing),
        ("".into(), LinkError::Missing),
        (format!("s=1.{}", "A".repeat(1_000_000)), LinkError::TooLong),
        (
            format!("s=1.{}", URL_SAFE_NO_PAD.encode("[1,2]")),
            LinkError::Damaged,
        ),
        (
            format!(
                "s=1.{}",
                URL_SAFE_NO_PAD.encode(r#"{"pricing":{"layers":7}}"#)
            ),
            LinkError::Damaged,
        ),
    ];
    for (fragment, expected) in cases {
        assert_eq!(
            decode_link(&fragment),
            Err(expected),
            "{}",
            &fragment[..fragment.len().min(60)]
        );
    }
    assert!(LinkError::Damaged
        .to_string()
        .starts_with("This link is damaged"));
}

#[test]
fn values_from_a_link_pass_the_same_validation_as_typed_ones() {
    let patch = r#"{"pricing":{"price":"NaN","refund":"-5","volume":"1e400"}}"#;
    let scenario = decode_link(&format!("s=1.{}", URL_SAFE_NO_PAD.encode(patch))).unwrap();
    assert_eq!(
        scenario.products[0].price, "NaN",
        "the text is kept as typed"
    );
    let errors = scenario.products[0].inputs().unwrap_err();
    let fields: Vec<PricingField> = errors.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        [
            PricingField::Price,
            PricingField::Refund,
            PricingField::Volume
        ]
    );
    let huge = r#"{"pricing":{"price":"99999999999999999999"}}"#;
    let scenario = decode_link(&format!("s=1.{}", URL_SAFE_NO_PAD.encode(huge))).unwrap();
    assert!(scenario.products[0]
        .field_error(PricingField::Price)
        .is_some());
}

#[test]
fn a_scenario_too_big_for_a_link_is_refused_with_a_sentence() {
    // Larger than the form builds: a plan saved before links had a room, or imported.
    let mut scenario = Scenario::default();
    for i in 0..19 {
        scenario.products[0]
            .layers
            .push(honest_income::scenario::LayerDraft {
                name: format!("A fee layer with a long descriptive name number {i}: ünïcode"),
                percent: "1.2345".into(),
                fixed: "0.37".into(),
                monthly: "12.00".into(),
                subscriptions_only: false,
            });
    }
    let Err(ShareError::TooLong { chars }) = encode_link(&scenario) else {
        panic!("expected the link to be refused");
    };
    assert!(chars > MAX_LINK_CHARS);
    assert!(ShareError::TooLong { chars }
        .to_string()
        .contains("export it as a file instead"));
}

#[test]
fn saved_plans_list_newest_first_and_the_index_round_trips() {
    use honest_income::scenario::codec::to_json_text;
    use honest_income::scenario::library::{decode_index, sort_entries, IndexEntry};
    let entry = |id: &str, updated: f64| IndexEntry {
        id: id.into(),
        name: format!("Plan {id}"),
        updated,
    };
    let mut entries = vec![
        entry("a", 10.0),
        entry("b", 30.0),
        entry("c", 20.0),
        entry("d", 30.5),
    ];
    sort_entries(&mut entries);
    let order: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(order, ["d", "b", "c", "a"]);
    let read = decode_index(Some(&to_json_text(&entries))).expect("the index reads back");
    assert_eq!(read, entries);
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{0,6}(\\.[0-9]{0,3})?",
        "[ -~]{0,12}",
        Just("NaN".to_string()),
        Just("1e400".to_string()),
        "\\PC{0,8}",
    ]
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        text(),
        text(),
        text(),
        text(),
        any::<bool>(),
        0usize..4,
        any::<u64>(),
    )
        .prop_map(
            |(price, refund, hours, target, subscription, drop_layers, seed)| {
                let mut s = Scenario::default();
                s.products[0].price = price;
                s.products[0].refund = refund;
                s.set_subscription(0, subscription);
                s.break_even.build_hours = hours;
                s.delayed.target = target;
                s.delayed.seed = seed;
                let keep = s.break_even.costs.len().saturating_sub(drop_layers);
                s.break_even.costs.truncate(keep);
                s
            },
        )
}

proptest! {
    // 10,000 cases in the suite; PROPTEST_CASES=1000000 for a longer fuzz run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_link_text_gives_an_error_never_a_panic(fragment in "\\PC{0,300}") {
        let _ = decode_link(&fragment);
        let _ = decode_link(&format!("s=1.{fragment}"));
    }

    #[test]
    fn random_base64_payloads_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        for version in 1..=3 {
            let _ = decode_link(&format!("s={version}.{}", URL_SAFE_NO_PAD.encode(&bytes)));
        }
    }

    #[test]
    fn a_changed_version_3_link_opens_or_says_it_is_damaged(
        at in 0usize..1000, byte in any::<u8>(), how in 0u8..3,
    ) {
        // A rich plan's bytes with one byte changed, inserted or cut: the packed reader checks
        // every count against what is left, so each gives a plan or Damaged, never a panic.
        let link = encode_link(&three_paths()).unwrap();
        let mut bytes = URL_SAFE_NO_PAD.decode(&link[4..]).unwrap();
        let at = at % bytes.len();
        match how {
            0 => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            _ => { bytes.remove(at); }
        }
        match decode_link(&format!("s=3.{}", URL_SAFE_NO_PAD.encode(&bytes))) {
            Ok(_) | Err(LinkError::Damaged) => {}
            Err(other) => prop_assert!(false, "{other:?}"),
        }
    }

    #[test]
    fn random_records_give_an_error_never_a_panic(raw in "\\PC{0,300}") {
        let _ = decode_record(&raw);
        let _ = decode_record(&format!("{{\"schema\":1,\"scenario\":{raw}}}"));
    }

    #[test]
    fn encode_then_decode_gives_the_same_scenario(s in scenario()) {
        let link = encode_link(&s).expect("small scenarios fit in a link");
        prop_assert_eq!(decode_link(&link).unwrap(), s.clone());
        let record = StoredRecord { schema: honest_income::scenario::SCHEMA_VERSION, id: "x".into(), name: "n".into(), updated: 1.0, scenario: s, stamp: "t.1".into(), base: String::new() };
        prop_assert_eq!(decode_record(&encode_record(&record)).unwrap(), record);
    }
}

/// The essays' three paths: their blog and workshop, and a newsletter priced on Substack.
fn three_paths() -> Scenario {
    use honest_income::scenario::delayed::StreamType;
    let mut s = Scenario::default();
    s.add_product(true);
    s.add_stream(StreamType::Subscription);
    s.delayed.streams[0].name = "Blog \"quoted\" & ünïcode".into();
    s
}

#[test]
fn a_record_written_before_serde_reads_back_and_writes_equal_json() {
    let record = decode_record(RECORD_HAND).expect("the hand-mapped record opens");
    assert_eq!(record.name, "Everything, \"quoted\" & ünïcode");
    assert_eq!(record.updated, 1764581400123.0);
    assert_eq!(record.scenario.delayed.seed, u64::MAX);
    assert_eq!(record.scenario.delayed.streams.len(), 4);
    assert_eq!(
        record.scenario.break_even.costs[2].name,
        "Hosting\n(ünïcode)"
    );
    // Written again in version 2: the same values, the product moved into `products`.
    assert_eq!(json(&encode_record(&record)), json(RECORD_HAND_V2));
    assert_eq!(decode_record(RECORD_HAND_V2).unwrap(), record);
}

#[test]
fn an_export_written_before_serde_reads_back_and_writes_equal_json() {
    use honest_income::scenario::library::{decode_export, encode_export};
    let imported = decode_export(EXPORT_HAND).expect("the hand-mapped export opens");
    assert_eq!(imported.skipped, 0);
    assert_eq!(imported.records.len(), 2);
    assert_eq!(imported.records[0], decode_record(RECORD_HAND).unwrap());
    let again = encode_export(&imported.records, 1764581400999.0);
    assert_eq!(json(&again), json(EXPORT_HAND_V2));
}

#[test]
fn a_link_written_before_serde_opens_and_is_written_again_to_the_same_plan() {
    let scenario = decode_link(LINK_HAND.trim()).expect("the hand-mapped link opens");
    assert_eq!(scenario, decode_record(LINK_HAND_RECORD).unwrap().scenario);
    let again = encode_link(&scenario).unwrap();
    assert!(again.starts_with("s=3."));
    assert_eq!(decode_link(&again).unwrap(), scenario);
}

/// The record fixture with one change made to its JSON tree.
fn record_with(change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value = json(RECORD_HAND);
    change(&mut value);
    value.to_string()
}

#[test]
fn missing_unknown_and_mistyped_members_behave_as_before() {
    use serde_json::json as j;
    // Missing: a calculator's member takes the default plan's value; a stream's later members
    // read as empty; the record's own members and a stream's first ones are required.
    let r = decode_record(&record_with(|v| {
        v["scenario"]["pricing"]
            .as_object_mut()
            .unwrap()
            .remove("refund");
        v["scenario"].as_object_mut().unwrap().remove("break_even");
        let stream = v["scenario"]["delayed"]["streams"][0]
            .as_object_mut()
            .unwrap();
        stream.remove("low");
        stream.remove("members_mode");
    }))
    .expect("missing optional members are filled in");
    assert_eq!(r.scenario.products[0].refund, "3");
    assert_eq!(r.scenario.products[0].price, "12,50");
    assert_eq!(r.scenario.break_even, BreakEvenDraft::default());
    assert!(r.scenario.delayed.streams[0].low.is_empty());
    assert_eq!(
        r.scenario.delayed.streams[0].members_mode,
        MembersMode::Constant
    );
    for required in ["id", "name", "updated", "schema", "scenario"] {
        let raw = record_with(|v| {
            v.as_object_mut().unwrap().remove(required);
        });
        assert_eq!(decode_record(&raw), Err(RecordError::Corrupt), "{required}");
    }
    for required in ["id", "name", "enabled", "kind", "values"] {
        let raw = record_with(|v| {
            v["scenario"]["delayed"]["streams"][1]
                .as_object_mut()
                .unwrap()
                .remove(required);
        });
        assert_eq!(decode_record(&raw), Err(RecordError::Corrupt), "{required}");
    }
    // Unknown members anywhere are ignored.
    let r = decode_record(&record_with(|v| {
        v["from_the_future"] = j!(1);
        v["scenario"]["pricing"]["new_field"] = j!({"a": [1]});
        v["scenario"]["delayed"]["streams"][0]["extra"] = j!(null);
    }))
    .expect("unknown members are ignored");
    assert_eq!(r, decode_record(RECORD_HAND).unwrap());
    // Mistyped members make the whole record unreadable (it is kept aside, never half-read).
    let mistyped: [fn(&mut serde_json::Value); 11] = [
        // An enum written as serde's map form of a unit variant.
        |v| v["scenario"]["pricing"]["currency"] = j!({"Eur": null}),
        |v| v["scenario"]["break_even"]["curve"] = j!({"growth": null}),
        |v| v["scenario"]["delayed"]["streams"][0]["kind"] = j!({"blog": null}),
        |v| v["scenario"]["delayed"]["streams"][2]["members_mode"] = j!({"growing": null}),
        |v| v["scenario"]["pricing"]["price"] = j!(27),
        |v| v["scenario"]["pricing"]["currency"] = j!("usd"),
        |v| v["scenario"]["break_even"]["curve"] = j!("Growth"),
        |v| v["scenario"]["delayed"]["seed"] = j!(-1),
        |v| v["scenario"]["delayed"]["streams"][2]["members_mode"] = j!("shareOfVisitors"),
        |v| v["scenario"]["delayed"]["streams"][0]["values"]["posts"] = j!(8),
        |v| v["name"] = j!(null),
    ];
    for (n, change) in mistyped.into_iter().enumerate() {
        assert_eq!(
            decode_record(&record_with(change)),
            Err(RecordError::Corrupt),
            "mistyped case {n}"
        );
    }
    // The same rules hold in a link's patch.
    for patch in [
        r#"{"pricing":{"price":27}}"#,
        r#"{"pricing":[]}"#,
        r#"{"break_even":["40","50"]}"#,
        r#"{"pricing":{"layers":[["Fee","10","0.30","0",false]]}}"#,
        r#"{"delayed":{"streams":[{"id":0,"name":"B","enabled":true,"kind":{"blog":null},"values":{}}]}}"#,
    ] {
        let link = format!("s=1.{}", URL_SAFE_NO_PAD.encode(patch));
        assert_eq!(decode_link(&link), Err(LinkError::Damaged), "{patch}");
    }
    let fine =
        r#"{"delayed":{"streams":[{"id":0,"name":"B","enabled":true,"kind":"blog","values":{}}]}}"#;
    let link = format!("s=1.{}", URL_SAFE_NO_PAD.encode(fine));
    assert!(
        decode_link(&link).is_ok(),
        "the same stream with its kind as a string opens"
    );
}

#[test]
fn an_export_file_is_an_object_and_a_repeated_member_counts_once() {
    use honest_income::scenario::library::decode_export;
    let record = RECORD_HAND.trim();
    let array = format!(r#"["honest-income", 1, 0, [{record}]]"#);
    assert!(
        decode_export(&array).is_none(),
        "an array is not an export file"
    );
    let repeated = format!(
        r#"{{"app":"other","app":"honest-income","schema":1,"exported":0,"scenarios":[],"scenarios":[{record}]}}"#
    );
    let imported = decode_export(&repeated).expect("the last of a repeated member counts");
    assert_eq!((imported.records.len(), imported.skipped), (1, 0));
}

#[test]
fn stream_ids_from_a_link_are_unique_and_a_new_stream_always_gets_a_free_one() {
    use honest_income::scenario::delayed::StreamType;
    let twice = r#"{"delayed":{"streams":[{"id":3,"name":"A","enabled":true,"kind":"blog","values":{}},{"id":3,"name":"B","enabled":true,"kind":"blog","values":{}}]}}"#;
    let link = format!("s=1.{}", URL_SAFE_NO_PAD.encode(twice));
    assert_eq!(decode_link(&link), Err(LinkError::Damaged));
    let top = r#"{"delayed":{"next_id":4294967295,"streams":[{"id":4294967295,"name":"A","enabled":true,"kind":"blog","values":{}}]}}"#;
    let link = format!("s=1.{}", URL_SAFE_NO_PAD.encode(top));
    let mut scenario = decode_link(&link).expect("the largest id is still an id");
    let first = scenario.delayed.add_stream(StreamType::Product);
    let second = scenario.delayed.add_stream(StreamType::Subscription);
    let mut ids: Vec<u32> = scenario.delayed.streams.iter().map(|s| s.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(
        ids.len(),
        3,
        "every stream keeps its own id: {first:?}, {second:?}"
    );
}

#[test]
fn the_conflict_rule_decides_what_a_save_may_write_over() {
    use honest_income::scenario::library::{stored_under, Seen, StoredUnder};
    let ours = decode_record(RECORD_HAND).unwrap();
    let at = |updated: f64| Seen {
        updated,
        stamp: String::new(),
    };
    let seen = at(ours.updated);
    assert_eq!(
        stored_under(None, &seen),
        StoredUnder::Ours,
        "nothing stored"
    );
    // A record from before stamps: judged by its time of change.
    assert_eq!(
        stored_under(Some(RECORD_HAND), &seen),
        StoredUnder::Ours,
        "our own last write"
    );
    assert_eq!(
        stored_under(Some(RECORD_HAND), &at(ours.updated - 0.4)),
        StoredUnder::Ours,
        "within clock noise"
    );
    assert_eq!(
        stored_under(Some(RECORD_HAND), &at(ours.updated - 1000.0)),
        StoredUnder::Theirs(Box::new(ours.clone())),
        "another tab saved it since"
    );
    // A stamped record: another tab's write is theirs even in the same millisecond.
    let mut stamped = ours.clone();
    stamped.stamp = "tb.1".into();
    let raw = encode_record(&stamped);
    let mine = Seen {
        updated: stamped.updated,
        stamp: "ta.3".into(),
    };
    assert_eq!(
        stored_under(Some(&raw), &mine),
        StoredUnder::Theirs(Box::new(stamped.clone()))
    );
    let theirs_seen = Seen {
        updated: stamped.updated,
        stamp: "tb.1".into(),
    };
    assert_eq!(stored_under(Some(&raw), &theirs_seen), StoredUnder::Ours);
    let newer = RECORD_HAND.replacen("\"schema\":1", "\"schema\":3", 1);
    assert_eq!(
        stored_under(Some(&newer), &seen),
        StoredUnder::Newer(RecordError::Newer { schema: 3 })
    );
    assert_eq!(
        stored_under(Some("{\"schema\":1,"), &seen),
        StoredUnder::Damaged
    );
}

#[test]
fn links_patch_arrays_by_index_and_keep_nulls() {
    use honest_income::scenario::delayed::{Part, StreamType};
    let mut s = Scenario::default();
    s.delayed.streams[0].set_text(Part::Value, "posts", "6".into());
    let one_edit = encode_link(&s).unwrap();
    assert!(one_edit.len() < 40, "one edited stream field: {one_edit}");
    assert_eq!(decode_link(&one_edit).unwrap(), s);
    // The essays' three paths: a newsletter priced beside the workshop, with its stream.
    s.add_product(true);
    s.add_stream(StreamType::Subscription);
    s.break_even.product = None;
    let three = encode_link(&s).unwrap();
    assert!(three.len() < 100, "three paths: {} characters", three.len());
    let back = decode_link(&three).unwrap();
    assert_eq!(
        back.break_even.product, None,
        "a null stays null, not the default"
    );
    assert_eq!(back, s);
    for patch in [
        r#"{"delayed":{"streams":{"$len":100000000}}}"#,
        r#"{"delayed":{"streams":{"$len":1,"7":{"name":"x"}}}}"#,
        r#"{"delayed":{"streams":{"$len":"2"}}}"#,
    ] {
        let link = format!("s=2.{}", URL_SAFE_NO_PAD.encode(patch));
        assert_eq!(decode_link(&link), Err(LinkError::Damaged), "{patch}");
    }
}

#[test]
fn a_version_1_plan_migrates_to_products_and_product_links() {
    let record = decode_record(RECORD_V1).unwrap();
    let s = &record.scenario;
    assert_eq!(s.products.len(), 1);
    assert_eq!(s.products[0].name, "My product");
    assert_eq!(s.open_product, 0);
    let raw = json(RECORD_V1);
    let linked = raw["scenario"]["break_even"]["use_pricing_net"]
        .as_bool()
        .unwrap_or(true);
    assert_eq!(s.break_even.product.is_some(), linked);
    for (stream, old) in s
        .delayed
        .streams
        .iter()
        .zip(raw["scenario"]["delayed"]["streams"].as_array().unwrap())
    {
        let was = old["use_pricing_net"].as_bool().unwrap_or(false);
        assert_eq!(stream.product.is_some(), was, "{}", stream.name);
    }
    let flag = r#"{"schema":1,"id":"a","name":"P","updated":1,"scenario":{"break_even":{"use_pricing_net":"yes"}}}"#;
    assert_eq!(
        decode_record(flag),
        Err(RecordError::Corrupt),
        "a mistyped flag stays damaged"
    );
}
