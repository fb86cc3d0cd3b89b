/** The seller's targets and sales metric, kept per spreadsheet in document properties. */
import { checkShape, number, object, oneOf } from './import/request-shapes';
import { DEFAULT_SETTINGS, type Settings } from '../core/contract';
import { readStored, writeStored } from './document-store';

const SETTINGS_KEY = 'tts.settings';

const SettingsSchema = object({
  monthlyTarget: number({ positive: true, max: 1e12 }),
  annualTarget: number({ positive: true, max: 1e13 }),
  metric: oneOf(['gross', 'net', 'settlement'] as const),
});

export function readSettings(): Settings {
  return readStored(SETTINGS_KEY, { ...DEFAULT_SETTINGS }, (stored) => {
    const parsed = checkShape(SettingsSchema, stored);
    return parsed.ok ? parsed.value : undefined;
  });
}

export function getSettings(_arg: null): Settings {
  return readSettings();
}

export function storeSettings(arg: Settings): Settings {
  const parsed = checkShape(SettingsSchema, arg);
  if (!parsed.ok) {
    throw new Error(
      'Targets must be positive dollar amounts and the metric one of gross, net or settlement.',
    );
  }
  writeStored(SETTINGS_KEY, parsed.value);
  return parsed.value;
}
