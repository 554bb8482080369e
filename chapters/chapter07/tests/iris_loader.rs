//! The iris loader as a user meets it: the crate's own copy of the data, and the
//! message for each kind of damage to a file, naming the file, the line and the
//! problem.

use chapter07::iris::{iris, load_iris, parse_iris};
use std::path::Path;
const HEADER: &str = "2,4,setosa,versicolor,virginica\n";

fn problem(text: &str) -> String {
    parse_iris(text, "bad.csv")
        .err()
        .expect("an error")
        .to_string()
}

#[test]
fn the_crates_copy_has_fifty_of_each_class() {
    // Fisher's data: 150 flowers, 50 of each species, in order.
    let data = iris();
    assert_eq!(data.features.dim(), (150, 4));
    let counts: Vec<usize> = (0..3)
        .map(|c| data.labels.iter().filter(|&&l| l == c).count())
        .collect();
    assert_eq!(counts, [50, 50, 50]);
    assert_eq!(data.classes, ["setosa", "versicolor", "virginica"]);
    // Petal length (column 2) runs from 1 to 6.9 cm, width from 0.1 to 2.5 cm,
    // as the file's smallest and largest values in those columns.
    let range = |j: usize| {
        let column = data.features.column(j);
        let min = column.fold(f64::INFINITY, |a, &b| a.min(b));
        (min, column.fold(f64::NEG_INFINITY, |a, &b| a.max(b)))
    };
    assert_eq!((range(2), range(3)), ((1.0, 6.9), (0.1, 2.5)));
    // The first row of the file is 5.1,3.5,1.4,0.2,0.
    assert_eq!(data.features.row(0).to_vec(), [5.1, 3.5, 1.4, 0.2]);
}

#[test]
fn a_missing_file_is_named_with_the_way_out() {
    let err = load_iris(Path::new("no/such/iris.csv"))
        .err()
        .expect("an error");
    let message = err.to_string();
    assert!(
        message.starts_with("no/such/iris.csv: cannot read it"),
        "{message}"
    );
    assert!(
        message.contains("chapters/chapter07/data/iris.csv"),
        "{message}"
    );
}

#[test]
fn a_short_row_names_the_file_and_the_line() {
    let text = format!("{HEADER}5.1,3.5,1.4,0.2,0\n4.9,3.0,1.4,0\n");
    let message = problem(&text);
    assert_eq!(
        message,
        "bad.csv, line 3: expected 5 comma-separated fields (four measurements \
         and a class), found 4: `4.9,3.0,1.4,0`"
    );
}

#[test]
fn a_word_where_a_number_belongs_is_named() {
    let text = format!("{HEADER}5.1,3.5,1.4,0.2,0\n4.9,wide,1.4,0.2,0\n");
    let message = problem(&text);
    assert_eq!(
        message,
        "bad.csv, line 3: `wide` is not a number: `4.9,wide,1.4,0.2,0`"
    );
}

#[test]
fn a_class_out_of_range_is_named() {
    let text = format!("{HEADER}5.1,3.5,1.4,0.2,3\n4.9,3.0,1.4,0.2,0\n");
    let message = problem(&text);
    assert_eq!(
        message,
        "bad.csv, line 2: the class `3` is not 0, 1 or 2: `5.1,3.5,1.4,0.2,3`"
    );
}

#[test]
fn a_wrong_header_or_row_count_is_named() {
    assert!(
        problem("150,5,a,b,c\n").starts_with("bad.csv, line 1: expected a header")
    );
    let message = problem(&format!("{HEADER}5.1,3.5,1.4,0.2,0\n"));
    assert_eq!(
        message,
        "bad.csv, line 1: the header promises 2 rows, found 1"
    );
    assert_eq!(problem(""), "bad.csv, line 1: the file is empty");
}

#[test]
fn three_flowers_share_the_petals_four_point_eight_by_one_point_eight() {
    // Line 72 of the file is row 70 of the data (the header is line 1 and rows
    // count from 0), lines 128 and 140 are rows 126 and 138.
    let data = iris();
    let flower = |row: usize| (data.features.row(row).to_vec(), data.labels[row]);
    assert_eq!(flower(70), (vec![5.9, 3.2, 4.8, 1.8], 1));
    assert_eq!(flower(126), (vec![6.2, 2.8, 4.8, 1.8], 2));
    assert_eq!(flower(138), (vec![6.0, 3.0, 4.8, 1.8], 2));
}
