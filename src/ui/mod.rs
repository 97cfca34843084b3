//! Thin Leptos components: they read the scenario, call the engine through memos, and render.

mod break_even;
mod chart_canvas;
mod compare;
pub mod context;
mod delayed;
pub mod embed;
mod fields;
pub mod fold;
mod landing;
mod layout;
pub mod library;
mod pricing;
mod product_picker;
mod scenario_bar;

use crate::platform::route::{current_page, Page};
use crate::scenario::Scenario;
use leptos::prelude::*;

pub use break_even::BreakEvenPage;
pub use context::{CurrentPage, ScenarioState};
pub use delayed::DelayedIncomePage;
pub use fields::TextField;
pub use pricing::PricingPage;

/// The whole app: header, the current page, footer.
#[component]
pub fn App() -> impl IntoView {
    if let Some(options) = crate::platform::route::current_embed() {
        let calculator = embed::calculator_for(options.page);
        return view! { <embed::EmbedApp options calculator /> }.into_any();
    }
    // An embed address that names no calculator (or a development embed.html): a sentence,
    // never the full app with the visitor's saved plans inside some other site's frame.
    if crate::platform::route::asks_for_embed() {
        return view! {
            <main id="main" class="embed">
                <p class="notice" role="alert">
                    "This address names no Honest Income calculator to embed. "
                    <a href="./" target="_blank" rel="noopener">"Open Honest Income"</a>
                </p>
            </main>
        }
        .into_any();
    }
    view! { <FullApp /> }.into_any()
}

/// The full app: navigation, saved plans, every calculator.
#[component]
fn FullApp() -> impl IntoView {
    let scenario = RwSignal::new(Scenario::default());
    provide_context(ScenarioState(scenario));
    crate::ui::context::LinkRoom::provide(scenario);
    provide_context(crate::ui::context::RemovedProductState::default());
    let library = library::Library::boot(scenario);
    provide_context(library);
    // Autosave: every change after the first render schedules a save.
    Effect::new(move |previous: Option<()>| {
        scenario.track();
        if previous.is_some() {
            library.changed();
        }
    });
    let storage = window_event_listener(leptos::ev::storage, move |e| {
        library.storage_event(e.key(), e.new_value())
    });
    let hash = window_event_listener(leptos::ev::hashchange, move |_| {
        library.open_link(&crate::platform::page::location_hash());
    });
    // One handler for both events (one copy of the listener code in the wasm).
    let leave = move |e: leptos::ev::Event| {
        if crate::platform::page::is_leaving(&e) {
            library.flush();
        }
    };
    let leaving = window_event_listener_untyped("pagehide", leave);
    let hidden = window_event_listener_untyped("visibilitychange", leave);
    on_cleanup(move || {
        storage.remove();
        hash.remove();
        leaving.remove();
        hidden.remove();
    });
    let page = RwSignal::new(current_page());
    provide_context(CurrentPage(page));
    let popstate = window_event_listener(leptos::ev::popstate, move |_| page.set(current_page()));
    on_cleanup(move || popstate.remove());
    Effect::new(move |_| {
        let p = page.get();
        let title = match p {
            Page::Home => {
                "Honest Income: passive income calculators that count the wait".to_string()
            }
            Page::Compare => "Compare plans · Honest Income".to_string(),
            other => format!("{} calculator · Honest Income", other.title()),
        };
        crate::platform::set_title(&title);
    });

    view! {
        <layout::Header />
        <main id="main" tabindex="-1">
            {move || (page.get() != Page::Home).then(|| view! { <scenario_bar::ScenarioBar /> })}
            {move || match page.get() {
                Page::Home => view! { <landing::Landing /> }.into_any(),
                Page::Pricing => view! { <PricingPage /> }.into_any(),
                Page::BreakEven => view! { <BreakEvenPage /> }.into_any(),
                Page::DelayedIncome => view! { <DelayedIncomePage /> }.into_any(),
                Page::Compare => view! { <compare::ComparePage /> }.into_any(),
            }}
        </main>
        <layout::Footer />
    }
}
