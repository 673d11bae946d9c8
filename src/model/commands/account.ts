// Account commands.
import { defineCommand } from '../command';
import { named } from '../kinds';
import type { Account } from '../schema';
import { place, type Point } from './helpers';

export const addAccount = defineCommand<{ account: Account; at?: Point }>({
  type: 'account/add',
  describe: ({ account }) => `Added ${named('account', account)}`,
  perform: (design, { account, at }) =>
    design.accounts.some((a) => a.id === account.id)
      ? design
      : place({ ...design, accounts: [...design.accounts, account] }, account.id, at),
});
