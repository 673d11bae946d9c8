// Pieces shared by the canvas nodes of every kind (src/ui/kinds/<kind>/Node.tsx): the class list,
// the issue badge, the flow overlay's anchors and the chips that select an element inside a node.
import type { ReactNode } from 'react';
import { Handle, Position } from '@xyflow/react';
import { useUiStore } from '../../app/ui-store';
import type { Issues } from './elements';

export function classes(kind: string, selected: boolean | undefined, issues: Issues | undefined): string {
  return `pnd-node pnd-${kind}${selected ? ' is-selected' : ''}${issues ? ` has-${issues.severity}` : ''}`;
}

export function IssueBadge({ issues }: { issues: Issues | undefined }) {
  if (!issues) return null;
  return (
    <span
      className={`pnd-issue-badge pnd-issue-${issues.severity}`}
      title={`${issues.count} ${issues.severity === 'info' ? 'note' : issues.severity}${issues.count > 1 ? 's' : ''}`}
      data-testid="issue-badge"
    >
      {issues.severity === 'error' ? '!' : issues.severity === 'warning' ? '▲' : 'i'} {issues.count}
    </span>
  );
}

/** Invisible anchors for the flow overlay's edges (never for drawing connections). */
export function FlowHandles() {
  return (
    <>
      <Handle
        id="flow-in"
        type="target"
        position={Position.Left}
        isConnectable={false}
        className="pnd-flow-handle"
      />
      <Handle
        id="flow-out"
        type="source"
        position={Position.Right}
        isConnectable={false}
        className="pnd-flow-handle"
      />
    </>
  );
}

/** A chip inside a node that selects the element it stands for (endpoint, workers, appliance). */
export function Chip({
  id,
  className,
  title,
  children,
}: {
  id: string;
  className: string;
  title: string;
  children: ReactNode;
}) {
  const selected = useUiStore((s) => s.selection.includes(id));
  return (
    <button
      type="button"
      className={`pnd-chip nodrag ${className}${selected ? ' is-selected' : ''}`}
      title={title}
      aria-label={title}
      aria-pressed={selected}
      data-testid={`chip-${id}`}
      onClick={(event) => {
        event.stopPropagation();
        const { select, selection } = useUiStore.getState();
        // Shift/Ctrl/Cmd adds to (or takes from) the selection, as on canvas nodes.
        if (event.shiftKey || event.ctrlKey || event.metaKey)
          select(selected ? selection.filter((x) => x !== id) : [...selection, id], { tab: 'inspector' });
        else select([id], { tab: 'inspector' });
      }}
    >
      {children}
    </button>
  );
}
