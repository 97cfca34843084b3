//! Honest starting plans for the Delayed-income calculator, each with its assumptions.

use super::delayed::{DelayedDraft, MembersMode, StreamDraft, StreamType};

/// A preset plan and the assumptions it rests on.
pub struct DelayedPreset {
    /// Stable name of the preset, the value of its option in the picker.
    pub id: &'static str,
    pub name: &'static str,
    pub assumptions: &'static str,
    pub build: fn() -> DelayedDraft,
}

pub const DELAYED_PRESETS: [DelayedPreset; 4] = [
    DelayedPreset {
        id: "blogger",
        name: "The blogger's first year",
        assumptions: "From the source essays: a blog with 8 posts a month whose posts get search traffic after 2 months and plateau at 600 visitors each 8 months later; 3 % click affiliate links, 3 % of clicks buy, $45 average commission; ads only above 15,000 visitors a month. A $27 workshop on Gumroad (nets $23.80) launches in month 4 with 8 sales, halving to a baseline of 4 a month. Months 1-3 earn about $0, months 4-6 about $150-200 a month, months 7-9 about $400-600.",
        build: bloggers_first_year,
    },
    DelayedPreset {
        id: "newsletter",
        name: "A paid newsletter",
        assumptions: "A $5-a-month newsletter on Substack (nets $4.01 after its 10 %, card fees and billing): 15 new paying readers a month at first, growing 3 % a month, 5 % leave each month. Writing takes 20 hours a month after a 2-month start of 30 hours a month.",
        build: newsletter,
    },
    DelayedPreset {
        id: "template-shop",
        name: "A template shop",
        assumptions: "Notion or spreadsheet templates at $19 (nets about $16.50 after marketplace fees): 20 sales in the launch month (month 2), halving each month to 8 a month. Two months of building at 40 hours, then 5 hours a month of upkeep.",
        build: template_shop,
    },
    DelayedPreset {
        id: "small-saas",
        name: "A small SaaS",
        assumptions: "A $19-a-month tool on Stripe (nets $18.02): open from month 4 with 3 sign-ups a month growing 5 % a month, 4 % churn. Hosting and AI API costs (about $60 a month) belong in the Break-even cost lines, which this plan uses. Three months of building at 80 hours, then 25 hours a month.",
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
    }
}

/// The source essays' year: a blog plus a $27 workshop.
pub fn bloggers_first_year() -> DelayedDraft {
    let mut blog = StreamDraft::new(0, StreamType::Blog);
    blog.name = "Blog".into();
    set(
        &mut blog,
        &[
            ("posts", "8"),
            ("publish_months", "12"),
            ("delay", "2"),
            ("ramp", "8"),
            ("plateau", "600"),
            ("click_through", "3"),
            ("conversion", "3"),
            ("commission", "45"),
            ("ads_rpm", "5"),
            ("ads_min", "15000"),
            ("build_months", "12"),
            ("build_hours", "40"),
            ("upkeep_hours", "10"),
        ],
    );
    blog.low.insert("plateau".into(), "300".into());
    blog.high.insert("plateau".into(), "900".into());
    let mut workshop = StreamDraft::new(1, StreamType::Product);
    workshop.name = "$27 workshop".into();
    workshop.use_pricing_net = false;
    set(
        &mut workshop,
        &[
            ("launch_month", "4"),
            ("launch_sales", "8"),
            ("half_life", "0.5"),
            ("baseline", "4"),
            ("per_thousand", "0"),
            ("net_per_sale", "23.80"),
            ("build_months", "3"),
            ("build_hours", "25"),
            ("upkeep_hours", "2"),
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
            ("members", "15"),
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
    shop.use_pricing_net = false;
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
            ("members", "3"),
            ("growth", "5"),
            ("churn", "4"),
            ("price", "18.02"),
            ("build_months", "3"),
            ("build_hours", "80"),
            ("upkeep_hours", "25"),
        ],
    );
    saas.low.insert("members".into(), "1".into());
    saas.high.insert("members".into(), "6".into());
    plan(vec![saas], "36", "1000")
}

/// A new plan starts from the source essays' year (here, so the data model does not import its
/// presets back: one direction between the two modules).
impl Default for DelayedDraft {
    fn default() -> Self {
        bloggers_first_year()
    }
}
