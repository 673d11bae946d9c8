// Inspector form for an account.
import { Badge, Chip, Group, Stack } from '@mantine/core';
import { setDesignFields } from '../../../model/commands/design';
import { accountRoles, backupAccountOf, type AccountRole } from '../../../model/roles';
import type { Account, Design } from '../../../model/schema';
import { accountIdError, TextField } from '../../panels/fields';
import { apply, set } from '../../inspector/helpers';
import { Section, Header, DeleteButton, LinkList } from '../../inspector/parts';

const ROLE_SOURCE: Record<AccountRole, string> = {
  appliance: 'Holds the backup appliance',
  backup: 'Workers deploy here',
  production: 'An operation protects resources here (set in the operation)',
  repository: 'Holds a repository',
};

export function AccountForm({ account, design }: { account: Account; design: Design }) {
  const roles = accountRoles(design).get(account.id) ?? [];
  const isBackup = backupAccountOf(design) === account.id;
  return (
    <Stack gap="sm">
      <Header kind="Account" title={account.name} id={account.id} />
      <Group gap={4} data-testid="account-roles">
        {roles
          .filter((r) => r !== 'backup')
          .map((r) => (
            <Badge key={r} size="sm" variant="default" title={ROLE_SOURCE[r]}>
              {r}
            </Badge>
          ))}
        {/* The backup role is the one a user names; the others follow from what the account holds. */}
        <Chip
          size="xs"
          checked={isBackup}
          data-testid="role-backup"
          onChange={(on) =>
            apply([setDesignFields({ fields: { backupAccount: on ? account.id : undefined } })])
          }
          title={
            design.backupAccount
              ? 'Workers deploy into this account (set in the design)'
              : "The appliance's account is the backup account unless another is picked"
          }
        >
          backup
        </Chip>
      </Group>
      <TextField
        label="Name"
        value={account.name}
        onCommit={(name, burst) => set(account.id, { name }, burst)}
        testId="field-name"
      />
      <TextField
        label="AWS account id"
        value={account.accountId}
        check={accountIdError}
        mono
        onCommit={(accountId, burst) => set(account.id, { accountId }, burst)}
        testId="field-accountId"
      />
      <Section title="Contents">
        <LinkList
          items={[
            ...design.vpcs
              .filter((v) => v.account === account.id)
              .map((v) => ({ id: v.id, label: `VPC ${v.name || v.id}` })),
            ...design.repositories
              .filter((r) => r.account === account.id)
              .map((r) => ({ id: r.id, label: `Repository ${r.name || r.id}` })),
          ]}
        />
      </Section>
      <DeleteButton id={account.id} what="account" />
    </Stack>
  );
}
