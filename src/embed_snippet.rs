//! The HTML a blogger pastes to embed a calculator: an iframe with a reserved height, and an
//! optional script that resizes it from the height messages the app posts.

use crate::platform::embed::HEIGHT_MESSAGE;
use crate::platform::route::{Page, Theme};

/// How the snippet's iframe is sandboxed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Frame {
    /// Sandboxed, keeping the calculator's own origin: loads from any static host, with or
    /// without CORS headers. As safe for the host page as the strict sandbox whenever the
    /// calculator is served from another site than the page (the frame is cross-origin to it
    /// either way); only on the same site could the frame lift its own sandbox.
    Contained,
    /// Sandboxed with an opaque origin: the calculator's site must send
    /// `Access-Control-Allow-Origin: *` with its files, and downloads are off.
    Strict,
    /// No sandbox attribute.
    Plain,
}

impl Frame {
    /// The iframe's sandbox tokens, if it has the attribute.
    pub fn sandbox(self) -> Option<&'static str> {
        match self {
            Frame::Contained => Some("allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"),
            Frame::Strict => Some("allow-scripts allow-popups allow-popups-to-escape-sandbox"),
            Frame::Plain => None,
        }
    }

    /// False where the frame may not download (Export says so instead).
    pub fn downloads(self) -> bool {
        self != Frame::Strict
    }
}

/// What the author chose in the Embed dialog.
pub struct EmbedRequest<'a> {
    /// The app's folder, e.g. `https://example.com/tools/calc/` (embed.html lives there).
    pub app_url: &'a str,
    pub page: Page,
    pub theme: Theme,
    pub frame: Frame,
    pub locked: &'a [String],
    /// The input groups shown open, when the author chose other than the default.
    pub open: Option<&'a [String]>,
    /// The scenario's link fragment (`s=1.…`), so the embed shows the author's numbers.
    pub fragment: Option<&'a str>,
    /// Height reserved before the app reports its own, so the post does not jump.
    pub height: u32,
    pub resize_script: bool,
}

/// `scheme://host[:port]` of a URL.
pub fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    match url[after_scheme..].find('/') {
        Some(i) => &url[..after_scheme + i],
        None => url,
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The embedded calculator's address: embed.html with the choices and the scenario.
pub fn embed_src(r: &EmbedRequest<'_>) -> String {
    let mut src = format!(
        "{}embed.html?embed={}&theme={}",
        r.app_url,
        r.page.slug(),
        r.theme.slug()
    );
    if !r.locked.is_empty() {
        src.push_str(&format!("&lock={}", r.locked.join(",")));
    }
    if let Some(open) = r.open {
        src.push_str(&format!("&open={}", open.join(",")));
    }
    if !r.frame.downloads() {
        src.push_str("&downloads=off");
    }
    if let Some(fragment) = r.fragment {
        src.push('#');
        src.push_str(fragment);
    }
    src
}

/// The snippet to paste into a blog post.
pub fn embed_snippet(r: &EmbedRequest<'_>) -> String {
    let src = embed_src(r);
    let sandbox = r
        .frame
        .sandbox()
        .map(|tokens| format!(" sandbox=\"{tokens}\""))
        .unwrap_or_default();
    let mut html = format!(
        "<iframe src=\"{}\" title=\"{} calculator (Honest Income)\" width=\"100%\" height=\"{h}\" loading=\"lazy\" style=\"border:0;width:100%;height:{h}px\"{sandbox}></iframe>",
        escape(&src),
        r.page.title(),
        h = r.height,
    );
    if r.resize_script {
        // A sandboxed frame without allow-same-origin posts from the opaque origin "null".
        let origin = if r.frame == Frame::Strict {
            "null"
        } else {
            origin_of(r.app_url)
        };
        html.push_str(&format!(
            "\n<script>(function(){{var f=document.currentScript.previousElementSibling;addEventListener(\"message\",function(e){{if(e.source!==f.contentWindow||e.origin!==\"{origin}\")return;var d=e.data;if(d&&d.type===\"{HEIGHT_MESSAGE}\"&&typeof d.height===\"number\"&&d.height>0&&d.height<20000)f.style.height=Math.ceil(d.height)+\"px\";}});}})();</script>",
            origin = escape(origin),
        ));
    }
    html
}
