/** Texts for work that fits the person (issue 15): starting a first melding from search. Keys start with `work.`; `en` must have exactly the same keys. */
export const workNl = {
  'work.search.actions': 'Acties',
  'work.search.start': 'Zaak starten',
  'work.search.startFor': 'voor {name}',
  'work.start.title': 'Zaak starten voor {name}',
  'work.start.intro': 'Een eerste melding kunt u vanuit het zoeken starten, ook voor een inwoner van wie u nog geen gegevens mag zien. Met de zaak krijgt uw team toegang. Huisgenoten noemt u daarna op de pagina van de inwoner.',
  'work.start.cancel': 'Annuleren',
} as const;

export const workEn: Record<keyof typeof workNl, string> = {
  'work.search.actions': 'Actions',
  'work.search.start': 'Start a case',
  'work.search.startFor': 'for {name}',
  'work.start.title': 'Start a case for {name}',
  'work.start.intro': 'You can start a first melding from search, also for a resident whose details you may not see yet. The case gives your team access. Name household members afterwards on the resident page.',
  'work.start.cancel': 'Cancel',
};
