// The subnet on the canvas, with chips for the endpoints, worker configurations and appliance it
// holds.
import { memo } from 'react';
import type { NodeProps, Node } from '@xyflow/react';
import type { SubnetNodeData } from '../../canvas/derive';
import { useNodeIssues } from '../../canvas/issues';
import { Chip, classes, FlowHandles, IssueBadge } from '../../canvas/node-parts';

export const SubnetNode = memo(function SubnetNode({ data, selected }: NodeProps<Node<SubnetNodeData>>) {
  const { subnet, endpoints, workerConfigurations, appliance } = data;
  const issues = useNodeIssues(subnet.id);
  return (
    <div className={classes('subnet', selected, issues)} data-testid={`subnet-${subnet.id}`}>
      <FlowHandles />
      <div className="pnd-subnet-title">
        <strong className="pnd-name">{subnet.name || subnet.id}</strong>
        <span className="pnd-mono">{subnet.cidr}</span>
        <span className="pnd-muted">{subnet.az}</span>
        <IssueBadge issues={issues} />
      </div>
      <div className="pnd-chips">
        {appliance && (
          <Chip
            id={appliance.id}
            className="pnd-chip-appliance"
            title={`Appliance ${appliance.name || appliance.id}`}
          >
            ◆ appliance
          </Chip>
        )}
        {workerConfigurations.map((w) => (
          <Chip
            key={w.id}
            id={w.id}
            className="pnd-chip-worker"
            title={`Worker configuration ${w.name || w.id}`}
          >
            ⚙ workers
          </Chip>
        ))}
        {endpoints.map((e) => (
          <Chip
            key={e.id}
            id={e.id}
            className="pnd-chip-endpoint"
            title={`${e.type} endpoint ${e.service} (${e.id})`}
          >
            ⬡ {e.service}
          </Chip>
        ))}
      </div>
    </div>
  );
});
