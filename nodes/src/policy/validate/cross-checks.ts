import { getPath, isAbsent } from './field-path.ts';
import { isIsoDate } from './formats.ts';
import type { CompareOp, RuleOf } from './rule-schema.ts';
import { finding, show, type Finding } from './violation.ts';

/** A number exactly, for display and output: safe integers stay numbers, larger sums become text. */
function exact(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
}

/**
 * `sum`: the lines' amounts add up to the total within `tolerance` minor units. Every amount must be a
 * safe integer (a float is never summed: 0.1 + 0.2 is how ledgers drift); a line without one fails.
 * Summed as bigint so a long invoice cannot overflow. Skipped when the lines or the total are absent.
 */
export function checkSum(rule: RuleOf<'sum'>, input: unknown): Finding[] {
  const lines = getPath(input, rule.items);
  const total = getPath(input, rule.equalsField);
  if (isAbsent(lines) || isAbsent(total)) return [];
  if (!Array.isArray(lines)) return [finding(rule.items, `${rule.items} must be a list of lines, got ${show(lines)}`, lines)];
  const findings: Finding[] = [];
  if (!Number.isSafeInteger(total)) {
    findings.push(finding(rule.equalsField, `${rule.equalsField} must be a whole amount in minor units, got ${show(total)}`, total));
  }
  let sum = 0n;
  lines.forEach((line: unknown, index) => {
    const path = `${rule.items}.${index}.${rule.itemField}`;
    const amount = getPath(line, rule.itemField);
    if (typeof amount === 'number' && Number.isSafeInteger(amount)) sum += BigInt(amount);
    else findings.push(finding(path, `${path} must be a whole amount in minor units, got ${show(amount ?? null)}`, amount));
  });
  if (findings.length > 0 || typeof total !== 'number') return findings;
  const difference = sum - BigInt(total);
  const off = difference < 0n ? -difference : difference;
  if (off <= BigInt(rule.tolerance)) return [];
  const message = `Sum of ${rule.items}.*.${rule.itemField} is ${exact(sum)} but ${rule.equalsField} is ${total} (off by ${exact(off)})`;
  return [finding(rule.equalsField, message, exact(sum))];
}

/** How a compare rule treats a value; `other` values never compare. */
type CompareKind = 'number' | 'date' | 'text' | 'boolean' | 'other';

function kindOf(value: unknown): CompareKind {
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : 'other';
  if (typeof value === 'string') return isIsoDate(value) ? 'date' : 'text';
  if (typeof value === 'boolean') return 'boolean';
  return 'other';
}

/** Applies `op` to an ordering result (negative, zero, positive). */
function holds(op: CompareOp, order: number): boolean {
  switch (op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
    default: {
      const unreachable: never = op;
      throw new Error(`Unknown operator ${String(unreachable)}`);
    }
  }
}

/**
 * `compare`: field op otherField. Numbers compare as numbers and YYYY-MM-DD dates as dates (which
 * for that format is text order); other text and booleans only with = and !=. Mixed kinds fail
 * rather than coerce. Skipped when either field is absent.
 */
export function checkCompare(rule: RuleOf<'compare'>, input: unknown): Finding[] {
  const left = getPath(input, rule.field);
  const right = getPath(input, rule.otherField);
  if (isAbsent(left) || isAbsent(right)) return [];
  const kind = kindOf(left);
  const ordered = kind === 'number' || kind === 'date';
  const equality = rule.op === '=' || rule.op === '!=';
  if (kind !== kindOf(right) || kind === 'other' || (!ordered && !equality)) {
    return [finding(rule.field, `${rule.field} (${show(left)}) cannot be compared with ${rule.otherField} (${show(right)}) using ${rule.op}`, left)];
  }
  let order: number;
  if (typeof left === 'number' && typeof right === 'number') order = left - right;
  else order = left === right ? 0 : String(left) < String(right) ? -1 : 1;
  if (holds(rule.op, order)) return [];
  return [finding(rule.field, `${rule.field} (${show(left)}) must be ${rule.op} ${rule.otherField} (${show(right)})`, left)];
}
