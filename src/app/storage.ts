// The browser's storages, or null where they are disabled (privacy settings, sandboxed frames):
// the app then just doesn't persist.
export function storage(kind: 'local' | 'session' = 'local'): Storage | null {
  try {
    const store = kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
    return store ?? null;
  } catch {
    return null;
  }
}
