//! Validation of typed values, shared by the form, saved scenarios and shared links.
//!
//! Each parser turns raw text into an engine value or a sentence saying what is wrong.

use super::money::{Currency, Money, Rate};
use super::number::{parse_decimal, typed_symbol, NumberError};
use std::fmt;

/// Why a field's text is not an acceptable value; Display is the sentence beside the field.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldError {
    Number(NumberError),
    Negative,
    TooLarge {
        max: String,
    },
    TooSmall {
        min: String,
    },
    WholeYen,
    WholeNumber,
    /// A currency symbol on a field that is not money (a share, a count, a month).
    NotMoney,
    /// An amount typed with another currency's symbol than the plan's.
    OtherCurrency {
        typed: &'static str,
        plan: Currency,
    },
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::Number(e) => e.fmt(f),
            FieldError::Negative => write!(f, "This can't be negative."),
            FieldError::TooLarge { max } => {
                write!(
                    f,
                    "That is more than this calculator handles (at most {max})."
                )
            }
            FieldError::TooSmall { min } => write!(f, "This needs to be at least {min}."),
            FieldError::WholeYen => {
                write!(
                    f,
                    "The yen has no smaller unit: enter whole yen, like 2700."
                )
            }
            FieldError::WholeNumber => write!(f, "Enter a whole number, like 12."),
            FieldError::OtherCurrency { typed, plan } => write!(
                f,
                "That amount is in {typed}, but this plan counts in {} ({}). Type it in {}, or change the plan's currency on Pricing.",
                plan.code(),
                plan.symbol(),
                plan.code()
            ),
            FieldError::NotMoney => write!(f, "This is not an amount of money: type the number alone."),
        }
    }
}

impl From<NumberError> for FieldError {
    fn from(e: NumberError) -> Self {
        FieldError::Number(e)
    }
}

/// Largest amount of money a field takes, in major units (10 million dollars, euros, yen x 100).
pub const MAX_MONEY_MINOR: i64 = 1_000_000_000;

/// A non-negative amount of money, rounded half away from zero to the currency's minor unit.
pub fn parse_money(text: &str, currency: Currency) -> Result<i64, FieldError> {
    parse_signed_money(text, currency).and_then(|v| {
        if v < 0 {
            Err(FieldError::Negative)
        } else {
            Ok(v)
        }
    })
}

/// An amount that may be negative (a target that accepts a loss).
pub fn parse_signed_money(text: &str, currency: Currency) -> Result<i64, FieldError> {
    let decimal = parse_decimal(text)?;
    if let Some(typed) = typed_symbol(text).filter(|s| !currency.is_written(s)) {
        return Err(FieldError::OtherCurrency {
            typed,
            plan: currency,
        });
    }
    if currency.minor_digits() == 0 && decimal.scale > 0 && decimal.to_scaled(0).is_some() {
        let whole = decimal.to_scaled(0).unwrap_or(0).unsigned_abs() as u128;
        if whole * 10u128.pow(decimal.scale) != decimal.mantissa {
            return Err(FieldError::WholeYen);
        }
    }
    let too_large = || FieldError::TooLarge {
        max: Money::new(MAX_MONEY_MINOR, currency).to_string(),
    };
    let minor = decimal
        .to_scaled(currency.minor_digits())
        .ok_or_else(too_large)?;
    if minor.abs() > MAX_MONEY_MINOR {
        return Err(too_large());
    }
    Ok(minor)
}

/// A percentage between 0 and `max_percent`, kept to parts per million.
pub fn parse_percent(text: &str, max_percent: i64) -> Result<Rate, FieldError> {
    if typed_symbol(text).is_some() {
        return Err(FieldError::NotMoney);
    }
    let decimal = parse_decimal(text)?;
    if decimal.negative {
        return Err(FieldError::Negative);
    }
    let too_large = || FieldError::TooLarge {
        max: format!("{max_percent} %"),
    };
    // Percent with four decimals is parts per million.
    let ppm = decimal.to_scaled(4).ok_or_else(too_large)?;
    if ppm > max_percent * 10_000 {
        return Err(too_large());
    }
    Ok(Rate::from_ppm(ppm))
}

/// A count per month (sales, subscribers); averages like 3.5 are allowed.
pub fn parse_count(text: &str, max: f64) -> Result<f64, FieldError> {
    if typed_symbol(text).is_some() {
        return Err(FieldError::NotMoney);
    }
    let decimal = parse_decimal(text)?;
    if decimal.negative {
        return Err(FieldError::Negative);
    }
    let value = decimal.to_f64();
    if !value.is_finite() || value > max {
        return Err(FieldError::TooLarge {
            max: super::money::group_digits(max as u64, false),
        });
    }
    Ok(value)
}

/// A whole number between 0 and `max` (hours, months).
pub fn parse_whole(text: &str, max: u64) -> Result<u64, FieldError> {
    if typed_symbol(text).is_some() {
        return Err(FieldError::NotMoney);
    }
    let decimal = parse_decimal(text)?;
    if decimal.negative {
        return Err(FieldError::Negative);
    }
    let value = decimal.to_scaled(0).ok_or(FieldError::TooLarge {
        max: super::money::group_digits(max, false),
    })?;
    if decimal.to_scaled(4) != Some(value.saturating_mul(10_000)) {
        return Err(FieldError::WholeNumber);
    }
    if value as u64 > max {
        return Err(FieldError::TooLarge {
            max: super::money::group_digits(max, false),
        });
    }
    Ok(value as u64)
}

/// Writes minor units as the plain text a person would type: "0.30", "45".
pub fn money_text(minor: i64, currency: Currency) -> String {
    let digits = currency.minor_digits();
    if digits == 0 {
        return minor.to_string();
    }
    let per = currency.minor_per_major();
    let sign = if minor < 0 { "-" } else { "" };
    let m = minor.unsigned_abs();
    let per = per.unsigned_abs();
    format!("{sign}{}.{:0w$}", m / per, m % per, w = digits as usize)
}

/// Writes a rate as the plain percent text a person would type: "2.9", "10", "0.35".
pub fn percent_text(rate: Rate) -> String {
    let sign = if rate.ppm < 0 { "-" } else { "" };
    let m = rate.ppm.unsigned_abs();
    let fraction = format!("{:04}", m % 10_000);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        format!("{sign}{}", m / 10_000)
    } else {
        format!("{sign}{}.{fraction}", m / 10_000)
    }
}
