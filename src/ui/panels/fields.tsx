// Inspector form fields. Text fields keep what the user types locally and hand it to the design
// only when it is valid (a CIDR that src/network/cidr.ts accepts, a 12-digit account id…): an invalid value
// shows its message under the field and never reaches the design. Valid text lands after a short
// pause or on blur/Enter, so one burst of typing is one undo step and one validation run.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Select, Switch, TextInput, type ComboboxItem } from '@mantine/core';
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

export interface TextFieldProps {
  label: string;
  value: string;
  onCommit(value: string): void;
  check?: Check;
  placeholder?: string;
  description?: ReactNode;
  testId?: string;
  mono?: boolean;
  size?: 'xs' | 'sm';
  'aria-label'?: string;
}

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
  ...rest
}: TextFieldProps) {
  const [draft, setDraft] = useState(value);
  const [base, setBase] = useState(value);
  if (value !== base) {
    // The design changed under the field (undo, a fix, another panel): show the new value.
    setBase(value);
    setDraft(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ value, onCommit, check });
  useEffect(() => {
    latest.current = { value, onCommit, check };
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  const commit = (next: string) => {
    clearTimeout(timer.current);
    const { value: current, onCommit: save, check: test } = latest.current;
    const v = next.trim() === next ? next : test ? next.trim() : next;
    if (test?.(v)) return;
    if (v !== current) save(v);
  };
  const error = check?.(draft) ?? null;
  return (
    <TextInput
      label={label}
      aria-label={rest['aria-label']}
      size={size ?? 'xs'}
      value={draft}
      placeholder={placeholder}
      description={description}
      error={error}
      data-testid={testId}
      classNames={mono ? { input: 'pnd-mono' } : undefined}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setDraft(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => commit(next), COMMIT_DELAY_MS);
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
      comboboxProps={{ withinPortal: true }}
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
