//! How many sales a product makes each month after it goes on sale: the one sales model
//! Break-even and Delayed income share. Only `libm` maths, so a seeded Monte Carlo gives the
//! same bits on every platform.

/// How many sales each month brings, counted from the first month on sale (month 1).
#[derive(Clone, Debug, PartialEq)]
pub enum SalesCurve {
    /// The same number every month.
    Constant { per_month: f64 },
    /// Starts at `start`, grows by `growth` (0.1 = 10 %) a month, never above `ceiling`.
    Growth {
        start: f64,
        growth: f64,
        ceiling: f64,
    },
    /// A launch month, then decay towards a baseline, halving the gap every `half_life` months.
    Launch {
        launch: f64,
        baseline: f64,
        half_life: f64,
    },
}

impl SalesCurve {
    /// Sales in month `m` on sale (1-based).
    pub fn sales_in(&self, m: u32) -> f64 {
        let k = f64::from(m.saturating_sub(1));
        match *self {
            SalesCurve::Constant { per_month } => per_month,
            SalesCurve::Growth {
                start,
                growth,
                ceiling,
            } => (start * libm::pow(1.0 + growth, k)).min(ceiling.max(start)),
            SalesCurve::Launch {
                launch,
                baseline,
                half_life,
            } => {
                if half_life <= 0.0 {
                    return if m <= 1 { launch } else { baseline };
                }
                baseline + (launch - baseline) * libm::exp2(-k / half_life)
            }
        }
    }

    /// Sales a month in the long run: what decides whether a plan can ever break even.
    pub fn long_run(&self) -> f64 {
        match *self {
            SalesCurve::Constant { per_month } => per_month,
            SalesCurve::Growth {
                start,
                growth,
                ceiling,
            } => {
                if growth > 0.0 {
                    ceiling.max(start)
                } else if growth < 0.0 {
                    0.0
                } else {
                    start
                }
            }
            SalesCurve::Launch { baseline, .. } => baseline,
        }
    }

    /// True when no month ever has a sale.
    pub fn never_sells(&self) -> bool {
        match *self {
            SalesCurve::Constant { per_month } => per_month <= 0.0,
            SalesCurve::Growth { start, .. } => start <= 0.0,
            SalesCurve::Launch {
                launch, baseline, ..
            } => launch <= 0.0 && baseline <= 0.0,
        }
    }

    /// The launch bump's half-life, for a launch curve.
    pub fn half_life(&self) -> Option<f64> {
        match *self {
            SalesCurve::Launch { half_life, .. } => Some(half_life),
            _ => None,
        }
    }

    /// The same curve with another half-life (a launch curve; others are unchanged).
    pub fn with_half_life(&self, value: f64) -> SalesCurve {
        match *self {
            SalesCurve::Launch {
                launch, baseline, ..
            } => SalesCurve::Launch {
                launch,
                baseline,
                half_life: value,
            },
            ref other => other.clone(),
        }
    }
}
