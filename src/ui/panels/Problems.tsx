// The Problems tab: findings grouped by severity, each with its rule id, message, "learn more"
// from the rule's meta, and Fix when the engine offers one. Clicking a finding selects and zooms
// to its elements. "Fix all" applies every fix, revalidating between rounds, as one undo step.
import { memo, useMemo, useState } from 'react';
import { Alert, Badge, Button, Collapse, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDesignStore } from '../../app/store';
import { useUiStore } from '../../app/ui-store';
import { useValidationStore } from '../../app/validation';
import { fixAllWithReport } from '../../rules/fix';
import { ruleMeta } from '../../rules/registry';
import type { Finding, Severity } from '../../rules/types';
import { AwsCliForFix, AwsCliForFixAll } from '../import/AwsCliButton';
import { flowsOfFinding } from './Flows';
import { counted } from './words';

export const SEVERITIES: { severity: Severity; title: string; color: string }[] = [
  { severity: 'error', title: 'Errors', color: 'red' },
  { severity: 'warning', title: 'Warnings', color: 'yellow' },
  { severity: 'info', title: 'Notes', color: 'blue' },
];

/** Same row content: each validation answer brings new finding objects, mostly saying the same. */
function sameRow(a: RowProps, b: RowProps): boolean {
  const [x, y] = [a.finding, b.finding];
  return (
    a.tracedFlow === b.tracedFlow &&
    (x === y ||
      (x.rule === y.rule &&
        x.severity === y.severity &&
        x.message === y.message &&
        x.elements.length === y.elements.length &&
        x.elements.every((e, i) => e === y.elements[i]) &&
        JSON.stringify(x.fix) === JSON.stringify(y.fix)))
  );
}

interface RowProps {
  finding: Finding;
  /** The flow whose trace explains the finding, if any. */
  tracedFlow: string | undefined;
}

const FindingRow = memo(function FindingRow({ finding, tracedFlow }: RowProps) {
  const [open, setOpen] = useState(false);
  const meta = ruleMeta(finding.rule);
  const select = () => useUiStore.getState().select(finding.elements, { zoom: true });
  return (
    <Paper
      withBorder
      p="xs"
      className={`pnd-finding pnd-finding-${finding.severity}`}
      data-testid="finding"
      data-rule={finding.rule}
    >
      <Stack gap={4}>
        <UnstyledButton
          onClick={select}
          className="pnd-finding-main"
          aria-label={`Show on canvas: ${finding.message}`}
        >
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Badge size="xs" variant="default" className="pnd-mono" tt="none">
              {finding.rule}
            </Badge>
          </Group>
          <Text size="sm" mt={2} data-testid="finding-message">
            {finding.message}
          </Text>
        </UnstyledButton>
        <Group gap={6}>
          {finding.fix && (
            <Button
              size="compact-xs"
              onClick={() => useDesignStore.getState().apply(finding.fix!.commands)}
              title={finding.fix.title}
              data-testid="finding-fix"
            >
              Fix: {finding.fix.title}
            </Button>
          )}
          {finding.fix && <AwsCliForFix fix={finding.fix} />}
          {meta && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => setOpen((o) => !o)}
              aria-expanded={open}
            >
              {open ? 'Less' : 'Learn more'}
            </Button>
          )}
          {tracedFlow && (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => useUiStore.getState().setOpenTrace(tracedFlow)}
            >
              Trace
            </Button>
          )}
        </Group>
        {meta && (
          <Collapse expanded={open}>
            <Text size="xs" fw={600}>
              {meta.title}
            </Text>
            <Text size="xs">{meta.explanation}</Text>
            <Text size="xs" c="dimmed">
              Source:{' '}
              {meta.sources.map((l, i) => (
                <span key={l.url}>
                  {i > 0 && ' · '}
                  {l.url.startsWith('https://') ? (
                    <a href={l.url} target="_blank" rel="noreferrer noopener">
                      {l.title}
                    </a>
                  ) : (
                    l.title
                  )}
                </span>
              ))}
            </Text>
          </Collapse>
        )}
      </Stack>
    </Paper>
  );
}, sameRow);

export function Problems() {
  const findings = useValidationStore((s) => s.findings);
  const flows = useValidationStore((s) => s.flows);
  const traced = useMemo(
    () => new Map(findings.map((f) => [f, flowsOfFinding(f, flows)[0]?.flow.id])),
    [findings, flows],
  );
  const error = useValidationStore((s) => s.error);
  const checked = useValidationStore((s) => s.design);
  const updating = useDesignStore((s) => checked !== null && s.design !== checked);
  const fixable = findings.filter((f) => f.fix).length;
  const idle = useDesignStore((s) => s.design.operations.length === 0);
  return (
    <Stack gap="sm" data-testid="problems">
      {error && (
        <Alert color="red" title="The validator failed">
          {error}
        </Alert>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="problems-summary" aria-live="polite">
          {checked === null
            ? 'Checking…'
            : findings.length
              ? counted(findings.length, 'finding')
              : idle
                ? 'Nothing is validated until the design has an operation.'
                : 'No problems found.'}
          {updating ? ' (updating…)' : ''}
        </Text>
        <Button
          size="compact-sm"
          disabled={!fixable}
          onClick={() => {
            const { commands } = fixAllWithReport(useDesignStore.getState().design);
            if (commands.length) useDesignStore.getState().apply(commands);
          }}
          data-testid="fix-all"
        >
          Fix all ({fixable})
        </Button>
        <AwsCliForFixAll commands={findings.flatMap((f) => f.fix?.commands ?? [])} />
      </Group>
      {SEVERITIES.map(({ severity, title, color }) => {
        const group = findings.filter((f) => f.severity === severity);
        if (!group.length) return null;
        return (
          <Stack key={severity} gap={6} data-testid={`problems-${severity}`}>
            <Group gap={6}>
              <Text size="xs" fw={700} tt="uppercase">
                {title}
              </Text>
              <Badge size="xs" variant="default" data-color={color}>
                {group.length}
              </Badge>
            </Group>
            {group.map((f, i) => (
              <FindingRow key={`${f.rule}:${f.message}:${i}`} finding={f} tracedFlow={traced.get(f)} />
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
