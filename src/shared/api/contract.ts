/**
 * The one typed API contract (DESIGN.md §2), merged from the per-domain records. Every host
 * (Electron IPC, web host, CLI) and the renderer derive from it: a channel is one record in its
 * domain's module and one handler in main, and the compiler refuses anything missing.
 */
import type { z } from 'zod';
import type { Role } from '../auth/roles';
import { ADMIN_UNITS_CHANNELS } from './admin-units';
import { APP_CHANNELS } from './app';
import { AUTH_CHANNELS } from './auth';
import { BACKUP_CHANNELS } from './backup';
import { CHIP_CHANNELS } from './chip';
import type { Access, ApiResponse, ChannelEffect } from './define';
import { DEVICES_CHANNELS } from './devices';
import { DOCUMENTS_CHANNELS } from './documents';
import { HEALTH_CHANNELS } from './health';
import { JOBS_CHANNELS } from './jobs';
import { LISTS_CHANNELS } from './lists';
import { LOOKUP_CHANNELS } from './lookup';
import { PACKAGES_CHANNELS } from './packages';
import { PRIVACY_CHANNELS } from './privacy';
import { REGISTRY_CHANNELS } from './registry';
import { RESIDENTS_CHANNELS } from './residents';
import { VACCINATION_CHANNELS } from './vaccination';

export const CONTRACT = {
  ...APP_CHANNELS,
  ...AUTH_CHANNELS,
  ...REGISTRY_CHANNELS,
  ...LISTS_CHANNELS,
  ...LOOKUP_CHANNELS,
  ...DOCUMENTS_CHANNELS,
  ...DEVICES_CHANNELS,
  ...VACCINATION_CHANNELS,
  ...PACKAGES_CHANNELS,
  ...BACKUP_CHANNELS,
  ...JOBS_CHANNELS,
  ...ADMIN_UNITS_CHANNELS,
  ...CHIP_CHANNELS,
  ...HEALTH_CHANNELS,
  ...RESIDENTS_CHANNELS,
  ...PRIVACY_CHANNELS,
} as const;

type Contract = typeof CONTRACT;
export type Channel = keyof Contract;

/** Every channel's name, `domain-verb`. */
export const CHANNELS = Object.keys(CONTRACT) as readonly Channel[];

export type RequestOf<C extends Channel> = z.infer<Contract[C]['request']>;
export type ResponseMap = { readonly [C in Channel]: Contract[C]['response'] };

function mapChannels<T>(pick: <C extends Channel>(channel: C) => T): { readonly [C in Channel]: T } {
  return Object.fromEntries(CHANNELS.map((c) => [c, pick(c)])) as { readonly [C in Channel]: T };
}

/** Each channel's request schema; main validates every request against it before a handler runs. */
export const requestSchemas = mapChannels((c) => CONTRACT[c].request as z.ZodType) as {
  readonly [C in Channel]: Contract[C]['request'];
};

/** What each channel does to the database (reads, writes, recovery). */
export const CHANNEL_EFFECTS: { readonly [C in Channel]: ChannelEffect } = mapChannels((c) => CONTRACT[c].effect);

/** Who may use each channel. */
export const CHANNEL_ROLES: { readonly [C in Channel]: Access } = mapChannels((c) => CONTRACT[c].roles);

/** Whether a role may use a channel. */
export function channelAllows(channel: Channel, role: Role | null): boolean {
  return accessAllows(CHANNEL_ROLES[channel], role);
}

/** Whether a role is among those an access record names (the administrator is, except where `only` says who). */
export function accessAllows(allowed: Access, role: Role | null): boolean {
  if (allowed === 'public') return true;
  if (role === null) return false;
  if ('only' in allowed) return allowed.only.includes(role);
  return role === 'admin' || allowed.includes(role);
}

/** The client view every host gives the renderer: one named async method per channel. */
export type DoichieuApi = { readonly [C in Channel]: (request: RequestOf<C>) => Promise<ApiResponse<ResponseMap[C]>> };
