import { createContext, useContext } from 'react';
import type { PortalApi, PortalPerson, PortalSession } from './api';
import type { PortalKey, PortalLang } from './messages';

export interface PortalState {
  lang: PortalLang;
  setLang: (lang: PortalLang) => void;
  t: (key: PortalKey) => string;
  /** For keys built from data (roles, purposes, laws): the raw value when there is no text. */
  tx: (key: string) => string;
  api: PortalApi;
  session: PortalSession;
  person: PortalPerson;
  setPersonRef: (ref: string) => void;
}

export const PortalContext = createContext<PortalState | null>(null);

export function usePortal(): PortalState {
  const state = useContext(PortalContext);
  if (!state) throw new Error('usePortal outside the portal');
  return state;
}
