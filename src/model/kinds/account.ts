import type { Account } from '../schema';
import type { KindDescriptor } from './types';

export const account: KindDescriptor<'account'> = {
  kind: 'account',
  place: { in: 'design', list: 'accounts' },
  label: { singular: 'account', plural: 'accounts' },
  idPrefix: 'acct',
  references: [],
};

export function createAccount(p: { id: string; name?: string; accountId?: string }): Account {
  return { id: p.id, name: p.name ?? '', accountId: p.accountId ?? '' };
}
