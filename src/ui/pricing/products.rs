//! The plan's products on Pricing: pick the one to edit, name it, add one, remove one (with
//! Undo while nothing else has changed).

use super::PricingState;
use crate::scenario::link::Addition;
use crate::scenario::pricing::MAX_PRODUCT_NAME;
use crate::scenario::MAX_PRODUCTS;
use crate::ui::context::LinkRoom;
use crate::ui::context::ProductUndo;
use crate::ui::fold::folded;
use leptos::prelude::*;

/// What a product's name is for, said once under the picker or, with one product, its name.
const PICKED_BY_NAME: &str =
    "Break-even and the Delayed-income streams take their net from a product, picked by name.";

#[component]
pub fn ProductBar() -> impl IntoView {
    let state = expect_context::<PricingState>();
    let scenario = state.scenario;
    let products = Memo::new(move |_| {
        scenario.with(|s| {
            s.products
                .iter()
                .map(|p| (p.id, s.product_label(p.id)))
                .collect::<Vec<_>>()
        })
    });
    let open = Memo::new(move |_| scenario.with(|s| s.opened_product().map(|p| p.id)));
    let name = Memo::new(move |_| state.draft.with(|d| d.name.clone()));
    let label = Memo::new(move |_| {
        let id = open.get();
        scenario.with(|s| id.map(|id| s.product_label(id)).unwrap_or_default())
    });
    // An embed whose author locked inputs shows the author's products as they are: adding one
    // would be a way round the locks.
    let in_locked_embed =
        use_context::<crate::ui::context::LockedFields>().is_some_and(|l| !l.0.is_empty());
    let count = Memo::new(move |_| products.with(Vec::len));
    let at_most = Memo::new(move |_| count.get() >= MAX_PRODUCTS);
    let no_room = Memo::new(move |_| {
        !LinkRoom::holds(Addition::Product {
            subscription: false,
        }) || !LinkRoom::holds(Addition::Product { subscription: true })
    });
    let full = Memo::new(move |_| at_most.get() || no_room.get());
    let only_one = Memo::new(move |_| count.get() <= 1);
    // The removal and the plan right after it: Undo is offered while the plan is unchanged.
    let removed = state.undo;
    let undo_offered = Memo::new(move |_| {
        removed.with(|r| {
            r.as_ref()
                .is_some_and(|u| scenario.with(|s| u.still_applies(s)))
        })
    });
    let remove = move |_| {
        let Some(id) = open.get_untracked() else {
            return;
        };
        let mut after = scenario.get_untracked();
        if let Some(gone) = after.remove_product(id) {
            let sentence = format!("Removed {}.", gone.name);
            removed.set(Some(ProductUndo::new(sentence, gone, &after)));
            scenario.set(after);
        }
    };
    let undo = move |_| {
        if let Some(change) = removed.get_untracked() {
            scenario.set(change.before);
            removed.set(None);
        }
    };
    view! {
            <details class="group-fold" class:folds=folded("products") open=!folded("products")>
    <summary>"Products in this plan"</summary>
                <fieldset class="group products">
                    <legend>"Products in this plan"</legend>
                    // One product needs no picker: its name field is the first thing to see.
                    <Show when=move || products.with(|p| p.len() > 1)>
                    <div class="field">
                        <label for="product">"Product"</label>
                        <select id="product" aria-describedby="product-hint" data-lockable=""
                            disabled=crate::ui::context::is_locked("product")
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
                        <p class="hint" id="product-hint">{PICKED_BY_NAME}</p>
                    </div>
                    </Show>
                    <div class="field">
                        <label for="product-name">"Product name"</label>
                        <input id="product-name" class="text-input" type="text" autocomplete="off"
                            aria-describedby="product-name-hint" readonly=in_locked_embed
                            maxlength=move || crate::ui::context::LinkRoom::name_maxlength(MAX_PRODUCT_NAME)
                            prop:value=move || name.get()
                            on:input=move |ev| {
                                let text = crate::ui::fields::capped(event_target_value(&ev), MAX_PRODUCT_NAME);
                                state.update(|d| d.name = text);
                            } />
                        <p class="hint" id="product-name-hint">{move || {
                            if name.with(|n| n.trim().is_empty()) {
                                "Give it a name: the other pages pick products by name.".to_string()
                            } else if label.get() != name.with(|n| n.trim().to_string()) {
                                "Another product has this name: the other pages show its place in the list too.".to_string()
                            } else if products.with(|p| p.len() == 1) {
                                PICKED_BY_NAME.to_string()
                            } else {
                                String::new()
                            }
                        }}</p>
                    </div>
                    <Show when=move || !in_locked_embed>
                    <div class="button-row">
                        <button type="button" class="secondary" disabled=full
                            on:click=move |_| LinkRoom::grow(|s| s.add_product(false).is_some())>"Add a one-time product"</button>
                        <button type="button" class="secondary" disabled=full
                            on:click=move |_| LinkRoom::grow(|s| s.add_product(true).is_some())>"Add a subscription"</button>
                        <button type="button" class="secondary" disabled=only_one
                            aria-label=move || format!("Remove this product ({})", label.get())
                            on:click=remove>"Remove this product"</button>
                    </div>
                    </Show>
                    <p class="hint" role="status">{move || {
                        if at_most.get() {
                            format!("A plan holds up to {MAX_PRODUCTS} products.")
                        } else if no_room.get() {
                            LinkRoom::full_sentence("product")
                        } else {
                            String::new()
                        }
                    }}</p>
                    <Show when=move || undo_offered.get()>
                        <p class="notice" role="status">
                            {move || removed.with(|r| r.as_ref().map(|u| format!("{} ", u.sentence)).unwrap_or_default())}
                            <button type="button" class="secondary" on:click=undo>"Undo"</button>
                        </p>
                    </Show>
                </fieldset>
            </details>
        }
}
