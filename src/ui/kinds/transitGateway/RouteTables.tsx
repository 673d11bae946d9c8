// A Transit Gateway's route tables and their static routes in the Inspector. A static route sends a
// destination to one attachment of this TGW, or drops it (blackhole).
import { Button, Paper, Stack, Text } from '@mantine/core';
import { newId } from '../../../model/commands/element';
import { addTgwRoute, removeTgwRoute, setTgwRoute } from '../../../model/commands/tgw-route';
import { addTgwRouteTable } from '../../../model/commands/tgw-route-table';
import type { Design, TgwRoute, TransitGateway } from '../../../model/schema';
import { TextField } from '../../panels/fields';
import { apply, set } from '../../inspector/helpers';
import { Section } from '../../inspector/parts';
import { RouteRows } from '../../inspector/RouteRows';

const BLACKHOLE = 'blackhole';

const targetOf = (r: TgwRoute) => (r.blackhole ? BLACKHOLE : (r.attachment ?? BLACKHOLE));

function withTarget(r: TgwRoute, value: string): TgwRoute {
  const { attachment: _a, blackhole: _b, ...rest } = r;
  return value === BLACKHOLE ? { ...rest, blackhole: true } : { ...rest, attachment: value };
}

export function TgwRouteTables({ tgw, design }: { tgw: TransitGateway; design: Design }) {
  const attachments = design.transitGatewayAttachments.filter(
    (a) => a.transitGateway === tgw.id || a.peerTransitGateway === tgw.id,
  );
  const targets = [
    ...attachments.map((a) => ({ value: a.id, label: a.name || a.id })),
    { value: BLACKHOLE, label: 'Blackhole (drop)' },
  ];
  // Route tables live inside the TGW, so a rename rewrites the TGW's list.
  const setTable = (tableId: string, name: string, burst?: string) =>
    set(
      tgw.id,
      {
        routeTables: tgw.routeTables.map((t) => {
          if (t.id !== tableId) return t;
          const { name: _n, ...rest } = t;
          return name ? { ...rest, name } : rest;
        }),
      },
      burst,
    );
  return (
    <Section
      title="TGW route tables"
      actions={
        <Button
          size="compact-xs"
          variant="subtle"
          data-testid="add-tgw-route-table"
          onClick={() =>
            apply([
              addTgwRouteTable({
                transitGateway: tgw.id,
                routeTable: { id: newId(design, `tgw-rtb-${tgw.id}`), name: '', routes: [] },
              }),
            ])
          }
        >
          + table
        </Button>
      }
    >
      {tgw.routeTables.map((t) => (
        <Paper key={t.id} withBorder p="xs" data-testid={`tgw-route-table-${t.id}`}>
          <Stack gap={6}>
            <TextField
              label="Route table name"
              value={t.name ?? ''}
              onCommit={(name, burst) => setTable(t.id, name, burst)}
            />
            {t.routes.length === 0 && (
              <Text size="xs" c="dimmed">
                Propagated routes only.
              </Text>
            )}
            <RouteRows
              routes={t.routes}
              noun="TGW route"
              rowTestId="tgw-route-row"
              addTestId="add-tgw-route"
              targetOf={targetOf}
              targets={() => targets}
              onDestination={(i, r, destination, burst) =>
                apply([setTgwRoute({ routeTable: t.id, index: i, route: { ...r, destination } })], burst)
              }
              onTarget={(i, r, v) =>
                apply([setTgwRoute({ routeTable: t.id, index: i, route: withTarget(r, v) })])
              }
              onRemove={(i) => apply([removeTgwRoute({ routeTable: t.id, index: i })])}
              onAdd={() => {
                // Preset: the CIDR of an attached VPC not yet routed, through its attachment.
                const next = attachments
                  .map((a) => ({ a, cidr: design.vpcs.find((v) => v.id === a.vpc)?.cidr }))
                  .find(({ cidr }) => cidr && !t.routes.some((r) => r.destination === cidr));
                const route: TgwRoute = next?.cidr
                  ? { destination: next.cidr, attachment: next.a.id }
                  : { destination: '10.0.0.0/8', blackhole: true };
                apply([addTgwRoute({ routeTable: t.id, route })]);
              }}
            />
          </Stack>
        </Paper>
      ))}
    </Section>
  );
}
