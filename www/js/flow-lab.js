// <flow-lab>: FlowLab's interactive figure as a custom element, loaded with one script tag:
//
//   <script type="module" src=".../js/flow-lab.js"></script>
//   <flow-lab target="moons" views="flow,density" hide="controls"></flow-lab>
//
// Every setting of lab-settings.js may be given as an attribute (it overrides the default); the
// attribute `hash` keeps the settings in the page's URL hash (which then overrides the attributes),
// `hide` lists parts to leave out (controls, toolbar, readouts), autostart="false" waits for the
// reader to press Train, and autostart="visible" lays the lab out at once but starts its workers only
// when the element first scrolls into view or gets the keyboard's focus (kit/figure.js), as the notebook's
// figures do. Each element runs its own workers.
// The lab speaks the language of its nearest `lang` attribute (English, or Traditional Chinese for
// zh-*) and follows the page's switches (kit/lang.js setPageLang) without restarting.
import { LAB_SETTINGS } from './lab-settings.js';
import { defaults, parseHash, parseValue, rejection, shorten } from './kit/settings.js';
import { defineFigure } from './kit/figure.js';
import { createLab } from './lab/lab.js';
import { splitDrawing } from './lab/drawing-link.js';

const STYLES = ['./kit/theme.css', './lab/lab.css'];
const PARTS = ['controls', 'toolbar', 'readouts']; // what `hide` may name
const AUTOSTART = ['true', 'false', 'visible']; // or empty, as true

/**
 * The settings of an element: the defaults, then its attributes (together, its `own` settings),
 * then with `hash` the URL hash.
 */
function readSettings(element) {
  const own = defaults(LAB_SETTINGS);
  const notes = [];
  for (const spec of LAB_SETTINGS) {
    const text = element.getAttribute(spec.key);
    if (text === null) continue;
    const { value, error } = parseValue(spec, text.trim());
    if (error) notes.push(rejection(spec, text, error, true));
    else own[spec.key] = value;
  }
  const settings = { ...own };
  if (!element.hasAttribute('hash') || location.hash.length <= 1) return { own, settings, notes };
  const parsed = parseHash(LAB_SETTINGS, splitDrawing(location.hash).hash); // the lab reads the drawing
  // Keys absent from the hash keep the element's values; keys present replace them.
  for (const key of parsed.given) settings[key] = parsed.settings[key];
  return { own, settings, notes: [...notes, ...parsed.messages] };
}

/**
 * Builds the lab inside `host` from its attributes (and with `hash`, the URL hash); deferred: laid
 * out now, training only at begin().
 * @param {HTMLElement} host
 * @param {{ deferred?: boolean }} [options]
 */
function createLabFigure(host, { deferred = false } = {}) {
  const { own, settings, notes } = readSettings(host);
  const more = [];
  const autostart = host.getAttribute('autostart') ?? '';
  if (!['', ...AUTOSTART].includes(autostart)) {
    more.push(`autostart="${shorten(autostart)}" is not one of ${AUTOSTART.join(', ')}; using true`);
  }
  const hide = (host.getAttribute('hide') ?? '').split(/[\s,]+/).filter(Boolean);
  const unknown = hide.filter((part) => !PARTS.includes(part));
  if (unknown.length) more.push(`hide="${shorten(unknown.join(' '))}" is not one of ${PARTS.join(', ')}; ignored`);
  return createLab(host, {
    settings,
    defaults: own,
    notes: [...notes, ...more],
    hide,
    syncHash: host.hasAttribute('hash'),
    autostart: autostart !== 'false',
    linkBase: new URL('../lab.html', import.meta.url).href,
    deferred,
  });
}

const OBSERVED = [...LAB_SETTINGS.map((spec) => spec.key), 'hash', 'hide', 'autostart'];
defineFigure('flow-lab', createLabFigure, STYLES, import.meta.url, OBSERVED, {
  lazy: (host) => host.getAttribute('autostart') === 'visible',
});
