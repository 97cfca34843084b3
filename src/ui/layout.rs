//! The header with the calculators' navigation, and the footer.

use crate::platform::route::Page;
use crate::ui::context::CurrentPage;
use leptos::prelude::*;

/// A link to a page that moves without reloading, yet works as a plain link too.
#[component]
pub fn PageLink(
    /// The page the link opens.
    page: Page,
    /// The link's content.
    children: Children,
    /// Extra CSS class.
    #[prop(optional, into)]
    class: String,
) -> impl IntoView {
    // In embed mode there is no page state: the link opens the full app in a new tab.
    let current = use_context::<CurrentPage>();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let plain = ev.button() == 0
            && !ev.ctrl_key()
            && !ev.meta_key()
            && !ev.shift_key()
            && !ev.alt_key();
        if let (true, Some(current)) = (plain, current) {
            ev.prevent_default();
            current.go(page);
        }
    };
    view! {
        <a
            href=page.href()
            class=class
            target=current.is_none().then_some("_blank")
            aria-current=move || current.is_some_and(|c| c.0.get() == page).then_some("page")
            on:click=on_click
        >
            {children()}
        </a>
    }
}

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <PageLink page=Page::Home class="brand">
                <span class="brand-mark" aria-hidden="true">"≈"</span>
                "Honest Income"
            </PageLink>
            <nav aria-label="Calculators">
                <ul>
                    {Page::CALCULATORS
                        .into_iter()
                        .chain([Page::Compare])
                        .map(|p| view! { <li><PageLink page=p>{p.nav_label()}</PageLink></li> })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "Everything is calculated in your browser; nothing you type leaves this page. "
                "Fee presets are starting points with their sources and dates: check them before you decide."
            </p>
        </footer>
    }
}

/// A page's heading and the sentence under it.
#[component]
pub fn PageIntro(title: &'static str, lede: &'static str) -> impl IntoView {
    view! {
        <header class="calculator-intro">
            <h1>{title}</h1>
            <p>{lede}</p>
        </header>
    }
}

/// A calculator's sections under its results (comparison, chart, tables), built in a task of
/// their own just after the page's first build. On a phone the start-up task was one long block
/// (over 400 ms at 4x CPU slowdown on Pricing); this splits off about a quarter of it, so the
/// page answers input sooner. They sit below the first screen, so nothing visible moves.
#[component]
pub fn AfterFirstBuild(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    set_timeout(move || ready.set(true), std::time::Duration::ZERO);
    move || ready.get().then(|| children())
}
