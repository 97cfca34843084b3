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
    assert_eq!(rows.len(), 8);
}

#[test]
fn a_plan_with_a_bad_field_says_so_instead_of_a_number() {
    let mut s = Scenario::default();
    s.products[0].set_text(PricingField::Price, "abc".into());
    let rows = headline(&s);
    assert_eq!(rows[0].1, "fix its inputs");
    assert!(rows.iter().all(|(_, v)| !v.contains("NaN")));
}
