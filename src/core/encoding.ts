// How the bytes of a CSV export become text: the one rule, used by the CLI (local/files.ts) and by the
// upload page. Marketplaces write UTF-8 (with or without a byte-order mark); Excel on Windows saves "CSV"
// in Windows-1252 and "Unicode text" in UTF-16 with a BOM. So:
//   - a BOM decides: UTF-8, UTF-16 LE or UTF-16 BE (a UTF-32 BOM is refused, named);
//   - no BOM, and NUL bytes in every other position: UTF-16 without a BOM, refused (named): no spreadsheet
//     writes it, and guessing its byte order would garble every character if wrong;
//   - no BOM, and every byte sequence valid UTF-8: UTF-8;
//   - otherwise Windows-1252, and the caller tells the seller so (an ANSI file read as UTF-8 turns é and è
//     into the same �, and two customers into one).

/** TextDecoder exists in every runtime that reads files (browsers, Node); core declares only what it uses,
 *  rather than pulling DOM or Node types into its tsconfig. */
declare const TextDecoder: new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { decode(input?: Uint8Array): string };

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Encodings we recognise but refuse, by the name the seller reads. */
export type RefusedEncoding = 'UTF-16 LE' | 'UTF-16 BE' | 'UTF-32 LE' | 'UTF-32 BE' | 'UTF-8';

export type Sniffed =
  /** A byte-order mark of `bomBytes` bytes says the encoding. */
  | { kind: 'bom'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bomBytes: number }
  /** UTF-16 without a BOM, or UTF-32: refused. */
  | { kind: 'refused'; encoding: RefusedEncoding; bom: boolean }
  /** No mark: UTF-8 if every byte is, else Windows-1252 (see unmarkedEncoding). */
  | { kind: 'unmarked' };

/** Bytes looked at for the NUL pattern of UTF-16 without a BOM. */
export const SNIFF_BYTES = 4096;

/** What the first bytes of a file say (pass at least its first SNIFF_BYTES bytes, or all of a smaller file). */
export function sniffEncoding(head: Uint8Array): Sniffed {
  const [a, b, c, d] = head;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { kind: 'bom', encoding: 'utf-8', bomBytes: 3 };
  if (a === 0xff && b === 0xfe) {
    if (c === 0 && d === 0 && head.length >= 4) return { kind: 'refused', encoding: 'UTF-32 LE', bom: true };
    return { kind: 'bom', encoding: 'utf-16le', bomBytes: 2 };
  }
  if (a === 0xfe && b === 0xff) return { kind: 'bom', encoding: 'utf-16be', bomBytes: 2 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff)
    return { kind: 'refused', encoding: 'UTF-32 BE', bom: true };
  // Text in UTF-16 has a NUL in every other byte wherever it is ASCII (digits, commas, most letters).
  const n = Math.min(head.length, SNIFF_BYTES) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (pairs > 0 && oddNul * 4 >= pairs && oddNul > evenNul * 4)
    return { kind: 'refused', encoding: 'UTF-16 LE', bom: false };
  if (pairs > 0 && evenNul * 4 >= pairs && evenNul > oddNul * 4)
    return { kind: 'refused', encoding: 'UTF-16 BE', bom: false };
  return { kind: 'unmarked' };
}

/** The encoding of a file without a mark, given whether all its bytes are valid UTF-8. */
export function unmarkedEncoding(validUtf8: boolean): 'utf-8' | 'windows-1252' {
  return validUtf8 ? 'utf-8' : 'windows-1252';
}

export type Decoded =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; encoding: RefusedEncoding; bom: boolean };

/** A whole file's bytes as text (without its BOM), or the encoding refused. */
export function decodeText(bytes: Uint8Array): Decoded {
  const sniffed = sniffEncoding(bytes.subarray(0, SNIFF_BYTES));
  if (sniffed.kind === 'refused') return { ok: false, encoding: sniffed.encoding, bom: sniffed.bom };
  if (sniffed.kind === 'bom') {
    const body = bytes.subarray(sniffed.bomBytes);
    try {
      // The BOM promises the encoding: bytes that break it are a damaged file, not another encoding.
      const text = new TextDecoder(sniffed.encoding, { fatal: true, ignoreBOM: true }).decode(body);
      return { ok: true, text, encoding: sniffed.encoding };
    } catch {
      return { ok: false, encoding: refusedName(sniffed.encoding), bom: true };
    }
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ok: true, text: decodeWindows1252(bytes), encoding: unmarkedEncoding(false) };
  }
}

/** Windows-1252 bytes 0x80–0x9F, as the WHATWG Encoding Standard maps them (its five unassigned bytes
 *  stay the C1 controls); every other byte is the Latin-1 code point. Not TextDecoder('windows-1252'):
 *  Node 20.18.3 and later decode it as Latin-1 (nodejs/node#60888), turning ’ and € into controls. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/** Windows-1252 text, built in slices so a big file never makes one huge argument list. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const SLICE = 8192;
  const codes = new Array<number>(SLICE);
  for (let at = 0; at < bytes.length; at += SLICE) {
    const n = Math.min(SLICE, bytes.length - at);
    codes.length = n;
    for (let i = 0; i < n; i++) {
      const b = bytes[at + i];
      codes[i] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function refusedName(encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): RefusedEncoding {
  return encoding === 'utf-8' ? 'UTF-8' : encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
}
