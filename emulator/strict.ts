/**
 * The public face of every emulated Apps Script object. Emulator classes keep their state in
 * `_`-prefixed fields and expose their API as methods; `Exposer.expose` wraps an instance in a
 * Proxy that
 *  - throws `Emulator: SpreadsheetApp.Range.setRichTextValues is not implemented` for any
 *    property the emulator does not provide, so a test never passes against a silent `undefined`;
 *  - counts every method call in the CallLog (`Range.setValues`), which also fires injected failures;
 *  - applies the auth-mode gate (custom functions, AuthMode.NONE) before the call runs;
 *  - unwraps proxies passed back as arguments and wraps API objects it returns.
 * Emulator code calls the raw instances, so its own internal calls are never counted.
 */
import type { CallLog } from './call-log';

/** Where an emulated type lives: `{ service: 'SpreadsheetApp', name: 'Range' }`. */
export interface ApiType {
  service: string;
  name: string;
}

/** Every emulated API class carries its type; `_gasType` is invisible through the proxy. */
export interface ApiObject {
  readonly _gasType: ApiType;
}

/** Decides whether a call is allowed in the current auth mode; throws Apps Script's message if not. */
export type CallGate = (type: ApiType, method: string) => void;

export function qualifiedName(type: ApiType): string {
  return type.service === type.name ? type.name : `${type.service}.${type.name}`;
}

export function notImplemented(type: ApiType, prop: string): Error {
  return new Error(`Emulator: ${qualifiedName(type)}.${prop} is not implemented`);
}

export function isApiObject(v: unknown): v is ApiObject {
  return typeof v === 'object' && v !== null && '_gasType' in v;
}

/**
 * Property names that test frameworks, `await`, JSON and `util.inspect` probe on any object.
 * Reading them must not throw; they answer `undefined` unless the object really has them.
 */
const PROBED_NAMES = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'inspect',
  'length',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '@@__IMMUTABLE_ORDERED__@@',
  '_isMockFunction',
  'getMockImplementation',
  'prototype',
  'call',
  'apply',
]);

export class Exposer {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();

  constructor(
    private readonly calls: CallLog,
    private readonly gate: CallGate,
  ) {}

  /** The proxy for an API object (the same proxy every time for the same object). */
  expose<T extends object>(target: T): T {
    const known = this.proxies.get(target);
    if (known) return known as T;
    const type = (target as unknown as ApiObject)._gasType;
    const proxy = new Proxy(target, {
      get: (obj, prop, receiver) => {
        if (typeof prop === 'symbol' || prop in Object.prototype) return Reflect.get(obj, prop, receiver);
        const value = prop.startsWith('_') ? undefined : Reflect.get(obj, prop, obj);
        if (value === undefined) {
          if (PROBED_NAMES.has(prop)) return undefined;
          throw notImplemented(type, prop);
        }
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          this.calls.record(`${type.name}.${prop}`);
          this.gate(type, prop);
          const result = (value as (...a: unknown[]) => unknown).apply(
            obj,
            args.map((a) => this.unwrap(a)),
          );
          return this.wrapResult(result);
        };
      },
      set: (_obj, prop) => {
        throw new Error(`Emulator: cannot assign ${qualifiedName(type)}.${String(prop)}`);
      },
      has: (obj, prop) =>
        typeof prop === 'symbol' || !prop.startsWith('_') ? Reflect.has(obj, prop) : false,
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy as T;
  }

  /** The raw emulator object behind a proxy (or the value itself). */
  unwrap<T>(value: T): T {
    if (typeof value === 'object' && value !== null) {
      const target = this.targets.get(value as object);
      if (target) return target as T;
    }
    return value;
  }

  private wrapResult(result: unknown): unknown {
    if (isApiObject(result)) return this.expose(result);
    if (Array.isArray(result) && result.length > 0 && isApiObject(result[0])) {
      return result.map((r) => (isApiObject(r) ? this.expose(r) : r));
    }
    return result;
  }
}
