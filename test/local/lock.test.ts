// LockService: real mutual exclusion between concurrent executions (worker threads sharing one workbook).
// Without the lock a lost update happens; with it, it cannot.
import { runConcurrently } from '../../local/executions';
import { LOCK_TIMEOUT_MESSAGE, LocalLock, LockRegistry } from '../../local/gas/lock';
import { Runtime } from '../../local/gas/runtime';
import { LocalSpreadsheet } from '../../local/gas/spreadsheet';

const CODE = `
function increment(useLock, pauseMs) {
  var lock = LockService.getDocumentLock();
  if (useLock) lock.waitLock(10000);
  var cell = SpreadsheetApp.getActive().getSheetByName('S').getRange('A1');
  var before = cell.getValue();
  if (pauseMs) Utilities.sleep(pauseMs);
  cell.setValue(before + 1);
  if (useLock) {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
  return before;
}
function holdThenRelease(ms) {
  var lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  Utilities.sleep(ms);
  lock.releaseLock();
  return lock.hasLock();
}
function contend(delayMs) {
  Utilities.sleep(delayMs);
  var lock = LockService.getDocumentLock();
  var tried = lock.tryLock(100);
  var waited;
  try { lock.waitLock(100); waited = 'acquired'; } catch (e) { waited = e.name + ': ' + e.message; }
  return [tried, waited, lock.hasLock()];
}
function keepLock() {
  LockService.getDocumentLock().waitLock(1000);
  return 'forgot to release';
}
function waitForLock() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(5000);
  return lock.hasLock();
}
function spin() { for (;;) {} }
`;

function counterRuntime(): Runtime {
  const ss = new LocalSpreadsheet({ sheets: ['S'] });
  ss.sheet('S').getRange('A1').setValue(0);
  return new Runtime({ workbook: ss });
}

const value = (rt: Runtime) => rt.workbook.readValues('S')[0][0];

describe('concurrent executions and the document lock', () => {
  it('without the lock, two interleaved read-modify-write executions lose an update', async () => {
    const rt = counterRuntime();
    const run = await runConcurrently(
      [
        { fn: 'increment', args: [false, 0] },
        { fn: 'increment', args: [false, 0] },
      ],
      { code: CODE, runtime: rt, schedule: 'lockstep' },
    );
    expect(run.outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(run.outcomes.map((o) => o.value)).toEqual([0, 0]); // both read 0 …
    expect(value(rt)).toBe(1); // … so one increment is lost
    const reads = run.trace.filter((t) => t.call === 'Range.getValue').map((t) => t.execution);
    expect(reads).toEqual([0, 1]);
  });

  it('with the lock, the same interleaving cannot lose an update', async () => {
    const rt = counterRuntime();
    const run = await runConcurrently(
      [
        { fn: 'increment', args: [true, 0] },
        { fn: 'increment', args: [true, 0] },
      ],
      { code: CODE, runtime: rt, schedule: 'lockstep' },
    );
    expect(run.outcomes.map((o) => o.value).sort()).toEqual([0, 1]);
    expect(value(rt)).toBe(2);
    // The second execution reads only after the first has written and released.
    const calls = run.trace.map((t) => `${t.execution}:${t.call}`);
    const firstRelease = calls.findIndex((c) => c.endsWith('Lock.releaseLock'));
    const secondRead = calls.findIndex(
      (c, i) => i > 0 && c.endsWith('Range.getValue') && c !== calls[calls.indexOf(c)],
    );
    void secondRead;
    const reads = calls.filter((c) => c.endsWith('Range.getValue'));
    expect(calls.indexOf(reads[1])).toBeGreaterThan(firstRelease);
  });

  it('with the lock, many free-running executions with a pause inside the critical section all count', async () => {
    const rt = counterRuntime();
    const n = 6;
    const run = await runConcurrently(
      Array.from({ length: n }, () => ({ fn: 'increment', args: [true, 5] })),
      { code: CODE, runtime: rt, schedule: 'free' },
    );
    expect(run.outcomes.every((o) => o.ok)).toBe(true);
    expect(value(rt)).toBe(n);
    expect(run.outcomes.map((o) => o.value as number).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('tryLock returns false and waitLock throws Apps Script’s timeout while another execution holds the lock', async () => {
    const rt = counterRuntime();
    const run = await runConcurrently(
      [
        { fn: 'holdThenRelease', args: [600] },
        { fn: 'contend', args: [100] },
      ],
      { code: CODE, runtime: rt, schedule: 'free' },
    );
    expect(run.outcomes[0]).toMatchObject({ ok: true, value: false });
    expect(run.outcomes[1].value).toEqual([false, `Exception: ${LOCK_TIMEOUT_MESSAGE}`, false]);
  });

  it('a lock still held when an execution ends is released (a waiting execution gets it)', async () => {
    const rt = counterRuntime();
    const run = await runConcurrently([{ fn: 'keepLock' }, { fn: 'waitForLock' }], {
      code: CODE,
      runtime: rt,
      schedule: 'lockstep',
    });
    expect(run.outcomes.map((o) => o.value)).toEqual(['forgot to release', true]);
    expect(rt.locks.document.holder).toBeNull();
  });

  it('stops an execution that runs too long, as Apps Script does', async () => {
    const run = await runConcurrently([{ fn: 'spin' }], {
      code: CODE,
      runtime: counterRuntime(),
      timeoutMs: 300,
    });
    expect(run.outcomes[0]).toMatchObject({
      ok: false,
      error: { message: 'Exceeded maximum execution time' },
    });
  });

  it('reports a missing function and an error thrown by the script', async () => {
    const run = await runConcurrently([{ fn: 'nope' }, { fn: 'increment', args: [false, -1] }], {
      code: CODE,
      runtime: counterRuntime(),
    });
    expect(run.outcomes[0]).toMatchObject({
      ok: false,
      error: { message: 'Script function not found: nope' },
    });
    expect(run.outcomes[1]).toMatchObject({
      ok: false,
      error: { name: 'Exception', message: 'Invalid argument: milliseconds' },
    });
  });
});

describe('locks within one thread (in-process executions)', () => {
  it('a lock held by another execution cannot be waited for: tryLock → false, waitLock → timeout error', () => {
    const locks = new LockRegistry();
    const counter = new LocalSpreadsheet().counter;
    const a = new LocalLock(counter, locks.document, { id: 1 });
    const b = new LocalLock(counter, locks.document, { id: 2 });
    expect(a.tryLock(100)).toBe(true);
    expect([a.hasLock(), b.hasLock()]).toEqual([true, false]);
    expect(b.tryLock(100)).toBe(false);
    expect(() => b.waitLock(100)).toThrow(LOCK_TIMEOUT_MESSAGE);
    a.releaseLock();
    expect(b.tryLock(0)).toBe(true);
    locks.releaseAll(2);
    expect(locks.document.holder).toBeNull();
  });
});
