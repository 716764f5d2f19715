// No personal data in logs: query strings carry searches (names, ID numbers, phones), so only the
// values of harmless parameters are logged; the others are replaced by '*'.

const LOGGABLE_PARAMS = new Set([
  'page',
  'pageSize',
  'mode',
  'year',
  'status',
  'programCode',
  'regionCode',
  'sort',
  'days',
]);

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  const parts: string[] = [];
  for (const [key, value] of params) parts.push(`${key}=${LOGGABLE_PARAMS.has(key) ? value : '*'}`);
  return `${url.slice(0, q)}?${parts.join('&')}`;
}
