// Command-line parsing on node:util parseArgs (tokens mode), with every complaint worded in the seller's
// language: parseArgs's own errors are English and name no command, so we validate the tokens ourselves.
import { parseArgs } from 'node:util';
import { t } from '../../src/core/text';
import { runDateEnd } from '../../src/core/time';
import type { Lang } from '../../src/core/types';

/** Bad arguments: exit code 2, with a pointer to the command's --help. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string | null = null,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A failure the user can fix (missing file, unwritable output…): exit code 1, message only. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Options every command takes. */
export const COMMON_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
};

/** The --lang value, looked up before anything else so that even argument errors speak it. */
export function langFromArgv(argv: readonly string[]): { lang: Lang; invalid: string | null } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    let v: string | undefined;
    if (a === '--lang') v = argv[i + 1];
    else if (a.startsWith('--lang=')) v = a.slice('--lang='.length);
    else continue;
    if (v === 'id' || v === 'en') return { lang: v, invalid: null };
    return { lang: 'id', invalid: v ?? '' };
  }
  return { lang: 'id', invalid: null };
}

export function parseCommandArgs(
  command: string | null,
  argv: string[],
  spec: OptionSpec,
  lang: Lang,
): ParsedArgs {
  const tx = t('cli', lang).errors;
  const options = { ...COMMON_OPTIONS, ...spec };
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const seen = new Set<string>();
  for (const tok of tokens ?? []) {
    if (tok.kind !== 'option') continue;
    const def = options[tok.name];
    if (!def) throw new UsageError(tx.unknownOption(tok.rawName), command);
    if (seen.has(tok.name)) throw new UsageError(tx.repeated(tok.name), command);
    seen.add(tok.name);
    if (def.type === 'boolean' && tok.inlineValue)
      throw new UsageError(tx.noValueExpected(tok.name), command);
    if (def.type === 'string') {
      // "--out --lang en" must not take "--lang" as the file name.
      if (
        tok.value === undefined ||
        (!tok.inlineValue && tok.value.startsWith('-') && tok.value.length > 1)
      ) {
        throw new UsageError(tx.missingValue(tok.name), command);
      }
    }
  }
  return { values: values as ParsedArgs['values'], positionals };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function checkTimeZone(tz: string, lang: Lang, command: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz }).format(0);
  } catch {
    throw new UsageError(t('cli', lang).errors.badTimeZone(tz), command);
  }
  return tz;
}

/** The last instant of a local day, so that every order of that day counts (core's runDateEnd, as the menu's dated run). */
export function endOfLocalDay(text: string, timeZone: string, lang: Lang, command: string): number {
  const end = runDateEnd(text, timeZone);
  if (end === null) throw new UsageError(t('cli', lang).errors.badDate(text), command);
  return end;
}

export function positiveInt(value: string, option: string, lang: Lang, command: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(t('cli', lang).errors.badCount(option, value), command);
  }
  return Number(value);
}
