// SheetJS's reader, built by build.mjs into the page as inert text (a <script type="text/plain">): the
// page evaluates it only when the seller picks an .xlsx file (lib.ts), so a CSV-only import and the page's
// first paint never parse its 280 KB. The mini build reads .xlsx, which is all we need of it.
import * as XLSX from '@e965/xlsx/dist/xlsx.mini.min.js';

(globalThis as { __kenaliXlsx?: unknown }).__kenaliXlsx = XLSX;
