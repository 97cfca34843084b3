//! Embed mode: one calculator with compact chrome, the author's numbers from the link, optional
//! locked inputs, and a link to open the same plan in the full calculator.

use crate::platform::route::EmbedOptions;
use crate::scenario::codec::{decode_link, encode_link};
use crate::scenario::Scenario;
use crate::ui::context::{LockedFields, ScenarioState};
pub use crate::ui::pages::{PageView as Calculator, BREAK_EVEN, DELAYED_INCOME, PRICING};
use leptos::prelude::*;

/// Starts a one-calculator embed build: the calculator is fixed at compile time, so the others,
/// navigation and plan storage never reach its download. The address's theme and locks still
/// apply; its calculator was what chose this build.
pub fn mount(calculator: Calculator) {
    crate::platform::install_panic_notice();
    // Built in a task after the wasm's start, as the full app's pages are (ui::mount_page).
    crate::platform::page::after(0, move || mount_now(calculator));
}

fn mount_now(calculator: Calculator) {
    crate::platform::remove_boot_shell();
    let options = crate::platform::route::current_embed()
        .map(|o| EmbedOptions {
            page: calculator.page,
            ..o
        })
        .unwrap_or(EmbedOptions {
            page: calculator.page,
            theme: crate::platform::route::Theme::Auto,
            locked: Vec::new(),
            downloads: true,
            open: None,
        });
    leptos::mount::mount_to_body(move || view! { <EmbedApp options calculator /> });
}

#[component]
pub fn EmbedApp(
    /// What the host page asked for.
    options: EmbedOptions,
    /// The calculator to show (the one `options.page` names).
    calculator: Calculator,
) -> impl IntoView {
    crate::platform::embed::apply_theme(options.theme);
    let hash = crate::platform::page::location_hash();
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
    crate::ui::context::LinkRoom::provide(scenario);
    provide_context(crate::ui::context::RemovedProductState::default());
    provide_context(LockedFields(options.locked.clone()));
    provide_context(crate::ui::fold::EmbedFolds(options.clone()));
    let page = options.page;
    let has_locks = !options.locked.is_empty();
    crate::platform::set_title(&format!("{} calculator · Honest Income", page.title()));
    crate::platform::embed::post_height_on_resize();
    let full_link = Signal::derive(move || {
        let fragment = scenario.with(encode_link).ok();
        match fragment {
            Some(f) => format!("{}#{f}", page.href()),
            None => page.href(),
        }
    });
    provide_context(crate::ui::context::EmbedFrame {
        downloads: options.downloads,
        full_link,
    });
    view! {
        <main id="main" class="embed" tabindex="-1">
            {problem.map(|p| view! { <p class="notice" role="alert">{p}</p> })}
            {has_locks.then(|| view! {
                <p class="hint embed-locks">"The author of this page fixed some inputs (shown greyed out); change any of the others."</p>
            })}
            {(calculator.view)()}
            // Last, so nothing on screen moves as the calculator is built in steps.
            <crate::ui::layout::AfterFirstBuild tasks=crate::ui::layout::LAST_STEP>
                <p class="embed-footer">
                    <a href=full_link target="_blank" rel="noopener">"Open in full calculator"</a>
                    " · Honest Income: calculated in your browser; nothing you type leaves this page."
                </p>
            </crate::ui::layout::AfterFirstBuild>
        </main>
    }
}
