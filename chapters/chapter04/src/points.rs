//! Points (x, y) from a small CSV file, such as the fifteen of the second seed post
//! in `data/seed_points.csv`, with errors that name the file and the line.

use ndarray::Array1;
use std::fmt;
use std::path::Path;

/// The file of the second seed post's fifteen points, beside the crate's sources.
pub const SEED_POINTS: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/data/seed_points.csv");

// ANCHOR: data_error
/// A points file that could not be used: which file, which line (counting from 1)
/// if the problem is on one, and what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct DataError {
    /// The file, as the caller named it.
    pub file: String,
    /// The line, counting from 1, if the problem is on one line.
    pub line: Option<usize>,
    /// What is wrong, and where it helps, how to put it right.
    pub problem: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "`{}` line {line}: {}", self.file, self.problem),
            None => write!(f, "`{}`: {}", self.file, self.problem),
        }
    }
}

impl std::error::Error for DataError {}
// ANCHOR_END: data_error

// ANCHOR: parse_points
/// The points of a CSV text whose first line is the header `x,y` and each further
/// line one point `x,y`; blank lines and lines starting with `#` are skipped. `file`
/// names the text in errors.
pub fn parse_points(
    text: &str,
    file: &str,
) -> Result<(Array1<f64>, Array1<f64>), DataError> {
    let error = |line, problem: String| DataError {
        file: file.to_string(),
        line,
        problem,
    };
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'));
    match lines.next() {
        Some((_, "x,y")) => {}
        Some((n, line)) => {
            let problem = format!("expected the header `x,y`, found `{line}`");
            return Err(error(Some(n), problem));
        }
        None => return Err(error(None, "no header `x,y` and no points".into())),
    }
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for (n, line) in lines {
        let number = |field: &str| {
            field
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| {
                    let problem = format!(
                        "`{}` in `{line}` is not a finite number",
                        field.trim()
                    );
                    error(Some(n), problem)
                })
        };
        let Some((x, y)) = line.split_once(',').filter(|(_, y)| !y.contains(','))
        else {
            let problem = format!(
                "expected two numbers separated by a comma, such as `4.7,2.6`, \
                 found `{line}`"
            );
            return Err(error(Some(n), problem));
        };
        xs.push(number(x)?);
        ys.push(number(y)?);
    }
    if xs.is_empty() {
        return Err(error(None, "a header `x,y` but no points after it".into()));
    }
    Ok((Array1::from(xs), Array1::from(ys)))
}
// ANCHOR_END: parse_points

// ANCHOR: load_points
/// The points of the CSV file at `path`, read by `parse_points`.
pub fn load_points(path: &Path) -> Result<(Array1<f64>, Array1<f64>), DataError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|err| DataError {
        file: file.clone(),
        line: None,
        problem: format!(
            "cannot read it ({err}); it ships with the crate in \
             chapters/chapter04/data, so `git checkout chapters/chapter04/data` \
             restores it"
        ),
    })?;
    parse_points(&text, &file)
}

/// The fifteen points of the second seed post, from `data/seed_points.csv`. Panics
/// with the file's error if it is missing or malformed.
pub fn seed_points() -> (Array1<f64>, Array1<f64>) {
    load_points(Path::new(SEED_POINTS)).unwrap_or_else(|err| panic!("{err}"))
}
// ANCHOR_END: load_points

#[cfg(test)]
mod tests {
    use super::*;
    use chapter01::check::assert_close;

    #[test]
    fn the_seed_file_holds_the_posts_fifteen_points_in_order() {
        // The first and last points of the post's x_train and y_train, and the sums
        // of the fifteen, added by hand from the post's numbers: 91.106 and 38.297.
        // Decimal fractions round: a few 1e-15 relative, so 1e-14 (1 + |sum|).
        let (x, y) = seed_points();
        assert_eq!((x.len(), y.len()), (15, 15));
        assert_eq!((x[0], y[0], x[14], y[14]), (4.7, 2.6, 4.0, 2.2));
        assert_close("sum of x", x.sum(), 91.106, 1e-14);
        assert_close("sum of y", y.sum(), 38.297, 1e-14);
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let (x, y) = parse_points("# two points\nx,y\n\n1,2\n 3.5 , -4 \n", "t.csv")
            .expect("a valid file");
        assert_eq!(x.to_vec(), [1.0, 3.5]);
        assert_eq!(y.to_vec(), [2.0, -4.0]);
    }

    #[test]
    fn a_malformed_line_is_named_with_its_file_and_number() {
        let err = parse_points("x,y\n1,2\n4.3;2.4\n", "points.csv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`points.csv` line 3: expected two numbers separated by a comma, such \
             as `4.7,2.6`, found `4.3;2.4`"
        );
        let err = parse_points("x,y\n1,two\n", "points.csv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`points.csv` line 2: `two` in `1,two` is not a finite number"
        );
        let err = parse_points("x,y\n1,2,3\n", "points.csv").unwrap_err();
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn a_missing_header_or_empty_file_is_refused() {
        let err = parse_points("1,2\n", "p.csv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`p.csv` line 1: expected the header `x,y`, found `1,2`"
        );
        let err = parse_points("x,y\n", "p.csv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`p.csv`: a header `x,y` but no points after it"
        );
    }

    #[test]
    fn a_missing_file_is_named_with_the_way_to_restore_it() {
        let err = load_points(Path::new("no/such/points.csv")).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with("`no/such/points.csv`: cannot read it ("),
            "{message}"
        );
        assert!(
            message.ends_with("`git checkout chapters/chapter04/data` restores it")
        );
    }
}
