import { h, replaceChildren } from "./dom.js";
import { type SortKind, type SortState, sortRows } from "./sortRows.js";

export interface Column<R> {
  label: string;
  kind: SortKind;
  value(row: R): string | number | null | undefined;
  /** what the cell shows (default: the value) */
  cell?(row: R): Node | string;
  /** not sortable */
  fixed?: boolean;
}

export interface TableOptions {
  caption: string;
  sort?: SortState | null;
  onSort?(sort: SortState): void;
  footer?: (Node | string)[];
  /** rows shown before a "show all" button (default 300: thousands of rows are slow) */
  limit?: number;
}

/**
 * A table whose column headers are buttons that sort it (aria-sort says how), numbers
 * right-aligned; the caption names it for screen readers.
 */
export function dataTable<R>(
  columns: Column<R>[],
  rows: readonly R[],
  options: TableOptions,
): HTMLElement {
  let sort = options.sort ?? null;
  let limit = options.limit ?? 300;
  const tbody = h("tbody");
  const heads = columns.map((column, index) => {
    const th = h("th", { scope: "col", className: column.kind === "number" ? "num" : "" });
    if (column.fixed) th.textContent = column.label;
    else
      th.append(
        h(
          "button",
          {
            type: "button",
            onclick: () => {
              sort = {
                column: index,
                direction:
                  sort?.column === index && sort.direction === "descending"
                    ? "ascending"
                    : sort?.column === index
                      ? "descending"
                      : column.kind === "number"
                        ? "descending"
                        : "ascending",
              };
              options.onSort?.(sort);
              render();
            },
          },
          column.label,
        ),
      );
    return th;
  });
  const render = () => {
    heads.forEach((th, index) => {
      if (sort?.column === index) th.setAttribute("aria-sort", sort.direction);
      else th.removeAttribute("aria-sort");
    });
    const column = sort ? columns[sort.column] : undefined;
    const sorted =
      sort && column ? sortRows(rows, (r) => column.value(r), column.kind, sort.direction) : rows;
    const more = sorted.length - limit;
    replaceChildren(
      tbody,
      ...sorted
        .slice(0, Math.max(limit, 0))
        .map((row) =>
          h(
            "tr",
            {},
            ...columns.map((c) =>
              h(
                "td",
                { className: c.kind === "number" ? "num" : "" },
                c.cell ? c.cell(row) : String(c.value(row) ?? "—"),
              ),
            ),
          ),
        ),
      more > 0
        ? h(
            "tr",
            {},
            h(
              "td",
              { colspan: columns.length },
              h(
                "button",
                {
                  type: "button",
                  className: "button small",
                  onclick: () => {
                    limit = Number.POSITIVE_INFINITY;
                    render();
                  },
                },
                `Show all ${sorted.length} rows (${more} more)`,
              ),
            ),
          )
        : null,
    );
  };
  render();
  const table = h(
    "table",
    { className: "data" },
    h("caption", { className: "visually-hidden" }, options.caption),
    h("thead", {}, h("tr", {}, ...heads)),
    tbody,
  );
  if (options.footer) {
    table.append(
      h(
        "tfoot",
        {},
        h(
          "tr",
          {},
          ...options.footer.map((cell, i) =>
            h("td", { className: columns[i]?.kind === "number" ? "num" : "" }, cell),
          ),
        ),
      ),
    );
  }
  return h("div", { className: "table-wrap" }, table);
}
