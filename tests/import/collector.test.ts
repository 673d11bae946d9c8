// scripts/collect-aws.sh: bash -n, shellcheck, and a run against a fake `aws` on PATH that records
// every call and answers with fixture JSON. The folder it writes imports like the fixture.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importAws } from '../../src/import/aws/index';
import { example } from '../rules/helpers';
import { withAwsIds } from './aws-ids';
import { describeAsCli } from './describe';
import { tgwCollection } from './tgw-fixture';

const root = new URL('../..', import.meta.url).pathname;
const script = join(root, 'scripts/collect-aws.sh');
const tmp = mkdtempSync(join(tmpdir(), 'pnd-collect-'));

// The fake: profile "acct-NNN…" or credentials "AKIA"+NNN… select the account; answers come from
// FIXTURE/ACCOUNT/REGION/<call>.json; each call is appended to CALLS as one JSON line.
const FAKE = `#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const profile = opt('--profile');
const account = profile ? profile.replace(/^acct-/, '') : (process.env.AWS_ACCESS_KEY_ID || '').replace(/^AKIA/, '');
fs.appendFileSync(process.env.CALLS, JSON.stringify({ args, account }) + '\\n');
const [service, operation] = args;
if (service === 'sts' && operation === 'get-caller-identity') { console.log(account); process.exit(0); }
if (service === 'sts' && operation === 'assume-role') {
  const target = opt('--role-arn').split(':')[4];
  console.log('AKIA' + target + '\\tsecret\\ttoken');
  process.exit(0);
}
const dir = path.join(process.env.FIXTURE, account, opt('--region'));
if (operation === 'describe-vpc-attribute') {
  process.stdout.write(fs.readFileSync(path.join(dir, 'describe-vpc-attribute-' + opt('--vpc-id') + '-' + opt('--attribute') + '.json'), 'utf8'));
  process.exit(0);
}
if (operation === 'describe-transit-gateway-route-tables' && opt('--query')) {
  const f = path.join(dir, operation + '.json');
  const tables = fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')).TransitGatewayRouteTables : [];
  console.log(tables.filter((t) => t.State === 'available').map((t) => t.TransitGatewayRouteTableId).join('\\t'));
  process.exit(0);
}
const perTable = opt('--transit-gateway-route-table-id');
const file = path.join(dir, operation + (perTable ? '-' + perTable : '') + '.json');
const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '{"' + ({ 'describe-vpcs': 'Vpcs', 'describe-subnets': 'Subnets', 'describe-route-tables': 'RouteTables', 'describe-security-groups': 'SecurityGroups', 'describe-vpc-endpoints': 'VpcEndpoints', 'describe-vpc-peering-connections': 'VpcPeeringConnections', 'describe-transit-gateways': 'TransitGateways', 'describe-transit-gateway-attachments': 'TransitGatewayAttachments', 'describe-transit-gateway-vpc-attachments': 'TransitGatewayVpcAttachments', 'describe-transit-gateway-route-tables': 'TransitGatewayRouteTables', 'search-transit-gateway-routes': 'Routes', 'get-transit-gateway-route-table-propagations': 'TransitGatewayRouteTablePropagations' })[operation] + '": []}';
if (opt('--query')) {
  const owner = /OwnerId=='(\\d+)'/.exec(opt('--query'))[1];
  const vpcs = [];
  for (const chunk of text.split(/\\n(?=\\{)/)) vpcs.push(...JSON.parse(chunk).Vpcs);
  console.log(vpcs.filter((v) => v.OwnerId === owner).map((v) => v.VpcId).join('\\t'));
} else process.stdout.write(text);
`;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const e of readdirSync(at, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(at, e.name));
      else out.push(relative(dir, join(at, e.name)));
  };
  walk(dir);
  return out.sort();
}

describe('scripts/collect-aws.sh', () => {
  it('passes bash -n', () => {
    expect(spawnSync('bash', ['-n', script]).status).toBe(0);
  });

  it('passes shellcheck', () => {
    const r = spawnSync('shellcheck', [script], { encoding: 'utf8' });
    if (r.error && !process.env.CI) return; // not installed on this machine; CI installs it
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('with a fake aws: read-only calls only, exactly the folder the import reads, same network', () => {
    const design = withAwsIds(example(1)).design;
    const fixture = join(tmp, 'fixture');
    const folder = describeAsCli(design, { paginate: true });
    for (const [p, text] of folder) {
      mkdirSync(dirname(join(fixture, p)), { recursive: true });
      writeFileSync(join(fixture, p), text);
    }
    const bin = join(tmp, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'aws'), FAKE);
    chmodSync(join(bin, 'aws'), 0o755);
    const calls = join(tmp, 'calls.jsonl');
    const out = join(tmp, 'out');
    const r = spawnSync(
      'bash',
      [
        script,
        '--out',
        out,
        '--region',
        'us-east-1,eu-central-1',
        '--region',
        'us-west-2',
        '--profile',
        'acct-111111111111,acct-222222222222',
        '--role-arn',
        'arn:aws:iam::444444444444:role/network-reader',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, CALLS: calls, FIXTURE: fixture },
      },
    );
    expect(r.stderr).toContain('collect-aws: done');
    expect(r.status).toBe(0);

    const made = JSON.parse(`[${readFileSync(calls, 'utf8').trim().split('\n').join(',')}]`) as {
      args: string[];
    }[];
    for (const c of made) {
      const op = `${c.args[0]} ${c.args[1]}`;
      expect(op).toMatch(
        /^(ec2 describe-[a-z-]+|ec2 search-transit-gateway-routes|ec2 get-transit-gateway-route-table-propagations|sts get-caller-identity|sts assume-role)$/,
      );
    }
    expect(made.filter((c) => c.args[0] === 'ec2').every((c) => c.args.includes('--region'))).toBe(true);

    // Every fixture file, byte for byte; beyond them only the list files of regions without VPCs, empty.
    for (const [p, text] of folder) expect(readFileSync(join(out, p), 'utf8')).toBe(text);
    for (const p of listFiles(out).filter((x) => !folder.has(x))) {
      expect(p).toMatch(/^\d{12}\/[a-z0-9-]+\/describe-[a-z-]+\.json$/);
      expect(Object.values(JSON.parse(readFileSync(join(out, p), 'utf8')))).toEqual([[]]);
    }

    const fromCollector = new Map(listFiles(out).map((p) => [p, readFileSync(join(out, p), 'utf8')]));
    const a = importAws(fromCollector);
    const b = importAws(folder);
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(a.design.vpcs).toEqual(b.design.vpcs);
    expect(a.design.peerings).toEqual(b.design.peerings);
  });

  it('with a fake aws: Transit Gateway files, per TGW route table too, import like the fixture', () => {
    const folder = tgwCollection();
    const base = join(tmp, 'tgw');
    const fixture = join(base, 'fixture');
    for (const [p, text] of folder) {
      mkdirSync(dirname(join(fixture, p)), { recursive: true });
      writeFileSync(join(fixture, p), text);
    }
    for (const [p, text] of [...folder].filter(([p]) => p.endsWith('/describe-vpcs.json')))
      for (const v of (JSON.parse(text) as { Vpcs: { VpcId: string }[] }).Vpcs)
        for (const [a, m] of [
          ['enableDnsSupport', 'EnableDnsSupport'],
          ['enableDnsHostnames', 'EnableDnsHostnames'],
        ])
          writeFileSync(
            join(fixture, dirname(p), `describe-vpc-attribute-${v.VpcId}-${a}.json`),
            JSON.stringify({ VpcId: v.VpcId, [m!]: { Value: true } }),
          );
    const bin = join(base, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'aws'), FAKE);
    chmodSync(join(bin, 'aws'), 0o755);
    const calls = join(base, 'calls.jsonl');
    const out = join(base, 'out');
    const r = spawnSync(
      'bash',
      [
        script,
        '--out',
        out,
        '--region',
        'eu-west-1,us-east-1',
        '--profile',
        'acct-111111111111,acct-222222222222',
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, CALLS: calls, FIXTURE: fixture },
      },
    );
    expect(r.status, r.stderr).toBe(0);
    for (const [p, text] of folder) expect(readFileSync(join(out, p), 'utf8'), p).toBe(text);
    const a = importAws(new Map(listFiles(out).map((p) => [p, readFileSync(join(out, p), 'utf8')])));
    const b = importAws(folder);
    expect(a.design.transitGateways).toEqual(b.design.transitGateways);
    expect(a.design.transitGatewayAttachments).toEqual(b.design.transitGatewayAttachments);
    expect(a.design.transitGateways).toHaveLength(2);
  });
});
