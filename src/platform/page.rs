//! The page around the app: its address, scrolling, timers, the clipboard and chosen files.

use leptos::ev::Event;
use std::future::Future;
use wasm_bindgen::JsCast;

/// The address's fragment with its `#`, or "" where there is none.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// This page's address without its fragment: origin, path and query.
pub fn address_without_hash() -> Option<String> {
    let l = web_sys::window()?.location();
    Some(format!(
        "{}{}{}",
        l.origin().ok()?,
        l.pathname().ok()?,
        l.search().ok()?
    ))
}

/// Takes the fragment (a shared link's plan) off the address without a new history entry, so
/// a reload opens the saved plan rather than the link again.
pub fn drop_hash() {
    let (Some(window), Some(address)) = (web_sys::window(), address_without_hash()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}

/// Puts `fragment` (without its `#`) in the address without a new history entry.
pub fn replace_hash(fragment: &str) {
    let (Some(window), Some(address)) = (web_sys::window(), address_without_hash()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{address}#{fragment}")),
        );
    }
}

/// The app's folder: origin and the path up to its last slash ("https://a.b/tools/calc/").
pub fn app_folder() -> Option<String> {
    let l = web_sys::window()?.location();
    let path = l.pathname().ok()?;
    let folder = &path[..path.rfind('/').map(|i| i + 1).unwrap_or(path.len())];
    Some(format!("{}{folder}", l.origin().ok()?))
}

/// Opens `url` (relative to this page) in this tab.
pub fn go_to(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().assign(url);
    }
}

/// Loads this page again.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// True when a pageshow `event` brings the page back from the back-forward cache.
pub fn restored_from_cache(event: &Event) -> bool {
    event
        .dyn_ref::<web_sys::PageTransitionEvent>()
        .is_some_and(|e| e.persisted())
}

/// Runs `f` once, `ms` milliseconds from now.
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    let later = wasm_bindgen::closure::Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), ms);
    }
}

/// Puts `text` on the clipboard where the browser allows it; the page also shows the text to
/// copy by hand, so a refusal needs no sentence of its own.
pub fn copy_to_clipboard(text: &str) {
    if let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) {
        let _ = clipboard.write_text(text);
    }
}

/// The text of the file chosen in the file input that fired `ev`: None when no file was chosen,
/// else a future giving the text, or None when the file could not be read.
pub fn chosen_file_text(ev: &Event) -> Option<impl Future<Output = Option<String>>> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0))?;
    let promise = file.text();
    Some(async move {
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string())
    })
}

/// Selects the whole text of the input that fired `ev` (a focused share link).
pub fn select_all(ev: &Event) {
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.select();
    }
}

/// Whether the `<details>` that fired a toggle event is now open.
pub fn details_open(ev: &Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        .is_some_and(|d| d.open())
}

/// A line in the browser's console, for developers (a chart that could not be drawn).
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// True when `event` (a pagehide or visibilitychange) means the page is going away or out of
/// sight: a closing tab runs no timers, so what waits must happen now.
pub fn is_leaving(event: &Event) -> bool {
    event.type_() == "pagehide" || is_hidden()
}

/// True when the page is out of sight (another tab, the phone's app switcher, closing).
pub fn is_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}
