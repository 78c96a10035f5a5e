/**
 * The panel both add-ins show: the Excel task pane and the Google Sheets sidebar mount it with
 * their own PanelBackend. It knows no host API and no domain rule: it shows what the backend
 * reports, edits StoredSettings, and hands JobRequests back.
 *
 * Two constraints from the Sheets side: every text from the workbook is set as text (see dom.ts),
 * and no template literal here may contain a double slash or slash-star, because Apps Script's
 * HtmlService strips them from inlined scripts.
 */
import type { StoredSettings } from '../core/settings';
import { columnLetter } from '../core/findings';
import { NO_COLUMN } from '../core/table/noColumn';
import type { ActionResult, ColumnChoice, JobRequest, PanelBackend, PanelState } from './backend';
import { el, option, say, setText } from './dom';
import {
  isTeacherBase, percentText, readPercent, targetFields, withMapping, withPlanSheet, withPreviousSheet, withTarget, withTeacherBase,
  withTolerance,
} from './panelForm';
import { TEXTS } from './texts';

export interface PanelHandle {
  /** Reads the sheet again (default: the one shown, or the active sheet on first load). */
  reload(sheet?: string): Promise<void>;
}

type ActionName = 'build' | 'highlight' | 'clear';

/** The message at the top of the panel, which controls it concerns point to (aria-describedby). */
const ALERT_ID = 'sm-alert-message';

/**
 * Messages from core and the hosts are written to be embedded («не найден столбец …»); shown on
 * their own they start with a capital letter.
 */
export function sentence(text: string | null): string | null {
  return text ? text.charAt(0).toLocaleUpperCase('ru') + text.slice(1) : text;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' && error ? error : TEXTS.unexpected;
}

class Panel {
  private state: PanelState | null = null;
  private settings: StoredSettings | null = null;
  /** Whether the user opened the list of columns: it stays open when the panel is drawn again. */
  private columnsOpen = false;
  private district: string | null = null;
  private busy = false;

  /** The id of the control that had focus when a job began (it is disabled, or redrawn, meanwhile). */
  private focusId: string | null = null;

  private readonly container: HTMLElement;
  // Live regions are in the page from the start and only their content changes (see say in dom.ts).
  private readonly alert = el('div', { class: 'sm-live', role: 'alert' });
  private readonly notice = el('div', { class: 'sm-notice', role: 'status' });
  private readonly body = el('div', { class: 'sm-body' });
  private readonly progress = el('div', { class: 'sm-progress', role: 'status' });
  /** An action's outcome: a success is said politely, a failure at once. */
  private readonly resultStatus = el('div', { class: 'sm-live', role: 'status' });
  private readonly resultAlert = el('div', { class: 'sm-live', role: 'alert' });
  private readonly buttons: Record<ActionName, HTMLButtonElement>;
  private readonly actions: HTMLElement;

  constructor(root: HTMLElement, private readonly backend: PanelBackend) {
    this.buttons = {
      build: el('button', { type: 'button', id: 'sm-build', class: 'sm-button sm-button--primary', 'data-action': 'build' }, [TEXTS.buildReport]),
      highlight: el('button', { type: 'button', id: 'sm-highlight', class: 'sm-button', 'data-action': 'highlight' }, [TEXTS.highlight]),
      clear: el('button', { type: 'button', id: 'sm-clear', class: 'sm-button sm-button--subtle', 'data-action': 'clear' }, [TEXTS.clearHighlight]),
    };
    this.buttons.build.addEventListener('click', () => void this.build());
    this.buttons.highlight.addEventListener('click', () => void this.highlight());
    this.buttons.clear.addEventListener('click', () => void this.clear());
    this.actions = el('section', { class: 'sm-section sm-actions' }, [
      el('div', { class: 'sm-buttons' }, [this.buttons.build, this.buttons.highlight, this.buttons.clear]),
      this.progress, this.resultStatus, this.resultAlert,
    ]);
    this.container = el('div', { class: 'sm-panel' }, [
      el('header', { class: 'sm-header' }, [el('h1', {}, [TEXTS.title]), el('p', {}, [TEXTS.subtitle])]),
      this.alert,
      this.body,
    ]);
    root.replaceChildren(this.container);
  }

  async reload(sheet?: string): Promise<void> {
    this.setBusy(true, TEXTS.loading);
    this.showAlert(null);
    try {
      const state = await this.backend.load(sheet ?? this.state?.sheet);
      this.state = state;
      this.settings = state.settings;
      if (this.district !== null && !state.districts.includes(this.district)) this.district = null;
      this.render();
      this.showAlert(sentence(state.error));
    } catch (error) {
      this.showAlert(TEXTS.failed(TEXTS.loadAction, messageOf(error)));
    } finally {
      this.setBusy(false);
    }
  }

  private render(): void {
    const state = this.state;
    if (!state) return;
    const columns = this.columnsSection(state);
    // An unrecognised table is fixed in the column list: then it comes first, right under the message.
    const sections: Node[] = state.error
      ? [this.dataSection(state), columns, this.reportSection(state), this.actions, this.notice, this.targetsSection()]
      : [this.dataSection(state), this.reportSection(state), this.actions, this.notice, this.targetsSection(), columns];
    this.body.replaceChildren(...sections);
  }

  private dataSection(state: PanelState): HTMLElement {
    const sheetSelect = el('select', { id: 'sm-sheet', name: 'sheet' });
    for (const name of state.sheets) sheetSelect.appendChild(option(name, name, name === state.sheet));
    sheetSelect.addEventListener('change', () => void this.reload(sheetSelect.value));
    return el('section', { class: 'sm-section', 'aria-labelledby': 'sm-data-title' }, [
      el('h2', { id: 'sm-data-title' }, [TEXTS.dataSection]),
      this.field('sm-sheet', TEXTS.sheetLabel, sheetSelect),
      state.error ? null : el('p', { class: 'sm-note' }, [TEXTS.tableSummary(state.headerRow, state.schools, state.districts.length)]),
    ]);
  }

  private reportSection(state: PanelState): HTMLElement {
    const settings = this.settings ?? state.settings;
    const district = el('select', { id: 'sm-district', name: 'district' });
    district.appendChild(option('', TEXTS.allDistricts, this.district === null));
    for (const name of state.districts) district.appendChild(option(name, name, name === this.district));
    district.addEventListener('change', () => {
      this.district = district.value === '' ? null : district.value;
      this.labelBuildButton();
    });
    this.labelBuildButton();

    const others = state.sheets.filter((name) => name !== state.sheet);
    const previous = this.sheetPicker('sm-previous', TEXTS.noPrevious, others, settings.previousSheet);
    previous.addEventListener('change', () => void this.saveSettings(withPreviousSheet(this.current(), previous.value || null)));
    const plan = this.sheetPicker('sm-plan', TEXTS.noPlan, others, settings.planSheet);
    plan.addEventListener('change', () => void this.saveSettings(withPlanSheet(this.current(), plan.value || null)));

    return el('section', { class: 'sm-section', 'aria-labelledby': 'sm-report-title' }, [
      el('h2', { id: 'sm-report-title' }, [TEXTS.reportSection]),
      this.field('sm-district', TEXTS.districtLabel, district),
      this.field('sm-previous', TEXTS.previousLabel, previous),
      this.field('sm-plan', TEXTS.planLabel, plan),
    ]);
  }

  /** A sheet choice; a saved sheet that no longer exists stays visible so the user sees why. */
  private sheetPicker(id: string, none: string, sheets: readonly string[], chosen: string | null): HTMLSelectElement {
    const select = el('select', { id, name: id });
    select.appendChild(option('', none, chosen === null));
    const names = chosen !== null && !sheets.includes(chosen) ? [...sheets, chosen] : sheets;
    for (const name of names) select.appendChild(option(name, name, name === chosen));
    return select;
  }

  private targetsSection(): HTMLElement {
    const settings = this.current();
    const rows = targetFields(settings).map((field) =>
      this.percentInput(`sm-target-${field.key}`, field.label, field.text, (value) => withTarget(this.current(), field.key, value), 'target'),
    );
    const tolerance = this.percentInput('sm-tolerance', TEXTS.toleranceLabel, percentText(settings.tolerance), (value) =>
      value === null ? null : withTolerance(this.current(), value), 'tolerance');

    const base = el('select', { id: 'sm-teacher-base', name: 'teacherBase' });
    for (const [value, label] of Object.entries(TEXTS.teacherBases)) base.appendChild(option(value, label, value === settings.teacherBase));
    base.addEventListener('change', () => {
      if (isTeacherBase(base.value)) void this.saveSettings(withTeacherBase(this.current(), base.value));
    });

    return el('section', { class: 'sm-section', 'aria-labelledby': 'sm-targets-title' }, [
      el('h2', { id: 'sm-targets-title' }, [TEXTS.targetsSection]),
      el('p', { class: 'sm-note', id: 'sm-targets-hint' }, [TEXTS.targetsHint]),
      // One group, so a screen reader says which fields these are (and that empty means «no target»).
      el('fieldset', { class: 'sm-targets', 'aria-describedby': 'sm-targets-hint' }, [el('legend', {}, [TEXTS.targetsLegend]), ...rows]),
      tolerance,
      this.field('sm-teacher-base', TEXTS.teacherBaseLabel, base),
    ]);
  }

  /**
   * A percent field that saves on change; `apply` returns null when the value is not allowed.
   * A target may be left empty (no target); the tolerance may not, and is in percentage points.
   */
  private percentInput(id: string, label: string, text: string, apply: (value: number | null) => StoredSettings | null, kind: 'target' | 'tolerance'): HTMLElement {
    const optional = kind === 'target';
    const unit = kind === 'target' ? '%' : TEXTS.pointsUnit;
    // The unit is part of what the field means: it is read after the name, as the error is.
    const input = el('input', { id, type: 'text', inputmode: 'decimal', value: text, 'data-key': id, 'aria-describedby': `${id}-unit ${id}-error` });
    const error = el('div', { id: `${id}-error`, class: 'sm-field-error', 'aria-live': 'polite' });
    input.addEventListener('change', () => {
      const read = readPercent(input.value, kind === 'target');
      const next = read.ok && (read.value !== null || optional) ? apply(read.value) : null;
      if (!next) {
        input.setAttribute('aria-invalid', 'true');
        // Only a required field (the tolerance) refuses an empty box.
        say(error, read.ok ? (read.value === null ? TEXTS.percentRequired('5') : TEXTS.percentInvalid(input.value)) : read.error);
        return;
      }
      input.removeAttribute('aria-invalid');
      say(error, null);
      void this.saveSettings(next);
    });
    return el('div', { class: 'sm-percent' }, [
      el('label', { for: id }, [label]),
      el('div', { class: kind === 'target' ? 'sm-percent__box' : 'sm-percent__box sm-percent__box--points' }, [input, el('span', { class: 'sm-percent__unit', id: `${id}-unit` }, [unit])]),
      error,
    ]);
  }

  private columnsSection(state: PanelState): HTMLElement {
    const found = state.columns.filter((c) => c.index !== null).length;
    const rows = state.columns.map((choice) => this.columnRow(state, choice));
    const details = el('details', { class: 'sm-columns' }, [
      el('summary', { id: 'sm-columns-title' }, [TEXTS.columnsSection(found, state.columns.length)]),
      el('p', { class: 'sm-note', id: 'sm-columns-hint' }, [TEXTS.columnsHint]),
      el('div', { class: 'sm-column-list', role: 'group', 'aria-labelledby': 'sm-columns-title', 'aria-describedby': 'sm-columns-hint' }, rows),
    ]);
    // A table that was not recognised is fixed here: open the list straight away. A list the user
    // opened stays open when the panel is drawn again after a change in it.
    details.open = state.error !== null || this.columnsOpen;
    details.addEventListener('toggle', () => (this.columnsOpen = details.open));
    return el('section', { class: 'sm-section' }, [details]);
  }

  private columnRow(state: PanelState, choice: ColumnChoice): HTMLElement {
    const id = `sm-column-${choice.key}`;
    const missing = choice.index === null;
    // A required column that was not found is what the message at the top is about.
    const wrong = missing && choice.required && state.error !== null;
    const select = el('select', {
      id, name: id, 'data-key': choice.key,
      'aria-required': choice.required ? 'true' : undefined,
      'aria-invalid': wrong ? 'true' : undefined,
      'aria-describedby': wrong ? ALERT_ID : undefined,
    });
    const ruledOut = this.current().mapping[choice.key] === NO_COLUMN;
    select.appendChild(option('', TEXTS.columnAuto, choice.index === null && !ruledOut));
    // A column the report can do without can be ruled out, where recognition took a look-alike.
    if (!choice.required) select.appendChild(option(String(NO_COLUMN), TEXTS.columnNone, ruledOut));
    for (const header of state.headers) {
      select.appendChild(option(String(header.index), `${columnLetter(header.index)} · ${header.text}`, header.index === choice.index));
    }
    select.addEventListener('change', () => {
      const index = select.value === '' ? null : Number(select.value);
      const header = index === NO_COLUMN ? undefined : state.headers.find((h) => h.index === index)?.text;
      void this.saveSettings(withMapping(this.current(), choice.key, header ?? index)).then((saved) => (saved ? this.reload(state.sheet) : undefined));
    });
    return el('div', { class: `sm-column${missing && choice.required ? ' sm-column--missing' : ''}` }, [
      // The star is for the eye (the hint says what it means); a screen reader hears «required» from aria-required.
      el('label', { for: id }, [choice.label, choice.required ? el('span', { class: 'sm-required', 'aria-hidden': 'true' }, [' *']) : null]),
      select,
    ]);
  }

  private field(id: string, label: string, control: HTMLElement): HTMLElement {
    return el('div', { class: 'sm-field' }, [el('label', { for: id }, [label]), control]);
  }

  private current(): StoredSettings {
    if (!this.settings) throw new Error(TEXTS.unexpected);
    return this.settings;
  }

  private async saveSettings(next: StoredSettings): Promise<boolean> {
    this.settings = next;
    try {
      await this.backend.save(next);
      say(this.notice, TEXTS.saved);
      return true;
    } catch (error) {
      this.showAlert(TEXTS.failed(TEXTS.saveAction, messageOf(error)));
      return false;
    }
  }

  /** The main button says what it builds: all districts, or the one chosen (as the Sheets menu item). */
  private labelBuildButton(): void {
    setText(this.buttons.build, this.district === null ? TEXTS.buildReport : TEXTS.buildDistrictReport);
  }

  private request(): JobRequest | null {
    if (!this.state) return null;
    return { sheet: this.state.sheet, district: this.district, settings: this.current() };
  }

  private build(): Promise<void> {
    if (this.refusedForField(TEXTS.buildReport)) return Promise.resolve();
    return this.run(TEXTS.buildReport, TEXTS.building, (request) => this.backend.buildReport(request, (text) => say(this.progress, text)));
  }

  private highlight(): Promise<void> {
    if (this.refusedForField(TEXTS.highlight)) return Promise.resolve();
    return this.run(TEXTS.highlight, TEXTS.highlighting, (request) => this.backend.highlight(request));
  }

  /**
   * A target or tolerance field still holding what it refused: the saved value is not what the
   * user sees, so building by it would give a report that contradicts the panel. Says which field
   * and puts the cursor in it; true when the action must not run.
   */
  private refusedForField(action: string): boolean {
    if (this.busy) return false;
    const field = this.container.querySelector<HTMLInputElement>('input[aria-invalid="true"]');
    if (!field) return false;
    const label = this.container.querySelector(`label[for="${field.id}"]`)?.textContent ?? '';
    this.showResult({ ok: false, message: TEXTS.fieldRefused(action, label, field.value.trim()), sheets: [] });
    say(this.notice, null);
    field.focus();
    return true;
  }

  private clear(): Promise<void> {
    return this.run(TEXTS.clearHighlight, TEXTS.clearing, (request) => this.backend.clearHighlight(request.sheet));
  }

  private async run(label: string, busyText: string, action: (request: JobRequest) => Promise<ActionResult>): Promise<void> {
    const request = this.request();
    if (!request || this.busy) return;
    this.setBusy(true, busyText);
    this.showResult(null);
    say(this.notice, null);
    let outcome: ActionResult = { ok: false, message: TEXTS.unexpected, sheets: [] };
    try {
      outcome = await action(request);
    } catch (error) {
      outcome = { ok: false, message: TEXTS.failed(label, messageOf(error)), sheets: [] };
    } finally {
      this.showResult(outcome);
      // Focus goes back to the button pressed (it was disabled while the job ran)…
      this.setBusy(false);
    }
    // …but a failure is what the user must read next: focus moves to it (and a magnifier with it).
    if (!outcome.ok) this.resultAlert.querySelector<HTMLElement>('.sm-result')?.focus();
  }

  /** The message at the top (an unrecognised table, a failed load or save); null removes it. */
  private showAlert(text: string | null): void {
    this.alert.replaceChildren(...(text ? [el('div', { id: ALERT_ID, class: 'sm-alert sm-alert--error' }, [text])] : []));
  }

  private showResult(result: ActionResult | null): void {
    this.resultStatus.replaceChildren();
    this.resultAlert.replaceChildren();
    if (!result) return;
    const box = el('div', { class: `sm-result ${result.ok ? 'sm-result--ok' : 'sm-result--error'}`, tabindex: '-1' }, [el('p', {}, [sentence(result.message) ?? ''])]);
    if (result.sheets.length) box.appendChild(el('p', { class: 'sm-note' }, [TEXTS.writtenSheets + result.sheets.map((s) => `«${s}»`).join(', ')]));
    (result.ok ? this.resultStatus : this.resultAlert).appendChild(box);
  }

  /**
   * While a job runs every control is disabled and the progress line says what is being done;
   * afterwards focus returns to the control the user was on (by id: a reload draws it anew).
   */
  private setBusy(busy: boolean, text: string | null = null): void {
    if (busy && !this.busy) {
      const active = document.activeElement;
      this.focusId = active instanceof HTMLElement && this.container.contains(active) && active.id ? active.id : null;
    }
    this.busy = busy;
    // For the tests and the pointer; not aria-busy, with which screen readers may hold back the
    // progress and result regions inside the panel until it is over.
    this.container.setAttribute('data-busy', String(busy));
    say(this.progress, busy ? text : null);
    for (const control of Array.from(this.container.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>('button, input, select'))) {
      control.disabled = busy;
    }
    if (!busy) {
      // Building and highlighting need a recognised table; clearing our rules never does.
      const unusable = !this.state || this.state.error !== null;
      for (const button of [this.buttons.build, this.buttons.highlight]) {
        button.disabled = unusable;
        // Why they cannot be pressed: the message at the top.
        if (unusable) button.setAttribute('aria-describedby', ALERT_ID);
        else button.removeAttribute('aria-describedby');
      }
      this.buttons.clear.disabled = !this.state;
      this.restoreFocus();
    }
  }

  private restoreFocus(): void {
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    const target = this.focusId ? document.getElementById(this.focusId) : null;
    this.focusId = null;
    if (lost && target && !(target as HTMLButtonElement).disabled) target.focus();
  }
}

/** Mounts the panel into `root` and reads the active sheet. */
export function mountPanel(root: HTMLElement, backend: PanelBackend): PanelHandle {
  const panel = new Panel(root, backend);
  const first = panel.reload();
  return { reload: (sheet?: string) => first.then(() => panel.reload(sheet)) };
}
