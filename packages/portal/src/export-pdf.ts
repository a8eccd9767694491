import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { MyData } from './portal.schema';

/**
 * The AVG right of access as a PDF a resident can keep or print: the same content as the JSON
 * download, laid out as plain text. Standard PDF fonts encode WinAnsi only, so characters outside
 * it are replaced rather than dropped silently (the JSON download has them exactly).
 */
const winAnsi = (s: string): string => s.normalize('NFC').replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

class Writer {
  private page: PDFPage;
  private y: number;
  constructor(private readonly doc: PDFDocument, private readonly font: PDFFont, private readonly bold: PDFFont) {
    this.page = doc.addPage([595, 842]);
    this.y = 800;
  }
  private ensure(space: number): void {
    if (this.y - space < 50) {
      this.page = this.doc.addPage([595, 842]);
      this.y = 800;
    }
  }
  heading(text: string): void {
    this.ensure(30);
    this.y -= 10;
    this.page.drawText(winAnsi(text), { x: 50, y: this.y, size: 14, font: this.bold, color: rgb(0, 0, 0) });
    this.y -= 20;
  }
  line(text: string): void {
    const words = winAnsi(text).split(' ');
    let current = '';
    const flush = () => {
      this.ensure(14);
      this.page.drawText(current, { x: 50, y: this.y, size: 10, font: this.font });
      this.y -= 14;
      current = '';
    };
    for (const w of words) {
      const next = current ? `${current} ${w}` : w;
      if (this.font.widthOfTextAtSize(next, 10) > 495 && current) {
        flush();
        current = w;
      } else current = next;
    }
    if (current || text === '') flush();
  }
}

export async function myDataPdf(data: MyData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Mijn gegevens - ${winAnsi(data.person.name)}`);
  doc.setLanguage('nl-NL');
  doc.setCreator('Kern');
  const w = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
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
