// Counts as a person reads them: "1 error", "2 errors", "0 warnings".
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
