import type { UnitOfWork } from "../persistence/unit-of-work"
import type { TotalsOptions } from "../totals"
import type { Validator } from "../validation/validator"

/** What the service needs; built by `createCartModule`. */
export interface CartServiceDeps {
  readonly unitOfWork: UnitOfWork
  readonly totals: TotalsOptions
  readonly validator: Validator
}
