import { z } from 'zod';

/**
 * How a dossier reached the administration (DOMAIN.md §3).
 * - `direct`: paper at the one-stop counter; the receiver records and digitizes it.
 * - `web`: the national / provincial portal.
 * - `mobile`: the "DVC Quảng Ngãi" app.
 * - `phone`: the service centre's hotline operator files it online on the caller's behalf (the 2021
 *   fishing-boat owners' story).
 */
export const CHANNELS = ['direct', 'web', 'mobile', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];
export const channelSchema = z.enum(CHANNELS);

/**
 * "Online" in the province's figures means web + mobile (DOMAIN.md §3; seed 002 splits online into
 * "of which web" and "of which smartphone", and the two always add up to online). A hotline dossier is
 * typed in electronically by an operator, but the caller did not use an online service, so the seeds'
 * online rate does not count it; reports show it as its own channel.
 */
export function isOnline(channel: Channel): boolean {
  return channel === 'web' || channel === 'mobile';
}

/** Channel codes of the national portal (DOMAIN.md §5): 1 in person, 2 online, 3 public postal service. */
export type PortalChannel = 1 | 2 | 3;

/**
 * Portal channel for sync. `phone` → 2: the hotline operator creates an electronic dossier on the
 * portal for the caller; nobody came to a counter (1) and nothing was sent by post (3). This differs on
 * purpose from `isOnline`, which follows the province's own rate definition. Code 3 (dossiers sent by
 * public postal service) has no channel of its own here yet: post is used only to deliver results.
 */
export function toPortalChannel(channel: Channel): PortalChannel {
  switch (channel) {
    case 'direct':
      return 1;
    case 'web':
    case 'mobile':
    case 'phone':
      return 2;
  }
}

/** How the result reaches the applicant. */
export const DELIVERIES = ['counter', 'post', 'electronic'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const deliverySchema = z.enum(DELIVERIES);
