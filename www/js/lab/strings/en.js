// The lab's words in English. zh-Hant.js has the same keys, each of the same kind (a text or a
// function of the same arguments); numbers arrive already formatted.
const joinParts = (parts) => parts.join('; ');

export default {
  // The tool bar.
  train: 'Train',
  pause: 'Pause',
  step: 'Step',
  reset: 'Train from scratch',
  play: 'Play t',
  stopPlay: 'Stop t',
  speed: 'Speed',
  loop: 'Loop',
  time: 'Time t',
  trainAria: 'Train the network (or pause)',
  stepAria: 'Take one training step',
  resetAria: 'Start again from random initial weights and watch the network learn',
  playAria: 'Play the flow from t = 0 to 1',

  // The settings form.
  settings: 'Settings',
  defaults: 'Restore defaults',
  link: 'Link to this figure',
  targets: 'Target distributions',
  copyLink: 'Copy link',
  copied: 'Copied',
  copyFailed: 'Could not copy: the link is on the left (right-click it to copy)',
  drawingTooBig: (n, max) => `This drawing has ${n} points; a link carries at most ${max}, so the link opens the lab without it.`,
  drawingBad: 'The drawing in the link could not be read (the link was cut or changed); draw it again.',
  hintSeed: 'a whole number from 0',
  hintInt: (min, max) => `a whole number from ${min} to ${max}`,
  hintFloat: (min, max) => `from ${min} to ${max}`,
  fieldError: (label, error, hint) => `${label}: ${error}${hint ? ` (${hint})` : ''}`,
  /** An English phrase of kit/settings.js or kit/csv.js, in this language. */
  issue: (text) => text,
  list: joinParts,

  // The figures.
  flowAria: 'Particles moving from N(0, I) to the target',
  fieldAria: 'The learned velocity field v(x, t) at the current t, over the particles',
  flowCaption: ({ flow, field, click }) => {
    const parts = [];
    if (flow) parts.push('Particles (blue) carried by the learned field from N(0, I) at t = 0 to the data at t = 1');
    parts.push('target samples in grey');
    if (field) parts.push('arrows: the field v(x, t) at the current t, scaled to the grid');
    return `${joinParts(parts)}.${click ? ' Click a particle to check its trajectory.' : ''}`;
  },
  lagrangian: 'Lagrangian: the mesh carried by the flow, p = N(x₀) / |det J|',
  eulerian: 'Eulerian: the continuity equation on a fixed grid',
  difference: 'Difference at the mesh vertices: Eulerian p − Lagrangian p',
  densityBar: (t) => `density p at t = ${t} (both views)`,
  differenceBar: 'Eulerian − Lagrangian',
  allValues: (value) => `all values ${value}`,
  densityComputing: 'Computing the density views…',
  densityUpdating: (step) => ` Updating them for the network at step ${step}.`,
  densityShown: ({ t, step, seconds }) =>
    `Both views at t = ${t} for the network at step ${step}, on one colour scale; all 101 times of ` +
    `the slider were computed in ${seconds} s. The difference map reads the grid at the mesh's ` +
    'vertices, where the Lagrangian density is exact.',

  // The read-out of the density panels (probe.js): each value { p, log } formatted, null when
  // there is none (exact: still being computed), 'failed' when the core could not compute it.
  probeHint: 'Point at a density panel (or touch it) to read p and log p there from both views and exactly.',
  probe: ({ x, y, t, lagrangian, eulerian, exact, exactStep }) => {
    const value = (v, none) => (!v ? none : v === 'failed' ? 'could not be computed' : `p = ${v.p} (log p = ${v.log})`);
    const step = exactStep === null ? '' : ` for the network at step ${exactStep}`;
    return (
      `At (${x}, ${y}), t = ${t}: Lagrangian ${value(lagrangian, 'none (no mesh here)')} · ` +
      `Eulerian ${value(eulerian, 'none (outside the grid)')} · exact${step} ${value(exact, 'computing…')}`
    );
  },

  // The plots.
  lossAria: 'Training loss against steps, logarithmic axis',
  nllAria: 'Held-out negative log-likelihood against steps',
  checkAria: 'd/dt log det J and the divergence along one trajectory',
  lossTitle: 'Training loss',
  lossSeries: (k) => (k > 1 ? `loss, mean of each ${k} steps` : 'loss'),
  stepAxis: 'step',
  nllTitle: 'Held-out NLL (nats)',
  nllSeries: 'held-out NLL',
  entropySeries: 'entropy of the target',
  checkTitle: (gap) => (gap === null ? 'Trajectory check: click a particle' : `Trajectory check: max gap ${gap}`),
  noData: 'No data yet',
  checkHint: 'Click a particle (or focus the figure and press Enter) to follow it.',
  checkFrom: (i, x, y) => `Particle ${i}, from (${x}, ${y})`,
  checkDone: (from, gap) => `${from}: the largest gap between d/dt log |det J| and div v is ${gap}.`,
  checking: (from) => `${from}: checking…`,

  // The read-outs: [name, what it is].
  readouts: {
    step: ['Training steps', 'the number of flow-matching steps taken'],
    loss: ['Loss', 'the flow-matching loss, mean of the last 50 steps'],
    nll: ['Held-out NLL', 'negative log-likelihood of held-out target samples under the model, in nats'],
    entropy: ['Entropy of the target', 'the lowest NLL any model can reach, in nats (known for some targets)'],
    kl: ['KL(target ‖ model)', 'NLL minus entropy, in nats'],
    mass: ['Total mass (Eulerian)', 'the integral of the Eulerian density over the grid; 1 minus what left the box'],
    outflow: ['Outflow', 'the mass that has left the Eulerian grid through its boundary'],
    l1: ['L1 gap', 'the integral of |Lagrangian p − Eulerian p|, taken over the mesh where the Lagrangian p is exact'],
    maxRelative: ['Max relative gap', 'the largest |Eulerian − Lagrangian| / Lagrangian over the mesh vertices where p is above 1e-3 of its peak'],
    params: ['Parameters', 'the number of weights and biases of the network'],
  },
  nats: (value) => `${value} nats`,
  natsAt: (value, step) => `${value} nats (step ${step})`,
  counter: (step, loss) => `step ${step}${loss ? ` · loss ${loss}` : ''}`,
  /** `state`: 'training', 'paused' (by the reader) or 'finished' (the run reached its last step). */
  status: (target, state, step) => `${target} · ${state} at step ${step}`,
  statusNoModel: 'no model yet',
  coreVersion: (version) => `FlowLab core ${version}`,
  loading: 'Loading the WebAssembly core…',

  // The progress bar.
  cancel: 'Cancel',
  cancelTask: (task) => `Cancel ${task}`,
  trainingTo: (goal) => `Training to step ${goal}`,
  moving: 'Moving the particles',
  computingDensities: 'Computing both density views at every time',

  // Messages: a sentence per topic before the reason, and what the figure does after it.
  context: {
    train: 'Training stopped: ',
    frames: 'The particles could not be moved: ',
    densities: 'The density views could not be computed: ',
    configure: 'The model could not be built: ',
    trajectory: 'The trajectory check failed: ',
    field: 'The vector field could not be computed: ',
    setLearningRate: 'The learning rate could not be changed: ',
    save: 'The network could not be copied for the density views: ',
    adopt: 'The density worker could not load the network: ',
  },
  after: { train: ' The figures show that network; Train goes on from it, Reset starts again.' },
  endSentence: (text) => (/[.!?)]$/.test(text) ? text : `${text}.`),
  needPoints: (drawn, draw, meanwhile) =>
    `${drawn ? `Draw at least ${draw} points on the figure` : 'Choose a CSV file of points'}, then they are ` +
    `learned.${meanwhile ? ' Until then the figure shows the previous target.' : ''}`,
  configureFailed: (reason) => `${reason}. The figure shows the previous model.`,
  weightsRefused: (reason) => `The shipped trained weights were refused (${reason}); the network starts untrained.`,
  initFailed: (reason) => `The WebAssembly core failed to load: ${reason}`,
  hashBad: (list) => `The link has settings that cannot be used: ${list}.`,
  attributesBad: (list) => `Some settings cannot be used: ${list}.`,

  // A target of the reader's own.
  learn: 'Learn this drawing',
  clear: 'Clear',
  csvLabel: 'CSV file of points (two columns, x and y) ',
  drawCount: (n) => `Press and drag on the figure to draw. ${n} point${n === 1 ? '' : 's'} so far.`,
  drawMin: (n) => `draw at least ${n} points`,
  csvUnreadable: (name, reason) => `${name} could not be read: ${reason}`,
  csvNotLoaded: (name, reasons) => `${name} was not loaded: ${reasons}. Nothing has changed.`,
  csvReading: (name) => `Reading ${name}`,
  csvLoaded: (name, notes) => `${name} was loaded: ${notes}.`,
  csvCancelled: (name) => `Reading ${name} was cancelled. Nothing has changed.`,
};
