/** Every CLI command, in the order `doichieu --help` lists them (DESIGN.md §5 first). */
import { ACCESS_COMMANDS } from './access';
import { AUDIT_COMMANDS } from './audit';
import { BACKUP_COMMANDS } from './backup';
import { CHIP_COMMANDS } from './chip';
import type { CliCommand } from './command';
import { DOCUMENT_COMMANDS } from './documents';
import { IDENTITY_COMMANDS } from './identity';
import { LIST_COMMANDS } from './lists';
import { PACKAGE_COMMANDS } from './packages';
import { REGISTRY_COMMANDS } from './registry';
import { SCANNER_COMMANDS } from './scanner';
import { USER_COMMANDS } from './users';
import { VACCINATION_COMMANDS } from './vaccination';

export const COMMANDS: readonly CliCommand[] = [
  ...IDENTITY_COMMANDS,
  ...REGISTRY_COMMANDS,
  ...LIST_COMMANDS,
  ...VACCINATION_COMMANDS,
  ...DOCUMENT_COMMANDS,
  ...PACKAGE_COMMANDS,
  ...AUDIT_COMMANDS,
  ...ACCESS_COMMANDS,
  ...SCANNER_COMMANDS,
  ...CHIP_COMMANDS,
  ...USER_COMMANDS,
  ...BACKUP_COMMANDS,
];
