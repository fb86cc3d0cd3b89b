/**
 * The shapes a request to a handler must have: text, whole numbers, lists, records and objects
 * with their limits. A request is checked completely; each problem is recorded with the path to
 * the field (`rows[3].orderId`) and, in words, what was expected and what was found;
 * `request-check.ts` reports the first one. Unknown properties of an object are dropped.
 */

/** One problem with a request: where, and what was wrong in words (`expected at most 100 characters`). */
export interface Issue {
  path: PropertyKey[];
  says: string;
  /** The value was of the right kind but out of bounds, of the wrong format or not valid (see {@link either}). */
  near: boolean;
}

/** What was found instead, for a message: `"abc"`, `text of 120 characters`, `a list`, `nothing`… */
function found(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string')
    return input.length > 40 ? `text of ${input.length} characters` : `"${input}"`;
  if (typeof input === 'object') return 'an object';
  return String(input);
}

/** Records a value of the wrong kind: `expected a whole number, found "12"`. */
function wrongKind(issues: Issue[], path: PropertyKey[], expected: string, input: unknown): void {
  issues.push({ path, says: `expected ${expected}, found ${found(input)}`, near: false });
}

/** Records a value of the right kind that breaks a limit or a format. */
function outOfBounds(issues: Issue[], path: PropertyKey[], says: string): void {
  issues.push({ path, says, near: true });
}

/** Checks a value found at `path`, records its problems in `issues`, returns what it keeps of it. */
export interface Shape<T> {
  readonly optional?: true;
  readonly run: (value: unknown, path: PropertyKey[], issues: Issue[]) => T;
}

export type Output<S> = S extends Shape<infer T> ? T : never;

type Fields = Record<string, Shape<unknown>>;
type Flat<T> = { [K in keyof T]: T[K] };
type ObjectOutput<F extends Fields> = Flat<
  { [K in keyof F as F[K] extends { optional: true } ? never : K]: Output<F[K]> } & {
    [K in keyof F as F[K] extends { optional: true } ? K : never]?: Output<F[K]>;
  }
>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Length limits, checked on anything with a length: a list sent where text belongs counts its
 * items too, so the number of problems reported is the one the import has always given.
 */
function checkLength(
  value: unknown,
  min: number | undefined,
  max: number | undefined,
  path: PropertyKey[],
  issues: Issue[],
): void {
  const length = value === null || value === undefined ? undefined : (value as { length?: unknown }).length;
  if (typeof length !== 'number') return;
  const unit = typeof value === 'string' ? ' characters' : Array.isArray(value) ? ' items' : '';
  if (min !== undefined && length < min) outOfBounds(issues, path, `expected at least ${min}${unit}`);
  if (max !== undefined && length > max) outOfBounds(issues, path, `expected at most ${max}${unit}`);
}

/** Text, optionally of at least `min` and at most `max` characters, optionally matching `pattern`. */
export function text(limits: { min?: number; max?: number; pattern?: RegExp } = {}): Shape<string> {
  const { min, max, pattern } = limits;
  return {
    run(value, path, issues) {
      const isText = typeof value === 'string';
      if (!isText) wrongKind(issues, path, 'string', value);
      checkLength(value, min, max, path, issues);
      if (isText && pattern && !pattern.test(value))
        outOfBounds(issues, path, `is not in the expected format (found ${found(value)})`);
      return value as string;
    },
  };
}

/** A finite number (a whole one when `whole`: give `min` and `max` within the safe range), above 0 when `positive`, within `min`…`max`. */
export function number(
  limits: { whole?: boolean; positive?: boolean; min?: number; max?: number } = {},
): Shape<number> {
  const { whole, positive, min, max } = limits;
  return {
    run(value, path, issues) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        wrongKind(issues, path, 'number', value);
        return value as number;
      }
      if (whole && !Number.isInteger(value)) {
        wrongKind(issues, path, 'a whole number', value);
        return value;
      }
      if (positive && value <= 0) outOfBounds(issues, path, 'expected at least 0');
      if (min !== undefined && value < min) outOfBounds(issues, path, `expected at least ${min}`);
      if (max !== undefined && value > max) outOfBounds(issues, path, `expected at most ${max}`);
      return value;
    },
  };
}

export function boolean(): Shape<boolean> {
  return {
    run(value, path, issues) {
      if (typeof value !== 'boolean') wrongKind(issues, path, 'boolean', value);
      return value as boolean;
    },
  };
}

/** One of `values`. */
export function oneOf<const T extends readonly string[]>(values: T): Shape<T[number]> {
  return {
    run(value, path, issues) {
      if (!values.includes(value as string))
        wrongKind(issues, path, `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, value);
      return value as T[number];
    },
  };
}

/** A list of at most `max` items; a longer list is refused before its items are looked at. */
export function list<T>(item: Shape<T>, max: number): Shape<T[]> {
  return {
    run(value, path, issues) {
      if (!Array.isArray(value)) {
        wrongKind(issues, path, 'array', value);
        checkLength(value, undefined, max, path, issues);
        return value as T[];
      }
      if (value.length > max) {
        checkLength(value, undefined, max, path, issues);
        return value as T[];
      }
      // An index loop, not map(): a hole in the list is checked as a missing item.
      const out: T[] = [];
      for (let i = 0; i < value.length; i++) out.push(item.run(value[i], [...path, i], issues));
      return out;
    },
  };
}

/** An object used as a map: each name checked by `key`, each value by `entry`. */
export function record<T>(key: Shape<string>, entry: Shape<T>): Shape<Record<string, T>> {
  return {
    run(value, path, issues) {
      if (!isObject(value)) {
        wrongKind(issues, path, 'record', value);
        return value as Record<string, T>;
      }
      const out: Record<string, T> = {};
      for (const name of Object.keys(value)) {
        const keyIssues: Issue[] = [];
        key.run(name, [], keyIssues);
        if (keyIssues.length > 0) outOfBounds(issues, [...path, name], 'is not valid');
        else out[name] = entry.run(value[name], [...path, name], issues);
      }
      return out;
    },
  };
}

/** An object with exactly these fields (others are dropped). */
export function object<F extends Fields>(fields: F): Shape<ObjectOutput<F>> {
  const names = Object.keys(fields);
  return {
    run(value, path, issues) {
      if (!isObject(value)) {
        wrongKind(issues, path, 'object', value);
        return value as ObjectOutput<F>;
      }
      const out: Record<string, unknown> = {};
      for (const name of names) {
        const field = value[name];
        if (field === undefined && fields[name].optional) {
          if (name in value) out[name] = undefined;
          continue;
        }
        out[name] = fields[name].run(field, [...path, name], issues);
      }
      return out as ObjectOutput<F>;
    },
  };
}

export function optional<T>(shape: Shape<T>): Shape<T | undefined> & { optional: true } {
  return {
    optional: true,
    run: (value, path, issues) => (value === undefined ? undefined : shape.run(value, path, issues)),
  };
}

/**
 * A value `first` or `second` accepts (the first that does). When neither does: the problems of
 * the one whose value was of the right kind but out of bounds (as `too long` or `wrong format`),
 * if only one was; else one problem for the field.
 */
export function either<A, B>(first: Shape<A>, second: Shape<B>): Shape<A | B> {
  return {
    run(value, path, issues) {
      const near: Issue[][] = [];
      for (const shape of [first, second] as Shape<A | B>[]) {
        const own: Issue[] = [];
        const kept = shape.run(value, path, own);
        if (own.length === 0) return kept;
        if (own.every((i) => i.near)) near.push(own);
      }
      if (near.length === 1) issues.push(...near[0]);
      else outOfBounds(issues, path, 'is not valid');
      return value as A | B;
    },
  };
}

export function nullable<T>(shape: Shape<T>): Shape<T | null> {
  return { run: (value, path, issues) => (value === null ? null : shape.run(value, path, issues)) };
}

/** The value as the shape keeps it, or the problems found. */
export function checkShape<T>(
  shape: Shape<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const kept = shape.run(value, [], issues);
  return issues.length === 0 ? { ok: true, value: kept } : { ok: false, issues };
}
