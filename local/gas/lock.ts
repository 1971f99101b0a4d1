// LockService with real mutual exclusion between executions.
//
// An execution is one server call (a menu action, a google.script.run call). A lock is held by an
// execution, not by a Lock object, and is released when the execution ends, as in Apps Script.
//
// Blocking: waitLock must block its caller. In-process executions (loadBundle → bundle.call) run on the
// only JS thread, so nobody else can release a lock while they wait: they get the lock at once or fail at
// once (tryLock → false, waitLock → Apps Script's timeout error). Concurrent executions (executions.ts) run
// each in a worker thread that really blocks while the main thread grants the lock to one of them at a time.
import { type CallCounter, defineGas, GasObject } from './counter';

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

/** Identifies the running execution; an in-process bundle bumps `id` for every call. */
export interface Execution {
  id: number;
}

interface Waiter {
  exec: number;
  grant: () => void;
}

export class LockManager {
  holder: number | null = null;
  private readonly waiters: Waiter[] = [];

  /** Re-entrant for the same execution. */
  tryNow(exec: number): boolean {
    if (this.holder === null || this.holder === exec) {
      this.holder = exec;
      return true;
    }
    return false;
  }

  /** Resolves true once `exec` holds the lock, false after `timeoutMs`. */
  acquire(exec: number, timeoutMs: number): Promise<boolean> {
    if (this.tryNow(exec)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        exec,
        grant: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(
        () => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          resolve(false);
        },
        Math.max(0, timeoutMs),
      );
      this.waiters.push(waiter);
    });
  }

  release(exec: number): void {
    if (this.holder !== exec) return;
    this.holder = null;
    const next = this.waiters.shift();
    if (next) {
      this.holder = next.exec;
      next.grant();
    }
  }
}

/** The document, script and per-user locks of one runtime. */
export class LockRegistry {
  readonly document = new LockManager();
  readonly script = new LockManager();
  private readonly users = new Map<string, LockManager>();

  user(email: string): LockManager {
    let m = this.users.get(email);
    if (!m) {
      m = new LockManager();
      this.users.set(email, m);
    }
    return m;
  }

  /** Apps Script releases an execution's locks when it ends. */
  releaseAll(exec: number): void {
    for (const m of [this.document, this.script, ...this.users.values()]) m.release(exec);
  }
}

export class LocalLock extends GasObject {
  private acquired = false;

  constructor(
    counter: CallCounter,
    private readonly manager: LockManager,
    private readonly exec: Execution,
  ) {
    super(counter);
  }

  hasLock(): boolean {
    return this.acquired && this.manager.holder === this.exec.id;
  }
  tryLock(timeoutInMillis: number): boolean {
    checkTimeout(timeoutInMillis, 'tryLock');
    this.acquired = this.manager.tryNow(this.exec.id);
    return this.acquired;
  }
  waitLock(timeoutInMillis: number): void {
    checkTimeout(timeoutInMillis, 'waitLock');
    this.acquired = this.manager.tryNow(this.exec.id);
    if (!this.acquired) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }
  releaseLock(): void {
    this.acquired = false;
    this.manager.release(this.exec.id);
  }

  override _asyncVariant(method: string): ((...args: unknown[]) => Promise<unknown>) | undefined {
    if (method === 'tryLock') {
      return async (timeout) => {
        this._counter.hit('Lock.tryLock');
        checkTimeout(timeout, 'tryLock');
        this.acquired = await this.manager.acquire(this.exec.id, timeout as number);
        return this.acquired;
      };
    }
    if (method === 'waitLock') {
      return async (timeout) => {
        this._counter.hit('Lock.waitLock');
        checkTimeout(timeout, 'waitLock');
        this.acquired = await this.manager.acquire(this.exec.id, timeout as number);
        if (!this.acquired) throw new Error(LOCK_TIMEOUT_MESSAGE);
      };
    }
    return undefined;
  }
}

function checkTimeout(t: unknown, method: string): void {
  if (typeof t !== 'number' || !Number.isFinite(t)) {
    throw new Error(
      `The parameters (${typeof t}) don't match the method signature for LockService.Lock.${method}.`,
    );
  }
}

export class LocalLockService extends GasObject {
  constructor(
    counter: CallCounter,
    private readonly locks: LockRegistry,
    private readonly exec: Execution,
    private readonly userEmail: string,
  ) {
    super(counter);
  }
  getDocumentLock(): LocalLock {
    return new LocalLock(this._counter, this.locks.document, this.exec);
  }
  getScriptLock(): LocalLock {
    return new LocalLock(this._counter, this.locks.script, this.exec);
  }
  getUserLock(): LocalLock {
    return new LocalLock(this._counter, this.locks.user(this.userEmail), this.exec);
  }
}

defineGas(LocalLock, 'Lock', [
  'hasLock',
  'tryLock',
  'waitLock',
  'releaseLock',
] satisfies (keyof GoogleAppsScript.Lock.Lock)[]);
defineGas(LocalLockService, 'LockService', [
  'getDocumentLock',
  'getScriptLock',
  'getUserLock',
] satisfies (keyof GoogleAppsScript.Lock.LockService)[]);
