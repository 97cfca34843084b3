//! The Embed builder: the snippet that puts a calculator, with this plan's numbers, in a blog
//! post, and a preview of what readers get.

use crate::embed_snippet::{embed_snippet, embed_src, EmbedRequest, Frame};
use crate::platform::embed::CalculatorFrame;
use crate::platform::page;
use crate::platform::route::{group_open, input_groups, opened_from, Page, Theme};
use crate::scenario::codec::{encode_link, ShareError, MAX_LINK_CHARS};
use crate::ui::context::ScenarioState;
use leptos::prelude::*;

/// The inputs an author may lock, as the chosen calculator shows them.
#[derive(Clone, PartialEq)]
enum Inventory {
    Reading,
    Ready(Vec<(String, String)>),
    Failed,
}

/// Tries for this long (the calculator's bundle downloads and starts in the frame).
const INVENTORY_TRIES: u32 = 150;
const INVENTORY_POLL_MS: i32 = 100;

/// Once the frame has loaded, waits for its calculator to draw its inputs, then lists them.
fn read_inventory(ev: leptos::ev::Event, inventory: RwSignal<Inventory>) {
    if let Some(frame) = CalculatorFrame::loaded(&ev) {
        poll_inventory(frame, inventory, 0, Vec::new());
    }
}

fn poll_inventory(
    frame: CalculatorFrame,
    inventory: RwSignal<Inventory>,
    tries: u32,
    seen: Vec<(String, String)>,
) {
    // A frame replaced by another calculator's or plan's is no longer read.
    if !frame.is_shown() {
        return;
    }
    let now = frame.lockable_inputs();
    // The same list twice in a row: the calculator has drawn its form.
    if !now.is_empty() && now == seen {
        let _ = inventory.try_set(Inventory::Ready(now));
        return;
    }
    if tries >= INVENTORY_TRIES || frame.failed_to_start() {
        let _ = inventory.try_set(Inventory::Failed);
        return;
    }
    page::after(INVENTORY_POLL_MS, move || {
        poll_inventory(frame, inventory, tries + 1, now)
    });
}

/// Generates the snippet that embeds a calculator, with this plan's numbers, in a blog post.
#[component]
pub fn EmbedBuilder() -> impl IntoView {
    let scenario = expect_context::<ScenarioState>().0;
    // The calculator this page was opened from is offered first; Pricing otherwise.
    let chosen = RwSignal::new(opened_from().unwrap_or(Page::Pricing));
    let theme = RwSignal::new(Theme::Auto);
    let frame = RwSignal::new(Frame::Contained);
    let resize = RwSignal::new(true);
    let locked = RwSignal::new(Vec::<String>::new());
    // The input groups shown open; None: the calculator's default.
    let open_groups = RwSignal::new(None::<Vec<String>>);
    // The chosen calculator's inputs, read from it running with this plan in a hidden frame:
    // the calculator's own fields, so the list cannot drift from what readers see.
    let inventory = RwSignal::new(Inventory::Reading);
    let open = RwSignal::new(false);
    // The plan's link, encoded once for the snippet and the preview, and only while the panel is
    // open: closed, a change of the plan costs nothing here.
    let link = Memo::new(move |_| open.get().then(|| scenario.with(encode_link)));
    let fragment = Memo::new(move |_| link.get().and_then(Result::ok));
    let cannot_travel = move || link.get().and_then(Result::err);
    let embedded_page = move || chosen.get();
    // Another calculator has other groups and inputs: back to its default, nothing locked.
    Effect::new(move |previous: Option<Page>| {
        let page = embedded_page();
        if previous.is_some_and(|p| p != page) {
            open_groups.set(None);
            locked.set(Vec::new());
        }
        page
    });
    let request = move |with: &dyn Fn(&EmbedRequest<'_>) -> String| {
        let page = embedded_page();
        let app_url = page::app_folder().unwrap_or_default();
        let fragment = fragment.get();
        let locked = locked.get();
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
    // The frame that lists the inputs: the plain calculator, nothing locked or folded away.
    let inventory_src = Memo::new(move |_| {
        let app_url = page::app_folder().unwrap_or_default();
        let fragment = fragment.get();
        embed_src(&EmbedRequest {
            app_url: &app_url,
            open: None,
            page: embedded_page(),
            theme: Theme::Auto,
            frame: Frame::Plain,
            locked: &[],
            fragment: fragment.as_deref(),
            height: 0,
            resize_script: false,
        })
    });
    // A new frame is read afresh.
    Effect::new(move |_| {
        inventory_src.track();
        inventory.set(Inventory::Reading);
    });
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
                    <select id="embed-page" on:change=move |ev| {
                        let slug = event_target_value(&ev);
                        chosen.set(Page::CALCULATORS.into_iter().find(|p| p.slug() == slug).unwrap_or(Page::Pricing));
                    }>
                        {Page::CALCULATORS.into_iter().map(|p| view! {
                            <option value=p.slug() selected=move || chosen.get() == p>{p.title()}</option>
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
                        input_groups(page).iter().map(|&(key, name)| {
                            let box_id = format!("open-{key}");
                            let checked = move || open_groups.with(|o| group_open(o.as_deref(), page, key));
                            view! {
                                <div class="field checkbox">
                                    <input type="checkbox" id=box_id.clone() prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let mut now: Vec<String> = input_groups(page).iter()
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
                    {move || match inventory.get() {
                        Inventory::Reading => view! { <p class="hint" role="status">"Reading this calculator's inputs…"</p> }.into_any(),
                        Inventory::Failed => view! { <p class="notice" role="alert">"This calculator's inputs could not be read here (its files did not load). Reload the page to try again; the snippet works without locks."</p> }.into_any(),
                        Inventory::Ready(inputs) => inputs.into_iter().map(|(id, label)| {
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
                        }).collect_view().into_any(),
                    }}
                    // Rebuilt for each calculator and plan; only while the panel is open.
                    {move || open.get().then(|| {
                        let src = inventory_src.get();
                        view! {
                            <iframe class="inventory-frame" src=src aria-hidden="true" tabindex="-1"
                                title="The calculator whose inputs are listed above"
                                on:load=move |ev| read_inventory(ev, inventory) />
                        }
                    })}
                </fieldset>
                {move || cannot_travel().map(|ShareError::TooLong { chars }| view! {
                    <p class="notice" role="alert">{format!("This plan is too large for the snippet to carry ({chars} characters of link, over the {} a link may hold), so readers would see the default plan, not yours: the preview shows what they get. Remove streams or shorten names, then copy the snippet.", MAX_LINK_CHARS)}</p>
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
