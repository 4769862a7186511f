// The one way FlowLab defines a figure element: a custom element around a function that builds the
// figure inside it. The element links the figure's style sheets (and kit/touch.css), builds it
// when connected (or, when lazy, once it scrolls into view or gets the keyboard's focus), builds
// it again when an observed attribute changes, relabels it when the language changes (the page's
// switch or the element's own `lang`), and destroys it (workers, models, watchers) when removed.
import { onLangChange } from './lang.js';
import { addStyles } from './styles.js';
import { watchVisibility } from './visible.js';

/**
 * What create(host) returns: destroy() ends the figure's workers and watchers; relabel() writes
 * its words again in the language now in force (kit/lang.js langOf(host)).
 * @typedef {{ destroy(): void, relabel?(): void }} Figure
 */

// What Tab stops at inside a figure: the first of these gets the focus the waiting host had.
const FOCUSABLE = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';
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
 * With `lazy(element)` true the figure waits, marked data-state="waiting", until it comes into
 * view or the element gets focus: meanwhile the empty element is in the tab order itself, and
 * the keyboard's focus moves on to the figure's first control when it is built.
 * @param {string} tag
 * @param {(host: HTMLElement) => Figure} create
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
        if (this.figure || this.stopWaiting) return;
        addStyles(this.ownerDocument, styles, base);
        addStyles(this.ownerDocument, SHEETS, base);
        this.classList.add('flowlab-figure');
        if (lazy(this)) this.wait();
        else this.build();
      }

      build() {
        this.figure = create(this);
        this.stopLang = onLangChange(() => this.figure?.relabel?.());
      }

      /** Builds the figure when it is first seen or focused. */
      wait() {
        this.dataset.state = 'waiting';
        const ownTabIndex = this.hasAttribute('tabindex');
        if (!ownTabIndex) this.tabIndex = 0;
        const build = () => {
          const focused = this.ownerDocument.activeElement === this;
          this.stopWaiting?.();
          this.stopWaiting = null;
          this.build();
          if (focused) /** @type {HTMLElement | null} */ (this.querySelector(FOCUSABLE))?.focus();
        };
        const stopWatching = watchVisibility(this, { onShow: build });
        this.addEventListener('focusin', build);
        this.stopWaiting = () => {
          stopWatching();
          this.removeEventListener('focusin', build);
          if (!ownTabIndex) this.removeAttribute('tabindex');
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
