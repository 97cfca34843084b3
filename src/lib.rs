//! Honest Income: calculators for people deciding whether a passive-income idea is worth it.
#![forbid(unsafe_code)]

pub mod chart;
pub mod embed_snippet;
pub mod engine;
pub mod export;
pub mod format;
pub mod platform;
pub mod scenario;
pub mod summary;
pub mod ui;
