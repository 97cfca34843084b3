//! Two or three plans' headline results side by side.

use super::library::Library;
use crate::summary::headline;
use crate::ui::context::ScenarioState;
use leptos::prelude::*;

const MOST: usize = 3;

#[component]
pub fn ComparePage() -> impl IntoView {
    let library = expect_context::<Library>();
    let scenario = expect_context::<ScenarioState>().0;
    let records = Memo::new(move |_| library.load_all());
    let chosen = RwSignal::new(Vec::<String>::new());
    // Start with the newest plans ticked.
    Effect::new(move |_| {
        let ids: Vec<String> =
            records.with(|r| r.iter().take(MOST).map(|r| r.id.clone()).collect());
        chosen.set(ids);
    });
    view! {
        <div class="calculator">
            <super::layout::PageIntro title="Compare plans"
                lede="Pick two or three saved plans to see their headline results side by side. The plan you are editing is included as \"This plan\"." />
            <fieldset class="group">
                <legend>"Saved plans"</legend>
                <Show when=move || records.with(|r| r.is_empty())>
                    <p class="hint">"No saved plans yet: save one from any calculator's \"Manage plans\"."</p>
                </Show>
                {move || records.get().into_iter().map(|r| {
                    let id = r.id.clone();
                    let checked = { let id = id.clone(); move || chosen.with(|c| c.contains(&id)) };
                    let full = { let id = id.clone(); move || chosen.with(|c| c.len() >= MOST && !c.contains(&id)) };
                    view! {
                        <div class="field checkbox">
                            <input type="checkbox" id=format!("cmp-{id}") prop:checked=checked disabled=full
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let id = id.clone();
                                    chosen.update(|c| if on { if !c.contains(&id) { c.push(id) } } else { c.retain(|x| *x != id) });
                                } />
                            <label for=format!("cmp-{}", r.id)>{r.name.clone()}</label>
                        </div>
                    }
                }).collect_view()}
                <p class="hint">{format!("Up to {MOST} plans at once.")}</p>
            </fieldset>
            {move || {
                let mut columns: Vec<(String, Vec<(&'static str, String)>)> = vec![("This plan".into(), scenario.with(headline))];
                for r in records.get().into_iter().filter(|r| chosen.with(|c| c.contains(&r.id))) {
                    columns.push((r.name.clone(), headline(&r.scenario)));
                }
                let labels: Vec<&'static str> = columns[0].1.iter().map(|(l, _)| *l).collect();
                view! {
                    <section class="comparison" aria-labelledby="cmp-title">
                        <h2 id="cmp-title">"Side by side"</h2>
                        <div class="table-scroll" tabindex="0" role="region" aria-label="Plans side by side">
                            <table class="compare" data-testid="compare-table">
                                <thead><tr>
                                    <th scope="col">"Result"</th>
                                    {columns.iter().map(|(name, _)| view! { <th scope="col" class="num">{name.clone()}</th> }).collect_view()}
                                </tr></thead>
                                <tbody>
                                    {labels.into_iter().enumerate().map(|(row, label)| view! {
                                        <tr>
                                            <th scope="row">{label}</th>
                                            {columns.iter().map(|(_, values)| view! { <td class="num">{values[row].1.clone()}</td> }).collect_view()}
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </section>
                }
            }}
        </div>
    }
}
