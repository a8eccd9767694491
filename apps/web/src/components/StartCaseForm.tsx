import {
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Button,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { calendarDateSchema } from '@kern/kit/contract';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { z } from 'zod';
import type { HouseholdMember, Problem, StartCaseInput, WerkwijzeDefinition, WerkwijzeSummary } from '../api';
import { useApp, useSession } from '../app-context';
import { fullName } from '../format';
import { isPurpose } from '../purpose';
import { navigate, paths } from '../router';
import { validateWith } from '../validation';
import { todayIso } from '../werkwijze';
import { ErrorSummary, Loading, ProblemAlert, toProblem, type FieldError } from './Alerts';
import { Field, TextField } from './Field';

// The melding date as the server checks it (cases has no browser contract yet; then its start schema takes over).
const meldingSchema = z.object({ meldingDate: calendarDateSchema });

type CaseType = NonNullable<WerkwijzeDefinition['caseTypes']>[number];

/**
 * Only members with a BSN can be named on the case (a relative the BRP knows no BSN of cannot);
 * each BSN once, so every checkbox has an id of its own.
 */
export function nameableMembers(household: HouseholdMember[], subjectBsn: string): (HouseholdMember & { bsn: string })[] {
  const seen = new Set<string>([subjectBsn]);
  return household.filter((m): m is HouseholdMember & { bsn: string } => {
    if (m.relation === 'self' || typeof m.bsn !== 'string' || !/^\d{9}$/.test(m.bsn) || seen.has(m.bsn)) return false;
    seen.add(m.bsn);
    return true;
  });
}

/**
 * "Zaak starten": a case from a melding, on an active werkwijze, for a case type of the chosen law.
 * From search (`subjectName` given) it names the resident in its heading, takes the focus and can be cancelled.
 */
export function StartCaseForm({
  bsn,
  household,
  subjectName,
  onCancel,
}: {
  bsn: string;
  household: HouseholdMember[];
  subjectName?: string;
  onCancel?: () => void;
}) {
  const { api, t, lang, purpose } = useApp();
  const { account } = useSession();
  const [werkwijzen, setWerkwijzen] = useState<WerkwijzeSummary[] | Problem | null>(null);
  const [werkwijzeId, setWerkwijzeId] = useState('');
  const [caseTypes, setCaseTypes] = useState<CaseType[] | null>(null);
  const [caseTypeId, setCaseTypeId] = useState('');
  const [meldingDate, setMeldingDate] = useState(todayIso);
  const [teamId, setTeamId] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (subjectName !== undefined) headingRef.current?.focus();
  }, [subjectName, bsn]);

  useEffect(() => {
    let current = true;
    api.werkwijzen().then(
      (all) => {
        if (!current) return;
        const active = all.filter((w) => w.status === 'active');
        setWerkwijzen(active);
        setWerkwijzeId((chosen) => chosen || (active[0]?.werkwijzeId ?? ''));
      },
      (error: unknown) => current && setWerkwijzen(toProblem(error)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const active = Array.isArray(werkwijzen) ? werkwijzen : [];
  const chosen = active.find((w) => w.werkwijzeId === werkwijzeId);
  const chosenVersion = chosen?.version;

  useEffect(() => {
    if (!werkwijzeId || chosenVersion === undefined) {
      setCaseTypes(null);
      return;
    }
    let current = true;
    setCaseTypes(null);
    api.werkwijze(werkwijzeId, chosenVersion).then(
      (detail) => current && setCaseTypes(Array.isArray(detail.definition.caseTypes) ? detail.definition.caseTypes : []),
      (error: unknown) => {
        if (!current) return;
        setCaseTypes([]);
        setProblem(toProblem(error));
      },
    );
    return () => {
      current = false;
    };
  }, [api, werkwijzeId, chosenVersion]);

  // Only case types of the law this person works under can be started under that purpose.
  const fitting = (caseTypes ?? []).filter((ct) => ct.law === purpose);
  const fittingIds = fitting.map((ct) => ct.id).join(',');

  useEffect(() => {
    const ids = fittingIds ? fittingIds.split(',') : [];
    setCaseTypeId((current) => (ids.includes(current) ? current : (ids[0] ?? '')));
  }, [fittingIds]);

  const purposeLabel = isPurpose(purpose) ? t(`purpose.${purpose}`) : '';
  const errorFor = (id: string) => errors.find((e) => e.id === id)?.message;
  const others = nameableMembers(household, bsn);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const found: FieldError[] = [];
    if (!purpose) found.push({ id: 'purpose', message: t('purpose.required') });
    if (!werkwijzeId) found.push({ id: 'start-werkwijze', message: t('startCase.error.werkwijze') });
    if (!caseTypeId) found.push({ id: 'start-caseType', message: t('startCase.error.caseType') });
    const dated = validateWith(meldingSchema, { meldingDate }, lang, { meldingDate: 'start-meldingDate' });
    if (!dated.ok) found.push(...dated.errors);
    setErrors(found);
    if (found.length > 0) {
      document.getElementById(found[0]?.id ?? '')?.focus();
      return;
    }
    const input: StartCaseInput = { werkwijzeId, caseTypeId, subjectBsn: bsn, meldingDate };
    if (members.length > 0) input.householdBsns = [bsn, ...members];
    if (teamId) input.teamId = teamId;
    setBusy(true);
    try {
      const started = await api.startCase(input);
      navigate(paths.caseFile(started.caseId));
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="start-case-heading" className="kern-section">
      <Heading2 id="start-case-heading" ref={headingRef} tabIndex={subjectName !== undefined ? -1 : undefined}>
        {subjectName !== undefined ? t('work.start.title', { name: subjectName }) : t('startCase.title')}
      </Heading2>
      <Paragraph>{subjectName !== undefined ? t('work.start.intro') : t('startCase.intro')}</Paragraph>
      <ErrorSummary errors={errors} />
      {problem && <ProblemAlert problem={problem} />}
      {!werkwijzen ? (
        <Loading />
      ) : !Array.isArray(werkwijzen) ? (
        <ProblemAlert problem={werkwijzen} />
      ) : active.length === 0 ? (
        <Paragraph>{t('startCase.werkwijze.none')}</Paragraph>
      ) : (
        <form className="kern-form" noValidate aria-labelledby="start-case-heading" onSubmit={(event) => void submit(event)}>
          <Field id="start-werkwijze" label={t('startCase.werkwijze')} error={errorFor('start-werkwijze')}>
            {(wiring) => (
              <Select {...wiring} name="werkwijze" value={werkwijzeId} onChange={(event) => setWerkwijzeId(event.target.value)}>
                {active.map((w) => (
                  <SelectOption key={w.werkwijzeId} value={w.werkwijzeId}>
                    {t('startCase.werkwijze.option', { name: w.name, version: w.version })}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <Field
            id="start-caseType"
            label={t('startCase.caseType')}
            hint={
              caseTypes && caseTypes.length > 0 && fitting.length === 0
                ? t('startCase.caseType.none', { purpose: purposeLabel })
                : t('startCase.caseType.hint', { purpose: purposeLabel })
            }
            error={errorFor('start-caseType')}
          >
            {(wiring) => (
              <Select {...wiring} name="caseType" value={caseTypeId} onChange={(event) => setCaseTypeId(event.target.value)}>
                {fitting.length === 0 && <SelectOption value="">{t('common.choose')}</SelectOption>}
                {(caseTypes ?? []).map((ct) => (
                  <SelectOption key={ct.id} value={ct.id} disabled={ct.law !== purpose}>
                    {`${ct.name} (${t(`purpose.${ct.law}`)})`}
                  </SelectOption>
                ))}
              </Select>
            )}
          </Field>
          <TextField
            id="start-meldingDate"
            label={t('startCase.meldingDate')}
            type="date"
            value={meldingDate}
            onChange={setMeldingDate}
            error={errorFor('start-meldingDate')}
          />
          {account.teams.length > 0 && (
            <Field id="start-team" label={t('startCase.team')}>
              {(wiring) => (
                <Select {...wiring} name="team" value={teamId} onChange={(event) => setTeamId(event.target.value)}>
                  <SelectOption value="">{t('startCase.team.none')}</SelectOption>
                  {account.teams.map((team) => (
                    <SelectOption key={team.id} value={team.id}>
                      {team.name}
                    </SelectOption>
                  ))}
                </Select>
              )}
            </Field>
          )}
          {others.length > 0 && (
            <Fieldset>
              <FieldsetLegend>{t('startCase.household')}</FieldsetLegend>
              {others.map((member) => (
                <FormField
                  key={member.bsn}
                  type="checkbox"
                  label={
                    <FormLabel htmlFor={`start-member-${member.bsn}`} type="checkbox" checked={members.includes(member.bsn)}>
                      {fullName(member.name)} ({t(`relation.${member.relation}`)}, BSN {member.bsn})
                    </FormLabel>
                  }
                  input={
                    <Checkbox
                      id={`start-member-${member.bsn}`}
                      name="householdBsns"
                      value={member.bsn}
                      checked={members.includes(member.bsn)}
                      onChange={(event) =>
                        setMembers((current) =>
                          event.target.checked ? [...current, member.bsn] : current.filter((b) => b !== member.bsn),
                        )
                      }
                    />
                  }
                />
              ))}
            </Fieldset>
          )}
          <ButtonGroup>
            <PrimaryActionButton type="submit" busy={busy} disabled={busy}>
              {t('startCase.submit')}
            </PrimaryActionButton>
            {onCancel && (
              <Button type="button" appearance="secondary-action-button" onClick={onCancel} disabled={busy}>
                {t('work.start.cancel')}
              </Button>
            )}
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
