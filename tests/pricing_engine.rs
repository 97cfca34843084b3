//! The Pricing engine against hand-computed figures, rounding edges and degenerate plans.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::engine::fees::{
    price_for_net, sale_breakdown, FeeLayer, PriceForNetError, ProductKind, SaleTerms,
};
use honest_income::engine::money::{Currency, Money, Rate};
use honest_income::engine::pricing::{
    calculate, months_to_share_of_steady_state, MonthBasis, PricingInputs, PricingWarning,
    SubscriptionError, TargetError,
};

fn pct(percent: f64) -> Rate {
    Rate::from_ppm((percent * 10_000.0).round() as i64)
}

fn layer(percent: f64, fixed: i64, monthly: i64) -> FeeLayer {
    FeeLayer {
        name: "fee".into(),
        percent: pct(percent),
        fixed,
        monthly,
        subscriptions_only: false,
    }
}

fn one_time() -> SaleTerms {
    SaleTerms::default()
}

#[track_caller]
fn expect_net(price: i64, layers: &[FeeLayer], net: &str) {
    let sale = sale_breakdown(price, layers, one_time());
    assert_eq!(
        Money::new(sale.net, Currency::Usd).to_string(),
        net,
        "price {price}"
    );
}

#[track_caller]
fn expect_price_for(target: i64, layers: &[FeeLayer], price: &str) {
    let p = price_for_net(target, layers, one_time()).expect("reachable");
    assert_eq!(
        Money::new(p, Currency::Usd).to_string(),
        price,
        "target {target}"
    );
    // The answer is the lowest such price.
    assert!(sale_breakdown(p, layers, one_time()).net >= target);
    assert!(sale_breakdown(p - 1, layers, one_time()).net < target);
}

fn inputs(price: i64, layers: Vec<FeeLayer>) -> PricingInputs {
    PricingInputs {
        currency: Currency::Usd,
        kind: ProductKind::OneTime,
        price,
        layers,
        discount: Rate::ZERO,
        affiliate: Rate::ZERO,
        refund: Rate::ZERO,
        tax: Rate::ZERO,
        volume: 10.0,
        churn: pct(5.0),
        target_per_sale: 2500,
        target_per_month: 100_000,
    }
}

#[test]
fn net_per_sale_table() {
    expect_net(2700, &[layer(10.0, 50, 0)], "$23.80");
    expect_net(2700, &[layer(2.9, 30, 0)], "$25.92");
    expect_net(2700, &[layer(3.49, 49, 0)], "$25.57");
    expect_net(2700, &[layer(5.0, 0, 0), layer(2.9, 30, 0)], "$24.57");
    expect_net(2700, &[], "$27.00");
    expect_net(0, &[layer(10.0, 50, 0)], "-$0.50");
    expect_net(40, &[layer(10.0, 50, 0)], "-$0.14");
    expect_net(2700, &[layer(100.0, 0, 0)], "$0.00");
    expect_net(2700, &[layer(100.0, 40, 0)], "-$0.40");
}

#[test]
fn each_layer_rounds_half_away_from_zero() {
    // 10 % of 5 cents is half a cent: rounds up to 1 cent.
    expect_net(5, &[layer(10.0, 0, 0)], "$0.04");
    // 2.9 % of $0.50 is 1.45 cents: rounds to 1 cent.
    expect_net(50, &[layer(2.9, 0, 0)], "$0.49");
    // 5 % of $1.01 is 5.05 cents: 5 cents; two layers round separately (5 + 5, not 10.1 -> 10).
    expect_net(101, &[layer(5.0, 0, 0), layer(5.0, 0, 0)], "$0.91");
    assert_eq!(Rate::from_ppm(500_000).of(1), 1);
    assert_eq!(Rate::from_ppm(500_000).of(-1), -1);
    assert_eq!(Rate::from_ppm(333_333).of(3), 1);
}

#[test]
fn price_needed_for_a_net_target() {
    expect_price_for(2500, &[layer(2.9, 30, 0)], "$26.06");
    expect_price_for(2380, &[layer(10.0, 50, 0)], "$27.00");
    expect_price_for(2500, &[layer(10.0, 50, 0)], "$28.33");
    expect_price_for(1, &[layer(2.9, 30, 0)], "$0.32");
    expect_price_for(2500, &[], "$25.00");
    assert_eq!(price_for_net(0, &[], one_time()), Ok(0));
    assert_eq!(
        price_for_net(2500, &[layer(100.0, 0, 0)], one_time()),
        Err(PriceForNetError::PercentagesTakeEverything)
    );
    assert_eq!(
        price_for_net(2500, &[layer(60.0, 0, 0), layer(40.0, 0, 0)], one_time()),
        Err(PriceForNetError::PercentagesTakeEverything)
    );
    assert_eq!(
        price_for_net(i64::MAX / 4, &[layer(99.99, 0, 0)], one_time()),
        Err(PriceForNetError::TooHigh)
    );
}

#[test]
fn discount_and_affiliate_come_off_before_the_net() {
    let terms = SaleTerms {
        kind: ProductKind::OneTime,
        discount: pct(20.0),
        affiliate: pct(30.0),
    };
    let sale = sale_breakdown(2700, &[layer(10.0, 50, 0)], terms);
    assert_eq!(sale.discount, 540);
    assert_eq!(sale.charged, 2160);
    assert_eq!(sale.layer_fees[0].1, 216 + 50);
    assert_eq!(sale.affiliate, 648);
    assert_eq!(sale.net, 2160 - 266 - 648);
    let price = price_for_net(2500, &[layer(10.0, 50, 0)], terms).unwrap();
    assert!(sale_breakdown(price, &[layer(10.0, 50, 0)], terms).net >= 2500);
    assert!(sale_breakdown(price - 1, &[layer(10.0, 50, 0)], terms).net < 2500);
}

#[test]
fn subscription_only_layers_skip_one_time_sales() {
    let billing = FeeLayer {
        subscriptions_only: true,
        ..layer(0.7, 0, 0)
    };
    let layers = [layer(2.9, 30, 0), billing];
    assert_eq!(sale_breakdown(1000, &layers, one_time()).net, 1000 - 59);
    let sub = SaleTerms {
        kind: ProductKind::Subscription,
        ..one_time()
    };
    assert_eq!(sale_breakdown(1000, &layers, sub).net, 1000 - 59 - 7);
}

#[test]
fn effective_fee_percent() {
    let sale = sale_breakdown(2700, &[layer(10.0, 50, 0)], one_time());
    assert_eq!(sale.effective_fee().unwrap().to_string(), "11.85 %");
    assert_eq!(sale_breakdown(0, &[], one_time()).effective_fee(), None);
}

#[test]
fn monthly_net_after_plan_refunds_and_tax() {
    let mut i = inputs(2700, vec![layer(10.0, 50, 2900)]);
    i.refund = pct(10.0);
    i.tax = pct(25.0);
    i.volume = 10.0;
    let r = calculate(&i);
    // 10 x ($23.80 - 10 % of $27) - $29 = $182; 25 % set aside leaves $136.50.
    assert!((r.net_after_refunds - 2110.0).abs() < 1e-9);
    assert!((r.month.net - 13_650.0).abs() < 1e-6, "{}", r.month.net);
    assert!((r.month.tax - 4_550.0).abs() < 1e-6);
    assert_eq!(r.month_label, MonthBasis::ExpectedVolume);
}

#[test]
fn a_loss_is_not_taxed() {
    let mut i = inputs(2700, vec![layer(10.0, 50, 100_000)]);
    i.tax = pct(30.0);
    let r = calculate(&i);
    assert_eq!(r.month.tax, 0.0);
    assert!((r.month.net - (23_800.0 - 100_000.0)).abs() < 1e-6);
    assert!(r
        .warnings
        .iter()
        .any(|w| matches!(w, PricingWarning::PlanFeesExceedIncome { .. })));
}

#[test]
fn sales_needed_for_a_monthly_target() {
    // $1,000 a month at $23.80 a sale: 42.02 -> 43 sales.
    let mut i = inputs(2700, vec![layer(10.0, 50, 0)]);
    i.target_per_month = 100_000;
    assert_eq!(calculate(&i).volume_for_target.unwrap().charges, 43);
    // Exact division does not round up: $25 a sale, $2,000 target -> 80 sales.
    let mut i = inputs(2500, vec![]);
    i.target_per_month = 200_000;
    assert_eq!(calculate(&i).volume_for_target.unwrap().charges, 80);
    // Tax and plan fees raise the count: (2000 / 0.8 + 29) / 25 = 101.16 -> 102.
    i.tax = pct(20.0);
    i.layers = vec![layer(0.0, 0, 2900)];
    assert_eq!(calculate(&i).volume_for_target.unwrap().charges, 102);
}

#[test]
fn degenerate_plans_get_sentences() {
    // Fees of 100 % or more: each sale loses money.
    let r = calculate(&inputs(2700, vec![layer(100.0, 40, 0)]));
    assert_eq!(
        r.warnings[0].to_string().split(':').next().unwrap(),
        "Each sale loses $0.40 after fees"
    );
    let target = r.volume_for_target.unwrap_err().to_string();
    assert!(target.contains("Each sale loses $0.40"), "{target}");
    assert!(target.contains("more sales lose more"), "{target}");
    assert_eq!(
        r.price_for_target,
        Err(TargetError::PercentagesTakeEverything)
    );
    for value in [r.month.net, r.month.gross, r.net_after_refunds] {
        assert!(value.is_finite());
    }

    // Refunds of 100 %.
    let mut i = inputs(2700, vec![layer(2.9, 30, 0)]);
    i.refund = pct(100.0);
    let r = calculate(&i);
    assert!(matches!(
        r.warnings[0],
        PricingWarning::RefundsEatMargin { .. }
    ));
    assert!(r.warnings[0].to_string().contains("loses $1.08"));

    // Tax set-aside of 100 %.
    let mut i = inputs(2700, vec![]);
    i.tax = pct(100.0);
    let r = calculate(&i);
    assert_eq!(r.volume_for_target, Err(TargetError::TaxTakesEverything));
    assert_eq!(r.month.net, 0.0);

    // Zero volume and a zero price stay finite.
    let mut i = inputs(0, vec![layer(10.0, 50, 0)]);
    i.volume = 0.0;
    let r = calculate(&i);
    assert_eq!(r.month.net, 0.0);
    assert!(r.sale.effective_fee().is_none());

    // Absurdly large but accepted values stay finite.
    let mut i = inputs(
        1_000_000_000,
        vec![layer(2.9, 1_000_000_000, 1_000_000_000)],
    );
    i.volume = 10_000_000.0;
    let r = calculate(&i);
    assert!(r.month.net.is_finite());
}

#[test]
fn subscription_figures() {
    let mut i = inputs(1000, vec![layer(2.9, 30, 0)]);
    i.kind = ProductKind::Subscription;
    i.volume = 20.0;
    i.churn = pct(5.0);
    let r = calculate(&i);
    let s = r.subscription.unwrap().unwrap();
    // Net per charge $9.41; LTV = 9.41 / 0.05 = $188.20; 400 subscribers; MRR $4,000.
    assert!((s.lifetime_value - 18_820.0).abs() < 1e-6);
    assert!((s.steady_subscribers - 400.0).abs() < 1e-9);
    assert!((s.steady_mrr - 400_000.0).abs() < 1e-6);
    assert!((s.average_months - 20.0).abs() < 1e-9);
    // 0.95^n <= 0.1 first at n = 45.
    assert_eq!(s.months_to_90_percent, 45);
    // The headline is month 12, a year in, not the steady state 45 months away:
    // 20 x (1 - 0.95^12) / 0.05 = 183.8 subscribers.
    assert_eq!(r.month_label, MonthBasis::HeadlineMonth);
    let month_12 = 20.0 * (1.0 - 0.95f64.powi(12)) / 0.05;
    assert!(
        (r.month.charges - month_12).abs() < 1e-9,
        "{}",
        r.month.charges
    );
    assert!(r.month.charges < s.steady_subscribers * 0.5);
    // $1,000 a month at $9.41 each: 106.3 -> 107 subscribers, 5.35 new a month at 5 % churn.
    let v = r.volume_for_target.unwrap();
    assert_eq!(v.charges, 107);
    assert!((v.new_subscribers.unwrap() - 5.35).abs() < 1e-9);
}

#[test]
fn churn_edges() {
    let mut i = inputs(1000, vec![]);
    i.kind = ProductKind::Subscription;
    i.volume = 10.0;
    i.churn = Rate::ZERO;
    let r = calculate(&i);
    assert_eq!(r.subscription, Some(Err(SubscriptionError::NoChurn)));
    assert!(r
        .subscription
        .unwrap()
        .unwrap_err()
        .to_string()
        .contains("0 % churn"));
    assert_eq!(r.month_label, MonthBasis::HeadlineMonth);
    assert!((r.month.charges - 120.0).abs() < 1e-9);
    assert_eq!(r.volume_for_target, Err(TargetError::NoChurn));

    i.churn = pct(100.0);
    let r = calculate(&i);
    let s = r.subscription.unwrap().unwrap();
    assert!((s.steady_subscribers - 10.0).abs() < 1e-9);
    assert_eq!(s.months_to_90_percent, 1);
    assert!((s.lifetime_value - 1000.0).abs() < 1e-9);
}

#[test]
fn months_to_ninety_percent_table() {
    for (churn, months) in [
        (1.0, 1),
        (0.9, 1),
        (0.5, 4),
        (0.1, 22),
        (0.065, 35),
        (0.01, 230),
    ] {
        assert_eq!(
            months_to_share_of_steady_state(churn, 0.9),
            months,
            "churn {churn}"
        );
    }
    assert_eq!(months_to_share_of_steady_state(0.0, 0.9), u64::MAX);
}
