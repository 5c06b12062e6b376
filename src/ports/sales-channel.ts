/** A sales channel as the flows need it. */
export interface SalesChannel {
  readonly id: string
  readonly name: string
  /** A disabled channel takes no new carts and no switch to it. */
  readonly is_disabled?: boolean
}

/**
 * Where sales channels come from. Called when a cart is created with a `sales_channel_id` and when
 * a cart moves to another channel; an unknown or disabled channel is refused.
 */
export interface SalesChannelPort {
  /** The channel with this id, or null. */
  retrieveSalesChannel(id: string): Promise<SalesChannel | null>
}

/** Sales channels held in memory. */
export class InMemorySalesChannels implements SalesChannelPort {
  constructor(private readonly channels: readonly SalesChannel[]) {}

  /** Looks a channel up by id. */
  async retrieveSalesChannel(id: string): Promise<SalesChannel | null> {
    return this.channels.find((channel) => channel.id === id) ?? null
  }
}
