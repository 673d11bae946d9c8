// "Fix all" in the Problems tab applies fixAllWithReport's commands as one undo step; the CLI's
// `fix` writes its design. Both must be the same repair.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { applyCommands } from '../../src/model/command';
import { loadDesign } from '../../src/model/parse';
import { fixAllWithReport } from '../../src/rules/fix';
import { validate } from '../../src/rules/registry';
import { edit, example } from './helpers';

it('the commands of Fix all, applied in one step, give the fixed design', () => {
  const r = loadDesign(
    readFileSync(new URL('../../examples/example-1-ec2-backup.json', import.meta.url), 'utf8'),
  );
  if (!r.ok) throw new Error('example does not load');
  // Plant two faults that take two rounds: no route to the repository, DNS hostnames off.
  const broken = {
    ...r.design,
    vpcs: r.design.vpcs.map((v) =>
      v.id === 'vpc-worker'
        ? { ...v, dnsHostnames: false, routeTables: v.routeTables.map((t) => ({ ...t, routes: [] })) }
        : v,
    ),
  };
  expect(validate(broken).some((f) => f.rule === 'route/missing')).toBe(true);
  const report = fixAllWithReport(broken);
  expect(report.commands).toHaveLength(report.changes.length);
  expect(applyCommands(broken, report.commands)).toEqual(report.design);
  expect(validate(report.design).filter((f) => f.severity === 'error')).toEqual([]);
});

it('reports only changes that change the design, each once', () => {
  // A worker subnet outside its VPC: the Transit Gateway route fix cannot help, and the route it
  // adds exists after the first round. Fix all used to list that route again on every round.
  const broken = edit(example(3), (d) => {
    d.vpcs.find((v) => v.id === 'vpc-worker')!.subnets.find((s) => s.id === 'sn-worker-a')!.cidr =
      '172.0.0.0/8';
  });
  const report = fixAllWithReport(broken);
  expect(report.changes.length).toBeGreaterThan(0);
  expect(new Set(report.changes).size).toBe(report.changes.length);
  let current = broken;
  for (const command of report.commands) {
    const next = applyCommands(current, [command]);
    expect(JSON.stringify(next)).not.toBe(JSON.stringify(current));
    current = next;
  }
});
