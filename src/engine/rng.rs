//! A small seeded random number generator (SplitMix64): the same numbers on every platform.

/// SplitMix64 (Steele, Lea, Flood 2014): 64 bits of state, passes BigCrush, trivially portable.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1) with 53 random bits.
    pub fn next_unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A draw from the triangular distribution on [low, high] with its peak at `mode`.
    pub fn triangular(&mut self, low: f64, mode: f64, high: f64) -> f64 {
        if high <= low {
            return mode;
        }
        let mode = mode.clamp(low, high);
        let u = self.next_unit();
        let split = (mode - low) / (high - low);
        // sqrt is correctly rounded in IEEE 754, so this is reproducible everywhere.
        if u < split {
            low + ((high - low) * (mode - low) * u).sqrt()
        } else {
            high - ((high - low) * (high - mode) * (1.0 - u)).sqrt()
        }
    }
}
