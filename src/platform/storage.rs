//! localStorage, probed and checked: every failure becomes a sentence, never a panic.
//!
//! Typed JSON values (records, the index) are read through gloo-storage. Its accessor throws
//! where `window.localStorage` does (sandboxed or storage-blocked iframes, storage revoked while
//! the page is open), so [`Store::open`] probes first and every call checks again. Writes throw
//! when the quota is full (each browser names it differently), and a write is read back to be
//! sure it landed.

use crate::scenario::codec::to_json_text;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::scenario::saved_plans::PlanStore;
pub use crate::scenario::saved_plans::StorageError;

/// The names browsers give a full quota: the standard one, and Firefox's before version 66.
const QUOTA_NAMES: [&str; 2] = ["QuotaExceededError", "NS_ERROR_DOM_QUOTA_REACHED"];

/// What a raw write's exception means (it may not even be an Error object).
fn storage_error(thrown: &wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(thrown, &"name".into())
        .ok()
        .and_then(|n| n.as_string());
    match name {
        Some(n) if QUOTA_NAMES.contains(&n.as_str()) => StorageError::Full,
        // Anything else, SecurityError included: the probe passed, so storage is there and the
        // next change tries again (only a storage that cannot be reached is "unavailable").
        _ => StorageError::Refused,
    }
}

/// localStorage as this page sees it now; None where reaching it throws (a sandboxed frame,
/// blocked storage, or storage revoked while the page is open).
fn storage_now() -> Option<web_sys::Storage> {
    // Raw web-sys: gloo's `LocalStorage::raw()` throws out of the wasm where this fails.
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// A handle on localStorage, made only where the probe passed. Every call checks again that
/// storage can still be reached, since gloo-storage's calls throw where it cannot.
#[derive(Clone)]
pub struct Store {
    _probed: (),
}

impl Store {
    /// Opens localStorage if this page may use it: a probe write must work, or fail only for
    /// want of space (a full quota still lets the saved plans be read and opened).
    pub fn open() -> Result<Store, StorageError> {
        let storage = storage_now().ok_or(StorageError::Unavailable)?;
        let probe = "honest-income.probe";
        match storage.set_item(probe, "1") {
            Ok(()) => {
                let _ = storage.remove_item(probe);
            }
            Err(e) if storage_error(&e) == StorageError::Full => {}
            // At the probe, any other refusal means this page cannot save at all.
            Err(_) => return Err(StorageError::Unavailable),
        }
        Ok(Store { _probed: () })
    }

    /// The JSON value at `key`, if there is one of type `T`.
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        storage_now()?;
        LocalStorage::get(key).ok()
    }

    /// Writes `value` as JSON, then reads it back: a quota error or a lost write leaves the old
    /// value in place and says so.
    pub fn set<T: Serialize + DeserializeOwned + PartialEq>(
        &self,
        key: &str,
        value: &T,
    ) -> Result<(), StorageError> {
        // Raw: gloo's `set` panics (`unreachable!`) when what setItem throws is not an Error
        // object, as some page shims and extensions throw; the text is what `set` would write.
        let storage = storage_now().ok_or(StorageError::Unavailable)?;
        storage
            .set_item(key, &to_json_text(value))
            .map_err(|e| storage_error(&e))?;
        match self.get::<T>(key) {
            Some(back) if back == *value => Ok(()),
            _ => Err(StorageError::NotKept),
        }
    }

    /// The text at `key` as stored.
    pub fn read(&self, key: &str) -> Option<String> {
        // Raw: gloo's `get` parses, and a damaged record's text must be kept aside as it is.
        storage_now()?.get_item(key).ok().flatten()
    }

    /// Writes text as it is, then reads it back.
    pub fn write(&self, key: &str, text: &str) -> Result<(), StorageError> {
        // Raw: gloo's `set` would quote the text; damaged records are kept aside verbatim and
        // the current plan's id has been stored as plain text since the first version.
        let storage = storage_now().ok_or(StorageError::Unavailable)?;
        storage.set_item(key, text).map_err(|e| storage_error(&e))?;
        match self.read(key) {
            Some(back) if back == text => Ok(()),
            _ => Err(StorageError::NotKept),
        }
    }

    pub fn remove(&self, key: &str) {
        if storage_now().is_some() {
            LocalStorage::delete(key);
        }
    }

    /// Every key starting with `prefix`.
    pub fn keys(&self, prefix: &str) -> Vec<String> {
        // Raw: gloo lists keys only through `get_all`, which parses every value and fails on
        // the first that is not JSON (the current plan's id is plain text).
        let Some(storage) = storage_now() else {
            return Vec::new();
        };
        (0..storage.length().unwrap_or(0))
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect()
    }
}

impl PlanStore for Store {
    fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        Store::get(self, key)
    }
    fn set<T: Serialize + DeserializeOwned + PartialEq>(
        &self,
        key: &str,
        value: &T,
    ) -> Result<(), StorageError> {
        Store::set(self, key, value)
    }
    fn read(&self, key: &str) -> Option<String> {
        Store::read(self, key)
    }
    fn write(&self, key: &str, text: &str) -> Result<(), StorageError> {
        Store::write(self, key, text)
    }
    fn remove(&self, key: &str) {
        Store::remove(self, key)
    }
    fn keys(&self, prefix: &str) -> Vec<String> {
        Store::keys(self, prefix)
    }
    fn is_full(&self) -> bool {
        let Some(storage) = storage_now() else {
            return false;
        };
        let probe = "honest-income.probe";
        match storage.set_item(probe, "1") {
            Ok(()) => {
                let _ = storage.remove_item(probe);
                false
            }
            Err(e) => storage_error(&e) == StorageError::Full,
        }
    }
}

/// An id for this tab's writes, different in every tab opened (time and chance together).
pub fn tab_id() -> String {
    format!(
        "t{:x}{:x}",
        now_ms() as u64,
        (js_sys::Math::random() * 4_294_967_296.0) as u64
    )
}

/// sessionStorage: what this tab keeps while it moves between pages (each page is its own
/// bundle, so memory does not outlive a page). None where it cannot be reached.
fn tab_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// The value this tab kept under `key`, if any can be read.
pub fn tab_get<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = tab_storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

/// Keeps `value` for this tab under `key` (None removes it). Best effort: a refused write
/// only means the value stays on this page.
pub fn tab_set<T: Serialize>(key: &str, value: Option<&T>) {
    let Some(storage) = tab_storage() else {
        return;
    };
    let _ = match value {
        Some(v) => storage.set_item(key, &to_json_text(v)),
        None => storage.remove_item(key),
    };
}

/// Milliseconds since 1970 from the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A local time for "saved at" lines: "14:03" today, else "21 Nov 14:03".
pub fn time_label(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let today = js_sys::Date::new_0();
    let hm = format!("{:02}:{:02}", date.get_hours(), date.get_minutes());
    if date.to_date_string() == today.to_date_string() {
        hm
    } else {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        format!(
            "{} {} {hm}",
            date.get_date(),
            MONTHS[(date.get_month() as usize).min(11)]
        )
    }
}
