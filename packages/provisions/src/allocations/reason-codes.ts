import type { Standard } from '../decisions/variant';

/**
 * RedenWijziging (iWmo WMO002 / iJw JZ002) and RedenBeeindiging (iWmo WMO588 / iJw JZ588), release
 * 3.2, with the link between them the code lists give. Code lists of a release are fixed for that
 * release; a new release adds a table here.
 */

export interface ChangeReason {
  nl: string;
  en: string;
  /** The RedenBeeindiging this change reason goes with when it ends the allocation, per standard. */
  ending: { iwmo: string | null; ijw: string | null };
}

/** RedenWijziging, identical in WMO002 and JZ002 except the ending it maps to. 01 is withdrawn since 3.1. */
export const changeReasons: Record<string, ChangeReason> = {
  '02': { nl: 'Cliënt overleden', en: 'Client died', ending: { iwmo: '02', ijw: '02' } },
  '03': { nl: 'Contractwijziging', en: 'Change of contract', ending: { iwmo: '36', ijw: '36' } },
  '04': { nl: 'Herbeoordeling: verlenging toewijzing', en: 'Reassessment: allocation extended', ending: { iwmo: null, ijw: null } },
  '05': { nl: 'Herbeoordeling: verkorting toewijzing', en: 'Reassessment: allocation shortened', ending: { iwmo: '36', ijw: '36' } },
  '06': { nl: 'Uitstroom naar ander domein', en: 'Outflow to another domain', ending: { iwmo: '39', ijw: '39' } },
  '07': { nl: 'Verhuizing naar een andere gemeente', en: 'Moved to another municipality', ending: { iwmo: '31', ijw: '35' } },
  '08': { nl: 'Wijziging leveringsvorm', en: 'Change of delivery form (to pgb)', ending: { iwmo: '36', ijw: '36' } },
  '09': { nl: 'Overstap naar andere aanbieder', en: 'Switch to another provider', ending: { iwmo: '38', ijw: '38' } },
  '10': { nl: 'Overgang naar nieuwe bekostigingssystematiek', en: 'Transition to a new funding system', ending: { iwmo: '36', ijw: '36' } },
  '11': { nl: 'Gemeentelijke herindeling', en: 'Municipal merger', ending: { iwmo: '36', ijw: '36' } },
  '12': { nl: 'Geïnitieerd door de aanbieder', en: 'Initiated by the provider', ending: { iwmo: '37', ijw: '37' } },
  '13': { nl: 'Verwijderd', en: 'Removed', ending: { iwmo: null, ijw: null } },
  '14': { nl: 'Administratieve correctie', en: 'Administrative correction', ending: { iwmo: null, ijw: null } },
};

/** RedenBeeindiging per standard (WMO588, JZ588). */
export const endingReasons: Record<Standard, Record<string, { nl: string; en: string }>> = {
  iwmo: {
    '02': { nl: 'Overlijden', en: 'Death' },
    '19': { nl: 'Levering volgens plan beëindigd', en: 'Delivery ended as planned' },
    '20': { nl: 'Levering is tijdelijk beëindigd', en: 'Delivery ended temporarily' },
    '21': { nl: 'Levering is eenzijdig door cliënt beëindigd', en: 'Delivery ended by the client' },
    '22': { nl: 'Levering is eenzijdig door aanbieder beëindigd', en: 'Delivery ended by the provider' },
    '23': { nl: 'Levering is in overeenstemming voortijdig beëindigd', en: 'Delivery ended early by agreement' },
    '31': { nl: 'Verhuizing naar een andere gemeente', en: 'Moved to another municipality' },
    '36': { nl: 'Geïnitieerd door de gemeente', en: 'Initiated by the municipality' },
    '37': { nl: 'In verband met wijzigingsverzoek', en: 'Because of a change request' },
    '38': { nl: 'Overstap naar andere aanbieder', en: 'Switch to another provider' },
    '39': { nl: 'Uitstroom naar ander domein', en: 'Outflow to another domain' },
  },
  ijw: {
    '02': { nl: 'Overlijden', en: 'Death' },
    '20': { nl: 'Levering is tijdelijk beëindigd', en: 'Delivery ended temporarily' },
    '31': { nl: 'Levering is volgens plan beëindigd', en: 'Delivery ended as planned' },
    '32': { nl: 'Voortijdig afgesloten, door cliënt', en: 'Ended early by the client' },
    '33': { nl: 'Voortijdig afgesloten, door aanbieder', en: 'Ended early by the provider' },
    '34': { nl: 'Voortijdig afgesloten, in overleg', en: 'Ended early by agreement' },
    '35': { nl: 'Voortijdig afgesloten, externe oorzaak', en: 'Ended early, external cause' },
    '36': { nl: 'Geïnitieerd door de gemeente', en: 'Initiated by the municipality' },
    '37': { nl: 'In verband met wijzigingsverzoek', en: 'Because of a change request' },
    '38': { nl: 'Overstap naar andere aanbieder', en: 'Switch to another provider' },
    '39': { nl: 'Uitstroom naar ander domein', en: 'Outflow to another domain' },
  },
};

export type ReasonCheck = { ok: true; changeReason: string | null; endingReason: string } | { ok: false; field: string; message: { nl: string; en: string } };

/** Reasons that change an allocation that keeps running (a new end date, volume or budget). */
export function checkChangeReason(reason: string): { ok: true } | { ok: false; message: { nl: string; en: string } } {
  if (reason === '01') return { ok: false, message: { nl: 'Reden 01 is vervallen sinds release 3.1; gebruik 14 (administratieve correctie).', en: 'Reason 01 is withdrawn since release 3.1; use 14 (administrative correction).' } };
  if (reason === '13') return { ok: false, message: { nl: 'Reden 13 (verwijderd) is voor het intrekken van een toewijzing, niet voor een wijziging.', en: 'Reason 13 (removed) withdraws an allocation; it is not a change.' } };
  if (!changeReasons[reason]) return { ok: false, message: { nl: `Reden wijziging ${reason} bestaat niet (WMO002/JZ002).`, en: `Change reason ${reason} does not exist (WMO002/JZ002).` } };
  return { ok: true };
}

/**
 * An ending: a RedenBeeindiging valid for the standard, and the RedenWijziging the municipality
 * sends with it. When only one is given the other follows from the code lists where they name
 * exactly one; a pair the code lists do not link is refused.
 */
export function resolveEndingReasons(standard: Standard, given: { changeReason?: string | null | undefined; endingReason?: string | null | undefined }): ReasonCheck {
  const change = given.changeReason ?? null;
  let ending = given.endingReason ?? null;
  if (change !== null) {
    const c = checkChangeReason(change);
    if (!c.ok) return { ok: false, field: 'changeReason', message: c.message };
  }
  if (ending !== null && !endingReasons[standard][ending]) {
    const list = Object.keys(endingReasons[standard]).join(', ');
    return { ok: false, field: 'endingReason', message: { nl: `Reden beëindiging ${ending} bestaat niet in ${standard === 'iwmo' ? 'WMO588' : 'JZ588'} (${list}).`, en: `Ending reason ${ending} does not exist in ${standard === 'iwmo' ? 'WMO588' : 'JZ588'} (${list}).` } };
  }
  if (ending === null) {
    if (change === null) return { ok: false, field: 'endingReason', message: { nl: 'Geef een reden beëindiging of een reden wijziging.', en: 'Give an ending reason or a change reason.' } };
    ending = changeReasons[change]?.ending[standard] ?? null;
    if (ending === null) {
      return { ok: false, field: 'endingReason', message: { nl: `Reden wijziging ${change} beëindigt geen toewijzing vanzelf; geef de reden beëindiging.`, en: `Change reason ${change} does not end an allocation by itself; give the ending reason.` } };
    }
    return { ok: true, changeReason: change, endingReason: ending };
  }
  const linked = Object.entries(changeReasons).filter(([, r]) => r.ending[standard] === ending).map(([code]) => code);
  if (change !== null && linked.length > 0 && !linked.includes(change)) {
    return { ok: false, field: 'changeReason', message: { nl: `Reden beëindiging ${ending} hoort bij reden wijziging ${linked.join(' of ')}, niet bij ${change}.`, en: `Ending reason ${ending} goes with change reason ${linked.join(' or ')}, not with ${change}.` } };
  }
  if (change !== null && linked.length === 0 && change !== '14') {
    return { ok: false, field: 'changeReason', message: { nl: `Reden beëindiging ${ending} gaat niet samen met reden wijziging ${change}.`, en: `Ending reason ${ending} does not go with change reason ${change}.` } };
  }
  return { ok: true, changeReason: change ?? (linked.length === 1 ? (linked[0] ?? null) : null), endingReason: ending };
}
