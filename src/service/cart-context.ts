/**
 * The transaction context a caller passes as `sharedContext` to join calls into one transaction.
 * Flows and hosts name it from here: the unit of work in persistence/ that owns it is not theirs to import.
 */
export type { CartContext } from "../persistence/unit-of-work"
