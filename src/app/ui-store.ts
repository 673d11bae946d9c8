// View state that is not part of the design and never enters the undo history: selection, which
// panel is open, the flow overlay, the open trace, and short notices (refused drops, peerings).
import { create } from 'zustand';

export type PanelTab = 'inspector' | 'problems';

export interface Notice {
  id: number;
  message: string;
  tone: 'refused' | 'info';
  /** One button the notice offers (Undo after replacing the design). */
  action?: { label: string; run(): void };
}

export interface UiState {
  /** Selected element ids (nodes, edges, or elements without a node such as operations). */
  selection: string[];
  tab: PanelTab;
  showFlows: boolean;
  /** The flow whose hop-by-hop trace is open. */
  openTrace: string | null;
  notice: Notice | null;
  /** Bumped to ask the canvas to zoom to the current selection. */
  zoomRequest: number;
  /** Bumped to ask the canvas to fit the whole design (a new or opened design). */
  fitRequest: number;
  /** Ids waiting for the delete confirmation. */
  pendingDelete: string[] | null;
  /** A subnet an interface endpoint was dropped on, waiting for the user to pick services. */
  endpointDrop: { vpc: string; subnet: string } | null;
  exportOpen: boolean;
  /** The canvas renders every node, not only those in view (the diagram export needs them all). */
  renderAll: boolean;
  select(ids: readonly string[], options?: { zoom?: boolean; tab?: PanelTab }): void;
  setTab(tab: PanelTab): void;
  requestFit(): void;
  setShowFlows(show: boolean): void;
  setOpenTrace(flow: string | null): void;
  notify(message: string, tone?: Notice['tone'], action?: Notice['action']): void;
  dismissNotice(): void;
  askDelete(ids: readonly string[] | null): void;
  setEndpointDrop(target: UiState['endpointDrop']): void;
  setExportOpen(open: boolean): void;
  setRenderAll(renderAll: boolean): void;
}

let noticeSeq = 0;

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export const useUiStore = create<UiState>()((set) => ({
  selection: [],
  tab: 'inspector',
  showFlows: false,
  openTrace: null,
  notice: null,
  zoomRequest: 0,
  fitRequest: 0,
  pendingDelete: null,
  endpointDrop: null,
  exportOpen: false,
  renderAll: false,
  select: (ids, options) =>
    set((s) => ({
      selection: sameIds(s.selection, ids) ? s.selection : [...ids],
      zoomRequest: options?.zoom ? s.zoomRequest + 1 : s.zoomRequest,
      tab: options?.tab ?? s.tab,
    })),
  setTab: (tab) => set({ tab }),
  requestFit: () => set((s) => ({ fitRequest: s.fitRequest + 1 })),
  setShowFlows: (showFlows) => set({ showFlows }),
  setOpenTrace: (openTrace) => set({ openTrace }),
  notify: (message, tone = 'refused', action) =>
    set({ notice: { id: ++noticeSeq, message, tone, ...(action ? { action } : {}) } }),
  dismissNotice: () => set({ notice: null }),
  askDelete: (ids) => set({ pendingDelete: ids && ids.length ? [...ids] : null }),
  setEndpointDrop: (endpointDrop) => set({ endpointDrop }),
  setExportOpen: (exportOpen) => set({ exportOpen }),
  setRenderAll: (renderAll) => set({ renderAll }),
}));
