//! The Pricing calculator page: the form on one side, the results on the other.

mod chart;
mod compare;
mod form;
mod layers;
mod products;
mod results;

use crate::engine::compare::{compare_presets_reading, PlatformOutcome};
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
    /// The last product change Undo can take back (shared with the product bar).
    pub undo: RwSignal<Option<crate::ui::context::ProductUndo>>,
}

impl PricingState {
    fn new(scenario: RwSignal<crate::scenario::Scenario>) -> Self {
        let draft =
            Memo::new(move |_| scenario.with(|s| s.opened_product().cloned().unwrap_or_default()));
        let inputs = Memo::new(move |_| draft.with(ProductDraft::inputs));
        let result = Memo::new(move |_| inputs.with(|i| i.as_ref().ok().map(calculate)));
        // The user's platform under the reading they chose, so its row shows the net they see.
        let other_reading_of = Memo::new(move |_| {
            draft.with(|d| d.layers_match_other_reading().then(|| d.platform.clone()))
        });
        let comparison = Memo::new(move |_| {
            let reading = other_reading_of.get();
            inputs.with(|i| {
                i.as_ref()
                    .ok()
                    .map(|i| compare_presets_reading(i, reading.as_deref()))
            })
        });
        let undo = use_context::<crate::ui::context::RemovedProductState>()
            .unwrap_or_default()
            .0;
        PricingState {
            scenario,
            undo,
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

    /// Switches the open product between one-time and subscription; when streams had to
    /// let go of its net, Undo is offered.
    pub fn set_subscription(&self, subscription: bool) {
        let mut after = self.scenario.get_untracked();
        let Some(id) = after.opened_product().map(|p| p.id) else {
            return;
        };
        let change = after.set_subscription(id, subscription);
        if let Some(change) = change {
            let kind = if subscription {
                "a subscription"
            } else {
                "a one-time product"
            };
            let sentence = format!(
                "{} is now {kind}: the streams that took its net keep it as a figure of their own.",
                change.name
            );
            self.undo.set(Some(crate::ui::context::ProductUndo::new(
                sentence, change, &after,
            )));
        }
        self.scenario.set(after);
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
                <crate::ui::layout::AfterFirstBuild>
                    <form::PricingForm />
                </crate::ui::layout::AfterFirstBuild>
                <crate::ui::layout::AfterFirstBuild tasks=2>
                    <results::PhoneSummary />
                    <results::PricingResults />
                </crate::ui::layout::AfterFirstBuild>
            </div>
            <crate::ui::layout::AfterFirstBuild tasks=3>
                <compare::PlatformComparison />
            </crate::ui::layout::AfterFirstBuild>
            <crate::ui::layout::AfterFirstBuild tasks=4>
                <chart::NetByVolume />
            </crate::ui::layout::AfterFirstBuild>
        </div>
    }
}
