// Texts for the segments area. Indonesian first; `en` must have the same keys (typed by `typeof id`).
const id = {};

const en: typeof id = {};

export const segments = { id, en };
