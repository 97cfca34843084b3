//! Mounts the app.
#![forbid(unsafe_code)]

fn main() {
    honest_income::platform::install_panic_notice();
    honest_income::platform::remove_boot_shell();
    leptos::mount::mount_to_body(honest_income::ui::App);
}
