//! Component tests in a real browser: the form keeps typed text, shows sentences and results.
#![cfg(target_arch = "wasm32")]

use honest_income::scenario::Scenario;
use honest_income::ui::{PricingPage, ScenarioState, TextField};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

#[path = "common/monte_carlo_fixture.rs"]
mod monte_carlo_fixture;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets the reactive system run its scheduled effects.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `selector` is in `root`: a page builds its parts in tasks of their own (the
/// results a task or two after the form), as a person sees them arrive. Fails after 2 s.
async fn built(root: &HtmlElement, selector: &str) {
    for _ in 0..200 {
        if root.query_selector(selector).ok().flatten().is_some() {
            return;
        }
        settle().await;
    }
    panic!("{selector} was never built");
}

fn container() -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

fn type_into(root: &HtmlElement, id: &str, text: &str) {
    let input: HtmlInputElement = root
        .query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no input #{id}"))
        .unchecked_into();
    input.set_value(text);
    let event = web_sys::Event::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
}

fn text_of(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn text_field_shows_its_sentence_and_marks_itself_invalid() {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        let value = RwSignal::new("27".to_string());
        let error = Signal::derive(move || {
            honest_income::engine::fields::parse_money(&value.get(), Default::default())
                .err()
                .map(|e| e.to_string())
        });
        view! {
            <TextField id="probe" label="Price" hint="What the buyer pays." value=value
                on_input=move |t| value.set(t) error=error />
        }
    });
    settle().await;
    assert_eq!(text_of(&root, "label"), "Price");
    assert_eq!(text_of(&root, ".field-error"), "");

    type_into(&root, "probe", "abc");
    settle().await;
    assert_eq!(
        text_of(&root, ".field-error"),
        "That is not a number: use digits, like 27.50."
    );
    let input = root.query_selector("#probe").unwrap().unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(input
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("probe-error"));

    type_into(&root, "probe", "27,50");
    settle().await;
    assert_eq!(text_of(&root, ".field-error"), "");
    drop(handle);
}

#[wasm_bindgen_test]
async fn pricing_page_recalculates_as_the_price_changes() {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), || {
        provide_context(ScenarioState(RwSignal::new(Scenario::default())));
        view! { <PricingPage /> }
    });
    built(&root, "[data-testid=net-per-sale]").await;
    assert_eq!(text_of(&root, "[data-testid=net-per-sale]"), "$23.80");

    type_into(&root, "price", "100");
    settle().await;
    assert_eq!(text_of(&root, "[data-testid=net-per-sale]"), "$89.50");

    type_into(&root, "price", "");
    settle().await;
    assert!(text_of(&root, ".results")
        .contains("Results will show once these fields hold valid numbers: Price."));
    assert_eq!(
        text_of(&root, "#price-error"),
        "Enter a number (0 if none)."
    );
    drop(handle);
}

/// The seeded Monte Carlo gives the same bits in the browser as natively (see delayed_engine.rs).
#[wasm_bindgen_test]
fn monte_carlo_bits_match_the_native_run() {
    use honest_income::engine::delayed::monte_carlo::run;
    use honest_income::scenario::delayed_presets::bloggers_first_year;
    use monte_carlo_fixture::*;
    let plan = bloggers_first_year()
        .inputs(&honest_income::scenario::delayed::FromThePlan {
            monthly_costs: 0,
            ..honest_income::scenario::Scenario::default().delayed_from_the_plan()
        })
        .unwrap()
        .plan;
    let mc = run(&plan, &blogger_uncertainty(GOLDEN_SEED, 1000));
    assert_eq!(mc.income.p50[11].to_bits(), GOLDEN_P50_MONTH_12);
    assert_eq!(mc.income.p90[23].to_bits(), GOLDEN_P90_MONTH_24);
}

/// Makes localStorage.setItem throw what `thrown` builds, runs `f`, then restores it.
fn with_failing_writes<T>(thrown: &str, f: impl FnOnce() -> T) -> T {
    let patch = js_sys::Function::new_no_args(&format!(
        "window.__setItem = Storage.prototype.setItem;
         Storage.prototype.setItem = function (key, value) {{
           if (String(key).startsWith('test.')) throw {thrown};
           return window.__setItem.call(this, key, value);
         }};"
    ));
    patch.call0(&wasm_bindgen::JsValue::NULL).unwrap();
    let result = f();
    js_sys::Function::new_no_args("Storage.prototype.setItem = window.__setItem;")
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
    result
}

#[wasm_bindgen_test]
fn storage_writes_typed_records_as_the_codec_does_and_reads_them_back() {
    use honest_income::platform::storage::Store;
    use honest_income::scenario::codec::{decode_record, encode_record, StoredRecord};
    let store = Store::open().expect("storage works in the test browser");
    let record = StoredRecord {
        schema: honest_income::scenario::SCHEMA_VERSION,
        id: "t1".into(),
        name: "Plan \"one\" ü".into(),
        updated: 1764581400123.0,
        scenario: Scenario::default(),
        stamp: "t1.1".into(),
        base: String::new(),
    };
    store.set("test.record", &record).expect("the write lands");
    let text = store.read("test.record").expect("the text is there");
    assert_eq!(
        text,
        encode_record(&record),
        "gloo writes what the codec writes"
    );
    assert_eq!(decode_record(&text).unwrap(), record);
    assert_eq!(store.get::<StoredRecord>("test.record"), Some(record));
    store.write("test.text", "s-plain").unwrap();
    assert_eq!(
        store.read("test.text").as_deref(),
        Some("s-plain"),
        "text is not quoted"
    );
    assert_eq!(
        store.get::<String>("test.text"),
        None,
        "plain text is not JSON"
    );
    let mut keys = store.keys("test.");
    keys.sort();
    assert_eq!(keys, ["test.record", "test.text"]);
    store.remove("test.record");
    store.remove("test.text");
    assert_eq!(store.read("test.record"), None);
    assert!(store.keys("test.").is_empty());
}

#[wasm_bindgen_test]
fn a_full_quota_is_told_apart_from_other_write_failures() {
    use honest_income::platform::storage::{StorageError, Store};
    let store = Store::open().unwrap();
    for (thrown, expected) in [
        (
            "new DOMException('full', 'QuotaExceededError')",
            StorageError::Full,
        ),
        (
            "new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED')",
            StorageError::Full,
        ),
        (
            "Object.assign(new Error('full'), { name: 'QuotaExceededError' })",
            StorageError::Full,
        ),
        (
            "new DOMException('no', 'SecurityError')",
            StorageError::Refused,
        ),
    ] {
        let typed = with_failing_writes(thrown, || store.set("test.typed", &1u32));
        assert_eq!(typed, Err(expected.clone()), "typed write, {thrown}");
        let text = with_failing_writes(thrown, || store.write("test.text", "x"));
        assert_eq!(text, Err(expected), "text write, {thrown}");
    }
    // Whatever else was thrown, even a bare string, is a sentence, never a panic, and the
    // next change tries again.
    for thrown in ["'full'", "new TypeError('shim')"] {
        let text = with_failing_writes(thrown, || store.write("test.text", "x"));
        assert_eq!(text, Err(StorageError::Refused), "{thrown}");
        let typed = with_failing_writes(thrown, || store.set("test.typed", &1u32));
        assert_eq!(typed, Err(StorageError::Refused), "{thrown}");
    }
    assert_eq!(store.read("test.typed"), None, "nothing was written");
}

#[wasm_bindgen_test]
fn storage_revoked_after_the_probe_reads_as_nothing_and_refuses_writes() {
    use honest_income::platform::storage::{StorageError, Store};
    let store = Store::open().unwrap();
    store.write("test.kept", "1").unwrap();
    let run = |code: &str| {
        js_sys::Function::new_no_args(code)
            .call0(&wasm_bindgen::JsValue::NULL)
            .unwrap();
    };
    run(
        "window.__storage = Object.getOwnPropertyDescriptor(window, 'localStorage')
           || Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage');
         Object.defineProperty(window, 'localStorage', { configurable: true,
           get() { throw new DOMException('revoked', 'SecurityError'); } });",
    );
    let read = store.read("test.kept");
    let typed = store.get::<u32>("test.kept");
    let keys = store.keys("test.");
    let set = store.set("test.kept", &2u32);
    let write = store.write("test.kept", "2");
    store.remove("test.kept");
    run("Object.defineProperty(window, 'localStorage', window.__storage);");
    assert_eq!((read, typed, keys), (None, None, Vec::<String>::new()));
    assert_eq!(set, Err(StorageError::Unavailable));
    assert_eq!(write, Err(StorageError::Unavailable));
    assert_eq!(
        store.read("test.kept").as_deref(),
        Some("1"),
        "nothing was changed"
    );
    store.remove("test.kept");
}
