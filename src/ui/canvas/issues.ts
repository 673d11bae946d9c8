// Findings reach the canvas per node: each node component selects its own badge from the
// validation store, so a new validation answer re-renders only the nodes whose badge changed —
// the node objects handed to React Flow stay the same and the library does no work at all.
import { useMemo } from 'react';
import { useValidationStore, type ValidationState } from '../../app/validation';
import { issuesByPlace, type Issues } from './elements';

const NONE: ReadonlyMap<string, Issues> = new Map();
let memo: {
  state: Pick<ValidationState, 'design' | 'findings'>;
  issues: ReadonlyMap<string, Issues>;
} | null = null;

/** Worst severity and count per node and edge id, for the results in the store (computed once each). */
export function issuesOf(state: Pick<ValidationState, 'design' | 'findings'>): ReadonlyMap<string, Issues> {
  if (!state.design) return NONE;
  if (memo && memo.state.design === state.design && memo.state.findings === state.findings)
    return memo.issues;
  memo = {
    state: { design: state.design, findings: state.findings },
    issues: issuesByPlace(state.design, state.findings),
  };
  return memo.issues;
}

const keyOf = (issues: Issues | undefined) => (issues ? `${issues.severity}:${issues.count}` : '');

/** The findings on one node; the component re-renders only when its severity or count changes. */
export function useNodeIssues(id: string): Issues | undefined {
  const key = useValidationStore((s) => keyOf(issuesOf(s).get(id)));
  return useMemo(() => {
    if (!key) return undefined;
    const [severity, count] = key.split(':');
    return { severity: severity as Issues['severity'], count: Number(count) };
  }, [key]);
}
