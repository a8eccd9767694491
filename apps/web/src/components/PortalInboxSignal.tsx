import { Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import { portalInboxApi } from '../api/portal-inbox';
import { useApp, useSession } from '../app-context';
import { AppLink, paths } from '../router';
import { isCaseworker } from '../werkwijze';

/** On the worklist: how many portal messages wait for an answer from the team, with a link to the inbox. Silent when none (or no access). */
export function PortalInboxSignal() {
  const { api, t, purpose } = useApp();
  const { account } = useSession();
  const client = useMemo(() => portalInboxApi(api), [api]);
  const [count, setCount] = useState(0);
  const caseworker = isCaseworker(account.roles);

  useEffect(() => {
    if (!caseworker || !purpose) return;
    let current = true;
    client.inbox('newest').then(
      (r) => current && setCount(r.total),
      () => current && setCount(0),
    );
    return () => {
      current = false;
    };
  }, [client, caseworker, purpose]);

  if (count === 0) return null;
  return (
    <Paragraph className="kern-signal" role="status">
      {t('inbox.worklistSignal', { count })} <AppLink href={paths.portalInbox}>{t('inbox.worklistLink')}</AppLink>
    </Paragraph>
  );
}
