// Inspector form fields. Text fields keep what the user types locally and hand it to the design
// only when it is valid (a CIDR that src/network/cidr.ts accepts, a 12-digit account id…): an invalid value
// shows its message under the field and never reaches the design. Valid text lands after a short
// pause or on blur/Enter; everything typed while the field keeps the focus is one undo step, and
// Undo/Redo commit a pending draft first (src/app/history.ts).
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Select, Switch, TextInput, type ComboboxItem } from '@mantine/core';
import { holdPendingEdit, useHistoryEpoch } from '../../app/history';
import { cidrOf, cidrProblem, hostCidr } from '../../network/cidr';

const COMMIT_DELAY_MS = 350;

export type Check = (value: string) => string | null;

/** The CIDR parser's own reason (src/network/cidr.ts), as a sentence. */
export const cidrError: Check = (value) => {
  const v = value.trim();
  if (!v) return 'Enter a CIDR block such as 10.0.0.0/16.';
  const problem = cidrProblem(v);
  return problem === undefined ? null : `${problem[0]!.toUpperCase()}${problem.slice(1)}.`;
};

export const vpcCidrError: Check = (value) => {
  const base = cidrError(value);
  if (base) return base;
  const prefix = cidrOf(value.trim())!.prefix;
  // AWS accepts VPC blocks from /16 to /28.
  return prefix < 16 || prefix > 28 ? 'A VPC block must be between /16 and /28.' : null;
};

export const accountIdError: Check = (value) =>
  /^\d{12}$/.test(value.trim()) ? null : 'An AWS account id is exactly 12 digits.';

export const ipv4Error: Check = (value) =>
  hostCidr(value.trim()) ? null : 'Enter an IPv4 address such as 10.0.1.10.';

export const required =
  (what: string): Check =>
  (value) =>
    value.trim() ? null : `${what} cannot be empty.`;

export const portError: Check = (value) => {
  const v = value.trim();
  return /^\d{1,5}$/.test(v) && Number(v) <= 65535 ? null : 'A port is a number from 0 to 65535.';
};

export interface TextFieldProps {
  label: string;
  value: string;
  onCommit(value: string, burst: string): void;
  check?: Check;
  placeholder?: string;
  description?: ReactNode;
  testId?: string;
  mono?: boolean;
  size?: 'xs' | 'sm';
  w?: number;
  inputMode?: 'numeric' | 'text';
  'aria-label'?: string;
  /** Marks the field as the part of the design a finding blames. */
  blamed?: string;
}

let focusSeq = 0;

export function TextField({
  label,
  value,
  onCommit,
  check,
  placeholder,
  description,
  testId,
  mono,
  size,
  w,
  inputMode,
  blamed,
  ...rest
}: TextFieldProps) {
  const epoch = useHistoryEpoch((s) => s.epoch);
  const [draft, setDraft] = useState(value);
  const [base, setBase] = useState({ value, epoch });
  if (value !== base.value || epoch !== base.epoch) {
    // The design changed under the field (undo, redo, a fix, another panel): show the design, and
    // drop whatever was typed but not committed, so that a later blur never re-applies it.
    setBase({ value, epoch });
    setDraft(value);
  }
  const fieldId = useId();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const burst = useRef(`${fieldId}:0`);
  const release = useRef<(() => void) | undefined>(undefined);
  const latest = useRef({ value, onCommit, check, draft });
  useEffect(() => {
    latest.current = { value, onCommit, check, draft };
  });
  const commit = (next: string) => {
    clearTimeout(timer.current);
    release.current?.();
    release.current = undefined;
    const { value: current, onCommit: save, check: test } = latest.current;
    const v = next.trim() === next ? next : test ? next.trim() : next;
    if (test?.(v)) return;
    if (v !== current) save(v, burst.current);
  };
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });
  // A draft still pending when the form goes away (the selection changed) is kept, not lost.
  useEffect(() => () => release.current && commitRef.current(latest.current.draft), []);
  const error = check?.(draft) ?? null;
  return (
    <TextInput
      label={label}
      aria-label={rest['aria-label']}
      size={size ?? 'xs'}
      w={w}
      inputMode={inputMode}
      value={draft}
      placeholder={placeholder}
      description={description}
      error={error}
      data-testid={testId}
      data-blamed={blamed ? 'true' : undefined}
      title={blamed}
      classNames={
        mono || blamed ? { input: `${mono ? 'pnd-mono' : ''} ${blamed ? 'pnd-blamed' : ''}` } : undefined
      }
      onFocus={() => {
        // One focus is one burst: everything typed until the field is left is one undo step.
        burst.current = `${fieldId}:${++focusSeq}`;
      }}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setDraft(next);
        latest.current.draft = next;
        clearTimeout(timer.current);
        release.current ??= holdPendingEdit(() => commitRef.current(latest.current.draft));
        timer.current = setTimeout(() => commitRef.current(next), COMMIT_DELAY_MS);
      }}
      onBlur={() => commit(draft)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit(draft);
      }}
    />
  );
}

export interface SelectFieldProps {
  label: string;
  value: string | null | undefined;
  data: (string | ComboboxItem)[];
  onChange(value: string | null): void;
  clearable?: boolean;
  placeholder?: string;
  testId?: string;
  error?: string | null;
  description?: ReactNode;
}

export function SelectField({
  label,
  value,
  data,
  onChange,
  clearable,
  placeholder,
  testId,
  error,
  description,
}: SelectFieldProps) {
  const selectedOnFocus = useRef(false);
  return (
    <Select
      label={label}
      size="xs"
      value={value ?? null}
      data={data}
      searchable
      clearable={clearable}
      allowDeselect={false}
      placeholder={placeholder}
      nothingFoundMessage="Nothing matches"
      data-testid={testId}
      error={error}
      description={description}
      // Mounted only while open: Mantine keeps a closed dropdown in the page (hidden), so every select
      // of a form mounted its options, their scroll area and the dropdown's positioning with it, and
      // the design form's first render was a long task when a large design opened.
      comboboxProps={{ withinPortal: true, keepMounted: false }}
      // Focusing selects the shown text, so typing replaces it instead of landing in the middle
      // of the current value; the click's mouseup would otherwise drop that selection again.
      onFocus={(event) => {
        event.currentTarget.select();
        selectedOnFocus.current = true;
      }}
      onMouseUp={(event) => {
        if (selectedOnFocus.current) event.preventDefault();
        selectedOnFocus.current = false;
      }}
      onChange={(v) => {
        if (v !== (value ?? null)) onChange(v);
      }}
    />
  );
}

export function SwitchField({
  label,
  checked,
  onChange,
  description,
  testId,
}: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  description?: ReactNode;
  testId?: string;
}) {
  return (
    <Switch
      label={label}
      size="sm"
      checked={checked}
      description={description}
      data-testid={testId}
      onChange={(event) => onChange(event.currentTarget.checked)}
    />
  );
}
