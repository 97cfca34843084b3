//! The bytes of a version-3 link: a link patch (a JSON tree) packed tightly.
//!
//! Each value starts with one byte: its kind in the top 3 bits and a small count in the
//! other 5 (31: the count follows as a LEB128 varint). Object keys are one byte, an index
//! into [`KEYS`]. Text made only of what a typed amount holds (digits, separators, signs, currency symbols)
//! takes half a byte a digit and a byte a symbol. The reader trusts nothing: every count is checked against
//! the bytes left and nesting is bounded, so crafted input gives `None`, never a panic.

use serde_json::{Map, Number, Value};

/// Every member name of the plan's schema, and the patch markers. Frozen with version 3:
/// a key's place is its code. Other keys still travel, written out after [`KEY_WRITTEN`].
const KEYS: [&str; 95] = [
    "$len",
    "$null",
    "$t",
    "ads_min",
    "ads_rpm",
    "affiliate",
    "amount",
    "audience",
    "audience_conversion",
    "baseline",
    "break_even",
    "build_hours",
    "build_months",
    "ceiling",
    "churn",
    "click_through",
    "commission",
    "conversion",
    "costs",
    "count_time",
    "currency",
    "curve",
    "delay",
    "delayed",
    "discount",
    "enabled",
    "fixed",
    "fixed_months",
    "follow_break_even",
    "growth",
    "half_life",
    "high",
    "horizon",
    "hourly_value",
    "id",
    "kind",
    "launch",
    "launch_from_audience",
    "launch_month",
    "launch_sales",
    "layers",
    "low",
    "members",
    "members_mode",
    "monthly",
    "name",
    "net_override",
    "net_per_sale",
    "next_id",
    "open_product",
    "paths",
    "per_month",
    "per_thousand",
    "percent",
    "plateau",
    "platform",
    "posts",
    "price",
    "product",
    "products",
    "publish_months",
    "ramp",
    "refund",
    "seed",
    "share",
    "start",
    "start_month",
    "streams",
    "subscription",
    "subscriptions_only",
    "target",
    "target_by",
    "target_per_month",
    "target_per_sale",
    "tax",
    "uncertainty",
    "upfront_cash",
    "upkeep_hours",
    "values",
    "variable_cost",
    "volume",
    // Values the plan writes often: its enums and platform ids, as one-byte strings.
    "blog",
    "constant",
    "growing",
    "share-of-visitors",
    "gumroad",
    "substack",
    "stripe",
    "payhip",
    "custom",
    "Usd",
    "Eur",
    "Gbp",
    "Blog",
    "Newsletter",
];
/// A key byte saying the key's text follows.
const KEY_WRITTEN: u8 = 255;
/// The characters of packed text, by half-byte code; code 15 is followed by a half byte
/// naming one of [`MORE`].
const DIGITS: [char; 15] = [
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', ',', '-', ' ', '$',
];
/// The rest of what a typed amount may hold (see `engine::number`): symbols, signs, spaces.
const MORE: [char; 16] = [
    '%', '€', '£', '¥', '₹', 'A', 'C', 'U', 'S', '\u{2212}', '\u{a0}', '\u{202f}', '\u{2009}', '+',
    '\'', '_',
];
const ESCAPE: u8 = 15;
/// Deepest nesting read: the plan's schema is 6 deep, a patch of it a little more.
const MAX_DEPTH: usize = 12;

const OBJECT: u8 = 0;
const ARRAY: u8 = 1;
const PACKED: u8 = 2;
const TEXT: u8 = 3;
const UINT: u8 = 4;
const NEG: u8 = 5;
const SPECIAL: u8 = 6;
const WORD: u8 = 7;

const FALSE: u64 = 0;
const TRUE: u64 = 1;
const NULL: u64 = 2;
const FLOAT: u64 = 3;

/// The packed bytes of a JSON tree.
pub fn pack(value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    write(&mut out, value);
    out
}

/// The JSON tree of packed bytes; None when they are not exactly one well-formed value.
pub fn unpack(bytes: &[u8]) -> Option<Value> {
    let mut reader = Reader { bytes, at: 0 };
    let value = reader.value(0)?;
    (reader.at == bytes.len()).then_some(value)
}

fn head(out: &mut Vec<u8>, kind: u8, n: u64) {
    if n < 31 {
        out.push(kind << 5 | n as u8);
    } else {
        out.push(kind << 5 | 31);
        varint(out, n);
    }
}

fn varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn write(out: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Null => head(out, SPECIAL, NULL),
        Value::Bool(b) => head(out, SPECIAL, if *b { TRUE } else { FALSE }),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                head(out, UINT, u);
            } else if let Some(i) = n.as_i64() {
                head(out, NEG, i.unsigned_abs() - 1);
            } else {
                head(out, SPECIAL, FLOAT);
                out.extend(n.as_f64().unwrap_or(0.0).to_le_bytes());
            }
        }
        Value::String(s) => write_text(out, s),
        Value::Array(items) => {
            head(out, ARRAY, items.len() as u64);
            for item in items {
                write(out, item);
            }
        }
        Value::Object(members) => {
            head(out, OBJECT, members.len() as u64);
            for (key, item) in members {
                match KEYS.iter().position(|k| k == key) {
                    Some(code) => out.push(code as u8),
                    None => {
                        out.push(KEY_WRITTEN);
                        write_text(out, key);
                    }
                }
                write(out, item);
            }
        }
    }
}

fn write_text(out: &mut Vec<u8>, s: &str) {
    if let Some(code) = KEYS.iter().position(|k| *k == s) {
        head(out, WORD, code as u64);
        return;
    }
    match half_bytes(s) {
        Some(codes) => {
            head(out, PACKED, codes.len() as u64);
            for pair in codes.chunks(2) {
                out.push(pair[0] << 4 | pair.get(1).copied().unwrap_or(0));
            }
        }
        None => {
            head(out, TEXT, s.len() as u64);
            out.extend(s.as_bytes());
        }
    }
}

/// The half bytes of packed text; None when a character has none.
fn half_bytes(s: &str) -> Option<Vec<u8>> {
    let mut codes = Vec::new();
    for c in s.chars() {
        if let Some(code) = DIGITS.iter().position(|d| *d == c) {
            codes.push(code as u8);
        } else {
            codes.push(ESCAPE);
            codes.push(MORE.iter().position(|m| *m == c)? as u8);
        }
    }
    Some(codes)
}

/// How many half bytes a text packs into (None: it is written as UTF-8).
pub fn packed_len(s: &str) -> Option<usize> {
    half_bytes(s).map(|codes| codes.len())
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn left(&self) -> usize {
        self.bytes.len() - self.at
    }

    fn varint(&mut self) -> Option<u64> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn head(&mut self) -> Option<(u8, u64)> {
        let b = self.byte()?;
        let n = match b & 31 {
            31 => self.varint()?,
            n => u64::from(n),
        };
        Some((b >> 5, n))
    }

    /// A count of things each taking at least one byte: never more than the bytes left.
    fn count(&self, n: u64) -> Option<usize> {
        usize::try_from(n).ok().filter(|n| *n <= self.left())
    }

    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let slice = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(slice)
    }

    fn text(&mut self) -> Option<String> {
        let (kind, n) = self.head()?;
        self.text_of(kind, n)
    }

    fn text_of(&mut self, kind: u8, n: u64) -> Option<String> {
        match kind {
            WORD => KEYS.get(usize::try_from(n).ok()?).map(|k| k.to_string()),
            TEXT => {
                let n = self.count(n)?;
                String::from_utf8(self.take(n)?.to_vec()).ok()
            }
            PACKED => {
                let halves = usize::try_from(n).ok()?;
                let bytes = self.count(n.div_ceil(2))?;
                let packed = self.take(bytes)?;
                let code = |i: usize| {
                    let b = packed[i / 2];
                    if i.is_multiple_of(2) {
                        b >> 4
                    } else {
                        b & 15
                    }
                };
                let mut s = String::with_capacity(halves);
                let mut i = 0;
                while i < halves {
                    match code(i) {
                        ESCAPE => {
                            i += 1;
                            if i >= halves {
                                return None;
                            }
                            s.push(*MORE.get(usize::from(code(i)))?);
                        }
                        c => s.push(DIGITS[usize::from(c)]),
                    }
                    i += 1;
                }
                // The unused half of the last byte is zero, so each text has one packing.
                let clean = halves.is_multiple_of(2) || packed.last().is_none_or(|b| b & 15 == 0);
                clean.then_some(s)
            }
            _ => None,
        }
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        let (kind, n) = self.head()?;
        match kind {
            OBJECT => {
                let n = self.count(n)?;
                let mut members = Map::new();
                for _ in 0..n {
                    let key = match self.byte()? {
                        KEY_WRITTEN => self.text()?,
                        code => KEYS.get(code as usize)?.to_string(),
                    };
                    let item = self.value(depth + 1)?;
                    if members.insert(key, item).is_some() {
                        return None;
                    }
                }
                Some(Value::Object(members))
            }
            ARRAY => {
                let n = self.count(n)?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.value(depth + 1)?);
                }
                Some(Value::Array(items))
            }
            UINT => Some(Value::from(n)),
            NEG => {
                let magnitude = i64::try_from(n).ok()?.checked_add(1)?;
                Some(Value::from(-magnitude))
            }
            SPECIAL => match n {
                FALSE => Some(Value::Bool(false)),
                TRUE => Some(Value::Bool(true)),
                NULL => Some(Value::Null),
                FLOAT => {
                    let bytes: [u8; 8] = self.take(8)?.try_into().ok()?;
                    Number::from_f64(f64::from_le_bytes(bytes)).map(Value::Number)
                }
                _ => None,
            },
            other => self.text_of(other, n).map(Value::String),
        }
    }
}
