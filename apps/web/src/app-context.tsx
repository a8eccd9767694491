import { createContext, useContext } from 'react';
import type { Api, Session } from './api';
import type { Lang, Translate } from './i18n';
import type { Purpose } from './purpose';

export interface AppState {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
  purpose: Purpose | null;
  setPurpose: (purpose: Purpose | null) => void;
  api: Api;
  session: Session | null;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside <AppContext.Provider>');
  return state;
}

/** For pages behind login: the session is there by construction (App renders them only then). */
export function useSession(): Session {
  const { session } = useApp();
  if (!session) throw new Error('useSession on a page rendered without a session');
  return session;
}
