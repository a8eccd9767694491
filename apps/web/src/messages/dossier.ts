/** Texts for the case dossier: the journal and what earlier steps recorded (issue 15). Keys start with `dossier.`; `en` must have exactly the same keys. */
export const dossierNl = {
  'dossier.journal': 'Vastgelegd per stap',
  'dossier.journal.intro': 'Wat bij elke stap is vastgelegd, het nieuwste eerst.',
  'dossier.journal.none': 'Nog niets vastgelegd.',
  'dossier.journal.entry': '{step}, door {actor} op {at}',
  'dossier.journal.moved': 'Daarna naar: {step}',
  'dossier.journal.empty': 'Bij deze stap zijn geen gegevens vastgelegd.',
  'dossier.journal.start': 'Zaak gestart',
  'dossier.earlier': 'Eerder vastgelegd in deze zaak',
  'dossier.earlier.intro': 'Wat eerdere stappen vastlegden, om bij deze stap te gebruiken.',
  'dossier.earlier.by': '{step} ({actor}, {at})',
  'dossier.value.empty': 'leeg',
  'dossier.prefill': 'Overgenomen uit beschikking {reference}: controleer en bevestig. U hoeft niets opnieuw in te vullen.',
} satisfies Record<string, string>;

export const dossierEn: Record<keyof typeof dossierNl, string> = {
  'dossier.journal': 'Recorded per step',
  'dossier.journal.intro': 'What was recorded at each step, newest first.',
  'dossier.journal.none': 'Nothing recorded yet.',
  'dossier.journal.entry': '{step}, by {actor} on {at}',
  'dossier.journal.moved': 'Then to: {step}',
  'dossier.journal.empty': 'Nothing was recorded at this step.',
  'dossier.journal.start': 'Case started',
  'dossier.earlier': 'Recorded earlier in this case',
  'dossier.earlier.intro': 'What earlier steps recorded, for use at this step.',
  'dossier.earlier.by': '{step} ({actor}, {at})',
  'dossier.value.empty': 'empty',
  'dossier.prefill': 'Taken from decision {reference}: check and confirm. You need not fill anything in again.',
};
