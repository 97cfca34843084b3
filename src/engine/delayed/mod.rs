//! The Delayed-income calculator: month by month, income per stream against the hours spent.
//!
//! Month 1 is the first month of work. Money is in minor units as f64 (these are estimates).
//! Only `libm` maths is used, so a seeded Monte Carlo run gives the same bits on every platform.

pub mod goal;
pub mod monte_carlo;
pub mod sensitivity;

pub use crate::engine::sales::SalesCurve;
pub use crate::engine::MAX_HORIZON;

/// Share of the plateau a post reaches at `age` months after publishing: nothing during the
/// delay, then a smoothstep S-curve that reaches the plateau `ramp` months later.
pub fn ramp_share(age: f64, delay: f64, ramp: f64) -> f64 {
    if age < delay {
        return 0.0;
    }
    if ramp <= 0.0 {
        return 1.0;
    }
    let t = ((age - delay) / ramp).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// A blog earning from affiliate links and display ads.
#[derive(Clone, Debug, PartialEq)]
pub struct Blog {
    pub posts_per_month: f64,
    /// Posts are published in months 1..=publish_months.
    pub publish_months: u32,
    /// Months after publishing before a post gets search traffic.
    pub delay: f64,
    /// Months from first traffic to the plateau.
    pub ramp: f64,
    /// Visitors per post per month at the plateau.
    pub plateau: f64,
    /// Share of visitors who click an affiliate link.
    pub click_through: f64,
    /// Share of clicks that buy.
    pub conversion: f64,
    /// Average commission per affiliate sale, minor units.
    pub commission: f64,
    /// Ads revenue per 1,000 visitors, minor units.
    pub ads_rpm: f64,
    /// Monthly visitors needed before an ads network accepts the blog.
    pub ads_min_visitors: f64,
}

impl Blog {
    /// Visitors a month per unit of plateau: the sum of every post cohort's ramp.
    pub fn reach(&self, month: u32) -> f64 {
        let last = self.publish_months.min(month);
        (1..=last)
            .map(|p| self.posts_per_month * ramp_share(f64::from(month - p), self.delay, self.ramp))
            .sum()
    }

    /// Affiliate and ads income at `visitors` a month.
    pub fn income_at(&self, visitors: f64) -> f64 {
        let affiliate = visitors * self.click_through * self.conversion * self.commission;
        let ads = if visitors >= self.ads_min_visitors && visitors > 0.0 {
            visitors / 1000.0 * self.ads_rpm
        } else {
            0.0
        };
        affiliate + ads
    }
}

/// A digital product on sale from its launch month, on the shared sales model.
#[derive(Clone, Debug, PartialEq)]
pub struct Product {
    pub launch_month: u32,
    /// Sales by month on sale (the same model as Break-even's).
    pub sales: SalesCurve,
    /// Extra baseline sales a month per 1,000 blog visitors that month.
    pub per_thousand_visitors: f64,
    /// What one sale leaves after fees, refunds and its own variable cost, minor units.
    pub net_per_sale: f64,
}

impl Product {
    pub fn sales_in(&self, month: u32, blog_visitors: f64) -> f64 {
        if month < self.launch_month {
            return 0.0;
        }
        let on_sale = month - self.launch_month + 1;
        (self.sales.sales_in(on_sale) + blog_visitors / 1000.0 * self.per_thousand_visitors)
            .max(0.0)
    }
}

/// Where new members come from.
#[derive(Clone, Debug, PartialEq)]
pub enum NewMembers {
    Constant(f64),
    /// Starts at the first value and grows by the second (0.05 = 5 %) each month.
    Growing(f64, f64),
    /// A share of the month's blog visitors.
    ShareOfVisitors(f64),
}

/// A subscription or membership.
#[derive(Clone, Debug, PartialEq)]
pub struct Subscription {
    pub start_month: u32,
    pub new_members: NewMembers,
    /// Share of members who leave each month.
    pub churn: f64,
    /// Net monthly price per member after fees, minor units.
    pub net_price: f64,
}

impl Subscription {
    pub fn new_in(&self, month: u32, blog_visitors: f64) -> f64 {
        if month < self.start_month {
            return 0.0;
        }
        let k = f64::from(month - self.start_month);
        match self.new_members {
            NewMembers::Constant(n) => n,
            NewMembers::Growing(start, growth) => start * libm::pow(1.0 + growth, k),
            NewMembers::ShareOfVisitors(share) => blog_visitors * share,
        }
        .max(0.0)
    }
}

/// What a stream is.
#[derive(Clone, Debug, PartialEq)]
pub enum StreamKind {
    Blog(Blog),
    Product(Product),
    Subscription(Subscription),
}

/// Hours a stream takes: a build phase, then an upkeep level.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Effort {
    pub build_months: u32,
    pub build_hours: f64,
    pub upkeep_hours: f64,
}

impl Effort {
    /// Hours in `month` of a stream that starts (launches, opens) in month `start`.
    ///
    /// The build takes the months just before the start, nothing comes earlier, and upkeep runs
    /// from the start on: a product launching in month 13 is not built in month 1. A build that
    /// does not fit before the start (a stream starting in month 1, like a blog) takes the first
    /// months of the plan instead, so no hour of it is dropped.
    pub fn hours_in(&self, month: u32, start: u32) -> f64 {
        let start = start.max(1);
        let (from, to) = if self.build_months < start {
            (start - self.build_months, start - 1)
        } else {
            (1, self.build_months)
        };
        if (from..=to).contains(&month) {
            self.build_hours
        } else if month > to {
            self.upkeep_hours
        } else {
            0.0
        }
    }
}

/// One income stream of the plan (only enabled streams are passed to the engine).
#[derive(Clone, Debug, PartialEq)]
pub struct Stream {
    pub name: String,
    pub kind: StreamKind,
    pub effort: Effort,
}

impl Stream {
    /// The month the stream starts: a blog publishes from month 1, a product launches, a
    /// subscription opens.
    pub fn start_month(&self) -> u32 {
        match &self.kind {
            StreamKind::Blog(_) => 1,
            StreamKind::Product(p) => p.launch_month,
            StreamKind::Subscription(s) => s.start_month,
        }
    }

    /// Hours the stream takes in `month` (see [`Effort::hours_in`]).
    pub fn hours_in(&self, month: u32) -> f64 {
        self.effort.hours_in(month, self.start_month())
    }
}

/// A whole plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub streams: Vec<Stream>,
    /// Fixed monthly costs of the whole plan (hosting, tools), minor units.
    pub monthly_costs: f64,
    /// Money spent before month 1 (the build's upfront cash), minor units.
    pub upfront_cash: f64,
    /// Hours worked before month 1 (a build with no month of its own before its launch).
    pub upfront_hours: f64,
    /// What an hour of the user's time is worth, minor units (for the time-valued figures).
    pub hourly_value: f64,
    pub horizon: u32,
    /// The monthly net the user hopes for, minor units.
    pub target: f64,
}

impl Plan {
    /// The monthly income that leaves the target as net: what a target line on a chart of
    /// income stands for.
    pub fn income_that_nets_target(&self) -> f64 {
        self.target + self.monthly_costs
    }
}

/// One month of the projection.
#[derive(Clone, Debug, PartialEq)]
pub struct Month {
    pub month: u32,
    /// Income per stream, in the plan's stream order.
    pub income: Vec<f64>,
    pub total: f64,
    pub costs: f64,
    pub net: f64,
    pub hours: f64,
    /// Net per hour; None in a month without hours.
    pub net_per_hour: Option<f64>,
    /// Cumulative net in cash, after the upfront cash.
    pub cumulative: f64,
    /// Cumulative hours, with the upfront ones.
    pub cumulative_hours: f64,
    /// Cumulative net counting every hour (upfront ones too) at the hourly value.
    pub cumulative_valued: f64,
    pub blog_visitors: f64,
}

/// The plan month by month.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub months: Vec<Month>,
}

/// Steps a plan's streams through the months, keeping subscription members between months.
/// Shared by the projection and every Monte Carlo path so both compute income the same way.
pub struct Simulator {
    /// Each blog's reach per month (visitors per unit of plateau); empty for other streams.
    reach: Vec<Vec<f64>>,
    members: Vec<f64>,
    /// Running powers, so a month costs multiplications instead of `exp2` and `pow` calls:
    /// the product's launch decay and the subscription's growth, with their monthly factors.
    power: Vec<f64>,
    step: Vec<f64>,
}

impl Simulator {
    pub fn new(kinds: &[StreamKind], horizon: u32) -> Self {
        let reach = kinds
            .iter()
            .map(|k| match k {
                StreamKind::Blog(b) => (1..=horizon).map(|m| b.reach(m)).collect(),
                _ => Vec::new(),
            })
            .collect();
        let mut sim = Simulator {
            reach,
            members: vec![0.0; kinds.len()],
            power: vec![1.0; kinds.len()],
            step: vec![1.0; kinds.len()],
        };
        sim.reset(kinds);
        sim
    }

    /// Starts a new run of `kinds` (same streams, perhaps other rates) from month 1.
    pub fn reset(&mut self, kinds: &[StreamKind]) {
        for (i, k) in kinds.iter().enumerate() {
            self.members[i] = 0.0;
            self.power[i] = 1.0;
            self.step[i] = match k {
                StreamKind::Product(p) => match p.sales {
                    SalesCurve::Launch { half_life, .. } if half_life > 0.0 => {
                        libm::exp2(-1.0 / half_life)
                    }
                    SalesCurve::Launch { .. } => 0.0,
                    _ => 1.0,
                },
                StreamKind::Subscription(Subscription {
                    new_members: NewMembers::Growing(_, g),
                    ..
                }) => 1.0 + g,
                _ => 1.0,
            };
        }
    }

    /// Income per stream in month `m` (1-based) into `income`; returns the blog visitors.
    pub fn month(&mut self, kinds: &[StreamKind], m: u32, income: &mut [f64]) -> f64 {
        let mi = (m - 1) as usize;
        let visitors: f64 = kinds
            .iter()
            .zip(&self.reach)
            .map(|(k, r)| match k {
                StreamKind::Blog(b) => r[mi] * b.plateau,
                _ => 0.0,
            })
            .sum();
        for (i, k) in kinds.iter().enumerate() {
            income[i] = match k {
                StreamKind::Blog(b) => b.income_at(self.reach[i][mi] * b.plateau),
                // The same curves as `Product::sales_in` and `Subscription::new_in`; a launch
                // curve stepped (a multiplication a month instead of an `exp2`).
                StreamKind::Product(p) if m >= p.launch_month => {
                    let lift = visitors / 1000.0 * p.per_thousand_visitors;
                    let sales = match p.sales {
                        SalesCurve::Launch {
                            launch, baseline, ..
                        } => {
                            let extra = (launch - baseline) * self.power[i];
                            self.power[i] *= self.step[i];
                            baseline + extra + lift
                        }
                        ref curve => curve.sales_in(m - p.launch_month + 1) + lift,
                    };
                    sales.max(0.0) * p.net_per_sale
                }
                StreamKind::Product(_) => 0.0,
                StreamKind::Subscription(s) => {
                    let new = match s.new_members {
                        NewMembers::Growing(start, _) if m >= s.start_month => {
                            let n = start * self.power[i];
                            self.power[i] *= self.step[i];
                            n.max(0.0)
                        }
                        _ => s.new_in(m, visitors),
                    };
                    let churn = s.churn.clamp(0.0, 1.0);
                    self.members[i] = self.members[i] * (1.0 - churn) + new;
                    self.members[i] * s.net_price
                }
            };
        }
        visitors
    }
}

/// Runs the plan month by month.
pub fn project(plan: &Plan) -> Projection {
    let horizon = plan.horizon.clamp(1, MAX_HORIZON);
    let kinds: Vec<StreamKind> = plan.streams.iter().map(|s| s.kind.clone()).collect();
    let mut sim = Simulator::new(&kinds, horizon);
    let mut cumulative = -plan.upfront_cash;
    let mut cumulative_hours = plan.upfront_hours;
    let months = (1..=horizon)
        .map(|m| {
            let mut income = vec![0.0; kinds.len()];
            let visitors = sim.month(&kinds, m, &mut income);
            let total: f64 = income.iter().sum();
            let hours: f64 = plan.streams.iter().map(|s| s.hours_in(m)).sum();
            let net = total - plan.monthly_costs;
            cumulative += net;
            cumulative_hours += hours;
            Month {
                month: m,
                income,
                total,
                costs: plan.monthly_costs,
                net,
                hours,
                net_per_hour: (hours > 0.0).then(|| net / hours),
                cumulative,
                cumulative_hours,
                cumulative_valued: cumulative - cumulative_hours * plan.hourly_value,
                blog_visitors: visitors,
            }
        })
        .collect();
    Projection { months }
}

/// Net per hour over one quarter of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarter {
    /// 1-based quarter number: months 1-3 are quarter 1.
    pub quarter: u32,
    pub net: f64,
    pub hours: f64,
    pub net_per_hour: Option<f64>,
}

/// The plan's turning points, in months (None: not within the horizon).
#[derive(Clone, Debug, PartialEq)]
pub struct Milestones {
    pub first_income: Option<u32>,
    pub beats_target: Option<u32>,
    /// First month the cumulative net in cash, after the upfront cash, is above zero.
    pub cumulative_positive: Option<u32>,
    /// The same counting every hour at the hourly value.
    pub pays_back_valued: Option<u32>,
    pub quarters: Vec<Quarter>,
}

impl Projection {
    pub fn milestones(&self, target: f64) -> Milestones {
        let first =
            |test: &dyn Fn(&Month) -> bool| self.months.iter().find(|m| test(m)).map(|m| m.month);
        let quarters = self
            .months
            .chunks(3)
            .enumerate()
            .map(|(q, months)| {
                let net: f64 = months.iter().map(|m| m.net).sum();
                let hours: f64 = months.iter().map(|m| m.hours).sum();
                Quarter {
                    quarter: q as u32 + 1,
                    net,
                    hours,
                    net_per_hour: (hours > 0.0).then(|| net / hours),
                }
            })
            .collect();
        Milestones {
            first_income: first(&|m| m.total >= 0.5),
            beats_target: first(&|m| m.net >= target && m.net > 0.0),
            cumulative_positive: first(&|m| m.cumulative > 0.0),
            pays_back_valued: first(&|m| m.cumulative_valued > 0.0),
            quarters,
        }
    }
}
