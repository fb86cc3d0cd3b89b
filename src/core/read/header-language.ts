/**
 * Headers in another language. Seller Center and Ads Manager write their export headers in the
 * language the seller's screen is set to, and TTS Profit reads English headers only: a file whose
 * header row is in another language is refused with the setting to change, not as "no header".
 */
import type { CellValue } from '../types';

// Letters of scripts no English header uses: Hangul, kana, CJK, Thai, Arabic, Cyrillic, Hebrew.
const NON_LATIN =
  /[\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

// Ad and finance header words of the Latin-script languages TikTok's tools are offered in.
const LATIN_WORDS = new Set([
  'costo',
  'coste',
  'custo',
  'coût',
  'kosten',
  'chi phí',
  'biaya',
  'gastos',
  'fecha',
  'por día',
  'par jour',
  'pro tag',
  'theo ngày',
  'impresiones',
  'impressões',
  'impressionen',
  'lượt hiển thị',
  'tayangan',
  'nombre de la campaña',
  'nome da campanha',
  'nom de la campagne',
  'kampagnenname',
  'tên chiến dịch',
  'nama kampanye',
  'nombre del grupo de anuncios',
  'nome do grupo de anúncios',
  'moneda',
  'moeda',
  'devise',
  'währung',
  'tiền tệ',
  'mata uang',
  'ingresos brutos',
  'receita bruta',
  "chiffre d'affaires brut",
  'bruttoumsatz',
  'doanh thu gộp',
  'pendapatan kotor',
]);

function cellText(value: CellValue): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The refusal for a sheet whose first header-like row is in another language, or '' when it is
 * not (then the usual "no header found" message applies).
 */
export function foreignHeaderMessage(rows: readonly (readonly CellValue[])[], where: string): string {
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r].map(cellText).filter((t) => t !== '');
    if (cells.length < 2) continue;
    // The first row of two or more cells is where a header would be: data further down may be in any language.
    const foreign = cells.filter(
      (t) => t.length <= 60 && (NON_LATIN.test(t) || LATIN_WORDS.has(t.toLowerCase())),
    );
    if (foreign.length < 2 || foreign.length * 2 < cells.length) return '';
    const shown = foreign
      .slice(0, 4)
      .map((t) => `\`${t}\``)
      .join(', ');
    return (
      `${where}: the header on row ${r + 1} is not in English (${shown}). TTS Profit reads English headers: ` +
      ('switch the display language to English (Ads Manager: the language ' +
        'setting in your account menu; Seller Center: the language menu at the ' +
        'top of the page) and export the file again.')
    );
  }
  return '';
}
