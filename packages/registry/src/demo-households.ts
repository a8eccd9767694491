/**
 * Households from the GBA-V test set worth showing in a demo or driving a browser test, chosen
 * because together they exercise what the household view must get right: partners and children at
 * one address, children living at another address, and relatives registered in another
 * municipality (whom this municipality may not see). Seeds and e2e tests use these BSNs.
 */
export interface DemoHousehold {
  municipalityCode: '0518' | '0599';
  bsn: string;
  name: string;
  why: string;
}

export const DEMO_HOUSEHOLDS: readonly DemoHousehold[] = [
  {
    municipalityCode: '0599',
    bsn: '999999345',
    name: 'Johan Groot Esselink',
    why: 'Hofdijk 651, Rotterdam: partner Wilma Haverkamp and children Teun (2012), Daan (2013) and Hein (2020) at home; children Fien, Maud and Trix live at Spaanseweg 4',
  },
  {
    municipalityCode: '0599',
    bsn: '999992247',
    name: 'Kees Zaal',
    why: "Chabotlaan 12, Rotterdam: partner Josephina Maria Maassen and son Siebrand at home; son Reindert is registered in 's-Gravenhage, so Rotterdam sees him only from Kees's own record",
  },
  {
    municipalityCode: '0518',
    bsn: '999996538',
    name: 'Kevin de Boer',
    why: "Alphons Diepenbrockhof 48, 's-Gravenhage: partner Olivia Ghislaine Charbon and son Vincent Frederik Declan (2017), a young family",
  },
  {
    municipalityCode: '0518',
    bsn: '999993380',
    name: 'Nicole Petra Maassen',
    why: "Johan de Wittlaan 22, 's-Gravenhage: partner Reindert Zaal and twins Remi and Romeo (2002); her parents live in Rotterdam",
  },
];

/** BSNs of the demo households' subjects, for one municipality or all. */
export function demoHouseholdBsns(municipalityCode?: string): string[] {
  return DEMO_HOUSEHOLDS.filter((h) => municipalityCode === undefined || h.municipalityCode === municipalityCode).map((h) => h.bsn);
}
