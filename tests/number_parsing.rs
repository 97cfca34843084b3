//! How typed numbers are read: decimal commas, grouping, and refusals with sentences.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::engine::fields::{
    parse_count, parse_money, parse_percent, parse_whole, FieldError,
};
use honest_income::engine::money::Currency;
use honest_income::engine::number::{parse_decimal, NumberError};

#[track_caller]
fn expect_cents(text: &str, cents: i64) {
    assert_eq!(parse_money(text, Currency::Usd), Ok(cents), "{text:?}");
}

#[track_caller]
fn expect_error(text: &str, sentence_part: &str) {
    let err = parse_money(text, Currency::Usd).expect_err(text);
    let sentence = err.to_string();
    assert!(
        sentence.contains(sentence_part),
        "{text:?} gave {sentence:?}, expected it to mention {sentence_part:?}"
    );
}

#[test]
fn plain_and_decimal_forms() {
    expect_cents("27", 2700);
    expect_cents("27.5", 2750);
    expect_cents("27.50", 2750);
    expect_cents("  27.50  ", 2750);
    expect_cents("0.3", 30);
    expect_cents(".5", 50);
    expect_cents("5.", 500);
    expect_cents("$27", 2700);
    expect_cents("0", 0);
    expect_cents("-0", 0);
}

#[test]
fn a_lone_comma_is_a_decimal_comma_unless_it_groups_thousands() {
    // Decision (README): "27,50" means 27.50; "1,000" means one thousand.
    expect_cents("27,50", 2750);
    expect_cents("27,5", 2750);
    expect_cents("0,125", 13);
    expect_cents("1,000", 100_000);
    expect_cents("1,234,567", 123_456_700);
    expect_cents("1,234.56", 123_456);
    expect_cents("1.234,56", 123_456);
    expect_cents("1.234.567", 123_456_700);
    expect_cents("12 345", 1_234_500);
}

#[test]
fn amounts_round_half_away_from_zero_to_the_cent() {
    // The classic binary floating point traps: these must round up, exactly.
    expect_cents("1.005", 101);
    expect_cents("2.675", 268);
    expect_cents("8.165", 817);
    expect_cents("1.004999", 100);
    expect_cents("0.005", 1);
    expect_cents("0.0049", 0);
}

#[test]
fn refusals_say_what_is_wrong() {
    expect_error("", "Enter a number");
    expect_error("   ", "Enter a number");
    expect_error("abc", "not a number");
    expect_error("NaN", "not a number");
    expect_error("inf", "not a number");
    expect_error("-inf", "not a number");
    expect_error("infinity", "not a number");
    expect_error("1e400", "in full");
    expect_error("1E5", "in full");
    expect_error("-5", "negative");
    expect_error("27..5", "separators");
    expect_error("1,2,3", "separators");
    expect_error("12,34.5", "separators");
    expect_error("99999999999999999999", "too many digits");
    expect_error("20000000", "at most $10,000,000.00");
    expect_error("$", "not a number");
    expect_error("%", "not a number");
    expect_error("0x10", "not a number");
}

#[test]
fn yen_have_no_minor_unit() {
    assert_eq!(parse_money("2700", Currency::Jpy), Ok(2700));
    assert_eq!(parse_money("2,700", Currency::Jpy), Ok(2700));
    assert_eq!(parse_money("2700.0", Currency::Jpy), Ok(2700));
    assert_eq!(
        parse_money("27.5", Currency::Jpy),
        Err(FieldError::WholeYen)
    );
}

#[test]
fn percentages_keep_four_decimals_and_have_bounds() {
    assert_eq!(parse_percent("2.9", 100).map(|r| r.ppm), Ok(29_000));
    assert_eq!(parse_percent("3.49%", 100).map(|r| r.ppm), Ok(34_900));
    assert_eq!(parse_percent("0,7", 100).map(|r| r.ppm), Ok(7_000));
    assert_eq!(parse_percent("100", 100).map(|r| r.ppm), Ok(1_000_000));
    assert_eq!(parse_percent("12.34565", 100).map(|r| r.ppm), Ok(123_457));
    let over = parse_percent("100.01", 100).unwrap_err().to_string();
    assert!(over.contains("at most 100 %"), "{over}");
    assert_eq!(parse_percent("-1", 100), Err(FieldError::Negative));
    assert_eq!(
        parse_percent("NaN", 100),
        Err(FieldError::Number(NumberError::NotANumber))
    );
}

#[test]
fn counts_allow_averages_and_whole_numbers_do_not() {
    assert_eq!(parse_count("3.5", 1e7), Ok(3.5));
    assert_eq!(parse_count("1,000", 1e7), Ok(1000.0));
    assert!(parse_count("1e400", 1e7).is_err());
    assert!(parse_count("20000000", 1e7)
        .unwrap_err()
        .to_string()
        .contains("10,000,000"));
    assert_eq!(parse_whole("12", 120), Ok(12));
    assert_eq!(parse_whole("12.0", 120), Ok(12));
    assert_eq!(parse_whole("12.5", 120), Err(FieldError::WholeNumber));
    assert!(parse_whole("121", 120).is_err());
}

#[test]
fn decimals_are_exact() {
    let d = parse_decimal("0.1").unwrap();
    assert_eq!((d.mantissa, d.scale, d.negative), (1, 1, false));
    assert_eq!(d.to_scaled(2), Some(10));
    let d = parse_decimal("-1.25").unwrap();
    assert_eq!(d.to_scaled(1), Some(-13));
    assert_eq!(parse_decimal("abc"), Err(NumberError::NotANumber));
}

#[test]
fn an_amount_in_another_currency_is_refused_and_its_own_symbol_reads_either_side() {
    assert_eq!(parse_money("27 €", Currency::Eur), Ok(2700));
    assert_eq!(parse_money("€27", Currency::Eur), Ok(2700));
    assert_eq!(parse_money("$27", Currency::Usd), Ok(2700));
    assert_eq!(
        parse_money("27$", Currency::Cad),
        Ok(2700),
        "a bare $ for any dollar"
    );
    assert_eq!(parse_money("CA$27", Currency::Cad), Ok(2700));
    for (typed, plan) in [
        ("€27", Currency::Usd),
        ("27 €", Currency::Usd),
        ("£5", Currency::Eur),
        ("CA$27", Currency::Usd),
    ] {
        let refused = parse_money(typed, plan).unwrap_err();
        assert!(
            matches!(refused, FieldError::OtherCurrency { .. }),
            "{typed}"
        );
        let sentence = refused.to_string();
        assert!(
            sentence.contains(plan.code()) && sentence.contains("change the plan's currency"),
            "{sentence}"
        );
    }
    // A symbol on a share or a count is not silently dropped.
    assert_eq!(parse_percent("$5", 100), Err(FieldError::NotMoney));
    assert_eq!(parse_count("€3", 1000.0), Err(FieldError::NotMoney));
}

#[test]
fn targets_below_zero_and_calendar_month_zero_are_refused() {
    use honest_income::scenario::delayed::Part;
    use honest_income::scenario::{PricingField, Scenario};
    let mut s = Scenario::default();
    s.products[0].target_per_sale = "-5".into();
    s.products[0].target_per_month = "-100".into();
    let errors = s.products[0].inputs().unwrap_err();
    for field in [PricingField::TargetPerSale, PricingField::TargetPerMonth] {
        assert!(
            errors
                .iter()
                .any(|(f, e)| *f == field && e.to_string() == "This can't be negative."),
            "{field:?}"
        );
    }
    s.delayed.target = "-1".into();
    let stream = s
        .delayed
        .streams
        .iter()
        .position(|x| x.visible_fields().iter().any(|f| f.key == "launch_month"))
        .expect("a product stream");
    s.delayed.streams[stream].set_text(Part::Value, "launch_month", "0".into());
    let errors = s.delayed.inputs(&s.delayed_from_the_plan()).unwrap_err();
    let said: Vec<String> = errors.iter().map(|(_, e)| e.to_string()).collect();
    assert!(
        said.iter().any(|e| e == "This can't be negative."),
        "{said:?}"
    );
    assert!(
        said.iter().any(|e| e == "This needs to be at least 1."),
        "{said:?}"
    );
}

#[test]
fn a_currency_symbol_on_both_sides_is_refused_with_a_sentence() {
    expect_error("€ 5 €", "currency symbol once");
    expect_error("$5$", "currency symbol once");
    assert_eq!(
        parse_money("€5 €", Currency::Eur).unwrap_err().to_string(),
        NumberError::SymbolTwice.to_string()
    );
    // Once, on either side, is how people write it.
    assert_eq!(parse_money("€5", Currency::Eur), Ok(500));
    assert_eq!(parse_money("5 €", Currency::Eur), Ok(500));
}

#[test]
fn full_width_digits_and_symbols_read_as_typed_on_a_japanese_or_chinese_keyboard() {
    assert_eq!(parse_money("￥３０００", Currency::Jpy), Ok(3000));
    assert_eq!(parse_money("３０００￥", Currency::Jpy), Ok(3000));
    assert_eq!(parse_money("２７．５０", Currency::Usd), Ok(2750));
    assert_eq!(parse_money("＄２７", Currency::Usd), Ok(2700));
    // The full-width yen sign is still another currency than the plan's dollars.
    let err = parse_money("￥３０００", Currency::Usd).unwrap_err();
    assert!(matches!(err, FieldError::OtherCurrency { .. }), "{err:?}");
    assert_eq!(
        parse_percent("５％", 100).unwrap(),
        parse_percent("5%", 100).unwrap()
    );
}

#[test]
fn a_decimal_comma_reads_as_one() {
    // "5,5" is five and a half (a lone comma before other than three digits is a decimal mark).
    expect_cents("5,5", 550);
    expect_cents("5,50", 550);
    expect_cents("5,500", 550_000);
}
