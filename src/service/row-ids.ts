import type { Dto } from "../persistence/row-mapper"

/** A written row's ids as its events carry them: its own, and its cart's (null for a standalone address). */
export function idsOf(row: Dto): { readonly id: string; readonly cart_id: string | null } {
  return { id: String(row.id), cart_id: typeof row.cart_id === "string" ? row.cart_id : null }
}
