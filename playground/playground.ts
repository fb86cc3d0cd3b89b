/** The playground page: menu, workbook tabs as tables, charts, and the sidebar frame. */
import type { SheetView, WorkbookView } from './workbook-view';
import { renderChart } from './chart-svg';
import { withDialogShim } from './sidebar-shim';

const SAMPLE = 'statement-2026-05.csv';
const HISTORY_SAMPLE = 'statement-history.csv';
const COGS_SAMPLE = 'cogs.csv';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let view: WorkbookView | null = null;
let activeSheet = '';
/** The workbook's active tab at the last refresh: when the add-on activates another, the page follows. */
let lastActive = '';
/** Toasts already seen; null until the first load, so a reload never shows an old toast again. */
let lastToastCount: number | null = null;

function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function renderTabs(): void {
  const tabs = $('tabs');
  tabs.replaceChildren();
  for (const sheet of view?.sheets ?? []) {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.role = 'tab';
    tab.textContent = sheet.hidden ? `${sheet.name} (hidden)` : sheet.name;
    tab.setAttribute('aria-selected', String(sheet.name === activeSheet));
    tab.addEventListener('click', () => {
      activeSheet = sheet.name;
      render();
      void select(sheet.name);
    });
    tabs.appendChild(tab);
  }
}

function renderGrid(): void {
  const grid = $('grid');
  grid.replaceChildren();
  const sheet = view?.sheets.find((s) => s.name === activeSheet);
  if (!sheet) return;
  const table = document.createElement('table');
  table.className = 'sheet';
  table.dataset.sheet = sheet.name;
  const head = table.createTHead().insertRow();
  head.appendChild(document.createElement('th'));
  for (let c = 1; c <= sheet.lastColumn; c++) {
    const th = document.createElement('th');
    th.textContent = columnName(c);
    head.appendChild(th);
  }
  const body = table.createTBody();
  sheet.rows.forEach((row, r) => {
    const tr = body.insertRow();
    if (r < sheet.frozenRows) tr.className = 'frozen';
    const th = document.createElement('th');
    th.textContent = String(r + 1);
    tr.appendChild(th);
    row.forEach((text, c) => {
      const td = tr.insertCell();
      td.textContent = text;
      td.title = text;
      td.dataset.cell = `${r + 1},${c + 1}`;
      if (typeof sheet.values[r][c] === 'number') td.className = 'num';
      if (sheet.currentCell.row === r + 1 && sheet.currentCell.col === c + 1) td.classList.add('current');
    });
    // Room to type below the last row and right of the last column.
    if (sheet.editable) tr.insertCell().dataset.cell = `${r + 1},${sheet.lastColumn + 1}`;
  });
  if (sheet.editable) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.textContent = String(sheet.rows.length + 1);
    tr.appendChild(th);
    for (let c = 1; c <= sheet.lastColumn + 1; c++)
      tr.insertCell().dataset.cell = `${sheet.rows.length + 1},${c}`;
    table.classList.add('editable');
    table.addEventListener('click', (event) => {
      const td = (event.target as HTMLElement).closest('td');
      if (td?.dataset.cell) editCell(sheet, td);
    });
  }
  grid.appendChild(table);
  if (sheet.lastRow > sheet.rows.length) {
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = `Showing the first ${sheet.rows.length} of ${sheet.lastRow} rows.`;
    grid.appendChild(note);
  }
  if (sheet.lastRow === 0) {
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = 'This tab is empty.';
    grid.appendChild(note);
  }
  const charts = (view?.charts ?? []).filter((c) => c.sheet === sheet.name);
  if (charts.length > 0) {
    const box = document.createElement('div');
    box.className = 'charts';
    for (const spec of charts) box.appendChild(renderChart(spec));
    grid.appendChild(box);
  }
}

/** A cell being typed into: the page is not redrawn under it (a click also selects the cell, which refreshes). */
let editing = false;

/** Click a cell, type, Enter: the value (or a formula such as =TTS_PNL(…)) is written as typed; Escape leaves it. */
function editCell(sheet: SheetView, td: HTMLTableCellElement): void {
  if (td.querySelector('input')) return;
  editing = true;
  const [row, column] = td.dataset.cell!.split(',').map(Number);
  const input = document.createElement('input');
  input.className = 'cell-input';
  input.setAttribute('aria-label', `${sheet.name} ${columnName(column)}${row}`);
  input.value =
    sheet.formulas[`${row},${column}`] ??
    (typeof sheet.values[row - 1]?.[column - 1] === 'number'
      ? String(sheet.values[row - 1][column - 1])
      : (sheet.rows[row - 1]?.[column - 1] ?? ''));
  td.replaceChildren(input);
  input.focus();
  input.select();
  let done = false;
  const finish = async (save: boolean) => {
    if (done) return;
    done = true;
    editing = false;
    if (save) {
      const res = await fetch('/api/cell', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sheet: sheet.name, row, column, input: input.value }),
      });
      if (!res.ok) alert(((await res.json()) as { error?: string }).error ?? 'Could not write the cell.');
    }
    await refresh();
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') void finish(true);
    else if (event.key === 'Escape') void finish(false);
  });
  input.addEventListener('blur', () => void finish(false));
}

function showToast(): void {
  const toasts = view?.toasts ?? [];
  const count = view?.toastCount ?? 0;
  const seen = lastToastCount;
  lastToastCount = count;
  // Counted over every toast, not the last five kept, so the sixth is shown too.
  if (seen === null || toasts.length === 0 || count === seen) return;
  const last = toasts[toasts.length - 1];
  const box = $('toast');
  box.textContent = last.title ? `${last.title}: ${last.message}` : last.message;
  box.style.display = 'block';
  setTimeout(() => {
    box.style.display = 'none';
  }, 5000);
}

function render(): void {
  renderTabs();
  if (!editing) renderGrid();
}

/** A click on a tab or a cell selects it in the workbook too (Insert formula writes there). */
async function select(sheet: string, row?: number, col?: number): Promise<void> {
  await fetch('/api/select', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sheet, row, col }),
  });
  await refresh();
}

async function refresh(): Promise<void> {
  const res = await fetch('/api/workbook');
  view = (await res.json()) as WorkbookView;
  if (view.activeSheet !== lastActive) {
    lastActive = view.activeSheet;
    activeSheet = view.activeSheet;
  }
  if (!view.sheets.some((s) => s.name === activeSheet)) {
    activeSheet = (view.sheets.find((s) => s.name === 'TTS Ledger') ?? view.sheets[0])?.name ?? '';
  }
  render();
  showToast();
}

interface RunResponse {
  result?: unknown;
  error?: string;
  ui: {
    sidebars: { title: string }[];
    dialogs: { title: string; html: string; width: number; height: number }[];
  };
}

async function runMenu(functionName: string): Promise<void> {
  const res = await fetch('/api/run', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: functionName, args: [] }),
  });
  const body = (await res.json()) as RunResponse;
  if (body.error) alert(body.error);
  if (body.ui.sidebars.length > 0) openSidebar();
  const dialog = body.ui.dialogs.at(-1);
  if (dialog) {
    $('dialog-title').textContent = dialog.title;
    const frame = $<HTMLIFrameElement>('dialog-frame');
    frame.width = String(dialog.width);
    frame.height = String(dialog.height);
    frame.srcdoc = withDialogShim(dialog.html);
    $<HTMLDialogElement>('dialog').showModal();
  }
  await refresh();
}

function openSidebar(): void {
  const aside = $('sidebar');
  const frame = $<HTMLIFrameElement>('sidebar-frame');
  aside.hidden = false;
  frame.src = '/sidebar';
}

/** Puts the bundled sample into the sidebar's file input, as if the seller had chosen it. */
async function loadSample(sample: string): Promise<void> {
  $('sidebar').hidden = false;
  const frame = $<HTMLIFrameElement>('sidebar-frame');
  const input = frame.contentDocument?.getElementById('import-files') as HTMLInputElement | null;
  if (!input) {
    alert('The sidebar is still loading; try again in a moment.');
    return;
  }
  const bytes = await (await fetch(`/samples/${sample}`)).blob();
  const transfer = new DataTransfer();
  transfer.items.add(new File([bytes], sample, { type: 'text/csv' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

$('menu-open').addEventListener('click', () => {
  void runMenu('showSidebar');
});
$('menu-refresh').addEventListener('click', () => {
  void runMenu('menuRefreshDashboard');
});
$('menu-help').addEventListener('click', () => {
  void runMenu('showHelp');
});
$('load-sample').addEventListener('click', () => {
  void loadSample(SAMPLE);
});
$('load-history').addEventListener('click', () => {
  void loadSample(HISTORY_SAMPLE);
});
$('load-cogs').addEventListener('click', () => {
  void loadSample(COGS_SAMPLE);
});
$('close-sidebar').addEventListener('click', () => {
  $('sidebar').hidden = true;
});
$('dialog-close').addEventListener('click', () => $<HTMLDialogElement>('dialog').close());
$('grid').addEventListener('click', (event) => {
  const td = (event.target as HTMLElement).closest('td');
  const tr = td?.parentElement as HTMLTableRowElement | null;
  if (!td || !tr || !activeSheet) return;
  // Row r of the body is sheet row r + 1; column c of the row (after its header cell) is column c.
  void select(activeSheet, tr.sectionRowIndex + 1, (td as HTMLTableCellElement).cellIndex);
});
$('reset').addEventListener('click', () => {
  if (!confirm('Delete every tab and start from an empty workbook?')) return;
  void fetch('/api/reset', { method: 'POST' }).then(() => {
    openSidebar();
    return refresh();
  });
});
window.addEventListener('message', (event) => {
  const type = (event.data as { type?: string })?.type;
  if (event.origin !== location.origin && event.origin !== 'null') return;
  if (type === 'tts-run') void refresh();
  if (type === 'tts-close') $<HTMLDialogElement>('dialog').close();
});

void refresh();
