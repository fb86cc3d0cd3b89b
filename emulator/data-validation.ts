/**
 * Data validation rules as Sheets keeps them: a criteria with its values, whether invalid input is
 * allowed (a warning) or rejected, and the help text shown. The builder is what
 * `SpreadsheetApp.newDataValidation()` returns; `rejects` is what Sheets does when a person types
 * into a validated cell (script writes are not checked, as in Sheets).
 */
import { isDate, type CellValue } from './cell-values';
import type { ApiObject, ApiType } from './strict';

export type CriteriaType = 'NUMBER_GREATER_THAN_OR_EQUAL_TO' | 'DATE_IS_VALID_DATE' | 'VALUE_IN_LIST';

export interface ValidationRule {
  criteria: CriteriaType;
  values: (number | string)[];
  /** VALUE_IN_LIST: a dropdown is shown in the cell. */
  showDropdown?: boolean;
  allowInvalid: boolean;
  helpText: string;
}

const BUILDER: ApiType = { service: 'SpreadsheetApp', name: 'DataValidationBuilder' };
const RULE: ApiType = { service: 'SpreadsheetApp', name: 'DataValidation' };

export class DataValidationApi implements ApiObject {
  readonly _gasType = RULE;
  constructor(readonly _rule: ValidationRule) {}
  getCriteriaType() {
    return this._rule.criteria;
  }
  getCriteriaValues() {
    return [...this._rule.values];
  }
  getAllowInvalid() {
    return this._rule.allowInvalid;
  }
  getHelpText() {
    return this._rule.helpText;
  }
  toString() {
    return 'DataValidation';
  }
}

export class DataValidationBuilderApi implements ApiObject {
  readonly _gasType = BUILDER;
  private _rule: ValidationRule = {
    criteria: 'DATE_IS_VALID_DATE',
    values: [],
    allowInvalid: true,
    helpText: '',
  };
  private _hasCriteria = false;
  requireNumberGreaterThanOrEqualTo(number: number) {
    this._rule = { ...this._rule, criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', values: [Number(number)] };
    this._hasCriteria = true;
    return this;
  }
  requireValueInList(values: string[], showDropdown = true) {
    this._rule = {
      ...this._rule,
      criteria: 'VALUE_IN_LIST',
      values: values.map(String),
      showDropdown: Boolean(showDropdown),
    };
    this._hasCriteria = true;
    return this;
  }
  requireDate() {
    this._rule = { ...this._rule, criteria: 'DATE_IS_VALID_DATE', values: [] };
    this._hasCriteria = true;
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean) {
    this._rule = { ...this._rule, allowInvalid: Boolean(allowInvalidData) };
    return this;
  }
  setHelpText(helpText: string) {
    this._rule = { ...this._rule, helpText: String(helpText) };
    return this;
  }
  build() {
    if (!this._hasCriteria) throw new Error('You must specify criteria for the data validation rule.');
    return new DataValidationApi({ ...this._rule, values: [...this._rule.values] });
  }
  toString() {
    return 'DataValidationBuilder';
  }
}

/** True when a value typed by a person breaks the rule (blank never does). */
export function violates(rule: ValidationRule, value: CellValue): boolean {
  if (value === '' || value === null || value === undefined) return false;
  if (rule.criteria === 'DATE_IS_VALID_DATE') return !isDate(value);
  if (rule.criteria === 'VALUE_IN_LIST')
    return !rule.values.some((v) => String(v).toLowerCase() === String(value).toLowerCase());
  return typeof value !== 'number' || value < Number(rule.values[0]);
}
