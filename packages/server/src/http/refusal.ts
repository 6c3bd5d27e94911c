import type { FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError, type Problem, TYPE_BASE } from './problem-shape';

/**
 * The one shape of an expected failure: services return it as a value, routes `throw refuse(f, table)`
 * (or `unwrap(result, table)`), and the app's error handler turns it into problem+json through the
 * capability's table. `message` is the Vietnamese sentence a rule may use as the title; `errors` and
 * `detail` go into the problem as they are; anything else a rule adds as an extension member.
 */
export type Failure<R extends string = string, X extends object = object> = {
  ok: false;
  reason: R;
  message?: string;
  detail?: string;
  errors?: FieldError[];
} & X;

/** A service's answer: the value, or an expected failure. */
export type Result<T, F extends Failure = Failure> = { ok: true; value: T } | F;

/**
 * How one reason answers: status, problem code (the reason in kebab case by default) and Vietnamese
 * title. The functions get the failure and the request's time (`ctx.now()`, for "try again in 3 minutes").
 */
export interface RefusalRule<F> {
  status: number;
  code?: string;
  /** The Vietnamese title; by default the failure's `message`. */
  title?: string | ((f: F, now: Date) => string);
  /** By default the failure's `detail`. */
  detail?: string | ((f: F, now: Date) => string | undefined);
  /** By default the failure's `errors`. */
  errors?: (f: F) => FieldError[] | undefined;
  /** Extension members of the problem. */
  extra?: (f: F) => Record<string, unknown>;
  /** When to try again: answered as the Retry-After header too. */
  retryAt?: (f: F) => Date | null | undefined;
}

/** A capability's table: a rule for every reason of its failures. */
export type RefusalTable<F extends Failure> = { [R in F['reason']]: RefusalRule<Extract<F, { reason: R }>> };

/** Declares a capability's table (type-checked against its failures). */
export function refusals<F extends Failure>(table: RefusalTable<F>): RefusalTable<F> {
  return table;
}

// biome-ignore lint/suspicious/noExplicitAny: a table's rules are typed where it is declared; here they are only applied.
type AnyTable = Record<string, RefusalRule<any> | undefined>;

/** Thrown by a route with an expected failure; the app's error handler answers it (see `refusalProblem`). */
export class Refused extends Error {
  constructor(
    readonly failure: Failure,
    readonly table: AnyTable,
  ) {
    super(failure.message ?? failure.reason);
    this.name = 'Refused';
  }
}

/** The error to throw for an expected failure, answered through `table`. */
export function refuse<F extends Failure>(failure: F, table: RefusalTable<F>): Refused {
  return new Refused(failure, table as AnyTable);
}

/** The value of a successful result, or throws its failure to be answered through `table`. */
export function unwrap<T, F extends Failure>(result: { ok: true; value: T } | F, table: RefusalTable<F>): T {
  if (result.ok) return result.value;
  throw refuse(result as F, table);
}

// A function, not a constant: problem.ts imports this module, so TYPE_BASE is not there yet at load.
const internal = (): Problem => ({ type: `${TYPE_BASE}internal`, title: 'Lỗi hệ thống, vui lòng thử lại sau', status: 500 });

const resolved = <F>(v: string | ((f: F, now: Date) => string | undefined) | undefined, f: F, now: Date) =>
  typeof v === 'function' ? v(f, now) : v;

/** The request's time: the app's clock where there is one (a bare Fastify in a unit test has none). */
function nowOf(request: FastifyRequest): Date {
  const ctx = (request.server as { ctx?: { now(): Date } }).ctx;
  return ctx ? ctx.now() : new Date();
}

/**
 * The problem for a thrown refusal, and the Retry-After header its rule asks for. A reason its table
 * does not know is a defect, not an answer: it is logged and answered 500, never passed on as if it
 * had succeeded.
 */
export function refusalProblem(err: Refused, request: FastifyRequest, reply?: FastifyReply): Problem {
  const f = err.failure;
  const rule = Object.hasOwn(err.table, f.reason) ? err.table[f.reason] : undefined;
  if (!rule) {
    request.log.error({ reason: f.reason }, 'expected failure without a refusal rule');
    return internal();
  }
  const now = nowOf(request);
  const title = resolved(rule.title, f, now) ?? f.message;
  if (!title) {
    request.log.error({ reason: f.reason }, 'refusal without a title');
    return internal();
  }
  const detail = rule.detail === undefined ? f.detail : resolved(rule.detail, f, now);
  const errors = rule.errors ? rule.errors(f) : f.errors;
  const retryAt = rule.retryAt?.(f);
  if (retryAt && reply) reply.header('retry-after', Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000)));
  return {
    type: TYPE_BASE + (rule.code ?? f.reason.replace(/_/g, '-')),
    title,
    status: rule.status,
    ...(detail !== undefined ? { detail } : {}),
    ...(errors !== undefined ? { errors } : {}),
    ...(rule.extra ? rule.extra(f) : {}),
  };
}
