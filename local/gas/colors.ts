// Colours as Sheets reports them: lower-case '#rrggbb'. CSS names and '#rgb' are accepted on write.
const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  maroon: '#800000',
  navy: '#000080',
  teal: '#008080',
  olive: '#808000',
  lime: '#00ff00',
  aqua: '#00ffff',
  cyan: '#00ffff',
  fuchsia: '#ff00ff',
  magenta: '#ff00ff',
  pink: '#ffc0cb',
  brown: '#a52a2a',
};

/** '#ABC' → '#aabbcc', 'red' → '#ff0000', null → undefined (reset to `dflt`). Throws on nonsense. */
export function normalizeColor(color: string | null | undefined, dflt: string): string | undefined {
  if (color === null || color === undefined || color === '') return undefined;
  const c = String(color).trim().toLowerCase();
  let hex: string | undefined;
  if (/^#[0-9a-f]{6}$/.test(c)) hex = c;
  else if (/^#[0-9a-f]{3}$/.test(c)) hex = '#' + [...c.slice(1)].map((d) => d + d).join('');
  else hex = NAMED[c];
  if (!hex) throw new Error(`Invalid color: ${String(color)}`);
  return hex === dflt ? undefined : hex;
}
