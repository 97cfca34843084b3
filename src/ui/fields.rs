//! Labelled inputs that keep the typed text and show their sentence beside them.

use leptos::prelude::*;

/// A text input for a number, with a visible label, a hint and its error sentence.
#[component]
pub fn TextField(
    /// Element id; the hint and error use it as a prefix.
    #[prop(into)]
    id: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// A short hint under the label.
    #[prop(optional, into)]
    hint: String,
    /// The text shown in the box, exactly as typed.
    #[prop(into)]
    value: Signal<String>,
    /// Receives the text on every keystroke.
    #[prop(into)]
    on_input: Callback<String>,
    /// The sentence saying what is wrong with the text, if anything.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Shown before the box, such as a currency symbol.
    #[prop(optional, into)]
    prefix: Signal<String>,
    /// Shown after the box, such as "%".
    #[prop(optional, into)]
    suffix: String,
    /// Read by screen readers after the label, to tell apart fields with the same label.
    #[prop(optional, into)]
    label_detail: Signal<String>,
) -> impl IntoView {
    let locked = crate::ui::context::is_locked(&id);
    let hint = if locked {
        "Set by the author of this page.".to_string()
    } else {
        hint
    };
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = !hint.is_empty();
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    let has_suffix = !suffix.is_empty();
    view! {
        <div class="field" class:invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>
                {label}
                <span class="visually-hidden">{move || label_detail.get()}</span>
            </label>
            {has_hint.then(|| view! { <p class="hint" id=hint_id.clone()>{hint.clone()}</p> })}
            <div class="input-group">
                {move || {
                    let p = prefix.get();
                    (!p.is_empty()).then(|| view! { <span class="adornment" aria-hidden="true">{p}</span> })
                }}
                <input
                    id=id.clone()
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    readonly=locked
                    maxlength=move || value.with(|t| crate::ui::context::LinkRoom::number_maxlength(t))
                    data-lockable=""
                    prop:value=move || value.get()
                    aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=described_by
                    on:input=move |ev| on_input.run(event_target_value(&ev))
                />
                {has_suffix.then(|| view! { <span class="adornment" aria-hidden="true">{suffix.clone()}</span> })}
            </div>
            <p class="field-error" id=error_id.clone() aria-live="polite">
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}

/// Text typed into a name box, cut to the `max` characters a saved plan keeps (the box's
/// maxlength counts UTF-16 units, so this only bites when text arrives another way).
pub fn capped(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        text
    } else {
        text.chars().take(max).collect()
    }
}

/// The sentence shown instead of results while some fields hold text that is not a number.
#[component]
pub fn FixFieldsNotice(
    /// The labels of the fields to fix, in form order.
    names: Vec<String>,
) -> impl IntoView {
    view! {
        <p class="notice" role="status">
            {format!("Results will show once these fields hold valid numbers: {}.", names.join(", "))}
        </p>
    }
}

/// Two headline figures kept in sight on narrow screens while typing; screen readers skip it
/// and get the full results instead.
#[component]
pub fn PhoneSummaryBar(
    /// Label and value pairs, or None while fields need fixing.
    #[prop(into)]
    items: Signal<Option<Vec<(String, String)>>>,
) -> impl IntoView {
    view! {
        <div class="phone-summary" aria-hidden="true">
            {move || match items.get() {
                Some(items) => items
                    .into_iter()
                    .map(|(label, value)| view! { <span>{label}" "<strong>{value}</strong></span> })
                    .collect_view()
                    .into_any(),
                None => view! { <span>"Fix the marked fields to see results"</span> }.into_any(),
            }}
        </div>
    }
}

/// Moves focus to `button` once it is in the page: a question that appears after a click
/// (an alert dialog) is where the keyboard and the screen reader should be.
pub fn focus_when_shown(button: NodeRef<leptos::html::Button>) {
    Effect::new(move |_| {
        if let Some(b) = button.get() {
            let _ = b.focus();
        }
    });
}
