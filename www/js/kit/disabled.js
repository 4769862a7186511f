// Controls that are unavailable for a while (during start-up, while a computation runs) stay in the
// tab order: they are marked aria-disabled instead of disabled, so that a keyboard reader still
// finds them and hears that they are unavailable, and their actions ignore activation meanwhile.

/** Marks `control` unavailable (or available again) without taking it out of the tab order. */
export function setDisabled(/** @type {Element} */ control, disabled) {
  if (disabled) control.setAttribute('aria-disabled', 'true');
  else control.removeAttribute('aria-disabled');
}

/** Whether `control` is marked unavailable by setDisabled. */
export function isDisabled(/** @type {Element} */ control) {
  return control.getAttribute('aria-disabled') === 'true';
}

/** Calls `action(event)` on each click of `control` while it is available. */
export function onActivate(/** @type {Element} */ control, /** @type {(event: Event) => void} */ action) {
  control.addEventListener('click', (event) => {
    if (!isDisabled(control)) action(event);
  });
}
