//! The UCI handwritten digits as scikit-learn ships them (the test part of the UCI
//! set): 1797 images of 8 x 8 pixels, each pixel a whole number from 0 to 16, with
//! their labels; read from `data/digits.csv`, checked line by line, and split at
//! random into a training and a test set.

use ndarray::{Array2, ArrayView1, Axis};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use std::path::Path;

// ANCHOR: digits
/// Images as rows of 64 pixels scaled to [0, 1] (pixel / 16), and their labels.
#[derive(Clone, Debug)]
pub struct Digits {
    pub images: Array2<f64>,
    pub labels: Vec<usize>,
}
// ANCHOR_END: digits

/// Pixels per image, and the largest value a pixel takes.
pub const PIXELS: usize = 64;
pub const MAX_PIXEL: u32 = 16;

// ANCHOR: load_digits
/// Reads the digits from the file at `path`: one image a line, 64 pixels (whole
/// numbers 0 to 16) then the label (0 to 9), separated by commas. The error names
/// the file, and for a bad line its number and what is wrong with it.
pub fn load_digits(path: &Path) -> Result<Digits, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read the digits from {}: {e}; the chapter ships them as \
             chapters/chapter08/data/digits.csv",
            path.display()
        )
    })?;
    parse_digits(&text, &path.display().to_string())
}

/// The digits in `text`, the contents of the file named `file`.
pub fn parse_digits(text: &str, file: &str) -> Result<Digits, String> {
    let (mut pixels, mut labels) = (Vec::new(), Vec::new());
    for (index, line) in text.lines().enumerate() {
        let at = |what: String| format!("{file}, line {}: {what}", index + 1);
        let fields: Vec<&str> = line.trim().split(',').collect();
        if fields.len() != PIXELS + 1 {
            return Err(at(format!(
                "{} values, expected {} (64 pixels, then the label)",
                fields.len(),
                PIXELS + 1
            )));
        }
        for (column, field) in fields[..PIXELS].iter().enumerate() {
            match field.trim().parse::<u32>() {
                Ok(p) if p <= MAX_PIXEL => pixels.push(f64::from(p) / 16.0),
                _ => {
                    return Err(at(format!(
                        "pixel {} is {field:?}, not a whole number from 0 to 16",
                        column + 1
                    )));
                }
            }
        }
        match fields[PIXELS].trim().parse::<usize>() {
            Ok(label) if label <= 9 => labels.push(label),
            _ => {
                let label = fields[PIXELS];
                return Err(at(format!(
                    "the label is {label:?}, not a digit 0 to 9"
                )));
            }
        }
    }
    if labels.is_empty() {
        return Err(format!("{file}: no images in the file"));
    }
    let images = Array2::from_shape_vec((labels.len(), PIXELS), pixels)
        .expect("64 pixels were pushed per label");
    Ok(Digits { images, labels })
}
// ANCHOR_END: load_digits

/// The chapter's copy of the digits, `data/digits.csv`; panics with the loader's
/// message if it cannot be read.
pub fn digits() -> Digits {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/digits.csv");
    load_digits(&path).unwrap_or_else(|e| panic!("{e}"))
}

// ANCHOR: split
impl Digits {
    /// The images and labels at `rows`, in that order.
    pub fn select(&self, rows: &[usize]) -> Digits {
        Digits {
            images: self.images.select(Axis(0), rows),
            labels: rows.iter().map(|&r| self.labels[r]).collect(),
        }
    }

    /// A random split, seeded: the rows are shuffled and the first
    /// round(test_fraction n) go to the test set, the rest to the training set.
    /// Returns (train, test).
    pub fn split(&self, test_fraction: f64, seed: u64) -> (Digits, Digits) {
        let mut rows: Vec<usize> = (0..self.labels.len()).collect();
        rows.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
        let test = (test_fraction * rows.len() as f64).round() as usize;
        (self.select(&rows[test..]), self.select(&rows[..test]))
    }
}
// ANCHOR_END: split

/// The index of the largest entry of `row` (the first, if it appears twice).
pub fn argmax(row: ArrayView1<f64>) -> usize {
    row.iter()
        .enumerate()
        .fold((0, f64::NEG_INFINITY), |(best, m), (i, &x)| {
            if x > m { (i, x) } else { (best, m) }
        })
        .0
}
