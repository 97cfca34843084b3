//! Link lengths over generated plans: `make bench` prints the median and the longest.
//! Plans are built as the form builds them: additions while the room holds them, names and
//! numbers as long as their boxes let them grow.

use honest_income::scenario::codec::{decode_link, encode_link};
use honest_income::scenario::delayed::{Part, StreamType};
use honest_income::scenario::link::{
    add, link_room_left, name_maxlength, number_maxlength, room_for, Addition,
};
use honest_income::scenario::Scenario;
use std::time::Instant;

fn main() {
    let mut seed: u64 = 2026;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let additions = [
        Addition::Stream(StreamType::Blog),
        Addition::Stream(StreamType::Product),
        Addition::Stream(StreamType::Subscription),
        Addition::Product { subscription: true },
        Addition::CostLine,
        Addition::FeeLayer,
    ];
    let chars = ["a", "é", "語", "😀"];
    let mut lengths = Vec::new();
    let started = Instant::now();
    for _ in 0..2000 {
        let mut s = Scenario::default();
        for _ in 0..next(30) {
            let a = additions[next(additions.len() as u64) as usize];
            if room_for(&s, |t| add(t, a)) {
                add(&mut s, a);
            }
        }
        for i in 0..s.delayed.streams.len() {
            let c = chars[next(4) as usize];
            let most = name_maxlength(link_room_left(&s), 200);
            s.delayed.streams[i].name = c.repeat(next(most as u64 + 1) as usize / 2);
            let key = s.delayed.streams[i].kind.fields()[0].key;
            let most = number_maxlength("", link_room_left(&s), 200);
            let digits = "1".repeat(next(most as u64 + 1) as usize);
            s.delayed.streams[i].set_text(Part::Value, key, digits);
        }
        let link = encode_link(&s).expect("every plan the form builds fits in a link");
        assert_eq!(decode_link(&link).unwrap(), s);
        lengths.push(link.len());
    }
    lengths.sort_unstable();
    println!(
        "links of 2000 generated plans: median {} characters, longest {} (limit 2000), default plan {}; {:.2} ms a plan to write and read",
        lengths[lengths.len() / 2],
        lengths[lengths.len() - 1],
        encode_link(&Scenario::default()).unwrap().len(),
        started.elapsed().as_secs_f64() * 1000.0 / 2000.0
    );
}
