//! The pure calculators: no browser, no clock, no randomness that is not an input.

pub mod break_even;
pub mod compare;
pub mod delayed;
pub mod fees;
pub mod fields;
pub mod money;
pub mod number;
pub mod presets;
pub mod pricing;
pub mod rng;
pub mod sales;

/// Longest horizon any calculator projects, in months (ten years).
pub const MAX_HORIZON: u32 = 120;

/// Sorts a short list (tens of items) so that `before(a, b)` items come first, keeping ties in
/// order. An insertion sort: each use of the std sorts adds its own copy of them to the wasm
/// download, kilobytes for lists this small.
pub fn sort_short_by<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}
