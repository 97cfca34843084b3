//! The full app's Your plans page (saved plans, export and import, the Embed builder): its own
//! bundle, so the calculators' pages do not carry it.
#![forbid(unsafe_code)]

fn main() {
    honest_income::ui::mount_page(honest_income::ui::PLANS);
}
