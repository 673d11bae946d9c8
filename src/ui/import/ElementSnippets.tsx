// Under the inspector of one selected network element: its own resources as Terraform or as
// CloudFormation, to read and copy (the exporters' output for just that element).
import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import type { SnippetTarget } from '../../import/snippets';
import type { Design } from '../../model/schema';
import { TextDialog } from './AwsCliButton';

const LABEL: Record<SnippetTarget, string> = { terraform: 'Terraform', cloudformation: 'CloudFormation' };

function isNetworkElement(design: Design, id: string): boolean {
  return (
    design.peerings.some((p) => p.id === id) ||
    design.vpcs.some(
      (v) =>
        v.id === id ||
        [v.subnets, v.routeTables, v.securityGroups, v.endpoints].some((list) =>
          list.some((x) => x.id === id),
        ),
    )
  );
}

export function ElementSnippets({ design, selection }: { design: Design; selection: readonly string[] }) {
  const [open, setOpen] = useState<{ target: SnippetTarget; text: string } | null>(null);
  const id = selection.length === 1 ? selection[0]! : undefined;
  if (!id || !isNetworkElement(design, id)) return null;
  return (
    <Group gap="xs" mt="sm" data-testid="element-snippets">
      {(['terraform', 'cloudformation'] as const).map((target) => (
        <Button
          key={target}
          size="compact-xs"
          variant="subtle"
          data-testid={`copy-as-${target}`}
          onClick={async () => {
            // The exporters load on first use, as the Export panel's do: they stay out of the first paint.
            const { elementSnippet } = await import('../../import/snippets');
            setOpen({ target, text: elementSnippet(design, id, target) || '# nothing to export' });
          }}
        >
          Copy as {LABEL[target]}
        </Button>
      ))}
      {open && (
        <TextDialog
          title={`${LABEL[open.target]}: ${id}`}
          script={open.text}
          hint="This element's resources only; they refer to its VPC and to the elements it names, which the full export defines."
          onClose={() => setOpen(null)}
        />
      )}
    </Group>
  );
}
