//! Thin Leptos components: they read the scenario, call the engine through memos, and render.

mod break_even;
mod chart_canvas;
mod compare;
pub mod context;
mod delayed;
pub mod embed;
mod fields;
pub mod fold;
mod layout;
pub mod library;
mod pages;
mod plans;
mod pricing;
mod product_picker;
mod scenario_bar;

use crate::platform::route::Page;
use crate::scenario::Scenario;
use leptos::prelude::*;

pub use break_even::BreakEvenPage;
pub use context::{CurrentPage, ScenarioState};
pub use delayed::DelayedIncomePage;
pub use fields::TextField;
pub use pages::{PageView, BREAK_EVEN, COMPARE, DELAYED_INCOME, PLANS, PRICING};
pub use pricing::PricingPage;

/// Starts one page of the full app (its own bundle: src/bin/page_*.rs). Moving to another page
/// loads that page's bundle; the plan goes with it through storage, or in the address.
pub fn mount_page(view: PageView) {
    crate::platform::install_panic_notice();
    // The page is built in a task after the one that compiled and started the wasm: two
    // shorter tasks let the browser answer input in between (Lighthouse's Total Blocking Time).
    crate::platform::page::after(0, move || mount_now(view));
}

fn mount_now(view: PageView) {
    crate::platform::remove_boot_shell();
    // An embed address never starts the full app with the visitor's saved plans inside some
    // other site's frame (index.html sends such addresses to embed.html before this).
    if crate::platform::route::asks_for_embed() {
        leptos::mount::mount_to_body(|| {
            view! {
                <main id="main" class="embed">
                    <p class="notice" role="alert">
                        "This address names no Honest Income calculator to embed. "
                        <a href="./" target="_blank" rel="noopener">"Open Honest Income"</a>
                    </p>
                </main>
            }
        });
        return;
    }
    leptos::mount::mount_to_body(move || view! { <FullApp view /> });
}

/// The full app around one page: navigation, the plan bar, the page.
#[component]
fn FullApp(view: PageView) -> impl IntoView {
    let scenario = RwSignal::new(Scenario::default());
    provide_context(ScenarioState(scenario));
    crate::ui::context::LinkRoom::provide(scenario);
    provide_context(crate::ui::context::RemovedProductState::for_this_tab());
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
    // A page restored from the back-forward cache holds the plan as it was when it was left;
    // the plan may have changed on another page since, so it is read again from storage.
    // Where the address holds the plan (no storage), the page in memory is the newest copy.
    let shown_again = window_event_listener_untyped("pageshow", move |e| {
        if crate::platform::page::restored_from_cache(&e) && !library.plan_is_in_address() {
            crate::platform::page::reload();
        }
    });
    on_cleanup(move || shown_again.remove());
    let page = view.page;
    provide_context(CurrentPage(page));
    provide_context(layout::NavFragment::new(library));
    crate::platform::set_title(&match page {
        Page::Compare | Page::Plans => format!("{} · Honest Income", page.title()),
        other => format!("{} calculator · Honest Income", other.title()),
    });

    view! {
        <layout::Header />
        <main id="main" tabindex="-1">
            <scenario_bar::ScenarioBar />
            {(view.view)()}
        </main>
        // Last, so nothing on screen moves as the page is built in steps.
        <layout::AfterFirstBuild tasks=layout::LAST_STEP>
            <layout::Footer />
        </layout::AfterFirstBuild>
    }
}
