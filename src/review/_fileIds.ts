/**
 * Record ids that changed form between runs because of the files read with them. When several
 * files are read together and an id occurs in more than one of them, each is prefixed with its file
 * (`jan.csv:1`; `combineLedgers`): scanning `jan.csv` alone gives `1`, scanning it with `feb.csv`
 * (whose ids also start at 1) gives `jan.csv:1`. The purchase is the same; its id is not. Here a
 * record id is read as its file and the file's own id, so that decisions and diffs recognise the
 * same purchase under either form — only where that is unambiguous.
 */
import type { ReportFinding, ScanReport } from '../io/write/scanReport.js';

/** A record of a report's findings: its id in the report, the file it is from (when known) and the file's own id. */
export interface FileRecord {
  readonly id: string;
  readonly file?: string | undefined;
  readonly own: string;
}

/** Path with `/` separators, for comparing a label with a file path. */
const slashed = (p: string): string => p.replace(/\\/gu, '/');

/**
 * Whether a file label (`jan.csv`, `2024/jan.csv`: a path relative to the inputs' common folder)
 * or path names `file`: the same path, or its last segments.
 */
export function namesFile(label: string, file: string): boolean {
  const l = slashed(label);
  const f = slashed(file);
  return l === f || f.endsWith(`/${l}`) || l.endsWith(`/${f}`);
}

/** The id as the file gives it: `id` less a leading `LABEL:` whose label names `file`. */
function ownId(id: string, file: string | undefined): { own: string; label?: string } {
  if (file === undefined) return { own: id };
  for (let i = id.indexOf(':'); i > 0; i = id.indexOf(':', i + 1)) {
    const label = id.slice(0, i);
    if (namesFile(label, file)) return { own: id.slice(i + 1), label };
  }
  return { own: id };
}

/** The files a report read: its provenance's inputs and the files its parts name. */
export function reportFiles(report: { readonly provenance?: ScanReport['provenance'] | undefined; readonly findings: readonly ReportFinding[] }): string[] {
  const inputs = (report.provenance as { inputs?: readonly { file?: unknown }[] } | undefined)?.inputs;
  const files = new Set<string>();
  if (Array.isArray(inputs)) for (const i of inputs) if (typeof i?.file === 'string' && i.file !== '-') files.add(i.file);
  for (const f of report.findings) for (const p of f.parts) if (p.file !== undefined) files.add(p.file);
  return [...files];
}

/**
 * The records of findings, each with its file: the part's own `file`, else the one file the
 * report read (`files`, when it is one).
 */
export function fileRecords(findings: readonly ReportFinding[], files: readonly string[]): FileRecord[] {
  const only = files.length === 1 ? files[0] : undefined;
  const out: FileRecord[] = [];
  for (const f of findings) {
    for (const p of f.parts) {
      const file = p.file ?? only;
      out.push({ id: p.id, file, own: ownId(p.id, file).own });
    }
  }
  return out;
}

/** A record id of another run, read into this run's ids. */
export type Translated = { readonly to: string } | { readonly ambiguous: readonly string[] } | undefined;

/**
 * Reads record ids of another run (a register's, an earlier report's) as ids of this run's records
 * (`records`): an id this run has stays; else its file's own id (`jan.csv:1` → `1` when `jan.csv`
 * is a file of this run or `file`) names the record of this run with that own id, from a file
 * that can be its file (`file`, or the label its id carried; any file when neither is known).
 * One such record: `{ to }`; several (`jan.csv:1` and `feb.csv:1` for a bare `1`):
 * `{ ambiguous }` with their ids, never a guess; none: undefined.
 */
export function translator(records: readonly FileRecord[], files: readonly string[]): (id: string, file?: string) => Translated {
  const ids = new Set<string>();
  const byOwn = new Map<string, FileRecord[]>();
  for (const r of records) {
    ids.add(r.id);
    const list = byOwn.get(r.own);
    if (list === undefined) byOwn.set(r.own, [r]);
    else if (!list.some((x) => x.id === r.id)) list.push(r);
  }
  return (id, file) => {
    if (ids.has(id) && file === undefined) return undefined;
    // The id's own file: the one given, else the label it carries when that names a file of this run.
    let split = ownId(id, file);
    if (file === undefined && split.label === undefined) {
      for (const f of files) {
        const s = ownId(id, f);
        if (s.label !== undefined) {
          split = s;
          break;
        }
      }
    }
    const from = file ?? split.label;
    const candidates = (byOwn.get(split.own) ?? []).filter((r) => from === undefined || r.file === undefined || namesFile(from, r.file));
    if (candidates.length === 0) return undefined;
    if (candidates.length === 1) return (candidates[0] as FileRecord).id === id ? undefined : { to: (candidates[0] as FileRecord).id };
    const same = candidates.find((r) => r.id === id);
    if (same !== undefined) return undefined;
    return { ambiguous: candidates.map((r) => r.id).sort() };
  };
}

/** Record ids known without their parts (findings a report leaves out), each with the file its label names, if any. */
export function idRecords(ids: Iterable<string>, files: readonly string[]): FileRecord[] {
  const out: FileRecord[] = [];
  for (const id of ids) {
    let record: FileRecord = { id, own: id };
    for (const f of files) {
      const s = ownId(id, f);
      if (s.label !== undefined) {
        record = { id, file: f, own: s.own };
        break;
      }
    }
    out.push(record);
  }
  return out;
}
