//! Input groups that fold in an embed: a reader of a blog post sees the first result on a phone's
//! first screen, with the other inputs a tap away. In the full app every group stays open.
//!
//! Each group is a `<details>` in both, open and without its summary in the full app (see the
//! stylesheet's `.group-fold`): one static markup, rather than two views to choose between,
//! which cost several KB of wasm across the groups.

use crate::platform::route::EmbedOptions;
use leptos::prelude::*;

/// Which groups an embed shows open (provided by the embed only).
#[derive(Clone)]
pub struct EmbedFolds(pub EmbedOptions);

/// True when this page is an embed that folds the input group `key`.
pub fn folded(key: &str) -> bool {
    use_context::<EmbedFolds>().is_some_and(|f| !f.0.is_open(key))
}
