//! The open plan and one or two saved plans side by side: the inputs that differ, then the
//! headline results. A plan is never shown twice: the open plan's saved copy is the open
//! column, and plans holding the same numbers are shown once.

use super::library::Library;
use crate::scenario::Scenario;
use crate::summary::headline;
use crate::summary::inputs::{differing_inputs, inputs};
use leptos::prelude::*;

/// Saved plans shown beside the open one.
const OTHERS: usize = 2;

/// A column of the table: who it is and the plan it shows.
#[derive(Clone, PartialEq)]
struct Column {
    /// The heading: the plan's name, with "(open)" on the open plan.
    name: String,
    /// The plan's own name, for sentences.
    plain: String,
    scenario: Scenario,
    /// Its inputs as shown: two plans are the same plan when these are equal, whatever
    /// the table does not show (which product Pricing has open, a hidden field's value).
    inputs: Vec<(String, String)>,
}

/// A name inside a sentence, isolated so a right-to-left name cannot reorder the sentence.
fn quoted(name: &str) -> String {
    format!("\u{201c}\u{2068}{name}\u{2069}\u{201d}")
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let library = expect_context::<Library>();
    let scenario = expect_context::<crate::ui::context::ScenarioState>().0;
    let open_id = Memo::new(move |_| library.current.get().map(|(id, _)| id));
    let records = Memo::new(move |_| {
        let open = open_id.get();
        let mut all = library.load_all();
        all.retain(|r| Some(&r.id) != open.as_ref());
        all
    });
    let chosen = RwSignal::new(Vec::<String>::new());
    let ticked_once = StoredValue::new(false);
    // Start with the newest plans that differ from the open one and from each other; later
    // changes (another tab saving) keep the reader's ticks, dropping only deleted plans.
    Effect::new(move |_| {
        records.with(|records| {
            if ticked_once.get_value() {
                chosen.update(|c| c.retain(|id| records.iter().any(|r| r.id == *id)));
                return;
            }
            ticked_once.set_value(true);
            let mut seen = vec![scenario.with_untracked(inputs)];
            let mut ids = Vec::new();
            for r in records {
                let rows = inputs(&r.scenario);
                if ids.len() < OTHERS && !seen.contains(&rows) {
                    seen.push(rows);
                    ids.push(r.id.clone());
                }
            }
            chosen.set(ids);
        });
    });
    let open_plain = move || match library.current.get() {
        Some((_, name)) => name,
        None => "This plan".to_string(),
    };
    let open_name = move || match library.current.get() {
        Some((_, name)) => format!("{name} (open)"),
        None => "This plan (not saved)".to_string(),
    };
    let columns = Memo::new(move |_| {
        let open = scenario.get();
        let mut columns = vec![Column {
            name: open_name(),
            plain: open_plain(),
            inputs: inputs(&open),
            scenario: open,
        }];
        let mut same = Vec::new();
        for r in records
            .get()
            .into_iter()
            .filter(|r| chosen.with(|c| c.contains(&r.id)))
        {
            let rows = inputs(&r.scenario);
            match columns.iter().find(|c| c.inputs == rows) {
                Some(twin) => same.push(format!(
                    "{} holds the same numbers as {}, so it is shown once.",
                    quoted(&r.name),
                    quoted(&twin.plain)
                )),
                None => columns.push(Column {
                    name: r.name.clone(),
                    plain: r.name,
                    scenario: r.scenario,
                    inputs: rows,
                }),
            }
        }
        (columns, same)
    });
    view! {
        <div class="calculator">
            <super::layout::PageIntro title="Compare plans"
                lede="The plan you have open beside one or two of your saved plans: first the inputs that differ, then each plan's headline results." />
            <fieldset class="group">
                <legend>"Compare with"</legend>
                <p class="hint">"Always shown: "<bdi>{open_name}</bdi>"."</p>
                <Show when=move || records.with(|r| r.is_empty())>
                    <p class="hint">"No other saved plans yet. To compare a variation, open "
                        <super::layout::PageLink page=crate::platform::route::Page::Plans>"Your plans"</super::layout::PageLink>
                        ", choose \"Save as new plan\", then change what you want to try."</p>
                </Show>
                {move || records.get().into_iter().map(|r| {
                    let id = r.id.clone();
                    let checked = { let id = id.clone(); move || chosen.with(|c| c.contains(&id)) };
                    let full = { let id = id.clone(); move || chosen.with(|c| c.len() >= OTHERS && !c.contains(&id)) };
                    view! {
                        <div class="field checkbox">
                            <input type="checkbox" id=format!("cmp-{id}") aria-describedby="cmp-limit" prop:checked=checked disabled=full
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let id = id.clone();
                                    chosen.update(|c| if on { if !c.contains(&id) { c.push(id) } } else { c.retain(|x| *x != id) });
                                } />
                            <label for=format!("cmp-{}", r.id)><bdi>{r.name.clone()}</bdi></label>
                        </div>
                    }
                }).collect_view()}
                <Show when=move || records.with(|r| !r.is_empty())>
                    <p class="hint" id="cmp-limit">{format!("Up to {OTHERS} saved plans beside the open one: untick one to tick another.")}</p>
                </Show>
            </fieldset>
            {move || columns.with(|(columns, same)| view! {
                {same.iter().map(|s| view! { <p class="notice" role="status">{s.clone()}</p> }).collect_view()}
                {if columns.len() < 2 {
                    view! { <p class="hint" data-testid="compare-empty">"Tick a saved plan that differs from the open one to see them side by side."</p> }.into_any()
                } else {
                    table(columns).into_any()
                }}
            })}
        </div>
    }
}

fn table(columns: &[Column]) -> impl IntoView {
    let plans: Vec<&Scenario> = columns.iter().map(|c| &c.scenario).collect();
    let differences = differing_inputs(&plans);
    let results: Vec<Vec<(&'static str, String)>> = plans.iter().map(|s| headline(s)).collect();
    let head = columns
        .iter()
        .map(|c| view! { <th scope="col" class="num">{c.name.clone()}</th> })
        .collect_view();
    let width = columns.len() + 1;
    let no_difference = differences.is_empty();
    let input_rows = differences
        .into_iter()
        .map(|d| {
            let first = d.values[0].clone();
            view! {
                <tr class="differs">
                    <th scope="row">{d.label}</th>
                    {d.values.into_iter().enumerate().map(|(i, v)| {
                        let changed = i > 0 && v != first;
                        view! { <td class="num" class:changed=changed>{v}</td> }
                    }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let result_rows = (0..results[0].len())
        .map(|row| {
            let first = results[0][row].1.clone();
            view! {
                <tr>
                    <th scope="row">{results[0][row].0}</th>
                    {results.iter().enumerate().map(|(i, r)| {
                        let changed = i > 0 && r[row].1 != first;
                        view! { <td class="num" class:changed=changed>{r[row].1.clone()}</td> }
                    }).collect_view()}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="comparison" aria-labelledby="cmp-title">
            <h2 id="cmp-title">"Side by side"</h2>
            <p class="hint">"Highlighted: a value that differs from the first column's."</p>
            <p class="hint scroll-hint">"Wider than a phone: scroll the table sideways for every plan."</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Plans side by side">
                <table class="compare" data-testid="compare-table">
                    <thead><tr>
                        <th scope="col">"Plan"</th>
                        {head}
                    </tr></thead>
                    <tbody data-testid="compare-inputs">
                        <tr class="group-row"><th scope="rowgroup" colspan=width>"Inputs that differ"</th></tr>
                        {no_difference.then(|| view! {
                            <tr><td colspan=width>"No inputs differ."</td></tr>
                        })}
                        {input_rows}
                    </tbody>
                    <tbody data-testid="compare-results">
                        <tr class="group-row"><th scope="rowgroup" colspan=width>"Headline results"</th></tr>
                        {result_rows}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
