/** Counts SQL statements at the `pg` driver; the bench and the budget tests share one implementation. */
export { countStatements, installStatementCounter, isSamePgAsKnex, startCounting } from "../../bench/statement-counter"
export type { CountedStatements } from "../../bench/statement-counter"
