//! localStorage, probed and checked: every failure becomes a sentence, never a panic.
//!
//! Reading `window.localStorage` throws in sandboxed or storage-blocked iframes; writes throw
//! when the quota is full (each browser names it differently); and a write is read back to be
//! sure it landed.

use std::fmt;
use wasm_bindgen::JsCast;

/// Why storage could not do what was asked; Display is the sentence shown.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    Unavailable,
    Full,
    NotKept,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable => write!(f, "Saving is unavailable here (this browser or page blocks storage). The calculators still work: use Copy link or Export to keep your plan."),
            StorageError::Full => write!(f, "Could not save: this browser's storage is full. Your plan is still here: export it, or delete scenarios you no longer need. Nothing saved before was changed."),
            StorageError::NotKept => write!(f, "Could not save: the browser did not keep what was written. Your plan is still here: export it to be safe."),
        }
    }
}

/// A checked handle on localStorage.
#[derive(Clone)]
pub struct Store {
    storage: web_sys::Storage,
}

/// True when a write failed because the quota is full, in any browser's spelling.
fn is_quota(error: &wasm_bindgen::JsValue) -> bool {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) => {
            matches!(
                e.name().as_str(),
                "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"
            ) || matches!(e.code(), 22 | 1014)
        }
        None => js_sys::Reflect::get(error, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .is_some_and(|n| n.contains("Quota") || n.contains("QUOTA")),
    }
}

impl Store {
    /// Opens localStorage if this page may use it (a probe write and delete must work).
    pub fn open() -> Result<Store, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        let storage = window
            .local_storage()
            .ok()
            .flatten()
            .ok_or(StorageError::Unavailable)?;
        let probe = "honest-income.probe";
        storage
            .set_item(probe, "1")
            .map_err(|_| StorageError::Unavailable)?;
        let _ = storage.remove_item(probe);
        Ok(Store { storage })
    }

    /// The value at `key`, if any (a failing read counts as nothing there).
    pub fn read(&self, key: &str) -> Option<String> {
        self.storage.get_item(key).ok().flatten()
    }

    /// Writes and reads back; a quota error or a lost write leaves the old value in place.
    pub fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage.set_item(key, value).map_err(|e| {
            if is_quota(&e) {
                StorageError::Full
            } else {
                StorageError::Unavailable
            }
        })?;
        match self.read(key) {
            Some(back) if back == value => Ok(()),
            _ => Err(StorageError::NotKept),
        }
    }

    pub fn remove(&self, key: &str) {
        let _ = self.storage.remove_item(key);
    }

    /// Every key starting with `prefix`.
    pub fn keys(&self, prefix: &str) -> Vec<String> {
        let n = self.storage.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect()
    }
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
