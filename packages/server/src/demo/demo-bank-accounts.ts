import { seededRandom } from './demo-county.js';
import { type DemoPerson, pick, type Weighted } from './demo-persons.js';

// Where the demo county's subsidies are paid: the 一卡通 accounts of three banks with branches in every
// township. Numbers are 19 digits (a 6-digit card prefix, 12 digits, a Luhn check digit, as bank cards
// have); the prefixes are illustrative. Drawn from a generator of their own, so that adding accounts did
// not change the rest of the demo.

const BANKS: Weighted<{ name: string; prefix: string }> = [
  [{ name: '青禾农村商业银行', prefix: '623668' }, 50],
  [{ name: '中国农业银行青禾县支行', prefix: '622848' }, 30],
  [{ name: '中国邮政储蓄银行青禾县支行', prefix: '621799' }, 20],
];

/** The Luhn check digit of a card number's body. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function demoBankAccount(random: () => number): { bank_name: string; bank_account: string } {
  const bank = pick(random, BANKS);
  let body = bank.prefix;
  while (body.length < 18) body += String(Math.floor(random() * 10));
  return { bank_name: bank.name, bank_account: body + luhnCheckDigit(body) };
}

/**
 * Gives every person an account but about 2% (1.8% in the demo county): never those paid by a paid cycle, more often (1 in 5) those
 * whose first payment is in the cycle still awaiting approval (new recipients who have not brought their
 * card yet: the bank file lists them under 缺少账号).
 */
export function assignDemoBankAccounts(
  persons: DemoPerson[],
  o: { paid?: Set<string>; firstPaidNow?: Set<string> } = {},
  seed = 20261127,
): void {
  const random = seededRandom(seed);
  for (const p of persons) {
    const account = demoBankAccount(random);
    const roll = random();
    const missing = o.paid?.has(p.id) ? false : o.firstPaidNow?.has(p.id) ? roll < 0.2 : roll < 0.027;
    p.bank_name = missing ? null : account.bank_name;
    p.bank_account = missing ? null : account.bank_account;
  }
}
