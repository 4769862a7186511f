// Just enough of the DOM for components built with createElement, for tests without a browser.

class FakeElement {
  constructor(doc, tagName) {
    Object.assign(this, { ownerDocument: doc, tagName: tagName.toUpperCase(), children: [], className: '' });
    Object.assign(this, { hidden: false, textContent: '', style: {}, attributes: new Map(), listeners: {} });
    this.dataset = {};
  }
  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }
  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }
  hasAttribute(name) {
    return this.attributes.has(name);
  }
  removeAttribute(name) {
    this.attributes.delete(name);
  }
  append(...nodes) {
    for (const node of nodes) {
      node.parentNode = this;
      this.children.push(node);
    }
  }
  remove() {
    const siblings = this.parentNode?.children ?? [];
    if (siblings.includes(this)) siblings.splice(siblings.indexOf(this), 1);
    this.parentNode = null;
  }
  addEventListener(type, listener) {
    (this.listeners[type] ??= []).push(listener);
  }
  /** Delivers an event here and to the ancestors (bubbling); returns the event. */
  dispatch(type, props = {}) {
    const event = {
      type,
      target: this,
      defaultPrevented: false,
      preventDefault: () => (event.defaultPrevented = true),
      ...props,
    };
    for (let node = this; node; node = node.parentNode) {
      for (const listener of node.listeners[type] ?? []) listener(event);
    }
    return event;
  }
  /** The first descendant for which `test` holds. */
  find(test) {
    for (const child of this.children) {
      const found = test(child) ? child : child.find(test);
      if (found) return found;
    }
    return null;
  }
}

export function fakeDocument() {
  const doc = { createElement: (tag) => new FakeElement(doc, tag) };
  doc.body = doc.createElement('body');
  return doc;
}
