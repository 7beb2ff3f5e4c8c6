import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ApiResponse, Channel, RequestOf, ResponseMap } from '../../shared/api-contract';
import { api } from '../api/client';
import { reportError } from './errors';

export interface Query<T> {
  /** The last value loaded (kept while a reload runs); undefined until the first answer. */
  readonly data: T | undefined;
  /** No answer yet for the current request. */
  readonly loading: boolean;
  /** The last load's failure (already shown on the error surface), or null. */
  readonly error: ApiError | null;
  /** Loads again (after a change). */
  readonly reload: () => Promise<void>;
  /** Replaces the value with one a mutation returned. */
  readonly setData: (value: T) => void;
  /** Changes the loaded value in place (one row a mutation returned); nothing before the first answer. */
  readonly update: (change: (value: T) => T) => void;
}

/**
 * Loads `channel` with `request` when the screen opens and whenever the request changes; failures go
 * to the error surface. The request must be plain JSON (no bytes): it is compared by its text.
 */
export function useQuery<C extends Channel>(
  channel: C,
  request: RequestOf<C>,
  options: { readonly enabled?: boolean } = {},
): Query<ResponseMap[C]> {
  const enabled = options.enabled ?? true;
  const key = JSON.stringify(request);
  const [data, setData] = useState<ResponseMap[C]>();
  const [error, setError] = useState<ApiError | null>(null);
  const [answeredKey, setAnsweredKey] = useState<string | null>(null);
  // Only the latest request's answer counts: an older one arriving late is let go.
  const latest = useRef(0);

  const settle = useCallback(
    (ticket: number, response: ApiResponse<ResponseMap[C]>) => {
      if (ticket !== latest.current) return;
      setAnsweredKey(key);
      if (response.ok) {
        setData(response.value);
        setError(null);
      } else {
        setError(response.error);
        reportError(response.error);
      }
    },
    [key],
  );

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    return api[channel](JSON.parse(key) as RequestOf<C>).then((response) => settle(ticket, response));
  }, [channel, key, settle]);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const ticket = ++latest.current;
    void api[channel](JSON.parse(key) as RequestOf<C>).then((response) => {
      if (live) settle(ticket, response);
    });
    return () => {
      live = false;
    };
  }, [channel, key, enabled, settle]);

  const update = useCallback((change: (value: ResponseMap[C]) => ResponseMap[C]) => {
    setData((value) => (value === undefined ? value : change(value)));
  }, []);

  return { data, loading: enabled && answeredKey !== key, error, reload, setData, update };
}
