//! The landing page's plain HTML, touched only when its address carries a plan.

use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Makes the landing page's calculator links (`a[data-carries-plan]`) open the plan of the
/// link this page was opened with.
pub fn carry_link(hash: &str) {
    let Some(links) = document().and_then(|d| d.query_selector_all("a[data-carries-plan]").ok())
    else {
        return;
    };
    for i in 0..links.length() {
        let Some(a) = links
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if let Some(href) = a.get_attribute("href") {
            let bare = href.split('#').next().unwrap_or_default();
            let _ = a.set_attribute("href", &format!("{bare}{hash}"));
        }
    }
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
