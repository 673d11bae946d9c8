// What every translator reads: the design just before and after its command, the shell variables
// holding ids an earlier step created, and where each call runs (the owner account's profile and
// the resource's region).
import type { Command } from '../../model/command';
import type { Design, Vpc } from '../../model/schema';
import { isAwsId } from './ids';
import { profileVariable, shellQuote } from './shell';

export interface Context {
  before: Design;
  after: Design;
  created: Map<string, string>;
  unresolved: Set<string>;
  accounts: Set<string>;
}

export type Translator = (ctx: Context, command: Command) => string[];

export const byHand: Translator = (_ctx, c) => [
  `# no AWS CLI equivalent is generated for ${c.type}: make this change by hand`,
];

export function ref(ctx: Context, id: string): string {
  const variable = ctx.created.get(id);
  if (variable) return `"$${variable}"`;
  if (!isAwsId(id)) ctx.unresolved.add(id);
  return shellQuote(id);
}

/** The account number of a design account (its own id when it was drawn without one). */
export function accountNumber(ctx: Context, account: string): string {
  return ctx.before.accounts.find((a) => a.id === account)?.accountId ?? account;
}

/** `--profile … --region …` of a resource owned by `account` in `region`. */
export function at(ctx: Context, account: string, region: string): string {
  const number = accountNumber(ctx, account);
  ctx.accounts.add(number);
  return `--profile "$${profileVariable(number)}" --region ${shellQuote(region)}`;
}

/** Where calls on a VPC's resources run: its account, its region. */
export function where(ctx: Context, vpc: Vpc | undefined): string {
  if (!vpc) return '--profile "$PROFILE_UNKNOWN" --region REGION';
  return at(ctx, vpc.account, vpc.region);
}
