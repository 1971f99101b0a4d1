// One Rupiah format everywhere: what a money column of a Kenali sheet shows (its number format, as the
// local runtime displays it in an Indonesian spreadsheet) is what the sidebars write with formatRupiah.
import { describe, expect, it } from 'vitest';
import { displayValue } from '../../local/gas/numfmt';
import { formatRupiah } from '../../src/core/format';
import { NUMBER_FORMATS } from '../../src/core/table';

describe('Rupiah in the sheet and in the sidebar', () => {
  it('agree to the character, whole rupiah', () => {
    for (const n of [0, 7, 999, 1000, 131778.93, 1844905, 1976063.4, 1_000_000_000]) {
      const sheet = displayValue(n, NUMBER_FORMATS.money, 'Asia/Jakarta', 'id_ID', 'yyyy-mm-dd');
      expect(sheet).toBe(formatRupiah(n));
    }
  });
});
