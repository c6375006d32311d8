/**
 * A finding's review in words, the same in every format (table, Markdown, CSV, the HTML page): its
 * decision, what changed since, and the decisions of findings that merged into it.
 */
import type { Decision } from '../../review/decisions.js';
import type { DecidedFinding, DecisionSummary, FindingDecision, TotalChange } from '../../review/applyDecisions.js';
import { groupMoneyText } from '../../_lib/decimal.js';

/** The review fields of a finding, when the report went through `applyDecisions`. */
export type Reviewed = Partial<Pick<DecidedFinding, 'id' | 'status' | 'decision' | 'merged' | 'conflict'>>;

/** `confirmed by Wang on 2015-01-12: one requirement`, each piece of data passed through `text`. */
export function decisionWords(d: Decision, text: (s: string) => string): string {
  return `${d.status}${d.reviewer !== undefined ? ` by ${text(d.reviewer)}` : ''}${d.date !== undefined ? ` on ${d.date}` : ''}${d.note !== undefined ? `: ${text(d.note)}` : ''}`;
}

/**
 * `changed since the decision: added 149 removed 121, total 1,594,200.00 → 1,832,200.00 CNY`, or ''
 * when neither the records nor the total changed.
 */
export function changedWords(d: FindingDecision, text: (s: string) => string): string {
  if (!d.changed) return '';
  const records = `${d.added.length ? ` added ${text(d.added.join(', '))}` : ''}${d.removed.length ? ` removed ${text(d.removed.join(', '))}` : ''}`;
  const total = d.totalChange !== undefined ? ` ${totalChangeWords(d.totalChange, text)}` : '';
  return `changed since the decision:${records}${records && total ? ',' : ''}${total}`;
}

/** `total 5,100.00 → 9,980.00 EUR` (`5,100.00 EUR → 9,980.00 USD` when the currency changed too). */
export function totalChangeWords(t: TotalChange, text: (s: string) => string): string {
  const before = `${groupMoneyText(t.before)}${t.currencyBefore !== undefined ? ` ${text(t.currencyBefore)}` : ''}`;
  return `total ${before} → ${groupMoneyText(t.after)} ${text(t.currency)}`;
}

/** Decisions about other findings, one by one: `F12 (dismissed by Wang); F34 (confirmed)`. */
const listed = (ds: readonly FindingDecision[], text: (s: string) => string): string => ds.map((d) => `${text(d.finding)} (${decisionWords(d, text)})`).join('; ');

/**
 * Why a finding whose decisions disagree is open: `the decisions about findings now merged into
 * this one disagree: F12 (dismissed); F34 (confirmed); it stays open until a decision about this
 * finding, FM, concludes`; '' when they do not disagree.
 */
export function conflictWords(f: Reviewed, text: (s: string) => string): string {
  if (f.conflict === undefined) return '';
  return `the decisions about findings now merged into this one disagree: ${listed(f.conflict, text)}; it stays open until a decision about this finding${f.id !== undefined ? `, ${text(f.id)},` : ''} concludes`;
}

/**
 * The other decisions that apply to a finding ({@link DecidedFinding.merged}): `also decided as
 * part of F34 (confirmed by Li)`, or, when they disagree with the decision under the finding's own
 * id, `its own decision holds over F12 (dismissed)`; '' when there are none.
 */
export function mergedWords(f: Reviewed, text: (s: string) => string): string {
  const merged = f.merged ?? [];
  if (merged.length === 0) return '';
  const over = merged.filter((d) => d.status !== 'open' && d.status !== f.status);
  const along = merged.filter((d) => !over.includes(d));
  return [along.length > 0 ? `also decided as part of ${listed(along, text)}` : '', over.length > 0 ? `the decision under its own id holds over ${listed(over, text)}` : ''].filter(Boolean).join('; ');
}

/**
 * A finding's review in one line, each piece of data passed through `text`: `confirmed by A on D:
 * note; changed since the decision: added 149`, `open (no decision yet)`, or `open: the decisions …
 * disagree …`; undefined for a report that went through no `applyDecisions`.
 */
export function reviewLine(f: Reviewed, text: (s: string) => string): string | undefined {
  if (f.status === undefined) return undefined;
  const conflict = conflictWords(f, text);
  if (conflict !== '') return `${f.status}: ${conflict}`;
  const d = f.decision;
  if (d === undefined) return `${f.status} (no decision yet)`;
  return [decisionWords(d, text), changedWords(d, text), mergedWords(f, text)].filter(Boolean).join('; ');
}

/**
 * How many decisions apply to findings the report does not show, and why: `12 decisions about
 * findings not shown (10 cut by --top, 2 scoring under --min-score)`; '' when none.
 */
export function notShownWords(d: DecisionSummary, count: (n: number) => string): string {
  const top = d.unmatched.filter((u) => u.reason === 'top').length;
  const under = d.unmatched.filter((u) => u.reason === 'minScore').length;
  if (top + under === 0) return '';
  const why = [top > 0 ? `${count(top)} cut by --top` : '', under > 0 ? `${count(under)} scoring under --min-score` : ''].filter(Boolean).join(', ');
  return `${count(top + under)} decision${top + under === 1 ? '' : 's'} about findings not shown (${why})`;
}
