//! The Delayed-income form: presets, the income streams, and the plan's settings.

use super::DelayedState;
use crate::engine::money::Money;
use crate::platform::route::Page;
use crate::scenario::codec::MAX_TEXT_CHARS;
use crate::scenario::delayed::DelayedDraft;
use crate::scenario::delayed::{DelayedField, MembersMode, Part, StreamType, Unit, MAX_STREAMS};
use crate::scenario::delayed_presets::DELAYED_PRESETS;
use crate::scenario::link::Addition;
use crate::ui::context::LinkRoom;
use crate::ui::fold::folded;
use crate::ui::layout::PageLink;
use crate::ui::library::Status;
use crate::ui::TextField;
use leptos::prelude::*;

#[component]
pub fn DelayedForm() -> impl IntoView {
    let state = expect_context::<DelayedState>();
    let draft = state.draft;
    let ids =
        Memo::new(move |_| draft.with(|d| d.streams.iter().map(|s| s.id).collect::<Vec<_>>()));
    let at_most = Memo::new(move |_| ids.with(|i| i.len() >= MAX_STREAMS));
    let no_room = Memo::new(move |_| {
        StreamType::ALL
            .iter()
            .any(|kind| !LinkRoom::holds(Addition::Stream(*kind)))
    });
    view! {
        <form class="calculator-form" on:submit=|ev| ev.prevent_default() aria-label="Delayed income inputs">
            <PresetPicker />
            <For each=move || ids.get() key=|id| *id let:id>
                <StreamCard id=id />
            </For>
            <div class="layer-actions add-stream">
                {StreamType::ALL.into_iter().map(|kind| view! {
                    <button type="button" class="secondary"
                        disabled=move || at_most.get() || !LinkRoom::holds(Addition::Stream(kind))
                        on:click=move |_| LinkRoom::grow(|s| s.add_stream(kind).is_some())>
                        {format!("+ {}", kind.name())}
                    </button>
                }).collect_view()}
            </div>
            <Show when=move || at_most.get()>
                <p class="hint" role="status">{format!("A plan holds up to {MAX_STREAMS} streams: remove one to add another.")}</p>
            </Show>
            <Show when=move || no_room.get() && !at_most.get()>
                <p class="hint" role="status">{LinkRoom::full_sentence("stream")}</p>
            </Show>
            <PlanSettings />
        </form>
    }
}

/// Loads a preset plan, showing its assumptions first.
#[component]
fn PresetPicker() -> impl IntoView {
    let state = expect_context::<DelayedState>();
    let chosen = RwSignal::new(0usize);
    let said = RwSignal::new(String::new());
    // Embeds have no saved plans: there the load is undone by reloading the author's link.
    let library = use_context::<crate::ui::library::Library>();
    view! {
            <details class="group-fold" class:folds=folded("presets") open=!folded("presets")>
    <summary>"Start from a preset"</summary>
                <fieldset class="group">
                    <legend>"Start from a preset"</legend>
                    <div class="field">
                        <label for="preset">"Preset plan"</label>
                        <div class="inline">
                            <select id="preset" on:change=move |ev| {
                                let id = event_target_value(&ev);
                                if let Some(i) = DELAYED_PRESETS.iter().position(|p| p.id == id) { chosen.set(i); }
                            }>
                                {DELAYED_PRESETS.iter().map(|p| view! { <option value=p.id>{p.name}</option> }).collect_view()}
                            </select>
                            <button type="button" on:click=move |_| {
                                let preset = &DELAYED_PRESETS[chosen.get_untracked().min(DELAYED_PRESETS.len() - 1)];
                                let shown = state.draft.get_untracked();
                                // Streams of the user's own are kept as a saved plan before they are replaced.
                                if shown != DelayedDraft::default() && shown != (preset.build)() {
                                    if let Some(library) = library {
                                        let name = library.current.get_untracked().map(|c| c.1).unwrap_or_else(|| "My plan".into());
                                        match library.keep_copy(&format!("{name} (before {})", preset.name)) {
                                            Ok(copy) => said.set(format!("Your streams before loading are kept as the saved plan \"{copy}\": open it in Your plans to go back.")),
                                            Err(e) if library.status.get_untracked() == Status::Unavailable => said.set(format!("Loaded. {e}")),
                                            Err(e) => { said.set(format!("Not loaded: your streams could not be kept as a copy first. {e}")); return; }
                                        }
                                    }
                                }
                                state.update_plan(|s| { s.delayed = (preset.build)(); s.relink_products(); });
                            }>"Load"</button>
                        </div>
                        <ul class="hint assumptions" aria-label="What this preset assumes">
                            {move || DELAYED_PRESETS[chosen.get().min(DELAYED_PRESETS.len() - 1)].assumptions.iter().map(|a| view! { <li>{*a}</li> }).collect_view()}
                        </ul>
                        <p class="hint">"Loading replaces the streams below; streams of your own are kept as a saved plan first."</p>
                        <Show when=move || !said.with(String::is_empty)>
                            <p class="notice" role="status">{move || said.get()}</p>
                        </Show>
                    </div>
                </fieldset>
            </details>
        }
}

/// One income stream: its name, switches, and its fields from the stream's field table.
#[component]
fn StreamCard(
    /// The stream's id in the draft.
    id: u32,
) -> impl IntoView {
    let state = expect_context::<DelayedState>();
    let draft = state.draft;
    // A copy takes about what a new stream of its kind takes, and its name (the click checks
    // exactly).
    let no_room = Memo::new(move |_| {
        draft.with(|d| {
            d.streams.len() >= MAX_STREAMS
                || d.stream(id).is_none_or(|s| {
                    let takes =
                        crate::scenario::link::room_an_addition_takes(Addition::Stream(s.kind));
                    LinkRoom::left() < takes + s.name.len() * 4 / 3 + 12
                })
        })
    });
    let name = Memo::new(move |_| {
        draft.with(|d| d.stream(id).map(|s| s.name.clone()).unwrap_or_default())
    });
    let kind = Memo::new(move |_| draft.with(|d| d.stream(id).map(|s| s.kind)));
    let enabled = Memo::new(move |_| draft.with(|d| d.stream(id).is_some_and(|s| s.enabled)));
    // Only the list of fields, so typing does not rebuild the inputs.
    let fields = Memo::new(move |_| {
        draft.with(|d| {
            d.stream(id)
                .map(|s| {
                    s.visible_fields()
                        .into_iter()
                        .map(|f| (*f, d.uncertainty && f.uncertain))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let symbol = Signal::derive(move || state.currency.get().symbol().to_string());
    let edit = move |change: Box<dyn FnOnce(&mut crate::scenario::delayed::StreamDraft)>| {
        state.update(|d| {
            if let Some(s) = d.stream_mut(id) {
                change(s);
            }
        })
    };
    let text_field = move |spec: crate::scenario::delayed::FieldSpec,
                           part: Part,
                           label: String,
                           detail: String| {
        let key = spec.key;
        let (prefix, suffix) = match spec.unit {
            Unit::Money => (symbol, ""),
            Unit::Percent => (Signal::derive(String::new), "%"),
            Unit::Hours => (Signal::derive(String::new), "h"),
            _ => (Signal::derive(String::new), ""),
        };
        let part_id = match part {
            Part::Value => "",
            Part::Low => "-low",
            Part::High => "-high",
        };
        view! {
            <TextField id=format!("s{id}-{key}{part_id}") label=label hint=if part == Part::Value { spec.hint } else { "" }
                label_detail=Signal::derive(move || detail.clone())
                value=Signal::derive(move || draft.with(|d| d.stream(id).map(|s| s.text(part, key)).unwrap_or_default()))
                on_input=Callback::new(move |t: String| state.update(|d| if let Some(s) = d.stream_mut(id) { s.set_text(part, key, t); }))
                error=state.error(DelayedField::Stream { id, key, part })
                prefix=prefix suffix=suffix />
        }
    };

    view! {
            <details class="group-fold" class:folds=folded("streams") open=!folded("streams")>
    <summary>{move || name.get()}</summary>
                <fieldset class="group stream" class:disabled=move || !enabled.get() data-lock-group=move || name.get()>
                    <legend>{move || name.get()}<span class="badge">{move || kind.get().map(|k| k.name()).unwrap_or("")}</span></legend>
                    <div class="stream-head">
                        <div class="field">
                            <label for=format!("s{id}-name")>"Stream name"</label>
                            <input id=format!("s{id}-name") type="text" class="text-input" autocomplete="off"
                                maxlength=move || crate::ui::context::LinkRoom::name_maxlength(MAX_TEXT_CHARS)
                                prop:value=move || name.get()
                                on:input=move |ev| { let t = crate::ui::fields::capped(event_target_value(&ev), MAX_TEXT_CHARS); edit(Box::new(move |s| s.name = t)); } />
                        </div>
                        <div class="field checkbox">
                            <input type="checkbox" id=format!("s{id}-enabled") data-lockable="" disabled=crate::ui::context::is_locked(&format!("s{id}-enabled")) prop:checked=move || enabled.get()
                                on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |s| s.enabled = on)); } />
                            <label for=format!("s{id}-enabled")>{move || format!("Include {} in the plan", name.get())}</label>
                        </div>
                        <div class="stream-actions">
                            <button type="button" class="secondary" disabled=no_room
                                aria-label=move || format!("Duplicate {}", name.get())
                                on:click=move |_| LinkRoom::grow(|s| s.delayed.duplicate_stream(id).is_some())>"Duplicate"</button>
                            <button type="button" class="icon-button" aria-label=move || format!("Remove {}", name.get())
                                on:click=move |_| state.update(|d| d.remove_stream(id))>"Remove"</button>
                        </div>
                    </div>
                    <Show when=move || enabled.get()>
                        <StreamModes id=id />
                        <div class="stream-fields">
                        {move || fields.get().into_iter().map(|(spec, ranged)| view! {
                            {text_field(spec, Part::Value, spec.label.to_string(), String::new())}
                            {ranged.then(|| view! {
                                <div class="range" role="group" aria-label=format!("Range of {}", spec.label)>
                                    {text_field(spec, Part::Low, "Low".into(), format!(" ({})", spec.label))}
                                    {text_field(spec, Part::High, "High".into(), format!(" ({})", spec.label))}
                                </div>
                            })}
                        }).collect_view()}
                        </div>
                    </Show>
                </fieldset>
            </details>
        }
}

/// The switches some stream kinds have: where the product's numbers and the members come from.
#[component]
fn StreamModes(
    /// The stream's id in the draft.
    id: u32,
) -> impl IntoView {
    let state = expect_context::<DelayedState>();
    let draft = state.draft;
    let stream = move || draft.with(|d| d.stream(id).cloned());
    let kind = Memo::new(move |_| stream().map(|s| s.kind));
    let follows = Memo::new(move |_| stream().is_some_and(|s| s.follows_break_even()));
    let edit = move |change: Box<dyn FnOnce(&mut crate::scenario::delayed::StreamDraft)>| {
        state.update(|d| {
            if let Some(s) = d.stream_mut(id) {
                change(s);
            }
        })
    };
    move || {
        match kind.get() {
        Some(StreamType::Product) => view! {
            <div class="field checkbox">
                <input type="checkbox" id=format!("s{id}-follow") data-lockable="" disabled=crate::ui::context::is_locked(&format!("s{id}-follow"))
                    aria-describedby=format!("s{id}-follow-hint")
                    prop:checked=move || stream().is_some_and(|s| s.follow_break_even)
                    on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |s| s.follow_break_even = on)); } />
                <label for=format!("s{id}-follow")>"Sell on Break-even's plan"</label>
                <p class="hint" id=format!("s{id}-follow-hint")>{move || {
                    if !follows.get() {
                        return "Off: this stream's own sales, net and hours below. On: Break-even's sales curve, net, build, upfront cash and upkeep, from this launch month.".to_string();
                    }
                    state.from.with(|f| match &f.break_even {
                        Some(be) => crate::format::break_even_plan(be),
                        None => String::new(),
                    })
                }}</p>
            </div>
            <p class="field-error">{move || state.error(DelayedField::FollowBreakEven { id }).get().unwrap_or_default()}</p>
            <Show when=move || !follows.get()>
                <crate::ui::product_picker::ProductPicker id=format!("s{id}-pricing-net") per="sale"
                    fits=|subscription| !subscription
                    chosen=Signal::derive(move || stream().and_then(|s| s.product))
                    on_choose=Callback::new(move |p| edit(Box::new(move |s| s.product = p))) />
                <p class="field-error">{move || state.error(DelayedField::ProductNet { id }).get().unwrap_or_default()}</p>
                <div class="field checkbox">
                    <input type="checkbox" id=format!("s{id}-from-audience") data-lockable="" disabled=crate::ui::context::is_locked(&format!("s{id}-from-audience"))
                        prop:checked=move || stream().is_some_and(|s| s.launch_from_audience)
                        on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |s| s.launch_from_audience = on)); } />
                    <label for=format!("s{id}-from-audience")>"Launch sales from audience size x conversion"</label>
                </div>
            </Show>
        }.into_any(),
        Some(StreamType::Subscription) => view! {
            <crate::ui::product_picker::ProductPicker id=format!("s{id}-pricing-net") per="member a month"
                fits=|subscription| subscription
                chosen=Signal::derive(move || stream().and_then(|s| s.product))
                on_choose=Callback::new(move |p| edit(Box::new(move |s| s.product = p))) />
            <p class="field-error">{move || state.error(DelayedField::ProductNet { id }).get().unwrap_or_default()}</p>
            <div class="field">
                <span class="label" id=format!("s{id}-mode-label")>"New members come"</span>
                <div class="segmented" role="radiogroup" aria-labelledby=format!("s{id}-mode-label") id=format!("s{id}-mode") data-lockable="">
                    {[(MembersMode::Constant, "Steadily"), (MembersMode::Growing, "Growing"), (MembersMode::ShareOfVisitors, "From blog visitors")]
                        .into_iter().map(|(mode, label)| view! {
                            <label>
                                <input type="radio" name=format!("s{id}-mode") disabled=crate::ui::context::is_locked(&format!("s{id}-mode"))
                                    prop:checked=move || stream().is_some_and(|s| s.members_mode == mode)
                                    on:change=move |_| edit(Box::new(move |s| s.members_mode = mode)) />
                                {label}
                            </label>
                        }).collect_view()}
                </div>
            </div>
        }.into_any(),
        _ => ().into_any(),
    }
    }
}

/// Horizon, target, costs from Break-even, and the uncertainty switch.
#[component]
fn PlanSettings() -> impl IntoView {
    let state = expect_context::<DelayedState>();
    let draft = state.draft;
    let symbol = Signal::derive(move || state.currency.get().symbol().to_string());
    let uncertainty = Memo::new(move |_| draft.with(|d| d.uncertainty));
    let plain = move |field: DelayedField,
                      id: &'static str,
                      label: &'static str,
                      hint: &'static str,
                      get: fn(&crate::scenario::delayed::DelayedDraft) -> String,
                      set: fn(&mut crate::scenario::delayed::DelayedDraft, String),
                      money: bool| {
        view! {
            <TextField id=id label=label hint=hint
                value=Signal::derive(move || draft.with(get))
                on_input=Callback::new(move |t: String| state.update(|d| set(d, t)))
                error=state.error(field)
                prefix=if money { symbol } else { Signal::derive(String::new) } />
        }
    };
    view! {
            <details class="group-fold" class:folds=folded("plan") open=!folded("plan")>
    <summary>"The plan"</summary>
                <fieldset class="group">
                    <legend>"The plan"</legend>
                    {plain(DelayedField::Horizon, "delayed-horizon", "Horizon in months", "1 to 120 months.", |d| d.horizon.clone(), |d, t| d.horizon = t, false)}
                    {plain(DelayedField::Target, "delayed-target", "Target net per month", "The monthly net that would make this worth it to you.", |d| d.target.clone(), |d, t| d.target = t, true)}
                    <p class="hint">
                        {move || format!("Fixed monthly costs of {} come from the ", Money::new(state.from.with(|f| f.monthly_costs), state.currency.get()))}
                        <PageLink page=Page::BreakEven>"Break-even calculator"</PageLink>
                        "'s cost lines."
                    </p>
                    <div class="field checkbox">
                        <input type="checkbox" id="uncertainty" data-lockable="" disabled=crate::ui::context::is_locked("uncertainty") prop:checked=move || uncertainty.get()
                            on:change=move |ev| { let on = event_target_checked(&ev); state.update(|d| d.uncertainty = on); } />
                        <label for="uncertainty">"Show the uncertainty"</label>
                        <p class="hint">"Give the key rates a low and a high value; a seeded Monte Carlo shows the P10-P90 band."</p>
                    </div>
                    <Show when=move || uncertainty.get()>
                        {plain(DelayedField::TargetBy, "target-by", "Chance of the target by month", "Reaching it means 3 months running at or above the target, the third by this month (past the horizon too).", |d| d.target_by.clone(), |d, t| d.target_by = t, false)}
                        {plain(DelayedField::Paths, "paths", "Paths", "Simulated futures: 1,000 is plenty; up to 20,000.", |d| d.paths.clone(), |d, t| d.paths = t, false)}
                        <p class="hint seed">
                            {move || format!("Seed {}: a shared plan reproduces the same band. ", draft.with(|d| d.seed))}
                            <button type="button" class="link-button" on:click=move |_| state.update(|d| d.seed = next_seed(d.seed))>"New seed"</button>
                        </p>
                    </Show>
                </fieldset>
            </details>
        }
}

/// A new seed from the old one: deterministic, so tests can follow it, yet far from the last.
fn next_seed(seed: u64) -> u64 {
    crate::engine::rng::SplitMix64::new(seed).next_u64() % 1_000_000
}
