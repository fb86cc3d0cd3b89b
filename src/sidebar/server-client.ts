/**
 * The only way the sidebar talks to the server: `google.script.run` turned into typed promises.
 * Handler names and argument/result types come from the call contract, so a typo does not compile.
 */
import type { ServerApi, ServerHandlerName } from '../core/contract';

type Arg<K extends ServerHandlerName> = Parameters<ServerApi[K]>[0];
type Result<K extends ServerHandlerName> = ReturnType<ServerApi[K]>;

/** Calls one server handler; rejects with the server's error message. */
export function callServer<K extends ServerHandlerName>(name: K, arg: Arg<K>): Promise<Result<K>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value: unknown) => resolve(value as Result<K>))
      .withFailureHandler((error: Error | string) =>
        reject(new Error(typeof error === 'string' ? error : error.message)),
      );
    const fn = (runner as unknown as Record<string, (a: unknown) => void>)[name];
    if (typeof fn !== 'function') {
      reject(new Error(`The add-on's server has no handler named ${name}.`));
      return;
    }
    fn(arg);
  });
}
