// The lab's DOM: a tool bar (training and time), messages, a progress bar, the settings form and
// the figures. Everything is found through the returned object, never by id, so that several labs
// can share a page.

function make(doc, tag, props = {}, children = []) {
  const node = Object.assign(doc.createElement(tag), props);
  node.append(...children);
  return node;
}

function button(doc, className, text, label) {
  const b = make(doc, 'button', { type: 'button', className, textContent: text });
  if (label) b.setAttribute('aria-label', label);
  return b;
}

function canvas(doc, className, label) {
  const c = make(doc, 'canvas', { className });
  c.setAttribute('role', 'img');
  c.setAttribute('aria-label', label);
  return c;
}

/** Builds the lab inside `host` and returns its parts. */
export function buildLayout(host) {
  const doc = host.ownerDocument;
  const train = button(doc, 'fl-train', 'Train', 'Train the network (or pause)');
  const step = button(doc, 'fl-step', 'Step', 'Take one training step');
  const reset = button(doc, 'fl-reset', 'Reset', 'Reset the network to its initial weights');
  const time = make(doc, 'input', { type: 'range', min: '0', max: '1', step: '0.01', className: 'fl-time' });
  const timeOut = make(doc, 'output', { className: 'fl-time-value' });
  const timeLabel = make(doc, 'label', { className: 'fl-time-label' }, ['Time t ', time, timeOut]);
  const play = button(doc, 'fl-play', 'Play t', 'Play the flow from t = 0 to 1');
  const counter = make(doc, 'span', { className: 'fl-counter' });
  // The progress bar sits in the tool bar, so that it appears and goes without moving the page.
  const progress = make(doc, 'div', { className: 'fl-progress' });
  const bar = make(doc, 'div', { className: 'fl-bar' }, [
    make(doc, 'div', { className: 'fl-group' }, [train, step, reset]),
    make(doc, 'div', { className: 'fl-group' }, [timeLabel, play]),
    counter,
    progress,
  ]);
  const messages = make(doc, 'ul', { className: 'fl-messages' });
  messages.setAttribute('role', 'alert');

  const form = make(doc, 'form', { className: 'fl-controls' });
  form.setAttribute('aria-label', 'Settings');
  form.addEventListener('submit', (event) => event.preventDefault());
  const defaults = button(doc, 'fl-defaults', 'Restore defaults');
  const link = make(doc, 'a', { className: 'fl-link', textContent: 'Link to this figure', href: '#' });
  const controlsFooter = make(doc, 'div', { className: 'fl-controls-footer' }, [defaults, link]);
  const controls = make(doc, 'details', { className: 'fl-settings', open: true }, [
    make(doc, 'summary', { textContent: 'Settings' }),
    form,
    controlsFooter,
  ]);

  const flowCanvas = canvas(doc, 'fl-canvas fl-flow-canvas', 'Particles moving from N(0, I) to the target');
  const flowCaption = make(doc, 'figcaption');
  const drawTools = make(doc, 'div', { className: 'fl-draw-tools', hidden: true });
  const flow = make(doc, 'section', { className: 'fl-section fl-flow' }, [
    make(doc, 'figure', { className: 'fl-panel' }, [flowCanvas, flowCaption]),
    drawTools,
  ]);
  const densityPanels = make(doc, 'div', { className: 'fl-density-panels' });
  const densityNote = make(doc, 'p', { className: 'fl-density-note' });
  const readouts = make(doc, 'div', { className: 'fl-readouts-box' });
  const density = make(doc, 'section', { className: 'fl-section fl-density' }, [densityPanels, densityNote]);
  const plotCanvases = {
    loss: canvas(doc, 'fl-plot fl-loss', 'Training loss against steps, logarithmic axis'),
    nll: canvas(doc, 'fl-plot fl-nll', 'Held-out negative log-likelihood against steps'),
    check: canvas(doc, 'fl-plot fl-check', 'd/dt log det J and the divergence along one trajectory'),
  };
  const checkNote = make(doc, 'p', { className: 'fl-check-note' });
  const plots = make(doc, 'section', { className: 'fl-section fl-plots' }, [...Object.values(plotCanvases), checkNote]);
  const side = make(doc, 'div', { className: 'fl-side' }, [readouts, plots]);
  const figures = make(doc, 'div', { className: 'fl-figures' }, [flow, side, density]);
  const status = make(doc, 'p', { className: 'fl-status' });
  status.setAttribute('role', 'status');
  const root = make(doc, 'div', { className: 'fl-lab' }, [
    bar,
    messages,
    make(doc, 'div', { className: 'fl-main' }, [controls, figures]),
    status,
  ]);
  host.replaceChildren(root);
  return {
    root,
    buttons: { train, step, reset, play, defaults },
    time,
    timeOut,
    counter,
    messages,
    progress,
    form,
    controls,
    link,
    sections: { flow, density, plots, readouts },
    flowCanvas,
    flowCaption,
    drawTools,
    densityPanels,
    densityNote,
    readouts,
    plotCanvases,
    checkNote,
    status,
  };
}
