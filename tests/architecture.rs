//! Keeps the engine pure: no web crate may be named under src/engine.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

const WEB_CRATES: [&str; 7] = [
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "plotters",
    "serde_json",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/engine is readable") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn engine_names_no_web_crate() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine"),
        &mut files,
    );
    assert!(
        files.len() >= 5,
        "expected the engine's modules, found {files:?}"
    );
    let mut offenders = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("engine file is readable");
        for (n, line) in text.lines().enumerate() {
            for name in WEB_CRATES {
                let used =
                    line.contains(&format!("{name}::")) || line.contains(&format!("use {name}"));
                if used {
                    offenders.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "src/engine must stay pure:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn engine_reads_no_clock_or_randomness() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine"),
        &mut files,
    );
    for file in &files {
        let text = fs::read_to_string(file).expect("engine file is readable");
        for forbidden in ["SystemTime", "Instant::now", "thread_rng", "getrandom"] {
            assert!(
                !text.contains(forbidden),
                "{} uses {forbidden}",
                file.display()
            );
        }
    }
}

/// Crates that reach the browser: only src/platform may name them.
const BROWSER_CRATES: [&str; 5] = [
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "wasm_bindgen_futures",
    "gloo_storage",
];

/// `file:line: text` of every code line (comments aside) under `dir` that `offends`.
fn offending_lines(dir: &str, skip: &[&str], offends: impl Fn(&str) -> bool) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join(dir), &mut files);
    assert!(!files.is_empty(), "expected Rust files under {dir}");
    let mut found = Vec::new();
    for file in files {
        let relative = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .to_string();
        if skip.iter().any(|s| relative.starts_with(s)) {
            continue;
        }
        let text = fs::read_to_string(&file).expect("source is readable");
        for (n, line) in text.lines().enumerate() {
            let code = line.trim();
            if !code.starts_with("//") && offends(code) {
                found.push(format!("{relative}:{}: {code}", n + 1));
            }
        }
    }
    found
}

fn names_crate(line: &str, name: &str) -> bool {
    line.contains(&format!("{name}::")) || line.contains(&format!("use {name}"))
}

#[test]
fn only_platform_touches_browser_apis() {
    let offenders = offending_lines("src", &["src/platform/"], |line| {
        BROWSER_CRATES.iter().any(|name| names_crate(line, name))
    });
    assert!(
        offenders.is_empty(),
        "browser APIs belong in src/platform:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_engine_imports_nothing_from_the_rest_of_the_crate() {
    let offenders = offending_lines("src/engine", &[], |line| {
        line.match_indices("crate::")
            .any(|(i, _)| !line[i..].starts_with("crate::engine"))
    });
    assert!(
        offenders.is_empty(),
        "src/engine must not depend on the layers above it:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_delayed_model_does_not_import_its_presets() {
    let offenders = offending_lines("src/scenario", &[], |line| line.contains("delayed_presets"))
        .into_iter()
        .filter(|l| {
            l.starts_with("src/scenario/delayed.rs") || l.starts_with("src/scenario/delayed/")
        })
        .collect::<Vec<_>>();
    assert!(
        offenders.is_empty(),
        "delayed_presets imports the model; the model must not import it back:\n{}",
        offenders.join("\n")
    );
}

/// Every field key the Delayed-income code reads by name is one of the field tables' keys, so a
/// typo fails here instead of reading as a silent 0.
#[test]
fn every_delayed_field_read_by_name_exists() {
    use honest_income::scenario::delayed::{
        BLOG_FIELDS, EFFORT_FIELDS, PRODUCT_FIELDS, SUBSCRIPTION_FIELDS,
    };
    let keys: Vec<&str> = [
        BLOG_FIELDS,
        PRODUCT_FIELDS,
        SUBSCRIPTION_FIELDS,
        EFFORT_FIELDS,
    ]
    .concat()
    .iter()
    .map(|f| f.key)
    .collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut read = 0;
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        for call in ["value(\"", "range(\""] {
            for (at, _) in text.match_indices(call) {
                if !file.to_string_lossy().contains("scenario/delayed/") {
                    continue;
                }
                let rest = &text[at + call.len()..];
                let key = &rest[..rest.find('"').unwrap()];
                assert!(
                    keys.contains(&key),
                    "{}: no field named {key:?}",
                    file.display()
                );
                read += 1;
            }
        }
    }
    assert!(
        read > 20,
        "expected the engine inputs to read fields by name, found {read}"
    );
}
