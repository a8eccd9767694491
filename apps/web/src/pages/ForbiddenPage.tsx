import { Paragraph } from '@utrecht/component-library-react';
import { useApp } from '../app-context';
import { PageTitle } from '../components/PageTitle';

export function ForbiddenPage() {
  const { t } = useApp();
  return (
    <>
      <PageTitle>{t('forbidden.title')}</PageTitle>
      <Paragraph>{t('forbidden.auditor')}</Paragraph>
    </>
  );
}
