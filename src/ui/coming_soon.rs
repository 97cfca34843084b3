//! A placeholder for calculators that are not built yet, honest about it.

use super::layout::PageLink;
use crate::platform::route::Page;
use leptos::prelude::*;

#[component]
pub fn ComingSoon(
    /// The calculator that is not ready.
    page: Page,
) -> impl IntoView {
    view! {
        <section class="coming-soon">
            <h1>{format!("{} calculator", page.title())}</h1>
            <p>"Coming soon. Until then, the Pricing calculator shows what each sale really nets."</p>
            <p><PageLink page=Page::Pricing class="button">"Open the Pricing calculator"</PageLink></p>
        </section>
    }
}
