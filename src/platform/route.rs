//! Which calculator the URL shows: `?page=pricing`, so a plain static server needs no rewrites.

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Pricing,
    BreakEven,
    DelayedIncome,
    Compare,
    /// Saved plans, export and import, and the Embed builder: off the calculators' pages, so a
    /// visitor who only calculates never downloads them.
    Plans,
}

impl Page {
    pub const CALCULATORS: [Page; 3] = [Page::Pricing, Page::BreakEven, Page::DelayedIncome];

    /// The value of the `page` query parameter.
    pub fn slug(self) -> &'static str {
        match self {
            Page::Home => "",
            Page::Pricing => "pricing",
            Page::BreakEven => "break-even",
            Page::DelayedIncome => "delayed-income",
            Page::Compare => "compare",
            Page::Plans => "plans",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Page::Home => "Honest Income",
            Page::Pricing => "Pricing",
            Page::BreakEven => "Break-even",
            Page::DelayedIncome => "Delayed income",
            Page::Compare => "Compare plans",
            Page::Plans => "Your plans",
        }
    }

    /// The short name in the navigation.
    pub fn nav_label(self) -> &'static str {
        match self {
            Page::Compare => "Compare",
            Page::Plans => "Plans",
            other => other.title(),
        }
    }

    /// A relative link that keeps the app's folder, so it works under any sub-path.
    pub fn href(self) -> String {
        match self {
            Page::Home => "./".into(),
            page => format!("./?page={}", page.slug()),
        }
    }
}

/// The value of `key` in a query string such as `?page=pricing&x=1`.
fn query_value<'a>(search: &'a str, key: &str) -> Option<&'a str> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// The colours an embedded calculator uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow the reader's system.
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// How a calculator is embedded: `?embed=pricing&theme=dark&lock=price,platform`.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedOptions {
    pub page: Page,
    pub theme: Theme,
    /// Ids of the inputs the author locked.
    pub locked: Vec<String>,
    /// False when the snippet's frame may not download (`&downloads=off`).
    pub downloads: bool,
    /// The input groups shown open (`&open=...`); None: the calculator's default.
    pub open: Option<Vec<String>>,
}

/// The input groups of a calculator an embed can fold, as (key, name), in page order.
pub fn input_groups(page: Page) -> &'static [(&'static str, &'static str)] {
    match page {
        Page::Pricing => &[
            ("products", "Products in this plan"),
            ("product", "This product"),
            ("fees", "Platform and fees"),
            ("adjustments", "Adjustments"),
            ("volume", "Volume and targets"),
        ],
        Page::BreakEven => &[
            ("upfront", "Upfront"),
            ("monthly", "Every month"),
            ("per-sale", "Per sale"),
            ("sales", "Sales per month"),
        ],
        Page::DelayedIncome => &[
            ("presets", "Start from a preset"),
            ("streams", "Income streams"),
            ("plan", "The plan"),
        ],
        _ => &[],
    }
}

/// The groups an embed shows open when its author chose none: few enough that the first result
/// is on a 390 x 844 phone's first screen (Pricing's price; on the others the headings alone).
pub fn default_open(page: Page) -> &'static [&'static str] {
    match page {
        Page::Pricing => &["product"],
        _ => &[],
    }
}

/// True when the input group `key` of `page` is shown open, given the groups an author chose
/// (None: the page's default). The embed and the Embed panel both ask this.
pub fn group_open(open: Option<&[String]>, page: Page, key: &str) -> bool {
    match open {
        Some(open) => open.iter().any(|k| k == key),
        None => default_open(page).contains(&key),
    }
}

impl EmbedOptions {
    /// True when the input group `key` is shown open in this embed.
    pub fn is_open(&self, key: &str) -> bool {
        group_open(self.open.as_deref(), self.page, key)
    }
}

/// Ids in a query value: `a,b,c`, each short and plain (anything else is dropped).
fn id_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(|id| id.trim().to_string())
        .filter(|id| {
            !id.is_empty()
                && id.len() <= 40
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        .take(40)
        .collect()
}

/// The embed options in a query string, if it asks for embed mode.
pub fn embed_from_search(search: &str) -> Option<EmbedOptions> {
    let slug = query_value(search, "embed")?;
    let page = Page::CALCULATORS.into_iter().find(|p| p.slug() == slug)?;
    let theme = match query_value(search, "theme") {
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        _ => Theme::Auto,
    };
    let locked = id_list(query_value(search, "lock").unwrap_or(""));
    Some(EmbedOptions {
        page,
        theme,
        locked,
        downloads: query_value(search, "downloads") != Some("off"),
        open: query_value(search, "open").map(id_list),
    })
}

/// The address's query string (`?page=pricing&...`), empty where there is none.
fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// True when the address asks for embed mode at all (`?embed=`), whether or not it names a
/// calculator: such a page may be framed by any site, so it never starts the full app.
pub fn asks_for_embed() -> bool {
    let search = current_search();
    query_value(&search, "embed").is_some()
        || web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .is_some_and(|p| p.ends_with("/embed.html"))
}

/// The embed options of the current address, if any.
pub fn current_embed() -> Option<EmbedOptions> {
    let search = current_search();
    embed_from_search(&search)
}

/// Reads the page from a query string such as `?page=pricing&x=1`; unknown pages are Home.
pub fn page_from_search(search: &str) -> Page {
    let value = query_value(search, "page").unwrap_or("");
    Page::CALCULATORS
        .into_iter()
        .chain([Page::Compare, Page::Plans])
        .find(|p| p.slug() == value)
        .unwrap_or(Page::Home)
}

/// The calculator a page was opened from (`&from=break-even`), where it names one.
pub fn opened_from() -> Option<Page> {
    let search = current_search();
    let from = query_value(&search, "from")?;
    Page::CALCULATORS.into_iter().find(|p| p.slug() == from)
}

/// The page in the current address bar.
pub fn current_page() -> Page {
    let search = current_search();
    page_from_search(&search)
}
