import { Heading1 } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useApp } from '../app-context';
import { hasNavigated } from '../router';

/**
 * The one h1 of a page. After a client-side navigation focus moves here, so screen reader users
 * hear where they are and keyboard users continue from the top of the new content.
 */
export function PageTitle({ children, focusSignal = 0 }: { children: string; focusSignal?: number }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useApp();

  // focusSignal lets a page take focus back to its title when its content is replaced in place.
  useEffect(() => {
    if (hasNavigated() || focusSignal > 0) ref.current?.focus();
  }, [focusSignal]);

  useEffect(() => {
    document.title = `${children} — ${t('common.titleSuffix')}`;
  }, [children, t]);

  return (
    <Heading1 ref={ref} tabIndex={-1} className="kern-page-title">
      {children}
    </Heading1>
  );
}
