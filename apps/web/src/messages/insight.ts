/** Texts for steering and learning. Keys start with the module's prefix; `en` must have exactly the same keys. */
export const insightNl = {} satisfies Record<string, string>;

export const insightEn: Record<keyof typeof insightNl, string> = {};
