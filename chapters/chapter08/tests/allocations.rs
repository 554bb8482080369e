//! `TwoLayer::step` allocates nothing of its own: every array it needs is made by
//! `new`. A global allocator that counts calls checks it on the post's network with
//! a batch of one, where the products are too small for `gemm` to pack them; on
//! larger batches `gemm` allocates scratch space for packing inside each product (8
//! to 11 allocations a step at batch 64, which the book reports).

use chapter08::throughput::post_network;
use ndarray::Array2;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, counting every allocation from every thread.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(
        &self,
        ptr: *mut u8,
        layout: Layout,
        new_size: usize,
    ) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn a_training_step_on_one_sample_allocates_nothing_after_the_first() {
    // The first steps may set up the thread pool, once for the life of the
    // program; after them, a step allocates nothing.
    let batch = 1;
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let mut net = post_network(batch, &mut rng);
    let x = Array2::from_elem((batch, 784), 0.5f32);
    let labels = vec![3; batch];
    for _ in 0..3 {
        net.step(x.view(), &labels);
    }
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    for _ in 0..5 {
        net.step(x.view(), &labels);
    }
    let during = ALLOCATIONS.load(Ordering::Relaxed) - before;
    assert_eq!(
        during, 0,
        "5 steps on batches of {batch} allocated {during} times"
    );
}
