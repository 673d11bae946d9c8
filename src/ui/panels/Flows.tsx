// The required-flows overlay switch and the trace view: for a flow, each traced path hop by hop
// with its verdict, the elements that block it, and the fix when the engine has one.
import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Switch,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMemo } from 'react';
import { useDesignStore } from '../../app/store';
import { useUiStore } from '../../app/ui-store';
import { useFlowTrace, useValidationStore, type FlowSummary } from '../../app/validation';
import type { Verdict } from '../../network/trace';
import { indexDesign } from '../../model/design-index';
import type { Finding } from '../../rules/types';
import { elementLabel } from './names';

const VERDICT: Record<Verdict, { icon: string; color: string; label: string }> = {
  pass: { icon: '✓', color: 'teal', label: 'passes' },
  fail: { icon: '✕', color: 'red', label: 'blocks' },
  skip: { icon: '–', color: 'gray', label: 'not checked' },
};

/** The flows a finding speaks about: its `flow` label names each flow's description. */
export function flowsOfFinding<T extends FlowSummary>(finding: Finding, flows: readonly T[]): T[] {
  const label = finding.flow;
  if (!label) return [];
  return flows.filter((f) => label.includes(f.flow.description));
}

export function FlowControls() {
  const show = useUiStore((s) => s.showFlows);
  const flows = useValidationStore((s) => s.flows);
  const failing = flows.filter((f) => !f.ok);
  return (
    <Paper p="xs" shadow="sm" withBorder className="pnd-flow-controls">
      <Stack gap={4}>
        <Switch
          size="sm"
          label={`Required flows (${flows.length - failing.length} ✓, ${failing.length} ✕)`}
          checked={show}
          onChange={(e) => useUiStore.getState().setShowFlows(e.currentTarget.checked)}
          data-testid="toggle-flows"
        />
        {show && (
          <ScrollArea.Autosize mah={220}>
            <Stack gap={2}>
              {flows.map((f) => (
                <UnstyledButton
                  key={f.flow.id}
                  className={`pnd-flow-item ${f.ok ? 'is-ok' : 'is-failing'}`}
                  onClick={() => useUiStore.getState().setOpenTrace(f.flow.id)}
                  data-testid="flow-item"
                >
                  <Text size="xs">
                    {f.ok ? '✓' : '✕'} {f.flow.description}
                  </Text>
                </UnstyledButton>
              ))}
              {!flows.length && (
                <Text size="xs" c="dimmed">
                  No required flows: add operations that use a repository.
                </Text>
              )}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Paper>
  );
}

export function TraceView() {
  const openTrace = useUiStore((s) => s.openTrace);
  const flows = useValidationStore((s) => s.flows);
  const findings = useValidationStore((s) => s.findings);
  const summary = openTrace === null ? undefined : flows.find((f) => f.flow.id === openTrace);
  // The hops come from the engine on request; until they arrive the summary shows the verdict.
  const traced = useFlowTrace(summary ? openTrace : null);
  const result = summary && (traced ?? { ...summary, traces: [] });
  const close = () => useUiStore.getState().setOpenTrace(null);
  const blocking = new Set(result?.traces.flatMap((t) => t.trace.blocking));
  const fixes = result
    ? findings.filter(
        (f) => f.fix && (flowsOfFinding(f, [result]).length > 0 || f.elements.some((e) => blocking.has(e))),
      )
    : [];
  const show = (ids: string[]) => useUiStore.getState().select(ids, { zoom: true });
  const design = useDesignStore((st) => (openTrace === null ? null : st.design));
  const index = useMemo(() => (design ? indexDesign(design) : null), [design]);
  const label = (id: string) => (index ? elementLabel(index, id) : id);
  return (
    <Modal opened={openTrace !== null} onClose={close} title="Flow trace" size="lg">
      {!result ? (
        <Text size="sm">This flow is no longer required by the design.</Text>
      ) : (
        <Stack gap="sm" data-testid="trace-view">
          <Group gap={6}>
            <Badge variant="default" className={result.ok ? 'pnd-ok-text' : 'pnd-fail-text'}>
              {result.ok ? '✓ passes' : '✕ fails'}
            </Badge>
            <Text size="sm" fw={600}>
              {result.flow.description}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            TCP 443 · needed by {result.flow.operations.map(label).join(', ')}
          </Text>
          {result.traces.map(({ subnet, trace }) => (
            <Paper key={subnet} withBorder p="xs">
              <Text size="xs" fw={700} mb={4}>
                To endpoint {label(subnet)}: {trace.ok ? 'reachable' : 'blocked'}
              </Text>
              <ol className="pnd-hops">
                {trace.hops.map((hop, i) => (
                  <li key={i} className={`pnd-hop is-${hop.verdict}`}>
                    <Badge
                      size="xs"
                      variant="default"
                      className={`pnd-verdict-${hop.verdict}`}
                      title={VERDICT[hop.verdict].label}
                    >
                      {VERDICT[hop.verdict].icon} {hop.kind}
                    </Badge>{' '}
                    <Text span size="xs">
                      {hop.detail}
                    </Text>
                    {hop.elements.length > 0 && (
                      <Button size="compact-xs" variant="subtle" onClick={() => show(hop.elements)}>
                        show
                      </Button>
                    )}
                  </li>
                ))}
              </ol>
              {trace.blocking.length > 0 && (
                <Text size="xs" c="red">
                  Blocked by: {trace.blocking.map(label).join(', ')}
                </Text>
              )}
            </Paper>
          ))}
          {fixes.map((f, i) => (
            <Button
              key={i}
              size="xs"
              onClick={() => useDesignStore.getState().apply(f.fix!.commands)}
              data-testid="trace-fix"
            >
              Fix: {f.fix!.title}
            </Button>
          ))}
        </Stack>
      )}
    </Modal>
  );
}
