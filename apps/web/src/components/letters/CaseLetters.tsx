import { Button, Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import type { Problem } from '../../api';
import { fetchLetterPdf, lettersApi, type Letter } from '../../api/letters';
import { useApp } from '../../app-context';
import { formatDate } from '../../i18n';
import { ProblemAlert, toProblem } from '../Alerts';

/**
 * The case page's letters: the beschikking letter made with each decision, how it reaches the
 * resident (Mijn gemeente, or by post when they do not use it) and its PDF. Every download is audited.
 */
export function CaseLetters({ caseId, reload }: { caseId: string; reload: number }) {
  const { api, t, lang, purpose } = useApp();
  const letters = useMemo(() => lettersApi(api), [api]);
  const [list, setList] = useState<Letter[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  useEffect(() => {
    letters.caseLetters(caseId).then(setList, (e: unknown) => setProblem(toProblem(e)));
  }, [letters, caseId, reload]);

  const download = async (letter: Letter) => {
    setProblem(null);
    try {
      const url = URL.createObjectURL(await fetchLetterPdf(letter.id, purpose ?? ''));
      const a = document.createElement('a');
      a.href = url;
      a.download = `brief-${letter.createdAt.slice(0, 10)}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setProblem(toProblem(e));
    }
  };

  return (
    <section aria-labelledby="letters-heading" className="kern-section">
      <Heading2 id="letters-heading">{t('letters.title')}</Heading2>
      {problem ? <ProblemAlert problem={problem} /> : null}
      {list && list.length === 0 ? <Paragraph>{t('letters.none')}</Paragraph> : null}
      {list && list.length > 0 ? (
        <Table>
          <TableCaption>{t('letters.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('letters.letter')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('letters.made')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('letters.delivery')}</TableHeaderCell>
              <TableHeaderCell scope="col">PDF</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((l) => (
              <TableRow key={l.id} data-letter={l.id}>
                <TableCell>{t(`letters.type.${l.letterType}`)}</TableCell>
                <TableCell>{formatDate(l.createdAt, lang)}</TableCell>
                <TableCell>{t(`letters.delivery.${l.delivery}`)}</TableCell>
                <TableCell>
                  <Button appearance="secondary-action-button" onClick={() => void download(l)}>{t('letters.download', { title: l.title })}</Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}
