//! Chapter 8's figures.

use super::Figure;

pub fn figures() -> Vec<Figure> {
    vec![]
}
