// Texts for the cli area. Indonesian first; `en` must have the same keys (typed by `typeof id`).
const id = {};

const en: typeof id = {};

export const cli = { id, en };
