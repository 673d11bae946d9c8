// What came in, and what the import could not read or does not judge, grouped by kind.
import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { ImportResult } from '../../import/aws/index';
import type { ImportFinding } from '../../import/findings';

const GROUPS: { title: string; test: (f: ImportFinding) => boolean; color: string }[] = [
  { title: 'Could not be read', test: (f) => f.severity === 'error', color: 'red' },
  { title: 'Check these', test: (f) => f.severity === 'warning', color: 'yellow' },
  {
    title: 'Not judged',
    test: (f) => f.severity === 'info' && f.rule !== 'import/missing-file',
    color: 'blue',
  },
  {
    title: 'Files not collected (taken as none)',
    test: (f) => f.rule === 'import/missing-file',
    color: 'gray',
  },
];

export function ImportSummary({ result }: { result: ImportResult }) {
  const s = result.summary;
  return (
    <Stack gap="xs" data-testid="import-aws-summary">
      <Text size="sm">
        {s.accounts.length} account{s.accounts.length === 1 ? '' : 's'} ({s.accounts.join(', ')}) in{' '}
        {s.regions.join(', ')}:
      </Text>
      <Group gap={6}>
        {(
          [
            ['VPCs', s.vpcs],
            ['subnets', s.subnets],
            ['route tables', s.routeTables],
            ['security groups', s.securityGroups],
            ['endpoints', s.endpoints],
            ['peerings', s.peerings],
          ] as const
        ).map(([label, n]) => (
          <Badge
            key={label}
            variant="default"
            tt="none"
            data-testid={`import-count-${label.replace(' ', '-')}`}
          >
            {n} {label}
          </Badge>
        ))}
      </Group>
      {/* A long list scrolls; the region takes the focus so that keyboard users can scroll it too. */}
      <div className="pnd-import-details" tabIndex={0} role="region" aria-label="Import details">
        {GROUPS.map(({ title, test, color }) => {
          const list = result.findings.filter(test);
          if (!list.length) return null;
          return (
            <Stack key={title} gap={2} mb="xs">
              <Group gap={6}>
                <Text size="xs" fw={700} tt="uppercase">
                  {title}
                </Text>
                <Badge size="xs" variant="default" data-color={color}>
                  {list.length}
                </Badge>
              </Group>
              <List size="xs" spacing={2}>
                {list.map((f, i) => (
                  <List.Item key={i} data-testid="import-finding" data-rule={f.rule}>
                    {f.file && (
                      <span className="pnd-mono">
                        {f.file}
                        {f.path && f.path !== '$' ? ` ${f.path}` : ''}:{' '}
                      </span>
                    )}
                    {f.message}
                  </List.Item>
                ))}
              </List>
            </Stack>
          );
        })}
      </div>
    </Stack>
  );
}
