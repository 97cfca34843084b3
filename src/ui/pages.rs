//! The pages of the app, each named with its view. A view is a plain function, so a bundle
//! built for one page (src/bin/page_*.rs, src/bin/embed_*.rs) links that page's code only.

use crate::platform::route::Page;
use crate::ui::break_even::BreakEvenPage;
use crate::ui::compare::ComparePage;
use crate::ui::delayed::DelayedIncomePage;
use crate::ui::plans::PlansPage;
use crate::ui::pricing::PricingPage;
use leptos::prelude::*;

/// A page and its view.
#[derive(Clone, Copy)]
pub struct PageView {
    pub page: Page,
    pub view: fn() -> AnyView,
}

pub const PRICING: PageView = PageView {
    page: Page::Pricing,
    view: || view! { <PricingPage /> }.into_any(),
};

pub const BREAK_EVEN: PageView = PageView {
    page: Page::BreakEven,
    view: || view! { <BreakEvenPage /> }.into_any(),
};

pub const DELAYED_INCOME: PageView = PageView {
    page: Page::DelayedIncome,
    view: || view! { <DelayedIncomePage /> }.into_any(),
};

pub const COMPARE: PageView = PageView {
    page: Page::Compare,
    view: || view! { <ComparePage /> }.into_any(),
};

pub const PLANS: PageView = PageView {
    page: Page::Plans,
    view: || view! { <PlansPage /> }.into_any(),
};
