//! Measures how long `Gazetteer::world()` takes to build, and looks names up.
//!
//! `cargo run --release -p dyad-geo --example geo_build_time -- Paris Kiev`

use std::time::Instant;

use dyad_geo::Gazetteer;

fn main() {
    let mut best = f64::MAX;
    let mut geo = None;
    for _ in 0..10 {
        let t = Instant::now();
        let g = Gazetteer::world();
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
        geo = Some(g);
    }
    let geo = geo.expect("built");
    println!("Gazetteer::world(): {} places, {} names, best of 10 builds: {best:.1} ms", geo.len(), geo.names());
    for name in std::env::args().skip(1) {
        for p in geo.lookup(&name).take(5) {
            println!(
                "{name}: {} {} ({}, {}) pop {}{}",
                p.name,
                p.country,
                p.lat,
                p.lon,
                p.population,
                if p.capital { " capital" } else { "" }
            );
        }
    }
}
