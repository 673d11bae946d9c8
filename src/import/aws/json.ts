// The AWS CLI writes one JSON document per call, and when it pages on its own (or a collector
// appends pages) one file holds several documents back to back. This splits them and merges the
// pages: list members are concatenated, NextToken is dropped.
import { jsonPath, parseJsonSafely } from '../../model/parse';

export type CliDocument = Record<string, unknown>;

export type ReadResult = { ok: true; document: CliDocument } | { ok: false; path: string; message: string };

/** Start/end offsets of each top-level JSON value in `text`, or the offset where the text stops being JSON. */
function splitDocuments(text: string): { spans: [number, number][]; stray?: number } {
  const spans: [number, number][] = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      if (depth === 0) return { spans, stray: i };
      inString = true;
    } else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth < 0) return { spans, stray: i };
      if (depth === 0) spans.push([start, i + 1]);
    } else if (depth === 0 && !/\s/.test(c!)) return { spans, stray: i };
  }
  if (depth > 0) spans.push([start, text.length]);
  return { spans };
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Most files are one page: parsed whole, without walking the text first. */
function parseWhole(text: string): CliDocument | undefined {
  try {
    const value = parseJsonSafely(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as CliDocument)
      : undefined;
  } catch {
    return undefined;
  }
}

function withoutToken(document: CliDocument): CliDocument {
  if (!('NextToken' in document)) return document;
  const { NextToken: _token, ...rest } = document;
  return rest;
}

/** Reads one file of CLI output: one or more pages, merged into one document. */
export function readCliJson(text: string): ReadResult {
  const single = parseWhole(text);
  if (single) return { ok: true, document: withoutToken(single) };
  const { spans, stray } = splitDocuments(text);
  if (stray !== undefined)
    return {
      ok: false,
      path: '$',
      message: `not the AWS CLI's JSON output (--output json): unexpected ${JSON.stringify(text[stray])} at ${lineColumn(text, stray)}`,
    };
  if (!spans.length)
    return { ok: false, path: '$', message: "the file is empty; expected the AWS CLI's JSON output" };
  const merged: CliDocument = {};
  for (const [page, [from, to]] of spans.entries()) {
    let value: unknown;
    try {
      value = parseJsonSafely(text.slice(from, to));
    } catch (err) {
      const raw = err instanceof Error ? err.message : String(err);
      return {
        ok: false,
        path: '$',
        message: `not valid JSON (page ${page + 1}, starting at ${lineColumn(text, from)}): ${raw}`,
      };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return {
        ok: false,
        path: '$',
        message: `expected an object as the AWS CLI prints, got ${Array.isArray(value) ? 'an array' : typeof value}`,
      };
    for (const [key, v] of Object.entries(value as CliDocument)) {
      if (key === 'NextToken') continue;
      const before = merged[key];
      if (Array.isArray(before)) {
        if (!Array.isArray(v))
          return {
            ok: false,
            path: jsonPath([key]),
            message: `expected an array on every page (page ${page + 1})`,
          };
        merged[key] = [...(before as unknown[]), ...v];
      } else merged[key] = v;
    }
  }
  return { ok: true, document: merged };
}
