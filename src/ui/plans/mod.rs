//! Your plans: the saved plans (save, rename, open, delete), export and import, and the Embed
//! builder. A page of its own, so the calculators' pages carry none of it.

mod embed_builder;

use super::library::Library;
use crate::platform::page;
use crate::platform::storage::time_label;
use leptos::prelude::*;

#[component]
pub fn PlansPage() -> impl IntoView {
    let library = expect_context::<Library>();
    let name = Memo::new(move |_| library.current.get().map(|c| c.1));
    let message = RwSignal::new(String::new());
    let new_name = RwSignal::new(String::new());
    let import = move |ev: leptos::ev::Event| {
        let Some(text) = page::chosen_file_text(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match text.await {
                Some(t) => library.import(&t, message),
                None => message.set("That file could not be read.".into()),
            }
        });
    };
    view! {
        <div class="calculator plans">
            <super::layout::PageIntro title="Your plans"
                lede="Plans are kept in this browser as you type, and every page shows the one open here. Name a variation to compare it, open another, keep a durable copy, or embed a calculator with this plan's numbers in a blog post." />
            <section class="group manage-body" aria-labelledby="this-plan">
                <h2 id="this-plan">"This plan"</h2>
                <div class="field">
                    <label for="plan-name-input">"Name"</label>
                    <div class="inline">
                        <input id="plan-name-input" class="text-input" type="text" autocomplete="off" maxlength="80"
                            prop:value=move || new_name.get()
                            on:input=move |ev| new_name.set(event_target_value(&ev)) />
                        <button type="button" on:click=move |_| library.save_as(&new_name.get_untracked())>"Save as new plan"</button>
                        <button type="button" class="secondary" disabled=move || name.get().is_none()
                            on:click=move |_| library.rename(&new_name.get_untracked())>"Rename this plan"</button>
                    </div>
                </div>
                <div class="layer-actions">
                    <button type="button" class="secondary" on:click=move |_| library.duplicate()>"Duplicate"</button>
                    <button type="button" class="icon-button" disabled=move || name.get().is_none()
                        on:click=move |_| library.delete()>"Delete this plan"</button>
                </div>
            </section>
            <section class="group manage-body" aria-labelledby="saved-plans">
                <h2 id="saved-plans">"Saved plans"</h2>
                <Show when=move || library.entries.with(|e| e.is_empty())>
                    <p class="hint">"No saved plans yet."</p>
                </Show>
                <ul class="plan-list">
                    {move || library.entries.get().into_iter().map(|entry| {
                        let id = entry.id.clone();
                        let is_current = library.current.with(|c| c.as_ref().is_some_and(|c| c.0 == entry.id));
                        view! {
                            <li class:current=is_current>
                                <span>{entry.name.clone()}</span>
                                <span class="meta">{format!("changed {}", time_label(entry.updated))}</span>
                                <button type="button" class="link-button" disabled=is_current
                                    aria-label=format!("Open {}", entry.name)
                                    on:click=move |_| library.open(&id)>{if is_current { "open now" } else { "Open" }}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
            <section class="group manage-body" aria-labelledby="durable-copy">
                <h2 id="durable-copy">"Keep a durable copy"</h2>
                <p class="hint">"Browsers may clear saved data (Safari after a week without visits, private windows at once). A link or an exported file is the durable copy."</p>
                <div class="layer-actions">
                    <button type="button" class="secondary" on:click=move |_| {
                        if let Err(e) = library.export_all() { message.set(e); } else { message.set("Exported every plan to honest-income-plans.json.".into()); }
                    }>"Export all plans"</button>
                    // The input is hidden behind its label, which looks like the app's own
                    // buttons (the browser's "Choose File" text would sit inside it).
                    <label class="file-button">
                        "Import plans from a file"
                        <input type="file" class="visually-hidden" accept="application/json,.json" on:change=import />
                    </label>
                </div>
                <p class="hint" role="status">{move || message.get()}</p>
            </section>
            <embed_builder::EmbedBuilder />
        </div>
    }
}
