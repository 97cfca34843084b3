//! The landing page's helper. The landing page is plain HTML (index.html) and loads no wasm,
//! unless its address carries a plan (`#s=...`): then this small bundle reads the link, says
//! what is wrong with one that cannot be opened, and makes the calculator links carry it.
#![forbid(unsafe_code)]

fn main() {
    honest_income::platform::install_panic_notice();
    let hash = honest_income::platform::page::location_hash();
    match honest_income::scenario::codec::decode_link(&hash) {
        Ok(_) => honest_income::platform::landing::carry_link(&hash),
        Err(e) => honest_income::platform::landing::say(&e.to_string()),
    }
}
