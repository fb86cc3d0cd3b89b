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

function mount(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const forecastPanel = createForecastPanel({ call: callServer });
  const costsPanel = createMissingCostsPanel(callServer);
  const importPanel = createImportPanel({
    parser: createFileParser(startParseWorker), call: callServer,
    onImported: () => { void forecastPanel.refresh(); void costsPanel.refresh(); },
    onCostsSaved: () => void costsPanel.refresh(),
  });
  app.appendChild(importPanel.element);
  app.appendChild(costsPanel.element);
  void costsPanel.refresh();
  app.appendChild(forecastPanel.element);
  app.appendChild(footer());
}

/** Who we are and where the data goes, in one line a seller can trust. */
function footer(): HTMLElement {
  const element = document.createElement('p');
  element.className = 'note sidebar-footer';
  element.textContent = 'TTS Profit is for TikTok Shop sellers and is not affiliated with TikTok. Your files are read in this browser and your data stays in this spreadsheet.';
  return element;
}

mount();
