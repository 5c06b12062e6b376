import type { HostContainer } from "./host-container"
import { MEDUSA_KEYS, lazyModule } from "./host-container"
import { lazyQuery, recordOf, rowsAt, stringAt } from "./medusa-query"
import type { MedusaQuery } from "./medusa-query"

/**
 * What the adapters that follow Medusa's links share: the host container, Query and their modules resolved
 * on first use, and their options (every option is optional, so none given is `{}`).
 */
export abstract class MedusaQueryAdapter<Options extends object = object> {
  protected readonly query: () => MedusaQuery

  constructor(
    private readonly container: HostContainer,
    protected readonly options: Partial<Options> = {},
  ) {
    this.query = lazyQuery(container)
  }

  /**
   * For each of `ids` (rows of `entity`), the `field` of the first row its link `relation` reaches, read
   * through Query; an id without a linked row is left out.
   */
  protected async firstLinked(
    entity: string,
    ids: readonly string[],
    relation: string,
    field: string,
  ): Promise<ReadonlyMap<string, string>> {
    const { data } = await this.query().graph({ entity, fields: ["id", `${relation}.${field}`], filters: { id: [...ids] } })
    return new Map(
      data.flatMap((entry) => {
        const row = recordOf(entry)
        const id = stringAt(row, "id")
        const linked = stringAt(rowsAt(row, relation)[0], field)
        return id && linked ? [[id, linked] as const] : []
      }),
    )
  }

  /** One of Medusa's modules by its container key, resolved when first called. */
  protected module<T>(key: keyof typeof MEDUSA_KEYS): () => T {
    return lazyModule<T>(this.container, MEDUSA_KEYS[key])
  }
}
