// What the share/file layer has to tell the user: a link that could not be opened, a link that
// replaced a local design (with the way back), a file that could not be imported. View state only:
// never part of the design, never in the undo history.
import { create } from 'zustand';
import type { LoadError } from '../../model/parse';

export type ShareNotice =
  /** `fallback`: what is open instead, the user's own design or (with nothing saved) Example 1. */
  | { kind: 'link-error'; message: string; fallback: 'own' | 'example' }
  | { kind: 'link-opened'; previousKept: boolean }
  | { kind: 'previous-restored' }
  | { kind: 'file-opened'; fileName: string }
  | { kind: 'import-error'; fileName: string; problem: string; errors: LoadError[] }
  | { kind: 'autosave-failed' }
  | { kind: 'autosave-unreadable'; errors: LoadError[] };

export type NoticeKind = ShareNotice['kind'];

/** Notices that replace each other: one message about "what design is this" at a time. */
const DESIGN_SOURCE: readonly NoticeKind[] = [
  'link-error',
  'link-opened',
  'previous-restored',
  'file-opened',
  'import-error',
];

interface NoticeState {
  notices: ShareNotice[];
  show(notice: ShareNotice): void;
  dismiss(kind: NoticeKind): void;
}

export const useShareNotices = create<NoticeState>()((set) => ({
  notices: [],
  show: (notice) =>
    set((s) => ({
      notices: [
        ...s.notices.filter(
          (n) =>
            n.kind !== notice.kind &&
            !(DESIGN_SOURCE.includes(n.kind) && DESIGN_SOURCE.includes(notice.kind)),
        ),
        notice,
      ],
    })),
  dismiss: (kind) => set((s) => ({ notices: s.notices.filter((n) => n.kind !== kind) })),
}));

export const showNotice = (notice: ShareNotice) => useShareNotices.getState().show(notice);
