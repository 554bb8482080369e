//! The digits loader: the chapter's file, and errors that name the file, the line
//! and the problem for every kind of bad input.

use chapter05::check::assert_arrays_close;
use chapter08::data::{digits, load_digits, parse_digits};
use ndarray::array;
use std::path::Path;

/// A valid line: 64 pixels (all 0 but the third, 5) and the label `label`.
fn line(label: &str) -> String {
    let mut pixels = vec!["0"; 64];
    pixels[2] = "5";
    format!("{},{label}", pixels.join(","))
}

#[test]
fn the_chapter_file_has_1797_images_of_64_pixels() {
    let d = digits();
    assert_eq!(d.images.shape(), &[1797, 64]);
    assert_eq!(d.labels.len(), 1797);
    // The file's first line starts 0,0,5,13,9,1 and ends with the label 0;
    // divided by 16: 0, 0, 0.3125, 0.8125, 0.5625, 0.0625 (exact in binary).
    let first = d.images.row(0).slice(ndarray::s![..6]).to_owned();
    assert_arrays_close(
        "first pixels",
        &first,
        &array![0.0, 0.0, 0.3125, 0.8125, 0.5625, 0.0625],
        0.0,
    );
    assert_eq!(d.labels[0], 0, "first label");
    let max = d.images.fold(0.0f64, |m, &p| m.max(p));
    assert_arrays_close("largest pixel", &array![max], &array![1.0], 0.0);
    for digit in 0..10 {
        let count = d.labels.iter().filter(|&&l| l == digit).count();
        assert!(
            count > 150,
            "only {count} images of {digit}: each digit has about 180"
        );
    }
}

#[test]
fn the_split_keeps_a_fifth_for_testing_and_is_reproducible() {
    // round(0.2 x 1797) = round(359.4) = 359 test images, 1438 for training.
    let d = digits();
    let (train, test) = d.split(0.2, 7);
    assert_eq!((train.labels.len(), test.labels.len()), (1438, 359));
    let (again, _) = d.split(0.2, 7);
    assert_eq!(
        train.labels, again.labels,
        "the same seed gives the same split"
    );
    let (other, _) = d.split(0.2, 8);
    assert_ne!(
        train.labels, other.labels,
        "another seed gives another split"
    );
    // Every image is in one of the two: the pixel sums add up.
    let total = train.images.sum() + test.images.sum();
    let want = d.images.sum();
    assert!(
        (total - want).abs() <= 1e-9 * want,
        "pixel sums {total} and {want}"
    );
}

#[test]
fn a_missing_file_is_named_with_where_the_data_lives() {
    let err = load_digits(Path::new("no/such/digits.csv")).unwrap_err();
    assert!(err.contains("no/such/digits.csv"), "{err}");
    assert!(err.contains("chapters/chapter08/data/digits.csv"), "{err}");
}

#[test]
fn a_pixel_out_of_range_names_the_file_the_line_and_the_pixel() {
    let text = format!("{}\n{}\n", line("1"), line("2").replacen("5", "17", 1));
    let err = parse_digits(&text, "bad.csv").unwrap_err();
    assert_eq!(
        err,
        "bad.csv, line 2: pixel 3 is \"17\", not a whole number from 0 to 16"
    );
}

#[test]
fn a_line_without_its_label_names_the_count() {
    let short = line("1");
    let short = &short[..short.len() - 2];
    let err =
        parse_digits(&format!("{}\n{short}\n", line("0")), "d.csv").unwrap_err();
    assert_eq!(
        err,
        "d.csv, line 2: 64 values, expected 65 (64 pixels, then the label)"
    );
}

#[test]
fn a_bad_label_names_the_line() {
    let err = parse_digits(&line("10"), "d.csv").unwrap_err();
    assert_eq!(
        err,
        "d.csv, line 1: the label is \"10\", not a digit 0 to 9"
    );
    let err = parse_digits(&line("x"), "d.csv").unwrap_err();
    assert_eq!(err, "d.csv, line 1: the label is \"x\", not a digit 0 to 9");
}

#[test]
fn a_text_pixel_and_an_empty_file_are_refused() {
    let err = parse_digits(&line("3").replacen("0", "a", 1), "d.csv").unwrap_err();
    assert_eq!(
        err,
        "d.csv, line 1: pixel 1 is \"a\", not a whole number from 0 to 16"
    );
    assert_eq!(
        parse_digits("", "d.csv").unwrap_err(),
        "d.csv: no images in the file"
    );
}
