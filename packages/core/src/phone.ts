// Phone numbers: mainland mobiles (11 digits) and landlines with area code ('0551-12345678', optional extension).

export type PhoneProblem = 'FORMAT';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;

/** Full-width digits, plus and hyphen-like characters (common from Chinese input methods) become ASCII. */
function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19\uFF0B]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0D\u2010-\u2015\u2212]/g, '-');
}

/**
 * Removes whitespace and dashes, except the landline forms area-code-dash-number ('0551-12345678') and
 * '0551-12345678-123' (extension), which are kept with exactly those dashes. A leading +86 or 86 on an
 * 11-digit mobile is removed.
 */
export function normalizePhone(raw: string): string {
  const s = toHalfWidth(raw).replace(/\s+/g, '');
  const digits = s.replaceAll('-', '');
  const mobile = /^(?:\+?86)?(1\d{10})$/.exec(digits);
  if (mobile) return mobile[1]!;
  const [area, ...rest] = s.split('-');
  if (rest.length > 0 && area && /^0\d{2,3}$/.test(area)) {
    const local = rest.join('');
    if (/^\d{7,8}$/.test(local)) return `${area}-${local}`;
    const ext = rest.at(-1)!;
    const number = rest.slice(0, -1).join('');
    if (rest.length > 1 && /^\d{7,8}$/.test(number) && /^\d{1,6}$/.test(ext)) return `${area}-${number}-${ext}`;
  }
  return digits;
}

/** A mobile 1[3-9] + 9 digits, or a landline 0 + 2–3 digit area code, optional dash, 7–8 digits, optional -extension. */
export function checkPhone(phone: string): PhoneProblem | null {
  return MOBILE.test(phone) || LANDLINE.test(phone) ? null : 'FORMAT';
}
