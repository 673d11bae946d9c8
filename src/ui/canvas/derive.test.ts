// The incremental canvas derivation must show exactly what a fresh derivation shows, while keeping
// the node objects of everything an edit did not touch (that identity is what lets React Flow skip
// unchanged nodes on a 300-VPC design).
import { describe, expect, it } from 'vitest';
import { applyCommands } from '../../model/command';
import { addWorkerConfiguration } from '../../model/commands/worker-configuration';
import { deleteElements, setFields } from '../../model/commands/element';
import { moveVpcToAccount } from '../../model/commands/vpc';
import { setLayout } from '../../model/commands/layout';
import { generateDesign } from '../../model/generate';
import type { Design } from '../../model/schema';
import { deriveEdges, deriveNodes, EdgeDeriver, NodeDeriver } from './derive';
import { LayoutCache, layoutDesign } from './layout';

function edits(design: Design): Design[] {
  const [first, second] = design.vpcs;
  const otherAccount = design.accounts.find((a) => a.id !== first!.account)!;
  const steps: Design[] = [design];
  const step = (commands: Parameters<typeof applyCommands>[1]) =>
    steps.push(applyCommands(steps[steps.length - 1]!, commands));
  step([setFields({ id: first!.id, fields: { cidr: '10.250.0.0/16' } })]);
  step([setLayout({ boxes: { [second!.id]: { x: 400, y: 300 } } })]);
  step([setLayout({ boxes: { [first!.subnets[0]!.id]: { x: 900, y: 500 } } })]);
  step([
    addWorkerConfiguration({
      workerConfiguration: {
        id: 'wc-extra',
        name: 'Extra workers',
        account: first!.account,
        region: first!.region,
        vpc: first!.id,
        subnet: first!.subnets[0]!.id,
        securityGroup: first!.securityGroups[0]!.id,
      },
    }),
  ]);
  step([moveVpcToAccount({ vpc: second!.id, account: otherAccount.id })]);
  step([deleteElements({ ids: [design.peerings[0]!.id] })]);
  return steps;
}

describe('canvas derivation', () => {
  const design = generateDesign({ vpcs: 40, seed: 3 });

  it('remembers nothing a fresh derivation would show differently', () => {
    const nodes = new NodeDeriver();
    const edges = new EdgeDeriver();
    const cache = new LayoutCache();
    for (const d of edits(design)) {
      expect(layoutDesign(d, cache)).toEqual(layoutDesign(d));
      expect(nodes.nodes(d)).toEqual(deriveNodes(d));
      expect(edges.edges(d)).toEqual(deriveEdges(d));
    }
  });

  it('renaming a VPC gives a new node object to that VPC only', () => {
    const deriver = new NodeDeriver();
    const before = deriver.nodes(design);
    const vpc = design.vpcs[0]!;
    const after = deriver.nodes(
      applyCommands(design, [setFields({ id: vpc.id, fields: { name: 'Renamed' } })]),
    );
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id);
    expect(changed).toEqual([vpc.id]);
    expect(after.find((n) => n.id === vpc.id)?.data).toMatchObject({ vpc: { name: 'Renamed' } });
  });

  it('selection decorates only the nodes it names', () => {
    const deriver = new NodeDeriver();
    const before = deriver.nodes(design);
    const [a, b] = [design.vpcs[1]!.id, design.vpcs[2]!.subnets[0]!.id];
    const decorated = deriver.nodes(design, new Set([a, b]));
    expect(decorated.filter((n, i) => n !== before[i]).map((n) => n.id)).toEqual([a, b]);
    expect(decorated.filter((n) => n.selected).map((n) => n.id)).toEqual([a, b]);
    // The same selection as a new set (every click makes one) changes nothing.
    const again = deriver.nodes(design, new Set([a, b]));
    expect(again.every((n, i) => n === decorated[i])).toBe(true);
    expect(deriver.nodes(design).every((n, i) => n === before[i])).toBe(true);
  });
});
