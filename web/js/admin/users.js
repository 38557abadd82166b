// Placeholder of the desk tab (desk.js) this module will build; replaced by the tab itself.

export function mount(container) {
  container.textContent = '…';
}
