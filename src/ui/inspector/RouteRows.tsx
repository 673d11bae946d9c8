// The rows of one route table in the Inspector, for a VPC's route tables and a Transit Gateway's
// alike: a destination and a target per route, a remove button, and "+ route". What a target is
// (a peering, a gateway, a TGW, an attachment, a blackhole) is the caller's.
import { Button, Group } from '@mantine/core';
import { cidrError, SelectField, TextField } from '../panels/fields';
import { RemoveIcon } from './parts';

type Option = { value: string; label: string };

export interface RouteRowsProps<R extends { destination: string }> {
  routes: readonly R[];
  /** How the rows name a route: "route", "TGW route". */
  noun: string;
  rowTestId: string;
  addTestId: string;
  /** The target select's value for a route, and the choices it offers for it. */
  targetOf: (route: R) => string;
  targets: (route: R) => Option[];
  onDestination: (index: number, route: R, destination: string, burst?: string) => void;
  onTarget: (index: number, route: R, target: string) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
}

export function RouteRows<R extends { destination: string }>(p: RouteRowsProps<R>) {
  const Noun = p.noun.charAt(0).toUpperCase() + p.noun.slice(1);
  return (
    <>
      {p.routes.map((r, i) => (
        <Group
          key={`${i}:${r.destination}`}
          gap={4}
          align="flex-start"
          wrap="nowrap"
          data-testid={p.rowTestId}
        >
          <TextField
            label="Destination"
            aria-label={`${Noun} destination`}
            value={r.destination}
            check={cidrError}
            mono
            onCommit={(destination, burst) => p.onDestination(i, r, destination, burst)}
          />
          <SelectField
            label="Target"
            value={p.targetOf(r)}
            data={p.targets(r)}
            onChange={(v) => {
              if (v) p.onTarget(i, r, v);
            }}
          />
          <div className="pnd-row-remove">
            <RemoveIcon label={`Remove ${p.noun} ${r.destination}`} onClick={() => p.onRemove(i)} />
          </div>
        </Group>
      ))}
      <Button size="compact-xs" variant="light" onClick={p.onAdd} data-testid={p.addTestId}>
        + route
      </Button>
    </>
  );
}
