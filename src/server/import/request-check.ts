/**
 * Turns the problems found in a request into one sentence naming the field, what was expected and
 * what was found (request-shapes.ts words each problem).
 */
import { checkShape, type Shape } from './request-shapes';

function pathText(path: PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || 'the request';
}

/**
 * The parsed value, or an Error such as `Import chunk rejected: rows[3].orderId: expected at most 100
 * characters.`; a request of rows longer than `maxChars` as JSON is refused before it is looked at.
 */
export function checkRequest<T>(shape: Shape<T>, value: unknown, what: string, maxChars = Infinity): T {
  const size = maxChars < Infinity ? JSON.stringify(value ?? null).length : 0;
  if (size > maxChars)
    throw new Error(
      `${what} rejected: it holds ${size} characters of rows; the most one call accepts is ${maxChars}. Send fewer rows per chunk.`,
    );
  const result = checkShape(shape, value);
  if (result.ok) return result.value;
  const issue = result.issues[0];
  const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more problems)` : '';
  throw new Error(`${what} rejected: ${pathText(issue.path)}: ${issue.says}${more}.`);
}
