// Inspector form for an account.
import { Badge, Group, Stack } from '@mantine/core';
import { accountRoles } from '../../../model/roles';
import type { Account, Design } from '../../../model/schema';
import { accountIdError, TextField } from '../../panels/fields';
import { set } from '../../inspector/helpers';
import { Section, Header, DeleteButton, LinkList } from '../../inspector/parts';

export function AccountForm({ account, design }: { account: Account; design: Design }) {
  const roles = accountRoles(design).get(account.id) ?? [];
  return (
    <Stack gap="sm">
      <Header kind="Account" title={account.name} id={account.id} />
      <Group gap={4}>
        {roles.map((r) => (
          <Badge key={r} size="sm" variant="default">
            {r}
          </Badge>
        ))}
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
