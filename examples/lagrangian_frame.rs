//! Times one animation frame of the Lagrangian mesh: advance by dt = 1/60 with RK4 in 2 steps
//! (8 batch evaluations of v and dv/dx, the Jacobian ODE and log p per vertex) with a cheap
//! analytic field, on the default 64 x 64 mesh and finer ones, and with the standard network M64
//! (untrained: a frame costs the same) on 64 x 64. Reports the best and the median
//! of many frames, and counts heap allocations during the timed frames (expected: none).
//!
//! cargo run --release --example lagrangian_frame

use flowlab::field::analytic::Affine;
use flowlab::field::mlp::{Mlp, MlpConfig, MlpField};
use flowlab::field::VelocityField;
use flowlab::integrate::Method;
use flowlab::lagrangian::{Mesh, MeshConfig};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The system allocator, counting allocations.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Sorted frame times (s) and the allocations made during the timed frames.
fn frames<F: VelocityField>(
    field: &mut F,
    side: usize,
    frames: usize,
) -> Result<(Vec<f64>, usize), String> {
    let method = Method::Rk4 { steps: 2 };
    let mut mesh = Mesh::new(MeshConfig {
        side,
        ..MeshConfig::default()
    })?;
    // The first frame sizes the solver's stages and the field scratch.
    mesh.advance_to(field, 1.0 / 60.0, method)?;
    let mut times = Vec::with_capacity(frames);
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    for k in 2..frames + 2 {
        let start = Instant::now();
        mesh.advance_to(field, k as f64 / 60.0, method)?;
        times.push(start.elapsed().as_secs_f64());
    }
    let allocations = ALLOCATIONS.load(Ordering::Relaxed) - before;
    times.sort_by(f64::total_cmp);
    Ok((times, allocations))
}

fn main() -> Result<(), String> {
    let mut analytic = Affine::linear([0.5, -1.0, 1.0, -0.3]);
    let net = Mlp::<f32>::new(MlpConfig::M64, 0)?;
    for side in [64, 128, 256] {
        let (times, allocations) = frames(&mut analytic, side, 240)?;
        println!(
            "{side} x {side}, analytic field: best {:.3} ms, median {:.3} ms per frame; {allocations} allocations in 240 frames",
            1e3 * times[0],
            1e3 * times[120],
        );
    }
    let (times, allocations) = frames(&mut MlpField::new(&net), 64, 59)?;
    println!(
        "64 x 64, M64 network: best {:.2} ms, median {:.2} ms per frame; {allocations} allocations in 59 frames",
        1e3 * times[0],
        1e3 * times[29],
    );
    Ok(())
}
