//! The Delayed-income calculator page: streams month by month, income against hours.

mod chart;
mod form;
mod lever;
mod results;
mod what_if;

use crate::engine::delayed::monte_carlo::{run, MonteCarlo};
use crate::engine::delayed::{project, Milestones, Projection};
use crate::engine::money::Currency;
use crate::scenario::delayed::{
    DelayedDraft, DelayedErrors, DelayedField, DelayedInputs, FromThePlan,
};
use crate::scenario::Scenario;
use crate::ui::context::ScenarioState;
use leptos::prelude::*;

/// The Delayed-income calculator's reactive state, including what it takes from the others.
#[derive(Clone, Copy)]
pub struct DelayedState {
    scenario: RwSignal<Scenario>,
    pub draft: Memo<DelayedDraft>,
    pub currency: Memo<Currency>,
    /// What the streams take from the rest of the plan: products' nets, the monthly cost
    /// lines, Break-even's plan and value of an hour.
    pub from: Memo<FromThePlan>,
    pub inputs: Memo<Result<DelayedInputs, DelayedErrors>>,
    pub projection: Memo<Option<Projection>>,
    pub milestones: Memo<Option<Milestones>>,
    pub monte_carlo: Memo<Option<MonteCarlo>>,
}

impl DelayedState {
    fn new(scenario: RwSignal<Scenario>) -> Self {
        let draft = Memo::new(move |_| scenario.with(|s| s.delayed.clone()));
        let currency = Memo::new(move |_| scenario.with(Scenario::currency));
        let from = Memo::new(move |_| scenario.with(Scenario::delayed_from_the_plan));
        let inputs = Memo::new(move |_| from.with(|f| draft.with(|d| d.inputs(f))));
        let projection =
            Memo::new(move |_| inputs.with(|i| i.as_ref().ok().map(|i| project(&i.plan))));
        let milestones = Memo::new(move |_| {
            let target = inputs.with(|i| i.as_ref().ok().map(|i| i.plan.target))?;
            projection.with(|p| p.as_ref().map(|p| p.milestones(target)))
        });
        let monte_carlo = Memo::new(move |_| {
            inputs.with(|i| {
                let i = i.as_ref().ok()?;
                i.uncertainty.as_ref().map(|u| run(&i.plan, u))
            })
        });
        DelayedState {
            scenario,
            draft,
            currency,
            from,
            inputs,
            projection,
            milestones,
            monte_carlo,
        }
    }

    /// Changes the draft.
    pub fn update(&self, change: impl FnOnce(&mut DelayedDraft)) {
        self.scenario.update(|s| change(&mut s.delayed));
    }

    /// Changes the plan (for edits that reach beyond Delayed income, such as product links).
    pub fn update_plan(&self, change: impl FnOnce(&mut Scenario)) {
        self.scenario.update(change);
    }

    /// The field's sentence, if its text is not acceptable.
    pub fn error(&self, field: DelayedField) -> Signal<Option<String>> {
        let (draft, from) = (self.draft, self.from);
        Signal::derive(move || {
            from.with(|f| draft.with(|d| d.field_error(&field, f).map(|e| e.to_string())))
        })
    }
}

#[component]
pub fn DelayedIncomePage() -> impl IntoView {
    let scenario = expect_context::<ScenarioState>().0;
    provide_context(DelayedState::new(scenario));
    view! {
        <div class="calculator">
            <crate::ui::layout::PageIntro title="Delayed income"
                lede="Passive income is delayed income. Month by month: how blog, product and subscription income ramps up against the hours you put in, and how wide the honest range is." />
            <div class="calculator-grid wide-form">
                <crate::ui::layout::AfterFirstBuild>
                    <form::DelayedForm />
                </crate::ui::layout::AfterFirstBuild>
                <crate::ui::layout::AfterFirstBuild tasks=2>
                    <results::PhoneSummary />
                    <results::DelayedResults />
                </crate::ui::layout::AfterFirstBuild>
            </div>
            <crate::ui::layout::AfterFirstBuild tasks=3>
                <chart::IncomeChart />
            </crate::ui::layout::AfterFirstBuild>
            <crate::ui::layout::AfterFirstBuild tasks=4>
                <what_if::WhatMustBeTrue />
                <lever::BiggestLever />
                <results::MonthTable />
            </crate::ui::layout::AfterFirstBuild>
        </div>
    }
}
