//! The landing page's helper. The landing page is plain HTML (index.html) and loads no wasm,
//! unless its address carries a plan (`#s=...`): then this small bundle reads the link, says
//! what is wrong with one that cannot be opened. (The route script already makes the calculator
//! links carry the address's plan, as soon as the HTML is parsed.)
#![forbid(unsafe_code)]

fn main() {
    honest_income::platform::install_panic_notice();
    let hash = honest_income::platform::page::location_hash();
    if let Err(e) = honest_income::scenario::codec::decode_link(&hash) {
        honest_income::platform::landing::say(&e.to_string());
    }
}
