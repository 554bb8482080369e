//! Critical points: what they are, by the Hessian's eigenvalues, and the nine of
//! Himmelblau's function, found by Newton's method from a grid of starting points.

use crate::exercises::{classify_critical_point, himmelblau_gradient};
use crate::himmelblau::{himmelblau, himmelblau_hessian};
use crate::newton::newton;

// ANCHOR: critical_kind
/// What a critical point is, by the signs of the eigenvalues of its Hessian: both
/// positive, a minimum; both negative, a maximum; one of each, a saddle point; one of
/// them zero (within `EIGENVALUE_TOLERANCE`), undecided by second derivatives alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CriticalKind {
    Minimum,
    Maximum,
    Saddle,
    Undecided,
}
// ANCHOR_END: critical_kind

// ANCHOR: eigenvalue_tolerance
/// An eigenvalue λ of a Hessian counts as zero when |λ| <= EIGENVALUE_TOLERANCE (1 +
/// |μ|), where μ is the eigenvalue of larger size. Rounding moves the eigenvalues of
/// such a Hessian by a few EPSILON (1 + |μ|), about 1e-15 (1 + |μ|), so 1e-8 leaves a
/// wide margin; and an eigenvalue a hundred-millionth of the other is flat for any
/// practical purpose.
pub const EIGENVALUE_TOLERANCE: f64 = 1e-8;
// ANCHOR_END: eigenvalue_tolerance

// ANCHOR: critical_point
/// A critical point of a function of two variables: where it is, the function's value
/// there, and what kind of point it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CriticalPoint {
    pub at: [f64; 2],
    pub value: f64,
    pub kind: CriticalKind,
}
// ANCHOR_END: critical_point

// ANCHOR: grid_starts
/// The starting points of the search: a grid on [-6, 6]^2 with spacing 1/2, 25 × 25 =
/// 625 points, the square the seed post draws.
pub fn grid_starts() -> Vec<[f64; 2]> {
    let along = (-12..=12).map(|k| k as f64 / 2.0);
    along
        .clone()
        .flat_map(|x| along.clone().map(move |y| [x, y]))
        .collect()
}
// ANCHOR_END: grid_starts

/// A critical point found by the search, and how many starts led to it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found {
    pub point: CriticalPoint,
    pub starts: usize,
}

// ANCHOR: himmelblau_search
/// Runs Newton's method on Himmelblau's gradient from every start of `grid_starts`,
/// counts two ends within 1e-6 of each other as the same point, and classifies each
/// point by its Hessian. Sorted minima first, then maxima, saddles and undecided
/// points, each kind from left to right (by x). Uses your `himmelblau_gradient` and
/// `classify_critical_point`.
pub fn himmelblau_search() -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for start in grid_starts() {
        let Some(at) = newton(himmelblau_gradient, himmelblau_hessian, start) else {
            continue;
        };
        let same = |f: &&mut Found| {
            (f.point.at[0] - at[0]).hypot(f.point.at[1] - at[1]) < 1e-6
        };
        match found.iter_mut().find(same) {
            Some(earlier) => earlier.starts += 1,
            None => found.push(Found {
                point: CriticalPoint {
                    at,
                    value: himmelblau(at),
                    kind: classify_critical_point(himmelblau_hessian(at)),
                },
                starts: 1,
            }),
        }
    }
    found.sort_by(|a, b| {
        let key = |f: &Found| (rank(f.point.kind), f.point.at[0]);
        let ((ka, xa), (kb, xb)) = (key(a), key(b));
        ka.cmp(&kb).then(xa.total_cmp(&xb))
    });
    found
}
// ANCHOR_END: himmelblau_search

/// The order of the kinds in a sorted list: minima, maxima, saddles, undecided.
fn rank(kind: CriticalKind) -> u8 {
    match kind {
        CriticalKind::Minimum => 0,
        CriticalKind::Maximum => 1,
        CriticalKind::Saddle => 2,
        CriticalKind::Undecided => 3,
    }
}

/// The nine critical points of Himmelblau's function, in the order of
/// `himmelblau_search`: the four minima from left to right, the maximum, then the four
/// saddle points from left to right.
pub fn himmelblau_critical_points() -> Vec<CriticalPoint> {
    himmelblau_search().into_iter().map(|f| f.point).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chapter01::check::assert_close;

    /// The matrix m times the vector v: each entry the dot product of a row with v.
    fn times(m: [[f64; 2]; 2], v: [f64; 2]) -> [f64; 2] {
        [
            m[0][0] * v[0] + m[0][1] * v[1],
            m[1][0] * v[0] + m[1][1] * v[1],
        ]
    }

    fn dot(a: [f64; 2], b: [f64; 2]) -> f64 {
        a[0] * b[0] + a[1] * b[1]
    }

    #[test]
    fn two_one_one_two_stretches_the_diagonals_by_three_and_one() {
        // Section 2.4's worked example, the Hessian of x^2 + xy + y^2 (f_xx = 2,
        // f_xy = 1, f_yy = 2). By hand: H (1, 1) = (2 + 1, 1 + 2) = (3, 3) and
        // H (1, -1) = (2 - 1, 1 - 2) = (1, -1), while H (1, 0) = (2, 1) is turned.
        // Whole numbers: exact.
        let h = [[2.0, 1.0], [1.0, 2.0]];
        assert_eq!(times(h, [1.0, 1.0]), [3.0, 3.0]);
        assert_eq!(times(h, [1.0, -1.0]), [1.0, -1.0]);
        assert_eq!(times(h, [1.0, 0.0]), [2.0, 1.0]);
        assert_eq!(dot([1.0, 1.0], [1.0, -1.0]), 0.0, "perpendicular");
        // The unit eigenvectors v1 = (1, -1)/√2 and v2 = (1, 1)/√2: the curvature
        // v^T H v along each is its eigenvalue, 1 and 3; along the x axis,
        // u = cos 45° v1 + sin 45° v2 = (1, 0), it is 1/2 * 1 + 1/2 * 3 = 2 = f_xx.
        // Each rounds a few times on numbers near 1: 1e-15 (1 + |expected|).
        let r = 0.5f64.sqrt();
        let (v1, v2) = ([r, -r], [r, r]);
        assert_close("v1^T H v1", dot(v1, times(h, v1)), 1.0, 1e-15);
        assert_close("v2^T H v2", dot(v2, times(h, v2)), 3.0, 1e-15);
        let (c, s) = (45f64.to_radians().cos(), 45f64.to_radians().sin());
        let u = [c * v1[0] + s * v2[0], c * v1[1] + s * v2[1]];
        assert_close("u_0", u[0], 1.0, 1e-15);
        assert_close("u_1", u[1], 0.0, 1e-15);
        assert_close("u^T H u", dot(u, times(h, u)), 0.5 * 1.0 + 0.5 * 3.0, 1e-15);
    }

    #[test]
    fn the_grid_has_six_hundred_twenty_five_starts_from_corner_to_corner() {
        // -6, -5.5, ..., 6 is 25 values along each axis: 25 * 25 = 625.
        let starts = grid_starts();
        assert_eq!(starts.len(), 625);
        assert_eq!(starts.first(), Some(&[-6.0, -6.0]));
        assert_eq!(starts.last(), Some(&[6.0, 6.0]));
    }
}
