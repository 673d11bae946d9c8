// The canvas bench's baseline: React Flow with the same nodes and edges as the app's canvas
// (positions, sizes, parents, peerings) but trivial node components and default settings: the
// library's own cost of showing the graph, which the app is measured against in the same run.
import { createRoot } from 'react-dom/client';
import { Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

export interface BareGraph {
  nodes: Node<{ label: string }>[];
  edges: Edge[];
}

declare global {
  interface Window {
    __bareGraph?: BareGraph;
  }
}

function Box({ data }: NodeProps<Node<{ label: string }>>) {
  return (
    <div style={{ width: '100%', height: '100%', border: '1px solid #888', fontSize: 12 }}>
      <Handle type="target" position={Position.Left} />
      {data.label}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

const nodeTypes = { box: Box };
const graph = window.__bareGraph ?? { nodes: [], edges: [] };

createRoot(document.getElementById('root')!).render(
  <div style={{ width: '100vw', height: '100vh' }}>
    <ReactFlow
      defaultNodes={graph.nodes}
      defaultEdges={graph.edges}
      nodeTypes={nodeTypes}
      fitView
      minZoom={0.05}
    />
  </div>,
);
