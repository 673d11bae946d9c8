// A route keeps its target when the format can hold it: a peering, a Transit Gateway, or the
// internet/NAT gateway.
// The local route is implicit in the format; a gateway endpoint's prefix-list routes come from the
// endpoint's route tables. Anything else is named in an info finding and left out.
import type { Route } from '../../model/schema';
import type { ImportLog } from '../findings';
import type { CliRoute } from './shapes';

const OTHER_TARGETS: [keyof CliRoute, string][] = [
  ['NetworkInterfaceId', 'network interface'],
  ['InstanceId', 'instance'],
  ['EgressOnlyInternetGatewayId', 'egress-only internet gateway'],
  ['LocalGatewayId', 'local gateway'],
  ['CarrierGatewayId', 'carrier gateway'],
  ['CoreNetworkArn', 'Cloud WAN core network'],
];

export function convertRoute(
  r: CliRoute,
  where: { log: ImportLog; file: string; path: string; table: string },
): Route | undefined {
  const note = (message: string) =>
    where.log.add('not-judged', 'info', `route ${describe(r)} of ${where.table}: ${message}`, {
      file: where.file,
      path: where.path,
      elements: [where.table],
    });
  if (r.GatewayId === 'local') return undefined;
  if (r.DestinationPrefixListId) {
    if (!r.GatewayId?.startsWith('vpce-')) note('prefix-list destinations are not judged');
    return undefined;
  }
  if (!r.DestinationCidrBlock) {
    note('IPv6 is not judged');
    return undefined;
  }
  if (r.State === 'blackhole') {
    note('its target is gone (state blackhole), so AWS drops this traffic; left out');
    return undefined;
  }
  const destination = r.DestinationCidrBlock;
  if (r.VpcPeeringConnectionId) return { destination, peering: r.VpcPeeringConnectionId };
  if (r.NatGatewayId) return { destination, gateway: 'nat' };
  if (r.GatewayId?.startsWith('igw-')) return { destination, gateway: 'internet' };
  if (r.TransitGatewayId) return { destination, transitGateway: r.TransitGatewayId };
  const other = OTHER_TARGETS.find(([key]) => r[key]);
  const target = other
    ? `${other[1]} ${String(r[other[0]])}`
    : r.GatewayId?.startsWith('vgw-')
      ? `virtual private gateway ${r.GatewayId}`
      : `target ${r.GatewayId ?? 'unknown'}`;
  note(`the design format cannot hold a route to a ${target}; left out`);
  return undefined;
}

function describe(r: CliRoute): string {
  const target =
    r.VpcPeeringConnectionId ??
    r.NatGatewayId ??
    r.GatewayId ??
    r.TransitGatewayId ??
    r.NetworkInterfaceId ??
    r.InstanceId ??
    r.EgressOnlyInternetGatewayId ??
    r.LocalGatewayId ??
    r.CarrierGatewayId ??
    r.CoreNetworkArn ??
    '?';
  return `${r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? '?'} → ${target}`;
}
