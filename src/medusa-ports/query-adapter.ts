import type { HostContainer } from "./host-container"
import { MEDUSA_KEYS, lazyModule } from "./host-container"
import { lazyQuery } from "./medusa-query"
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

  /** One of Medusa's modules by its container key, resolved when first called. */
  protected module<T>(key: keyof typeof MEDUSA_KEYS): () => T {
    return lazyModule<T>(this.container, MEDUSA_KEYS[key])
  }
}
