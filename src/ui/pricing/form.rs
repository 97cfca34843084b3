//! The Pricing form: product, platform and fees, adjustments, volume and targets.

use super::layers::FeeLayers;
use super::PricingState;
use crate::engine::money::Currency;
use crate::engine::presets::{oldest_as_of, preset, OtherReading, Preset, PRESETS};
use crate::scenario::pricing::{preset_layers, reading_layers};
use crate::scenario::PricingField;
use crate::ui::fold::folded;
use crate::ui::TextField;
use leptos::prelude::*;

#[component]
pub fn PricingForm() -> impl IntoView {
    let state = expect_context::<PricingState>();
    let draft = state.draft;
    let symbol = Signal::derive(move || draft.with(|d| d.currency.symbol().to_string()));
    let subscription = Memo::new(move |_| draft.with(|d| d.subscription));
    let field = move |f: PricingField,
                      id: &'static str,
                      label: &'static str,
                      hint: &'static str,
                      money: bool| {
        let prefix = if money {
            symbol
        } else {
            Signal::derive(String::new)
        };
        let suffix = if money { "" } else { "%" };
        view! {
            <TextField id=id label=label hint=hint value=state.text(f) on_input=state.setter(f)
                error=state.error(f) prefix=prefix suffix=suffix />
        }
    };

    view! {
            <form class="calculator-form" on:submit=|ev| ev.prevent_default() aria-label="Pricing inputs">
                <super::products::ProductBar />
                <details class="group-fold" class:folds=folded("product") open=!folded("product")>
    <summary>"This product"</summary>
                    <fieldset class="group">
                        <legend>"This product"</legend>
                        // The price first: the figure every result starts from.
                        {move || if subscription.get() {
                            field(PricingField::Price, "price", "Monthly price", "What a subscriber pays each month, before any discount.", true).into_any()
                        } else {
                            field(PricingField::Price, "price", "Price", "What the buyer pays, before any discount.", true).into_any()
                        }}
                        <div class="field">
                            <span class="label" id="kind-label">"Product type"</span>
                            <div class="segmented" role="radiogroup" aria-labelledby="kind-label" id="kind" data-lockable="">
                                <label>
                                    <input type="radio" name="kind" value="one-time" disabled=crate::ui::context::is_locked("kind")
                                        prop:checked=move || !subscription.get()
                                        on:change=move |_| state.set_subscription(false) />
                                    "One-time sale"
                                </label>
                                <label>
                                    <input type="radio" name="kind" value="subscription" disabled=crate::ui::context::is_locked("kind")
                                        prop:checked=move || subscription.get()
                                        on:change=move |_| state.set_subscription(true) />
                                    "Subscription"
                                </label>
                            </div>
                        </div>
                        <div class="field">
                            <label for="currency">"Currency"</label>
                            <select id="currency" data-lockable="" disabled=crate::ui::context::is_locked("currency") on:change=move |ev| {
                                if let Some(c) = Currency::from_code(&event_target_value(&ev)) {
                                    state.scenario.update(|s| s.set_currency(c));
                                }
                            }>
                                {Currency::ALL.into_iter().map(|c| view! {
                                    <option value=c.code() selected=move || draft.with(|d| d.currency == c)>
                                        {format!("{} ({})", c.code(), c.name())}
                                    </option>
                                }).collect_view()}
                            </select>
                        </div>
                    </fieldset>
                </details>

                <details class="group-fold" class:folds=folded("fees") open=!folded("fees")>
    <summary>"Platform and fees"</summary>
                    <fieldset class="group">
                        <legend>"Platform and fees"</legend>
                        <PlatformPicker />
                        <FeeLayers />
                    </fieldset>
                </details>

                // The rest of the form in a task of its own (after the price and the platform,
                // before the results): a shorter start-up task on a phone.
                <crate::ui::layout::AfterFirstBuild>
                <details class="group-fold" class:folds=folded("adjustments") open=!folded("adjustments")>
    <summary>"Adjustments"</summary>
                    <fieldset class="group">
                        <legend>"Adjustments"</legend>
                        {field(PricingField::Discount, "discount", "Discount", "Coupon or sale price, off the list price.", false)}
                        {field(PricingField::Affiliate, "affiliate", "Affiliate share", "Share of each sale paid to affiliates.", false)}
                        {field(PricingField::Refund, "refund", "Refund rate", "Share of sales refunded; fees are usually not returned.", false)}
                        {field(PricingField::Tax, "tax", "Tax set-aside", "Share of monthly profit kept for income tax.", false)}
                    </fieldset>
                </details>

                <details class="group-fold" class:folds=folded("volume") open=!folded("volume")>
    <summary>"Volume and targets"</summary>
                    <fieldset class="group">
                        <legend>"Volume and targets"</legend>
                        {move || if subscription.get() {
                            view! {
                                <TextField id="volume" label="New subscribers per month" hint="An average is fine, like 3.5."
                                    value=state.text(PricingField::Volume) on_input=state.setter(PricingField::Volume)
                                    error=state.error(PricingField::Volume) />
                                {field(PricingField::Churn, "churn", "Churn per month", "Share of subscribers who cancel each month (small products: 3-7 %).", false)}
                            }.into_any()
                        } else {
                            view! {
                                <TextField id="volume" label="Sales per month" hint="An average is fine, like 3.5."
                                    value=state.text(PricingField::Volume) on_input=state.setter(PricingField::Volume)
                                    error=state.error(PricingField::Volume) />
                            }.into_any()
                        }}
                        {field(PricingField::TargetPerSale, "target-sale", "Target net per sale", "What you want to keep from each sale.", true)}
                        {field(PricingField::TargetPerMonth, "target-month", "Target net per month", "What you want to keep each month, after tax set-aside.", true)}
                    </fieldset>
                </details>
                </crate::ui::layout::AfterFirstBuild>
            </form>
        }
}

/// The platform preset picker, with the chosen preset's formula, date and source.
#[component]
fn PlatformPicker() -> impl IntoView {
    let state = expect_context::<PricingState>();
    let draft = state.draft;
    let chosen = Memo::new(move |_| draft.with(|d| preset(&d.platform)));
    // A platform picked over edited fee layers, waiting for the user to say replace or keep.
    let asking: RwSignal<Option<String>> = RwSignal::new(None);
    let currency = Memo::new(move |_| draft.with(|d| d.currency));
    view! {
        <div class="field">
            <label for="platform">"Platform"</label>
            <p class="hint" id="platform-hint">"Picking a platform fills in its published fees; every fee stays editable."</p>
            <select id="platform" aria-describedby="platform-hint" data-lockable="" disabled=crate::ui::context::is_locked("platform")
                prop:value=move || {
                    // Read again while asking, so the list shows the platform still in use.
                    asking.track();
                    draft.with(|d| if preset(&d.platform).is_some() { d.platform.clone() } else { "custom".into() })
                }
                on:change=move |ev| {
                let id = event_target_value(&ev);
                // Fee layers of the user's own are not replaced without asking.
                let edited = draft.with_untracked(|d| !d.layers.is_empty() && !d.layers_unedited());
                if edited && preset(&id).is_some() {
                    asking.set(Some(id));
                } else {
                    state.update(|d| d.choose_platform(&id));
                }
            }>
                {PRESETS.iter().map(|p| view! {
                    <option value=p.id selected=move || draft.with(|d| d.platform == p.id)>{p.name}</option>
                }).collect_view()}
                <option value="custom" selected=move || draft.with(|d| preset(&d.platform).is_none())>"Custom fees"</option>
            </select>
        </div>
        {move || asking.get().and_then(|id| preset(&id)).map(|p| {
            let keep = NodeRef::new();
            crate::ui::fields::focus_when_shown(keep);
            view! {
            <div class="notice" role="alertdialog" aria-label="Replace your fee layers?">
                <p>{format!("Your fee layers are edited. Replace them with {}'s published fees?", p.name)}</p>
                <div class="button-row">
                    <button type="button" class="secondary" on:click=move |_| {
                        state.update(|d| d.choose_platform(p.id));
                        asking.set(None);
                    }>{format!("Replace with {}", p.name)}</button>
                    <button type="button" class="secondary" node_ref=keep on:click=move |_| asking.set(None)>"Keep my layers"</button>
                </div>
            </div>
        }})}
        {move || chosen.get().map(|p| view! {
            <div class="preset-info">
                <p class="formula">{p.formula}</p>
                <p class="meta">
                    {format!("As of {} · ", p.as_of)}
                    <a href=p.source target="_blank" rel="noopener noreferrer">"Source"</a>
                    {(p.as_of == oldest_as_of()).then_some(" · The oldest fee date on this list: check the source before relying on it.")}
                    {(p.merchant_of_record && p.other_reading.is_none()).then_some(" · Payment processing is included in its fee.")}
                </p>
                <p class="meta seller">{p.seller.sentence()}</p>
                {(!p.note.is_empty()).then(|| view! { <p class="meta">{p.note}</p> })}
                {p.other_reading.map(|reading| view! { <OtherReadingChoice preset=p reading=reading /> })}
                {(currency.get() != Currency::Usd).then(|| view! {
                    <p class="meta">"Fixed fees are the platform's US fees converted at an approximate rate: check your local price list."</p>
                })}
            </div>
        })}
    }
}

/// Where sources disagree on a fee: both readings' net per sale, and one click to switch.
#[component]
fn OtherReadingChoice(preset: &'static Preset, reading: OtherReading) -> impl IntoView {
    let state = expect_context::<PricingState>();
    let draft = state.draft;
    let currency = Memo::new(move |_| draft.with(|d| d.currency));
    let published = Memo::new(move |_| preset_layers(Some(preset), currency.get()));
    let other = Memo::new(move |_| reading_layers(&reading, currency.get()));
    let on_other = Memo::new(move |_| draft.with(|d| d.layers_match_other_reading()));
    let on_published = Memo::new(move |_| draft.with(|d| d.layers_match_preset()));
    // Net per sale (before refunds) under each reading, at the form's price and discount.
    let nets = Memo::new(move |_| {
        use crate::engine::compare::outcome_for_layers;
        let inputs = state.inputs.get().ok()?;
        let c = inputs.currency;
        let (published, _) = outcome_for_layers(&inputs, &preset.fee_layers(c));
        let (other, _) = outcome_for_layers(&inputs, &reading.fee_layers(c));
        Some((published, other))
    });
    let money =
        move |cents: i64| crate::engine::money::Money::new(cents, currency.get()).to_string();
    let asking = RwSignal::new(None::<bool>);
    let apply = move |to_other: bool| {
        let layers = if to_other {
            other.get_untracked()
        } else {
            published.get_untracked()
        };
        state.update(|d| d.layers = layers);
    };
    let choose = move |to_other: bool| {
        if on_published.get_untracked() || on_other.get_untracked() {
            apply(to_other);
        } else {
            asking.set(Some(to_other));
        }
    };
    view! {
        <div class="other-reading" role="group" aria-labelledby="other-reading-title">
            <p class="meta" id="other-reading-title"><strong>"Sources disagree on this fee. "</strong>{reading.why}</p>
            {move || nets.get().map(|(a, b)| view! {
                <p class="meta" data-testid="both-nets">{format!(
                    "Net per sale before refunds, as published: {}; {}: {}.", money(a), reading.label, money(b)
                )}</p>
            })}
            <div class="button-row">
                <button type="button" class="secondary" aria-pressed=move || on_published.get().to_string()
                    on:click=move |_| choose(false)>
                    "As published"
                </button>
                <button type="button" class="secondary" aria-pressed=move || on_other.get().to_string()
                    on:click=move |_| choose(true)>
                    {reading.button}
                </button>
            </div>
            // Layers edited by hand are not replaced without asking, as with the platform picker.
            {move || asking.get().map(|to_other| {
                let keep = NodeRef::new();
                crate::ui::fields::focus_when_shown(keep);
                view! {
                <div class="notice" role="alertdialog" aria-label="Replace your fee layers?">
                    <p>{format!("Your fee layers are edited. Replace them with {}'s fees {}?", preset.name, if to_other { reading.label } else { "as published" })}</p>
                    <div class="button-row">
                        <button type="button" class="secondary" on:click=move |_| { apply(to_other); asking.set(None); }>"Replace my layers"</button>
                        <button type="button" class="secondary" node_ref=keep on:click=move |_| asking.set(None)>"Keep my layers"</button>
                    </div>
                </div>
            }})}
        </div>
    }
}
