/**
 * Spreadsheet formula injection: a CSV cell that starts with =, +, -, @, a tab or a carriage return
 * is run as a formula by Excel and its kin. Every CSV the app writes (scorecards, candidate
 * comparisons, the question library) prefixes such a cell with ', which the spreadsheet shows as
 * text; the library's CSV import takes the ' off again, so an export re-imports unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const GUARDED = /^'[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function restoreFormula(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
