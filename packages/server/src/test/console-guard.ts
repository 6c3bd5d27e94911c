import { after, afterEach } from 'node:test';
import { format } from 'node:util';

/**
 * A test fails when something calls console.error while it runs, unless the test said it expects
 * it (allowConsoleError): the server logs through pino, so a console.error is a fault somebody
 * printed instead of handling — and until now it scrolled past in a green run. The test harness
 * imports this module, so every test file that builds an app (or imports the harness) is guarded.
 * What is printed still reaches stderr.
 */

const unexpected: string[] = [];
let allowed: RegExp[] = [];
const print = console.error.bind(console);

console.error = (...args: unknown[]) => {
  const text = format(...args);
  if (!allowed.some((pattern) => pattern.test(text))) unexpected.push(text);
  print(...args);
};

/** The current test expects console.error output matching `pattern` (allowed until the test ends). */
export function allowConsoleError(pattern: RegExp): void {
  allowed.push(pattern);
}

/** Throws when console.error was called unexpectedly since the last check. */
export function assertNoUnexpectedConsoleError(): void {
  if (unexpected.length === 0) return;
  const printed = unexpected.splice(0);
  throw new Error(`console.error was called without the test expecting it:\n${printed.join('\n')}`);
}

afterEach(() => {
  allowed = [];
  assertNoUnexpectedConsoleError();
});
after(assertNoUnexpectedConsoleError);
