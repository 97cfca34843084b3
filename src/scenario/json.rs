//! The JSON shape of a plan, mapped by hand through `serde_json::Value`.
//!
//! Why not `#[derive(Serialize, Deserialize)]`: the derived code for the drafts and the
//! Value (de)serializers behind `from_value` / `to_value` were a large share of the wasm
//! download; this mapping does the same job in a fraction of the bytes.
//!
//! The shape is the stored and linked format (schema 1, link 1): member names and enum spellings
//! must never change. Reading follows the rules the derive had: a missing member takes the
//! default plan's value, a member of the wrong type makes the whole value unreadable, and
//! unknown members are ignored.

use crate::engine::money::Currency;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A value with a fixed JSON shape.
pub trait Json: Sized {
    fn to_json(&self) -> Value;
    /// None when `value` does not have this type's shape.
    fn from_json(value: &Value) -> Option<Self>;
}

/// The members of a JSON object being read.
pub struct Members<'a>(&'a Map<String, Value>);

impl<'a> Members<'a> {
    pub fn of(value: &'a Value) -> Option<Self> {
        value.as_object().map(Members)
    }

    /// A member that must be present.
    pub fn required<T: Json>(&self, key: &str) -> Option<T> {
        T::from_json(self.0.get(key)?)
    }

    /// A member that may be missing, then `default`; present with the wrong type is None.
    pub fn or<T: Json>(&self, key: &str, default: T) -> Option<T> {
        match self.0.get(key) {
            Some(value) => T::from_json(value),
            None => Some(default),
        }
    }
}

/// An array of the items' JSON.
pub fn array<T: Json>(items: &[T]) -> Value {
    Value::Array(items.iter().map(Json::to_json).collect())
}

/// An object from its members.
///
/// Takes a slice and inserts one by one: collecting into the map sorts first, and that sort was
/// instantiated once per struct (about 3 KB of wasm each).
pub fn object(members: &mut [(&str, Value)]) -> Value {
    let mut map = Map::new();
    for (key, value) in members {
        map.insert(key.to_string(), value.take());
    }
    Value::Object(map)
}

impl Json for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
    fn from_json(value: &Value) -> Option<Self> {
        value.as_str().map(str::to_string)
    }
}

impl Json for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
    fn from_json(value: &Value) -> Option<Self> {
        value.as_bool()
    }
}

impl Json for u32 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
    fn from_json(value: &Value) -> Option<Self> {
        value.as_u64().and_then(|n| u32::try_from(n).ok())
    }
}

impl Json for u64 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
    fn from_json(value: &Value) -> Option<Self> {
        value.as_u64()
    }
}

impl Json for f64 {
    /// A non-finite number becomes null, as serde_json writes it.
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
    fn from_json(value: &Value) -> Option<Self> {
        value.as_f64()
    }
}

impl<T: Json> Json for Vec<T> {
    fn to_json(&self) -> Value {
        array(self)
    }
    fn from_json(value: &Value) -> Option<Self> {
        value.as_array()?.iter().map(T::from_json).collect()
    }
}

impl Json for BTreeMap<String, String> {
    fn to_json(&self) -> Value {
        let mut map = Map::new();
        for (k, v) in self {
            map.insert(k.clone(), Value::String(v.clone()));
        }
        Value::Object(map)
    }
    fn from_json(value: &Value) -> Option<Self> {
        let mut map = BTreeMap::new();
        for (k, v) in value.as_object()? {
            map.insert(k.clone(), v.as_str()?.to_string());
        }
        Some(map)
    }
}

/// Implements [`Json`] for a struct from one list of its fields, so the two directions cannot
/// drift apart (a field left out of the list is a compile error: the struct literal misses it).
/// Member names are the field names.
///
/// - `json_struct!(T defaults T::default() => { a, b })`: a missing member takes the value of
///   that default plan.
/// - `json_struct!(T { required: a, b; optional: c })`: `a` and `b` must be present; a missing
///   `c` takes its type's default.
macro_rules! json_struct {
    ($ty:ident defaults $default:expr => { $($field:ident),+ $(,)? }) => {
        impl $crate::scenario::json::Json for $ty {
            fn to_json(&self) -> serde_json::Value {
                $crate::scenario::json::object(&mut [
                    $((stringify!($field), $crate::scenario::json::Json::to_json(&self.$field)),)+
                ])
            }
            fn from_json(value: &serde_json::Value) -> Option<Self> {
                let members = $crate::scenario::json::Members::of(value)?;
                let default: $ty = $default;
                Some($ty {
                    $($field: members.or(stringify!($field), default.$field)?,)+
                })
            }
        }
    };
    ($ty:ident { required: $($req:ident),+ $(; optional: $($opt:ident),+)? $(;)? }) => {
        impl $crate::scenario::json::Json for $ty {
            fn to_json(&self) -> serde_json::Value {
                $crate::scenario::json::object(&mut [
                    $((stringify!($req), $crate::scenario::json::Json::to_json(&self.$req)),)+
                    $($((stringify!($opt), $crate::scenario::json::Json::to_json(&self.$opt)),)+)?
                ])
            }
            fn from_json(value: &serde_json::Value) -> Option<Self> {
                let members = $crate::scenario::json::Members::of(value)?;
                Some($ty {
                    $($req: members.required(stringify!($req))?,)+
                    $($($opt: members.or(stringify!($opt), Default::default())?,)+)?
                })
            }
        }
    };
}
pub(crate) use json_struct;

/// Implements [`Json`] for a field-less enum as one string per variant.
macro_rules! json_enum {
    ($ty:ty { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $crate::scenario::json::Json for $ty {
            fn to_json(&self) -> serde_json::Value {
                serde_json::Value::from(match self { $(<$ty>::$variant => $name),+ })
            }
            fn from_json(value: &serde_json::Value) -> Option<Self> {
                match value.as_str()? {
                    $($name => Some(<$ty>::$variant),)+
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use json_enum;

json_enum!(Currency {
    Usd => "Usd",
    Eur => "Eur",
    Gbp => "Gbp",
    Cad => "Cad",
    Aud => "Aud",
    Inr => "Inr",
    Jpy => "Jpy",
});
