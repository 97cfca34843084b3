//! The Break-even form: upfront work, monthly costs, per-sale money, the sales curve.

use super::BreakEvenState;
use crate::engine::money::Money;
use crate::scenario::break_even::{MAX_COST_LINES, SUGGESTED_COSTS};
use crate::scenario::codec::MAX_TEXT_CHARS;
use crate::scenario::link::Addition;
use crate::scenario::{BreakEvenField as F, CurveKind};
use crate::ui::context::LinkRoom;
use crate::ui::fold::folded;
use crate::ui::TextField;
use leptos::prelude::*;

/// What a field shows around its box.
#[derive(Clone, Copy)]
enum Unit {
    Money,
    Percent,
    Plain,
}

#[component]
pub fn BreakEvenForm() -> impl IntoView {
    let state = expect_context::<BreakEvenState>();
    let draft = state.draft;
    let symbol = Signal::derive(move || state.currency.get().symbol().to_string());
    let field =
        move |f: F, id: &'static str, label: &'static str, hint: &'static str, unit: Unit| {
            let prefix = match unit {
                Unit::Money => symbol,
                _ => Signal::derive(String::new),
            };
            let suffix = match unit {
                Unit::Percent => "%",
                _ => "",
            };
            view! {
                <TextField id=id label=label hint=hint value=state.text(f) on_input=state.setter(f)
                    error=state.error(f) prefix=prefix suffix=suffix />
            }
        };
    let curve = Memo::new(move |_| draft.with(|d| d.curve));
    // One sales model: say which Delayed-income stream sells on this plan, and from when.
    let scenario = expect_context::<crate::ui::context::ScenarioState>().0;
    let on_the_timeline = move || {
        scenario.with(|s| {
            let follower = s.delayed.follower().and_then(|id| s.delayed.stream(id));
            match follower {
                Some(stream) => format!(
                    "Delayed income's stream \"{}\" sells on this plan from its launch in month {}: the same curve, net, build and upkeep.",
                    stream.name,
                    stream.text(crate::scenario::delayed::Part::Value, "launch_month")
                ),
                None => "No Delayed-income stream sells on this plan; a product stream can, with \"Sell on Break-even's plan\".".into(),
            }
        })
    };
    let use_pricing = Memo::new(move |_| draft.with(|d| d.product.is_some()));

    view! {
            <form class="calculator-form" on:submit=|ev| ev.prevent_default() aria-label="Break-even inputs">
                <details class="group-fold" class:folds=folded("upfront") open=!folded("upfront")>
    <summary>"Upfront"</summary>
                    <fieldset class="group">
                        <legend>"Upfront"</legend>
                        {field(F::BuildHours, "build-hours", "Build hours", "Hours to build it before the first sale.", Unit::Plain)}
                        {field(F::HourlyValue, "hourly-value", "Value of one hour", "What an hour of your time earns elsewhere, like your freelance rate.", Unit::Money)}
                        {field(F::UpfrontCash, "upfront-cash", "Upfront cash", "Courses, design, equipment: money spent before launch.", Unit::Money)}
                        <div class="field checkbox">
                            <input type="checkbox" id="count-time" data-lockable="" disabled=crate::ui::context::is_locked("count-time")
                                prop:checked=move || draft.with(|d| d.count_time)
                                on:change=move |ev| { let on = event_target_checked(&ev); state.update(|d| d.count_time = on); } />
                            <label for="count-time">"Count my time as a cost"</label>
                            <p class="hint">"On: build and upkeep hours are priced at your hourly value. Both views are always shown."</p>
                        </div>
                    </fieldset>
                </details>

                <details class="group-fold" class:folds=folded("monthly") open=!folded("monthly")>
    <summary>"Every month"</summary>
                    <fieldset class="group">
                        <legend>"Every month"</legend>
                        <CostLines />
                        {field(F::UpkeepHours, "upkeep-hours", "Upkeep hours per month", "Monitoring, updating prompts, answering customers.", Unit::Plain)}
                    </fieldset>
                </details>

                // The rest of the form in a task of its own (before the results): a shorter
                // start-up task on a phone.
                <crate::ui::layout::AfterFirstBuild>
                <details class="group-fold" class:folds=folded("per-sale") open=!folded("per-sale")>
    <summary>"Per sale"</summary>
                    <fieldset class="group">
                        <legend>"Per sale"</legend>
                        <crate::ui::product_picker::ProductPicker id="use-pricing-net" per="sale" fits=|_| true
                            chosen=Signal::derive(move || draft.with(|d| d.product))
                            on_choose=Callback::new(move |p| state.update(|d| d.product = p)) />
                        <Show when=move || !use_pricing.get()>
                            {field(F::NetOverride, "net-per-sale", "Net per sale", "What one sale leaves after platform and payment fees.", Unit::Money)}
                        </Show>
                        {field(F::VariableCost, "variable-cost", "Variable cost per sale", "AI API calls per customer, delivery, support time bought in.", Unit::Money)}
                    </fieldset>
                </details>

                <details class="group-fold" class:folds=folded("sales") open=!folded("sales")>
    <summary>"Sales per month"</summary>
                    <fieldset class="group">
                        <legend>"Sales per month"</legend>
                        <p class="hint" data-testid="on-the-timeline">{on_the_timeline}</p>
                        <div class="field">
                            <span class="label" id="curve-label">"Shape"</span>
                            <div class="segmented" role="radiogroup" aria-labelledby="curve-label" id="curve" data-lockable="">
                                {[(CurveKind::Launch, "Launch, then baseline"), (CurveKind::Constant, "Constant"), (CurveKind::Growth, "Growing")]
                                    .into_iter().map(|(kind, name)| view! {
                                        <label>
                                            <input type="radio" name="curve" disabled=crate::ui::context::is_locked("curve") prop:checked=move || curve.get() == kind
                                                on:change=move |_| state.update(|d| d.curve = kind) />
                                            {name}
                                        </label>
                                    }).collect_view()}
                            </div>
                        </div>
                        {move || match curve.get() {
                            CurveKind::Constant => field(F::PerMonth, "per-month", "Sales per month", "The same every month; an average like 3.5 is fine.", Unit::Plain).into_any(),
                            CurveKind::Growth => view! {
                                {field(F::Start, "start", "Sales in month 1", "Where sales start.", Unit::Plain)}
                                {field(F::Growth, "growth", "Monthly growth", "How much sales grow each month.", Unit::Percent)}
                                {field(F::Ceiling, "ceiling", "Ceiling", "The most sales a month it can reach.", Unit::Plain)}
                            }.into_any(),
                            CurveKind::Launch => view! {
                                {field(F::Launch, "launch", "Launch-month sales", "Sales in the first month, with the launch push.", Unit::Plain)}
                                {field(F::Baseline, "baseline", "Baseline sales per month", "Where sales settle without promotion.", Unit::Plain)}
                                {field(F::HalfLife, "half-life", "Half-life", "Months for the launch bump to halve (1-2 is typical).", Unit::Plain)}
                            }.into_any(),
                        }}
                        {field(F::Horizon, "horizon", "Horizon", "Months to look ahead, 1 to 120.", Unit::Plain)}
                        {field(F::FixedMonths, "fixed-months", "Months of fixed costs to cover", "Break-even sales also cover this many months of monthly costs.", Unit::Plain)}
                    </fieldset>
                </details>
                </crate::ui::layout::AfterFirstBuild>
            </form>
        }
}

/// The named monthly cost lines: add, rename, remove, with suggestions one click away.
#[component]
fn CostLines() -> impl IntoView {
    let state = expect_context::<BreakEvenState>();
    let draft = state.draft;
    let count = Memo::new(move |_| draft.with(|d| d.costs.len()));
    let symbol = Signal::derive(move || state.currency.get().symbol().to_string());
    let at_most = Memo::new(move |_| count.get() >= MAX_COST_LINES);
    let no_room = Memo::new(move |_| !LinkRoom::holds(Addition::CostLine));
    let full = Memo::new(move |_| at_most.get() || no_room.get());
    let add = move |name: String, amount: String| {
        LinkRoom::grow(move |s| s.break_even.add_cost(name, amount));
    };
    let has = move |name: &str| draft.with(|d| d.costs.iter().any(|c| c.name == name));

    view! {
        <div class="layers">
            <h2 class="form-subhead">"Monthly costs"</h2>
            <Show when=move || count.get() == 0>
                <p class="hint">"No monthly costs yet. Hosting, AI subscriptions and tools add up: add them below."</p>
            </Show>
            <For each=move || 0..count.get() key=|i| *i let:i>
                {
                    let name = Signal::derive(move || draft.with(|d| d.costs.get(i).map(|c| c.name.clone()).unwrap_or_default()));
                    let detail = Signal::derive(move || format!(" ({})", name.get()));
                    view! {
                        <div class="cost-line">
                            <div class="field">
                                <label for=format!("cost-{i}-name")>{format!("Cost {} name", i + 1)}</label>
                                <input id=format!("cost-{i}-name") type="text" autocomplete="off" class="text-input"
                                    maxlength=move || crate::ui::context::LinkRoom::name_maxlength(MAX_TEXT_CHARS)
                                    prop:value=move || name.get()
                                    on:input=move |ev| {
                                        let text = crate::ui::fields::capped(event_target_value(&ev), MAX_TEXT_CHARS);
                                        state.update(|d| if let Some(c) = d.costs.get_mut(i) { c.name = text; });
                                    } />
                            </div>
                            <TextField id=format!("cost-{i}-amount") label="Per month" label_detail=detail
                                value=state.text(F::CostAmount(i)) on_input=state.setter(F::CostAmount(i))
                                error=state.error(F::CostAmount(i)) prefix=symbol />
                            <button type="button" class="icon-button"
                                aria-label=move || format!("Remove monthly cost {}", name.get())
                                on:click=move |_| state.update(|d| { if i < d.costs.len() { d.costs.remove(i); } })>
                                "Remove"
                            </button>
                        </div>
                    }
                }
            </For>
            <div class="layer-actions">
                {SUGGESTED_COSTS.into_iter().map(|(name, usd_cents)| view! {
                    <Show when=move || !has(name)>
                        <button type="button" class="secondary" disabled=full on:click=move |_| {
                            let c = state.currency.get_untracked();
                            add(name.to_string(), crate::engine::fields::money_text(c.from_usd_cents(usd_cents), c));
                        }>{format!("+ {name}")}</button>
                    </Show>
                }).collect_view()}
                {move || state.pricing_plan_fees.get().filter(|_| !has("Platform plan")).map(|fees| {
                    let c = state.currency.get();
                    view! {
                        <button type="button" class="secondary" disabled=full on:click=move |_| add("Platform plan".into(), crate::engine::fields::money_text(fees, c))>
                            {format!("+ Platform plan ({} from Pricing)", Money::new(fees, c))}
                        </button>
                    }
                })}
                <button type="button" class="secondary" disabled=full on:click=move |_| add("Other cost".into(), "0".into())>"Add a cost line"</button>
            </div>
            <Show when=move || at_most.get()>
                <p class="hint" role="status">{format!("A plan holds up to {MAX_COST_LINES} monthly cost lines: remove one to add another.")}</p>
            </Show>
            <Show when=move || no_room.get() && !at_most.get()>
                <p class="hint" role="status">{LinkRoom::full_sentence("cost line")}</p>
            </Show>
        </div>
    }
}
