import type { SalesChannel, SalesChannelPort } from "../ports/sales-channel"
import type { HostContainer } from "./host-container"
import { MEDUSA_KEYS, lazyModule } from "./host-container"

/** The part of Medusa's sales channel module (`ISalesChannelModuleService`) the adapter calls. */
export interface MedusaSalesChannelModule {
  listSalesChannels(filters: { id: string[] }, config: { take: number }): Promise<{ id: string; name: string; is_disabled: boolean }[]>
}

/** {@link SalesChannelPort} over Medusa's sales channel module (`container.resolve("sales_channel")`). */
export class MedusaSalesChannels implements SalesChannelPort {
  private readonly channels: () => MedusaSalesChannelModule

  constructor(container: HostContainer) {
    this.channels = lazyModule<MedusaSalesChannelModule>(container, MEDUSA_KEYS.salesChannel)
  }

  /** The channel with this id (disabled ones included, flagged), or null. */
  async retrieveSalesChannel(id: string): Promise<SalesChannel | null> {
    const [channel] = await this.channels().listSalesChannels({ id: [id] }, { take: 1 })
    return channel ? { id: channel.id, name: channel.name, is_disabled: channel.is_disabled } : null
  }
}
