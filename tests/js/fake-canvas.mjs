// A stand-in for CanvasRenderingContext2D that records what is drawn, for tests without a browser.

/** A context whose method calls and property assignments are appended to `ctx.log`. */
export function fakeContext() {
  const log = [];
  const state = { font: '10px sans-serif' };
  const methods = {
    measureText: (text) => ({ width: 6 * String(text).length }),
    createLinearGradient: (...args) => {
      const gradient = { args, stops: [], addColorStop: (offset, color) => gradient.stops.push([offset, color]) };
      return gradient;
    },
    createImageData: (width, height) => ({ width, height, data: new Uint8ClampedArray(4 * width * height) }),
  };
  return new Proxy(state, {
    get(target, name) {
      if (name === 'log') return log;
      if (name in target) return target[name];
      return (...args) => {
        log.push({ op: name, args });
        return methods[name]?.(...args);
      };
    },
    set(target, name, value) {
      target[name] = value;
      log.push({ set: name, value });
      return true;
    },
  });
}

/** The calls named `op` in a log. */
export function calls(ctx, op) {
  return ctx.log.filter((entry) => entry.op === op).map((entry) => entry.args);
}

/** Every number passed to drawing calls, to check that no NaN reaches the canvas. */
export function drawnNumbers(ctx) {
  return ctx.log.flatMap((entry) => (entry.op ? entry.args.filter((a) => typeof a === 'number') : []));
}
