import {
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState, type SyntheticEvent } from 'react';
import type { Api, LibraryWerkwijze, Problem, WerkwijzeDiff, WerkwijzeSummary } from '../api';
import { useApp } from '../app-context';
import { ErrorSummary, Loading, ProblemAlert, toProblem, type FieldError } from '../components/Alerts';
import { Field } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import type { MessageKey } from '../i18n';
import { AppLink, navigate, paths, useLocation } from '../router';
import { werkwijzeStatusKey } from '../werkwijze';

interface Compared {
  fromYaml: string;
  toYaml: string;
  diff: WerkwijzeDiff;
}

const KINDS: Record<string, MessageKey> = { added: 'compare.kind.added', removed: 'compare.kind.removed', changed: 'compare.kind.changed' };

/** The YAML behind a reference: `id@version` (stored) or `library:id`. */
async function yamlOf(api: Api, ref: string, library: LibraryWerkwijze[]): Promise<string> {
  if (ref.startsWith('library:')) return library.find((item) => `library:${item.id}` === ref)?.yaml ?? '';
  const at = ref.lastIndexOf('@');
  const detail = await api.werkwijze(ref.slice(0, at), Number(ref.slice(at + 1)));
  return detail.sourceYaml;
}

export function WerkwijzeComparePage() {
  const { api, t, lang } = useApp();
  const { search } = useLocation();
  const fromParam = search.get('from') ?? '';
  const toParam = search.get('to') ?? '';
  const [stored, setStored] = useState<WerkwijzeSummary[]>([]);
  const [library, setLibrary] = useState<LibraryWerkwijze[] | null>(null);
  const [listProblem, setListProblem] = useState<Problem | null>(null);
  const [from, setFrom] = useState(fromParam);
  const [to, setTo] = useState(toParam);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<Compared | Problem | null>(null);

  useEffect(() => {
    let current = true;
    Promise.all([api.werkwijzen(), api.werkwijzeLibrary()]).then(
      ([s, l]) => {
        if (!current) return;
        setStored(s);
        setLibrary(l);
      },
      (error: unknown) => {
        if (!current) return;
        setListProblem(toProblem(error));
        setLibrary([]);
      },
    );
    return () => {
      current = false;
    };
  }, [api]);

  useEffect(() => {
    setFrom(fromParam);
    setTo(toParam);
  }, [fromParam, toParam]);

  useEffect(() => {
    if (!fromParam || !toParam || !library) {
      setResult(null);
      return;
    }
    let current = true;
    setResult(null);
    Promise.all([yamlOf(api, fromParam, library), yamlOf(api, toParam, library), api.werkwijzeDiff(fromParam, toParam, lang)]).then(
      ([fromYaml, toYaml, diff]) => current && setResult({ fromYaml, toYaml, diff }),
      (error: unknown) => current && setResult(toProblem(error)),
    );
    return () => {
      current = false;
    };
  }, [api, fromParam, toParam, library, lang]);

  const nameOf = (ref: string): string => {
    if (ref.startsWith('library:')) {
      const item = library?.find((l) => `library:${l.id}` === ref);
      return item ? `${t('compare.library')}: ${item.name}` : ref;
    }
    const item = stored.find((s) => `${s.werkwijzeId}@${s.version}` === ref);
    return item ? t('viewer.title', { name: item.name, version: item.version }) : ref;
  };

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!from) found.push({ id: 'compare-from', message: `${t('compare.from')}: ${t('compare.error.choose')}` });
    if (!to) found.push({ id: 'compare-to', message: `${t('compare.to')}: ${t('compare.error.choose')}` });
    setErrors(found);
    if (found.length > 0) {
      document.getElementById(found[0]?.id ?? '')?.focus();
      return;
    }
    navigate(paths.werkwijzeCompare(from, to), { replace: true });
  };

  const options = (
    <>
      <SelectOption value="">{t('common.choose')}</SelectOption>
      {stored.length > 0 && (
        <optgroup label={t('compare.stored')}>
          {stored.map((s) => {
            const status = werkwijzeStatusKey(s.status);
            return (
              <SelectOption key={`${s.werkwijzeId}@${s.version}`} value={`${s.werkwijzeId}@${s.version}`}>
                {t('compare.stored.option', { name: s.name, version: s.version, status: status ? t(status) : s.status })}
              </SelectOption>
            );
          })}
        </optgroup>
      )}
      {library && library.length > 0 && (
        <optgroup label={t('compare.library')}>
          {library.map((l) => (
            <SelectOption key={l.id} value={`library:${l.id}`}>
              {l.name}
            </SelectOption>
          ))}
        </optgroup>
      )}
    </>
  );

  const compared = result && 'diff' in result ? result : null;
  const problem = result && !('diff' in result) ? result : null;

  return (
    <>
      <PageTitle>{t('compare.title')}</PageTitle>
      <Paragraph>{t('compare.intro')}</Paragraph>
      <Paragraph>
        <AppLink href={paths.werkwijzen}>{t('viewer.back')}</AppLink>
      </Paragraph>
      {listProblem && <ProblemAlert problem={listProblem} />}
      <ErrorSummary errors={errors} />
      <form className="kern-form kern-form--filters" noValidate aria-label={t('compare.title')} onSubmit={submit}>
        <div className="kern-filter-grid">
          <Field id="compare-from" label={t('compare.from')} error={errors.find((e) => e.id === 'compare-from')?.message}>
            {(wiring) => (
              <Select {...wiring} name="from" value={from} onChange={(event) => setFrom(event.target.value)}>
                {options}
              </Select>
            )}
          </Field>
          <Field id="compare-to" label={t('compare.to')} error={errors.find((e) => e.id === 'compare-to')?.message}>
            {(wiring) => (
              <Select {...wiring} name="to" value={to} onChange={(event) => setTo(event.target.value)}>
                {options}
              </Select>
            )}
          </Field>
        </div>
        <ButtonGroup>
          <PrimaryActionButton type="submit">{t('compare.submit')}</PrimaryActionButton>
        </ButtonGroup>
      </form>

      {fromParam && toParam && (
        <>
          {problem && <ProblemAlert problem={problem} />}
          {!result && <Loading />}
          {compared && (
            <>
              <section aria-labelledby="side-heading" className="kern-section">
                <Heading2 id="side-heading">{t('compare.side')}</Heading2>
                <div className="kern-side-by-side">
                  <div>
                    <Heading3 id="yaml-from-heading">{t('compare.yaml.from', { name: nameOf(fromParam) })}</Heading3>
                    <pre className="kern-code" tabIndex={0} role="region" aria-labelledby="yaml-from-heading">
                      {compared.fromYaml}
                    </pre>
                  </div>
                  <div>
                    <Heading3 id="yaml-to-heading">{t('compare.yaml.to', { name: nameOf(toParam) })}</Heading3>
                    <pre className="kern-code" tabIndex={0} role="region" aria-labelledby="yaml-to-heading">
                      {compared.toYaml}
                    </pre>
                  </div>
                </div>
              </section>
              <section aria-labelledby="diff-heading" className="kern-section">
                <Heading2 id="diff-heading">{t('compare.diff')}</Heading2>
                {compared.diff.entries.length === 0 ? (
                  <Paragraph role="status">{t('compare.none')}</Paragraph>
                ) : (
                  <>
                    <Heading3 id="diff-text-heading">{t('compare.text')}</Heading3>
                    <pre className="kern-code" tabIndex={0} role="region" aria-labelledby="diff-text-heading">
                      {compared.diff.text}
                    </pre>
                    <Heading3 id="entries-heading">{t('compare.entries')}</Heading3>
                    <div className="kern-table-scroll" tabIndex={0} role="region" aria-labelledby="entries-heading">
                      <Table aria-labelledby="entries-heading">
                        <TableHeader>
                          <TableRow>
                            <TableHeaderCell scope="col">{t('compare.col.kind')}</TableHeaderCell>
                            <TableHeaderCell scope="col">{t('compare.col.path')}</TableHeaderCell>
                            <TableHeaderCell scope="col">{t('compare.col.summary')}</TableHeaderCell>
                          </TableRow>
                        </TableHeader>
                        <TableBody>
                          {compared.diff.entries.map((entry, i) => {
                            const kind = KINDS[entry.kind];
                            return (
                              <TableRow key={`${entry.path}-${i}`}>
                                <TableCell>{kind ? t(kind) : entry.kind}</TableCell>
                                <TableHeaderCell scope="row">
                                  <code>{entry.path}</code>
                                </TableHeaderCell>
                                <TableCell>{entry.summary}</TableCell>
                              </TableRow>
                            );
                          })}
                        </TableBody>
                      </Table>
                    </div>
                  </>
                )}
              </section>
            </>
          )}
        </>
      )}
    </>
  );
}
