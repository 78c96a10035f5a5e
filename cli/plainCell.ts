/** A cell as core reads it: what ExcelJS and CSV cells are turned into before parsing. */
export type PlainCell = string | number | boolean | null;
