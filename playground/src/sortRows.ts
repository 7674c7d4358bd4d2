/** How a table column sorts: as text, or as the number its decimal string holds. */
export type SortKind = "text" | "number";

export interface SortState {
  column: number;
  direction: "ascending" | "descending";
}

/**
 * Rows sorted by one column, stably (equal rows keep their order, the API's). Numbers are
 * compared as numbers (decimal strings from the API; missing values last), text with the
 * locale's collation and numeric segments in order ("az-2" before "az-10").
 */
export function sortRows<R>(
  rows: readonly R[],
  value: (row: R) => string | number | null | undefined,
  kind: SortKind,
  direction: SortState["direction"],
): R[] {
  const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
  const sign = direction === "ascending" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      const missingA = a.v === null || a.v === undefined || a.v === "";
      const missingB = b.v === null || b.v === undefined || b.v === "";
      if (missingA || missingB)
        return missingA === missingB ? a.index - b.index : missingA ? 1 : -1;
      const order =
        kind === "number" ? Number(a.v) - Number(b.v) : collator.compare(String(a.v), String(b.v));
      return order === 0 || Number.isNaN(order) ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}
