//! Input groups that fold in an embed: a reader of a blog post sees the first result on a phone's
//! first screen, with the other inputs a tap away. In the full app every group stays open.

use crate::platform::route::EmbedOptions;
use leptos::prelude::*;

/// Which groups an embed shows open (provided by the embed only).
#[derive(Clone)]
pub struct EmbedFolds(pub EmbedOptions);

/// `children` as they are, or folded under `summary` when this embed folds the group `key`.
#[component]
pub fn Fold(
    key: &'static str,
    #[prop(into)] summary: Signal<String>,
    children: Children,
) -> impl IntoView {
    let folded = use_context::<EmbedFolds>().is_some_and(|f| !f.0.is_open(key));
    if folded {
        view! {
            <details class="group-fold" data-fold=key>
                <summary>{move || summary.get()}</summary>
                {children()}
            </details>
        }
        .into_any()
    } else {
        children().into_any()
    }
}
