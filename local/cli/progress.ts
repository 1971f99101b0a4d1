// Progress on stderr. On a terminal: one line rewritten in place (at most ~10 times a second) with a bar.
// Elsewhere (CI logs, pipes): one line per phase, never a stream of percentages.

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export class Progress {
  private label = '';
  private last = 0;
  private shown = false;

  constructor(
    private readonly out: ProgressStream = process.stderr,
    private readonly enabled = true,
  ) {}

  private get tty(): boolean {
    return this.out.isTTY === true;
  }

  /** Starts a phase ("Membaca shop.csv"). */
  phase(label: string): void {
    if (!this.enabled) return;
    this.label = label;
    if (this.tty) this.draw(null);
    else this.out.write(`${label}…\n`);
  }

  /** Progress of the current phase, 0..1 (terminal only). */
  update(fraction: number): void {
    if (!this.enabled || !this.tty) return;
    const now = Date.now();
    if (now - this.last < 100 && fraction < 1) return;
    this.last = now;
    this.draw(Math.max(0, Math.min(1, fraction)));
  }

  /** Clears the line before other output (terminal), so messages never mix with the bar. */
  clear(): void {
    if (!this.enabled || !this.tty || !this.shown) return;
    this.out.write('\r\x1b[2K');
    this.shown = false;
  }

  private draw(fraction: number | null): void {
    const width = Math.max(10, Math.min(30, (this.out.columns ?? 80) - this.label.length - 12));
    let line = `${this.label}…`;
    if (fraction !== null) {
      const full = Math.round(fraction * width);
      line = `${this.label} [${'#'.repeat(full)}${' '.repeat(width - full)}] ${Math.floor(fraction * 100)}%`;
    }
    this.out.write(`\r\x1b[2K${line}`);
    this.shown = true;
  }
}
