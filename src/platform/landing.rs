//! The landing page's plain HTML, touched only when its address carries a plan.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Shows `sentence` in the landing page's notice (a link that cannot be opened).
pub fn say(sentence: &str) {
    let notice = document()
        .and_then(|d| d.get_element_by_id("landing-notice"))
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(notice) = notice {
        notice.set_text_content(Some(sentence));
        notice.set_hidden(false);
    }
}
