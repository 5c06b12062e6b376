/** A plain-text table: the first column left-aligned, the numbers right-aligned, two spaces apart. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] ?? "").length)))
  const pad = (cell: string, c: number) => (c > 0 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))
  const line = (cells: readonly string[]) => cells.map(pad).join("  ")
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n")
}

/** A number with a fixed count of decimals. */
export const num = (value: number, digits: number): string => value.toFixed(digits)

/** `value / base` as `1.23×`, or empty when there is nothing to divide (no base, or no value). */
export const ratio = (value: number, base: number | undefined): string => (base && value > 0 ? `${num(value / base, 2)}×` : "")
