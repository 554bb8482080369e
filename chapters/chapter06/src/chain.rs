//! The chain rule's three cases, as worked numbers: a chain, two paths that add,
//! and vectors, whose Jacobians multiply.

// ANCHOR: chain
/// A chain x -> y = 3x + 1 -> z = y^2. Returns z and dz/dx = (dz/dy)(dy/dx)
/// = 2y * 3.
pub fn chain(x: f64) -> (f64, f64) {
    let y = 3.0 * x + 1.0;
    let z = y * y;
    let (dz_dy, dy_dx) = (2.0 * y, 3.0);
    (z, dz_dy * dy_dx)
}
// ANCHOR_END: chain

// ANCHOR: two_paths
/// Two paths from s to z: x = s^2, y = 3s, z = x y. Returns z and
/// dz/ds = (dz/dx)(dx/ds) + (dz/dy)(dy/ds) = y * 2s + x * 3.
pub fn two_paths(s: f64) -> (f64, f64) {
    let (x, y) = (s * s, 3.0 * s);
    let z = x * y;
    let through_x = y * (2.0 * s);
    let through_y = x * 3.0;
    (z, through_x + through_y)
}
// ANCHOR_END: two_paths

// ANCHOR: vectors
/// The inner map y = (x1 x2, x1 + x2).
pub fn inner(x: [f64; 2]) -> [f64; 2] {
    [x[0] * x[1], x[0] + x[1]]
}

/// Its Jacobian dy/dx: row i holds the partial derivatives of y_i,
/// [[x2, x1], [1, 1]].
pub fn inner_jacobian(x: [f64; 2]) -> Vec<Vec<f64>> {
    vec![vec![x[1], x[0]], vec![1.0, 1.0]]
}

/// The outer map z = (y1 y2, y1^2).
pub fn outer(y: [f64; 2]) -> [f64; 2] {
    [y[0] * y[1], y[0] * y[0]]
}

/// Its Jacobian dz/dy: [[y2, y1], [2 y1, 0]].
pub fn outer_jacobian(y: [f64; 2]) -> Vec<Vec<f64>> {
    vec![vec![y[1], y[0]], vec![2.0 * y[0], 0.0]]
}
// ANCHOR_END: vectors

#[cfg(test)]
mod tests {
    use super::*;
    use chapter01::check::{assert_agree, assert_close};
    use chapter01::exercises::central_difference;

    // Central differences with h = 1e-5 on these polynomials of small numbers are
    // off by h^2 |f'''| / 6 < 1e-10 * 60 / 6 = 1e-9 plus round-off of about
    // EPSILON * 100 / 1e-5 = 2e-9: we allow 1e-7 (1 + |f'|).
    const BY_DIFFERENCES: f64 = 1e-7;

    #[test]
    fn the_chain_at_two_gives_forty_two() {
        // y = 7, dz/dy = 14, dy/dx = 3: 42. Also (9x^2 + 6x + 1)' = 18x + 6 = 42.
        let (z, dz_dx) = chain(2.0);
        assert_close("z", z, 49.0, 0.0);
        assert_close("dz/dx", dz_dx, 42.0, 0.0);
        let by_differences = central_difference(|x| chain(x).0, 2.0, 1e-5);
        assert_agree(
            "dz/dx",
            "chain rule",
            dz_dx,
            "differences",
            by_differences,
            BY_DIFFERENCES,
        );
    }

    #[test]
    fn the_two_paths_at_two_add_to_thirty_six() {
        // x = 4, y = 6: 6 * 4 + 4 * 3 = 24 + 12 = 36. Also (3 s^3)' = 9 s^2 = 36.
        let (z, dz_ds) = two_paths(2.0);
        assert_close("z", z, 24.0, 0.0);
        assert_close("dz/ds", dz_ds, 36.0, 0.0);
        let by_differences = central_difference(|s| two_paths(s).0, 2.0, 1e-5);
        assert_agree(
            "dz/ds",
            "chain rule",
            dz_ds,
            "differences",
            by_differences,
            BY_DIFFERENCES,
        );
    }

    #[test]
    fn both_jacobians_match_central_differences_at_one_two() {
        // Column j of a Jacobian is the derivative of the map along x_j.
        let x = [1.0, 2.0];
        let y = inner(x);
        for (name, map, jacobian, at) in [
            (
                "dy/dx",
                inner as fn([f64; 2]) -> [f64; 2],
                inner_jacobian(x),
                x,
            ),
            ("dz/dy", outer, outer_jacobian(y), y),
        ] {
            for (i, row) in jacobian.iter().enumerate() {
                for (j, &entry) in row.iter().enumerate() {
                    let along = |t: f64| {
                        let mut p = at;
                        p[j] = t;
                        map(p)[i]
                    };
                    let by_differences = central_difference(along, at[j], 1e-5);
                    let what = format!("{name}[{i}][{j}] at {at:?}");
                    assert_agree(
                        &what,
                        "by hand",
                        entry,
                        "differences",
                        by_differences,
                        BY_DIFFERENCES,
                    );
                }
            }
        }
    }
}
