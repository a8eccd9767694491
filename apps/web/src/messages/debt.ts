/** Texts for debt help. Keys start with the module's prefix; `en` must have exactly the same keys. */
export const debtNl = {} satisfies Record<string, string>;

export const debtEn: Record<keyof typeof debtNl, string> = {};
