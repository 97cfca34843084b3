//! Reads numbers the way people type them, exactly, without floating point.
//!
//! Accepted: `27`, `27.50`, `27,50` (a lone comma followed by other than three digits is a
//! decimal comma), `1,000` and `1,234.56` (commas in groups of three are thousands separators),
//! `1.234,56` (European grouping: the last of `.`/`,` is the decimal mark), spaces inside the
//! number, a leading currency symbol and a trailing `%`.
//! Refused with a sentence: empty text, letters (`abc`, `NaN`, `inf`), exponents (`1e400`),
//! more than 15 digits before the decimal mark.

use std::fmt;

/// An exactly parsed decimal: `mantissa / 10^scale`, with its sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    pub negative: bool,
    pub mantissa: u128,
    pub scale: u32,
}

/// Why typed text is not a number; Display is the sentence shown beside the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    NotANumber,
    Exponent,
    TooLong,
    MisplacedSeparator,
    /// A currency symbol both before and after the amount ("€ 5 €").
    SymbolTwice,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NumberError::Empty => write!(f, "Enter a number (0 if none)."),
            NumberError::NotANumber => write!(f, "That is not a number: use digits, like 27.50."),
            NumberError::Exponent => {
                write!(f, "Write the number out in full, like 1500, not 1.5e3.")
            }
            NumberError::TooLong => write!(f, "That number has too many digits."),
            NumberError::MisplacedSeparator => write!(
                f,
                "The separators look misplaced: write 1234.56, 1,234.56 or 1234,56."
            ),
            NumberError::SymbolTwice => write!(
                f,
                "Write the currency symbol once, before or after the amount (27 or €27)."
            ),
        }
    }
}

const MAX_INT_DIGITS: usize = 15;
const MAX_FRACTION_DIGITS: usize = 18;

/// Parses typed text into an exact decimal (see the module comment for the accepted forms).
/// The currency symbols a typed amount may carry, longest first.
pub const CURRENCY_SYMBOLS: [&str; 9] = ["CA$", "A$", "C$", "US$", "$", "€", "£", "¥", "₹"];

/// The text without spaces, full-width forms (as a Japanese or Chinese keyboard types them:
/// "２７．５", "￥"). read as their plain ones.
fn normalized(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FFE5}' => '¥',
            '\u{FFE1}' => '£',
            '\u{FF04}' => '$',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The currency symbol typed before or after an amount, if any.
pub fn typed_symbol(text: &str) -> Option<&'static str> {
    let s = normalized(text);
    let s = s.trim_start_matches(['-', '\u{2212}']);
    CURRENCY_SYMBOLS
        .into_iter()
        .find(|symbol| s.starts_with(symbol) || s.ends_with(symbol))
}

pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    let mut s = normalized(text);
    if s.is_empty() {
        return Err(NumberError::Empty);
    }
    let mut negative = false;
    if let Some(rest) = s.strip_prefix(['-', '\u{2212}']) {
        negative = true;
        s = rest.to_string();
    }
    let mut symbols = 0;
    for symbol in CURRENCY_SYMBOLS {
        if let Some(rest) = s.strip_prefix(symbol) {
            s = rest.to_string();
            symbols += 1;
            break;
        }
    }
    // Written after the amount too, as in much of Europe ("27 €"), but not on both sides.
    for symbol in CURRENCY_SYMBOLS {
        if let Some(rest) = s.strip_suffix(symbol) {
            s = rest.to_string();
            symbols += 1;
            break;
        }
    }
    if symbols > 1 {
        return Err(NumberError::SymbolTwice);
    }
    if !negative {
        if let Some(rest) = s.strip_prefix(['-', '\u{2212}']) {
            negative = true;
            s = rest.to_string();
        }
    }
    if let Some(rest) = s.strip_suffix('%') {
        s = rest.to_string();
    }
    if s.is_empty() {
        return Err(NumberError::NotANumber);
    }
    if s.chars().any(|c| c == 'e' || c == 'E') && s.chars().any(|c| c.is_ascii_digit()) {
        return Err(NumberError::Exponent);
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(NumberError::NotANumber);
    }
    if !s.chars().any(|c| c.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }

    let (int_part, frac_part) = split_decimal_mark(&s)?;
    if int_part.trim_start_matches('0').len() > MAX_INT_DIGITS {
        return Err(NumberError::TooLong);
    }
    // Fraction digits beyond 18 add nothing a calculator can show.
    let frac_kept = &frac_part[..frac_part.len().min(MAX_FRACTION_DIGITS)];
    let mut mantissa: u128 = 0;
    for c in int_part.chars().chain(frac_kept.chars()) {
        mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(u128::from(c as u8 - b'0')))
            .ok_or(NumberError::TooLong)?;
    }
    Ok(Decimal {
        negative: negative && mantissa != 0,
        mantissa,
        scale: frac_kept.len() as u32,
    })
}

/// Splits into integer digits and fraction digits, removing grouping separators.
fn split_decimal_mark(s: &str) -> Result<(String, String), NumberError> {
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let (group, mark) = match (dots, commas) {
        (0, 0) => return Ok((s.to_string(), String::new())),
        (_, 0) if dots > 1 => ('.', None),
        (_, 0) => (',', Some('.')),
        (0, 1) => {
            let after = &s[s.find(',').unwrap_or(0) + 1..];
            let before = &s[..s.find(',').unwrap_or(0)];
            let looks_grouped = after.len() == 3 && !before.is_empty() && before != "0";
            if looks_grouped {
                (',', None)
            } else {
                ('.', Some(','))
            }
        }
        (0, _) => (',', None),
        _ => {
            let last_dot = s.rfind('.').unwrap_or(0);
            let last_comma = s.rfind(',').unwrap_or(0);
            if last_dot > last_comma {
                (',', Some('.'))
            } else {
                ('.', Some(','))
            }
        }
    };
    let (int_raw, frac) = match mark {
        Some(m) => {
            let at = s.rfind(m).unwrap_or(0);
            if s[..at].contains(m) {
                return Err(NumberError::MisplacedSeparator);
            }
            (&s[..at], s[at + 1..].to_string())
        }
        None => (s, String::new()),
    };
    if frac.contains(['.', ',']) {
        return Err(NumberError::MisplacedSeparator);
    }
    if int_raw.contains(group) {
        let groups: Vec<&str> = int_raw.split(group).collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return Err(NumberError::MisplacedSeparator);
        }
    }
    let int_digits: String = int_raw.chars().filter(|c| c.is_ascii_digit()).collect();
    if int_digits.len() != int_raw.chars().filter(|c| *c != group).count() {
        return Err(NumberError::MisplacedSeparator);
    }
    Ok((int_digits, frac))
}

impl Decimal {
    /// The value scaled by `10^digits` and rounded half away from zero to an integer;
    /// `None` when it does not fit in an i64.
    pub fn to_scaled(self, digits: u32) -> Option<i64> {
        let magnitude: u128 = if digits >= self.scale {
            let factor = 10u128.checked_pow(digits - self.scale)?;
            self.mantissa.checked_mul(factor)?
        } else {
            let divisor = 10u128.checked_pow(self.scale - digits)?;
            let quotient = self.mantissa / divisor;
            let remainder = self.mantissa % divisor;
            if remainder * 2 >= divisor {
                quotient + 1
            } else {
                quotient
            }
        };
        let value = i64::try_from(magnitude).ok()?;
        Some(if self.negative { -value } else { value })
    }

    /// A float for estimates (volumes, rates in projections); exact inputs use `to_scaled`.
    pub fn to_f64(self) -> f64 {
        let value = self.mantissa as f64 / 10f64.powi(self.scale as i32);
        if self.negative {
            -value
        } else {
            value
        }
    }
}
