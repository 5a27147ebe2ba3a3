import type { Bindings, Logger } from 'pino';

const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal']);
const noop = () => undefined;

/**
 * `parent.child(bindings)`, made only when something is logged through it. Every request and every
 * turn gets a logger with its ids, and almost none logs anything: pino builds a child's bindings
 * and redaction up front, which showed in a Teams turn's CPU profile (docs/performance.md). A call
 * at a level the parent does not log is dropped without making the child; anything else (a line to
 * write, `child`, `level`, `bindings`) goes to the real child, made once.
 */
export function lazyChild(parent: Logger, bindings: Bindings): Logger {
  let child: Logger | undefined;
  const real = (): Logger => {
    child ??= parent.child(bindings);
    return child;
  };
  return new Proxy({} as Logger, {
    get(_target, prop) {
      if (child === undefined && typeof prop === 'string' && LEVELS.has(prop) && !parent.isLevelEnabled(prop))
        return noop;
      const target = real();
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(_target, prop, value) {
      return Reflect.set(real(), prop, value);
    },
  });
}
