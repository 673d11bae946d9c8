// A new operation's defaults, and the sentence that says which were picked: the repository (the
// standard one), the archive repository (the archive-tier one, when the kind archives), the
// production account (when the kind reads one), and the backup account the workers deploy into
// when the design has not named one yet but its worker configurations all sit in another account
// than the appliance's.
import type { Command } from '../../../model/command';
import { addOperation } from '../../../model/commands/operation';
import { newId } from '../../../model/commands/element';
import { setDesignFields } from '../../../model/commands/design';
import { backupAccountOf } from '../../../model/roles';
import type { Design, Operation, OperationKind } from '../../../model/schema';
import { FIELD_LABELS, OPERATION_FIELDS, OPERATION_LABELS } from '../../panels/operation-fields';

export interface NewOperation {
  operation: Operation;
  commands: Command[];
  /** "Added EC2 archiving: repository “A”, archive repository “B”." */
  notice: string;
}

const named = (x: { id: string; name?: string }) => `“${x.name || x.id}”`;

/** The account every worker configuration sits in, when that is one account. */
function workersAccount(design: Design): string | undefined {
  const accounts = new Set(design.workerConfigurations.map((w) => w.account));
  return accounts.size === 1 ? [...accounts][0] : undefined;
}

export function newOperation(design: Design, kind: OperationKind): NewOperation {
  const fields = OPERATION_FIELDS[kind];
  const said: string[] = [];
  const commands: Command[] = [];

  let backup = backupAccountOf(design);
  const workers = workersAccount(design);
  if (!design.backupAccount && workers && workers !== backup) {
    // Veeam deploys workers into the backup account; the only place workers are configured is it.
    backup = workers;
    commands.push(setDesignFields({ fields: { backupAccount: workers } }));
    const account = design.accounts.find((a) => a.id === workers);
    said.push(`backup account ${account ? named(account) : workers} (it holds the worker configuration)`);
  }

  const standard = design.repositories.find((r) => r.tier === 'standard') ?? design.repositories[0];
  const archive = design.repositories.find((r) => r.tier === 'archive' && r.id !== standard?.id);
  // Production: an account that plays no other role, else any account but the backup one.
  const applianceAccount = design.vpcs.find((v) => v.id === design.appliance?.vpc)?.account;
  const candidates = design.accounts.filter((a) => a.id !== backup);
  const production =
    candidates.find(
      (a) => a.id !== applianceAccount && !design.repositories.some((r) => r.account === a.id),
    ) ?? candidates[0];
  const operation: Operation = {
    id: newId(design, `op-${kind}`),
    kind,
    workersIn: 'backup-account',
    restoreToOriginal: false,
  };
  if (fields.includes('account') && production) {
    operation.account = production.id;
    said.push(`${FIELD_LABELS.account.toLowerCase()} ${named(production)}`);
  }
  if (fields.includes('repository') && standard) {
    operation.repository = standard.id;
    said.push(`repository ${named(standard)}`);
  }
  if (fields.includes('archiveRepository') && archive) {
    operation.archiveRepository = archive.id;
    said.push(`archive repository ${named(archive)}`);
  }
  commands.unshift(addOperation({ operation }));
  const notice = said.length
    ? `Added ${OPERATION_LABELS[kind]}, picked ${said.join(', ')}. Change them in its form.`
    : `Added ${OPERATION_LABELS[kind]}.`;
  return { operation, commands, notice };
}
