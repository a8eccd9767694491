// Derives the iWmo 3.2 return-message XSDs (302, 306, 308, 316, 318, 320, 325), which the reference
// set lacks, from their iJw 3.2 twins: same structure, iwmo namespaces, iWmo BerichtCode, iWmo XSD
// version 1.0.0, Wmo wording, and without the Jeugdwet-only GezagsdragerBekend (WMO315 has none
// either). Run: node packages/exchange/scripts/derive-iwmo-xsd.mjs <reference istandaarden dir>
import { readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ref = process.argv[2] ?? '/work/shared/reference/istandaarden';
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'xsd', 'iwmo');
mkdirSync(out, { recursive: true });
// Bericht codes per COD002 (Master overview iWmo XSD schema's).
const codes = { '302': ['437', '415'], '306': ['439', '419'], '308': ['441', '421'], '316': ['447', '445'], '318': ['487', '481'], '320': ['489', '483'], '325': ['491', '485'] };
for (const [nr, [jw, wmo]] of Object.entries(codes)) {
  let x = readFileSync(join(ref, 'ijw-3.2/xsd-normalized', `JW${nr}.xsd`), 'utf8');
  x = x
    .replaceAll('http://www.istandaarden.nl/ijw/3_2/', 'http://www.istandaarden.nl/iwmo/3_2/')
    .replace(/\bijw:/g, 'iwmo:')
    .replace(/xmlns:ijw=/g, 'xmlns:iwmo=')
    .replace(/\/jw(\d{3})\//g, '/wmo$1/')
    .replace(/\bjw(\d{3}):/g, 'wmo$1:')
    .replace(/xmlns:jw(\d{3})=/g, 'xmlns:wmo$1=')
    .replace(/<iwmo:standaard>ijw<\/iwmo:standaard>/, '<iwmo:standaard>iwmo</iwmo:standaard>')
    .replace(/<iwmo:bericht>jw(\d{3})<\/iwmo:bericht>/, '<iwmo:bericht>wmo$1</iwmo:bericht>')
    .replace(/(Xsd(?:Min|Max)?Versie>)0\.1\.0</g, '$11.0.0<')
    .replace(`<xs:pattern value="${jw}"/>`, `<xs:pattern value="${wmo}"/>`)
    .replaceAll('Jeugdhulp', 'Wmo-ondersteuning')
    .replace(/\s*<xs:element name="GezagsdragerBekend"[\s\S]*?<\/xs:element>/, '');
  if (/ijw|jw\d{3}/.test(x)) throw new Error(`WMO${nr}: iJw name left after derivation`);
  const header = `<!--\n  WMO${nr}.xsd: DERIVED by Kern, not published by Zorginstituut Nederland.\n  The iWmo 3.2 reference set lacks this return-message schema. It is derived mechanically from its\n  iJw 3.2 twin JW${nr}.xsd (xsd-normalized) by packages/exchange/scripts/derive-iwmo-xsd.mjs:\n  iwmo namespaces and prefixes, BerichtCode ${wmo} (iJw ${jw}), XSD version 1.0.0, Wmo wording,\n  GezagsdragerBekend (Jeugdwet only) removed. Structure per "Master overview iWmo XSD schema's".\n-->\n`;
  x = x.replace(/^(<\?xml[^>]*\?>\s*)/, `$1${header}`);
  writeFileSync(join(out, `WMO${nr}.xsd`), x);
}
for (const n of ['301', '305', '307', '315', '317', '319', '323', 'basisschema']) {
  const f = n === 'basisschema' ? 'basisschema.xsd' : `WMO${n}.xsd`;
  copyFileSync(join(ref, 'iwmo-3.2/xsd-normalized', f), join(out, f));
}
const jwOut = join(out, '..', 'ijw');
mkdirSync(jwOut, { recursive: true });
for (const n of ['301', '302', '305', '306', '307', '308', '315', '316', '317', '318', '319', '320', '323', '325', 'basisschema']) {
  const f = n === 'basisschema' ? 'basisschema.xsd' : `JW${n}.xsd`;
  copyFileSync(join(ref, 'ijw-3.2/xsd-normalized', f), join(jwOut, f));
}
