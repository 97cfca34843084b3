//! Where a calculator takes its net from: one of the plan's products (priced on Pricing), or
//! a figure of the user's own.

use crate::engine::money::Money;
use crate::ui::context::ScenarioState;
use leptos::prelude::*;

/// The option value of "a figure of my own".
const OWN: &str = "own";

/// A labelled choice of the plan's products (those `fits` keeps), with a sentence saying what
/// the chosen one nets.
#[component]
pub fn ProductPicker(
    /// Element id (kept from the checkbox it replaced, so embed locks keep holding).
    #[prop(into)]
    id: String,
    /// What the net is per: "sale", or "member a month".
    per: &'static str,
    /// Which products can be picked (by whether they are subscriptions).
    fits: fn(bool) -> bool,
    #[prop(into)] chosen: Signal<Option<u32>>,
    #[prop(into)] on_choose: Callback<Option<u32>>,
) -> impl IntoView {
    let scenario = expect_context::<ScenarioState>().0;
    let locked = crate::ui::context::is_locked(&id);
    let options = Memo::new(move |_| {
        scenario.with(|s| {
            s.products
                .iter()
                .filter(|p| fits(p.subscription))
                .map(|p| {
                    (
                        p.id,
                        s.product_label(p.id),
                        s.net_per_sale_after_refunds(p.id),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let currency = Memo::new(move |_| scenario.with(|s| s.currency()));
    let hint = move || {
        let Some(chosen) = chosen.get() else {
            return format!("Type the net per {per} below.");
        };
        options.with(|o| match o.iter().find(|(id, _, _)| *id == chosen) {
            Some((_, name, Some(net))) => format!(
                "{name} nets {} per {per} after fees and refunds (from Pricing).",
                Money::new(*net, currency.get())
            ),
            Some((_, name, None)) => format!("{name} has a field to fix on Pricing."),
            None => "That product is no longer in the plan.".into(),
        })
    };
    let hint_id = format!("{id}-hint");
    let value = move || chosen.get().map_or(OWN.to_string(), |p| p.to_string());
    view! {
        <div class="field">
            <label for=id.clone()>{format!("Net per {per} from")}</label>
            <select id=id.clone() data-lockable="" disabled=locked aria-describedby=hint_id.clone()
                prop:value=value
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    on_choose.run(v.parse::<u32>().ok());
                }>
                {move || options.get().into_iter().map(|(id, name, _)| {
                    view! { <option value=id.to_string() selected=move || chosen.get() == Some(id)>{name}</option> }
                }).collect_view()}
                <option value=OWN selected=move || chosen.get().is_none()>"A figure of my own"</option>
            </select>
            <p class="hint" id=hint_id>{hint}</p>
        </div>
    }
}
