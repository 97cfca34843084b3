//! The embed snippet: the iframe a blogger pastes, and the resize script's exact checks.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::embed_snippet::{embed_snippet, origin_of, EmbedRequest, Frame};
use honest_income::platform::route::{embed_from_search, Page, Theme};

fn request(frame: Frame) -> EmbedRequest<'static> {
    EmbedRequest {
        app_url: "https://calc.example.com/tools/calc/",
        page: Page::Pricing,
        theme: Theme::Dark,
        frame,
        locked: &[],
        open: None,
        fragment: Some("s=1.e30"),
        height: 1400,
        resize_script: true,
    }
}

#[test]
fn the_iframe_reserves_its_height_and_is_lazy_and_titled() {
    let html = embed_snippet(&request(Frame::Plain));
    assert!(html.starts_with(
        "<iframe src=\"https://calc.example.com/tools/calc/embed.html?embed=pricing&amp;theme=dark#s=1.e30\""
    ));
    assert!(html.contains("title=\"Pricing calculator (Honest Income)\""));
    assert!(html.contains("height=\"1400\"") && html.contains("height:1400px"));
    assert!(html.contains("loading=\"lazy\""));
    assert!(!html.contains("sandbox"));
    assert!(html.contains("e.origin!==\"https://calc.example.com\""));
    assert!(html.contains("e.source!==f.contentWindow"));
}

#[test]
fn the_strict_sandbox_expects_the_opaque_origin_and_turns_downloads_off() {
    let html = embed_snippet(&request(Frame::Strict));
    assert!(html.contains("sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\""));
    assert!(html.contains("e.origin!==\"null\""));
    assert!(html.contains("&amp;downloads=off#s=1.e30"));
    let options = embed_from_search("?embed=pricing&theme=dark&downloads=off").unwrap();
    assert!(!options.downloads);
}

#[test]
fn the_default_sandbox_keeps_the_calculators_origin_so_any_host_serves_it() {
    let html = embed_snippet(&request(Frame::Contained));
    assert!(html.contains(
        "sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads\""
    ));
    // Its messages come from the calculator's own origin, and it may download.
    assert!(html.contains("e.origin!==\"https://calc.example.com\""));
    assert!(!html.contains("downloads=off"));
    assert!(embed_from_search("?embed=pricing").unwrap().downloads);
}

#[test]
fn locked_inputs_and_options_round_trip_through_the_address() {
    let locked = vec!["price".to_string(), "platform".to_string()];
    let r = EmbedRequest {
        locked: &locked,
        resize_script: false,
        ..request(Frame::Plain)
    };
    let html = embed_snippet(&r);
    assert!(!html.contains("<script>"));
    let search = "?embed=pricing&theme=dark&lock=price,platform";
    assert!(html.contains(&search.replace('&', "&amp;")));
    let options = embed_from_search(search).unwrap();
    assert_eq!(options.page, Page::Pricing);
    assert_eq!(options.theme, Theme::Dark);
    assert_eq!(options.locked, locked);
    assert_eq!(embed_from_search("?embed=nope"), None);
    assert_eq!(embed_from_search("?page=pricing"), None);
    assert_eq!(
        embed_from_search("?embed=break-even&lock=<script>,ok")
            .unwrap()
            .locked,
        ["ok"]
    );
    assert_eq!(
        origin_of("http://127.0.0.1:8080/a/b/"),
        "http://127.0.0.1:8080"
    );
}

#[test]
fn the_groups_shown_open_travel_in_the_address() {
    use honest_income::platform::route::{default_open, input_groups};
    let open = vec!["fees".to_string(), "volume".to_string()];
    let html = embed_snippet(&EmbedRequest {
        open: Some(&open),
        ..request(Frame::Contained)
    });
    assert!(html.contains("&amp;open=fees,volume#s=1.e30"));
    let options = embed_from_search("?embed=pricing&open=fees,volume").unwrap();
    assert!(options.is_open("fees") && options.is_open("volume"));
    assert!(!options.is_open("product"));
    // None chosen: the calculator's own default, which names real groups.
    let default = embed_from_search("?embed=pricing").unwrap();
    assert!(default.is_open("product") && !default.is_open("fees"));
    for page in Page::CALCULATORS {
        for key in default_open(page) {
            assert!(input_groups(page).iter().any(|(k, _)| k == key), "{key}");
        }
    }
    // All folded is a choice too.
    assert!(!embed_from_search("?embed=pricing&open=")
        .unwrap()
        .is_open("product"));
}
