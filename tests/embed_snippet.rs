//! The embed snippet: the iframe a blogger pastes, and the resize script's exact checks.
#![cfg(not(target_arch = "wasm32"))]

use honest_income::embed_snippet::{embed_snippet, origin_of, EmbedRequest};
use honest_income::platform::route::{embed_from_search, Page, Theme};

fn request(sandboxed: bool) -> EmbedRequest<'static> {
    EmbedRequest {
        app_url: "https://calc.example.com/tools/calc/",
        page: Page::Pricing,
        theme: Theme::Dark,
        sandboxed,
        locked: &[],
        fragment: Some("s=1.e30"),
        height: 1400,
        resize_script: true,
    }
}

#[test]
fn the_iframe_reserves_its_height_and_is_lazy_and_titled() {
    let html = embed_snippet(&request(false));
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
fn a_sandboxed_embed_expects_the_opaque_origin() {
    let html = embed_snippet(&request(true));
    assert!(html.contains("sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\""));
    assert!(html.contains("e.origin!==\"null\""));
}

#[test]
fn locked_inputs_and_options_round_trip_through_the_address() {
    let locked = vec!["price".to_string(), "platform".to_string()];
    let r = EmbedRequest {
        locked: &locked,
        resize_script: false,
        ..request(false)
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
