import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { MouseEvent } from 'react';
import { ApiError, problemMessage, type Problem } from '../api';
import { useApp } from '../app-context';
import { reasonText } from '../server-reasons';

export interface FieldError {
  /** The id of the input the error belongs to. */
  id: string;
  message: string;
}

/** Announced list of what to fix, each entry a link that moves focus to its field. */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useApp();
  if (errors.length === 0) return null;
  const focusField = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    const field = document.getElementById(id);
    if (!field) return;
    event.preventDefault();
    field.focus();
  };
  return (
    <Alert type="error" role="alert" className="kern-alert">
      <Paragraph>{t('error.summary')}</Paragraph>
      <UnorderedList>
        {errors.map((error) => (
          <UnorderedListItem key={error.id}>
            <a className="utrecht-link" href={`#${error.id}`} onClick={(event) => focusField(event, error.id)}>
              {error.message}
            </a>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}

/** A problem from the server in the reader's language, announced as an alert. */
export function ProblemAlert({ problem }: { problem: Problem }) {
  const { lang, t } = useApp();
  const known = Boolean(problem.messages?.[lang] ?? problem.detail);
  const message = known ? problemMessage(problem, lang) : t('error.generic');
  const params = problem.invalidParams ?? [];
  return (
    <Alert type="error" role="alert" className="kern-alert">
      <Paragraph>{message}</Paragraph>
      {params.length > 0 && (
        <UnorderedList>
          {params.map((param) => (
            <UnorderedListItem key={`${param.name}:${param.reason}`}>
              {param.name}: {reasonText(param.reason, lang)}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Alert>
  );
}

/** A polite confirmation (role=status) that does not interrupt. */
export function StatusMessage({ children }: { children: string }) {
  return (
    <Alert type="ok" role="status" className="kern-alert">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

export function Loading() {
  const { t } = useApp();
  return (
    <Paragraph role="status" className="kern-loading">
      {t('common.loading')}
    </Paragraph>
  );
}

/** Turns anything thrown into a Problem, so pages have one shape to show. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return { title: error instanceof Error ? error.message : 'Error', status: 0 };
}
