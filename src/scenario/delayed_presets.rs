//! Honest starting plans for the Delayed-income calculator, each with its assumptions.

use super::delayed::{DelayedDraft, MembersMode, StreamDraft, StreamType};

/// A preset plan and the assumptions it rests on.
pub struct DelayedPreset {
    /// Stable name of the preset, the value of its option in the picker.
    pub id: &'static str,
    pub name: &'static str,
    /// One short statement each: a list reads more easily than a paragraph on a phone.
    pub assumptions: &'static [&'static str],
    pub build: fn() -> DelayedDraft,
}

pub const DELAYED_PRESETS: [DelayedPreset; 4] = [
    DelayedPreset {
        id: "blogger",
        name: "The blogger's first year",
        assumptions: &[
            "From the source essays: a blog of 8 posts a month for a year, and their $27 workshop on Gumroad (the plan's Workshop product) sold on Break-even's plan.",
            "The workshop: $150 of upfront cash at the start and 40 build hours in the month before its launch in month 4.",
            "Its sales: 12 in the launch month (8 in the first week, 3 in the second, 1 in the third), falling to 4 a month (the essay's 3-5), with 3 h of upkeep a month.",
            "The blog runs at the typical pace, not the essay's: search traffic after 3 months, then 15 more to a plateau of 300 visitors a post.",
            "Of those visitors 2 % click affiliate links and 2 % of clicks buy, at $40 a sale; ads come above 25,000 visitors a month.",
            "Like the essay, months 1-3 earn about $0 and months 4-6 about $150-200 (mostly the launch).",
            "The essay's blog then reached $400-600 a month by months 7-9; at the typical pace that takes until the second year.",
            "A plan tuned to the essay's pace would promise over $7,000 a month by month 24.",
        ],
        build: bloggers_first_year,
    },
    DelayedPreset {
        id: "newsletter",
        name: "A paid newsletter",
        assumptions: &[
            "A $5-a-month newsletter on Substack: it nets $4.01 after its 10 %, card fees and billing.",
            "5 new paying readers a month at first, growing 3 % a month: 5-10 % of free readers ever pay (Substack's guide), so about 50-100 new free readers a month.",
            "5 % of paying readers leave each month: about $220 a month after a year.",
            "Writing takes 20 hours a month, after a 2-month start of 30 hours a month.",
        ],
        build: newsletter,
    },
    DelayedPreset {
        id: "template-shop",
        name: "A template shop",
        assumptions: &[
            "Notion or spreadsheet templates at $19: about $16.50 net after marketplace fees.",
            "20 sales in the launch month (month 2), halving each month to 8 a month.",
            "Two months of building at 40 hours, then 5 hours a month of upkeep.",
        ],
        build: template_shop,
    },
    DelayedPreset {
        id: "small-saas",
        name: "A small SaaS",
        assumptions: &[
            "A $19-a-month tool on Stripe: it nets $18.02.",
            "Open from month 4, with 2 sign-ups a month growing 3 % a month and 4 % churn (the 3-5 % typical of indie B2B tools): about $300 a month after a year.",
            "Hosting and AI API costs (about $60 a month) belong in the Break-even cost lines, which this plan uses.",
            "Three months of building at 80 hours, then 25 hours a month.",
        ],
        build: small_saas,
    },
];

fn set(stream: &mut StreamDraft, pairs: &[(&str, &str)]) {
    for (k, v) in pairs {
        stream.values.insert(k.to_string(), v.to_string());
    }
}

fn plan(streams: Vec<StreamDraft>, horizon: &str, target: &str) -> DelayedDraft {
    let next_id = streams.iter().map(|s| s.id + 1).max().unwrap_or(0);
    DelayedDraft {
        streams,
        horizon: horizon.into(),
        target: target.into(),
        target_by: "12".into(),
        uncertainty: false,
        paths: "1000".into(),
        seed: 2026,
        next_id,
        what_if: Default::default(),
    }
}

/// The source essays' year: their blog and their $27 workshop, at the typical pace.
pub fn bloggers_first_year() -> DelayedDraft {
    // The blog is a new stream's defaults: the research's typical search delay and ramp, 2 %
    // click-through, 2 % conversion and a $40 commission.
    let mut blog = StreamDraft::new(0, StreamType::Blog);
    blog.name = "Blog".into();
    set(
        &mut blog,
        &[
            ("build_months", "12"),
            ("build_hours", "40"),
            ("upkeep_hours", "10"),
        ],
    );
    let mut workshop = StreamDraft::new(1, StreamType::Product);
    workshop.name = "$27 workshop".into();
    workshop.product = Some(0);
    // The workshop is Break-even's plan placed on the timeline: one sales model, one build.
    workshop.follow_break_even = true;
    set(
        &mut workshop,
        &[
            ("launch_month", "4"),
            ("launch_sales", "12"),
            ("half_life", "0.5"),
            ("baseline", "4"),
            ("per_thousand", "0"),
            ("net_per_sale", "22.99"),
            ("build_months", "1"),
            ("build_hours", "40"),
            ("upkeep_hours", "3"),
        ],
    );
    plan(vec![blog, workshop], "24", "500")
}

pub fn newsletter() -> DelayedDraft {
    let mut letter = StreamDraft::new(0, StreamType::Subscription);
    letter.name = "Paid newsletter".into();
    letter.members_mode = MembersMode::Growing;
    set(
        &mut letter,
        &[
            ("start_month", "1"),
            ("members", "5"),
            ("growth", "3"),
            ("churn", "5"),
            ("price", "4.01"),
            ("build_months", "2"),
            ("build_hours", "30"),
            ("upkeep_hours", "20"),
        ],
    );
    plan(vec![letter], "36", "500")
}

pub fn template_shop() -> DelayedDraft {
    let mut shop = StreamDraft::new(0, StreamType::Product);
    shop.name = "Templates".into();
    shop.product = None;
    set(
        &mut shop,
        &[
            ("launch_month", "2"),
            ("launch_sales", "20"),
            ("half_life", "1"),
            ("baseline", "8"),
            ("per_thousand", "0"),
            ("net_per_sale", "16.50"),
            ("build_months", "2"),
            ("build_hours", "40"),
            ("upkeep_hours", "5"),
        ],
    );
    plan(vec![shop], "24", "300")
}

pub fn small_saas() -> DelayedDraft {
    let mut saas = StreamDraft::new(0, StreamType::Subscription);
    saas.name = "SaaS subscriptions".into();
    saas.members_mode = MembersMode::Growing;
    set(
        &mut saas,
        &[
            ("start_month", "4"),
            ("members", "2"),
            ("growth", "3"),
            ("churn", "4"),
            ("price", "18.02"),
            ("build_months", "3"),
            ("build_hours", "80"),
            ("upkeep_hours", "25"),
        ],
    );
    saas.low.insert("members".into(), "1".into());
    saas.high.insert("members".into(), "5".into());
    plan(vec![saas], "36", "1000")
}

/// A new plan starts from the source essays' year (here, so the data model does not import its
/// presets back: one direction between the two modules).
impl Default for DelayedDraft {
    fn default() -> Self {
        bloggers_first_year()
    }
}
