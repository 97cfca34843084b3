//! Small Delayed-income plans worked by hand, shared by the goal-seek and sensitivity tests.

use honest_income::engine::delayed::{Blog, Effort, Plan, Stream, StreamKind};

/// A plan of one stream, started with no build, over 12 months.
pub fn one_stream_plan(kind: StreamKind, monthly_costs: f64, upkeep_hours: f64) -> Plan {
    Plan {
        streams: vec![Stream {
            name: "s".into(),
            kind,
            effort: Effort {
                build_months: 0,
                build_hours: 0.0,
                upkeep_hours,
            },
        }],
        monthly_costs,
        upfront_cash: 0.0,
        upfront_hours: 0.0,
        hourly_value: 0.0,
        horizon: 12,
        target: 0.0,
    }
}

/// 2 posts a month in months 1-3, each 1,000 visitors a month once it ranks (`delay` months
/// after publishing, no ramp), $1.60 a visitor (2 % click, 2 % buy, $40 commission), no ads.
pub fn affiliate_blog(delay: f64) -> StreamKind {
    StreamKind::Blog(Blog {
        posts_per_month: 2.0,
        publish_months: 3,
        delay,
        ramp: 0.0,
        plateau: 1000.0,
        click_through: 0.02,
        conversion: 0.02,
        commission: 4000.0,
        ads_rpm: 0.0,
        ads_min_visitors: f64::MAX,
    })
}
