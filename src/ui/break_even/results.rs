//! The Break-even results: the verdict, break-even in months and units, and the hours' worth.

use super::BreakEvenState;
use crate::engine::break_even::{BreakEven, BreakEvenInputs, NoBreakEven};
use crate::engine::money::Money;
use crate::format::money_estimate;
use crate::format::verdict;
use crate::ui::fields::{FixFieldsNotice, PhoneSummaryBar};
use leptos::prelude::*;

fn month_text(answer: &Result<u32, NoBreakEven>) -> String {
    match answer {
        Ok(0) => "Now".into(),
        Ok(m) => format!("Month {m}"),
        Err(_) => "Never".into(),
    }
}

/// The headline months, in sight on narrow screens while typing.
#[component]
pub fn PhoneSummary() -> impl IntoView {
    let state = expect_context::<BreakEvenState>();
    let items = Signal::derive(move || match (state.inputs.get(), state.result.get()) {
        (Ok(i), Some(r)) => {
            let headline = if i.count_time {
                &r.month_valued
            } else {
                &r.month_cash
            };
            Some(vec![
                ("Pays back".to_string(), month_text(headline)),
                ("Cash".to_string(), month_text(&r.month_cash)),
            ])
        }
        _ => None,
    });
    view! { <PhoneSummaryBar items=items /> }
}

#[component]
pub fn BreakEvenResults() -> impl IntoView {
    let state = expect_context::<BreakEvenState>();
    view! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title">"Results"</h2>
            {move || match (state.inputs.get(), state.result.get()) {
                (Ok(inputs), Some(result)) => view! { <ResultBody inputs=inputs result=result /> }.into_any(),
                (Err(errors), _) => {
                    let mut names: Vec<String> = errors.iter().map(|(f, _)| f.label()).collect();
                    if names.is_empty() {
                        names.push("the chosen product's fields on Pricing (or a figure of your own)".into());
                    }
                    view! { <FixFieldsNotice names=names /> }.into_any()
                }
                _ => ().into_any(),
            }}
        </section>
    }
}

#[component]
fn ResultBody(
    /// The validated inputs.
    inputs: BreakEvenInputs,
    /// What the engine made of them.
    result: BreakEven,
) -> impl IntoView {
    let c = inputs.currency;
    let m = move |minor: f64| money_estimate(minor, c);
    let per_hour = move |rate: Option<f64>| {
        rate.map(|r| format!("{}/h", Money::from_estimate(r, c)))
            .unwrap_or_else(|| "-".into())
    };
    let unit_text = |answer: &Result<u64, NoBreakEven>| match answer {
        Ok(n) => crate::format::units(*n, "sale", "sales"),
        Err(e) => e.to_string(),
    };
    let view_name = if inputs.count_time {
        "counting your time"
    } else {
        "in cash"
    };
    let headline = if inputs.count_time {
        &result.month_valued
    } else {
        &result.month_cash
    };
    let other = if inputs.count_time {
        &result.month_cash
    } else {
        &result.month_valued
    };
    let other_name = if inputs.count_time {
        "In cash alone"
    } else {
        "Counting your time"
    };
    let beats = match result.beats_hourly_value {
        Some(month) => format!(
            "Your hours first earn your {}/h in month {month}.",
            Money::new(inputs.hourly_value, c)
        ),
        None => format!(
            "Within {} months your hours never earn your {}/h.",
            result.months.len(),
            Money::new(inputs.hourly_value, c)
        ),
    };
    // The verdict already gives the headline view's sentence; add the other view's if it differs.
    let sentences: Vec<String> = other
        .as_ref()
        .err()
        .map(|e| e.to_string())
        .filter(|s| headline.as_ref().err().map(|h| h.to_string()).as_ref() != Some(s))
        .into_iter()
        .collect();

    view! {
        <p class="verdict" data-testid="verdict">{verdict(&inputs, &result)}</p>
        <div class="headline">
            <div class="stat" class:negative=headline.is_err()>
                <p class="stat-label">{format!("Pays back, {view_name}")}</p>
                <p class="stat-value">{month_text(headline)}</p>
            </div>
            <div class="stat" class:negative=other.is_err()>
                <p class="stat-label">{other_name}</p>
                <p class="stat-value">{month_text(other)}</p>
            </div>
        </div>
        {(!sentences.is_empty()).then(|| view! {
            <ul class="warnings" role="status">
                {sentences.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ul>
        })}

        <h3>"Sales to pay back"</h3>
        <table class="breakdown">
            <caption class="visually-hidden">"Break-even in units"</caption>
            <tbody>
                <tr><th scope="row">{format!("The build ({})", m(inputs.upfront(inputs.count_time)))}</th><td data-testid="units-upfront">{unit_text(&result.units_upfront)}</td></tr>
                <tr><th scope="row">{format!("The build and {} months of fixed costs", inputs.fixed_months)}</th><td>{unit_text(&result.units_with_fixed)}</td></tr>
            </tbody>
        </table>

        <h3>"Each month"</h3>
        <table class="breakdown">
            <caption class="visually-hidden">"Monthly money"</caption>
            <tbody>
                <tr><th scope="row">"Contribution per sale"</th><td>{Money::new(result.contribution_per_sale, c).to_string()}</td></tr>
                <tr><th scope="row">"Month 1 contribution"</th><td>{m(result.first_month_contribution)}</td></tr>
                <tr><th scope="row">"Monthly costs"</th><td>{m(-(inputs.monthly_costs as f64))}</td></tr>
                <tr class="subtotal"><th scope="row">"Month 1 result in cash"</th><td>{m(result.first_month_result)}</td></tr>
                <tr><th scope="row">{format!("Upkeep ({} h at your rate)", crate::format::hours(inputs.upkeep_hours))}</th><td>{m(-inputs.upkeep_value())}</td></tr>
            </tbody>
            <tfoot>
                <tr><th scope="row">"Month 1 result counting your time"</th><td>{m(result.first_month_result_valued)}</td></tr>
            </tfoot>
        </table>

        <h3>"What your hours earned"</h3>
        <table class="breakdown hours" data-testid="hourly-table">
            <caption class="visually-hidden">"Effective hourly rate over time"</caption>
            <thead>
                <tr><th scope="col">"By month"</th><th scope="col" class="num">"Hours"</th><th scope="col" class="num">"Net in cash"</th><th scope="col" class="num">"Per hour"</th></tr>
            </thead>
            <tbody>
                {result.hourly.iter().map(|h| {
                    let row = &result.months[(h.month - 1) as usize];
                    view! {
                        <tr>
                            <th scope="row">{h.month}</th>
                            <td class="num">{crate::format::hours(row.cumulative_hours)}</td>
                            <td class="num">{m(row.cumulative_cash)}</td>
                            <td class="num">{per_hour(h.rate)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <p class="beats">{beats}</p>
    }
}
