/* eslint-disable @typescript-eslint/no-explicit-any -- the CLI JSON is edited as untyped data, as a user would edit the files */
// Close the loop: for faults planted in the collected JSON, the AWS CLI script generated from the
// fixes, played against that JSON by a mimic of those calls, gives a folder that imports with
// 0 errors and judges clean.
import { describe, expect, it } from 'vitest';
import { awsCliScript } from '../../src/import/aws-cli/script';
import { awsCliSteps } from '../../src/import/aws-cli/translate';
import { shellQuote } from '../../src/import/aws-cli/shell';
import { importAws } from '../../src/import/aws/index';
import { importInto } from '../../src/import/into';
import { addSgRule } from '../../src/model/commands/sg-rule';
import type { Design } from '../../src/model/schema';
import { fixAllWithReport } from '../../src/rules/fix';
import { validate } from '../../src/rules/registry';
import { example } from '../rules/helpers';
import { withAwsIds } from './aws-ids';
import { describeAsCli, editFile, type Folder } from './describe';
import { playFixAll, shellWords } from './mimic';

const { design: drawn, ids } = withAwsIds(example(1));
const id = (designId: string) => ids.get(designId)!;
const folder = describeAsCli(drawn);
const worker = '222222222222/us-east-1';
const repo = '444444444444/us-west-2';

function importedInto(f: Folder): Design {
  const r = importAws(f);
  expect(r.findings.filter((x) => x.severity === 'error')).toEqual([]);
  return importInto(drawn, r.design).design;
}

const errors = (d: Design) => validate(d).filter((f) => f.severity === 'error');

const faults: { label: string; folder: Folder; calls: string[] }[] = [
  {
    label: 'a route removed',
    folder: editFile(folder, `${worker}/describe-route-tables.json`, (j) => {
      const t = j.RouteTables.find((x: any) => x.RouteTableId === id('rt-worker'));
      t.Routes = t.Routes.filter((r: any) => !r.VpcPeeringConnectionId);
    }),
    calls: ['create-route'],
  },
  {
    label: 'an endpoint rule narrowed to port 80',
    folder: editFile(folder, `${worker}/describe-security-groups.json`, (j) => {
      const g = j.SecurityGroups.find((x: any) => x.GroupId === id('sg-endpoints'));
      g.IpPermissions[0].FromPort = 80;
      g.IpPermissions[0].ToPort = 80;
    }),
    // The fix edits the narrowed rule: the corrected one is authorized, then the old one revoked.
    calls: ['authorize-security-group-ingress', 'revoke-security-group-ingress'],
  },
  {
    label: 'an endpoint deleted',
    folder: editFile(folder, `${worker}/describe-vpc-endpoints.json`, (j) => {
      j.VpcEndpoints.find((x: any) => x.VpcEndpointId === id('vpce-ssm')).State = 'deleted';
    }),
    calls: ['create-vpc-endpoint'],
  },
  {
    label: 'every interface endpoint of the worker VPC deleted',
    folder: editFile(folder, `${worker}/describe-vpc-endpoints.json`, (j) => {
      for (const e of j.VpcEndpoints) e.State = 'deleted';
    }),
    calls: ['create-security-group', 'authorize-security-group-ingress', 'create-vpc-endpoint'],
  },
  {
    label: 'DNS hostnames off',
    folder: editFile(
      folder,
      `${worker}/describe-vpc-attribute-${id('vpc-worker')}-enableDnsHostnames.json`,
      (j) => {
        j.EnableDnsHostnames.Value = false;
      },
    ),
    calls: ['modify-vpc-attribute'],
  },
  {
    label: 'a peering pending acceptance',
    folder: [worker, repo].reduce(
      (f, dir) =>
        editFile(f, `${dir}/describe-vpc-peering-connections.json`, (j) => {
          j.VpcPeeringConnections.find(
            (p: any) => p.VpcPeeringConnectionId === id('pcx-worker-repo'),
          ).Status = {
            Code: 'pending-acceptance',
          };
        }),
      folder,
    ),
    calls: ['accept-vpc-peering-connection'],
  },
];

describe('fix commands as AWS CLI', () => {
  it('the collected example is clean to begin with', () => {
    expect(errors(importedInto(folder))).toEqual([]);
  });

  it.each(faults)(
    '$label: the script, played on the JSON, gives a folder that imports with 0 errors',
    (fault) => {
      const broken = importedInto(fault.folder);
      expect(errors(broken).length).toBeGreaterThan(0);
      const played = playFixAll(broken, fault.folder);
      expect(played.script).not.toMatch(/not runnable/);
      expect(played.calls.map((c) => c.operation)).toEqual(expect.arrayContaining(fault.calls));
      expect(errors(importedInto(played.folder))).toEqual([]);
    },
  );

  it('uses the profile of the account and the region of the element', () => {
    const broken = importedInto(faults[0]!.folder);
    const script = awsCliScript(broken, fixAllWithReport(broken).commands, 'Fix all');
    expect(script).toContain('PROFILE_222222222222="${PROFILE_222222222222:-222222222222}"');
    expect(script).toMatch(
      new RegExp(
        `aws ec2 create-route --route-table-id ${id('rt-worker')} --destination-cidr-block 11\\.0\\.0\\.0/16 --vpc-peering-connection-id ${id('pcx-worker-repo')} --profile "\\$PROFILE_222222222222" --region us-east-1`,
      ),
    );
  });

  it('a group in another account is named with its UserId; descriptions are quoted data', () => {
    const command = addSgRule({
      securityGroup: id('sg-s3-endpoint'),
      direction: 'ingress',
      rule: {
        protocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        securityGroup: id('sg-worker'),
        description: "it's $(rm -rf /)",
      },
    });
    const [step] = awsCliSteps(drawn, [command]);
    const words = shellWords(step!.lines[0]!, new Map([['PROFILE_444444444444', 'p']]));
    const permissions = JSON.parse(words[words.indexOf('--ip-permissions') + 1]!);
    expect(permissions).toEqual([
      {
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
        UserIdGroupPairs: [
          { GroupId: id('sg-worker'), UserId: '222222222222', Description: "it's $(rm -rf /)" },
        ],
      },
    ]);
  });

  it('drawn elements (not AWS ids) get the commands commented out, saying why', () => {
    const plain = example(1);
    const command = addSgRule({
      securityGroup: 'sg-worker',
      direction: 'egress',
      rule: { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '11.0.0.0/16' },
    });
    const script = awsCliScript(plain, [command], 'one fix');
    expect(script).toMatch(/# not runnable: sg-worker is not an AWS id/);
    expect(script).toMatch(/^# aws ec2 authorize-security-group-egress/m);
  });

  it('shell quoting keeps names as data', () => {
    expect(shellWords(`x ${shellQuote("a'b $HOME `x`")}`, new Map())).toEqual(['x', "a'b $HOME `x`"]);
  });
});
