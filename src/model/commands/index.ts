// The command index: every command type, `<kind>/<verb>`, with the module that defines it. Importing
// this file registers them all (the validation worker's client does, to apply the fixes it gets).
// Whatever handles commands by type is checked against COMMAND_TYPES: the AWS CLI translator's
// table must name every type (typecheck), and tests/model/command-index.test.ts fails when a
// defined command is missing here or a listed one is not defined by its module.
import * as account from './account';
import * as appliance from './appliance';
import * as design from './design';
import * as element from './element';
import * as endpoint from './endpoint';
import * as layout from './layout';
import * as operation from './operation';
import * as peering from './peering';
import * as repository from './repository';
import * as route from './route';
import * as routeTable from './route-table';
import * as securityGroup from './security-group';
import * as sgRule from './sg-rule';
import * as subnet from './subnet';
import * as tgwAttachment from './tgw-attachment';
import * as tgwRoute from './tgw-route';
import * as tgwRouteTable from './tgw-route-table';
import * as transitGateway from './transit-gateway';
import * as vpc from './vpc';
import * as workerConfiguration from './worker-configuration';

export const COMMAND_MODULES = {
  'design/set': design,
  'element/set': element,
  'element/delete': element,
  'layout/set': layout,
  'layout/tidy': layout,
  'account/add': account,
  'vpc/add': vpc,
  'vpc/move-account': vpc,
  'vpc/set-dns': vpc,
  'subnet/add': subnet,
  'subnet/set-public-ip': subnet,
  'route-table/add': routeTable,
  'route-table/set-main': routeTable,
  'route/add': route,
  'route/set': route,
  'route/set-target': route,
  'route/remove': route,
  'security-group/add': securityGroup,
  'sg-rule/add': sgRule,
  'sg-rule/set': sgRule,
  'sg-rule/remove': sgRule,
  'endpoint/add': endpoint,
  'endpoint/add-subnet': endpoint,
  'endpoint/set-private-dns': endpoint,
  'endpoint/remove-duplicate': endpoint,
  'peering/connect': peering,
  'peering/accept': peering,
  'transit-gateway/add': transitGateway,
  'transit-gateway/share': transitGateway,
  'tgw-route-table/add': tgwRouteTable,
  'tgw-route/add': tgwRoute,
  'tgw-route/set': tgwRoute,
  'tgw-route/remove': tgwRoute,
  'tgw-attachment/connect': tgwAttachment,
  'tgw-attachment/associate': tgwAttachment,
  'tgw-attachment/propagate': tgwAttachment,
  'tgw-attachment/add-subnet': tgwAttachment,
  'appliance/set': appliance,
  'repository/add': repository,
  'worker-configuration/add': workerConfiguration,
  'operation/add': operation,
  'operation/move': operation,
} as const;

export type CommandType = keyof typeof COMMAND_MODULES;

export const COMMAND_TYPES = Object.keys(COMMAND_MODULES) as CommandType[];
