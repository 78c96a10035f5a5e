/**
 * What one report costs in Sheets round trips: the built script runs «Построить отчёт по
 * районам» (with last week's sheet, so every report sheet and the chart are written) and
 * «Подсветить отстающие школы» against the fake, and every SpreadsheetApp, PropertiesService
 * and HtmlService call is counted. The count must not depend on the number of rows.
 */
import { DEFAULT_STORED_SETTINGS, type StoredSettings } from '../../core';
import { loadScript } from './bundle';
import { monitoringSheet } from './monitoringSheet';

export const SOURCE_SHEET = 'Мониторинг';
export const PREVIOUS_SHEET = 'Прошлая неделя';

export interface HostCost {
  readonly calls: number;
  /** Calls per method («Range.setValues»…), to see where they go. */
  readonly byMethod: Readonly<Record<string, number>>;
  /** Wall time of the two actions in the fake, in milliseconds. */
  readonly ms: number;
}

export interface HostCostOptions {
  /**
   * Measure a second run: the report tabs are then the add-in's own, checked for the user's
   * additions and written over in place (the first run only creates them).
   */
  readonly rerun?: boolean;
}

export function sheetsHostCost(rows: number, options: HostCostOptions = {}): HostCost {
  const { fake, script } = loadScript();
  fake.book.addSheet(SOURCE_SHEET, monitoringSheet(rows));
  fake.book.addSheet(PREVIOUS_SHEET, monitoringSheet(rows, { lower: 3, period: '08.04.2023–14.04.2023' }));
  const settings: StoredSettings = { ...DEFAULT_STORED_SETTINGS, previousSheet: PREVIOUS_SHEET };
  const request = { sheet: SOURCE_SHEET, district: null, settings };
  if (options.rerun) {
    script.panelBuildReport?.(request);
    script.panelHighlight?.(request);
  }
  fake.log.reset();
  const started = Date.now();
  const report = script.panelBuildReport?.(request) as { ok: boolean; message: string } | undefined;
  const highlight = script.panelHighlight?.(request) as { ok: boolean; message: string } | undefined;
  const ms = Date.now() - started;
  if (!report?.ok) throw new Error(`report failed: ${report?.message ?? 'no panelBuildReport'}`);
  if (!highlight?.ok) throw new Error(`highlight failed: ${highlight?.message ?? 'no panelHighlight'}`);
  return { calls: fake.log.count(), byMethod: fake.log.byMethod(), ms };
}
