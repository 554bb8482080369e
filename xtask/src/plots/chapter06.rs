//! Chapter 6's figure: the computational graph of a small expression, read from the
//! engine's own tape after a backward pass, each node with its operation, value and
//! gradient.

use super::{BLUE_, Figure, ORANGE, svg};
use anyhow::Result;
use chapter06::graph::{depths, figure_expression};
use chapter06::tape::Tape;
use plotters::prelude::*;

pub fn figures() -> Vec<Figure> {
    vec![Figure {
        name: "chapter06-computational-graph.svg",
        draw: computational_graph,
    }]
}

const BOX_W: i32 = 150;
const BOX_H: i32 = 66;

/// Nodes laid out by depth from left to right (a leaf beside its consumer), in
/// tape order from top to bottom within a column; an arrow from each parent to its
/// child.
fn computational_graph() -> Result<String> {
    let tape = Tape::new();
    figure_expression(&tape).backward();
    let graph = tape.graph();
    // A leaf sits just left of its first consumer, so no arrow crosses a box.
    let mut depth = depths(&graph);
    for leaf in (0..graph.len()).filter(|&i| graph[i].parents.is_empty()) {
        let consumers = graph.iter().enumerate();
        let first = consumers.filter(|(_, node)| node.parents.contains(&leaf));
        if let Some(d) = first.map(|(i, _)| depth[i]).min() {
            depth[leaf] = d - 1;
        }
    }
    let columns = depth.iter().max().map_or(1, |d| d + 1);
    let mut row_in_column: Vec<i32> = vec![0; columns];
    let mut place = Vec::new();
    for &d in &depth {
        place.push((d, row_in_column[d]));
        row_in_column[d] += 1;
    }
    let rows = row_in_column.iter().copied().max().unwrap_or(1);
    let (width, height) = (columns as u32 * 230 + 40, rows as u32 * 120 + 70);
    let corner = |i: usize| {
        let (d, r) = place[i];
        let column_rows = row_in_column[d];
        let top = (height as i32 - 40 - column_rows * 120) / 2 + 40 + r * 120;
        (40 + d as i32 * 230, top + (120 - BOX_H) / 2)
    };
    svg(width, height, |root| {
        root.draw(&Text::new(
            "L = (a b + c) f after L.backward(): value, and grad = dL/d(node)",
            (40, 14),
            ("sans-serif", 16),
        ))?;
        for (i, node) in graph.iter().enumerate() {
            let (x, y) = corner(i);
            for &p in &node.parents {
                let (px, py) = corner(p);
                let from = (px + BOX_W, py + BOX_H / 2);
                let to = (x, y + BOX_H / 2);
                root.draw(&PathElement::new(vec![from, to], BLACK.stroke_width(1)))?;
                let head = vec![to, (to.0 - 9, to.1 - 5), (to.0 - 9, to.1 + 5)];
                root.draw(&Polygon::new(head, BLACK.filled()))?;
            }
        }
        for (i, node) in graph.iter().enumerate() {
            let (x, y) = corner(i);
            let colour = if node.parents.is_empty() {
                BLUE_
            } else {
                ORANGE
            };
            root.draw(&Rectangle::new(
                [(x, y), (x + BOX_W, y + BOX_H)],
                WHITE.filled(),
            ))?;
            root.draw(&Rectangle::new(
                [(x, y), (x + BOX_W, y + BOX_H)],
                colour.stroke_width(2),
            ))?;
            let label = node.label.clone().unwrap_or_default();
            let grad = node.grad.map_or("none".to_string(), |g| format!("{g}"));
            let lines = [
                format!("{label}   ({})", node.op),
                format!("value {}", node.value),
                format!("grad {grad}"),
            ];
            for (k, line) in lines.iter().enumerate() {
                let at = (x + 10, y + 8 + 19 * k as i32);
                root.draw(&Text::new(line.clone(), at, ("sans-serif", 15)))?;
            }
        }
        Ok(())
    })
}
