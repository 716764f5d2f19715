/**
 * A sheet read from an uploaded file, whatever its format: the header cells of row 1, then every
 * non-blank data row with its spreadsheet row number (the header being row 1), so that error
 * reports point at the row a person sees in Excel.
 */
export type Table = { header: string[]; rows: TableRow[] };
export type TableRow = { row: number; cells: string[] };

/** Builds a table from records in file order (record 0 = the header = row 1); blank records are skipped. */
export function tableFromRecords(records: string[][]): Table {
  const header = (records[0] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim());
  const rows: TableRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const cells = records[i]!;
    if (isBlank(cells)) continue;
    rows.push({ row: i + 1, cells });
  }
  return { header, rows };
}

export function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
}

/** Column positions of the named headers (the first column of that name wins); -1 when absent. */
export function columnPositions<N extends string>(header: string[], names: readonly N[]): Record<N, number> {
  const out = {} as Record<N, number>;
  for (const name of names) out[name] = header.indexOf(name);
  return out;
}
