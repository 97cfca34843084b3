//! The plan's products on Pricing: pick the one to edit, name it, add one, remove one (with
//! Undo while nothing else has changed).

use super::PricingState;
use crate::scenario::pricing::MAX_PRODUCT_NAME;
use crate::scenario::MAX_PRODUCTS;
use crate::ui::context::RemovedProductState;
use leptos::prelude::*;

#[component]
pub fn ProductBar() -> impl IntoView {
    let state = expect_context::<PricingState>();
    let scenario = state.scenario;
    let products = Memo::new(move |_| {
        scenario.with(|s| {
            s.products
                .iter()
                .map(|p| (p.id, p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let open = Memo::new(move |_| scenario.with(|s| s.opened_product().map(|p| p.id)));
    let name = Memo::new(move |_| state.draft.with(|d| d.name.clone()));
    let count = Memo::new(move |_| products.with(Vec::len));
    let full = Memo::new(move |_| count.get() >= MAX_PRODUCTS);
    let only_one = Memo::new(move |_| count.get() <= 1);
    // The removal and the plan right after it: Undo is offered while the plan is unchanged.
    let removed = use_context::<RemovedProductState>().unwrap_or_default().0;
    let undo_offered = Memo::new(move |_| {
        removed.with(|r| {
            r.as_ref()
                .is_some_and(|(_, after)| scenario.with(|s| s == after))
        })
    });
    let remove = move |_| {
        let Some(id) = open.get_untracked() else {
            return;
        };
        let mut after = scenario.get_untracked();
        if let Some(gone) = after.remove_product(id) {
            scenario.set(after.clone());
            removed.set(Some((gone, after)));
        }
    };
    let undo = move |_| {
        if let Some((gone, _)) = removed.get_untracked() {
            scenario.set(*gone.before);
            removed.set(None);
        }
    };
    view! {
        <fieldset class="group products">
            <legend>"Products in this plan"</legend>
            <div class="field">
                <label for="product">"Product"</label>
                <select id="product" aria-describedby="product-hint"
                    prop:value=move || open.get().map(|id| id.to_string()).unwrap_or_default()
                    on:change=move |ev| {
                        if let Ok(id) = event_target_value(&ev).parse::<u32>() {
                            scenario.update(|s| s.open_product = id);
                        }
                    }>
                    {move || products.get().into_iter().map(|(id, name)| view! {
                        <option value=id.to_string() selected=move || open.get() == Some(id)>{name}</option>
                    }).collect_view()}
                </select>
                <p class="hint" id="product-hint">"Break-even and the Delayed-income streams take their net from a product, picked by name."</p>
            </div>
            <div class="field">
                <label for="product-name">"Product name"</label>
                <input id="product-name" class="text-input" type="text" autocomplete="off"
                    maxlength=MAX_PRODUCT_NAME.to_string()
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        let text: String = event_target_value(&ev).chars().take(MAX_PRODUCT_NAME).collect();
                        state.update(|d| d.name = text);
                    } />
            </div>
            <div class="button-row">
                <button type="button" class="secondary" disabled=full
                    on:click=move |_| scenario.update(|s| { let _ = s.add_product(false); })>"Add a one-time product"</button>
                <button type="button" class="secondary" disabled=full
                    on:click=move |_| scenario.update(|s| { let _ = s.add_product(true); })>"Add a subscription"</button>
                <button type="button" class="secondary" disabled=only_one
                    aria-label=move || format!("Remove {}", name.get())
                    on:click=remove>"Remove this product"</button>
            </div>
            <p class="hint" role="status">{move || {
                if full.get() {
                    format!("A plan holds up to {MAX_PRODUCTS} products.")
                } else {
                    String::new()
                }
            }}</p>
            <Show when=move || undo_offered.get()>
                <p class="notice" role="status">
                    {move || removed.with(|r| r.as_ref().map(|(g, _)| format!("Removed {}. ", g.name)).unwrap_or_default())}
                    <button type="button" class="secondary" on:click=undo>"Undo"</button>
                </p>
            </Show>
        </fieldset>
    }
}
