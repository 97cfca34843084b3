//! Honest uncertainty: a seeded Monte Carlo over the plan's key rates.
//!
//! Each uncertain rate gets a low and a high value; every path draws each rate once from a
//! triangular distribution peaking at the plan's own value, then runs the whole horizon.
//! The seed is an input, so the same seed gives the same band on every platform.

use super::{NewMembers, Plan, Simulator, StreamKind, MAX_HORIZON};
use crate::engine::rng::SplitMix64;

/// A low and a high value for one rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub low: f64,
    pub high: f64,
}

/// The uncertain rates of one stream (those that do not apply to its kind are ignored).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct StreamRanges {
    pub plateau: Option<Range>,
    pub click_through: Option<Range>,
    pub conversion: Option<Range>,
    pub half_life: Option<Range>,
    pub churn: Option<Range>,
    /// New members a month (or the share of visitors who join), as typed.
    pub members: Option<Range>,
}

/// How to run the Monte Carlo.
#[derive(Clone, Debug, PartialEq)]
pub struct Uncertainty {
    /// One entry per stream of the plan, in order.
    pub ranges: Vec<StreamRanges>,
    pub paths: u32,
    pub seed: u64,
    /// "Chance of reaching the target by month N" (see [`SUSTAINED_MONTHS`]); may lie past the
    /// horizon, and the paths are then simulated that far.
    pub target_by_month: u32,
}

/// Months in a row the monthly net must stay at or above the target to count as reaching it,
/// so a launch spike that passes it once does not count.
pub const SUSTAINED_MONTHS: u32 = 3;

/// Most paths a run takes.
pub const MAX_PATHS: u32 = 20_000;

/// Per-month P10, median and P90.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Band {
    pub p10: Vec<f64>,
    pub p50: Vec<f64>,
    pub p90: Vec<f64>,
}

/// What the Monte Carlo found.
#[derive(Clone, Debug, PartialEq)]
pub struct MonteCarlo {
    pub paths: u32,
    /// Total income a month.
    pub income: Band,
    /// P10, P50 and P90 of the month cumulative net turns positive; None: beyond the horizon.
    pub break_even: [Option<u32>; 3],
    /// Share of paths whose monthly net is at or above the target for [`SUSTAINED_MONTHS`] months
    /// running, the last of them no later than `target_by_month`.
    pub target_probability: f64,
}

/// The rank (0-based) of quantile `q` among `n` sorted values, by the nearest-rank rule.
pub fn nearest_rank(q: f64, n: usize) -> usize {
    ((q * n as f64).ceil() as usize).clamp(1, n.max(1)) - 1
}

/// Draws one path's rates: the plan with each uncertain rate replaced by a draw.
fn draw(plan: &Plan, ranges: &[StreamRanges], rng: &mut SplitMix64) -> Vec<StreamKind> {
    plan.streams
        .iter()
        .enumerate()
        .map(|(i, stream)| {
            let r = ranges.get(i).copied().unwrap_or_default();
            let mut pick = |base: f64, range: Option<Range>| match range {
                Some(Range { low, high }) => rng.triangular(low, base, high),
                None => base,
            };
            match &stream.kind {
                StreamKind::Blog(b) => {
                    let mut b = b.clone();
                    b.plateau = pick(b.plateau, r.plateau);
                    b.click_through = pick(b.click_through, r.click_through);
                    b.conversion = pick(b.conversion, r.conversion);
                    StreamKind::Blog(b)
                }
                StreamKind::Product(p) => {
                    let mut p = p.clone();
                    if let Some(half_life) = p.sales.half_life() {
                        p.sales = p.sales.with_half_life(pick(half_life, r.half_life));
                    }
                    StreamKind::Product(p)
                }
                StreamKind::Subscription(s) => {
                    let mut s = s.clone();
                    s.churn = pick(s.churn, r.churn).clamp(0.0, 1.0);
                    s.new_members = match s.new_members {
                        NewMembers::Constant(n) => NewMembers::Constant(pick(n, r.members)),
                        NewMembers::Growing(n, g) => NewMembers::Growing(pick(n, r.members), g),
                        NewMembers::ShareOfVisitors(x) => {
                            NewMembers::ShareOfVisitors(pick(x, r.members))
                        }
                    };
                    StreamKind::Subscription(s)
                }
            }
        })
        .collect()
}

/// Runs `uncertainty.paths` seeded paths of the plan.
pub fn run(plan: &Plan, uncertainty: &Uncertainty) -> MonteCarlo {
    let horizon = plan.horizon.clamp(1, MAX_HORIZON) as usize;
    let target_by = uncertainty.target_by_month.min(MAX_HORIZON);
    // The chance is for the month named, past the horizon too: the paths run that far.
    let months = horizon.max(target_by as usize);
    let paths = uncertainty.paths.clamp(1, MAX_PATHS) as usize;
    let mut rng = SplitMix64::new(uncertainty.seed);
    let base: Vec<StreamKind> = plan.streams.iter().map(|s| s.kind.clone()).collect();
    // Each blog's reach does not depend on the uncertain rates: the simulator computes it once.
    let mut sim = Simulator::new(&base, months as u32);
    // Column-major: income[month * paths + path], so each month's values sit together.
    let mut income = vec![0.0; horizon * paths];
    let mut stream_income = vec![0.0; base.len()];
    let mut break_even = Vec::with_capacity(paths);
    let mut reached = 0usize;
    for path in 0..paths {
        let kinds = draw(plan, &uncertainty.ranges, &mut rng);
        sim.reset(&kinds);
        let mut cumulative = -plan.upfront_cash;
        let mut positive_at = None;
        let mut running = 0;
        let mut reaches = false;
        for mi in 0..months {
            let m = mi as u32 + 1;
            sim.month(&kinds, m, &mut stream_income);
            let total: f64 = stream_income.iter().sum();
            let month_net = total - plan.monthly_costs;
            if month_net >= plan.target && month_net > 0.0 {
                running += 1;
            } else {
                running = 0;
            }
            reaches |= running >= SUSTAINED_MONTHS && m <= target_by;
            if mi >= horizon {
                continue;
            }
            cumulative += month_net;
            if positive_at.is_none() && cumulative > 0.0 {
                positive_at = Some(m);
            }
            income[mi * paths + path] = total;
        }
        break_even.push(positive_at.unwrap_or(u32::MAX));
        reached += usize::from(reaches);
    }

    let band = |values: &mut [f64]| {
        let mut out = Band::default();
        let (r10, r50, r90) = (
            nearest_rank(0.1, paths),
            nearest_rank(0.5, paths),
            nearest_rank(0.9, paths),
        );
        for column in values.chunks_mut(paths) {
            // Three selections instead of a sort: linear time per month.
            let (below, median, above) = column.select_nth_unstable_by(r50, f64::total_cmp);
            let median = *median;
            let p10 = if r10 < r50 {
                *below.select_nth_unstable_by(r10, f64::total_cmp).1
            } else {
                median
            };
            let p90 = if r90 > r50 {
                *above
                    .select_nth_unstable_by(r90 - r50 - 1, f64::total_cmp)
                    .1
            } else {
                median
            };
            out.p10.push(p10);
            out.p50.push(median);
            out.p90.push(p90);
        }
        out
    };
    break_even.sort_unstable();
    let month_at = |q: f64| Some(break_even[nearest_rank(q, paths)]).filter(|m| *m != u32::MAX);
    MonteCarlo {
        paths: paths as u32,
        income: band(&mut income),
        break_even: [month_at(0.1), month_at(0.5), month_at(0.9)],
        target_probability: reached as f64 / paths as f64,
    }
}
