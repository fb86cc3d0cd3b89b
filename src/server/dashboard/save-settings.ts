/**
 * Saving the targets or the sales metric redraws the TTS Dashboard tab when there is one, so its
 * chart titles, target lines and facts never show the old targets beside the new ones.
 */
import type { Settings } from '../../core/contract';
import { storeSettings } from '../settings';
import { DASHBOARD_TAB, refreshDashboard } from './dashboard';
import { tabNamed } from '../sheets/tab-named';

export function saveSettings(arg: Settings): Settings {
  const saved = storeSettings(arg);
  if (tabNamed(DASHBOARD_TAB)) refreshDashboard(null);
  return saved;
}
