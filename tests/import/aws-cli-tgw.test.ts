// The Transit Gateway fixes as AWS CLI calls: for faults planted in the TGW hub example (with
// AWS-style ids, as an import carries), the script of the rule's own fix holds the exact call,
// with botocore's parameter names, run with the owner account's profile in the resource's region.
import { describe, expect, it } from 'vitest';
import { awsCliScript } from '../../src/import/aws-cli/script';
import { associateTgwAttachment, attachTgwSubnet } from '../../src/model/commands/tgw-attachment';
import { setFields } from '../../src/model/commands/element';
import { removeTgwRoute } from '../../src/model/commands/tgw-route';
import type { Command } from '../../src/model/command';
import type { Design } from '../../src/model/schema';
import { validate } from '../../src/rules/registry';
import { edit, example } from '../rules/helpers';
import { sameRegionHub } from '../rules/tgw-variants';
import { withAwsIds } from './aws-ids';
import { shellWords } from './mimic';

const hub = withAwsIds(example(3));
const id = (designId: string) => hub.ids.get(designId)!;
const profiles = new Map(
  ['111111111111', '222222222222', '333333333333', '444444444444'].map((n) => [`PROFILE_${n}`, n]),
);

/** The fix of the first finding of `rule`, as a script. */
function fixScript(design: Design, rule: string): string {
  const finding = validate(design).find((f) => f.rule === rule && f.fix);
  expect(finding, `a fixable ${rule} finding`).toBeDefined();
  return awsCliScript(design, finding!.fix!.commands, 'one fix');
}

/** The calls of a script, each as its shell words (a created id's variable set as the script would). */
function calls(script: string): string[][] {
  const vars = new Map(profiles);
  const out: string[][] = [];
  for (const line of script.split('\n')) {
    if (!line.startsWith('aws ') && !/^[A-Z0-9_]+=\$\(aws /.test(line)) continue;
    const capture = /^([A-Z0-9_]+)=\$\((.*)\)$/.exec(line);
    out.push(shellWords(capture ? capture[2]! : line, vars));
    if (capture) vars.set(capture[1]!, 'tgw-attach-0123456789abcdef0');
  }
  return out;
}

const words = (text: string) => text.split(' ');

describe('Transit Gateway fixes as AWS CLI calls', () => {
  it('a missing TGW route over a peering: create-transit-gateway-route in the TGW owner account', () => {
    const broken = edit(hub.design, (d) => {
      d.transitGateways.find((t) => t.id === id('tgw-use1'))!.routeTables[0]!.routes = [];
    });
    const script = fixScript(broken, 'tgw/no-route');
    expect(script).not.toMatch(/not runnable|by hand/);
    expect(calls(script)).toEqual([
      words(
        `aws ec2 create-transit-gateway-route --transit-gateway-route-table-id ${id('tgw-rtb-use1')} --destination-cidr-block 11.0.0.0/16 --transit-gateway-attachment-id ${id('tgw-attach-use1-usw2')} --profile 222222222222 --region us-east-1`,
      ),
    ]);
  });

  it('a blackhole route: replace-transit-gateway-route toward the attachment', () => {
    const broken = edit(hub.design, (d) => {
      d.transitGateways.find((t) => t.id === id('tgw-use1'))!.routeTables[0]!.routes = [
        { destination: '11.0.0.0/16', blackhole: true },
      ];
    });
    expect(calls(fixScript(broken, 'tgw/blackhole'))).toEqual([
      words(
        `aws ec2 replace-transit-gateway-route --transit-gateway-route-table-id ${id('tgw-rtb-use1')} --destination-cidr-block 11.0.0.0/16 --transit-gateway-attachment-id ${id('tgw-attach-use1-usw2')} --profile 222222222222 --region us-east-1`,
      ),
    ]);
  });

  it('a missing propagation: enable-transit-gateway-route-table-propagation', () => {
    const same = withAwsIds(sameRegionHub());
    const sid = (x: string) => same.ids.get(x)!;
    const broken = edit(same.design, (d) => {
      d.transitGatewayAttachments.find((a) => a.id === sid('tgw-attach-repo'))!.propagations = [];
    });
    expect(calls(fixScript(broken, 'tgw/no-route'))).toContainEqual(
      words(
        `aws ec2 enable-transit-gateway-route-table-propagation --transit-gateway-route-table-id ${sid('tgw-rtb-use1')} --transit-gateway-attachment-id ${sid('tgw-attach-repo')} --profile 222222222222 --region us-east-1`,
      ),
    );
  });

  it('a VPC not attached: create-transit-gateway-vpc-attachment, its new id captured', () => {
    const broken = edit(hub.design, (d) => {
      d.transitGatewayAttachments = d.transitGatewayAttachments.filter(
        (a) => a.id !== id('tgw-attach-worker'),
      );
    });
    const script = fixScript(broken, 'tgw/no-attachment');
    expect(script).toMatch(
      /^TGW_ATTACH_[A-Z0-9_]+=\$\(aws ec2 create-transit-gateway-vpc-attachment .* --query TransitGatewayVpcAttachment\.TransitGatewayAttachmentId --output text --profile "\$PROFILE_222222222222" --region us-east-1\)$/m,
    );
    expect(calls(script)).toEqual([
      words(
        `aws ec2 create-transit-gateway-vpc-attachment --transit-gateway-id ${id('tgw-use1')} --vpc-id ${id('vpc-worker')} --subnet-ids ${id('sn-worker-a')} --query TransitGatewayVpcAttachment.TransitGatewayAttachmentId --output text --profile 222222222222 --region us-east-1`,
      ),
    ]);
  });

  it('a VPC of another account: the RAM share by the TGW owner, then the attachment by the VPC owner, with the acceptance named', () => {
    const broken = edit(hub.design, (d) => {
      d.transitGatewayAttachments = d.transitGatewayAttachments.filter((a) => a.id !== id('tgw-attach-repo'));
      d.transitGateways.find((t) => t.id === id('tgw-usw2'))!.sharedWith = [];
    });
    const script = fixScript(broken, 'tgw/no-attachment');
    const [share, attach] = calls(script);
    expect(share).toEqual([
      'aws',
      'ram',
      'create-resource-share',
      '--name',
      `${nameOf(broken, id('tgw-usw2'))} (Private Network Designer)`,
      '--resource-arns',
      `arn:aws:ec2:us-west-2:222222222222:transit-gateway/${id('tgw-usw2')}`,
      '--principals',
      '444444444444',
      '--profile',
      '222222222222',
      '--region',
      'us-west-2',
    ]);
    expect(attach!.slice(0, 3)).toEqual(['aws', 'ec2', 'create-transit-gateway-vpc-attachment']);
    expect(attach!.slice(-4)).toEqual(['--profile', '444444444444', '--region', 'us-west-2']);
    expect(script).toMatch(
      /^# .*accept-transit-gateway-vpc-attachment --transit-gateway-attachment-id "\$TGW_ATTACH_\w+" --profile "\$PROFILE_222222222222"/m,
    );
  });

  it('a TGW not shared: aws ram create-resource-share', () => {
    const broken = edit(hub.design, (d) => {
      d.transitGateways.find((t) => t.id === id('tgw-usw2'))!.sharedWith = [];
    });
    const [share] = calls(fixScript(broken, 'tgw/not-shared'));
    expect(share!.slice(0, 3)).toEqual(['aws', 'ram', 'create-resource-share']);
    expect(share).toContain(`arn:aws:ec2:us-west-2:222222222222:transit-gateway/${id('tgw-usw2')}`);
  });

  it('a VPC route to the TGW: create-route --transit-gateway-id in the VPC owner account', () => {
    const broken = edit(hub.design, (d) => {
      const rt = d.vpcs.find((v) => v.id === id('vpc-repo'))!.routeTables[0]!;
      rt.routes = rt.routes.filter((r) => r.transitGateway === undefined);
    });
    expect(calls(fixScript(broken, 'route/missing'))).toEqual([
      words(
        `aws ec2 create-route --route-table-id ${id('rt-repo')} --destination-cidr-block 10.0.0.0/16 --transit-gateway-id ${id('tgw-usw2')} --profile 444444444444 --region us-west-2`,
      ),
    ]);
  });

  it('association: the current table lets go first, then the new one takes the attachment', () => {
    const moved = edit(hub.design, (d) => {
      d.transitGateways
        .find((t) => t.id === id('tgw-use1'))!
        .routeTables.push({ id: 'tgw-rtb-0badc0de', routes: [] });
    });
    expect(
      calls(
        awsCliScript(
          moved,
          [associateTgwAttachment({ attachment: id('tgw-attach-worker'), routeTable: 'tgw-rtb-0badc0de' })],
          'x',
        ),
      ),
    ).toEqual([
      words(
        `aws ec2 disassociate-transit-gateway-route-table --transit-gateway-route-table-id ${id('tgw-rtb-use1')} --transit-gateway-attachment-id ${id('tgw-attach-worker')} --profile 222222222222 --region us-east-1`,
      ),
      words(
        `aws ec2 associate-transit-gateway-route-table --transit-gateway-route-table-id tgw-rtb-0badc0de --transit-gateway-attachment-id ${id('tgw-attach-worker')} --profile 222222222222 --region us-east-1`,
      ),
    ]);
  });

  it('another AZ: modify-transit-gateway-vpc-attachment --add-subnet-ids by the VPC owner', () => {
    const twoAz = edit(hub.design, (d) => {
      d.vpcs
        .find((v) => v.id === id('vpc-repo'))!
        .subnets.push({
          ...d.vpcs.find((v) => v.id === id('vpc-repo'))!.subnets[0]!,
          id: 'subnet-0badc0de',
          az: 'us-west-2b',
          cidr: '11.0.99.0/24',
        });
    });
    expect(
      calls(
        awsCliScript(
          twoAz,
          [attachTgwSubnet({ attachment: id('tgw-attach-repo'), subnet: 'subnet-0badc0de' })],
          'x',
        ),
      ),
    ).toEqual([
      words(
        `aws ec2 modify-transit-gateway-vpc-attachment --transit-gateway-attachment-id ${id('tgw-attach-repo')} --add-subnet-ids subnet-0badc0de --profile 444444444444 --region us-west-2`,
      ),
    ]);
  });

  it('security group referencing: modify-transit-gateway and modify-transit-gateway-vpc-attachment --options', () => {
    const commands: Command[] = [
      setFields({ id: id('tgw-use1'), fields: { securityGroupReferencing: true } }),
      setFields({ id: id('tgw-attach-worker'), fields: { securityGroupReferencing: false } }),
    ];
    const off = edit(hub.design, (d) => {
      d.transitGatewayAttachments.find((a) => a.id === id('tgw-attach-worker'))!.securityGroupReferencing =
        true;
    });
    expect(calls(awsCliScript(off, commands, 'x'))).toEqual([
      words(
        `aws ec2 modify-transit-gateway --transit-gateway-id ${id('tgw-use1')} --options SecurityGroupReferencingSupport=enable --profile 222222222222 --region us-east-1`,
      ),
      words(
        `aws ec2 modify-transit-gateway-vpc-attachment --transit-gateway-attachment-id ${id('tgw-attach-worker')} --options SecurityGroupReferencingSupport=disable --profile 222222222222 --region us-east-1`,
      ),
    ]);
  });

  it('a TGW route removed in the Inspector: delete-transit-gateway-route by its destination', () => {
    const script = awsCliScript(
      hub.design,
      [removeTgwRoute({ routeTable: id('tgw-rtb-usw2'), index: 1 })],
      'x',
    );
    expect(calls(script)).toEqual([
      words(
        `aws ec2 delete-transit-gateway-route --transit-gateway-route-table-id ${id('tgw-rtb-usw2')} --destination-cidr-block 172.16.0.0/16 --profile 222222222222 --region us-west-2`,
      ),
    ]);
  });

  it('a canvas edit through element/set stays by hand', () => {
    const script = awsCliScript(
      hub.design,
      [setFields({ id: id('tgw-use1'), fields: { name: 'hub' } })],
      'x',
    );
    expect(script).toMatch(/no AWS CLI equivalent is generated for element\/set/);
    expect(calls(script)).toEqual([]);
  });
});

function nameOf(design: Design, elementId: string): string {
  const t = design.transitGateways.find((x) => x.id === elementId);
  return t?.name || elementId;
}
