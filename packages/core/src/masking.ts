// Masking of personal numbers for display and exports: output keeps the input's length (bank accounts lose
// their spaces) and never reveals more than about half of it.

function stars(n: number): string {
  return '*'.repeat(Math.max(0, n));
}

function keepEnds(s: string, head: number, tail: number): string {
  return s.slice(0, head) + stars(s.length - head - tail) + (tail > 0 ? s.slice(-tail) : '');
}

/** 18 characters → first 4 + 10 stars + last 4; shorter: first and last quarter kept (at most 4 each). */
export function maskIdNumber(id: string): string {
  const keep = Math.min(4, Math.floor(id.length / 4));
  return keepEnds(id, keep, keep);
}

/** 11-digit mobile → '138****5678'; other numbers keep the first 3 and last 2 (≤ 4 characters: all stars). */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return keepEnds(phone, 3, 4);
  if (phone.length <= 4) return stars(phone.length);
  // 5–6 characters would show everything or nearly so with 3 + 2 kept.
  if (phone.length <= 6) return keepEnds(phone, 1, 1);
  return keepEnds(phone, 3, 2);
}

/** Spaces removed; first 4 + stars + last 4; 8 characters or fewer: stars but the last 2 (≤ 2: all stars). */
export function maskBankAccount(account: string): string {
  const s = account.replace(/\s+/g, '');
  if (s.length > 8) return keepEnds(s, 4, 4);
  if (s.length <= 2) return stars(s.length);
  return keepEnds(s, 0, 2);
}

/** The 18-character ID part masked as maskIdNumber; category, grade and reissue suffix kept. */
export function maskCertificateNumber(number: string): string {
  return maskIdNumber(number.slice(0, 18)) + number.slice(18);
}
