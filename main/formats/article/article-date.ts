// Dates as the files state them, turned into ISO `yyyy-mm-dd`. The day is the one written in the
// source: "2018-10-30T23:30-05:00" is October 30 where it was published, so no time zone is applied.

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > days ? null : `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/**
 * `yyyy-mm-dd` from an ISO 8601 or RFC 3339 date (meta tags, docx core.xml, EPUB's dc:date), a PDF
 * date (`D:20181030120000Z`, PDF 32000 §7.9.4), or a written date Date.parse knows ("October 30,
 * 2018"); null for anything else, and for a bare year or month, which names no day.
 */
export function isoDate(value: string | null | undefined): string | null {
  const s = value?.trim();
  if (!s) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const pdf = /^D:(\d{4})(\d{2})(\d{2})/.exec(s);
  if (pdf) return validDate(Number(pdf[1]), Number(pdf[2]), Number(pdf[3]));
  if (/^D:|^\d{4}(-\d{2})?$/.test(s) || !/[a-z]/i.test(s) || !/\d/.test(s)) return null;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms);
  return validDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}
