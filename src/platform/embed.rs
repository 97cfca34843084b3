//! What an embedded calculator tells its host page: its height, and nothing else.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The message type the host page's snippet listens for.
pub const HEIGHT_MESSAGE: &str = "honest-income:height";

/// Sets `data-theme` on the page so CSS can force light or dark colours.
pub fn apply_theme(theme: super::route::Theme) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("data-theme", theme.slug());
    }
}

fn post_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let height = window
        .document()
        .and_then(|d| d.document_element())
        .map(|e| e.scroll_height())
        .unwrap_or(0);
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &f64::from(height).into());
    // Only a height is sent, so any host may read it: "*" carries no scenario data.
    let _ = parent.post_message(&message, "*");
}

/// Posts the page height to the host page now and whenever the page changes size.
pub fn post_height_on_resize() {
    post_height();
    let callback = Closure::<dyn FnMut()>::new(post_height);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref());
    if let (Ok(observer), Some(root)) = (
        observer,
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element()),
    ) {
        observer.observe(&root);
        // Lives as long as the page: the embed never unmounts.
        std::mem::forget(observer);
        callback.forget();
    }
}
