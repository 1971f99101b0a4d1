// The preview's workbook page: a cell's note is its tooltip, escaped like every workbook text.
import { LocalSpreadsheet } from '../../local/gas/spreadsheet';
import { workbookPage } from '../../local/preview/render';

describe('workbook page', () => {
  it('shows a note as the cell’s tooltip, as text', () => {
    const wb = new LocalSpreadsheet({ sheets: ['Orders'] });
    const sheet = wb.sheet('Orders');
    sheet.getRange('A1:B1').setValues([['order_sn', 'status']]);
    sheet.getRange('A1').setNote('Nomor pesanan "<b>kunci</b>"');
    const html = workbookPage({
      workbook: wb,
      workbookPath: '/tmp/x.xlsx',
      lang: 'id',
      sheet: 'Orders',
      message: null,
      menu: null,
      toasts: [],
      pending: null,
    });
    expect(html).toContain(
      'title="Nomor pesanan &quot;&lt;b&gt;kunci&lt;/b&gt;&quot;" data-note="">order_sn</td>',
    );
    expect(html).not.toContain('<b>kunci');
    expect(html).toMatch(/<td>status<\/td>/);
  });
});
