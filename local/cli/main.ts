// `npm run kenali -- <command>`: Kenali on the command line (see `--help`). Exit codes: 0 done (problems
// with single rows are reported on stderr, the rest is still processed), 1 a fatal error (a file that
// cannot be read or holds no recognised export, an output that cannot be written), 2 bad arguments.
import { pathToFileURL } from 'node:url';
import { t } from '../../src/core/text';
import type { Lang } from '../../src/core/types';
import { FileError } from '../files';
import { CliError, langFromArgv, parseCommandArgs, UsageError } from './args';
import { COMMANDS, type Io } from './commands';
import { Progress } from './progress';
import { fileErrorMessage, termSafeLines } from './report';

/** The command word: the first argument that is neither --lang (with its value) nor --help. */
function splitCommand(argv: readonly string[]): { command: string | null; rest: string[] } {
  const rest = [...argv];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--lang') {
      i++;
      continue;
    }
    if (a.startsWith('--lang=') || a === '--help' || a === '-h') continue;
    if (a.startsWith('-')) return { command: null, rest };
    rest.splice(i, 1);
    return { command: a, rest };
  }
  return { command: null, rest };
}

export async function main(argv: string[], io: Io): Promise<number> {
  const { lang: chosen, invalid } = langFromArgv(argv);
  const lang: Lang = chosen;
  const tx = t('cli', lang);
  if (invalid !== null) {
    io.err(tx.errors.badLang(invalid));
    return 2;
  }
  const { command, rest } = splitCommand(argv);
  try {
    if (command === null) {
      const { values } = parseCommandArgs(null, rest, {}, lang);
      if (values.help === true || argv.length === 0) {
        io.out(tx.help.main);
        return argv.length === 0 ? 2 : 0;
      }
      throw new UsageError(tx.errors.noCommand);
    }
    const cmd = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!cmd) throw new UsageError(tx.errors.unknownCommand(command));
    const args = parseCommandArgs(command, rest, cmd.options, lang);
    if (args.values.help === true) {
      io.out(tx.help[command as keyof typeof tx.help]);
      return 0;
    }
    await cmd.run(args, lang, io);
    return 0;
  } catch (e) {
    io.progress.clear();
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(tx.errors.seeHelp(e.command ? `${e.command} ` : ''));
      return 2;
    }
    if (e instanceof FileError) {
      io.err(fileErrorMessage(e, lang));
      return 1;
    }
    if (e instanceof CliError) {
      io.err(termSafeLines(e.message));
      return 1;
    }
    io.err(e instanceof Error ? (process.env.KENALI_DEBUG ? String(e.stack) : e.message) : String(e));
    return 1;
  }
}

/** The CLI on this process's arguments and standard streams (the entry, and bin.mjs's bundle of it). */
export async function runFromProcess(): Promise<void> {
  const io: Io = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    progress: new Progress(process.stderr),
  };
  process.exitCode = await main(process.argv.slice(2), io);
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) await runFromProcess();
