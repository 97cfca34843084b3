//! Exact money: amounts in integer minor units of a currency, rates in parts per million.
//!
//! The one rounding rule: whenever a rate is applied to an amount, the result is rounded to the
//! nearest minor unit, halves away from zero (a 0.5 cent fee becomes 1 cent). Processors charge
//! each fee this way, per charge, so each fee layer is rounded on its own.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The currencies the calculators format and convert. Stored plans name them as the variants
/// are spelled ("Usd"), so the names never change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Currency {
    #[default]
    Usd,
    Eur,
    Gbp,
    Cad,
    Aud,
    Inr,
    Jpy,
}

impl Currency {
    pub const ALL: [Currency; 7] = [
        Currency::Usd,
        Currency::Eur,
        Currency::Gbp,
        Currency::Cad,
        Currency::Aud,
        Currency::Inr,
        Currency::Jpy,
    ];

    /// ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Gbp => "GBP",
            Currency::Cad => "CAD",
            Currency::Aud => "AUD",
            Currency::Inr => "INR",
            Currency::Jpy => "JPY",
        }
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL
            .into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code))
    }

    pub fn name(self) -> &'static str {
        match self {
            Currency::Usd => "US dollar",
            Currency::Eur => "Euro",
            Currency::Gbp => "Pound sterling",
            Currency::Cad => "Canadian dollar",
            Currency::Aud => "Australian dollar",
            Currency::Inr => "Indian rupee",
            Currency::Jpy => "Japanese yen",
        }
    }

    /// True when `symbol` may stand for this currency: its own, or a bare "$" for any dollar.
    pub fn is_written(self, symbol: &str) -> bool {
        match self {
            Currency::Usd => ["$", "US$"].contains(&symbol),
            Currency::Cad => ["$", "C$", "CA$"].contains(&symbol),
            Currency::Aud => ["$", "A$"].contains(&symbol),
            other => other.symbol() == symbol,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Usd => "$",
            Currency::Eur => "€",
            Currency::Gbp => "£",
            Currency::Cad => "CA$",
            Currency::Aud => "A$",
            Currency::Inr => "₹",
            Currency::Jpy => "¥",
        }
    }

    /// Digits after the decimal mark: the yen has no minor unit.
    pub fn minor_digits(self) -> u32 {
        match self {
            Currency::Jpy => 0,
            _ => 2,
        }
    }

    /// Minor units per major unit (100 for cents, 1 for yen).
    pub fn minor_per_major(self) -> i64 {
        10i64.pow(self.minor_digits())
    }

    /// Approximate units of this currency per US dollar, used only to convert the US fixed
    /// fees of platform presets; the UI says so and every converted fee stays editable.
    /// Rounded mid-2026 reference rates.
    pub fn per_usd(self) -> f64 {
        match self {
            Currency::Usd => 1.0,
            Currency::Eur => 0.87,
            Currency::Gbp => 0.75,
            Currency::Cad => 1.38,
            Currency::Aud => 1.53,
            Currency::Inr => 87.0,
            Currency::Jpy => 148.0,
        }
    }

    /// Converts US cents into this currency's minor units at the approximate rate, rounded.
    pub fn from_usd_cents(self, cents: i64) -> i64 {
        let major = cents as f64 / 100.0 * self.per_usd();
        (major * self.minor_per_major() as f64).round() as i64
    }
}

/// An amount in a currency, in minor units. Display formats it for that currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    /// Rounds an estimate in minor units (from projections) to a whole minor unit.
    pub fn from_estimate(minor: f64, currency: Currency) -> Money {
        let clamped = if minor.is_finite() {
            minor.clamp(-9.0e15, 9.0e15)
        } else {
            0.0
        };
        Money::new(clamped.round() as i64, currency)
    }

    /// The amount without its sign, for sentences like "each sale loses $0.40".
    pub fn abs(self) -> Money {
        Money::new(self.minor.abs(), self.currency)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.currency.minor_digits();
        let per_major = self.currency.minor_per_major().unsigned_abs();
        let magnitude = self.minor.unsigned_abs();
        let whole = group_digits(magnitude / per_major, self.currency == Currency::Inr);
        let sign = if self.minor < 0 { "-" } else { "" };
        let symbol = self.currency.symbol();
        if digits == 0 {
            write!(f, "{sign}{symbol}{whole}")
        } else {
            let fraction = magnitude % per_major;
            write!(
                f,
                "{sign}{symbol}{whole}.{fraction:0width$}",
                width = digits as usize
            )
        }
    }
}

/// Groups digits by thousands, or the Indian way (lakh, crore: 12,34,567) for rupees.
pub fn group_digits(value: u64, indian: bool) -> String {
    let digits = value.to_string();
    let bytes = digits.as_bytes();
    let mut out = String::with_capacity(digits.len() + digits.len() / 2);
    let len = bytes.len();
    for (i, b) in bytes.iter().enumerate() {
        let remaining = len - i;
        if i > 0 {
            let separate = if indian {
                remaining == 3 || (remaining > 3 && (remaining - 3).is_multiple_of(2))
            } else {
                remaining.is_multiple_of(3)
            };
            if separate {
                out.push(',');
            }
        }
        out.push(*b as char);
    }
    out
}

/// A share of an amount in parts per million: 2.9 % is 29,000.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Rate {
    pub ppm: i64,
}

impl Rate {
    pub const ZERO: Rate = Rate { ppm: 0 };
    pub const WHOLE: Rate = Rate { ppm: 1_000_000 };

    pub fn from_ppm(ppm: i64) -> Rate {
        Rate { ppm }
    }

    /// From a percentage written in hundredths (290 is 2.90 %), for presets.
    pub const fn from_basis_points(bp: i64) -> Rate {
        Rate { ppm: bp * 100 }
    }

    pub fn as_fraction(self) -> f64 {
        self.ppm as f64 / 1_000_000.0
    }

    /// The rate applied to an amount, rounded half away from zero to a whole minor unit.
    pub fn of(self, amount_minor: i64) -> i64 {
        round_div(i128::from(amount_minor) * i128::from(self.ppm), 1_000_000)
    }
}

impl fmt::Display for Rate {
    /// Up to two decimals, trailing zeros dropped: "2.9 %", "10 %", "0.35 %".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hundredths = round_div(i128::from(self.ppm), 100);
        let sign = if hundredths < 0 { "-" } else { "" };
        let magnitude = hundredths.unsigned_abs();
        let whole = magnitude / 100;
        let fraction = magnitude % 100;
        if fraction == 0 {
            write!(f, "{sign}{whole} %")
        } else if fraction.is_multiple_of(10) {
            write!(f, "{sign}{whole}.{} %", fraction / 10)
        } else {
            write!(f, "{sign}{whole}.{fraction:02} %")
        }
    }
}

/// Integer division rounded half away from zero; saturates to the i64 range.
pub fn round_div(numerator: i128, denominator: i128) -> i64 {
    if denominator == 0 {
        return 0;
    }
    let negative = (numerator < 0) != (denominator < 0);
    let n = numerator.unsigned_abs();
    let d = denominator.unsigned_abs();
    let mut q = n / d;
    if (n % d) * 2 >= d {
        q += 1;
    }
    let q = i128::try_from(q).unwrap_or(i128::MAX);
    let signed = if negative { -q } else { q };
    signed.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}
