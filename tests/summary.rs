//! Headline results of a plan, as the compare view shows them.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::scenario::{PricingField, Scenario};
use honest_income::summary::headline;

#[test]
fn the_default_plan_reads_as_its_calculators_do() {
    let rows = headline(&Scenario::default());
    let get = |label: &str| {
        rows.iter()
            .find(|(l, _)| *l == label)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(get("Net per sale after fees and refunds"), "$22.99");
    assert_eq!(get("Pays back (headline view)"), "never");
    assert_eq!(get("Pays back in cash"), "month 1");
    assert_eq!(get("First income"), "month 4");
    // The plan's own question, as Delayed income answers it, and its lever once the band is on.
    let what_if = get("What must be true (Delayed income's question)");
    assert!(
        what_if.starts_with("$500.00 a month net (your target), 3 months running, by month 12: "),
        "{what_if}"
    );
    assert!(what_if.contains("(Blog) at least"), "{what_if}");
    assert_eq!(
        get("Biggest lever (Delayed income)"),
        "uncertainty band off"
    );
    let mut banded = Scenario::default();
    banded.delayed.uncertainty = true;
    let rows = headline(&banded);
    let lever = &rows.last().unwrap().1;
    assert!(
        lever.starts_with(
            "Cumulative net at the horizon: Visitors per post per month at plateau (Blog): $"
        ),
        "{lever}"
    );
    assert_eq!(rows.len(), 10);
}

#[test]
fn a_plan_with_a_bad_field_says_so_instead_of_a_number() {
    let mut s = Scenario::default();
    s.products[0].set_text(PricingField::Price, "abc".into());
    let rows = headline(&s);
    assert_eq!(rows[0].1, "fix its inputs");
    assert!(rows.iter().all(|(_, v)| !v.contains("NaN")));
}

mod differing_inputs {
    use honest_income::scenario::delayed::StreamType;
    use honest_income::scenario::{PricingField, Scenario};
    use honest_income::summary::inputs::{differing_inputs, inputs, ABSENT};

    #[test]
    fn the_same_plan_twice_differs_nowhere() {
        let s = Scenario::default();
        assert!(differing_inputs(&[&s, &s.clone()]).is_empty());
        // Every input has a label and a value a person can read.
        let rows = inputs(&s);
        assert!(rows.len() > 30, "{} rows", rows.len());
        assert!(rows.iter().all(|(l, v)| !l.is_empty() && !v.is_empty()));
        assert!(rows.contains(&("Product 1: Price".to_string(), "$27".to_string())));
    }

    #[test]
    fn a_changed_price_and_an_added_stream_are_the_rows_that_differ() {
        let a = Scenario::default();
        let mut b = a.clone();
        b.products[0].set_text(PricingField::Price, "49".into());
        let added = b.delayed.streams.len() + 1;
        b.add_stream(StreamType::Subscription);
        let c = a.clone();
        let rows = differing_inputs(&[&a, &b, &c]);
        let price = rows.iter().find(|r| r.label == "Product 1: Price").unwrap();
        assert_eq!(price.values, ["$27", "$49", "$27"]);
        let kind = rows
            .iter()
            .find(|r| r.label == format!("Stream {added}: Kind"))
            .unwrap();
        assert_eq!(kind.values, [ABSENT, "Subscription or membership", ABSENT]);
        // Nothing that is the same in all three is listed.
        assert!(rows
            .iter()
            .all(|r| r.values.iter().any(|v| *v != r.values[0])));
        assert!(!rows.iter().any(|r| r.label == "Currency"));
    }
}
