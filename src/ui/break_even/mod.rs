//! The Break-even calculator page: when the build pays back, and what the hours were worth.

mod chart;
mod form;
mod results;

use crate::engine::break_even::{break_even, BreakEven, BreakEvenInputs};
use crate::engine::money::Currency;
use crate::scenario::{BreakEvenDraft, BreakEvenErrors, BreakEvenField, Scenario};
use crate::ui::context::ScenarioState;
use leptos::prelude::*;

/// The Break-even calculator's reactive state, including what it takes from Pricing.
#[derive(Clone, Copy)]
pub struct BreakEvenState {
    scenario: RwSignal<Scenario>,
    pub draft: Memo<BreakEvenDraft>,
    pub currency: Memo<Currency>,
    /// The chosen product's monthly platform plan fees, if any.
    pub pricing_plan_fees: Memo<Option<i64>>,
    pub inputs: Memo<Result<BreakEvenInputs, BreakEvenErrors>>,
    pub result: Memo<Option<BreakEven>>,
}

impl BreakEvenState {
    fn new(scenario: RwSignal<Scenario>) -> Self {
        let draft = Memo::new(move |_| scenario.with(|s| s.break_even.clone()));
        let currency = Memo::new(move |_| scenario.with(Scenario::currency));
        let product = Memo::new(move |_| scenario.with(|s| s.break_even.product));
        let pricing = Memo::new(move |_| {
            let id = product.get()?;
            scenario.with(|s| s.product(id)?.inputs().ok())
        });
        let pricing_net = Memo::new(move |_| {
            let id = product.get()?;
            scenario.with(|s| s.net_per_sale_after_refunds(id))
        });
        let pricing_plan_fees = Memo::new(move |_| {
            pricing.with(|p| p.as_ref().map(|i| i.plan_fees()).filter(|fees| *fees > 0))
        });
        let inputs =
            Memo::new(move |_| draft.with(|d| d.inputs(currency.get(), pricing_net.get())));
        let result = Memo::new(move |_| inputs.with(|i| i.as_ref().ok().map(break_even)));
        BreakEvenState {
            scenario,
            draft,
            currency,
            pricing_plan_fees,
            inputs,
            result,
        }
    }

    /// Changes the draft.
    pub fn update(&self, change: impl FnOnce(&mut BreakEvenDraft)) {
        self.scenario.update(|s| change(&mut s.break_even));
    }

    /// The text typed in a field.
    pub fn text(&self, field: BreakEvenField) -> Signal<String> {
        let draft = self.draft;
        Signal::derive(move || draft.with(|d| d.text(field)))
    }

    /// The field's sentence, if its text is not acceptable.
    pub fn error(&self, field: BreakEvenField) -> Signal<Option<String>> {
        let (draft, currency) = (self.draft, self.currency);
        Signal::derive(move || {
            draft.with(|d| d.field_error(field, currency.get()).map(|e| e.to_string()))
        })
    }

    /// Stores typed text in a field.
    pub fn setter(&self, field: BreakEvenField) -> Callback<String> {
        let state = *self;
        Callback::new(move |text: String| state.update(|d| d.set_text(field, text)))
    }
}

#[component]
pub fn BreakEvenPage() -> impl IntoView {
    let scenario = expect_context::<ScenarioState>().0;
    provide_context(BreakEvenState::new(scenario));
    view! {
        <div class="calculator">
            <crate::ui::layout::PageIntro title="Break-even"
                lede="The income only becomes passive after the hardest work is done. When has that work paid for itself, in sales and in months, and what was an hour of it worth?" />
            <div class="calculator-grid">
                <crate::ui::layout::AfterFirstBuild>
                    <form::BreakEvenForm />
                </crate::ui::layout::AfterFirstBuild>
                <crate::ui::layout::AfterFirstBuild tasks=2>
                    <results::PhoneSummary />
                    <results::BreakEvenResults />
                </crate::ui::layout::AfterFirstBuild>
            </div>
            <crate::ui::layout::AfterFirstBuild tasks=3>
                <chart::CumulativeResult />
            </crate::ui::layout::AfterFirstBuild>
        </div>
    }
}
