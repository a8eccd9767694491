import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { fontBytes } from './fonts';

/** Where text goes on a page, in PDF points (1/72 inch). A4 with 2 cm margins unless told. */
export interface PageLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  color: RGB;
}

const A4: PageLayout = { width: 595.28, height: 841.89, left: 56, right: 56, top: 60, bottom: 60, color: rgb(0, 0, 0) };

export interface TextStyle {
  size?: number;
  bold?: boolean;
  /** Extra left margin, in points. */
  indent?: number;
  /** Space above the first line. */
  before?: number;
  /** Space below the last line (default 2). */
  gap?: number;
  /** Distance between lines (default 1.45 x size). */
  lineHeight?: number;
}

export interface DocumentInfo {
  title: string;
  /** BCP 47, as a screen reader needs it: 'nl-NL' or 'en-GB'. */
  language: string;
  layout?: Partial<PageLayout>;
}

// The font computes its character set anew on every call (thousands of code points): once per font.
const characterSets = new WeakMap<PDFFont, ReadonlySet<number>>();
function characterSet(font: PDFFont): ReadonlySet<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

/**
 * Replaces what the font cannot draw, never fails on it: NFC first (so e + combining accent is one
 * letter), then a letter the font lacks becomes its base letter (NFD) and anything else '?'. With
 * DejaVu Sans that leaves only symbols such as emoji; a name from the BRP is drawn as written.
 */
export function drawable(font: PDFFont, text: string): string {
  const has = characterSet(font);
  return [...text.normalize('NFC')].map((ch) => {
    if (has.has(ch.codePointAt(0) ?? 0)) return ch;
    if (/\s/.test(ch)) return ' ';
    const base = ch.normalize('NFD')[0];
    return base !== undefined && base !== ch && has.has(base.codePointAt(0) ?? 0) ? base : '?';
  }).join('');
}

/**
 * Greedy line breaking. Each word is measured once per document (font, size) and a line is the
 * sum of its words and spaces: measuring every growing line again runs the font's shaping engine
 * per word (about a millisecond each), which made a plan of a few pages take seconds. Kerning
 * across a space is ignored, a fraction of a point.
 */
function wrap(font: PDFFont, size: number, text: string, width: number, widths: Map<string, number>): string[] {
  const measure = (w: string): number => {
    const key = `${size} ${w}`;
    let v = widths.get(key);
    if (v === undefined) {
      v = font.widthOfTextAtSize(w, size);
      widths.set(key, v);
    }
    return v;
  };
  const space = measure(' ');
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/\s+/)) {
    const wordWidth = measure(word);
    if (line && lineWidth + space + wordWidth > width) {
      lines.push(line);
      line = word;
      lineWidth = wordWidth;
    } else {
      lineWidth = line ? lineWidth + space + wordWidth : wordWidth;
      line = line ? `${line} ${word}` : word;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * The one PDF writer of Kern: text that flows from line to line and page to page, in an embedded
 * font with every letter of every name. Plans, offer letters, the debt overview and the citizen's
 * "my data" are all written with it.
 */
export class TextDocument {
  private page!: PDFPage;
  private y = 0;
  private readonly widths = { regular: new Map<string, number>(), bold: new Map<string, number>() };

  private constructor(
    private readonly doc: PDFDocument,
    private readonly layout: PageLayout,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
  ) {
    this.newPage();
  }

  static async create(info: DocumentInfo): Promise<TextDocument> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(info.title.normalize('NFC'));
    doc.setLanguage(info.language);
    doc.setCreator('Kern');
    const [regular, bold] = await Promise.all([
      doc.embedFont(await fontBytes('regular'), { subset: true }),
      doc.embedFont(await fontBytes('bold'), { subset: true }),
    ]);
    return new TextDocument(doc, { ...A4, ...info.layout }, { regular, bold });
  }

  private newPage(): void {
    this.page = this.doc.addPage([this.layout.width, this.layout.height]);
    this.y = this.layout.height - this.layout.top;
  }

  /** A paragraph, wrapped to the width of the page. An empty text is an empty line. */
  text(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 11;
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    const x = this.layout.left + (style.indent ?? 0);
    const width = this.layout.width - this.layout.right - x;
    const lineHeight = style.lineHeight ?? size * 1.45;
    this.y -= style.before ?? 0;
    for (const line of wrap(font, size, drawable(font, text), width, style.bold ? this.widths.bold : this.widths.regular)) {
      if (this.y < this.layout.bottom) this.newPage();
      if (line !== '') this.page.drawText(line, { x, y: this.y, size, font, color: this.layout.color });
      this.y -= lineHeight;
    }
    this.y -= style.gap ?? 2;
  }

  space(points = 8): void {
    this.y -= points;
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}

/** A plain document of text lines (letters, overviews): one paragraph per line. */
export async function renderTextPdf(title: string, lines: readonly string[], language = 'nl-NL'): Promise<Uint8Array> {
  const doc = await TextDocument.create({ title, language, layout: { left: 60, right: 60 } });
  for (const line of lines) doc.text(line, { size: 11, lineHeight: 16, gap: 0 });
  return doc.save();
}
