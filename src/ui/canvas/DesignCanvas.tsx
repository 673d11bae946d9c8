import { useMemo } from 'react';
import { Background, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import { useDesignStore } from '../../app/store';
import { deriveEdges, deriveNodes } from './derive';
import { edgeTypes } from './edges';
import { nodeTypes } from './nodes';

export function DesignCanvas({ colorMode }: { colorMode: 'light' | 'dark' }) {
  const design = useDesignStore((s) => s.design);
  const nodes = useMemo(() => deriveNodes(design), [design]);
  const edges = useMemo(() => deriveEdges(design), [design]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      colorMode={colorMode}
      fitView
      minZoom={0.05}
      proOptions={{ hideAttribution: true }}
      aria-label="Design canvas"
    >
      <Background />
      <Controls />
      <MiniMap pannable zoomable ariaLabel="Overview map" />
    </ReactFlow>
  );
}
