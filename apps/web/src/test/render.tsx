/**
 * Renders a component the way App does: inside AppContext, with the reader's language, a purpose,
 * a session and an Api. The Api is a fake that answers only what the test gives it; any other
 * call fails the test, so a form that calls the wrong route is caught.
 */
import { render, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import type { Api, Session } from '../api';
import { AppContext } from '../app-context';
import { translate, type Lang } from '../i18n';
import type { Purpose } from '../purpose';

export const session: Session = {
  csrfToken: 'csrf',
  account: {
    id: 'acc-1',
    username: 'demo',
    displayName: 'Demo Medewerker',
    roles: ['wmo-consultant'],
    teams: [{ id: 'team-noord', name: 'Wijkteam Noord' }],
    municipality: { code: '0599', name: 'Rotterdam' },
  },
};

export function fakeApi(parts: Partial<Api>): Api {
  return new Proxy(parts, {
    get(target, name: string) {
      const part = (target as Record<string, unknown>)[name];
      if (part !== undefined) return part;
      // React and Testing Library probe objects for `then` and symbols; those are not API calls.
      if (name === 'then' || typeof name !== 'string') return undefined;
      throw new Error(`unexpected API call: api.${name}`);
    },
  }) as Api;
}

interface Options {
  api?: Api;
  lang?: Lang;
  purpose?: Purpose | null;
  session?: Session | null;
}

function Harness({ children, options }: { children: ReactNode; options: Options }) {
  const [lang, setLang] = useState<Lang>(options.lang ?? 'nl');
  const [purpose, setPurpose] = useState<Purpose | null>(options.purpose === undefined ? 'wmo' : options.purpose);
  return (
    <AppContext.Provider
      value={{
        lang,
        setLang,
        t: (key, vars) => translate(lang, key, vars),
        purpose,
        setPurpose,
        api: options.api ?? fakeApi({}),
        session: options.session === undefined ? session : options.session,
      }}
    >
      {children}
    </AppContext.Provider>
  );
}

export function renderInApp(ui: ReactNode, options: Options = {}): RenderResult & { user: UserEvent } {
  const user = userEvent.setup();
  return { user, ...render(<Harness options={options}>{ui}</Harness>) };
}
