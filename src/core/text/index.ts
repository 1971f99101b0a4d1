// All user-facing text lives under src/core/text/: Indonesian first, English second.
// One file per area; each exports { id: {...}, en: {...} } with the same keys (TypeScript checks it).
import type { Lang } from '../types';
import { cli } from './cli';
import { columns } from './columns';
import { common } from './common';
import { importText } from './import';
import { lookup } from './lookup';
import { menu } from './menu';
import { naming } from './naming';
import { segments } from './segments';
import { selfcheck } from './selfcheck';
import { sheet } from './sheet';
import { store } from './store';
import { upload } from './upload';

export const texts = {
  menu,
  common,
  columns,
  import: importText,
  naming,
  lookup,
  segments,
  cli,
  sheet,
  upload,
  selfcheck,
  store,
};

export type Texts = typeof texts;

/** The text of one area in the seller's language. */
export function t<A extends keyof Texts>(area: A, lang: Lang): Texts[A]['id'] {
  return texts[area][lang] as Texts[A]['id'];
}

/** Indonesian unless the spreadsheet's locale is clearly another language (e.g. 'en_US'). */
export function langFromLocale(locale: string | null | undefined): Lang {
  if (!locale) return 'id';
  const l = locale.toLowerCase();
  return l.startsWith('id') || l.startsWith('in') ? 'id' : 'en';
}
