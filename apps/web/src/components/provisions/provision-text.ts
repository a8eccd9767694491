import type { Allocation, GrantedProvision } from '../../api/provisions';
import { formatDate, type Lang, type MessageKey, type Translate } from '../../i18n';

export const UNITS = ['01', '04', '14', '16', '82', '83', '84'] as const;
export const FREQUENCIES = ['1', '2', '4', '6'] as const;
export const CHANGE_REASONS = ['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '14'] as const;
export const ENDING_REASONS = {
  iwmo: ['02', '19', '20', '21', '22', '23', '31', '36', '37', '38', '39'],
  ijw: ['02', '20', '31', '32', '33', '34', '35', '36', '37', '38', '39'],
} as const;

const isUnit = (u: string | null): u is (typeof UNITS)[number] => (UNITS as readonly (string | null)[]).includes(u);
const isFrequency = (f: string | null): f is (typeof FREQUENCIES)[number] => (FREQUENCIES as readonly (string | null)[]).includes(f);

export const euros = (cents: number, lang: Lang) => new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** "3 uur per week", "budget € 2.500,00", "pgb € 3.600,00" or "aspecifiek". */
export function sizeText(p: Pick<GrantedProvision, 'volume' | 'unit' | 'frequency' | 'budgetCents'> & { pgbAmountCents?: number | null; form?: string }, t: Translate, lang: Lang): string {
  if (p.form === 'pgb' && p.pgbAmountCents !== null && p.pgbAmountCents !== undefined) return `${t('provisions.form.pgb')}: ${euros(p.pgbAmountCents, lang)}`;
  if (p.volume !== null && isUnit(p.unit) && isFrequency(p.frequency)) return `${p.volume} ${t(`provisions.unit.${p.unit}`)} ${t(`provisions.frequency.${p.frequency}`)}`;
  if (p.budgetCents !== null) return euros(p.budgetCents, lang);
  return '—';
}

export function periodText(from: string, to: string | null, t: Translate, lang: Lang): string {
  return `${formatDate(from, lang)} – ${to ? formatDate(to, lang) : t('provisions.provision.open')}`;
}

export function productText(p: { category: string; productCode: string | null }): string {
  return p.productCode ? `${p.category} / ${p.productCode}` : p.category;
}

/** The reasons of an allocation's current state as "wijziging 09, beëindiging 38". */
export function reasonsText(a: Pick<Allocation, 'changeReason' | 'endingReason'>, t: Translate): string {
  const parts: string[] = [];
  if (a.changeReason) parts.push(t('provisions.reasons.change', { code: a.changeReason }));
  if (a.endingReason) parts.push(t('provisions.reasons.ending', { code: a.endingReason }));
  return parts.join(', ') || '—';
}

export const changeReasonKey = (code: (typeof CHANGE_REASONS)[number]): MessageKey => `provisions.reason.${code}`;
export const endingReasonKey = (standard: 'iwmo' | 'ijw', code: string): MessageKey => `provisions.ending.${standard}.${code}` as MessageKey;

/** "3.600,00" or "3600.00" into cents; null when it is no amount. */
export function parseEuroCents(text: string): number | null {
  const clean = text.trim().replace(/\s|€/g, '');
  if (!/^\d{1,9}([.,]\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean.replace(',', '.')) * 100);
}
