//! The bar above each calculator: which plan this is, whether it is saved, and what to do with it.

use super::layout::PageLink;
use super::library::{Library, Status};
use crate::platform::page;
use crate::platform::route::Page;
use crate::platform::storage::time_label;
use leptos::prelude::*;

#[component]
pub fn ScenarioBar() -> impl IntoView {
    let library = expect_context::<Library>();
    let name = Memo::new(move |_| library.current.get().map(|c| c.1));
    let status_text = move || {
        match library.status.get() {
        Status::Unavailable => crate::platform::storage::StorageError::Unavailable.to_string(),
        Status::Unsaved { from_link: true } => {
            "Opened from a link: not saved yet. Save it under a name to keep it here.".into()
        }
        Status::Unsaved { from_link: false } => "Not saved yet: your first change saves it in this browser.".into(),
        Status::Saved { .. } | Status::LinkDraft { .. } if library.unsaved_edit.get() => {
            "Saving your changes…".into()
        }
        Status::Saved { at } => format!("Saved in this browser at {}.", time_label(at)),
        Status::LinkDraft { at } => format!(
            "Opened from a link: your changes are kept as a draft in this browser ({}). Save it under a name to keep it as a plan.",
            time_label(at)
        ),
        Status::Failed(sentence) => sentence,
    }
    };
    let failed = move || {
        matches!(
            library.status.get(),
            Status::Failed(_) | Status::Unavailable
        )
    };
    let link = RwSignal::new(None::<Result<String, String>>);
    let copy_link = move |_| {
        let made = library.link();
        if let Ok(url) = &made {
            page::copy_to_clipboard(url);
        }
        link.set(Some(made));
    };
    // Your plans (saved plans, export, the Embed builder) is a page of its own.
    let current = expect_context::<super::CurrentPage>().0;

    view! {
        <section class="scenario-bar" aria-label="Your plan">
            <div class="plan-line">
                <p class="plan-name">
                    <span class="label">"Plan: "</span>
                    <strong data-testid="plan-name">{move || name.get().unwrap_or_else(|| "Unsaved plan".into())}</strong>
                </p>
                <p class="plan-status" class:problem=failed role="status" data-testid="save-status">{status_text}</p>
                <div class="plan-actions">
                    <button type="button" class="secondary" on:click=copy_link>"Copy link"</button>
                    {(current != Page::Plans).then(|| view! {
                        <PageLink page=Page::Plans class="button secondary">"Your plans"</PageLink>
                    })}
                </div>
            </div>
            {move || link.get().map(|made| match made {
                Ok(url) => view! {
                    <div class="field share">
                        <label for="share-link">"Link to this plan (copied if your browser allows)"</label>
                        <input id="share-link" class="text-input" type="text" readonly prop:value=url
                            on:focus=|ev| page::select_all(&ev) />
                    </div>
                }.into_any(),
                Err(sentence) => view! { <p class="notice" role="alert">{sentence}</p> }.into_any(),
            })}
            <ul class="plan-notices" role="status">
                {move || library.notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                {move || library.conflict.get().map(|theirs| view! {
                    <li class="conflict">
                        {format!("This plan was changed in another tab at {}. Nothing was overwritten. ", time_label(theirs.updated))}
                        <button type="button" class="link-button" on:click=move |_| library.load_theirs()>"Show that version"</button>
                        " or "
                        <button type="button" class="link-button" on:click=move |_| library.keep_mine()>"keep this tab's as a copy"</button>
                    </li>
                })}
                {move || library.deleted.get().map(|gone| view! {
                    <li>
                        {format!("Deleted \"{}\". ", gone.name)}
                        <button type="button" class="link-button" on:click=move |_| library.undo_delete()>"Undo"</button>
                    </li>
                })}
            </ul>
        </section>
    }
}
