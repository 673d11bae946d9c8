// Level of detail. Below DETAIL_ZOOM the canvas's 11–12 px text is under 5 px on screen, which no
// one can read: VPCs are drawn as plain boxes and their subnets are not mounted at all, so a
// zoomed-out 1,000-VPC design is a few thousand elements lighter. Zooming in mounts the detail.
// While a fit is pending (the page opening, a design opened or a template chosen) the zoom to come
// is unknown, so the detail waits for it: a large design never mounts its subnets at the zoom it
// arrives at only to drop them a frame later.
import { useStore, useUpdateNodeInternals, type ReactFlowState } from '@xyflow/react';
import { useEffect } from 'react';
import { create } from 'zustand';
import { useUiStore } from '../../app/ui-store';
import { DETAIL_ZOOM } from './view';

export { DETAIL_ZOOM };

const zoomedIn = (s: ReactFlowState) => !s.fitViewQueued && s.transform[2] >= DETAIL_ZOOM;

/** The last fit request (ui-store's fitRequest) the canvas has carried out. */
export const useFitDone = create(() => ({ request: 0 }));

/**
 * The canvas's answer, handed to its nodes through a store that changes only when the answer does:
 * a selector on React Flow's store in each node would run in a thousand VPCs on every pan or drag frame.
 */
export const useCanvasDetail = create(() => ({ detailed: true }));
export const useCanvasDetailed = () => useCanvasDetail((s) => s.detailed);

/** Whether subnets and the insides of VPCs are drawn (the diagram export always draws them). */
export function useDetailed(): boolean {
  const detailed = useStore(zoomedIn);
  const fitPending = useUiStore((s) => s.fitRequest) !== useFitDone((s) => s.request);
  const renderAll = useUiStore((s) => s.renderAll);
  return (detailed && !fitPending) || renderAll;
}

/**
 * Re-measures a node's handles when its level of detail changes. React Flow measures handles only
 * when a node's size changes, and a VPC keeps its size between the outline and the detailed
 * drawing: without this, a VPC first drawn as an outline (a design opened from a file is, until
 * its fit is done) keeps the handle list of the outline, which lacks the ⊕ handle, so a drag
 * from that handle never starts a connection.
 */
export function useHandlesFollowDetail(id: string, detailed: boolean): void {
  const updateNodeInternals = useUpdateNodeInternals();
  useEffect(() => updateNodeInternals(id), [id, detailed, updateNodeInternals]);
}
