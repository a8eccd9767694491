import { Paragraph } from '@utrecht/component-library-react';
import { useApp } from '../app-context';
import { PageTitle } from '../components/PageTitle';
import { AppLink, paths } from '../router';

export function NotFoundPage() {
  const { t } = useApp();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <AppLink href={paths.search}>{t('nav.search')}</AppLink>
      </Paragraph>
    </>
  );
}
