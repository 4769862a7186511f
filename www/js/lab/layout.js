// The lab's DOM: a tool bar (training and time), messages, a progress bar, the settings form and
// the figures. Everything is found through the returned object, never by id, so that several labs
// can share a page. The words are written by labelLayout, again at each switch of language.

/** The speeds of Play t, as multiples of t from 0 to 1 in 4 s. */
export const SPEEDS = [0.25, 0.5, 1, 2];

function make(doc, tag, props = {}, children = []) {
  const node = Object.assign(doc.createElement(tag), props);
  node.append(...children);
  return node;
}

function button(doc, className) {
  return make(doc, 'button', { type: 'button', className });
}

function canvas(doc, className) {
  const c = make(doc, 'canvas', { className });
  c.setAttribute('role', 'img');
  return c;
}

/**
 * Whether the field gets a panel of its own beside the particles: when both are shown and no
 * plots or density views fill the width.
 * @param {Iterable<string>} views
 */
export function fieldApart(views) {
  const shown = new Set(views);
  return shown.has('flow') && shown.has('field') && !shown.has('plots') && !shown.has('density');
}

/** Builds the lab inside `host` and returns its parts. */
export function buildLayout(host) {
  const doc = host.ownerDocument;
  const train = button(doc, 'fl-train');
  const step = button(doc, 'fl-step');
  const reset = button(doc, 'fl-reset');
  const time = make(doc, 'input', { type: 'range', min: '0', max: '1', step: '0.01', className: 'fl-time' });
  const timeOut = make(doc, 'output', { className: 'fl-time-value' });
  const timeText = make(doc, 'span');
  const timeLabel = make(doc, 'label', { className: 'fl-time-label' }, [timeText, time, timeOut]);
  const play = button(doc, 'fl-play');
  // How fast t plays (t from 0 to 1 in 4 s at 1x), and whether it starts again at the end.
  const speed = make(doc, 'select', { className: 'fl-speed' }, SPEEDS.map((v) => make(doc, 'option', { value: String(v), textContent: `${v}×` })));
  speed.value = '1';
  const speedText = make(doc, 'span');
  const loop = make(doc, 'input', { type: 'checkbox', className: 'fl-loop' });
  const loopText = make(doc, 'span');
  const counter = make(doc, 'span', { className: 'fl-counter' });
  // The progress bar sits in the tool bar, in room kept for it: it appears and goes without moving the page.
  const progress = make(doc, 'div', { className: 'fl-progress' });
  const bar = make(doc, 'div', { className: 'fl-bar' }, [
    make(doc, 'div', { className: 'fl-group' }, [train, step, reset]),
    make(doc, 'div', { className: 'fl-group' }, [
      timeLabel,
      play,
      make(doc, 'label', { className: 'fl-speed-label' }, [speedText, speed]),
      make(doc, 'label', { className: 'fl-loop-label' }, [loop, loopText]),
    ]),
    // The counter and the progress bar share one slot: the bar, while a task runs, covers the counter.
    make(doc, 'div', { className: 'fl-meter' }, [counter, progress]),
  ]);
  const targets = make(doc, 'div', { className: 'fl-targets' }); // thumbnails.js
  const messages = make(doc, 'ul', { className: 'fl-messages' });
  messages.setAttribute('role', 'alert');

  const form = make(doc, 'form', { className: 'fl-controls' });
  form.addEventListener('submit', (event) => event.preventDefault());
  const defaults = button(doc, 'fl-defaults');
  const link = make(doc, 'a', { className: 'fl-link', href: '#' });
  const copy = button(doc, 'fl-copy');
  const copied = make(doc, 'span', { className: 'fl-copied' }); // 'copied', or why not
  copied.setAttribute('role', 'status');
  const linkNote = make(doc, 'p', { className: 'fl-link-note' }); // what the link cannot carry
  const controlsFooter = make(doc, 'div', { className: 'fl-controls-footer' }, [defaults, link, copy, copied, linkNote]);
  const summary = make(doc, 'summary');
  const controls = make(doc, 'details', { className: 'fl-settings', open: true }, [summary, form, controlsFooter]);

  const flowCanvas = canvas(doc, 'fl-canvas fl-flow-canvas');
  const flowCaption = make(doc, 'figcaption');
  // The field in a panel of its own, beside the particles, when nothing else fills the width.
  const fieldCanvas = canvas(doc, 'fl-canvas fl-field-canvas');
  const fieldCaption = make(doc, 'figcaption');
  const fieldPanel = make(doc, 'figure', { className: 'fl-panel fl-field-panel', hidden: true }, [
    fieldCanvas,
    fieldCaption,
  ]);
  const drawTools = make(doc, 'div', { className: 'fl-draw-tools', hidden: true });
  const flow = make(doc, 'section', { className: 'fl-section fl-flow' }, [
    make(doc, 'div', { className: 'fl-flow-panels' }, [
      make(doc, 'figure', { className: 'fl-panel' }, [flowCanvas, flowCaption]),
      fieldPanel,
    ]),
    drawTools,
  ]);
  const densityPanels = make(doc, 'div', { className: 'fl-density-panels' });
  const densityNote = make(doc, 'p', { className: 'fl-density-note' });
  const probe = make(doc, 'p', { className: 'fl-probe' }); // the read-out under the pointer (probe.js)
  const readouts = make(doc, 'div', { className: 'fl-readouts-box' });
  const density = make(doc, 'section', { className: 'fl-section fl-density' }, [densityPanels, probe, densityNote]);
  const plotCanvases = {
    loss: canvas(doc, 'fl-plot fl-loss'),
    nll: canvas(doc, 'fl-plot fl-nll'),
    check: canvas(doc, 'fl-plot fl-check'),
  };
  const checkNote = make(doc, 'p', { className: 'fl-check-note' });
  const plots = make(doc, 'section', { className: 'fl-section fl-plots' }, [...Object.values(plotCanvases), checkNote]);
  const side = make(doc, 'div', { className: 'fl-side' }, [readouts, plots]);
  const figures = make(doc, 'div', { className: 'fl-figures' }, [flow, side, density]);
  const left = make(doc, 'div', { className: 'fl-left' }, [targets, controls]); // hidden with 'controls'
  const status = make(doc, 'p', { className: 'fl-status' });
  status.setAttribute('role', 'status');
  const root = make(doc, 'div', { className: 'fl-lab' }, [
    bar,
    messages,
    make(doc, 'div', { className: 'fl-main' }, [left, figures]),
    status,
  ]);
  host.replaceChildren(root);
  return {
    root,
    buttons: { train, step, reset, play, defaults, copy },
    copied,
    linkNote,
    time,
    timeText,
    speed,
    speedText,
    loop,
    loopText,
    timeOut,
    counter,
    targets,
    messages,
    progress,
    form,
    controls,
    left,
    summary,
    link,
    sections: { flow, density, plots, readouts },
    flowCanvas,
    flowCaption,
    fieldPanel,
    fieldCanvas,
    fieldCaption,
    drawTools,
    densityPanels,
    densityNote,
    probe,
    readouts,
    plotCanvases,
    checkNote,
    status,
  };
}

/**
 * Writes the words of the parts built here (the Train and Play buttons' own texts follow the
 * lab's state and are written by the lab).
 */
export function labelLayout(ui, words) {
  const { buttons } = ui;
  const aria = (node, text) => node.setAttribute('aria-label', text);
  buttons.step.textContent = words.step;
  buttons.reset.textContent = words.reset;
  buttons.defaults.textContent = words.defaults;
  aria(buttons.train, words.trainAria);
  aria(buttons.step, words.stepAria);
  aria(buttons.reset, words.resetAria);
  aria(buttons.play, words.playAria);
  ui.timeText.textContent = `${words.time} `;
  ui.speedText.textContent = `${words.speed} `;
  ui.loopText.textContent = ` ${words.loop}`;
  ui.summary.textContent = words.settings;
  aria(ui.form, words.settings);
  ui.link.textContent = words.link;
  buttons.copy.textContent = words.copyLink;
  aria(ui.flowCanvas, words.flowAria);
  aria(ui.fieldCanvas, words.fieldAria);
  aria(ui.plotCanvases.loss, words.lossAria);
  aria(ui.plotCanvases.nll, words.nllAria);
  aria(ui.plotCanvases.check, words.checkAria);
}
