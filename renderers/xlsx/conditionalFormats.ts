/**
 * The model's sheet rules as .xlsx conditional formats, so a number edited in the file
 * recolours itself: a threshold rule becomes three formula rules (red below its nearFrom,
 * yellow below its target, green otherwise), a data-bar rule a data bar from 0.
 * Every formula carries core's marker, as the add-ins' rules do, so our rules can be told
 * from a user's own.
 */
import type ExcelJS from 'exceljs';
import { columnLetter, thresholdConditions, type SheetRule, type Tone } from '../../core';
import { conditionalFill, DATA_BAR_COLOR } from './styles';

/** Data rows a rule covers (1-based sheet rows, inclusive). */
export interface RuleRows {
  readonly first: number;
  readonly last: number;
}

/** ExcelJS writes a data bar's colour but its typings lack the field. */
type DataBarWithColor = ExcelJS.DataBarRuleType & { color: Partial<ExcelJS.Color> };

export function conditionalFormats(rules: readonly SheetRule[], rows: RuleRows): ExcelJS.ConditionalFormattingOptions[] {
  if (rows.last < rows.first) return [];
  let priority = 1;
  return rules.map((rule) => {
    const letter = columnLetter(rule.column);
    const ref = `${letter}${rows.first}:${letter}${rows.last}`;
    if (rule.kind === 'threshold') {
      const conditions = thresholdConditions(rule, `${letter}${rows.first}`);
      const tones: readonly Tone[] = ['bad', 'near', 'good'];
      return {
        ref,
        rules: tones.map((tone): ExcelJS.ExpressionRuleType => ({
          type: 'expression',
          priority: priority++,
          formulae: [conditions[tone]],
          style: conditionalFill(tone),
        })),
      };
    }
    const bar: DataBarWithColor = {
      type: 'dataBar',
      priority: priority++,
      // From zero, not from the smallest value, so a bar's length is the share itself;
      // to the column's largest value, so shares of 0,06 % are still visible.
      cfvo: [{ type: 'num', value: 0 }, { type: 'max' }],
      color: { argb: DATA_BAR_COLOR },
      gradient: false,
    };
    return { ref, rules: [bar] };
  });
}
