import { NotAllowedError, NotFoundError } from "../errors/errors"
import type { SalesChannelPort } from "../ports/sales-channel"

/**
 * The id of an existing, enabled sales channel, or null when none is given.
 * @throws NotFoundError for an unknown channel; NotAllowedError for a disabled one.
 */
export async function resolveSalesChannel(channels: SalesChannelPort, salesChannelId: string | null | undefined): Promise<string | null> {
  if (!salesChannelId) return null
  const channel = await channels.retrieveSalesChannel(salesChannelId)
  if (!channel) throw NotFoundError.forId("SalesChannel", salesChannelId)
  if (channel.is_disabled) throw NotAllowedError.because(`Sales channel with id "${salesChannelId}" is disabled`)
  return channel.id
}
