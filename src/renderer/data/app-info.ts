import { createContext, useContext } from 'react';
import type { AppInfo } from '../../shared/api-contract';

export interface AppInfoState {
  readonly info: AppInfo;
  /** Asks main again (after an import, a demo choice, a page change). */
  readonly refresh: () => Promise<void>;
  /** Takes the AppInfo a settings change returned. */
  readonly setInfo: (info: AppInfo) => void;
}

export const AppInfoContext = createContext<AppInfoState | null>(null);

/** The app's state (counts, language, database) shared by the shell and its pages. */
export function useAppInfo(): AppInfoState {
  const state = useContext(AppInfoContext);
  if (state === null) throw new Error('useAppInfo outside the app shell');
  return state;
}
