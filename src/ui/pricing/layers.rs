//! The editable fee layers: rename, change, remove, add a processor or a custom layer.

use super::PricingState;
use crate::engine::presets::{preset, PROCESSORS};
use crate::scenario::link::{add, Addition};
use crate::scenario::pricing::{preset_layers, MAX_LAYERS};
use crate::scenario::PricingField;
use crate::ui::context::LinkRoom;
use crate::ui::TextField;
use leptos::prelude::*;

#[component]
pub fn FeeLayers() -> impl IntoView {
    let state = expect_context::<PricingState>();
    let draft = state.draft;
    let count = Memo::new(move |_| draft.with(|d| d.layers.len()));
    let at_most = Memo::new(move |_| count.get() >= MAX_LAYERS);
    let no_room = Memo::new(move |_| !LinkRoom::holds(Addition::FeeLayer));
    let full = Memo::new(move |_| at_most.get() || no_room.get());
    let symbol = Signal::derive(move || draft.with(|d| d.currency.symbol().to_string()));
    let chosen = Memo::new(move |_| draft.with(|d| preset(&d.platform)));
    let edited = Memo::new(move |_| draft.with(|d| chosen.get().is_some() && !d.layers_unedited()));
    let can_stack = Memo::new(move |_| chosen.get().map(|p| !p.merchant_of_record).unwrap_or(true));

    view! {
        <div class="layers">
            <div class="layers-head">
                <h2 id="layers-title" class="form-subhead">"Fee layers"</h2>
                <Show when=move || edited.get()>
                    <span class="badge">"edited"</span>
                    <button type="button" class="link-button" on:click=move |_| {
                        state.update(|d| {
                            let p = preset(&d.platform);
                            d.layers = preset_layers(p, d.currency);
                        })
                    }>{move || format!("Reset to {} fees", chosen.get().map(|p| p.name).unwrap_or(""))}</button>
                </Show>
            </div>
            <Show when=move || count.get() == 0>
                <p class="hint">"No fees: every sale keeps its full price. Add a layer below if your platform or processor takes a cut."</p>
            </Show>
            <For each=move || 0..count.get() key=|i| *i let:i>
                {
                    let detail = Signal::derive(move || {
                        let name = draft.with(|d| d.layers.get(i).map(|l| l.name.clone()).unwrap_or_default());
                        format!(" (layer {}: {})", i + 1, name)
                    });
                    view! {
                <fieldset class="layer">
                    <legend class="visually-hidden">{move || format!("Fee layer {}", i + 1)}</legend>
                    <div class="layer-name">
                        <label for=format!("layer-{i}-name")>{format!("Layer {} name", i + 1)}</label>
                        <input id=format!("layer-{i}-name") type="text" autocomplete="off"
                            maxlength=move || crate::ui::context::LinkRoom::name_maxlength(crate::scenario::codec::MAX_TEXT_CHARS)
                            prop:value=move || draft.with(|d| d.layers.get(i).map(|l| l.name.clone()).unwrap_or_default())
                            on:input=move |ev| {
                                let name = crate::ui::fields::capped(event_target_value(&ev), crate::scenario::codec::MAX_TEXT_CHARS);
                                state.update(|d| if let Some(l) = d.layers.get_mut(i) { l.name = name; });
                            } />
                        <Show when=move || draft.with(|d| d.layers.get(i).is_some_and(|l| l.subscriptions_only))>
                            <span class="badge">"subscriptions only"</span>
                        </Show>
                        <button type="button" class="icon-button"
                            aria-label=move || format!("Remove fee layer {}", draft.with(|d| d.layers.get(i).map(|l| l.name.clone()).unwrap_or_default()))
                            on:click=move |_| state.update(|d| { if i < d.layers.len() { d.layers.remove(i); } })>
                            "Remove"
                        </button>
                    </div>
                    <div class="layer-fields">
                        <TextField id=format!("layer-{i}-percent") label="Percent per sale"
                            value=state.text(PricingField::LayerPercent(i)) on_input=state.setter(PricingField::LayerPercent(i))
                            error=state.error(PricingField::LayerPercent(i)) suffix="%" label_detail=detail />
                        <TextField id=format!("layer-{i}-fixed") label="Fixed per sale"
                            value=state.text(PricingField::LayerFixed(i)) on_input=state.setter(PricingField::LayerFixed(i))
                            error=state.error(PricingField::LayerFixed(i)) prefix=symbol label_detail=detail />
                        <TextField id=format!("layer-{i}-monthly") label="Monthly plan"
                            value=state.text(PricingField::LayerMonthly(i)) on_input=state.setter(PricingField::LayerMonthly(i))
                            error=state.error(PricingField::LayerMonthly(i)) prefix=symbol label_detail=detail />
                    </div>
                </fieldset>
                    }
                }
            </For>
            <div class="layer-actions">
                <Show when=move || can_stack.get()>
                    {PROCESSORS.iter().map(|p| view! {
                        <button type="button" class="secondary" disabled=move || full.get()
                            on:click=move |_| LinkRoom::grow(|s| s.opened_product_mut().is_some_and(|d| {
                                let extra = preset_layers(Some(p), d.currency);
                                d.add_layers(extra)
                            }))>{format!("Add {} processing", p.name)}</button>
                    }).collect_view()}
                </Show>
                <button type="button" class="secondary" disabled=full on:click=move |_| LinkRoom::grow(|s| add(s, Addition::FeeLayer))>"Add a fee layer"</button>
            </div>
            <Show when=move || at_most.get()>
                <p class="hint" role="status">{format!("A product holds up to {MAX_LAYERS} fee layers: remove one to add another.")}</p>
            </Show>
            <Show when=move || no_room.get() && !at_most.get()>
                <p class="hint" role="status">{LinkRoom::full_sentence("fee layer")}</p>
            </Show>
        </div>
    }
}
