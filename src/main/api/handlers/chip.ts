import type { CHIP_CHANNELS } from '../../../shared/api/chip';
import { ok } from '../../../shared/result';
import { installCsca } from '../../chip/csca-store';
import { recordChipRead } from '../../privacy/chip-access';
import type { ApiContext, DomainHandlers } from '../context';

/** Card readers, chip reading and the CSCA certificates. */
export function chipHandlers(ctx: ApiContext): DomainHandlers<typeof CHIP_CHANNELS> {
  const chip = ctx.chip.service;
  return {
    'chip-readers': async () => ok(await chip.state()),
    'chip-choose': async ({ reader }) => ok(await chip.choose(reader)),
    'chip-read': async ({ key, reader }) => recordChipRead(ctx.db, await chip.read(key, reader), ctx.clock()),
    'chip-key': ({ key }) => ok({ reading: ctx.chip.offerKey(key) }),
    'chip-csca-install': ({ data }) => installCsca(ctx.db, data),
  };
}
