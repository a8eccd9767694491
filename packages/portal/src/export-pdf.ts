import { TextDocument } from '@kern/documents';
import type { MyData } from './contract';

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
  w.heading('Wie keek in mijn gegevens / Who looked at my data');
  for (const a of data.accessLog) {
    w.line(`${a.at.slice(0, 16).replace('T', ' ')} ${a.who === 'staff' ? [a.role, a.team].filter(Boolean).join(', ') : a.who}; doel ${a.purpose ?? '-'}; ${a.action} ${a.what}${a.outcome === 'denied' ? ' (geweigerd)' : ''}`);
  }
  return doc.save();
}
