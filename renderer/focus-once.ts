/** A ref callback that focuses a field when it first appears, not again on every render. */
export function focusOnce(el: HTMLInputElement | null): void {
  if (el && !el.dataset.focused) {
    el.dataset.focused = '1';
    el.focus();
  }
}
