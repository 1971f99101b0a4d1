// HtmlService: pages are the built dist/<name>.html files, exactly what clasp pushes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CallCounter, defineGas, GasObject } from './counter';
import type { DialogRecord } from './ui';

// Kenali calls createHtmlOutputFromFile(page).setTitle(…).setWidth(300) and hands it to showSidebar
// (src/gas/actions.ts, upload.ts, selfcheck.ts): only that is emulated (local/README.md).
export class LocalHtmlOutput extends GasObject {
  readonly content: string;
  title = '';
  width: number | null = null;
  /** The file it came from ('Naming' for createHtmlOutputFromFile('Naming')). */
  readonly fileName: string;

  constructor(counter: CallCounter, content: string, fileName: string) {
    super(counter);
    this.content = content;
    this.fileName = fileName;
  }

  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }

  _record(kind: DialogRecord['kind'], title: string): DialogRecord {
    return { kind, title, content: this.content, width: this.width, fileName: this.fileName };
  }
}

export class LocalHtmlService extends GasObject {
  constructor(
    counter: CallCounter,
    /** Where createHtmlOutputFromFile looks: dist/ by default. */
    readonly htmlDir: string,
  ) {
    super(counter);
  }
  createHtmlOutputFromFile(filename: string): LocalHtmlOutput {
    const base = String(filename).replace(/\.html$/, '');
    const path = join(this.htmlDir, `${base}.html`);
    if (!/^[\w\- .]+$/.test(base) || !existsSync(path))
      throw new Error(`No HTML file named ${filename} was found.`);
    return new LocalHtmlOutput(this._counter, readFileSync(path, 'utf8'), base);
  }
}

defineGas(LocalHtmlOutput, 'HtmlOutput', [
  'setTitle',
  'setWidth',
] satisfies (keyof GoogleAppsScript.HTML.HtmlOutput)[]);
defineGas(LocalHtmlService, 'HtmlService', [
  'createHtmlOutputFromFile',
] satisfies (keyof GoogleAppsScript.HTML.HtmlService)[]);
