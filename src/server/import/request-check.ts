/**
 * Turns the problems found in a request into one sentence naming the field, what was expected and
 * what was found.
 */
import { checkShape, type Issue, type Shape } from './request-shapes';

function pathText(path: PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || 'the request';
}

function found(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string')
    return input.length > 40 ? `text of ${input.length} characters` : `"${input}"`;
  if (typeof input === 'object') return 'an object';
  return String(input);
}

function describe(issue: Issue): string {
  const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
  switch (issue.code) {
    case 'too_big':
      return `expected at most ${String(issue.maximum)}${unit}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}${unit}`;
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'a whole number' : (issue.expected ?? 'another type')}, found ${found(issue.input)}`;
    case 'invalid_value':
      return `expected one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}, found ${found(issue.input)}`;
    case 'invalid_format':
      return `is not in the expected format (found ${found(issue.input)})`;
    default:
      return 'is not valid';
  }
}

/** The parsed value, or an Error such as `Import chunk rejected: rows[3].orderId: expected at most 100 characters.` */
export function checkRequest<T>(shape: Shape<T>, value: unknown, what: string): T {
  const result = checkShape(shape, value);
  if (result.ok) return result.value;
  const issue = result.issues[0];
  const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more problems)` : '';
  throw new Error(`${what} rejected: ${pathText(issue.path)}: ${describe(issue)}${more}.`);
}
