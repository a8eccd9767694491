/** Texts for letters (brieven): the beschikking letter on the case page. Keys start with `letters.`; `en` must have exactly the same keys. */
export const lettersNl = {
  'letters.title': 'Brieven',
  'letters.none': 'Er is nog geen brief gemaakt. De beschikkingsbrief wordt gemaakt zodra het besluit is vastgelegd.',
  'letters.caption': 'Brieven bij deze zaak',
  'letters.letter': 'Brief',
  'letters.made': 'Gemaakt op',
  'letters.delivery': 'Verzending',
  'letters.delivery.portal': 'In Mijn gemeente',
  'letters.delivery.print': 'Per post (afdrukken): de inwoner gebruikt Mijn gemeente niet',
  'letters.type.beschikking-toekenning': 'Beschikking: toekenning',
  'letters.type.beschikking-afwijzing': 'Beschikking: afwijzing',
  'letters.download': 'Download {title} (pdf)',
} as const;

export const lettersEn: Record<keyof typeof lettersNl, string> = {
  'letters.title': 'Letters',
  'letters.none': 'No letter has been made yet. The decision letter is made as soon as the decision is recorded.',
  'letters.caption': 'Letters on this case',
  'letters.letter': 'Letter',
  'letters.made': 'Made on',
  'letters.delivery': 'Delivery',
  'letters.delivery.portal': 'In Mijn gemeente',
  'letters.delivery.print': 'By post (print): the resident does not use Mijn gemeente',
  'letters.type.beschikking-toekenning': 'Decision: granted',
  'letters.type.beschikking-afwijzing': 'Decision: refused',
  'letters.download': 'Download {title} (pdf)',
};
