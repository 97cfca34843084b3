//! What the app shares with every page through Leptos context, each as its own newtype so two
//! contexts can never be mistaken for each other.

use crate::platform::route::Page;
use crate::scenario::{RemovedProduct, Scenario};
use leptos::prelude::*;

/// The plan being edited, shared by every calculator.
#[derive(Clone, Copy)]
pub struct ScenarioState(pub RwSignal<Scenario>);

/// A product change Undo can take back: what happened, the plan before and right after.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ProductUndo {
    pub sentence: String,
    pub before: Scenario,
    pub after: Scenario,
}

impl ProductUndo {
    pub fn new(sentence: String, change: RemovedProduct, after: &Scenario) -> ProductUndo {
        ProductUndo {
            sentence,
            before: *change.before,
            after: after.clone(),
        }
    }

    /// Undo is offered while the plan is as the change left it (looking at another product on
    /// Pricing is not a change).
    pub fn still_applies(&self, now: &Scenario) -> bool {
        now.products == self.after.products
            && now.break_even == self.after.break_even
            && now.delayed == self.after.delayed
    }
}

/// The last product removed or switched on Pricing, on whichever page the user comes back from.
#[derive(Clone, Copy, Default)]
pub struct RemovedProductState(pub RwSignal<Option<ProductUndo>>);

impl RemovedProductState {
    const TAB_KEY: &str = "honest-income.product-undo";

    /// The tab's last product change, kept in the tab's session storage: each page is its own
    /// bundle, and Undo must still be there after a visit to another page.
    pub fn for_this_tab() -> RemovedProductState {
        let undo = RwSignal::new(crate::platform::storage::tab_get::<ProductUndo>(
            Self::TAB_KEY,
        ));
        Effect::new(move |previous: Option<()>| {
            let now = undo.get();
            if previous.is_some() {
                crate::platform::storage::tab_set(Self::TAB_KEY, now.as_ref());
            }
        });
        RemovedProductState(undo)
    }
}

/// The page this bundle shows (each page of the full app is its own bundle).
#[derive(Clone, Copy)]
pub struct CurrentPage(pub Page);

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

/// Inside an embed: whether its frame may download, and the full calculator with the same plan
/// (where a reader can do what the frame cannot).
#[derive(Clone, Copy)]
pub struct EmbedFrame {
    pub downloads: bool,
    pub full_link: Signal<String>,
}

/// Characters of link the open plan can still grow by (see `scenario::link::room`): the Add
/// buttons and every box's maxlength read it, so whatever is built travels in one link.
#[derive(Clone, Copy)]
pub struct LinkRoom(pub Memo<usize>);

impl LinkRoom {
    pub fn provide(scenario: RwSignal<Scenario>) {
        // Working out the room encodes a widened twin of the plan (about 10 ms at 4x CPU
        // slowdown): not in the page's first, longest task. Until then the room is the whole
        // link; an addition is checked exactly all the same (`grow`).
        let known = RwSignal::new(false);
        set_timeout(
            move || {
                let _ = known.try_set(true);
            },
            std::time::Duration::ZERO,
        );
        let room = Memo::new(move |_| {
            if known.get() {
                scenario.with(crate::scenario::link::link_room_left)
            } else {
                crate::scenario::codec::MAX_LINK_CHARS
            }
        });
        provide_context(LinkRoom(room));
    }

    /// The room left now (the most, outside a plan's context, as in component tests).
    pub fn left() -> usize {
        use_context::<LinkRoom>()
            .map(|r| r.0.get())
            .unwrap_or(crate::scenario::codec::MAX_LINK_CHARS)
    }

    /// True while the room holds at least what `addition` takes (for an Add button).
    pub fn holds(addition: crate::scenario::link::Addition) -> bool {
        Self::left() >= crate::scenario::link::room_an_addition_takes(addition)
    }

    /// Makes an addition to the open plan when the plan after it still travels in one link:
    /// what an Add button does on a click (its `holds` is an estimate, this is exact).
    pub fn grow(change: impl FnOnce(&mut Scenario) -> bool) {
        let Some(state) = use_context::<ScenarioState>() else {
            return;
        };
        let after = state
            .0
            .with_untracked(|s| crate::scenario::link::grown(s, change));
        if let Some(after) = after {
            state.0.set(after);
        }
    }

    /// The maxlength of a name box.
    pub fn name_maxlength(most: usize) -> String {
        crate::scenario::link::name_maxlength(Self::left(), most).to_string()
    }

    /// The maxlength of a number box holding `text`.
    pub fn number_maxlength(text: &str) -> String {
        let most = crate::scenario::codec::MAX_TEXT_CHARS;
        crate::scenario::link::number_maxlength(text, Self::left(), most).to_string()
    }

    /// The sentence beside an Add button the room refuses.
    pub fn full_sentence(what: &str) -> String {
        let most = crate::engine::money::group_digits(
            crate::scenario::codec::MAX_LINK_CHARS as u64,
            false,
        );
        format!("This plan is as large as one link can carry ({most} characters), so another {what} would not travel with it. Remove a stream, product, cost line or fee layer, or shorten a name, to make room.")
    }
}
