/**
 * In a column mapping: the sheet has no such column, whatever recognition finds (a look-alike
 * header the user rules out). A module of its own so the panel, bundled into the small Sheets
 * sidebar, can name it without pulling in header recognition.
 */
export const NO_COLUMN = -1;
