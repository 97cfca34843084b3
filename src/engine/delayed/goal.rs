//! What must be true: the value of one input of a plan that reaches a goal, with the others
//! held. The projection is run across the input's range; where the goal's margin moves one way
//! only, the boundary is found by bisection to a stated tolerance; where it does not, the answer
//! says so and is the reaching value nearest the plan's own.

use super::monte_carlo::SUSTAINED_MONTHS;
use super::{project, NewMembers, Plan, Projection, SalesCurve, Stream, StreamKind};

/// What the plan should reach, by a month of the plan (1-based).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Goal {
    /// The net of that month (income less the plan's monthly costs) is at least `net`.
    NetInMonth { month: u32, net: f64 },
    /// The plan's target as the Monte Carlo's chance counts it: a monthly net at or above `net`
    /// (and above zero) for [`SUSTAINED_MONTHS`] months running, the last of them by `month`.
    SustainedNet { month: u32, net: f64 },
    /// Cumulative net, counting every hour at the plan's hourly value, is above zero in some
    /// month up to this one.
    PaysBackCountingTime { month: u32 },
    /// Cumulative net in cash by that month, over every hour worked by then (upfront ones too),
    /// is at least `rate` an hour.
    HourlyRate { month: u32, rate: f64 },
}

impl Goal {
    /// How far the projection is past the goal (>= 0: reached). A margin rather than the
    /// figure itself, so it moves one way with an input where income and hours do: the hourly
    /// rate's margin is net less rate x hours, not a ratio that flips sign with the net.
    pub fn margin(&self, projection: &Projection) -> f64 {
        let upto = |month: u32| {
            let n = (month.max(1) as usize).min(projection.months.len());
            &projection.months[..n]
        };
        match *self {
            Goal::NetInMonth { month, net } => upto(month).last().map_or(f64::MIN, |m| m.net - net),
            Goal::SustainedNet { month, net } => upto(month)
                .windows(SUSTAINED_MONTHS as usize)
                .map(|run| {
                    run.iter()
                        .map(|m| (m.net - net).min(m.net))
                        .fold(f64::MAX, f64::min)
                })
                .fold(f64::MIN, f64::max),
            Goal::PaysBackCountingTime { month } => upto(month)
                .iter()
                .map(|m| m.cumulative_valued)
                .fold(f64::MIN, f64::max),
            Goal::HourlyRate { month, rate } => upto(month)
                .last()
                .map_or(f64::MIN, |m| m.cumulative - rate * m.cumulative_hours),
        }
    }
}

/// An input of one stream the goal seek may move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    PostsPerMonth,
    /// Visitors per post per month at plateau.
    Plateau,
    /// Months before search traffic.
    SearchDelay,
    ClickThrough,
    Conversion,
    Commission,
    LaunchSales,
    /// Months for a launch's extra sales to halve.
    HalfLife,
    /// Sales a month once the launch has faded (a constant curve's sales a month).
    SalesPerMonth,
    NetPerSale,
    /// New members a month (the starting number, if growing; the share of visitors, if so).
    NewMembers,
    Churn,
    /// Net monthly price per member.
    MemberPrice,
    UpkeepHours,
}

/// Sets `input` of stream `stream` to `value`; false where the stream has no such input.
pub fn set_input(plan: &mut Plan, stream: usize, input: Input, value: f64) -> bool {
    let slot = plan.streams.get_mut(stream).and_then(|s| slot(s, input));
    slot.map(|v| *v = value).is_some()
}

/// The plan's own value of `input` of stream `stream`.
pub fn input_value(plan: &Plan, stream: usize, input: Input) -> Option<f64> {
    let mut copy = plan.streams.get(stream)?.clone();
    slot(&mut copy, input).map(|v| *v)
}

/// Where a stream keeps `input`: one match for reading and writing, so they cannot disagree.
fn slot(s: &mut Stream, input: Input) -> Option<&mut f64> {
    match (&mut s.kind, input) {
        (_, Input::UpkeepHours) => Some(&mut s.effort.upkeep_hours),
        (StreamKind::Blog(b), Input::PostsPerMonth) => Some(&mut b.posts_per_month),
        (StreamKind::Blog(b), Input::Plateau) => Some(&mut b.plateau),
        (StreamKind::Blog(b), Input::SearchDelay) => Some(&mut b.delay),
        (StreamKind::Blog(b), Input::ClickThrough) => Some(&mut b.click_through),
        (StreamKind::Blog(b), Input::Conversion) => Some(&mut b.conversion),
        (StreamKind::Blog(b), Input::Commission) => Some(&mut b.commission),
        (StreamKind::Product(p), Input::NetPerSale) => Some(&mut p.net_per_sale),
        (StreamKind::Product(p), Input::LaunchSales) => match &mut p.sales {
            SalesCurve::Launch { launch, .. } => Some(launch),
            _ => None,
        },
        (StreamKind::Product(p), Input::HalfLife) => match &mut p.sales {
            SalesCurve::Launch { half_life, .. } => Some(half_life),
            _ => None,
        },
        (StreamKind::Product(p), Input::SalesPerMonth) => match &mut p.sales {
            SalesCurve::Launch { baseline, .. } => Some(baseline),
            SalesCurve::Constant { per_month } => Some(per_month),
            SalesCurve::Growth { .. } => None,
        },
        (StreamKind::Subscription(s), Input::Churn) => Some(&mut s.churn),
        (StreamKind::Subscription(s), Input::MemberPrice) => Some(&mut s.net_price),
        (StreamKind::Subscription(s), Input::NewMembers) => match &mut s.new_members {
            NewMembers::Constant(n)
            | NewMembers::Growing(n, _)
            | NewMembers::ShareOfVisitors(n) => Some(n),
        },
        _ => None,
    }
}

/// The question: which value of `input` of stream `stream`, between `low` and `high`, reaches
/// `goal`; the answer is found to within `tolerance` (in the input's own unit).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Seek {
    pub goal: Goal,
    pub stream: usize,
    pub input: Input,
    pub low: f64,
    pub high: f64,
    pub tolerance: f64,
}

/// Which way the goal needs the input to move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// The goal is reached at this value or more.
    AtLeast,
    /// The goal is reached at this value or less (a delay, churn, hours).
    AtMost,
}

/// What the goal seek found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Answer {
    /// The value at which the goal is just reached.
    Value {
        value: f64,
        needs: Needs,
        /// The goal's margin moved one way only across the range (bisection applies); false:
        /// it went up and down, and `value` is the reaching value nearest the plan's own.
        monotone: bool,
    },
    /// Reached anywhere in the range: the goal does not hang on this input.
    AlwaysReached,
    /// Not reached anywhere in the range.
    Unreachable {
        /// The input moves the goal at all within the range.
        moves_goal: bool,
    },
    /// The stream has no such input.
    NotAnInput,
    /// The range's ends are not both finite numbers: nothing was searched.
    BadRange,
}

/// Points the range is sampled at before bisecting: enough to see a launch spike's
/// turn, few enough that a seek stays well under a frame (each is one projection).
const SAMPLES: usize = 48;

/// Solves `seek` for `plan` (see [`Answer`]).
pub fn solve(plan: &Plan, seek: &Seek) -> Answer {
    let mut trial = plan.clone();
    let Some(current) = input_value(plan, seek.stream, seek.input) else {
        return Answer::NotAnInput;
    };
    let margin = |value: f64| {
        set_input(&mut trial, seek.stream, seek.input, value);
        seek.goal.margin(&project(&trial))
    };
    boundary(margin, (seek.low, seek.high), seek.tolerance, current)
}

/// Where `margin` crosses zero within `range`, to `tolerance`; the crossing nearest `current`
/// when there is more than one (see [`Answer`]).
pub fn boundary(
    mut margin: impl FnMut(f64) -> f64,
    range: (f64, f64),
    tolerance: f64,
    current: f64,
) -> Answer {
    if !(range.0.is_finite() && range.1.is_finite()) {
        return Answer::BadRange;
    }
    let (low, high) = (range.0.min(range.1), range.0.max(range.1));
    // A tolerance that is not a positive number asks for the finest answer there is: the
    // bisection stops when the midpoint is one of the ends.
    let tolerance = if tolerance > 0.0 { tolerance } else { 0.0 };
    let xs: Vec<f64> = (0..=SAMPLES)
        .map(|i| low + (high - low) * i as f64 / SAMPLES as f64)
        .collect();
    let ms: Vec<f64> = xs.iter().map(|&x| margin(x)).collect();
    let reached = |m: f64| m >= 0.0;
    if ms.iter().all(|&m| reached(m)) {
        return Answer::AlwaysReached;
    }
    if !ms.iter().any(|&m| reached(m)) {
        let moves_goal = ms
            .iter()
            .any(|&m| (m - ms[0]).abs() > 1e-9 * ms[0].abs().max(1.0));
        return Answer::Unreachable { moves_goal };
    }
    let rising = ms.windows(2).all(|w| w[1] >= w[0]);
    let falling = ms.windows(2).all(|w| w[1] <= w[0]);
    // A sample that reaches the goal next to one that does not, the nearest to `current`.
    let mut edges = Vec::new();
    for i in 0..ms.len() - 1 {
        match (reached(ms[i]), reached(ms[i + 1])) {
            (true, false) => edges.push((i, i + 1)),
            (false, true) => edges.push((i + 1, i)),
            _ => {}
        }
    }
    let distance = |&(hit, _): &(usize, usize)| (xs[hit] - current).abs();
    // Some samples reach the goal and some do not, so there is at least one edge.
    let Some(&(hit, miss)) = edges
        .iter()
        .min_by(|a, b| distance(a).total_cmp(&distance(b)))
    else {
        return Answer::AlwaysReached;
    };
    let (mut good, mut bad) = (xs[hit], xs[miss]);
    while (good - bad).abs() > tolerance {
        let mid = (good + bad) / 2.0;
        if mid == good || mid == bad {
            break;
        }
        if reached(margin(mid)) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    Answer::Value {
        value: good,
        needs: if bad < good {
            Needs::AtLeast
        } else {
            Needs::AtMost
        },
        monotone: rising || falling,
    }
}
