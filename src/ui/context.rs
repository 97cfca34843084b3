//! What the app shares with every page through Leptos context, each as its own newtype so two
//! contexts can never be mistaken for each other.

use crate::platform::route::{push_page, Page};
use crate::scenario::{RemovedProduct, Scenario};
use leptos::prelude::*;

/// The plan being edited, shared by every calculator.
#[derive(Clone, Copy)]
pub struct ScenarioState(pub RwSignal<Scenario>);

/// The last product removed on Pricing and the plan right after: Undo is offered while the
/// plan is unchanged, on whichever page the user comes back from.
#[derive(Clone, Copy, Default)]
pub struct RemovedProductState(pub RwSignal<Option<(RemovedProduct, Scenario)>>);

/// The page being shown; set by links and the browser's back and forward buttons.
#[derive(Clone, Copy)]
pub struct CurrentPage(pub RwSignal<Page>);

impl CurrentPage {
    pub fn go(self, page: Page) {
        push_page(page);
        self.0.set(page);
        crate::platform::page::scroll_to_top();
    }
}

/// Input ids the embed's author locked.
#[derive(Clone, Debug, Default)]
pub struct LockedFields(pub Vec<String>);

impl LockedFields {
    pub fn has(&self, id: &str) -> bool {
        self.0.iter().any(|l| l == id)
    }
}

/// True when the input with this id is locked by an embed's author.
pub fn is_locked(id: &str) -> bool {
    use_context::<LockedFields>().is_some_and(|l| l.has(id))
}
