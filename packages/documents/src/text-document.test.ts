import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fontBytes } from './fonts';
import { extractPdfText } from './testing/extract-text';
import { drawable, renderTextPdf, TextDocument } from './text-document';

const names = 'Çağlar Şahin, Łukasz Wałęsa, Ilkay Yıldız, Erdős Pál, € 12,50';

describe('the PDF font', () => {
  it("has a glyph for every code point of the BRP's names and the euro sign (Latin-1, Latin Extended-A)", async () => {
    const font = fontkit.create(await fontBytes('regular'));
    const bold = fontkit.create(await fontBytes('bold'));
    const letters = [...names, ...'ØøßŁłčČřŘžŽšŠőŐűŰğĞşŞıİ', ...Array.from({ length: 0x180 - 0xa0 }, (_, i) => String.fromCodePoint(0xa0 + i))];
    const missing = letters.filter((ch) => ch.trim() !== '' && !(font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0) && bold.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)));
    expect(missing).toEqual([]);
  });

  it('is needed: the standard WinAnsi font cannot draw these names', async () => {
    const doc = await PDFDocument.create();
    const helvetica = await doc.embedFont(StandardFonts.Helvetica);
    expect(() => helvetica.encodeText('Çağlar')).toThrow();
    expect(drawable(helvetica, names)).not.toBe(names);
  });
});

describe('a text document', () => {
  it('renders the names as written: the text read back from the PDF is the text put in', async () => {
    const doc = await TextDocument.create({ title: `Brief aan ${names}`, language: 'nl-NL' });
    doc.text(names, { bold: true });
    doc.text(names);
    const bytes = await doc.save();
    expect(await extractPdfText(bytes)).toEqual([names, names]);
    expect((await PDFDocument.load(bytes)).getTitle()).toBe(`Brief aan ${names}`);
  });

  it('draws what no font has as a question mark instead of failing, and a decomposed accent as one letter', async () => {
    const pdf = await renderTextPdf('Test', ['Buffer 💶 opbouwen', 'Rene\u0301e']);
    expect(await extractPdfText(pdf)).toEqual(['Buffer ? opbouwen', 'Renée']);
  });

  it('wraps long text and flows onto new pages, keeping every word', async () => {
    const words = Array.from({ length: 900 }, (_, i) => `woord${i}`);
    const doc = await TextDocument.create({ title: 'Lang', language: 'nl-NL' });
    doc.text(words.join(' '));
    expect(doc.pageCount).toBeGreaterThan(1);
    expect((await extractPdfText(await doc.save())).join(' ').split(' ')).toEqual(words);
  });
});
