import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useEffect, useState } from 'react';
import type { ChainVerification, Problem } from '../api';
import { useApp } from '../app-context';
import { Loading, ProblemAlert, toProblem } from './Alerts';

/** Whether the audit log's hash chain is unbroken, i.e. nobody altered or removed records. */
export function ChainStatus() {
  const { api, t } = useApp();
  const [result, setResult] = useState<ChainVerification | Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const check = useCallback(() => {
    setBusy(true);
    api
      .verifyAuditChain()
      .then(setResult, (error: unknown) => setResult(toProblem(error)))
      .finally(() => setBusy(false));
  }, [api]);

  useEffect(check, [check]);

  return (
    <section aria-labelledby="chain-heading" className="kern-section">
      <Heading2 id="chain-heading">{t('chain.title')}</Heading2>
      <div aria-live="polite">
        {!result ? (
          <Loading />
        ) : 'valid' in result ? (
          <Alert type={result.valid ? 'ok' : 'error'} role={result.valid ? 'status' : 'alert'} className="kern-alert">
            <Paragraph>
              {result.valid
                ? t('chain.valid', { checked: result.checked })
                : t('chain.broken', { seq: result.firstBrokenSeq ?? '?', checked: result.checked })}
            </Paragraph>
            {result.valid && (
              <Paragraph>{result.checkpointSeq !== undefined ? t('chain.checkpoint', { seq: result.checkpointSeq }) : t('chain.noCheckpoint')}</Paragraph>
            )}
          </Alert>
        ) : (
          <ProblemAlert problem={result} />
        )}
      </div>
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={check} busy={busy} disabled={busy}>
          {t('chain.recheck')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
