/**
 * The shape of one export layout. Apart from layouts.ts so that other layout families (the ad
 * reports') can declare theirs without importing the table that lists them.
 */
import type { RowField } from './row-fields';
import type { LayoutId } from '../types';

export interface LayoutSpec {
  id: LayoutId;
  /** Human name, e.g. "US On hold / unsettled export". */
  name: string;
  /** Header spellings that must all be present; each entry lists accepted alternatives. */
  signature: string[][];
  /** Column ids that must be present once the layout is recognised. */
  required: string[];
  /** Ledger key: optional prefix, then these row fields joined by `|`. */
  keyPrefix: string;
  keyFields: RowField[];
  /** The row after the header may hold field descriptions instead of data. */
  descriptionRow?: boolean;
  /** Type when the layout has no Type column. */
  defaultType?: string;
}
