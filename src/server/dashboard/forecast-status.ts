/** The sidebar's Forecast card: pace, forecast and targets, read fresh from the ledger on each call. */
import type { ForecastStatus } from '../../core/contract';
import { salesOutlook } from '../../core/analysis/dashboard-model';
import { outlookOptions } from './dashboard';
import { readLedger } from '../sheets/ledger-reader';
import { readSettings } from '../settings';

export function getForecastStatus(_arg: null): ForecastStatus {
  const ledger = readLedger();
  return salesOutlook(ledger ? ledger.rows : [], outlookOptions(readSettings())).status;
}
