/** Texts for the integral client view (household, consent, plans, assessments, offerings). Keys start with the module's prefix; `en` must have exactly the same keys. */
export const clientViewNl = {} satisfies Record<string, string>;

export const clientViewEn: Record<keyof typeof clientViewNl, string> = {};
