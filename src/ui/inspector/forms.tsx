// Which form the Inspector shows for each element kind: the one table to extend when a kind is
// added. Each form lives in its kind's folder (src/ui/kinds/<kind>/Form.tsx). Forms are keyed by
// id so that switching the selection gives fresh field state instead of carrying drafts over.
import type { ReactElement } from 'react';
import { Stack } from '@mantine/core';
import type { DesignIndex, ElementKind } from '../../model/design-index';
import type { Design } from '../../model/schema';
import { AccountForm } from '../kinds/account/Form';
import { ApplianceForm } from '../kinds/appliance/Form';
import { EndpointForm } from '../kinds/endpoint/Form';
import { OperationForm } from '../kinds/operation/Form';
import { PeeringForm } from '../kinds/peering/Form';
import { RepositoryForm } from '../kinds/repository/Form';
import { SubnetForm } from '../kinds/subnet/Form';
import { TgwAttachmentForm } from '../kinds/tgwAttachment/Form';
import { TransitGatewayForm } from '../kinds/transitGateway/Form';
import { VpcForm } from '../kinds/vpc/Form';
import { WorkerConfigurationForm } from '../kinds/workerConfiguration/Form';
import { operationLabel } from '../panels/names';
import { Header } from './parts';

export interface FormContext {
  id: string;
  design: Design;
  index: DesignIndex;
}

export const INSPECTOR_FORMS: Record<ElementKind, (context: FormContext) => ReactElement> = {
  transitGateway: ({ id, design }) => {
    const tgw =
      design.transitGateways.find((t) => t.id === id) ??
      design.transitGateways.find((t) => t.routeTables.some((r) => r.id === id))!;
    return <TransitGatewayForm key={tgw.id} tgw={tgw} design={design} />;
  },
  // A TGW route table is edited inside its TGW's form.
  tgwRouteTable: (context) => INSPECTOR_FORMS.transitGateway(context),
  tgwAttachment: ({ id, design }) => (
    <TgwAttachmentForm
      key={id}
      attachment={design.transitGatewayAttachments.find((a) => a.id === id)!}
      design={design}
    />
  ),
  account: ({ id, design, index }) => (
    <AccountForm key={id} account={index.accounts.get(id)!.element} design={design} />
  ),
  vpc: ({ id, design, index }) => <VpcForm key={id} vpc={index.vpcs.get(id)!.element} design={design} />,
  subnet: ({ id, design, index }) => {
    const at = index.subnets.get(id)!;
    return <SubnetForm key={id} subnet={at.element} vpc={at.vpc!} design={design} />;
  },
  endpoint: ({ id, index }) => {
    const at = index.endpoints.get(id)!;
    return <EndpointForm key={id} endpoint={at.element} vpc={at.vpc!} />;
  },
  // Route tables and groups are edited inside their VPC's form.
  routeTable: ({ id, design, index }) => {
    const vpc = index.routeTables.get(id)!.vpc!;
    return <VpcForm key={vpc.id} vpc={vpc} design={design} />;
  },
  securityGroup: ({ id, design, index }) => {
    const vpc = index.securityGroups.get(id)!.vpc!;
    return <VpcForm key={vpc.id} vpc={vpc} design={design} />;
  },
  peering: ({ id, design, index }) => (
    <PeeringForm key={id} peering={index.peerings.get(id)!.element} design={design} />
  ),
  repository: ({ id, design, index }) => (
    <RepositoryForm key={id} repository={index.repositories.get(id)!.element} design={design} />
  ),
  appliance: ({ id, design, index }) => (
    <ApplianceForm key={id} appliance={index.appliance!.element} design={design} index={index} />
  ),
  workerConfiguration: ({ id, design, index }) => (
    <WorkerConfigurationForm
      key={id}
      wc={index.workerConfigurations.get(id)!.element}
      design={design}
      index={index}
    />
  ),
  operation: ({ id, design, index }) => (
    <Stack gap="sm" key={id}>
      <Header kind="Operation" title={operationLabel(design, index.operations.get(id)!.element)} id={id} />
      <OperationForm operation={index.operations.get(id)!.element} design={design} />
    </Stack>
  ),
};
