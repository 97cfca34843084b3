//! The bar above each calculator: which plan this is, whether it is saved, and what to do with it.

use super::library::{Library, Status};
use crate::platform::page;
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
    let message = RwSignal::new(String::new());
    let new_name = RwSignal::new(String::new());
    let copy_link = move |_| {
        let made = library.link();
        if let Ok(url) = &made {
            page::copy_to_clipboard(url);
        }
        link.set(Some(made));
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(text) = page::chosen_file_text(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match text.await {
                Some(t) => library.import(&t, message),
                None => message.set("That file could not be read.".into()),
            }
        });
    };

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
            <EmbedPanel />
            <details class="manage">
                <summary>"Manage plans"</summary>
                <div class="manage-body">
                    <div class="field">
                        <label for="plan-name-input">"Name"</label>
                        <div class="inline">
                            <input id="plan-name-input" class="text-input" type="text" autocomplete="off" maxlength="80"
                                prop:value=move || new_name.get()
                                on:input=move |ev| new_name.set(event_target_value(&ev)) />
                            <button type="button" on:click=move |_| library.save_as(&new_name.get_untracked())>"Save as new plan"</button>
                            <button type="button" class="secondary" disabled=move || name.get().is_none()
                                on:click=move |_| library.rename(&new_name.get_untracked())>"Rename this plan"</button>
                        </div>
                    </div>
                    <div class="layer-actions">
                        <button type="button" class="secondary" on:click=move |_| library.duplicate()>"Duplicate"</button>
                        <button type="button" class="icon-button" disabled=move || name.get().is_none()
                            on:click=move |_| library.delete()>"Delete this plan"</button>
                    </div>
                    <h3>"Saved plans"</h3>
                    <Show when=move || library.entries.with(|e| e.is_empty())>
                        <p class="hint">"No saved plans yet."</p>
                    </Show>
                    <ul class="plan-list">
                        {move || library.entries.get().into_iter().map(|entry| {
                            let id = entry.id.clone();
                            let is_current = library.current.with(|c| c.as_ref().is_some_and(|c| c.0 == entry.id));
                            view! {
                                <li class:current=is_current>
                                    <span>{entry.name.clone()}</span>
                                    <span class="meta">{format!("changed {}", time_label(entry.updated))}</span>
                                    <button type="button" class="link-button" disabled=is_current
                                        aria-label=format!("Open {}", entry.name)
                                        on:click=move |_| library.open(&id)>{if is_current { "open now" } else { "Open" }}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <h3>"Keep a durable copy"</h3>
                    <p class="hint">"Browsers may clear saved data (Safari after a week without visits, private windows at once). A link or an exported file is the durable copy."</p>
                    <div class="layer-actions">
                        <button type="button" class="secondary" on:click=move |_| {
                            if let Err(e) = library.export_all() { message.set(e); } else { message.set("Exported every plan to honest-income-plans.json.".into()); }
                        }>"Export all plans"</button>
                        // The input is hidden behind its label, which looks like the app's own
                        // buttons (the browser's "Choose File" text would sit inside it).
                        <label class="file-button">
                            "Import plans from a file"
                            <input type="file" class="visually-hidden" accept="application/json,.json" on:change=import />
                        </label>
                    </div>
                    <p class="hint" role="status">{move || message.get()}</p>
                </div>
            </details>
        </section>
    }
}

/// Generates the snippet that embeds a calculator, with this plan's numbers, in a blog post.
#[component]
fn EmbedPanel() -> impl IntoView {
    use crate::embed_snippet::{embed_snippet, embed_src, EmbedRequest, Frame};
    use crate::platform::route::{group_open, Page, Theme};
    let scenario = expect_context::<super::ScenarioState>().0;
    let current = expect_context::<super::CurrentPage>().0;
    let chosen = RwSignal::new(None::<Page>);
    let theme = RwSignal::new(Theme::Auto);
    let frame = RwSignal::new(Frame::Contained);
    let resize = RwSignal::new(true);
    let locked = RwSignal::new(Vec::<String>::new());
    // The input groups shown open; None: the calculator's default.
    let open_groups = RwSignal::new(None::<Vec<String>>);
    // The inputs of the calculator on this page, read when the panel opens.
    let lockable = RwSignal::new(Vec::<(String, String)>::new());
    let open = RwSignal::new(false);
    // Read again after each change of the plan while the panel is open (a stream or cost line
    // added, a stream renamed), once the page has drawn it; the list re-renders only if it differs.
    Effect::new(move |_| {
        scenario.track();
        if open.get() {
            request_animation_frame(move || {
                let now = crate::platform::embed::lockable_inputs();
                if lockable.try_with_untracked(|l| l != &now).unwrap_or(false) {
                    let _ = lockable.try_set(now);
                }
            });
        }
    });
    // The plan's link, encoded once for the snippet and the preview, and only while the panel is
    // open: closed, a change of the plan costs nothing here.
    let link = Memo::new(move |_| {
        open.get()
            .then(|| scenario.with(crate::scenario::codec::encode_link))
    });
    let fragment = Memo::new(move |_| link.get().and_then(Result::ok));
    let cannot_travel = move || link.get().and_then(Result::err);
    let embeds_this_page = move || chosen.get().is_none_or(|p| p == current);
    let embedded_page = move || {
        // Compare embeds Pricing by default: it is no calculator of its own.
        let here = match current {
            Page::BreakEven => Page::BreakEven,
            Page::DelayedIncome => Page::DelayedIncome,
            _ => Page::Pricing,
        };
        chosen.get().unwrap_or(here)
    };
    // Another calculator has other groups: back to its default.
    Effect::new(move |previous: Option<Page>| {
        let page = embedded_page();
        if previous.is_some_and(|p| p != page) {
            open_groups.set(None);
        }
        page
    });
    let request = move |with: &dyn Fn(&EmbedRequest<'_>) -> String| {
        let page = embedded_page();
        let app_url = page::app_folder().unwrap_or_default();
        let fragment = fragment.get();
        // Locks name inputs of the calculator on this page; another calculator has other ids.
        let locked = if embeds_this_page() {
            locked.get()
        } else {
            Vec::new()
        };
        let open = open_groups.get();
        with(&EmbedRequest {
            app_url: &app_url,
            open: open.as_deref(),
            page,
            theme: theme.get(),
            frame: frame.get(),
            locked: &locked,
            fragment: fragment.as_deref(),
            // About the compact embed's height at 1,000 px wide (its inputs folded).
            height: match page {
                Page::Pricing => 2600,
                Page::BreakEven => 1900,
                _ => 2100,
            },
            resize_script: resize.get(),
        })
    };
    let snippet = Memo::new(move |_| request(&embed_snippet));
    // The preview frames the same address as the snippet, in this page's own origin.
    let preview = RwSignal::new(false);
    let preview_src = Memo::new(move |_| request(&embed_src));
    let copied = RwSignal::new(false);
    view! {
        <details class="manage" on:toggle=move |ev| {
            open.set(page::details_open(&ev));
        }>
            <summary>"Embed in a blog post"</summary>
            <div class="manage-body">
                <p class="hint">"Paste this into your post: readers see the calculator with this plan's numbers and can change them. Only the frame's height ever reaches your page."</p>
                <div class="field">
                    <label for="embed-page">"Calculator"</label>
                    <select id="embed-page" on:change=move |ev| chosen.set(match event_target_value(&ev).as_str() {
                        "break-even" => Some(Page::BreakEven),
                        "delayed-income" => Some(Page::DelayedIncome),
                        _ => Some(Page::Pricing),
                    })>
                        {Page::CALCULATORS.into_iter().map(|p| view! {
                            <option value=p.slug() selected=move || chosen.get().unwrap_or(current) == p>{p.title()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="embed-theme">"Colours"</label>
                    <select id="embed-theme" on:change=move |ev| theme.set(match event_target_value(&ev).as_str() {
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        _ => Theme::Auto,
                    })>
                        <option value="auto">"Follow the reader's system"</option>
                        <option value="light">"Light"</option>
                        <option value="dark">"Dark"</option>
                    </select>
                </div>
                <fieldset class="lock-list frame-choice">
                    <legend>"Frame"</legend>
                    {[
                        (Frame::Contained, "frame-contained", "Sandboxed (recommended)",
                            "Works from any host. The calculator cannot reach your page, move it or submit its forms. Serve the calculator from another site than your blog (a subdomain will do): on the same site a frame allowed its own origin could lift its sandbox."),
                        (Frame::Strict, "frame-strict", "Strictest sandbox",
                            "The frame gets no origin at all. The calculator's site must then send Access-Control-Allow-Origin: * with its .js, .wasm and .css files (the example _headers does); without it readers see a sentence instead of the calculator. Readers cannot download the CSV here."),
                        (Frame::Plain, "frame-plain", "No sandbox",
                            "For hosts that strip the sandbox attribute. Use only when you trust the calculator's site as your own."),
                    ].into_iter().map(|(choice, id, label, hint)| view! {
                        <div class="field checkbox">
                            <input type="radio" name="embed-frame" id=id prop:checked=move || frame.get() == choice
                                on:change=move |_| frame.set(choice) />
                            <label for=id>{label}</label>
                            <p class="hint">{hint}</p>
                        </div>
                    }).collect_view()}
                </fieldset>
                <div class="field checkbox">
                    <input type="checkbox" id="embed-resize" prop:checked=move || resize.get()
                        on:change=move |ev| resize.set(event_target_checked(&ev)) />
                    <label for="embed-resize">"Resize the frame to fit (adds a small script)"</label>
                </div>
                <fieldset class="lock-list">
                    <legend>"Inputs shown open"</legend>
                    <p class="hint">"The others fold under their headings, so readers on a phone see the first result at once."</p>
                    // Drawn only while the panel is open: closed, its names would be a second
                    // set of labels for the page's own fields.
                    {move || open.get().then(|| {
                        let page = embedded_page();
                        crate::platform::route::input_groups(page).iter().map(|&(key, name)| {
                            let box_id = format!("open-{key}");
                            let checked = move || open_groups.with(|o| group_open(o.as_deref(), page, key));
                            view! {
                                <div class="field checkbox">
                                    <input type="checkbox" id=box_id.clone() prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let mut now: Vec<String> = crate::platform::route::input_groups(page).iter()
                                                .map(|(k, _)| k.to_string())
                                                .filter(|k| open_groups.with_untracked(|o| group_open(o.as_deref(), page, k)))
                                                .collect();
                                            now.retain(|k| k != key);
                                            if on {
                                                now.push(key.to_string());
                                            }
                                            open_groups.set(Some(now));
                                        } />
                                    <label for=box_id>{name}</label>
                                </div>
                            }
                        }).collect_view()
                    })}
                </fieldset>
                <fieldset class="lock-list">
                    <legend>"Locked inputs"</legend>
                    <p class="hint">"Readers see these values but cannot change them."</p>
                    {move || if embeds_this_page() {
                        lockable.get().into_iter().map(|(id, label)| {
                            let box_id = format!("lock-{id}");
                            let checked = {
                                let id = id.clone();
                                move || locked.with(|l| l.contains(&id))
                            };
                            view! {
                                <div class="field checkbox">
                                    <input type="checkbox" id=box_id.clone() prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            locked.update(|l| {
                                                l.retain(|x| x != &id);
                                                if on {
                                                    l.push(id.clone());
                                                }
                                            });
                                        } />
                                    <label for=box_id>{label}</label>
                                </div>
                            }
                        }).collect_view().into_any()
                    } else {
                        view! { <p class="hint">"To lock inputs, open that calculator and embed it from there."</p> }.into_any()
                    }}
                </fieldset>
                {move || cannot_travel().map(|crate::scenario::codec::ShareError::TooLong { chars }| view! {
                    <p class="notice" role="alert">{format!("This plan is too large for the snippet to carry ({chars} characters of link, over the {} a link may hold), so readers would see the default plan, not yours: the preview shows what they get. Remove streams or shorten names, then copy the snippet.", crate::scenario::codec::MAX_LINK_CHARS)}</p>
                })}
                <div class="field">
                    <label for="embed-snippet">"Snippet"</label>
                    <textarea id="embed-snippet" class="text-input snippet" readonly rows="6" prop:value=move || snippet.get()></textarea>
                </div>
                <div class="inline">
                    <button type="button" class="secondary" on:click=move |_| {
                        page::copy_to_clipboard(&snippet.get_untracked());
                        copied.set(true);
                    }>"Copy snippet"</button>
                    <button type="button" class="secondary" aria-expanded=move || preview.get().to_string()
                        on:click=move |_| preview.update(|p| *p = !*p)>
                        {move || if preview.get() { "Hide the preview" } else { "Preview as readers see it" }}
                    </button>
                </div>
                <p class="hint" role="status">{move || copied.get().then_some("Copied, if your browser allows; otherwise select the snippet above and copy it.")}</p>
                {move || preview.get().then(|| {
                    // Rebuilt when a choice changes: a frame's sandbox applies only when it loads.
                    let sandbox = frame.get().sandbox();
                    view! {
                        <iframe class="embed-preview" src=preview_src.get() sandbox=sandbox
                            title="Preview of the embedded calculator"></iframe>
                    }
                })}
            </div>
        </details>
    }
}
