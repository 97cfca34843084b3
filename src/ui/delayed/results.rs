//! The Delayed-income results: milestones, the honest range, and the month-by-month table.

use super::DelayedState;
use crate::engine::delayed::monte_carlo::SUSTAINED_MONTHS;
use crate::engine::money::Money;
use crate::export::projection_csv;
use crate::format::money_estimate;
use crate::ui::fields::{FixFieldsNotice, PhoneSummaryBar};
use leptos::prelude::*;

fn month_or(month: Option<u32>, horizon: usize) -> String {
    match month {
        Some(m) => format!("month {m}"),
        None => format!("not within {}", crate::format::months(horizon as u64)),
    }
}

/// The last month's income and when it turns positive, in sight on narrow screens.
#[component]
pub fn PhoneSummary() -> impl IntoView {
    let state = expect_context::<DelayedState>();
    let items = Signal::derive(move || {
        let p = state.projection.get()?;
        let m = state.milestones.get()?;
        let last = p.months.last().map(|m| m.total).unwrap_or(0.0);
        Some(vec![
            (
                format!("Month {} income", p.months.len()),
                money_estimate(last, state.currency.get()),
            ),
            (
                "In cash, positive".to_string(),
                month_or(m.cumulative_positive, p.months.len()),
            ),
        ])
    });
    view! { <PhoneSummaryBar items=items /> }
}

#[component]
pub fn DelayedResults() -> impl IntoView {
    let state = expect_context::<DelayedState>();
    view! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title">"Results"</h2>
            {move || {
                let c = state.currency.get();
                match (state.inputs.get(), state.projection.get(), state.milestones.get()) {
                    (Ok(inputs), Some(p), Some(m)) => {
                        let horizon = p.months.len();
                        let target = Money::from_estimate(inputs.plan.target, c);
                        let passivity: Vec<(String, String, String)> = m.quarters.iter().map(|q| (
                            format!("Q{} (months {}-{})", q.quarter, q.quarter * 3 - 2, (q.quarter * 3).min(horizon as u32)),
                            money_estimate(q.net, c),
                            q.net_per_hour.map(|r| format!("{}/h", money_estimate(r, c))).unwrap_or_else(|| "no hours".into()),
                        )).collect();
                        let streams = if inputs.plan.streams.is_empty() {
                            Some(view! { <p class="notice">"No stream is switched on: add one or include one in the plan."</p> })
                        } else { None };
                        view! {
                            {streams}
                            <ul class="milestones" data-testid="milestones">
                                <li>"First income: "<strong>{month_or(m.first_income, horizon)}</strong></li>
                                <li>{format!("Net beats your {target} target: ")}<strong>{month_or(m.beats_target, horizon)}</strong></li>
                                <li>{cash_label(inputs.plan.upfront_cash, c)}<strong>{month_or(m.cumulative_positive, horizon)}</strong></li>
                                {(inputs.plan.hourly_value > 0.0).then(|| view! {
                                    <li>{format!("Pays back counting every hour at {}/h: ", Money::from_estimate(inputs.plan.hourly_value, c))}<strong>{month_or(m.pays_back_valued, horizon)}</strong></li>
                                })}
                            </ul>
                            <UncertaintySummary horizon=horizon />
                            <h3>"How passive it gets"</h3>
                            <p class="hint">"Net per hour of effort, quarter by quarter: passive income is when this rises as the hours fall."</p>
                            <table class="breakdown hours" data-testid="passivity">
                                <caption class="visually-hidden">"Net per hour by quarter"</caption>
                                <thead><tr><th scope="col">"Quarter"</th><th scope="col" class="num">"Net"</th><th scope="col" class="num">"Per hour"</th></tr></thead>
                                <tbody>
                                    {passivity.into_iter().map(|(q, net, rate)| view! {
                                        <tr><th scope="row">{q}</th><td class="num">{net}</td><td class="num">{rate}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }
                    (Err(errors), _, _) => {
                        let names: Vec<String> = errors.iter().map(|(f, _)| label_of(&state, f)).collect();
                        view! { <FixFieldsNotice names=names /> }.into_any()
                    }
                    _ => ().into_any(),
                }
            }}
        </section>
    }
}

/// What the cash milestone counts, in its own words.
fn cash_label(upfront_cash: f64, c: crate::engine::money::Currency) -> String {
    if upfront_cash > 0.0 {
        format!(
            "Cumulative net in cash, after {} of upfront cash, turns positive: ",
            Money::from_estimate(upfront_cash, c)
        )
    } else {
        "Cumulative net in cash turns positive: ".into()
    }
}

/// A field's name as the person sees it: "Blog: Visitors per post per month at plateau (low)".
fn label_of(state: &DelayedState, field: &crate::scenario::delayed::DelayedField) -> String {
    use crate::scenario::delayed::{DelayedField as F, Part};
    match field {
        F::Horizon => "Horizon in months".into(),
        F::Target => "Target net per month".into(),
        F::TargetBy => "Chance of the target by month".into(),
        F::Paths => "Paths".into(),
        F::ProductNet { id } => state.draft.with(|d| {
            format!(
                "{}: net from Pricing",
                d.stream(*id).map(|s| s.name.clone()).unwrap_or_default()
            )
        }),
        F::FollowBreakEven { id } => state.draft.with(|d| {
            format!(
                "{}: Break-even's plan",
                d.stream(*id).map(|s| s.name.clone()).unwrap_or_default()
            )
        }),
        F::Stream { id, key, part } => state.draft.with(|d| {
            let stream = d.stream(*id);
            let name = stream.map(|s| s.name.clone()).unwrap_or_default();
            let label = stream
                .and_then(|s| s.visible_fields().into_iter().find(|f| f.key == *key))
                .map(|f| f.label)
                .unwrap_or(key);
            let part = match part {
                Part::Value => "",
                Part::Low => " (low)",
                Part::High => " (high)",
            };
            format!("{name}: {label}{part}")
        }),
    }
}

/// The Monte Carlo's answers, when uncertainty is on.
#[component]
fn UncertaintySummary(
    /// Months in the projection.
    horizon: usize,
) -> impl IntoView {
    let state = expect_context::<DelayedState>();
    move || {
        let mc = state.monte_carlo.get()?;
        let inputs = state.inputs.get().ok()?;
        let u = inputs.uncertainty?;
        let c = state.currency.get();
        let [p10, p50, p90] = mc.break_even;
        let median_against_plan = state.projection.get().and_then(|p| {
            let plan = p.months.last()?.total;
            let median = *mc.income.p50.last()?;
            Some((money_estimate(plan, c), money_estimate(median, c)))
        });
        Some(view! {
            <h3>"The honest range"</h3>
            <ul class="milestones" data-testid="uncertainty">
                <li>
                    {format!(
                        "Chance that net is at least {} a month for {SUSTAINED_MONTHS} months running by month {}{}: ",
                        Money::from_estimate(inputs.plan.target, c),
                        u.target_by_month,
                        if u.target_by_month as usize > horizon { " (simulated past the horizon)" } else { "" },
                    )}
                    <strong>{format!("{:.0} %", mc.target_probability * 100.0)}</strong>
                </li>
                {median_against_plan.map(|(plan, median)| view! {
                    <li data-testid="median-vs-plan">
                        {format!("Income in month {horizon}: the plan's own projection (every rate as typed) gives ")}
                        <strong>{plan}</strong>
                        ", the median of the simulated futures "<strong>{median}</strong>
                        ". The median is the middle future of all the draws; it moves away from the projection when a range reaches further on one side of the typed value than on the other."
                    </li>
                })}
                <li>
                    "Cumulative net in cash turns positive: "
                    <strong>{format!("P10 {}, median {}, P90 {}", month_or(p10, horizon), month_or(p50, horizon), month_or(p90, horizon))}</strong>
                </li>
                <li class="hint">{format!("From {} simulated futures, seed {}.", mc.paths, u.seed)}</li>
            </ul>
        })
    }
}

/// The projection month by month, with a CSV export.
#[component]
pub fn MonthTable() -> impl IntoView {
    let state = expect_context::<DelayedState>();
    let message = RwSignal::new(String::new());
    let frame = use_context::<crate::ui::context::EmbedFrame>();
    // In an embed, where the full calculator can export what the frame may not.
    let elsewhere = RwSignal::new(false);
    let export = move |_| {
        if frame.is_some_and(|f| !f.downloads) {
            message.set(
                "This page's frame does not allow downloads, so the CSV cannot be saved here."
                    .into(),
            );
            elsewhere.set(true);
            return;
        }
        let (Some(p), Ok(inputs)) = (
            state.projection.get_untracked(),
            state.inputs.get_untracked(),
        ) else {
            message.set("Fix the marked fields first: there is nothing to export yet.".into());
            return;
        };
        let names: Vec<String> = inputs.plan.streams.iter().map(|s| s.name.clone()).collect();
        let csv = state.draft.with_untracked(|d| {
            projection_csv(
                d,
                &p,
                &names,
                inputs.plan.monthly_costs,
                state.currency.get_untracked(),
            )
        });
        match crate::platform::download("delayed-income.csv", &csv, "text/csv;charset=utf-8") {
            // A frame cannot tell whether its page lets it download, so it says so.
            Ok(()) if frame.is_some() => {
                message.set(
                    "Exported delayed-income.csv, if this page's frame allows downloads.".into(),
                );
                elsewhere.set(true);
            }
            Ok(()) => message.set("Exported delayed-income.csv.".into()),
            Err(e) => message.set(e),
        }
    };
    view! {
        <section class="comparison" aria-labelledby="months-title">
            <div class="section-head">
                <h2 id="months-title">"Month by month"</h2>
                <button type="button" class="secondary" on:click=export>"Export CSV"</button>
            </div>
            <p class="hint" role="status">
                {move || message.get()}
                {move || frame.filter(|_| elsewhere.get()).map(|f| view! {
                    " "<a href=f.full_link target="_blank" rel="noopener">"Open the full calculator with this plan"</a>" to export it there."
                })}
            </p>
            {move || {
                let c = state.currency.get();
                let p = state.projection.get()?;
                let names: Vec<String> = state.inputs.get().ok()?.plan.streams.iter().map(|s| s.name.clone()).collect();
                Some(view! {
                    <p class="hint scroll-hint">"Wider than a phone: scroll the table sideways for every column (the month stays in view)."</p>
                    <div class="table-scroll tall" tabindex="0" role="region" aria-label="Month by month table">
                        <table class="compare months">
                            <caption class="visually-hidden">"Income, costs, hours and net, month by month"</caption>
                            <thead><tr>
                                <th scope="col">"Month"</th>
                                {names.into_iter().map(|n| view! { <th scope="col" class="num">{n}</th> }).collect_view()}
                                <th scope="col" class="num">"Total"</th>
                                <th scope="col" class="num">"Costs"</th>
                                <th scope="col" class="num">"Net"</th>
                                <th scope="col" class="num">"Hours"</th>
                                <th scope="col" class="num">"Net per hour"</th>
                                <th scope="col" class="num">"Cumulative"</th>
                            </tr></thead>
                            <tbody>
                                {p.months.into_iter().map(|m| view! {
                                    <tr>
                                        <th scope="row">{m.month}</th>
                                        {m.income.iter().map(|v| view! { <td class="num">{money_estimate(*v, c)}</td> }).collect_view()}
                                        <td class="num">{money_estimate(m.total, c)}</td>
                                        <td class="num">{money_estimate(-m.costs, c)}</td>
                                        <td class="num" class:negative=m.net < 0.0>{money_estimate(m.net, c)}</td>
                                        <td class="num">{crate::format::hours(m.hours)}</td>
                                        <td class="num">{m.net_per_hour.map(|r| money_estimate(r, c)).unwrap_or_else(|| "-".into())}</td>
                                        <td class="num" class:negative=m.cumulative < 0.0>{money_estimate(m.cumulative, c)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                })
            }}
        </section>
    }
}
