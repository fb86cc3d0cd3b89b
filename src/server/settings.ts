/** The seller's targets and sales metric, kept per spreadsheet in document properties. */
import * as z from 'zod/mini';
import { DEFAULT_SETTINGS, type Settings } from '../core/contract';

const SETTINGS_KEY = 'tts.settings';

const SettingsSchema = z.object({
  monthlyTarget: z.number().check(z.positive(), z.lte(1e12)),
  annualTarget: z.number().check(z.positive(), z.lte(1e13)),
  metric: z.enum(['gross', 'net', 'settlement']),
});

export function readSettings(): Settings {
  const stored = PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
  if (!stored) return { ...DEFAULT_SETTINGS };
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function getSettings(_arg: null): Settings {
  return readSettings();
}

export function storeSettings(arg: Settings): Settings {
  const parsed = SettingsSchema.safeParse(arg);
  if (!parsed.success) {
    throw new Error('Targets must be positive dollar amounts and the metric one of gross, net or settlement.');
  }
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(parsed.data));
  return parsed.data;
}
