//! Embedding: what an embedded calculator tells its host page (its height, and nothing else),
//! its theme, and which inputs the Embed panel offers to lock.

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

/// The inputs of the calculator in `document` that an embed's author may lock, as (id, label),
/// in page order. Read from the calculator itself, so every stream's and cost line's fields are
/// included.
pub fn lockable_inputs(document: &web_sys::Document) -> Vec<(String, String)> {
    let Ok(nodes) = document.query_selector_all("main [data-lockable]") else {
        return Vec::new();
    };
    (0..nodes.length())
        // Unchecked: the nodes may come from a frame's document, whose Element is another
        // realm's class (an `instanceof` check would refuse them); a selector matches elements only.
        .filter_map(|i| {
            nodes
                .item(i)
                .map(|n| n.unchecked_into::<web_sys::Element>())
        })
        .filter_map(|element| {
            let id = element.id();
            // A field's <label for>, or for a radio group the element naming it.
            let named_by = element
                .get_attribute("aria-labelledby")
                .and_then(|by| document.get_element_by_id(&by));
            let label = document
                .query_selector(&format!("label[for=\"{id}\"]"))
                .ok()
                .flatten()
                .or(named_by)?
                .text_content()?;
            let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
            // Fields repeated per stream are told apart by the stream's name.
            let group = element
                .closest("[data-lock-group]")
                .ok()
                .flatten()
                .and_then(|g| g.get_attribute("data-lock-group"))
                .filter(|g| !g.trim().is_empty());
            let label = match group {
                Some(group) => format!("{}: {label}", group.trim()),
                None => label,
            };
            (!id.is_empty() && !label.is_empty()).then_some((id, label))
        })
        .collect()
}

/// A same-origin frame running a calculator, whose inputs the Embed builder lists.
pub struct CalculatorFrame(web_sys::HtmlIFrameElement);

impl CalculatorFrame {
    /// The frame whose `load` event this is.
    pub fn loaded(ev: &web_sys::Event) -> Option<CalculatorFrame> {
        ev.target()?.dyn_into().ok().map(CalculatorFrame)
    }

    /// False once the frame has left the page (replaced by another calculator's or plan's).
    pub fn is_shown(&self) -> bool {
        self.0.is_connected()
    }

    /// True when its calculator said it could not start (its files did not arrive).
    pub fn failed_to_start(&self) -> bool {
        self.0
            .content_document()
            .and_then(|d| {
                d.query_selector(".boot-failed:not([hidden])")
                    .ok()
                    .flatten()
            })
            .is_some()
    }

    /// The inputs it shows now (none until its calculator has drawn them).
    pub fn lockable_inputs(&self) -> Vec<(String, String)> {
        self.0
            .content_document()
            .map(|d| lockable_inputs(&d))
            .unwrap_or_default()
    }
}
