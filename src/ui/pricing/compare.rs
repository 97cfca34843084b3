//! Every platform preset at the user's price and volume, best first, and where paid plans pay.

use super::PricingState;
use crate::engine::money::Money;
use crate::format::money_estimate;
use leptos::prelude::*;

#[component]
pub fn PlatformComparison() -> impl IntoView {
    let state = expect_context::<PricingState>();
    let chosen = Memo::new(move |_| state.draft.with(|d| d.platform.clone()));
    view! {
        <section class="comparison" aria-labelledby="compare-title">
            <h2 id="compare-title">"Platforms compared"</h2>
            {move || {
                let (Some(rows), Ok(inputs)) = (state.comparison.get(), state.inputs.get()) else {
                    return view! { <p class="notice">"The comparison needs valid numbers in the form above."</p> }.into_any();
                };
                let c = inputs.currency;
                let mine_id = chosen.get();
                let oldest = crate::engine::presets::oldest_as_of();
                let basis = if inputs.kind == crate::engine::fees::ProductKind::Subscription {
                    "per subscriber per month"
                } else {
                    "per sale"
                };
                let unit = if inputs.kind == crate::engine::fees::ProductKind::Subscription { "paying subscribers" } else { "sales" };
                let crossovers: Vec<String> = crate::engine::compare::plan_crossovers(&inputs)
                    .into_iter()
                    .map(|x| match (x.from_charges, x.from_revenue) {
                        (Some(n), Some(revenue)) => format!(
                            "{} keeps more than {} from {n} {unit} a month ({} of sales).",
                            x.pricier.name, x.cheaper.name, money_estimate(revenue, c)
                        ),
                        _ => format!("{} never keeps more than {} at this price: its cut per sale is no smaller.", x.pricier.name, x.cheaper.name),
                    })
                    .collect();
                view! {
                    <p class="hint">{format!("Monthly net at your price, volume, refunds and tax set-aside; best first. Net {basis} after fees.")}</p>
                    <p class="hint scroll-hint">"Wider than a phone: scroll the table sideways for every column."</p>
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Platform comparison table">
                        <table class="compare">
                            <thead>
                                <tr>
                                    <th scope="col">"Platform and fees"</th>
                                    // The column the ranking follows comes first, so a phone shows it.
                                    <th scope="col" class="num">"Monthly net"</th>
                                    <th scope="col" class="num">{format!("Net {basis}")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().enumerate().map(|(rank, o)| {
                                    let mine = mine_id == o.preset.id;
                                    view! {
                                        <tr class:mine=mine>
                                            <th scope="row">
                                                <span class="platform-name">{format!("{}. {}", rank + 1, o.preset.name)}{o.reading.map(|r| format!(", {r}"))}</span>
                                                {mine.then(|| view! { <span class="badge">"your choice"</span> })}
                                                <span class="formula">
                                                    {o.preset.formula}
                                                    {format!(" (as of {}, ", o.preset.as_of)}
                                                    <a href=o.preset.source target="_blank" rel="noopener noreferrer">"source"</a>
                                                    ")"
                                                    {(o.preset.as_of == oldest).then_some(": the oldest fee date here, check it")}
                                                </span>
                                                <span class="seller">{o.preset.seller.sentence()}</span>
                                            </th>
                                            <td class="num" class:negative=o.monthly_net < 0.0>{money_estimate(o.monthly_net, c)}</td>
                                            <td class="num">{Money::new(o.net_per_sale, c).to_string()}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <ul class="crossovers" data-testid="crossovers">
                        {crossovers.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
