/**
 * The library's CSV layout, shared by the importer and toCsv: one question per row, a header row
 * naming the columns (any order, case-insensitive). Only these fields travel in a CSV; key points,
 * follow-ups and misconceptions need the bank folder format.
 */
export const CSV_COLUMNS = ["id", "title", "question", "reference", "topic", "difficulty", "minutes", "tags"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = ["title", "reference", "topic", "difficulty"];
/** Tags are one cell, separated by this (commas would need quoting in every spreadsheet). */
export const CSV_TAG_SEPARATOR = ";";
