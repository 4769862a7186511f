// The one way FlowLab defines a figure element: a custom element around a function that builds the
// figure inside it. The element links the figure's style sheets (and kit/touch.css), builds it
// when connected (when lazy, it starts computing once it scrolls into view or gets focus), builds
// it again when an observed attribute changes, relabels it when the language changes (the page's
// switch or the element's own `lang`), and destroys it (workers, models, watchers) when removed.
import { onLangChange } from './lang.js';
import { addStyles } from './styles.js';
import { watchVisibility } from './visible.js';

/**
 * What create(host) returns: destroy() ends the figure's workers and watchers; relabel() writes
 * its words again in the language now in force (kit/lang.js langOf(host)); begin() starts the
 * computing of a figure built with { deferred: true }.
 * @typedef {{ destroy(): void, relabel?(): void, begin?(): void }} Figure
 */

const restarting = new WeakSet();
// Sheets every figure gets: touch targets of 44 px on a phone.
const SHEETS = [new URL('./touch.css', import.meta.url).href];

/**
 * Defines <tag>. When connected it links `styles` (URLs relative to `base`, the figure module's
 * import.meta.url) and calls create(element), which builds the figure inside the element and
 * returns { destroy, relabel }; when removed it destroys the figure. A change of one of the
 * `attributes` builds the figure again (once for all the changes made in one task). A language
 * switch of the page (kit/lang.js setPageLang) or a change of the element's `lang` calls
 * figure.relabel().
 *
 * With `lazy(element)` true the figure is laid out at once, create(element, { deferred: true }),
 * so that it takes its room from the start, but marked data-state="waiting" and computing
 * nothing until it comes into view or one of its controls gets focus: then figure.begin().
 * @param {string} tag
 * @param {(host: HTMLElement, options?: { deferred?: boolean }) => Figure} create
 * @param {string[]} styles
 * @param {string} base
 * @param {readonly string[]} [attributes]
 * @param {{ lazy?: (host: HTMLElement) => boolean }} [options]
 */
export function defineFigure(tag, create, styles, base, attributes = [], { lazy = () => false } = {}) {
  if (customElements.get(tag)) return;
  customElements.define(
    tag,
    class extends HTMLElement {
      static observedAttributes = [...attributes, 'lang'];

      /** @type {Figure | null} */ figure = null;
      /** @type {(() => void) | null} */ stopWaiting = null;
      /** @type {(() => void) | null} */ stopLang = null;

      connectedCallback() {
        if (this.figure) return;
        addStyles(this.ownerDocument, styles, base);
        addStyles(this.ownerDocument, SHEETS, base);
        this.classList.add('flowlab-figure');
        const deferred = lazy(this);
        this.figure = create(this, { deferred });
        this.stopLang = onLangChange(() => this.figure?.relabel?.());
        if (deferred) this.wait();
      }

      /** Begins a deferred figure when it is first seen or focused. */
      wait() {
        this.dataset.state = 'waiting';
        const begin = () => {
          this.stopWaiting?.();
          this.stopWaiting = null;
          this.figure?.begin?.();
        };
        const stopWatching = watchVisibility(this, { onShow: begin });
        this.addEventListener('focusin', begin);
        this.stopWaiting = () => {
          stopWatching();
          this.removeEventListener('focusin', begin);
        };
      }

      disconnectedCallback() {
        this.stopWaiting?.();
        this.stopWaiting = null;
        this.stopLang?.();
        this.stopLang = null;
        this.figure?.destroy();
        this.figure = null;
      }

      attributeChangedCallback(name, before, after) {
        if (!this.figure || before === after) return;
        if (name === 'lang') {
          this.figure.relabel?.();
          return;
        }
        if (restarting.has(this)) return;
        restarting.add(this);
        queueMicrotask(() => {
          restarting.delete(this);
          if (!this.figure) return;
          this.disconnectedCallback();
          this.connectedCallback();
        });
      }
    },
  );
}
