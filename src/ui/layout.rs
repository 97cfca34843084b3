//! The header with the calculators' navigation, and the footer.

use crate::platform::route::Page;
use crate::ui::context::CurrentPage;
use crate::ui::library::Library;
use leptos::prelude::*;

/// What every link to another page of the app carries so that page shows the same plan,
/// worked out once for all the links (see `SavedPlans::carry`).
#[derive(Clone, Copy)]
pub struct NavFragment(Memo<Option<String>>);

impl NavFragment {
    pub fn new(library: Library) -> NavFragment {
        NavFragment(Memo::new(move |_| library.carried_fragment()))
    }

    fn href(self, page: Page, from: Option<Page>) -> String {
        let address = page_address(page, from);
        match self.0.get() {
            Some(fragment) => format!("{address}#{fragment}"),
            None => address,
        }
    }
}

/// A page's address; `from` names the page the link is on, for a page that starts from it (the
/// Embed builder offers that calculator first).
fn page_address(page: Page, from: Option<Page>) -> String {
    match from {
        Some(from) if page == Page::Plans && from != Page::Home => {
            format!("{}&from={}", page.href(), from.slug())
        }
        _ => page.href(),
    }
}

/// A link to another page of the app (its own bundle, so the browser loads it). In the full
/// app it carries the plan; a plain click first saves an edit still waiting for the autosave,
/// so the next page reads it. In an embed it opens the full app in a new tab.
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
    let carried = use_context::<NavFragment>();
    let library = use_context::<Library>();
    let current = use_context::<CurrentPage>();
    // A page opened from this one may start from it (see `page_address`).
    let from = current.map(|c| c.0);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let plain = ev.button() == 0
            && !ev.ctrl_key()
            && !ev.meta_key()
            && !ev.shift_key()
            && !ev.alt_key();
        if let (true, Some(library), Some(carried)) = (plain, library, carried) {
            ev.prevent_default();
            library.flush();
            crate::platform::page::go_to(&carried.href(page, from));
        }
    };
    let href = move || carried.map_or_else(|| page_address(page, from), |c| c.href(page, from));
    view! {
        <a
            href=href
            class=class
            target=carried.is_none().then_some("_blank")
            aria-current=current.is_some_and(|c| c.0 == page).then_some("page")
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
                        .chain([Page::Compare, Page::Plans])
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
                // One text, as index.html's footer has it: the same size on screen (see there).
                "Everything is calculated in your browser; nothing you type leaves this page. Fee presets are starting points with their sources and dates: check them before you decide."
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

/// Parts of a page built in tasks of their own after the page's first build: `tasks` later
/// (1: the next task). On a phone the start-up task was one long block (over 400 ms at 4x CPU
/// slowdown on Pricing), and the browser answers no input until it ends (Lighthouse's Total
/// Blocking Time); in steps, it answers in between. Each part comes below or beside what is
/// already shown, so nothing on screen moves.
#[component]
pub fn AfterFirstBuild(children: ChildrenFn, #[prop(default = 1)] tasks: u32) -> impl IntoView {
    let ready = RwSignal::new(false);
    wait_tasks(tasks, move || {
        let _ = ready.try_set(true);
    });
    move || ready.get().then(|| children())
}

/// The step the page's footer comes in: after every part of every page (the most a page
/// waits is 4 tasks), so parts only ever arrive below what is shown, never push it down.
pub const LAST_STEP: u32 = 5;

/// Runs `then` after `tasks` tasks, one timeout after another (one timeout of a longer delay
/// would not let the tasks queued meanwhile run first).
fn wait_tasks(tasks: u32, then: impl FnOnce() + 'static) {
    set_timeout(
        move || match tasks {
            0 | 1 => then(),
            more => wait_tasks(more - 1, then),
        },
        std::time::Duration::ZERO,
    );
}
