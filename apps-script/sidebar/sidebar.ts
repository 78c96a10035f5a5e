/**
 * The Google Sheets sidebar: the shared panel (ui/panel.ts, the same one the Excel task pane
 * shows) mounted with the google.script.run backend. Nothing else runs in the page.
 */
import { mountPanel } from '../../ui/panel';
import { gasBackend, type ScriptRun } from './gasBackend';

interface SidebarWindow {
  readonly google: { readonly script: { readonly run: ScriptRun } };
}

const root = document.getElementById('app');
if (root) {
  // google.script.run is read at each call: HtmlService sets it up before the page's scripts run.
  mountPanel(root, gasBackend(() => (window as unknown as SidebarWindow).google.script.run));
}
