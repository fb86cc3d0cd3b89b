/**
 * The sidebar: panels stacked in a 300 px column. The import panel comes first; panels that show
 * results (the forecast) are mounted after it and told when an import finishes.
 */
import './styles.css';
import { startParseWorker } from './parsing/blob-worker';
import { createForecastPanel } from './forecast-panel';
import { createImportPanel } from './import/import-panel';
import { createMissingCostsPanel } from './costs/missing-costs-panel';
import { createFileParser } from './parsing/parse-in-worker';
import { callServer } from './server-client';
import { helpDialog, helpFold } from './help-view';
import type { ServerCaller } from './import/import-runner';
import { createInsertFormulaPanel } from './insert-formula-panel';
import { createNextSteps } from './next-steps';

/** The same page is the sidebar and, with the server's marker appended (menu *Help*), the Help dialog. */
function isHelpDialog(): boolean {
  return document.getElementById('tts-view')?.dataset.view === 'help';
}

function mount(): void {
  const app = document.getElementById('app');
  if (!app) return;
  if (isHelpDialog()) {
    app.className = 'dialog';
    app.appendChild(helpDialog(() => google.script.host.close()));
    return;
  }
  // The forecast panel's own Build charts also refreshes the dashboard: keep Next in step with it.
  const forecastCall: ServerCaller = (name, arg) =>
    callServer(name, arg).then((value) => {
      if (name === 'refreshDashboard') {
        void nextSteps.refresh();
        void costsPanel.refresh();
      }
      return value;
    });
  const forecastPanel = createForecastPanel({ call: forecastCall });
  const formulaPanel = createInsertFormulaPanel({ call: callServer });
  const costsPanel = createMissingCostsPanel(callServer);
  // A refresh reads the TTS COGS tab again: costs typed in the sheet leave the list of missing ones.
  const nextSteps = createNextSteps({
    call: callServer,
    onRefreshed: () => {
      void forecastPanel.refresh();
      void costsPanel.refresh();
    },
  });
  const importPanel = createImportPanel({
    parser: createFileParser(startParseWorker),
    call: callServer,
    onPendingChange: (pending) => nextSteps.setImportPending(pending),
    onImported: (outcomes) => {
      nextSteps.showImported(outcomes);
      void forecastPanel.refresh();
      void formulaPanel.refresh();
      void costsPanel.refresh();
    },
    onCostsSaved: (written) => {
      nextSteps.costsSaved(written);
      void costsPanel.refresh();
    },
  });
  app.appendChild(importPanel.element);
  app.appendChild(nextSteps.element);
  app.appendChild(costsPanel.element);
  void costsPanel.refresh();
  app.appendChild(forecastPanel.element);
  app.appendChild(formulaPanel.element);
  void nextSteps.refresh();
  app.appendChild(helpFold());
  app.appendChild(footer());
}

/** Who we are and where the data goes, in one line a seller can trust. */
function footer(): HTMLElement {
  const element = document.createElement('p');
  element.className = 'note sidebar-footer';
  element.textContent =
    'TTS Profit is for TikTok Shop sellers and is not affiliated with ' +
    'TikTok. Your files are read in this browser and your data stays in this spreadsheet.';
  return element;
}

// The Help dialog's marker is appended after this script: wait until the whole page is parsed.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
