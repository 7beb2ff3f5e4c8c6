import type { ApiError } from '../../shared/api-contract';

type ErrorListener = (error: ApiError) => void;

const listeners = new Set<ErrorListener>();
// Errors reported while no surface is mounted (between the sign-in screen and the shell) wait here.
const waiting: ApiError[] = [];

/**
 * Shows a failed API call on the app's one error surface. `auth` failures are not shown: the client
 * has already sent the user back to the sign-in screen.
 */
export function reportError(error: ApiError): void {
  if (error.type === 'auth') return;
  if (listeners.size === 0) waiting.push(error);
  for (const listener of listeners) listener(error);
}

/** Subscribes the error surface; errors reported before it mounted are delivered at once. */
export function subscribeErrors(listener: ErrorListener): () => void {
  listeners.add(listener);
  for (const error of waiting.splice(0)) listener(error);
  return () => listeners.delete(listener);
}
