/** `doichieu --help` (every command, one line each) and `doichieu <command> --help` (its options and an example). */
import { translate, type Locale } from '../../shared/i18n';
import { COMMON_OPTIONS, type CliCommand, type CliOption } from './command';
import { COMMANDS } from './commands';

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(1, width - text.length));

function commandLines(locale: Locale, commands: readonly CliCommand[]): string[] {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return commands.map((c) => `  ${pad(c.name, width)}${translate(locale, c.summary)}`);
}

/** The list of every command. */
export function generalHelp(locale: Locale): string {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return [
    t('cli.help.title'),
    t('cli.usage'),
    '',
    `${t('cli.help.commands')}:`,
    ...commandLines(locale, COMMANDS),
    '',
    t('cli.help.environment'),
    t('cli.help.more'),
    '',
  ].join('\n');
}

/** The commands of one group (`doichieu list --help`). */
export function groupHelp(locale: Locale, commands: readonly CliCommand[]): string {
  return [
    `${translate(locale, 'cli.help.commands')}:`,
    ...commandLines(locale, commands),
    '',
    translate(locale, 'cli.help.more'),
    '',
  ].join('\n');
}

const optionLabel = (locale: Locale, name: string, option: CliOption) =>
  option.value ? `--${name} ${translate(locale, option.value)}` : `--${name}`;

/** One command: what it does, its synopsis, options and an example. */
export function commandHelp(locale: Locale, command: CliCommand): string {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const options = Object.entries({ ...command.options, ...COMMON_OPTIONS });
  const labels = options.map(([name, option]) => optionLabel(locale, name, option));
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  const own = Object.entries(command.options).map(([name, option]) => `[${optionLabel(locale, name, option)}]`);
  const synopsis = ['doichieu', command.name, ...(command.synopsis ? [t(command.synopsis)] : []), ...own].join(' ');
  return [
    synopsis,
    t(command.summary),
    '',
    `${t('cli.help.options')}:`,
    ...options.map(([, option], i) => `  ${pad(labels[i]!, width)}${t(option.help)}`),
    '',
    `${t('cli.help.example')}:`,
    `  doichieu ${command.example}`,
    '',
  ].join('\n');
}
