use proptest::prelude::*;
proptest! {
    #[test]
    fn t(x in -1.0f64..1.0) {
        let d = chapter01::exercises::forward_difference(|x| x * x, x, 1e-6);
        prop_assert!((d - 2.0 * x).abs() < 1e-4);
    }
}
