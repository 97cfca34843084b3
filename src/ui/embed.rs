//! Embed mode: one calculator with compact chrome, the author's numbers from the link, optional
//! locked inputs, and a link to open the same plan in the full calculator.

use super::{BreakEvenPage, DelayedIncomePage, PricingPage, ScenarioState};
use crate::platform::route::{EmbedOptions, Page};
use crate::scenario::codec::{decode_link, encode_link};
use crate::scenario::Scenario;
use leptos::prelude::*;

/// Input ids the embed's author locked.
#[derive(Clone, Debug, Default)]
pub struct LockedFields(pub Vec<String>);

impl LockedFields {
    pub fn has(&self, id: &str) -> bool {
        self.0.iter().any(|l| l == id)
    }
}

/// True when the input with this id is locked by an embed's author.
pub fn is_locked(id: &str) -> bool {
    use_context::<LockedFields>().is_some_and(|l| l.has(id))
}

#[component]
pub fn EmbedApp(
    /// What the host page asked for.
    options: EmbedOptions,
) -> impl IntoView {
    crate::platform::embed::apply_theme(options.theme);
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let (scenario, problem) = if hash.contains("s=") {
        match decode_link(&hash) {
            Ok(s) => (s, None),
            Err(e) => (Scenario::default(), Some(e.to_string())),
        }
    } else {
        (Scenario::default(), None)
    };
    let scenario = RwSignal::new(scenario);
    provide_context(ScenarioState(scenario));
    provide_context(LockedFields(options.locked.clone()));
    let page = options.page;
    let has_locks = !options.locked.is_empty();
    crate::platform::set_title(&format!("{} calculator · Honest Income", page.title()));
    crate::platform::embed::post_height_on_resize();
    let full_link = move || {
        let fragment = scenario.with(encode_link).ok();
        match fragment {
            Some(f) => format!("{}#{f}", page.href()),
            None => page.href(),
        }
    };
    view! {
        <main id="main" class="embed" tabindex="-1">
            {problem.map(|p| view! { <p class="notice" role="alert">{p}</p> })}
            {has_locks.then(|| view! {
                <p class="hint embed-locks">"The author of this page fixed some inputs (shown greyed out); change any of the others."</p>
            })}
            {match page {
                Page::BreakEven => view! { <BreakEvenPage /> }.into_any(),
                Page::DelayedIncome => view! { <DelayedIncomePage /> }.into_any(),
                _ => view! { <PricingPage /> }.into_any(),
            }}
            <p class="embed-footer">
                <a href=full_link target="_blank" rel="noopener">"Open in full calculator"</a>
                " · Honest Income: calculated in your browser; nothing you type leaves this page."
            </p>
        </main>
    }
}
