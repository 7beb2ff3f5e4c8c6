import type { Channel, RequestOf, ResponseMap } from '../../shared/api-contract';
import { api } from '../api/client';
import { reportError } from './errors';

/**
 * Calls the API for a change (a mutation) or a one-off read. A failure is shown on the error surface
 * and gives `undefined`, so the caller only writes the success path.
 */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseMap[C] | undefined> {
  const response = await api[channel](request);
  if (response.ok) return response.value;
  reportError(response.error);
  return undefined;
}
