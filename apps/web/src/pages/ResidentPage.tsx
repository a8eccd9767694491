import { Alert, DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { Household, Problem, Resident, ResidentAccess } from '../api';
import { useApp, useSession } from '../app-context';
import { Loading, ProblemAlert, toProblem } from '../components/Alerts';
import { BreakGlassForm } from '../components/BreakGlassForm';
import { HouseholdSection } from '../components/HouseholdSection';
import { PageTitle } from '../components/PageTitle';
import { RequestAccessForm } from '../components/RequestAccessForm';
import { StartCaseForm } from '../components/StartCaseForm';
import { formatAddress, fullName, genderKey } from '../format';
import { formatDate } from '../i18n';
import { AppLink, paths } from '../router';

interface Loaded {
  resident: { resident: Resident; access: ResidentAccess } | Problem;
  household: Household | Problem;
}

function isProblem(value: object): value is Problem {
  return 'status' in value && 'title' in value;
}

export function ResidentPage({ bsn }: { bsn: string }) {
  const { api, t, purpose } = useApp();
  const [data, setData] = useState<Loaded | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    if (!purpose) return;
    let current = true;
    setData(null);
    const settle = <T,>(promise: Promise<T>): Promise<T | Problem> => promise.catch((error: unknown) => toProblem(error));
    void Promise.all([settle(api.resident(bsn)), settle(api.household(bsn))]).then(([resident, household]) => {
      if (current) setData({ resident, household });
    });
    return () => {
      current = false;
    };
  }, [api, bsn, purpose, reloads]);

  const loaded = data && !isProblem(data.resident) ? data.resident : null;
  const denied = data && isProblem(data.resident) ? data.resident : null;

  return (
    <>
      <PageTitle focusSignal={reloads}>{loaded ? fullName(loaded.resident.name) : t('resident.title')}</PageTitle>
      <Paragraph>
        <AppLink href={paths.search}>{t('resident.back')}</AppLink>
      </Paragraph>
      {!purpose ? (
        <Alert type="warning" role="alert" className="kern-alert">
          <Paragraph>{t('purpose.required')}</Paragraph>
        </Alert>
      ) : !data ? (
        <Loading />
      ) : denied ? (
        <>
          <ProblemAlert problem={denied} />
          {/* Issue 22: a relation is asked for (someone else decides); break-the-glass stays for the emergency. */}
          {denied.status === 403 && denied.breakGlassPossible && <RequestAccessForm bsn={bsn} />}
          {denied.status === 403 && denied.breakGlassPossible && <BreakGlassForm bsn={bsn} onGranted={() => setReloads((n) => n + 1)} />}
        </>
      ) : loaded ? (
        <>
          {loaded.access.breakGlass && (
            <Alert type="warning" role="status" className="kern-alert kern-break-glass-banner">
              <Paragraph>
                <strong>{t('resident.breakGlassBanner')}</strong>
              </Paragraph>
            </Alert>
          )}
          <ResidentDetails resident={loaded.resident} access={loaded.access} />
          <Paragraph>
            <AppLink href={paths.household(bsn)}>{t('household.view.link')}</AppLink>
          </Paragraph>
          {/* provisions: decisions and allocations under the Wmo or the Jeugdwet */}
          {(purpose === 'wmo' || purpose === 'jeugdwet') && (
            <Paragraph>
              <AppLink href={paths.clientAllocations(bsn)}>{t('provisions.allocations.link')}</AppLink>
            </Paragraph>
          )}
          {isProblem(data.household) ? (
            <section aria-labelledby="household-heading" className="kern-section">
              <Heading2 id="household-heading">{t('household.title')}</Heading2>
              <ProblemAlert problem={data.household} />
            </section>
          ) : (
            <HouseholdSection household={data.household} />
          )}
          <StartCaseForm bsn={bsn} household={isProblem(data.household) ? [] : data.household.members} />
        </>
      ) : null}
    </>
  );
}

function ResidentDetails({ resident, access }: { resident: Resident; access: ResidentAccess }) {
  const { t, lang } = useApp();
  const { account } = useSession();
  const gender = resident.gender ? genderKey(resident.gender) : null;
  const municipality =
    resident.municipalityCode === account.municipality.code
      ? `${account.municipality.name} (${resident.municipalityCode})`
      : resident.municipalityCode;

  const rows: [string, string][] = [
    [t('resident.name'), fullName(resident.name)],
    [t('resident.bsn'), resident.bsn],
    [t('resident.birthDate'), resident.birthDate ? formatDate(resident.birthDate, lang) : t('common.unknown')],
    [t('resident.birthPlace'), resident.birthPlace ?? t('common.unknown')],
    [t('resident.gender'), gender ? t(gender) : (resident.gender ?? t('common.unknown'))],
    [t('resident.address'), resident.address ? formatAddress(resident.address) : t('resident.noAddress')],
    [t('resident.municipality'), municipality],
    [t('resident.deceased'), resident.deceased ? t('common.yes') : t('common.no')],
    [t('resident.basis'), access.basis],
  ];

  return (
    <section aria-labelledby="personal-heading" className="kern-section">
      <Heading2 id="personal-heading">{t('resident.personal')}</Heading2>
      <DataList>
        {rows.map(([key, value]) => (
          <DataListItem key={key}>
            <DataListKey>{key}</DataListKey>
            <DataListValue>{value}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
    </section>
  );
}
