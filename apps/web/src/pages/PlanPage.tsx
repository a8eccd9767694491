import { Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { householdApi } from '../api/household';
import type { Plan } from '../api/plans';
import { useApp } from '../app-context';
import { AssessmentPanel } from '../components/assessment/AssessmentPanel';
import { OfferingPanel } from '../components/offering/OfferingPanel';
import { PageTitle } from '../components/PageTitle';
import { PlanPanel } from '../components/plan/PlanPanel';
import { fullName } from '../format';
import { AppLink, paths } from '../router';

/**
 * One resident's plan (their household's), assessments and group offerings on one page: the same
 * components the household page embeds, for work outside the household view.
 */
export function PlanPage({ bsn }: { bsn: string }) {
  const { api, t, purpose } = useApp();
  const [members, setMembers] = useState<{ bsn: string; name: string }[] | undefined>(undefined);
  const [plan, setPlan] = useState<Plan | undefined>(undefined);
  useEffect(() => {
    if (!purpose) return;
    // The household's members, for opening a plan; without access the panels say so themselves.
    householdApi(api).view(bsn).then((v) => setMembers(v.members.flatMap((m) => (m.bsn && !m.livesElsewhere ? [{ bsn: m.bsn, name: fullName(m.name) }] : []))), () => setMembers(undefined));
  }, [api, bsn, purpose]);
  return (
    <>
      <PageTitle>{t('plan.page.title')}</PageTitle>
      <Paragraph><AppLink href={paths.resident(bsn)}>{t('household.view.back')}</AppLink></Paragraph>
      {!purpose ? <Paragraph>{t('purpose.required')}</Paragraph> : (
        <>
          <PlanPanel key={`plan-${purpose}`} bsn={bsn} onPlan={setPlan} {...(members ? { members } : {})} />
          <AssessmentPanel key={`asm-${purpose}`} bsn={bsn} />
          <OfferingPanel key={`off-${purpose}`} bsn={bsn} plan={plan} />
        </>
      )}
    </>
  );
}
