/** The seller's targets and sales metric, kept per spreadsheet in document properties. */
import { checkShape, number, object, oneOf } from './import/request-shapes';
import { DEFAULT_SETTINGS, type Settings } from '../core/contract';

const SETTINGS_KEY = 'tts.settings';

const SettingsSchema = object({
  monthlyTarget: number({ positive: true, max: 1e12 }),
  annualTarget: number({ positive: true, max: 1e13 }),
  metric: oneOf(['gross', 'net', 'settlement'] as const),
});

export function readSettings(): Settings {
  const stored = PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
  if (!stored) return { ...DEFAULT_SETTINGS };
  try {
    const parsed = checkShape(SettingsSchema, JSON.parse(stored));
    return parsed.ok ? parsed.value : { ...DEFAULT_SETTINGS };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
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
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(parsed.value));
  return parsed.value;
}
