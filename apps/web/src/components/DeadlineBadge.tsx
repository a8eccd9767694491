import { StatusBadge } from '@utrecht/component-library-react';
import { useApp } from '../app-context';
import { deadlineKey } from '../werkwijze';

/** Deadline status as a badge whose text says the status; colour only repeats it. */
export function DeadlineBadge({ status }: { status: string | null | undefined }) {
  const { t } = useApp();
  const key = deadlineKey(status);
  const modifier = key.slice('deadline.'.length);
  return (
    <StatusBadge status={modifier} className={`kern-badge kern-badge--${modifier}`}>
      {t(key)}
    </StatusBadge>
  );
}
