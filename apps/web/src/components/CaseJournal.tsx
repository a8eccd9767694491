import { DataList, DataListItem, DataListKey, DataListValue, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { CaseDetail, WerkwijzeStep } from '../api';
import { useApp } from '../app-context';
import { formatDate, formatDateTime, type Lang, type Translate } from '../i18n';

export type JournalEntry = CaseDetail['journal'][number];
export type JournalField = JournalEntry['fields'][number];

/** A recorded value as a person reads it: Ja/Nee, a list, a date in words; never raw JSON for the common kinds. */
export function journalValueText(field: Pick<JournalField, 'kind' | 'value'>, t: Translate, lang: Lang): string {
  const { value } = field;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('dossier.value.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' || typeof item === 'number' ? String(item) : JSON.stringify(item))).join(', ');
  if (field.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, lang);
  if (typeof value === 'number') return value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function FieldList({ fields }: { fields: JournalField[] }) {
  const { t, lang } = useApp();
  return (
    <DataList className="kern-journal__fields">
      {fields.map((field) => (
        <DataListItem key={field.name}>
          <DataListKey>{field.label}</DataListKey>
          <DataListValue className="kern-journal__value">{journalValueText(field, t, lang)}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}

const actorOf = (entry: JournalEntry) => entry.actorName ?? entry.actorId;

/** The case's journal: every step's recorded fields with their werkwijze labels, who and when, newest first. */
export function CaseJournal({ journal }: { journal: JournalEntry[] }) {
  const { t, lang } = useApp();
  return (
    <section aria-labelledby="journal-heading" className="kern-section">
      <Heading2 id="journal-heading">{t('dossier.journal')}</Heading2>
      {journal.length === 0 ? (
        <Paragraph>{t('dossier.journal.none')}</Paragraph>
      ) : (
        <>
          <Paragraph className="kern-muted">{t('dossier.journal.intro')}</Paragraph>
          <ol className="kern-journal">
            {journal.map((entry) => (
              <li key={entry.seq} className="kern-journal__entry">
                <Heading3 className="kern-journal__heading">
                  {t('dossier.journal.entry', { step: entry.stepName || t('dossier.journal.start'), actor: actorOf(entry), at: formatDateTime(entry.at, lang) })}
                </Heading3>
                {entry.fields.length === 0 ? <Paragraph className="kern-muted">{t('dossier.journal.empty')}</Paragraph> : <FieldList fields={entry.fields} />}
                {entry.toStepName && <Paragraph className="kern-muted">{t('dossier.journal.moved', { step: entry.toStepName })}</Paragraph>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/**
 * What earlier steps recorded, grouped by the step that recorded it, for the person taking the
 * current step (the decision maker reads the onderzoek and the advice beside the decision form).
 * The current step's own fields are left out: the form itself shows them. The latest value of a field wins.
 */
export function earlierRecorded(journal: JournalEntry[], step: Pick<WerkwijzeStep, 'id' | 'fields'> | null | undefined): { entry: JournalEntry; fields: JournalField[] }[] {
  const own = new Set(Object.keys(step?.fields?.properties ?? {}));
  const seen = new Set<string>();
  const groups: { entry: JournalEntry; fields: JournalField[] }[] = [];
  for (const entry of journal) {
    const fields = entry.fields.filter((field) => !own.has(field.name) && !seen.has(field.name));
    for (const field of fields) seen.add(field.name);
    if (entry.stepId !== step?.id && fields.length > 0) groups.push({ entry, fields });
  }
  return groups;
}

export function RecordedEarlier({ journal, step }: { journal: JournalEntry[]; step: WerkwijzeStep | null | undefined }) {
  const { t, lang } = useApp();
  const groups = earlierRecorded(journal, step);
  if (groups.length === 0) return null;
  return (
    <aside aria-labelledby="earlier-heading" className="kern-earlier">
      <Heading3 id="earlier-heading">{t('dossier.earlier')}</Heading3>
      <Paragraph className="kern-muted">{t('dossier.earlier.intro')}</Paragraph>
      {groups.map(({ entry, fields }) => (
        <div key={entry.seq} className="kern-earlier__group">
          <Paragraph>
            <strong>{t('dossier.earlier.by', { step: entry.stepName || t('dossier.journal.start'), actor: actorOf(entry), at: formatDateTime(entry.at, lang) })}</strong>
          </Paragraph>
          <FieldList fields={fields} />
        </div>
      ))}
    </aside>
  );
}
