//! The Pricing results: net per sale, monthly net, targets and subscription figures.

use super::PricingState;
use crate::engine::fees::ProductKind;
use crate::engine::money::{Currency, Money};
use crate::engine::pricing::{MonthBasis, PricingInputs, PricingResult, HEADLINE_MONTH};
use crate::engine::MAX_HORIZON;
use crate::format::{count, money_estimate, months, units, whole};
use crate::ui::fields::{FixFieldsNotice, PhoneSummaryBar};
use leptos::prelude::*;

#[component]
pub fn PricingResults() -> impl IntoView {
    let state = expect_context::<PricingState>();
    view! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title">"Results"</h2>
            {move || match (state.inputs.get(), state.result.get()) {
                (Ok(inputs), Some(result)) => view! { <ResultBody inputs=inputs result=result /> }.into_any(),
                (Err(errors), _) => {
                    let names: Vec<String> = errors.iter().map(|(f, _)| f.label()).collect();
                    view! { <FixFieldsNotice names=names /> }.into_any()
                }
                _ => ().into_any(),
            }}
        </section>
    }
}

/// The headline figures, in sight on narrow screens where the results sit below the long form.
#[component]
pub fn PhoneSummary() -> impl IntoView {
    let state = expect_context::<PricingState>();
    let items = Signal::derive(move || match (state.inputs.get(), state.result.get()) {
        (Ok(inputs), Some(r)) => {
            let c = inputs.currency;
            Some(vec![
                // Before refunds, as the headline says: the other pages' bars show the net
                // after refunds, and the same words must not name two numbers.
                (
                    if inputs.kind == ProductKind::Subscription {
                        "Net a charge, before refunds"
                    } else {
                        "Net per sale, before refunds"
                    }
                    .to_string(),
                    Money::new(r.sale.net, c).to_string(),
                ),
                ("Monthly net".to_string(), money_estimate(r.month.net, c)),
            ])
        }
        _ => None,
    });
    view! { <PhoneSummaryBar items=items /> }
}

#[component]
fn ResultBody(
    /// The validated inputs.
    inputs: PricingInputs,
    /// What the engine made of them.
    result: PricingResult,
) -> impl IntoView {
    let c = inputs.currency;
    let m = move |minor: i64| Money::new(minor, c).to_string();
    let sale = &result.sale;
    let subscription = inputs.kind == ProductKind::Subscription;
    let effective = sale
        .effective_fee()
        .map(|r| format!("fees and shares take {r}"))
        .unwrap_or_else(|| "nothing charged".into());
    let per = if subscription {
        "per subscriber per month"
    } else {
        "per sale"
    };
    let month_basis = match result.month_label {
        MonthBasis::ExpectedVolume => format!("at {} sales a month", count(result.month.charges)),
        MonthBasis::HeadlineMonth => match &result.subscription {
            Some(Ok(s)) => format!(
                "in month {HEADLINE_MONTH}, at {} subscribers (steady state {}, 90 % of it {})",
                count(result.month.charges),
                count(s.steady_subscribers),
                within(s.months_to_90_percent),
            ),
            _ => format!(
                "in month {HEADLINE_MONTH}, at {} subscribers (no churn: they keep growing)",
                count(result.month.charges)
            ),
        },
    };

    let breakdown_rows = {
        let mut rows: Vec<(String, String)> = vec![("List price".into(), m(sale.list_price))];
        if sale.discount != 0 {
            rows.push(("Discount".into(), m(-sale.discount)));
            rows.push(("Charged".into(), m(sale.charged)));
        }
        for (name, fee) in &sale.layer_fees {
            rows.push((name.clone(), m(-fee)));
        }
        if sale.affiliate != 0 {
            rows.push(("Affiliate share".into(), m(-sale.affiliate)));
        }
        rows
    };

    let month = &result.month;
    let month_rows: Vec<(&str, String)> = vec![
        ("Charged", money_estimate(month.gross, c)),
        ("Fees and shares", money_estimate(-month.fees, c)),
        ("Refunds", money_estimate(-month.refunds, c)),
        ("Plan fees", money_estimate(-month.plan_fees, c)),
        ("Tax set-aside", money_estimate(-month.tax, c)),
    ];

    view! {
        <div class="headline">
            <div class="stat" class:negative=sale.net < 0>
                <p class="stat-label">{format!("Net {per}")}</p>
                <p class="stat-value" data-testid="net-per-sale">{m(sale.net)}</p>
                <p class="stat-note">{format!("of {} charged, before refunds; {effective}", m(sale.charged))}</p>
            </div>
            <div class="stat" class:negative=month.net < 0.0>
                <p class="stat-label">"Monthly net"</p>
                <p class="stat-value" data-testid="monthly-net">{money_estimate(month.net, c)}</p>
                <p class="stat-note">{format!("{month_basis}, after plan fees, refunds and tax set-aside")}</p>
            </div>
        </div>
        {(!result.warnings.is_empty()).then(|| view! {
            <ul class="warnings" role="status">
                {result.warnings.iter().map(|w| view! { <li>{w.to_string()}</li> }).collect_view()}
            </ul>
        })}
        <KdpRangeNote inputs=inputs.clone() />

        <h3>{if subscription { "One member's month, taken apart" } else { "One sale, taken apart" }}</h3>
        <table class="breakdown">
            <caption class="visually-hidden">"Fee breakdown of one sale"</caption>
            <tbody>
                {breakdown_rows.into_iter().map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> }).collect_view()}
            </tbody>
            <tfoot>
                <tr><th scope="row">{format!("Net {per}")}</th><td>{m(sale.net)}</td></tr>
                <tr><th scope="row">"Effective fee"</th><td>{sale.effective_fee().map(|r| r.to_string()).unwrap_or_else(|| "-".into())}</td></tr>
                <tr><th scope="row">{if subscription { "Net per member a month after fees and refunds" } else { "Net per sale after fees and refunds" }}</th><td>{money_estimate(result.net_after_refunds, c)}</td></tr>
            </tfoot>
        </table>

        <h3>{if subscription {
            format!("Month {HEADLINE_MONTH}, at {} subscribers", count(result.month.charges))
        } else {
            format!("One month, {month_basis}")
        }}</h3>
        <table class="breakdown">
            <caption class="visually-hidden">"Monthly money"</caption>
            <tbody>
                {month_rows.into_iter().map(|(k, v)| view! { <tr><th scope="row">{k}</th><td>{v}</td></tr> }).collect_view()}
            </tbody>
            <tfoot>
                <tr><th scope="row">"Monthly net"</th><td>{money_estimate(month.net, c)}</td></tr>
            </tfoot>
        </table>

        <h3>"Targets"</h3>
        <ul class="targets">
            <li data-testid="price-for-target">{match &result.price_for_target {
                Ok(price) => format!("To net {} {per}, charge {}.", m(inputs.target_per_sale), m(*price)),
                Err(e) => e.to_string(),
            }}</li>
            <li data-testid="volume-for-target">{volume_sentence(&inputs, &result, c)}</li>
        </ul>

        {result.subscription.clone().map(|figures| view! {
            <h3>"Subscription"</h3>
            {match figures {
                Ok(s) => view! {
                    <dl class="figures">
                        <div><dt>"Net lifetime value"</dt><dd data-testid="lifetime-value">{money_estimate(s.lifetime_value, c)}</dd></div>
                        <div><dt>"Average stay"</dt><dd>{stay(s.average_months)}</dd></div>
                        <div><dt>"Subscribers at steady state"</dt><dd data-testid="steady-subscribers">{count(s.steady_subscribers)}</dd></div>
                        <div><dt>"Monthly recurring revenue then"</dt><dd>{money_estimate(s.steady_mrr, c)}</dd></div>
                        <div><dt>"Time to reach 90 % of it"</dt><dd data-testid="months-to-90">{months(s.months_to_90_percent)}</dd></div>
                    </dl>
                    {(s.average_months > f64::from(MAX_HORIZON)).then(|| view! {
                        <p class="notice">{format!(
                            "At this churn the average member stays {}: the lifetime value and the steady state lie beyond any plan's {}-month horizon, so read them as ceilings, not forecasts. Small subscription products lose 3-7 % of members a month.",
                            stay(s.average_months),
                            MAX_HORIZON
                        )}</p>
                    })}
                }.into_any(),
                Err(e) => view! { <p class="notice">{e.to_string()}</p> }.into_any(),
            }}
        })}
    }
}

/// How long members stay on average, in words a person reads: "20 months", "1 month",
/// "about 833 years".
fn stay(average_months: f64) -> String {
    months(average_months.round().max(1.0) as u64)
}

/// "in 45 months", or "in more than 10 years" past any horizon.
fn within(n: u64) -> String {
    if n > u64::from(MAX_HORIZON) {
        format!("only after {}", months(n))
    } else {
        format!("by month {n}")
    }
}

fn volume_sentence(inputs: &PricingInputs, result: &PricingResult, c: Currency) -> String {
    let target = Money::new(inputs.target_per_month, c);
    match &result.volume_for_target {
        Ok(v) => match v.new_subscribers {
            None => format!(
                "To net {target} a month, you need {} a month.",
                units(v.charges, "sale", "sales")
            ),
            Some(new) => format!(
                "To net {target} a month, you need {} paying subscribers: about {} new ones a month at this churn, once joiners and leavers level off.",
                whole(v.charges),
                count(new)
            ),
        },
        Err(e) => e.to_string(),
    }
}

/// Amazon pays 70 % only inside a list-price band; say so when the price is outside it.
#[component]
fn KdpRangeNote(
    /// The validated inputs.
    inputs: PricingInputs,
) -> impl IntoView {
    let state = expect_context::<PricingState>();
    let is_kdp_70 = state.draft.with_untracked(|d| d.platform == "kdp-70");
    let outside = inputs.currency == Currency::Usd && !(299..=999).contains(&inputs.price);
    (is_kdp_70 && outside).then(|| view! {
        <p class="notice">"Amazon pays the 70 % royalty only for list prices from $2.99 to $9.99; at this price the 35 % royalty applies."</p>
    })
}
