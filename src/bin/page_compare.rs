//! The full app's Compare plans page: its own bundle, so a visitor downloads the page they opened.
#![forbid(unsafe_code)]

fn main() {
    honest_income::ui::mount_page(honest_income::ui::COMPARE);
}
