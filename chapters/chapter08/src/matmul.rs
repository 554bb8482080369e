//! The matrix product of the speed-tuned step: `gemm`'s kernels, written into an
//! array that already exists, on both cores.

pub use crate::real::Real;
use ndarray::{Array2, ArrayView2};

// ANCHOR: matmul_into
/// c <- a b for a (m x k), b (k x n) and c (m x n), in any memory layout, written into
/// `c` with the `gemm` crate's kernels for this CPU on every core. Panics if the
/// shapes do not fit, naming them.
pub fn matmul_into<A: Real>(a: ArrayView2<A>, b: ArrayView2<A>, c: &mut Array2<A>) {
    matmul_keep(A::zero(), a, b, c);
}

/// c <- keep c + a b, as `matmul_into` but keeping `keep` times what `c` held (with
/// keep = 0, `c` is not read at all). The momentum update uses it to add a gradient
/// to the velocity without writing the gradient anywhere first.
pub fn matmul_keep<A: Real>(
    keep: A,
    a: ArrayView2<A>,
    b: ArrayView2<A>,
    c: &mut Array2<A>,
) {
    let ((m, k), (k2, n)) = (a.dim(), b.dim());
    assert!(
        k == k2 && c.dim() == (m, n),
        "matmul_into: a {:?} times b {:?} cannot be written into c {:?}: a's columns \
         must match b's rows, and c must have a's rows and b's columns",
        a.shape(),
        b.shape(),
        c.shape()
    );
    let (sa, sb) = (a.strides(), b.strides());
    let (c_rows, c_cols) = (c.strides()[0], c.strides()[1]);
    // SAFETY: the pointers and strides describe live arrays of the checked shapes,
    // `c` is borrowed mutably so it overlaps neither `a` nor `b`, and `A` is f32 or
    // f64 (the only `Real`s), which `gemm` accepts. gemm computes
    // c = alpha c + beta a b, reading c only when `read_dst` is true.
    unsafe {
        gemm::gemm(
            m,
            n,
            k,
            c.as_mut_ptr(),
            c_cols,
            c_rows,
            keep != A::zero(),
            a.as_ptr(),
            sa[1],
            sa[0],
            b.as_ptr(),
            sb[1],
            sb[0],
            keep,
            A::one(),
            false,
            false,
            false,
            gemm::Parallelism::Rayon(0),
        )
    }
}
// ANCHOR_END: matmul_into
