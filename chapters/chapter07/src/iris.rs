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
