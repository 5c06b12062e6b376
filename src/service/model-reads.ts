import { MODELS } from "../../models"
import type { ModelName } from "../../models"
import { NotFoundError } from "../errors/errors"
import type { FindConfig } from "../persistence/find-config"
import type { Filters } from "../persistence/filters"
import type { CartContext } from "../persistence/unit-of-work"
import { optionalFilters, requireId } from "../validation/arguments"
import { listRows, retrieveRow } from "./reads"
import type { CartServiceDeps } from "./service-deps"
import { typed } from "./typed-rows"
import type { DtoByModel } from "./typed-rows"

/** Reads of any model: retrieve by id, list, list and count; the find config is checked before any SQL. */
export class ModelReads {
  constructor(private readonly deps: CartServiceDeps) {}

  /** One row by id, totals included for a cart. @throws NotFoundError, InvalidDataError */
  async retrieve<N extends ModelName>(name: N, id: string, config?: FindConfig, ctx?: CartContext): Promise<DtoByModel[N]> {
    const model = MODELS[name]
    // Medusa answers a missing id with not_found ("cart - id must be defined") and an empty one with its
    // usual "was not found"; any other non-string is a wrong-typed argument.
    if (id === undefined || id === null) throw NotFoundError.idRequired(model.name)
    if (id !== "") requireId(id, "id")
    this.deps.validator.findConfig(config)
    const row = await this.deps.unitOfWork.read(ctx, (db) => retrieveRow(db, model, id, config, this.deps.totals))
    return typed(name, [row])[0]!
  }

  /** Every row matching `filters`. @throws InvalidDataError */
  async list<N extends ModelName>(name: N, filters?: Filters, config?: FindConfig, ctx?: CartContext): Promise<DtoByModel[N][]> {
    this.deps.validator.findConfig(config)
    const checked = optionalFilters(filters)
    const { rows } = await this.deps.unitOfWork.read(ctx, (db) => listRows(db, MODELS[name], checked, config, this.deps.totals))
    return typed(name, rows)
  }

  /** A page of the rows matching `filters` and the count of every match, in one statement. @throws InvalidDataError */
  async listAndCount<N extends ModelName>(
    name: N,
    filters?: Filters,
    config?: FindConfig,
    ctx?: CartContext,
  ): Promise<[DtoByModel[N][], number]> {
    this.deps.validator.findConfig(config)
    const checked = optionalFilters(filters)
    const result = await this.deps.unitOfWork.read(ctx, (db) => listRows(db, MODELS[name], checked, config, this.deps.totals, true))
    return [typed(name, result.rows), result.count]
  }
}
