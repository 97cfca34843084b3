//! The Pricing calculator page: the form on one side, the results on the other.

mod chart;
mod compare;
mod form;
mod layers;
mod products;
mod results;

use crate::engine::compare::{compare_presets, PlatformOutcome};
use crate::engine::pricing::{calculate, PricingInputs, PricingResult};
use crate::scenario::{PricingErrors, PricingField, ProductDraft};
use crate::ui::context::ScenarioState;
use leptos::prelude::*;

/// The Pricing calculator's reactive state: the draft as typed and what it means.
#[derive(Clone, Copy)]
pub struct PricingState {
    scenario: RwSignal<crate::scenario::Scenario>,
    pub draft: Memo<ProductDraft>,
    pub inputs: Memo<Result<PricingInputs, PricingErrors>>,
    pub result: Memo<Option<PricingResult>>,
    pub comparison: Memo<Option<Vec<PlatformOutcome>>>,
}

impl PricingState {
    fn new(scenario: RwSignal<crate::scenario::Scenario>) -> Self {
        let draft =
            Memo::new(move |_| scenario.with(|s| s.opened_product().cloned().unwrap_or_default()));
        let inputs = Memo::new(move |_| draft.with(ProductDraft::inputs));
        let result = Memo::new(move |_| inputs.with(|i| i.as_ref().ok().map(calculate)));
        let comparison = Memo::new(move |_| inputs.with(|i| i.as_ref().ok().map(compare_presets)));
        PricingState {
            scenario,
            draft,
            inputs,
            result,
            comparison,
        }
    }

    /// Changes the draft.
    pub fn update(&self, change: impl FnOnce(&mut ProductDraft)) {
        self.scenario.update(|s| {
            if let Some(product) = s.opened_product_mut() {
                change(product);
            }
        });
    }

    /// Switches the open product between one-time and subscription.
    pub fn set_subscription(&self, subscription: bool) {
        self.scenario.update(|s| {
            if let Some(id) = s.opened_product().map(|p| p.id) {
                s.set_subscription(id, subscription);
            }
        });
    }

    /// The text typed in a field.
    pub fn text(&self, field: PricingField) -> Signal<String> {
        let draft = self.draft;
        Signal::derive(move || draft.with(|d| d.text(field)))
    }

    /// The field's sentence, if its text is not acceptable.
    pub fn error(&self, field: PricingField) -> Signal<Option<String>> {
        let draft = self.draft;
        Signal::derive(move || draft.with(|d| d.field_error(field).map(|e| e.to_string())))
    }

    /// Stores typed text in a field.
    pub fn setter(&self, field: PricingField) -> Callback<String> {
        let state = *self;
        Callback::new(move |text: String| state.update(|d| d.set_text(field, text)))
    }
}

#[component]
pub fn PricingPage() -> impl IntoView {
    let scenario = expect_context::<ScenarioState>().0;
    let state = PricingState::new(scenario);
    provide_context(state);
    view! {
        <div class="calculator">
            <crate::ui::layout::PageIntro title="Pricing"
                lede="What a sale really nets after platform and payment fees, refunds and tax, and what price or volume reaches your target." />
            <div class="calculator-grid">
                <form::PricingForm />
                <results::PhoneSummary />
                <results::PricingResults />
            </div>
            <crate::ui::layout::AfterFirstBuild>
                <compare::PlatformComparison />
                <chart::NetByVolume />
            </crate::ui::layout::AfterFirstBuild>
        </div>
    }
}
