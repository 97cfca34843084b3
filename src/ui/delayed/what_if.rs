//! What must be true: a goal and one input picked, the value that input would need, set
//! against what is typical. The question is part of the plan, so it is saved and shared.

use super::DelayedState;
use crate::engine::fields::parse_money;
use crate::scenario::delayed::{
    chosen, chosen_stream, input_label, seekable_fields, what_must_be_true, DelayedField, GoalKind,
    WhatIf,
};
use crate::summary::what_if::{answer_sentence, goal_label, method};
use crate::ui::fields::TextField;
use leptos::prelude::*;

#[component]
pub fn WhatMustBeTrue() -> impl IntoView {
    let state = expect_context::<DelayedState>();
    let found = Memo::new(move |_| {
        state.from.with(|f| {
            state
                .inputs
                .with(|i| state.draft.with(|d| what_must_be_true(d, i, f)))
        })
    });
    // The stream and field asked about, as the pickers show them (the kept ones, or the first).
    // They read from the draft alone, so they stay put while any field is being fixed.
    let stream = Memo::new(move |_| state.draft.with(|d| chosen_stream(d).map(|s| s.id)));
    let field = Memo::new(move |_| state.draft.with(|d| chosen(d).ok().map(|(_, f)| f.key)));
    let ask = move |change: Box<dyn FnOnce(&mut WhatIf)>| state.update(|d| change(&mut d.what_if));
    let goals = move || {
        let c = state.currency.get();
        let target = state
            .draft
            .with(|d| parse_money(&d.target, c).ok().map(|t| t as f64));
        let hour = state.from.with(|f| f.hourly_value);
        let now = state.draft.with(|d| d.what_if.goal);
        GoalKind::ALL
            .into_iter()
            .map(|g| view! { <option value=g.token() selected=g == now>{goal_label(g, target, hour, c)}</option> })
            .collect_view()
    };
    let streams = move || {
        let now = stream.get();
        state.draft.with(|d| {
            d.streams
                .iter()
                .filter(|s| s.enabled)
                .map(|s| view! { <option value=s.id.to_string() selected=Some(s.id) == now>{s.name.clone()}</option> })
                .collect_view()
        })
    };
    let fields = move || {
        let now = field.get();
        state.draft.with(|d| {
            stream.get().and_then(|id| d.stream(id))
                .map(seekable_fields)
                .unwrap_or_default()
                .into_iter()
                .map(|f| view! { <option value=f.key selected=Some(f.key) == now>{input_label(f)}</option> })
                .collect_view()
        })
    };
    let answer = move || {
        let c = state.currency.get();
        found.with(|f| match f {
            Ok(found) => answer_sentence(found, c),
            Err(why) => why.to_string(),
        })
    };
    let how = move || {
        let c = state.currency.get();
        found.with(|f| f.as_ref().ok().map(|found| method(found, c)))
    };
    view! {
        <section class="what-if" aria-labelledby="what-if-title">
            <h2 id="what-if-title">"What must be true"</h2>
            <p class="hint">"Pick a goal and one input: the page finds the value that input would need to reach the goal, with everything else as you set it."</p>
            <div class="what-if-question">
                <div class="field">
                    <label for="what-if-goal">"Goal"</label>
                    <select id="what-if-goal"
                        on:change=move |ev| {
                            if let Some(g) = GoalKind::from_token(&event_target_value(&ev)) {
                                ask(Box::new(move |w| w.goal = g));
                            }
                        }>
                        {goals}
                    </select>
                </div>
                <TextField id="what-if-month" label="By month"
                    hint="The same month as the chance of the target; past the horizon, the projection runs on."
                    value=Signal::derive(move || state.draft.with(|d| d.target_by.clone()))
                    on_input=Callback::new(move |t: String| state.update(|d| d.target_by = t))
                    error=state.error(DelayedField::TargetBy) />
                <div class="field">
                    <label for="what-if-stream">"Stream"</label>
                    <select id="what-if-stream" disabled=move || stream.with(Option::is_none)
                        on:change=move |ev| {
                            if let Ok(id) = event_target_value(&ev).parse::<u32>() {
                                ask(Box::new(move |w| w.stream = Some(id)));
                            }
                        }>
                        {streams}
                    </select>
                </div>
                <div class="field">
                    <label for="what-if-input">"Input to solve for"</label>
                    <select id="what-if-input" disabled=move || field.with(Option::is_none)
                        on:change=move |ev| {
                            let key = event_target_value(&ev);
                            ask(Box::new(move |w| w.input = key));
                        }>
                        {fields}
                    </select>
                </div>
            </div>
            <p class="what-if-answer" data-testid="what-if-answer" role="status">{answer}</p>
            {move || how().map(|text| view! {
                <details class="method">
                    <summary>"How this is worked out"</summary>
                    <p>{text}</p>
                </details>
            })}
        </section>
    }
}
