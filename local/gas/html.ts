// HtmlService: pages are the built dist/<name>.html files, exactly what clasp pushes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CallCounter, defineGas, GasObject, gasEnum } from './counter';
import type { DialogRecord } from './ui';

export const SandboxMode = gasEnum('EMULATED', 'IFRAME', 'NATIVE');
export const XFrameOptionsMode = gasEnum('ALLOWALL', 'DEFAULT');

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class LocalHtmlOutput extends GasObject {
  content: string;
  title = '';
  width: number | null = null;
  height: number | null = null;
  sandboxMode: string = SandboxMode.IFRAME;
  xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  faviconUrl = '';
  readonly metaTags: { name: string; content: string }[] = [];
  /** The file it came from ('Naming' for createHtmlOutputFromFile('Naming')), else null. */
  readonly fileName: string | null;

  constructor(counter: CallCounter, content: string, fileName: string | null = null) {
    super(counter);
    this.content = content;
    this.fileName = fileName;
  }

  getContent(): string {
    return this.content;
  }
  setContent(content: string): this {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this.content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = String(title);
    return this;
  }
  getWidth(): number {
    return this.width ?? 0;
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  getHeight(): number {
    return this.height ?? 0;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  setSandboxMode(mode: string): this {
    this.sandboxMode = String(mode);
    return this;
  }
  setXFrameOptionsMode(mode: string): this {
    this.xFrameOptionsMode = String(mode);
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getFaviconUrl(): string {
    return this.faviconUrl;
  }
  setFaviconUrl(iconUrl: string): this {
    this.faviconUrl = String(iconUrl);
    return this;
  }

  _record(kind: DialogRecord['kind'], title: string): DialogRecord {
    return {
      kind,
      title,
      content: this.content,
      width: this.width,
      height: this.height,
      fileName: this.fileName,
    };
  }
}

export class LocalHtmlService extends GasObject {
  declare readonly SandboxMode: typeof SandboxMode;
  declare readonly XFrameOptionsMode: typeof XFrameOptionsMode;
  constructor(
    counter: CallCounter,
    /** Where createHtmlOutputFromFile looks: dist/ by default. */
    readonly htmlDir: string,
  ) {
    super(counter);
  }
  createHtmlOutput(html?: string): LocalHtmlOutput {
    return new LocalHtmlOutput(this._counter, html === undefined ? '' : String(html));
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
  'getContent',
  'setContent',
  'append',
  'appendUntrusted',
  'clear',
  'getTitle',
  'setTitle',
  'getWidth',
  'setWidth',
  'getHeight',
  'setHeight',
  'setSandboxMode',
  'setXFrameOptionsMode',
  'addMetaTag',
  'getFaviconUrl',
  'setFaviconUrl',
] satisfies (keyof GoogleAppsScript.HTML.HtmlOutput)[]);
defineGas(
  LocalHtmlService,
  'HtmlService',
  ['createHtmlOutput', 'createHtmlOutputFromFile'] satisfies (keyof GoogleAppsScript.HTML.HtmlService)[],
  { SandboxMode, XFrameOptionsMode },
);
