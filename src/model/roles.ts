// The roles an account plays, derived from what the design puts in it (never stored).
import type { Design } from './schema';

export type AccountRole = 'appliance' | 'backup' | 'production' | 'repository';

/** The account Veeam deploys workers into by default: `backupAccount`, else the appliance's account. */
export function backupAccountOf(design: Design): string | undefined {
  if (design.backupAccount) return design.backupAccount;
  const applianceVpc = design.appliance && design.vpcs.find((v) => v.id === design.appliance?.vpc);
  return applianceVpc?.account;
}

export function accountRoles(design: Design): Map<string, AccountRole[]> {
  const roles = new Map<string, Set<AccountRole>>();
  const add = (account: string | undefined, role: AccountRole) => {
    if (!account) return;
    const set = roles.get(account) ?? new Set<AccountRole>();
    set.add(role);
    roles.set(account, set);
  };
  if (design.appliance) add(design.vpcs.find((v) => v.id === design.appliance?.vpc)?.account, 'appliance');
  add(backupAccountOf(design), 'backup');
  for (const op of design.operations) if (op.account) add(op.account, 'production');
  for (const repo of design.repositories) add(repo.account, 'repository');
  const order: AccountRole[] = ['appliance', 'backup', 'production', 'repository'];
  return new Map([...roles].map(([id, set]) => [id, order.filter((r) => set.has(r))]));
}
