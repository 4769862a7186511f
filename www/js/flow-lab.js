// <flow-lab>: FlowLab's interactive figure as a custom element, loaded with one script tag:
//
//   <script type="module" src=".../js/flow-lab.js"></script>
//   <flow-lab target="moons" views="flow,density" hide="controls"></flow-lab>
//
// Every setting of lab-settings.js may be given as an attribute (it overrides the default); the
// attribute `hash` keeps the settings in the page's URL hash (which then overrides the attributes),
// `hide` lists parts to leave out (controls, toolbar, readouts), autostart="false" waits for the
// reader to press Train, and autostart="visible" starts everything (workers included) only when the
// element first scrolls into view, as the notebook's figures do. Each element runs its own workers.
// The lab speaks the language of its nearest `lang` attribute (English, or Traditional Chinese for
// zh-*) and follows the page's switches (kit/lang.js setPageLang) without restarting.
import { LAB_SETTINGS } from './lab-settings.js';
import { defaults, formatValue, parseHash, parseValue } from './kit/settings.js';
import { addStyles } from './kit/styles.js';
import { createLab } from './lab/lab.js';
import { watchVisibility } from './kit/visible.js';

const STYLES = ['./kit/theme.css', './lab/lab.css'];

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
    if (error) notes.push(`${spec.key}="${text}" ${error}; using ${formatValue(spec, spec.default) || 'none'}`);
    else own[spec.key] = value;
  }
  const settings = { ...own };
  if (!element.hasAttribute('hash') || location.hash.length <= 1) return { own, settings, notes };
  const parsed = parseHash(LAB_SETTINGS, location.hash);
  // Keys absent from the hash keep the element's values; keys present replace them.
  const present = new Set(
    location.hash
      .slice(1)
      .split('&')
      .map((part) => safeDecode(part.split('=')[0])),
  );
  for (const spec of LAB_SETTINGS) if (present.has(spec.key)) settings[spec.key] = parsed.settings[spec.key];
  return { own, settings, notes: [...notes, ...parsed.messages] };
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

class FlowLabElement extends HTMLElement {
  connectedCallback() {
    if (this.lab || this.stopWatching) return;
    addStyles(this.ownerDocument, STYLES, import.meta.url);
    if (this.getAttribute('autostart') !== 'visible') {
      this.start();
      return;
    }
    this.dataset.state = 'waiting';
    this.stopWatching = watchVisibility(this, {
      onShow: () => {
        this.stopWatching?.();
        this.stopWatching = null;
        this.start();
      },
    });
  }

  start() {
    const { own, settings, notes } = readSettings(this);
    this.lab = createLab(this, {
      settings,
      defaults: own,
      notes,
      hide: (this.getAttribute('hide') ?? '').split(/[\s,]+/).filter(Boolean),
      syncHash: this.hasAttribute('hash'),
      autostart: this.getAttribute('autostart') !== 'false',
      linkBase: new URL('../lab.html', import.meta.url).href,
    });
  }

  disconnectedCallback() {
    this.stopWatching?.();
    this.stopWatching = null;
    this.lab?.destroy();
    this.lab = null;
  }
}

if (!customElements.get('flow-lab')) customElements.define('flow-lab', FlowLabElement);
