//! The density views' refresh natively, with the lab's resolutions: a 128 x 128 Eulerian grid and
//! a 64 x 64 Lagrangian mesh over [-4.5, 4.5]², 101 frames on [0, 1], for M64 trained 5,000 steps
//! on 8 Gaussians. One JSON object per line on stdout:
//!
//! - each part on one thread: the face-velocity table (19 nodes), the grid's film, the mesh's film
//!   (RK4 x 20), the comparison at the vertices, and the whole refresh;
//! - the refresh split over 2 threads as the page splits it over 2 workers (each half the nodes;
//!   the first then runs the grid's film, the second the mesh's);
//! - for comparison, the grid advanced to t = 1 with the network evaluated at every step.
//!
//! `cargo run --release --example bench_views [-- --quick]`

use flowlab::eulerian::{uniform_nodes, EulerianGrid, FaceTable, Film, GridConfig};
use flowlab::field::mlp::{Mlp, MlpField};
use flowlab::flow::Flow;
use flowlab::integrate::Method;
use flowlab::lagrangian::{compare_films, film, GridFrame, MeshConfig, MeshFilm};
use flowlab::target::Target;
use flowlab::train::TrainConfig;
use std::time::Instant;

const GRID: GridConfig = GridConfig {
    cells: 128,
    xmin: -4.5,
    xmax: 4.5,
    ymin: -4.5,
    ymax: 4.5,
    cfl: 0.2,
    max_steps: 100_000,
};
const MESH: MeshConfig = MeshConfig {
    side: 64,
    xmin: -4.5,
    xmax: 4.5,
    ymin: -4.5,
    ymax: 4.5,
};
const NODES: usize = 19;
const RK4: Method = Method::Rk4 { steps: 20 };

fn frame_times() -> Vec<f64> {
    (0..=100).map(|k| k as f64 / 100.0).collect()
}

/// The table of `nodes` sampled from `net`.
fn table(net: &Mlp<f32>, nodes: &[f64]) -> Vec<f32> {
    let mut values = vec![0.0; nodes.len() * FaceTable::values_per_node(&GRID)];
    FaceTable::sample_into(&GRID, &mut MlpField::new(net), nodes, &mut values).unwrap();
    values
}

fn grid_film(nodes: Vec<f64>, values: Vec<f32>) -> Film {
    let mut table = FaceTable::new(&GRID, nodes, values).unwrap();
    EulerianGrid::new(GRID)
        .unwrap()
        .film(&mut table, &frame_times())
        .unwrap()
}

fn mesh_film(net: &Mlp<f32>) -> MeshFilm {
    film(&mut MlpField::new(net), &MESH, 0..64, &frame_times(), RK4).unwrap()
}

fn compare(grid: &Film, mesh: &MeshFilm) -> f64 {
    let frame = GridFrame {
        density: &grid.density,
        cells: 128,
        bounds: [-4.5, 4.5, -4.5, 4.5],
    };
    let gaps = compare_films(&MESH, &mesh.positions, &mesh.log_density, frame).unwrap();
    gaps[gaps.len() - 1].l1
}

/// Milliseconds of `f`, and its result.
fn ms<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let start = Instant::now();
    let out = f();
    (1e3 * start.elapsed().as_secs_f64(), out)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let reps = if quick { 1 } else { 5 };
    let mut flow = Flow::new(Target::EightGaussians, TrainConfig::default()).unwrap();
    flow.train(&mut vec![0.0; if quick { 1000 } else { 5000 }])
        .unwrap();
    let net = flow.net();
    let nodes = uniform_nodes(NODES);
    let line = |name: &str, times: Vec<f64>, extra: String| {
        println!(
            "{{\"bench\": \"flowlab_native_views_{name}\", \"unit\": \"ms\", \"grid\": 128, \"mesh\": 64, \"frames\": 101, \"median\": {:.1}{extra}}}",
            median(times)
        );
    };
    let (mut parts, mut whole, mut split, mut l1) =
        ([vec![], vec![], vec![], vec![]], vec![], vec![], 0.0);
    for _ in 0..reps {
        let (t_table, values) = ms(|| table(net, &nodes));
        let (t_grid, grid) = ms(|| grid_film(nodes.clone(), values));
        let (t_mesh, mesh) = ms(|| mesh_film(net));
        let (t_compare, gap) = ms(|| compare(&grid, &mesh));
        for (p, t) in parts.iter_mut().zip([t_table, t_grid, t_mesh, t_compare]) {
            p.push(t);
        }
        whole.push(t_table + t_grid + t_mesh + t_compare);
        l1 = gap;
        // Two threads, as two workers: each samples half the nodes; then one runs the grid, the other the mesh.
        let (t_split, _) = ms(|| {
            let (first, second) = nodes.split_at(NODES.div_ceil(2));
            std::thread::scope(|s| {
                let other = s.spawn(|| (table(net, second), mesh_film(net)));
                let mut values = table(net, first);
                let (rest, mesh) = other.join().unwrap();
                values.extend(rest);
                let grid = grid_film(nodes.clone(), values);
                compare(&grid, &mesh)
            })
        });
        split.push(t_split);
    }
    for (name, times) in ["table_19_nodes", "grid_film", "mesh_film_rk4x20", "compare"]
        .iter()
        .zip(parts)
    {
        line(name, times, String::new());
    }
    line("refresh_1_thread", whole, format!(", \"l1_t1\": {l1:.5}"));
    line("refresh_2_threads", split, String::new());
    let (direct, _) = ms(|| {
        let mut grid = EulerianGrid::new(GRID).unwrap();
        grid.advance_to(&mut MlpField::new(net), 1.0).unwrap();
    });
    line("grid_direct_to_t1", vec![direct], String::new());
}
