// What a person reads for an element: its kind and its name ("route table “Worker routes”"), an
// operation by its kind and account ("EC2 backup · Production account"), never a bare id unless the
// element has no name at all.
import type { DesignIndex, ElementKind } from '../../model/design-index';
import type { Design, Operation } from '../../model/schema';
import { OPERATION_LABELS } from './operation-fields';

const KIND_WORDS: Record<ElementKind, string> = {
  account: 'account',
  vpc: 'VPC',
  subnet: 'subnet',
  routeTable: 'route table',
  securityGroup: 'security group',
  endpoint: 'endpoint',
  peering: 'peering',
  transitGateway: 'transit gateway',
  tgwRouteTable: 'transit gateway route table',
  tgwAttachment: 'transit gateway attachment',
  appliance: 'appliance',
  repository: 'repository',
  workerConfiguration: 'worker configuration',
  operation: 'operation',
};

/** "EC2 archiving" or "EC2 backup · Production account", with the user's name first when given. */
export function operationLabel(design: Design, operation: Operation): string {
  const account = operation.account && design.accounts.find((a) => a.id === operation.account);
  const what = `${OPERATION_LABELS[operation.kind]}${account ? ` · ${account.name || account.id}` : ''}`;
  return operation.name ? `${operation.name} (${what})` : what;
}

/** "route table “Worker routes”"; an endpoint without a name by its service. */
export function elementLabel(index: DesignIndex, id: string): string {
  const kind = index.kindOf(id);
  if (!kind) return id;
  if (kind === 'operation') return operationLabel(index.design, index.operations.get(id)!.element);
  if (kind === 'endpoint') {
    const e = index.endpoints.get(id)!.element;
    if (!e.name) return `${e.service} endpoint`;
  }
  return `${KIND_WORDS[kind]} “${index.nameOf(id)}”`;
}
