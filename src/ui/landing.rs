//! The landing page: what the three calculators answer, in a few honest lines.

use super::layout::PageLink;
use crate::platform::route::Page;
use leptos::prelude::*;

#[component]
pub fn Landing() -> impl IntoView {
    // A link can land here too: what went wrong with it (or with the saved plans) is said here,
    // not only on the calculator pages.
    let notices = use_context::<super::library::Library>().map(|l| l.notices);
    view! {
        <section class="landing">
            {move || notices.map(|n| n.get()).filter(|n| !n.is_empty()).map(|n| view! {
                <ul class="plan-notices" role="alert">
                    {n.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
                </ul>
            })}
            <h1>"Passive income is delayed income. Count the wait."</h1>
            <p class="lede">
                "A blog needs 6-12 months before search traffic comes. A $27 workshop sells 8 copies in launch week, 3 the next, then 3-5 a month. "
                "Fees, hosting and AI subscriptions come first; income without effort comes later, if at all. "
                "These calculators put numbers on that before you spend a year."
            </p>
            <ul class="calculator-cards">
                <li class="card">
                    <h2><PageLink page=Page::Pricing>"Pricing"</PageLink></h2>
                    <p>"What one sale really nets after platform and payment fees, refunds and tax; what price or volume reaches your target; which platform keeps most."</p>
                </li>
                <li class="card">
                    <h2><PageLink page=Page::BreakEven>"Break-even"</PageLink></h2>
                    <p>"When the build hours and cash pay back, in sales and in months, and what each hour of your time was really worth."</p>
                </li>
                <li class="card">
                    <h2><PageLink page=Page::DelayedIncome>"Delayed income"</PageLink></h2>
                    <p>"Month by month, how blog, product and subscription income ramps up against the hours you put in, with honest uncertainty."</p>
                </li>
            </ul>
            <p class="landing-more">
                "Your plan saves in this browser as you type. Name several, "
                <PageLink page=Page::Compare>"compare them side by side"</PageLink>
                ", share one as a link, or export them all to a file."
            </p>
        </section>
    }
}
