import { Paragraph } from '@utrecht/component-library-react';
import { useApp } from '../app-context';
import { PageTitle } from '../components/PageTitle';
import type { MessageKey } from '../i18n';

export function ForbiddenPage({ reason = 'forbidden.auditor' }: { reason?: MessageKey }) {
  const { t } = useApp();
  return (
    <>
      <PageTitle>{t('forbidden.title')}</PageTitle>
      <Paragraph>{t(reason)}</Paragraph>
    </>
  );
}
