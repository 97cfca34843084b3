//! The month-by-month CSV: every cell quoted, and no text a spreadsheet would run as a formula.

use honest_income::engine::delayed::project;
use honest_income::export::projection_csv;
use honest_income::scenario::Scenario;

/// The cells of RFC 4180 text, row by row (quotes doubled inside quoted cells).
fn parse(csv: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    rows
}

fn csv_of(s: &Scenario) -> String {
    let inputs = s.delayed.inputs(&s.delayed_from_the_plan()).expect("valid");
    let names: Vec<String> = inputs.plan.streams.iter().map(|x| x.name.clone()).collect();
    let projection = project(&inputs.plan);
    projection_csv(
        &s.delayed,
        &projection,
        &names,
        inputs.plan.monthly_costs,
        s.currency(),
    )
}

#[test]
fn names_that_look_like_formulas_or_break_lines_stay_text_in_their_own_cell() {
    let mut s = Scenario::default();
    let hostile = [
        "a,=2+3,",
        "=HYPERLINK(\"http://x\")",
        "line one\nline two",
        "-1+1",
        "@SUM(A1)",
    ];
    for (stream, name) in s.delayed.streams.iter_mut().zip(hostile.iter().cycle()) {
        stream.name = (*name).to_string();
    }
    s.delayed.streams[0].name = hostile[1].into();
    s.delayed.streams[1].name = hostile[0].into();
    let text = csv_of(&s);
    // Every line of the file starts with a quote: each cell is quoted.
    assert!(
        text.lines().all(|l| l.starts_with('"') || !l.contains(',')),
        "{text}"
    );
    let rows = parse(&text);
    let header = rows
        .iter()
        .position(|r| r[0] == "month")
        .expect("a header row");
    for row in &rows[..header] {
        assert_eq!(row.len(), 1, "an assumption line is one cell: {row:?}");
        assert!(row[0].starts_with('#'));
    }
    assert!(rows[..header]
        .iter()
        .any(|r| r[0].contains("# Stream a,=2+3, (")));
    let width = rows[header].len();
    for row in &rows[header..] {
        assert_eq!(row.len(), width, "{row:?}");
        for cell in row {
            let formula = cell.starts_with(['=', '+', '@', '\t', '\r'])
                || (cell.starts_with('-') && cell.parse::<f64>().is_err());
            assert!(!formula, "a cell a spreadsheet would run: {cell:?}");
        }
    }
    assert_eq!(rows[header][1], "income: =HYPERLINK(\"http://x\")");
    assert_eq!(rows[header][2], "income: a,=2+3,");
}

#[test]
fn the_months_are_plain_numbers_negative_ones_included() {
    let rows = parse(&csv_of(&Scenario::default()));
    // Month rows: plain numbers, negative ones included (the cumulative net starts below zero).
    let header = rows.iter().position(|r| r[0] == "month").unwrap();
    let first = &rows[header + 1];
    assert_eq!(first[0], "1");
    assert!(
        first
            .iter()
            .all(|c| c.is_empty() || c.parse::<f64>().is_ok()),
        "{first:?}"
    );
    assert!(rows[header + 1..]
        .iter()
        .any(|r| r.last().unwrap().starts_with('-')));
}
