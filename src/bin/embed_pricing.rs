//! The Pricing calculator alone, for embeds: a smaller download for blog readers.
#![forbid(unsafe_code)]

use honest_income::ui::embed;

fn main() {
    embed::mount(embed::PRICING);
}
