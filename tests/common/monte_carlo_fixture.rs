//! The Monte Carlo input shared by the native test, the browser test and the bench, so the golden
//! bits are checked on the very same input everywhere. Included with `#[path]`, not a test itself.

use honest_income::engine::delayed::monte_carlo::{Range, StreamRanges, Uncertainty};

/// The seed whose results are pinned bit for bit (native and wasm must agree).
pub const GOLDEN_SEED: u64 = 7;
/// Bits of the median income in month 12 and the P90 in month 24 for `GOLDEN_SEED`, 1,000 paths.
pub const GOLDEN_P50_MONTH_12: u64 = 0x40d9_059a_8276_017d;
pub const GOLDEN_P90_MONTH_24: u64 = 0x410c_4740_41dc_0b27;

/// The blogger's first year with the blog's plateau and click-through and the workshop's
/// launch half-life uncertain.
pub fn blogger_uncertainty(seed: u64, paths: u32) -> Uncertainty {
    let range = |low, high| Some(Range { low, high });
    Uncertainty {
        ranges: vec![
            StreamRanges {
                plateau: range(200.0, 1200.0),
                click_through: range(0.01, 0.05),
                ..Default::default()
            },
            StreamRanges {
                half_life: range(0.25, 2.0),
                ..Default::default()
            },
        ],
        paths,
        seed,
        target_by_month: 12,
    }
}
