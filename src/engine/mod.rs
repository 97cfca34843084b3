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
