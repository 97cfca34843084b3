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
