//! Level curves of a function of two variables, for contour maps: marching squares on
//! a grid, with the pieces joined into polylines so a figure stays small.

use std::collections::HashMap;

/// A rectangle of the plane sampled on an `n` × `n` grid of cells.
#[derive(Clone, Copy, Debug)]
pub struct Grid {
    pub x: (f64, f64),
    pub y: (f64, f64),
    pub n: usize,
}

impl Grid {
    fn point(&self, i: usize, j: usize) -> (f64, f64) {
        let t = |(from, to): (f64, f64), k: usize| {
            from + (to - from) * k as f64 / self.n as f64
        };
        (t(self.x, i), t(self.y, j))
    }
}

/// The curves where `f` equals `level`, as polylines, found by marching squares on
/// `grid`. A curve that leaves the grid ends there; a closed curve repeats its first
/// point at the end.
pub fn level_curves(
    f: impl Fn(f64, f64) -> f64,
    grid: Grid,
    level: f64,
) -> Vec<Vec<(f64, f64)>> {
    Sampled::new(f, grid).level_curves(level)
}

/// A function's values at the corners of a grid's cells, sampled once so that many
/// levels can be traced without calling the function again.
pub struct Sampled {
    grid: Grid,
    values: Vec<Vec<f64>>,
}

impl Sampled {
    /// Samples `f` at the `(n + 1)²` corners of `grid`.
    pub fn new(f: impl Fn(f64, f64) -> f64, grid: Grid) -> Self {
        let values = (0..=grid.n)
            .map(|i| {
                (0..=grid.n)
                    .map(|j| f(grid.point(i, j).0, grid.point(i, j).1))
                    .collect()
            })
            .collect();
        Sampled { grid, values }
    }

    /// The curves where the sampled function equals `level`, as [`level_curves`]
    /// describes them.
    pub fn level_curves(&self, level: f64) -> Vec<Vec<(f64, f64)>> {
        let (grid, n) = (self.grid, self.grid.n);
        let values: Vec<Vec<f64>> = self
            .values
            .iter()
            .map(|row| row.iter().map(|value| value - level).collect())
            .collect();
        // Where the level crosses the edge between corners a and b, by linear
        // interpolation. Computed from the edge alone, always from its lower corner,
        // so both cells that share an edge get the same point, bit for bit, and the
        // pieces can be joined by their end points. A corner exactly on the level
        // counts as below it.
        let crossing = |a: (usize, usize), b: (usize, usize)| {
            let ((i0, j0), (i1, j1)) = (a.min(b), a.max(b));
            let (v0, v1) = (values[i0][j0], values[i1][j1]);
            let t = v0 / (v0 - v1);
            let ((x0, y0), (x1, y1)) = (grid.point(i0, j0), grid.point(i1, j1));
            (x0 + t * (x1 - x0), y0 + t * (y1 - y0))
        };
        let mut pieces = Vec::new();
        for i in 0..n {
            for j in 0..n {
                // The corners counter-clockwise from the lower left, then the edges.
                let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)];
                let above: Vec<bool> =
                    corners.iter().map(|&(a, b)| values[a][b] > 0.0).collect();
                let crossed: Vec<(f64, f64)> = (0..4)
                    .filter(|&e| above[e] != above[(e + 1) % 4])
                    .map(|e| crossing(corners[e], corners[(e + 1) % 4]))
                    .collect();
                match crossed.as_slice() {
                    [a, b] if a != b => pieces.push((*a, *b)),
                    // A saddle cell: pair the crossings by the value at its centre.
                    [a, b, c, d] => {
                        let centre: f64 =
                            corners.iter().map(|&(p, q)| values[p][q]).sum();
                        let pairs = if (centre > 0.0) == above[0] {
                            [(*a, *b), (*c, *d)]
                        } else {
                            [(*b, *c), (*d, *a)]
                        };
                        pieces.extend(pairs.into_iter().filter(|(p, q)| p != q));
                    }
                    _ => {}
                }
            }
        }
        join(pieces)
    }
}

/// Joins segments that share end points into polylines.
fn join(pieces: Vec<((f64, f64), (f64, f64))>) -> Vec<Vec<(f64, f64)>> {
    // Adding 0.0 turns -0.0 into 0.0, the same point.
    let key = |(x, y): (f64, f64)| ((x + 0.0).to_bits(), (y + 0.0).to_bits());
    let mut at: HashMap<(u64, u64), Vec<usize>> = HashMap::new();
    for (index, (a, b)) in pieces.iter().enumerate() {
        at.entry(key(*a)).or_default().push(index);
        at.entry(key(*b)).or_default().push(index);
    }
    let mut used = vec![false; pieces.len()];
    let mut curves = Vec::new();
    for start in 0..pieces.len() {
        if used[start] {
            continue;
        }
        used[start] = true;
        let (a, b) = pieces[start];
        let mut curve = std::collections::VecDeque::from([a, b]);
        // Grow the curve from its back, then from its front.
        for forward in [true, false] {
            loop {
                let end = if forward {
                    *curve.back().unwrap()
                } else {
                    *curve.front().unwrap()
                };
                let next = at[&key(end)].iter().copied().find(|&p| !used[p]);
                let Some(next) = next else { break };
                used[next] = true;
                let (p, q) = pieces[next];
                let other = if key(p) == key(end) { q } else { p };
                if forward {
                    curve.push_back(other);
                } else {
                    curve.push_front(other);
                }
            }
        }
        curves.push(curve.into_iter().collect());
    }
    curves
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_circle_is_one_closed_curve_at_the_right_radius() {
        // x² + y² = 1 is the unit circle; on a 40 × 40 grid over [-2, 2]², linear
        // interpolation puts every crossing within a cell's width (0.1) of it, and in
        // fact far closer.
        let grid = Grid {
            x: (-2.0, 2.0),
            y: (-2.0, 2.0),
            n: 40,
        };
        let curves = level_curves(|x, y| x * x + y * y, grid, 1.0);
        assert_eq!(curves.len(), 1, "{curves:?}");
        let curve = &curves[0];
        assert_eq!(curve.first(), curve.last(), "the curve closes");
        for &(x, y) in curve {
            let r = (x * x + y * y).sqrt();
            assert!((r - 1.0).abs() < 0.01, "a point at radius {r}");
        }
    }

    #[test]
    fn a_level_that_is_never_reached_has_no_curve() {
        let grid = Grid {
            x: (-1.0, 1.0),
            y: (-1.0, 1.0),
            n: 10,
        };
        assert!(level_curves(|x, y| x * x + y * y, grid, 5.0).is_empty());
    }

    #[test]
    fn a_line_crossing_the_grid_is_one_open_curve() {
        // x + y = 0.05 crosses [-1, 1]² from edge to edge: one curve, not closed.
        let grid = Grid {
            x: (-1.0, 1.0),
            y: (-1.0, 1.0),
            n: 10,
        };
        let curves = level_curves(|x, y| x + y, grid, 0.05);
        assert_eq!(curves.len(), 1);
        assert_ne!(curves[0].first(), curves[0].last());
        for &(x, y) in &curves[0] {
            assert!((x + y - 0.05).abs() < 1e-12, "({x}, {y}) is off the line");
        }
    }
}
