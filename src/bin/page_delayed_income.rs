//! The full app's Delayed income page: its own bundle, so a visitor downloads the page they opened.
#![forbid(unsafe_code)]

fn main() {
    honest_income::ui::mount_page(honest_income::ui::DELAYED_INCOME);
}
