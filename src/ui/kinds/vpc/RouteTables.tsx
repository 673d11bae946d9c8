// A VPC's route tables in the Inspector.
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useUiStore } from '../../../app/ui-store';
import { addRoute, removeRoute, setRoute } from '../../../model/commands/route';
import { addRouteTable, setMainRouteTable } from '../../../model/commands/route-table';
import { newId } from '../../../model/commands/element';
import type { Design, Peering, Route, Vpc } from '../../../model/schema';
import { TextField } from '../../panels/fields';
import { apply, set } from '../../inspector/helpers';
import { Section, RemoveIcon } from '../../inspector/parts';
import { RouteRows } from '../../inspector/RouteRows';

function routeTarget(route: Route): string {
  if (route.transitGateway) return `transitGateway:${route.transitGateway}`;
  return route.peering ? `peering:${route.peering}` : `gateway:${route.gateway ?? 'nat'}`;
}

function parseTarget(value: string): Pick<Route, 'peering' | 'gateway' | 'transitGateway'> {
  const [kind, id] = value.split(/:(.*)/s) as [string, string];
  if (kind === 'transitGateway') return { transitGateway: id };
  return kind === 'peering' ? { peering: id } : { gateway: id as 'nat' | 'internet' };
}

export function RouteTables({ vpc, design }: { vpc: Vpc; design: Design }) {
  const peerings = design.peerings.filter((p) => p.requester === vpc.id || p.accepter === vpc.id);
  const peerOf = (p: Peering) =>
    design.vpcs.find((v) => v.id === (p.requester === vpc.id ? p.accepter : p.requester));
  // Targets are limited to this VPC's own peerings and the gateways: a route to another VPC's
  // peering is never valid in AWS.
  // A route can target a TGW only where the VPC is attached to it (AWS).
  const attachedTgws = design.transitGateways.filter((t) =>
    design.transitGatewayAttachments.some((a) => a.vpc === vpc.id && a.transitGateway === t.id),
  );
  const targets = [
    ...peerings.map((p) => ({
      value: `peering:${p.id}`,
      label: `${p.name || p.id} → ${peerOf(p)?.name || '?'}`,
    })),
    ...attachedTgws.map((t) => ({
      value: `transitGateway:${t.id}`,
      label: `Transit Gateway ${t.name || t.id}`,
    })),
    { value: 'gateway:nat', label: 'NAT gateway' },
    { value: 'gateway:internet', label: 'Internet gateway' },
  ];
  const addRoutePreset = (tableId: string, routes: Route[]) => {
    const peer = peerings
      .map((p) => ({ p, v: peerOf(p) }))
      .find(({ v }) => v && !routes.some((r) => r.destination === v.cidr));
    const route: Route = peer?.v
      ? { destination: peer.v.cidr, peering: peer.p.id }
      : { destination: '0.0.0.0/0', gateway: 'nat' };
    // A new row is a draft the user edits next, even when the destination is routed already.
    apply([addRoute({ routeTable: tableId, route, allowDuplicate: true })]);
  };
  return (
    <Section
      title="Route tables"
      actions={
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() =>
            apply([
              addRouteTable({
                vpc: vpc.id,
                routeTable: {
                  id: newId(design, `rt-${vpc.id}`),
                  name: '',
                  main: vpc.routeTables.length === 0,
                  routes: [],
                },
              }),
            ])
          }
        >
          + table
        </Button>
      }
    >
      {vpc.routeTables.map((t) => (
        <Paper key={t.id} withBorder p="xs" data-testid={`route-table-${t.id}`}>
          <Stack gap={6}>
            <Group gap={6} align="flex-end" wrap="nowrap">
              <TextField
                label="Route table name"
                value={t.name ?? ''}
                onCommit={(name, burst) => set(t.id, { name: name || undefined }, burst)}
              />
              {t.main ? (
                <Badge size="sm" variant="default">
                  main
                </Badge>
              ) : (
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => apply([setMainRouteTable({ routeTable: t.id })])}
                >
                  Make main
                </Button>
              )}
              <RemoveIcon
                label={`Delete route table ${t.name || t.id}`}
                onClick={() => useUiStore.getState().askDelete([t.id])}
              />
            </Group>
            <Text size="xs" c="dimmed">
              local: {[vpc.cidr, ...vpc.secondaryCidrs].join(', ')} (implicit)
            </Text>
            <RouteRows
              routes={t.routes}
              noun="route"
              rowTestId="route-row"
              addTestId="add-route"
              targetOf={routeTarget}
              targets={(r) =>
                targets.some((x) => x.value === routeTarget(r))
                  ? targets
                  : [
                      ...targets,
                      { value: routeTarget(r), label: `${r.peering ?? r.transitGateway} (not this VPC's)` },
                    ]
              }
              onDestination={(i, r, destination, burst) =>
                apply([setRoute({ routeTable: t.id, index: i, route: { ...r, destination } })], burst)
              }
              onTarget={(i, r, v) => {
                const { peering: _p, gateway: _g, transitGateway: _t, ...rest } = r;
                apply([setRoute({ routeTable: t.id, index: i, route: { ...rest, ...parseTarget(v) } })]);
              }}
              onRemove={(i) => apply([removeRoute({ routeTable: t.id, index: i })])}
              onAdd={() => addRoutePreset(t.id, t.routes)}
            />
          </Stack>
        </Paper>
      ))}
    </Section>
  );
}
