//! The only place that touches browser APIs: location and history, storage, the page, canvas
//! sizing, theme, panics (tests/architecture.rs holds the rest of the crate to it).

pub mod canvas;
pub mod embed;
pub mod landing;
pub mod page;
pub mod route;
pub mod storage;

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

/// Removes what index.html shows until a page's bundle starts: the loading message and the
/// landing page's HTML (its header stands in for the app's while the bundle loads).
pub fn remove_boot_shell() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for id in ["boot-shell", "static-page", "static-footer"] {
        if let Some(element) = document.get_element_by_id(id) {
            element.remove();
        }
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}

/// Offers `text` as a file download named `filename`.
pub fn download(filename: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |what: &str| format!("The download could not start ({what}).");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}
