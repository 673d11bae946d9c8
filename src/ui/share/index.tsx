// Mount points for sharing, files and persistence (issue: share links, autosave, files and undo).
// The header renders <FileShareControls/>, the app renders <ShareNotices/> and calls useBoot().

/** Header buttons: Open, Save, Share. */
export function FileShareControls() {
  return null;
}

/** Banners and dialogs: damaged link message, "Restore previous design", file drop zone. */
export function ShareNotices() {
  return null;
}

/** Decides the first design (link, autosave, else Example 1) and keeps autosave and the URL in step. */
export function useBoot(): void {}
