// Texts for the lookup area. Indonesian first; `en` must have the same keys (typed by `typeof id`).
const id = {};

const en: typeof id = {};

export const lookup = { id, en };
