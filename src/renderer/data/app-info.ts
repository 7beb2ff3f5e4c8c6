import { createContext, useContext } from 'react';
import type { AppInfo, UserView } from '../../shared/api-contract';

export interface AppInfoState {
  readonly info: AppInfo;
  /** The signed-in user: the UI shows only what their role may do (main checks it again on every call). */
  readonly user: UserView;
  /** Asks main again (after an import, a demo choice, a page change). */
  readonly refresh: () => Promise<void>;
  /** Takes the AppInfo a settings change returned. */
  readonly setInfo: (info: AppInfo) => void;
}

export const AppInfoContext = createContext<AppInfoState | null>(null);

/** The app's state (counts, language, database, who is signed in) shared by the shell and its pages. */
export function useAppInfo(): AppInfoState {
  const state = useContext(AppInfoContext);
  if (state === null) throw new Error('useAppInfo outside the app shell');
  return state;
}
