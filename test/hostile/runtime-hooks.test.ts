// The local runtime's fault injection (counter.failOn / counter.at) and its model of Sheets' 50,000-character
// cell limit: the failure suite relies on both, so both are checked here first.
import { CallCounter, LocalSpreadsheet, loadBundle, runConcurrently } from '../../local';

const CODE = `
function writeTwice() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('S');
  sheet.getRange(1, 1).setValue('first');
  sheet.getRange(2, 1).setValue('second');
  return 'done';
}
function writeAndRepair() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('S');
  try {
    sheet.getRange(1, 1).setValue('first');
    sheet.getRange(2, 1).setValue('second');
  } catch (e) {
    sheet.getRange(3, 1).setValue('repaired: ' + e.name);
    throw e;
  }
}
function writeLong(n) {
  var sheet = SpreadsheetApp.getActive().getSheetByName('S');
  sheet.getRange(1, 1, 1, 2).setValues([['ok', new Array(n + 1).join('x')]]);
}`;

function open() {
  const wb = new LocalSpreadsheet({ sheets: ['S'] });
  return { wb, bundle: loadBundle({ workbook: wb, code: CODE }) };
}

describe('CallCounter fault injection', () => {
  it('the nth matching call throws before it has any effect, once', () => {
    const c = new CallCounter();
    c.failOn('Range.setValue', 2);
    c.hit('Range.setValue');
    c.hit('Range.getValues');
    expect(() => c.hit('Range.setValue')).toThrow(/injected fault.*Range\.setValue/);
    expect(c.pendingFaults()).toBe(0);
    expect(() => c.hit('Range.setValue')).not.toThrow();
    expect(c.get('Range.setValue')).toBe(3); // a failed call was still made
  });

  it('matches by label, RegExp or predicate; rejects a bad nth', () => {
    const c = new CallCounter();
    c.failOn(/^Sheet\./, 1, { message: 'boom' });
    c.hit('Range.setValue');
    expect(() => c.hit('Sheet.getRange')).toThrow('boom [Sheet.getRange]');
    let seen = '';
    c.at(
      (l) => l.endsWith('flush'),
      1,
      (l) => {
        seen = l;
      },
    );
    c.hit('SpreadsheetApp.flush');
    expect(seen).toBe('SpreadsheetApp.flush');
    expect(() => c.failOn('x', 0)).toThrow(/nth/);
  });

  it('in a bundle: the write fails as an Exception and the first write stays; no later fault', () => {
    const { wb, bundle } = open();
    wb.counter.failOn('Range.setValue', 2);
    expect(() => bundle.call('writeTwice')).toThrow(/injected fault/);
    expect(wb.readValues('S')).toEqual([['first']]);
    expect(bundle.call('writeTwice')).toBe('done');
    expect(wb.readValues('S')).toEqual([['first'], ['second']]);
  });

  it('a plain fault lets the script’s catch block repair; a sticky one does not (a stopped execution)', () => {
    const a = open();
    a.wb.counter.failOn('Range.setValue', 2);
    expect(() => a.bundle.call('writeAndRepair')).toThrow();
    expect(a.wb.readValues('S')).toEqual([['first'], [''], ['repaired: Exception']]);

    const b = open();
    b.wb.counter.failOn('Range.setValue', 2, { sticky: true });
    expect(() => b.bundle.call('writeAndRepair')).toThrow();
    expect(b.wb.readValues('S')).toEqual([['first']]);
    expect(() => b.bundle.call('writeTwice')).toThrow(/injected fault/); // still dead
    b.wb.counter.clearFaults();
    expect(b.bundle.call('writeTwice')).toBe('done');
  });

  it('works for worker executions too (the main thread serves their calls)', async () => {
    const wb = new LocalSpreadsheet({ sheets: ['S'] });
    wb.counter.failOn('Range.setValue', 1);
    const run = await runConcurrently([{ fn: 'writeTwice' }], { workbook: wb, code: CODE });
    expect(run.outcomes[0].ok).toBe(false);
    expect(run.outcomes[0].error?.message).toMatch(/injected fault/);
    expect(wb.readValues('S')).toEqual([['']]);
  });
});

describe('Sheets’ 50,000-character cell limit', () => {
  it('50,000 characters fit; one more fails the whole write with Sheets’ message', () => {
    const { wb, bundle } = open();
    bundle.call('writeLong', 50_000);
    expect(String(wb.readValues('S')[0][1])).toHaveLength(50_000);
    wb.sheet('S').clearContents();
    expect(() => bundle.call('writeLong', 50_001)).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(wb.readValues('S')).toEqual([['']]); // nothing of that write landed, not even 'ok'
  });
});
