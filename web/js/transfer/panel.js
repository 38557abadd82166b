// The desk's transfer tab (desk.js): export any layer as a file, and — for planners — import a file
// into a layer after a dry run with a preview on the map (export.js, import.js).

import { t } from '../messages.js';
import { currentUser, onUserChange } from '../session.js';
import { exportForm } from './export.js';
import { importForm } from './import.js';

export function mount(container, { map }) {
  const title = document.createElement('h2');
  title.textContent = t('desk.transferTitle');
  const imports = document.createElement('section');
  imports.className = 'tr-import';
  const notPlanner = document.createElement('p');
  notPlanner.className = 'tr-hint';
  notPlanner.dataset.testid = 'import-planners-only';
  notPlanner.textContent = t('transfer.import.plannersOnly');
  imports.append(importForm(map), notPlanner);
  container.append(title, exportForm(map), imports);

  const showFor = (user) => {
    const planner = Boolean(user?.may.includes('planner'));
    imports.querySelector('[data-testid=import-form]').hidden = !planner;
    notPlanner.hidden = planner;
  };
  showFor(currentUser());
  onUserChange(showFor);
}
