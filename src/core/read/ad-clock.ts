/**
 * The ad account's clock: a fixed UTC offset in whole or half hours, no daylight saving (TikTok
 * sets it when the account is created and never changes it). Written `UTC-07:00`.
 */

/** Every offset Ads Manager offers, west to east. */
export const AD_CLOCKS: readonly string[] = (() => {
  const out: string[] = [];
  for (let half = -24; half <= 28; half++) out.push(clockText(half * 30));
  return out;
})();

function clockText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `UTC-7`, `utc−07:00`, `-0700`, `UTC` → `UTC-07:00`; null when it is not such an offset. */
export function parseAdClock(text: string): string | null {
  const t = text
    .trim()
    .replace(/\u2212/g, '-')
    .toUpperCase();
  if (t === 'UTC' || t === 'GMT') return clockText(0);
  const m = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] || 0);
  const signed = m[1] === '-' ? -minutes : minutes;
  const text_ = clockText(signed);
  return AD_CLOCKS.includes(text_) ? text_ : null;
}
