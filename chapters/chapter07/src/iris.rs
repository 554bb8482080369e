//! Fisher's iris: the file `data/iris.csv` (its provenance is in `data/README.md`),
//! read into an array of measurements and a list of classes, with an error that
//! names the file and the line when something in it is wrong.

use ndarray::{Array1, Array2};
use std::fmt;
use std::path::Path;

/// The data file, compiled into the crate so that examples run from any folder.
pub const IRIS_CSV: &str = include_str!("../data/iris.csv");

// ANCHOR: iris
/// The iris data: `features` is n × 4 (sepal length, sepal width, petal length,
/// petal width, in cm), `labels[i]` the class of row i (0, 1 or 2), `classes` the
/// three class names.
pub struct Iris {
    pub features: Array2<f64>,
    pub labels: Array1<usize>,
    pub classes: Vec<String>,
}

/// What went wrong reading a data file: the file, the line (counted from 1; none
/// when the file could not be read at all) and the problem.
#[derive(Debug, PartialEq)]
pub struct LoadError {
    pub file: String,
    pub line: Option<usize>,
    pub problem: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}, line {line}: {}", self.file, self.problem),
            None => write!(f, "{}: {}", self.file, self.problem),
        }
    }
}
// ANCHOR_END: iris

// ANCHOR: load_iris
/// Reads and parses the file at `path`; see `parse_iris` for the format.
pub fn load_iris(path: &Path) -> Result<Iris, LoadError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|err| LoadError {
        file: file.clone(),
        line: None,
        problem: format!(
            "cannot read it ({err}); the data ships as chapters/chapter07/data/iris.csv"
        ),
    })?;
    parse_iris(&text, &file)
}

/// The iris data of the crate's own copy of the file.
pub fn iris() -> Iris {
    parse_iris(IRIS_CSV, "data/iris.csv").unwrap_or_else(|err| panic!("{err}"))
}

/// Parses the iris format: a first line `rows,4,name0,name1,name2`, then `rows`
/// lines of four numbers and a class 0..2, separated by commas. `file` names the
/// text in errors.
pub fn parse_iris(text: &str, file: &str) -> Result<Iris, LoadError> {
    let error = |line: usize, problem: String| LoadError {
        file: file.to_string(),
        line: Some(line),
        problem,
    };
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()));
    let (_, header) = lines
        .next()
        .ok_or_else(|| error(1, "the file is empty".into()))?;
    let fields: Vec<&str> = header.split(',').collect();
    let rows: usize = match fields.as_slice() {
        [rows, "4", _, _, _] => rows.parse().map_err(|_| {
            error(
                1,
                format!("the number of rows `{rows}` is not a whole number"),
            )
        })?,
        _ => {
            let want = "`rows,4,setosa,versicolor,virginica`";
            return Err(error(
                1,
                format!("expected a header {want}, found `{header}`"),
            ));
        }
    };
    let classes: Vec<String> = fields[2..].iter().map(|s| s.to_string()).collect();
    let mut values = Vec::with_capacity(4 * rows);
    let mut labels = Vec::with_capacity(rows);
    for (number, line) in lines.filter(|(_, line)| !line.is_empty()) {
        let (measurements, label) = parse_row(line).map_err(|p| error(number, p))?;
        values.extend(measurements);
        labels.push(label);
    }
    if labels.len() != rows {
        let problem =
            format!("the header promises {rows} rows, found {}", labels.len());
        return Err(error(1, problem));
    }
    let features = Array2::from_shape_vec((rows, 4), values).expect("4 per row");
    Ok(Iris {
        features,
        labels: Array1::from(labels),
        classes,
    })
}

/// One data line: four finite numbers and a class 0, 1 or 2.
fn parse_row(line: &str) -> Result<([f64; 4], usize), String> {
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    if fields.len() != 5 {
        return Err(format!(
            "expected 5 comma-separated fields (four measurements and a class), \
             found {}: `{line}`",
            fields.len()
        ));
    }
    let mut measurements = [0.0; 4];
    for (slot, field) in measurements.iter_mut().zip(&fields) {
        *slot = field
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("`{field}` is not a number: `{line}`"))?;
    }
    match fields[4].parse::<usize>() {
        Ok(label) if label < 3 => Ok((measurements, label)),
        _ => Err(format!(
            "the class `{}` is not 0, 1 or 2: `{line}`",
            fields[4]
        )),
    }
}
// ANCHOR_END: load_iris

#[cfg(test)]
mod tests {
    use super::*;

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
            problem("150,5,a,b,c\n")
                .starts_with("bad.csv, line 1: expected a header")
        );
        let message = problem(&format!("{HEADER}5.1,3.5,1.4,0.2,0\n"));
        assert_eq!(
            message,
            "bad.csv, line 1: the header promises 2 rows, found 1"
        );
        assert_eq!(problem(""), "bad.csv, line 1: the file is empty");
    }
}
