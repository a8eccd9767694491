import { TextDocument } from '@kern/documents';
import type { HeldRecords, MyData } from './contract';

/**
 * The AVG right of access as a PDF a resident can keep or print: the same content as the JSON
 * download, laid out as plain text, in the shared documents font so every name is drawn as written.
 */
class Writer {
  constructor(private readonly doc: TextDocument) {}
  heading(text: string): void {
    this.doc.text(text, { size: 14, bold: true, before: 10, lineHeight: 20, gap: 0 });
  }
  line(text: string): void {
    this.doc.text(text, { size: 10, lineHeight: 14, gap: 0 });
  }
}

const euro = (cents: number | null): string => (cents === null ? '-' : `EUR ${(cents / 100).toFixed(2).replace('.', ',')}`);
const none = (w: Writer, list: readonly unknown[]): void => {
  if (list.length === 0) w.line('Geen.');
};

/** What each module holds, section by section, in the same order as the JSON. */
function heldRecords(w: Writer, h: HeldRecords): void {
  w.heading('Besluiten / Decisions');
  none(w, h.decisions);
  for (const d of h.decisions) {
    w.line(`${d.reference} (${d.law}) besloten op ${d.decidedOn}: ${d.outcome}; bezwaar tot en met ${d.objectionUntil}`);
    if (d.reasons) w.line(`   ${d.reasons}`);
    for (const p of d.provisions) w.line(`   Voorziening ${p.category}${p.productCode ? ` ${p.productCode}` : ''}: ${p.form}, ${p.validFrom} tot ${p.validTo ?? 'onbepaald'}`);
  }
  w.heading('Toewijzingen / Allocations');
  none(w, h.allocations);
  for (const a of h.allocations) w.line(`${a.toewijzingNummer} ${a.providerName}: categorie ${a.category}${a.productCode ? ` ${a.productCode}` : ''}, ${a.startDate} tot ${a.endDate ?? 'onbepaald'}${a.volume !== null ? `, ${a.volume} ${a.unit ?? ''} ${a.frequency ?? ''}`.trimEnd() : ''}; ${a.status}`);
  w.heading('Plannen / Plans');
  none(w, h.plans);
  for (const p of h.plans) {
    w.line(`Plan met regisseur ${p.coordinator}; leden: ${p.members.map((m) => m.name).join(', ')}`);
    for (const v of p.versions) {
      w.line(`   Versie ${v.version} (${v.state})${v.agreedByMe ? ', ik ging akkoord' : ''}`);
      for (const g of v.goals) w.line(`      Doel (${g.domain}): ${g.text} - ${g.status}`);
      for (const a of v.actions) w.line(`      Actie: ${a.text}${a.dueDate ? `, uiterlijk ${a.dueDate}` : ''} - ${a.status}`);
    }
    for (const c of p.changeRequests) w.line(`   Wijzigingsverzoek ${c.requestedAt.slice(0, 10)}: ${c.request}`);
  }
  w.heading('Metingen / Assessments');
  none(w, h.assessments);
  for (const a of h.assessments) w.line(`${a.assessedOn} ${a.instrumentId}: ${Object.entries(a.scores).map(([k, v]) => `${k} ${v}`).join(', ')}${a.note ? ` - ${a.note}` : ''}`);
  w.heading('Activiteiten / Offerings');
  none(w, h.enrolments);
  for (const e of h.enrolments) w.line(`${e.offeringName}: aangemeld ${e.enrolledOn}${e.endedOn ? `, gestopt ${e.endedOn}` : ''}; ${e.attendance.filter((x) => x.present).length} van ${e.attendance.length} keer aanwezig`);
  w.heading('Schuldhulp / Debt help');
  none(w, h.debtFiles);
  for (const f of h.debtFiles) {
    w.line(`${f.reference} bij ${f.teamName} (${f.contact}), aangevraagd ${f.requestDate}: ${f.status}`);
    for (const d of f.debts) w.line(`   ${d.creditorName} (${d.category}): gemeld ${euro(d.claimedCents)}, vastgesteld ${euro(d.verifiedCents)}; ${d.status}`);
    if (f.solution) w.line(`   Oplossing: ${f.solution.kind}, ${f.solution.status}, ${(f.solution.payoutBasisPoints / 100).toFixed(2)}% in ${f.solution.termMonths} maanden`);
  }
  w.heading('Toestemmingen / Consents');
  none(w, h.consents);
  for (const c of h.consents) w.line(`${c.givenAt.slice(0, 10)} voor ${c.purpose} met ${c.recipient} (${c.dataCategories.join(', ')})${c.inEffect ? '' : `, ingetrokken ${c.withdrawnAt?.slice(0, 10) ?? ''}`}`);
}

export async function myDataPdf(data: MyData): Promise<Uint8Array> {
  const doc = await TextDocument.create({ title: `Mijn gegevens - ${data.person.name}`, language: 'nl-NL', layout: { width: 595, height: 842, left: 50, right: 50, top: 42, bottom: 50 } });
  const w = new Writer(doc);
  w.heading(`Mijn gegevens / My data: ${data.person.name}`);
  w.line(`Gemaakt op / generated at ${data.generatedAt}`);
  w.heading('Basisregistratie Personen');
  if (data.registry) {
    w.line(`Naam: ${data.registry.name}`);
    w.line(`Geboortedatum: ${data.registry.birthDate ?? '-'}`);
    w.line(`Adres: ${data.registry.address ?? '-'}`);
  } else w.line('Niet gevonden in de BRP van deze gemeente.');
  w.heading('Zaken / Cases');
  if (data.cases.length === 0) w.line('Geen.');
  for (const c of data.cases) {
    w.line(`${c.reference} - ${c.title} (${c.law}): ${c.stepName}, ${c.status === 'open' ? 'loopt' : 'afgesloten'}; melding ${c.meldingDate}`);
    for (const t of c.terms) w.line(`   Termijn ${t.termId}: uiterlijk ${t.dueDate}${t.metDate ? `, gehaald op ${t.metDate}` : ''}`);
    for (const d of c.decisions) w.line(`   Besluit ${d.on}: ${d.outcome}${d.reason ? ` - ${d.reason}` : ''}; bezwaar tot en met ${d.objectionUntil}`);
  }
  w.heading('Aanvragen / Requests');
  if (data.requests.length === 0) w.line('Geen.');
  for (const r of data.requests) {
    w.line(`${r.createdAt.slice(0, 10)} ${r.status === 'draft' ? 'concept' : 'verstuurd'} - ${r.topic ?? '-'}${r.urgentSituations.length ? ` (spoed: ${r.urgentSituations.join(', ')})` : ''}`);
    if (r.description) w.line(`   ${r.description}`);
    for (const d of r.documents) w.line(`   Bestand: ${d.fileName} (${d.mediaType}, ${d.sizeBytes} bytes)`);
  }
  w.heading('Berichten / Messages');
  if (data.messages.length === 0) w.line('Geen.');
  for (const m of data.messages) w.line(`${m.sentAt.slice(0, 16).replace('T', ' ')} ${m.from === 'me' ? 'ik' : [m.role, m.team].filter(Boolean).join(', ') || 'gemeente'}: ${m.body}`);
  if (data.held) heldRecords(w, data.held);
  w.heading('Wie keek in mijn gegevens / Who looked at my data');
  for (const a of data.accessLog) {
    w.line(`${a.at.slice(0, 16).replace('T', ' ')} ${a.who === 'staff' ? [a.role, a.team].filter(Boolean).join(', ') : a.who}; doel ${a.purpose ?? '-'}; ${a.action} ${a.what}${a.outcome === 'denied' ? ' (geweigerd)' : ''}`);
  }
  return doc.save();
}
