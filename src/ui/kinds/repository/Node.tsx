// The S3 repository on the canvas.
import { memo } from 'react';
import type { NodeProps, Node } from '@xyflow/react';
import type { RepositoryNodeData } from '../../canvas/derive';
import { useNodeIssues } from '../../canvas/issues';
import { classes, FlowHandles, IssueBadge } from '../../canvas/node-parts';

export const RepositoryNode = memo(function RepositoryNode({
  data,
  selected,
}: NodeProps<Node<RepositoryNodeData>>) {
  const { repository } = data;
  const issues = useNodeIssues(repository.id);
  return (
    <div className={classes('repository', selected, issues)} data-testid={`repository-${repository.id}`}>
      <FlowHandles />
      <span className="pnd-kind">
        S3 repository · {repository.tier} <IssueBadge issues={issues} />
      </span>
      <strong className="pnd-name">{repository.name || repository.id}</strong>
      <span className="pnd-mono">{repository.bucket}</span>
      <span className="pnd-muted">{repository.region}</span>
    </div>
  );
});
