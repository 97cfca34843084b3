//! The only place that touches browser APIs: location and history, canvas sizing, theme, panics.

pub mod canvas;
pub mod route;

use wasm_bindgen::JsCast;

/// Shows the page's panic notice instead of leaving a frozen page, and logs the panic.
pub fn install_panic_notice() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Honest Income stopped: {info}").into());
        let notice = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("panic-notice"));
        if let Some(el) = notice.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
            el.set_hidden(false);
        }
    }));
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}
