// PropertiesService: string key/value stores. Document properties live with the spreadsheet (and are
// saved in the .xlsx); script and user properties live in the runtime. Apps Script's quotas apply:
// 9 KB per value, 500 KB per store.
import { type CallCounter, defineGas, GasObject } from './counter';

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;

function storeSize(map: Map<string, string>): number {
  let n = 0;
  for (const [k, v] of map) n += k.length + v.length;
  return n;
}

export class LocalProperties extends GasObject {
  constructor(
    counter: CallCounter,
    private readonly map: Map<string, string>,
  ) {
    super(counter);
  }

  getProperty(key: string): string | null {
    return this.map.get(String(key)) ?? null;
  }
  setProperty(key: string, value: string): this {
    this.put([[String(key), String(value)]], false);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.map);
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): this {
    this.put(
      Object.entries(properties).map(([k, v]) => [k, String(v)]),
      deleteAllOthers === true,
    );
    return this;
  }
  getKeys(): string[] {
    return [...this.map.keys()];
  }
  deleteProperty(key: string): this {
    this.map.delete(String(key));
    return this;
  }
  deleteAllProperties(): this {
    this.map.clear();
    return this;
  }

  private put(entries: [string, string][], replace: boolean): void {
    const next = new Map(replace ? [] : this.map);
    for (const [k, v] of entries) {
      if (v.length > VALUE_LIMIT) throw new Error('Argument too large: value');
      next.set(k, v);
    }
    if (storeSize(next) > STORE_LIMIT) {
      throw new Error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.map.clear();
    for (const [k, v] of next) this.map.set(k, v);
  }
}

export class LocalPropertiesService extends GasObject {
  constructor(
    counter: CallCounter,
    private readonly stores: {
      document: Map<string, string>;
      script: Map<string, string>;
      user: Map<string, string>;
    },
  ) {
    super(counter);
  }
  getDocumentProperties(): LocalProperties {
    return new LocalProperties(this._counter, this.stores.document);
  }
  getScriptProperties(): LocalProperties {
    return new LocalProperties(this._counter, this.stores.script);
  }
  getUserProperties(): LocalProperties {
    return new LocalProperties(this._counter, this.stores.user);
  }
}

defineGas(LocalProperties, 'Properties', [
  'getProperty',
  'setProperty',
  'getProperties',
  'setProperties',
  'getKeys',
  'deleteProperty',
  'deleteAllProperties',
] satisfies (keyof GoogleAppsScript.Properties.Properties)[]);
defineGas(LocalPropertiesService, 'PropertiesService', [
  'getDocumentProperties',
  'getScriptProperties',
  'getUserProperties',
] satisfies (keyof GoogleAppsScript.Properties.PropertiesService)[]);
