import {
  Alert,
  Button,
  ButtonGroup,
  Paragraph,
  PrimaryActionButton,
  Select,
  SelectOption,
  Textarea,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { problemMessage, type LibraryWerkwijze, type Problem, type WerkwijzeSummary } from '../api';
import { useApp } from '../app-context';
import { ErrorSummary, ProblemAlert, StatusMessage, toProblem, type FieldError } from '../components/Alerts';
import { Field, TextField } from '../components/Field';
import { PageTitle } from '../components/PageTitle';
import { AppLink, paths } from '../router';
import { splitParamName } from '../werkwijze';

const YAML_ID = 'editor-yaml';

export function WerkwijzeEditorPage() {
  const { api, t, lang } = useApp();
  const [library, setLibrary] = useState<LibraryWerkwijze[]>([]);
  const [libraryProblem, setLibraryProblem] = useState<Problem | null>(null);
  const [libraryId, setLibraryId] = useState('');
  const [yaml, setYaml] = useState('');
  const [importedFrom, setImportedFrom] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<{ werkwijze: WerkwijzeSummary; created: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const gutterRef = useRef<HTMLPreElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    api.werkwijzeLibrary().then(
      (items) => {
        if (!current) return;
        setLibrary(items);
        const first = items[0];
        // Start from the first library werkwijze, unless the person already typed something.
        if (first) {
          setLibraryId((chosen) => chosen || first.id);
          setYaml((text) => text || first.yaml);
          setImportedFrom((text) => text || `library:${first.id}`);
        }
      },
      (error: unknown) => current && setLibraryProblem(toProblem(error)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const chooseLibrary = (id: string) => {
    setLibraryId(id);
    const found = library.find((item) => item.id === id);
    setYaml(found ? found.yaml : '');
    setImportedFrom(found ? `library:${found.id}` : '');
    setProblem(null);
    setResult(null);
  };

  const lineCount = Math.max(1, yaml.split('\n').length);
  const numbers = Array.from({ length: lineCount }, (_, i) => String(i + 1)).join('\n');

  const syncGutter = () => {
    if (gutterRef.current && textareaRef.current) gutterRef.current.scrollTop = textareaRef.current.scrollTop;
  };

  /** Puts the caret at the start of a line and scrolls it into view. */
  const goToLine = (line: number) => {
    const area = textareaRef.current;
    if (!area) return;
    const lines = area.value.split('\n');
    const target = Math.min(Math.max(line, 1), lines.length);
    let offset = 0;
    for (let i = 0; i < target - 1; i++) offset += (lines[i]?.length ?? 0) + 1;
    area.focus();
    area.setSelectionRange(offset, offset);
    const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight) || 20;
    area.scrollTop = Math.max(0, (target - 1) * lineHeight - area.clientHeight / 3);
    syncGutter();
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    setResult(null);
    if (!yaml.trim()) {
      setErrors([{ id: YAML_ID, message: t('editor.empty') }]);
      textareaRef.current?.focus();
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const imported = await api.importWerkwijze(yaml, importedFrom.trim() || undefined);
      setResult(imported);
      window.setTimeout(() => resultRef.current?.focus(), 0);
    } catch (error) {
      setProblem(toProblem(error));
      window.setTimeout(() => document.getElementById('editor-errors')?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  const params = problem?.invalidParams ?? [];

  return (
    <>
      <PageTitle>{t('editor.title')}</PageTitle>
      <Paragraph>{t('editor.intro')}</Paragraph>
      <Paragraph>
        <AppLink href={paths.werkwijzen}>{t('viewer.back')}</AppLink>
      </Paragraph>
      {libraryProblem && <ProblemAlert problem={libraryProblem} />}
      <ErrorSummary errors={errors} />
      {result && (
        <div ref={resultRef} tabIndex={-1}>
          <StatusMessage>
            {t(result.created ? 'editor.created' : 'editor.exists', { id: result.werkwijze.werkwijzeId, version: result.werkwijze.version })}
          </StatusMessage>
          <Paragraph>
            <AppLink href={paths.werkwijze(result.werkwijze.werkwijzeId, result.werkwijze.version)}>{t('editor.view')}</AppLink>
          </Paragraph>
        </div>
      )}
      {problem &&
        (params.length > 0 ? (
          <Alert type="error" role="alert" className="kern-alert">
            <div id="editor-errors" tabIndex={-1}>
              <Paragraph>{problemMessage(problem, lang)}</Paragraph>
              <Paragraph>{t('editor.errors')}</Paragraph>
              <ul className="kern-error-lines">
                {params.map((param, i) => {
                  const { path, line } = splitParamName(param.name);
                  const text =
                    line === null ? t('editor.error.noLine', { path, reason: param.reason }) : t('editor.error.line', { line, path, reason: param.reason });
                  return (
                    <li key={`${param.name}-${i}`}>
                      <Button type="button" appearance="subtle-button" className="kern-error-lines__button" onClick={() => goToLine(line ?? 1)}>
                        {text}
                      </Button>
                    </li>
                  );
                })}
              </ul>
            </div>
          </Alert>
        ) : (
          <div id="editor-errors" tabIndex={-1}>
            <ProblemAlert problem={problem} />
          </div>
        ))}

      <form className="kern-form kern-form--wide" noValidate onSubmit={(event) => void submit(event)}>
        <Field id="editor-library" label={t('editor.library')}>
          {(wiring) => (
            <Select {...wiring} name="library" value={libraryId} onChange={(event) => chooseLibrary(event.target.value)}>
              <SelectOption value="">{t('editor.library.none')}</SelectOption>
              {library.map((item) => (
                <SelectOption key={item.id} value={item.id}>
                  {item.name}
                </SelectOption>
              ))}
            </Select>
          )}
        </Field>
        <Field id={YAML_ID} label={t('editor.yaml')} hint={t('editor.yaml.hint')} error={errors.find((e) => e.id === YAML_ID)?.message}>
          {(wiring) => (
            <div className="kern-code-editor">
              <pre ref={gutterRef} className="kern-code-editor__gutter" aria-hidden="true">
                {numbers}
              </pre>
              <Textarea
                {...wiring}
                ref={textareaRef}
                name="yaml"
                className="kern-code-editor__text"
                value={yaml}
                rows={24}
                wrap="off"
                spellCheck={false}
                autoCapitalize="off"
                autoCorrect="off"
                onChange={(event) => setYaml(event.target.value)}
                onScroll={syncGutter}
              />
            </div>
          )}
        </Field>
        <TextField
          id="editor-importedFrom"
          label={t('editor.importedFrom')}
          hint={t('editor.importedFrom.hint')}
          value={importedFrom}
          onChange={setImportedFrom}
          autoComplete="off"
        />
        <ButtonGroup>
          <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
            {t('editor.submit')}
          </PrimaryActionButton>
        </ButtonGroup>
      </form>
    </>
  );
}
