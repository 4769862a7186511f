//! The fixed connectivity of the mesh: two triangles per quad of neighbouring vertices.

/// Vertex indices (u32, three per triangle) of the 2 (side - 1)² triangles of a `side × side`
/// mesh whose vertex (i, j) has index j · side + i. The quad with lower-left corner (i, j) is
/// split along its diagonal into (ll, lr, ur) and (ll, ur, ul): both counter-clockwise at t = 0.
/// A flow map has det J > 0, so exact flows keep them counter-clockwise.
pub(super) fn triangle_indices(side: usize) -> Vec<u32> {
    let cells = side - 1;
    let mut out = Vec::with_capacity(6 * cells * cells);
    for j in 0..cells {
        for i in 0..cells {
            let ll = (j * side + i) as u32;
            let (lr, ul) = (ll + 1, ll + side as u32);
            let ur = ul + 1;
            out.extend_from_slice(&[ll, lr, ur, ll, ur, ul]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_triangles_cover_each_quad_counter_clockwise() {
        let side = 4;
        let tri = triangle_indices(side);
        assert_eq!(tri.len(), 6 * 9);
        // Integer coordinates of vertex k: (k % side, k / side).
        let at = |k: u32| ((k as usize % side) as i64, (k as usize / side) as i64);
        let mut area = 0;
        for t in tri.chunks_exact(3) {
            let (a, b, c) = (at(t[0]), at(t[1]), at(t[2]));
            let twice = (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0);
            assert_eq!(
                twice, 1,
                "triangle {t:?} is not a counter-clockwise half cell"
            );
            area += twice;
        }
        // Half cells of area 1/2 each, so twice the total is twice the (side - 1)² cells.
        assert_eq!(area, 2 * 9);
        assert_eq!(*tri.iter().max().unwrap() as usize, side * side - 1);
    }
}
