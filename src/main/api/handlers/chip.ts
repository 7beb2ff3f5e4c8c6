import type { CHIP_CHANNELS } from '../../../shared/api/chip';
import { ok } from '../../../shared/result';
import { ChipService } from '../../chip/chip-service';
import { installCsca } from '../../chip/csca-store';
import type { ApiContext, DomainHandlers } from '../context';

/** Card readers, chip reading and the CSCA certificates. */
export function chipHandlers(ctx: ApiContext): DomainHandlers<typeof CHIP_CHANNELS> {
  const chip = new ChipService(ctx.db);
  return {
    'chip-readers': async () => ok(await chip.state()),
    'chip-choose': async ({ reader }) => ok(await chip.choose(reader)),
    'chip-read': ({ key, reader }) => chip.read(key, reader),
    'chip-csca-install': ({ data }) => installCsca(ctx.db, data),
  };
}
