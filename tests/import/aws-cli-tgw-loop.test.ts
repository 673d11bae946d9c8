/* eslint-disable @typescript-eslint/no-explicit-any -- the CLI JSON is edited as untyped data, as a user would edit the files */
// The closed loop for Transit Gateway faults: the TGW hub example, exported to Terraform and
// described as AWS would after applying it, has faults planted in that JSON; the AWS CLI script of
// "Fix all", played by the mimic, gives a folder that imports with 0 errors.
import { describe, expect, it } from 'vitest';
import { exportTerraform } from '../../src/export/index';
import { importAws } from '../../src/import/aws/index';
import { importInto } from '../../src/import/into';
import type { Design } from '../../src/model/schema';
import { validate } from '../../src/rules/registry';
import { example } from '../rules/helpers';
import { withAwsIds } from './aws-ids';
import { editFile, type Folder } from './describe';
import { playFixAll } from './mimic';
import { describeTerraform } from './terraform-apply';

const drawn = withAwsIds(example(3)).design;
const folder = describeTerraform(exportTerraform(drawn, validate(drawn)));

/**
 * The Veeam side of the drawn design over the imported network, Transit Gateways included (the
 * TGW, its tables and attachments come back with the ids AWS gave them).
 */
function importedInto(f: Folder): Design {
  const r = importAws(f);
  expect(r.findings.filter((x) => x.severity === 'error')).toEqual([]);
  const into = importInto(drawn, r.design).design;
  const numberOf = new Map(r.design.accounts.map((a) => [a.id, a.accountId]));
  const idOf = new Map(into.accounts.map((a) => [a.accountId, a.id]));
  const account = (id: string) => idOf.get(numberOf.get(id) ?? '') ?? id;
  return {
    ...into,
    transitGateways: r.design.transitGateways.map((t) => ({
      ...t,
      account: account(t.account),
      sharedWith: t.sharedWith.map(account),
    })),
    transitGatewayAttachments: r.design.transitGatewayAttachments,
  };
}

const errors = (d: Design) => validate(d).filter((f) => f.severity === 'error');

const HUB = '222222222222/us-east-1';
const file = (name: string) => `${HUB}/${name}`;
const hubJson = (name: string) => JSON.parse(folder.get(file(name))!);
const table: string = hubJson('describe-transit-gateway-route-tables.json').TransitGatewayRouteTables[0]
  .TransitGatewayRouteTableId;
const workerAttachment: string = hubJson('describe-transit-gateway-vpc-attachments.json')
  .TransitGatewayVpcAttachments[0].TransitGatewayAttachmentId;

const faults: { label: string; folder: Folder; calls: string[] }[] = [
  {
    label: 'the static route over the TGW peering removed',
    folder: editFile(folder, file(`search-transit-gateway-routes-${table}.json`), (j) => {
      j.Routes = [];
    }),
    calls: ['create-transit-gateway-route'],
  },
  {
    label: "the worker VPC attachment's propagation removed",
    folder: editFile(folder, file(`get-transit-gateway-route-table-propagations-${table}.json`), (j) => {
      j.TransitGatewayRouteTablePropagations = [];
    }),
    calls: ['enable-transit-gateway-route-table-propagation'],
  },
  {
    label: 'the worker VPC not attached (its attachment deleted)',
    folder: [
      ['describe-transit-gateway-attachments.json', 'TransitGatewayAttachments'],
      ['describe-transit-gateway-vpc-attachments.json', 'TransitGatewayVpcAttachments'],
    ].reduce(
      (f, [name, member]) =>
        editFile(f, file(name!), (j) => {
          j[member!].find((a: any) => a.TransitGatewayAttachmentId === workerAttachment).State = 'deleted';
        }),
      editFile(folder, file(`get-transit-gateway-route-table-propagations-${table}.json`), (j) => {
        j.TransitGatewayRouteTablePropagations = [];
      }),
    ),
    calls: [
      'create-transit-gateway-vpc-attachment',
      'associate-transit-gateway-route-table',
      'enable-transit-gateway-route-table-propagation',
    ],
  },
];

describe('Transit Gateway fixes as AWS CLI, played on the JSON', () => {
  it('the described hub is clean to begin with', () => {
    expect(errors(importedInto(folder))).toEqual([]);
  });

  it.each(faults)(
    '$label: the script, played on the JSON, gives a folder that imports with 0 errors',
    (fault) => {
      const broken = importedInto(fault.folder);
      expect(errors(broken).length).toBeGreaterThan(0);
      const played = playFixAll(broken, fault.folder);
      expect(played.script).not.toMatch(/not runnable|by hand/);
      expect(played.calls.map((c) => c.operation)).toEqual(expect.arrayContaining(fault.calls));
      expect(errors(importedInto(played.folder))).toEqual([]);
    },
  );
});
