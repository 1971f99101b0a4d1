// Utilities, Session and Logger.
import { createHash, randomUUID } from 'node:crypto';
import { isDate } from './cells';
import { type CallCounter, defineGas, GasObject, gasEnum } from './counter';
import { simpleDateFormat } from './simpledate';

export const DigestAlgorithm = gasEnum('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');
export const Charset = gasEnum('US_ASCII', 'UTF_8');

const HASHES: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** Apps Script's Byte[] is Java's: signed, -128..127. */
function toSigned(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

function bytesOf(value: unknown, charset: unknown): Buffer {
  if (Array.isArray(value)) return Buffer.from(value.map((b) => Number(b) & 255));
  const s = String(value);
  if (charset === Charset.US_ASCII) return Buffer.from(s.replace(/[^\x00-\x7f]/g, '?'), 'latin1');
  return Buffer.from(s, 'utf8');
}

/** A real, blocking sleep (Atomics.wait is allowed on Node's main thread). */
function blockingSleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const MAX_SLEEP = 300_000;

export class LocalUtilities extends GasObject {
  declare readonly DigestAlgorithm: typeof DigestAlgorithm;
  declare readonly Charset: typeof Charset;
  constructor(counter: CallCounter) {
    super(counter);
  }

  computeDigest(algorithm: string, value: unknown, charset?: string): number[] {
    const alg = HASHES[String(algorithm)];
    if (!alg) throw new Error(`Invalid argument: algorithm (${String(algorithm)})`);
    return toSigned(createHash(alg).update(bytesOf(value, charset)).digest());
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw new Error(
        `The parameters (${[date, timeZone, format].map((a) => (isDate(a) ? 'Date' : typeof a)).join(',')}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    if (Number.isNaN(date.getTime())) throw new Error('Invalid argument: date');
    return simpleDateFormat(date, timeZone, format);
  }
  sleep(milliseconds: number): void {
    blockingSleep(checkSleep(milliseconds));
  }
  getUuid(): string {
    return randomUUID();
  }
  base64Encode(data: unknown, charset?: string): string {
    return bytesOf(data, charset).toString('base64');
  }
  base64Decode(encoded: string): number[] {
    return toSigned(Buffer.from(String(encoded), 'base64'));
  }

  override _asyncVariant(method: string): ((...args: unknown[]) => Promise<unknown>) | undefined {
    if (method !== 'sleep') return undefined;
    return (ms) => {
      this._counter.hit('Utilities.sleep');
      const t = checkSleep(ms);
      return new Promise((resolve) => setTimeout(resolve, t));
    };
  }
}

function checkSleep(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
    throw new Error('Invalid argument: milliseconds');
  if (ms > MAX_SLEEP) throw new Error(`Sleep time must be at most ${MAX_SLEEP} milliseconds.`);
  return ms;
}

export class LocalUser extends GasObject {
  constructor(
    counter: CallCounter,
    private readonly email: string,
  ) {
    super(counter);
  }
  getEmail(): string {
    return this.email;
  }
}

export interface SessionInfo {
  user: string;
  userLocale: string;
  scriptTimeZone: string;
}

export class LocalSession extends GasObject {
  constructor(
    counter: CallCounter,
    private readonly info: SessionInfo,
  ) {
    super(counter);
  }
  getActiveUser(): LocalUser {
    return new LocalUser(this._counter, this.info.user);
  }
  getEffectiveUser(): LocalUser {
    return new LocalUser(this._counter, this.info.user);
  }
  getActiveUserLocale(): string {
    return this.info.userLocale;
  }
  getScriptTimeZone(): string {
    return this.info.scriptTimeZone;
  }
  getTemporaryActiveUserKey(): string {
    return createHash('sha1').update(this.info.user).digest('hex');
  }
}

/** Logger.log('x %s y', v): lines go to `sink` (the runtime's log). */
export class LocalLogger extends GasObject {
  constructor(
    counter: CallCounter,
    private readonly sink: string[],
  ) {
    super(counter);
  }
  log(data: unknown, ...values: unknown[]): this {
    let line: string;
    if (typeof data === 'string' && values.length > 0) {
      let k = 0;
      line = data.replace(/%[sdf]/g, (m) => (k < values.length ? show(values[k++]) : m));
    } else line = show(data);
    this.sink.push(line);
    return this;
  }
  getLog(): string {
    return this.sink.map((l) => `${l}\n`).join('');
  }
  clear(): void {
    this.sink.length = 0;
  }
}

export function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  if (isDate(v)) return v.toString();
  if (typeof v === 'object' && v !== null) {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

defineGas(
  LocalUtilities,
  'Utilities',
  [
    'computeDigest',
    'formatDate',
    'sleep',
    'getUuid',
    'base64Encode',
    'base64Decode',
  ] satisfies (keyof GoogleAppsScript.Utilities.Utilities)[],
  { DigestAlgorithm, Charset },
);
defineGas(LocalUser, 'User', ['getEmail'] satisfies (keyof GoogleAppsScript.Base.User)[]);
defineGas(LocalSession, 'Session', [
  'getActiveUser',
  'getEffectiveUser',
  'getActiveUserLocale',
  'getScriptTimeZone',
  'getTemporaryActiveUserKey',
] satisfies (keyof GoogleAppsScript.Base.Session)[]);
defineGas(LocalLogger, 'Logger', ['log', 'getLog', 'clear'] satisfies (keyof GoogleAppsScript.Base.Logger)[]);
