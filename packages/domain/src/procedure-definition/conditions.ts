import jsonLogic from 'json-logic-js';
import { z } from 'zod';

/**
 * Conditions are JSON Logic (jsonlogic.com) over the values of a form, never code strings, so a
 * definition can be stored, checked before it is published and run the same on phone and server.
 * Only the operators below are allowed: they are the pure ones of json-logic-js (no `log`, no
 * operations added at run time), so evaluating a condition never does I/O.
 */
export const CONDITION_OPERATORS = [
  'var',
  'missing',
  'missing_some',
  'if',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'in',
  'cat',
  'substr',
  'map',
  'filter',
  'reduce',
  'all',
  'some',
  'none',
  'merge',
] as const;

/** Operators whose second argument runs once per element of the first, with `var` relative to the element. */
const ARRAY_OPERATORS = new Set(['map', 'filter', 'reduce', 'all', 'some', 'none']);
const ALLOWED = new Set<string>(CONDITION_OPERATORS);

/** A JSON Logic rule: an object with exactly one operator. Its content is checked by `checkCondition`. */
export const Condition = z
  .record(z.string(), z.unknown())
  .meta({ description: 'Biểu thức JSON Logic (jsonlogic.com) trên giá trị các trường của biểu mẫu' });
export type Condition = Record<string, unknown>;

export interface ConditionProblem {
  /** Path inside the condition, e.g. ['and', 1, '==', 0, 'var']. */
  path: PropertyKey[];
  message: string;
}

export interface ConditionShape {
  /** The form paths the condition reads (dotted, relative to the group it is evaluated on). */
  reads: string[];
  problems: ConditionProblem[];
}

/** Walks a condition: the fields it reads, and any operator outside the allowed list. */
export function checkCondition(rule: unknown): ConditionShape {
  const reads: string[] = [];
  const problems: ConditionProblem[] = [];
  walk(rule, [], true, reads, problems);
  return { reads: [...new Set(reads)], problems };
}

function walk(node: unknown, path: PropertyKey[], topScope: boolean, reads: string[], problems: ConditionProblem[]): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => {
      walk(n, [...path, i], topScope, reads, problems);
    });
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    problems.push({ path, message: 'Mỗi biểu thức JSON Logic phải có đúng một phép toán' });
    return;
  }
  const op = keys[0] as string;
  const args = (node as Record<string, unknown>)[op];
  if (!ALLOWED.has(op)) {
    problems.push({ path: [...path, op], message: `Phép toán "${op}" không được hỗ trợ trong điều kiện` });
    return;
  }
  if (op === 'var') {
    const name = Array.isArray(args) ? args[0] : args;
    if (typeof name !== 'string' && typeof name !== 'number') {
      problems.push({ path: [...path, op], message: 'Tên trường trong "var" phải là chuỗi ký tự' });
    } else if (topScope) reads.push(String(name));
    if (Array.isArray(args)) walk(args.slice(1), [...path, op], topScope, reads, problems);
    return;
  }
  if (op === 'missing' || op === 'missing_some') {
    const names = op === 'missing' ? args : Array.isArray(args) ? args[1] : undefined;
    if (topScope && Array.isArray(names)) for (const n of names) if (typeof n === 'string') reads.push(n);
    return;
  }
  if (ARRAY_OPERATORS.has(op) && Array.isArray(args)) {
    walk(args[0], [...path, op, 0], topScope, reads, problems);
    // Inside the per-element expression `var` names the element (or `current`/`accumulator`).
    args.slice(1).forEach((a, i) => {
      walk(a, [...path, op, i + 1], false, [], problems);
    });
    return;
  }
  walk(args, [...path, op], topScope, reads, problems);
}

/** Evaluates a condition on `data`; a condition that cannot be evaluated counts as false. */
export function evaluateCondition(rule: Condition, data: unknown): boolean {
  try {
    return truthy(jsonLogic.apply(rule as jsonLogic.RulesLogic, data as Record<string, unknown>));
  } catch {
    return false;
  }
}

/** JSON Logic's notion of truth: an empty array is false. */
function truthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}

/** A value the citizen has not given: absent, null, blank text or an empty list. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}
