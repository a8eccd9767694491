/** Texts for provisions, contracting and the iStandaarden exchange. Keys start with the module's prefix; `en` must have exactly the same keys. */
export const exchangeNl = {} satisfies Record<string, string>;

export const exchangeEn: Record<keyof typeof exchangeNl, string> = {};
