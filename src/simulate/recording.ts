/**
 * Record-keeping: how a buyer writes a purchase down. Its habits decide how many subjects say nothing,
 * how many records lack a document number (and a method, unless the method shows competition), and how
 * many fields are written with variants. Classic habits change nothing and draw nothing.
 */
import { COMPETED_METHODS, VAGUE_SUBJECTS_EN, VAGUE_SUBJECTS_ZH } from './_catalogue.js';
import type { Rng } from './_prng.js';
import { categoryVariant, methodVariant, projectVariant, subjectVariant, vendorVariant } from './_variants.js';
import type { Buyer } from './buyers.js';
import type { SimulatedRecord } from './truth.js';

/** Rewrites a record as buyer `b` keeps its records. */
export function keepRecord(rec: SimulatedRecord, b: Buyer, r: Rng): void {
  const h = b.habits;
  let vague = false;
  if (h.vague > 0 && r.chance(h.vague)) {
    rec.subject = r.pick(b.lang === 'zh' ? VAGUE_SUBJECTS_ZH : VAGUE_SUBJECTS_EN);
    vague = true;
  }
  if (h.blank > 0 && r.chance(h.blank)) {
    delete rec.document;
    if (rec.method !== undefined && !COMPETED_METHODS.has(rec.method)) delete rec.method;
  }
  if (h.messy > 0) {
    if (!vague && r.chance(h.messy)) rec.subject = subjectVariant(rec.subject, b.lang, r);
    if (r.chance(h.messy)) rec.vendor = vendorVariant(rec.vendor, b.lang, r);
    if (rec.project !== undefined && r.chance(h.messy)) rec.project = projectVariant(rec.project, b.lang, r);
    if (rec.method !== undefined && r.chance(h.messy)) rec.method = methodVariant(rec.method, r);
    if (rec.category !== undefined && r.chance(h.messy)) rec.category = categoryVariant(rec.category, r);
  }
}
