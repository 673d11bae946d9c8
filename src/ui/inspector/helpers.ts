// Shared by the Inspector forms: the one way a form writes to the design, and option lists.
import { startTransition, useEffect, useState } from 'react';
import { useDesignStore } from '../../app/store';
import { useUiStore } from '../../app/ui-store';
import type { Command } from '../../model/command';
import { setFields } from '../../model/commands/element';
import type { Design } from '../../model/schema';
import { AWS_REGIONS } from '../../network/regions';

export const REGION_OPTIONS = AWS_REGIONS.map((r) => ({ value: r.code, label: `${r.code} — ${r.name}` }));

export function azOptions(region: string): string[] {
  const r = AWS_REGIONS.find((x) => x.code === region);
  return r ? r.azLetters.map((l) => `${region}${l}`) : [];
}

/** Writes to the design; edits from one text field's burst of typing share one undo step. */
export const apply = (commands: Command[], burst?: string) =>
  useDesignStore.getState().apply(commands, burst === undefined ? undefined : { burst });
export const set = (id: string, fields: Record<string, unknown>, burst?: string) =>
  apply([setFields({ id, fields })], burst);
export const selectId = (id: string) => useUiStore.getState().select([id], { zoom: true, tab: 'inspector' });

/**
 * How many of a form's later sections to show yet: one more per commit after mounting. A VPC's
 * full form (route tables, rules, selects of every peering and group) is slow to commit in a large
 * design, right when a VPC is picked up to be dragged; rendered in steps, no step is long.
 */
export function useStages(count: number): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (stage >= count) return;
    const timer = setTimeout(() => startTransition(() => setStage((s) => s + 1)), 0);
    return () => clearTimeout(timer);
  }, [stage, count]);
  return stage;
}

export function subnetOptions(design: Design) {
  return design.vpcs.flatMap((v) =>
    v.subnets.map((s) => ({
      value: s.id,
      label: `${s.name || s.id} ${s.cidr} — ${v.name || v.id} (${v.region})`,
    })),
  );
}

/** The account an element sits in, as an Inspector path link. */
export function accountCrumb(design: Design, account: string): { id: string; label: string }[] {
  const a = design.accounts.find((x) => x.id === account);
  return a ? [{ id: a.id, label: a.name || a.id }] : [];
}
