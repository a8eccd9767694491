import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { hasNavigated } from '../router';
import { usePortal } from './context';

/** The page's one h1; after a navigation focus moves here so screen readers announce the new page. */
export function PortalTitle({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = usePortal();
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus();
  }, []);
  useEffect(() => {
    document.title = `${children} — ${t('app.name')}`;
  }, [children, t]);
  return (
    <Heading1 ref={ref} tabIndex={-1} className="kern-page-title">
      {children}
    </Heading1>
  );
}

export function ErrorText({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <Alert type="error" role="alert" className="kern-alert">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

export function Done({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="kern-portal-status">
      {children ? (
        <Alert type="ok" className="kern-alert">
          <Paragraph>{children}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}

/** A date as people read it, in the chosen language. */
export function useDate() {
  const { lang } = usePortal();
  return (iso: string | null | undefined): string => {
    if (!iso) return '-';
    const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
    return d.toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
  };
}
