/**
 * The report page's script: reads the page's JSON data, renders the findings, dismissed and buyers
 * tables (sortable, filterable, paged: a 10,000-finding page builds 50 rows at a time) and draws the
 * charts with uPlot. `toHtml` writes it into the page with `Function.prototype.toString`, so it uses
 * nothing but its parameters and browser globals: no imports (types only), no outer variables.
 * Values reach the DOM only as text nodes and non-URL attributes, never as markup.
 */
import type uPlot from 'uplot';
import type { PageBuyer, PageData, PageFinding, PageHistogram } from './_page.js';

export function reviewApp(doc: Document, U: typeof uPlot): void {
  const started = performance.now();
  const data = JSON.parse(doc.getElementById('splitscan-data')?.textContent ?? '{}') as PageData;
  const COLOR = { part: '#7f9cc9', running: '#1f5fa8', limit: '#b3261e', cross: '#b3261e', hist: '#9aa5b8', near: '#e08a00', weight: '#dfe5ee', reason: '#1f5fa8' };
  const bars = U.paths.bars as NonNullable<typeof U.paths.bars>;
  const stepped = U.paths.stepped as NonNullable<typeof U.paths.stepped>;

  type Child = Node | string | number | null | undefined | false | readonly Child[];
  type Attrs = Record<string, string | number | boolean | null | undefined>;
  const h = (tag: string, attrs: Attrs | null, ...children: Child[]): HTMLElement => {
    const el = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs ?? {})) {
      if (v === null || v === undefined || v === false) continue;
      if (/^(on|href$|src$|action$|formaction$|srcdoc$|style$)/iu.test(k)) throw new Error(`attribute ${k} is not set from data`);
      el.setAttribute(k, v === true ? '' : String(v));
    }
    const add = (c: Child): void => {
      if (c === null || c === undefined || c === false) return;
      if (Array.isArray(c)) (c as readonly Child[]).forEach(add);
      else el.append(typeof c === 'object' ? (c as Node) : String(c));
    };
    children.forEach(add);
    return el;
  };
  const int = (n: number): string => n.toLocaleString('en');
  const pct = (x: number | null): string => (x === null ? '–' : `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`);
  const compact = (v: number): string => {
    const a = Math.abs(v);
    return a >= 1e9 ? `${+(v / 1e9).toFixed(2)}G` : a >= 1e6 ? `${+(v / 1e6).toFixed(2)}M` : a >= 1e3 ? `${+(v / 1e3).toFixed(1)}k` : `${+v.toFixed(2)}`;
  };
  const cmp = (x: number | string, y: number | string): number => (x < y ? -1 : x > y ? 1 : 0);
  const chartWidth = (host: HTMLElement, min: number, max: number): number => Math.max(min, Math.min(max, (host.parentElement?.clientWidth ?? max) - 8));

  // ---- Tables: sortable by every column, filtered by the caller, paged ----

  interface Column<R> {
    readonly key: string;
    readonly label: string;
    readonly num?: boolean;
    readonly sort: (r: R) => number | string;
    readonly cell: (r: R) => Child;
  }
  interface TableOptions<R> {
    readonly id: string;
    readonly sort: string;
    readonly dir: 1 | -1;
    readonly tie: (a: R, b: R) => number;
    readonly rowAttrs: (r: R) => Attrs;
    readonly detail?: (r: R, charts: uPlot[]) => HTMLElement;
  }
  const makeTable = <R,>(host: HTMLElement, columns: readonly Column<R>[], rows: readonly R[], o: TableOptions<R>) => {
    let shown: R[] = rows.slice();
    let sortKey = o.sort;
    let dir = o.dir;
    let page = 0;
    const open = new Set<R>();
    let charts: uPlot[] = [];
    const heads = columns.map((c) => {
      const button = h('button', { type: 'button', 'data-sort': c.key }, c.label);
      button.addEventListener('click', () => {
        if (sortKey === c.key) dir = dir === 1 ? -1 : 1;
        else {
          sortKey = c.key;
          dir = c.num ? -1 : 1;
        }
        sort();
        page = 0;
        render();
      });
      return h('th', { class: c.num ? 'num' : null, scope: 'col' }, button);
    });
    const tbody = h('tbody', null);
    const info = h('span', { class: 'muted', 'data-role': 'count' });
    const prev = h('button', { type: 'button', 'data-role': 'prev' }, '‹ previous') as HTMLButtonElement;
    const next = h('button', { type: 'button', 'data-role': 'next' }, 'next ›') as HTMLButtonElement;
    prev.addEventListener('click', () => {
      page = Math.max(0, page - 1);
      render();
    });
    next.addEventListener('click', () => {
      page++;
      render();
    });
    host.append(h('table', { class: 'grid', id: o.id }, h('thead', null, h('tr', null, heads)), tbody), h('div', { class: 'pager' }, prev, info, next));

    const sort = (): void => {
      const col = columns.find((c) => c.key === sortKey) ?? columns[0];
      if (col === undefined) return;
      const key = col.sort;
      shown.sort((a, b) => cmp(key(a), key(b)) * dir || o.tie(a, b));
      heads.forEach((th, i) => th.setAttribute('aria-sort', columns[i]?.key === col.key ? (dir === 1 ? 'ascending' : 'descending') : 'none'));
    };
    const render = (): void => {
      charts.forEach((c) => c.destroy());
      charts = [];
      const size = data.pageSize;
      const first = page * size;
      const slice = shown.slice(first, first + size);
      const trs: HTMLElement[] = [];
      for (const r of slice) {
        const tr = h('tr', o.rowAttrs(r), columns.map((c) => h('td', { class: c.num ? 'num' : null }, c.cell(r))));
        trs.push(tr);
        if (o.detail === undefined) continue;
        const detail = o.detail;
        tr.classList.add('expandable');
        tr.tabIndex = 0;
        tr.setAttribute('aria-expanded', String(open.has(r)));
        const toggle = (): void => {
          if (open.has(r)) open.delete(r);
          else open.add(r);
          render();
        };
        tr.addEventListener('click', toggle);
        tr.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            toggle();
          }
        });
        if (open.has(r)) {
          trs.push(h('tr', { class: 'detail' }, h('td', { colspan: columns.length }, detail(r, charts))));
        }
      }
      tbody.replaceChildren(...trs);
      info.textContent = shown.length === 0 ? 'nothing to show' : `${int(first + 1)}–${int(first + slice.length)} of ${int(shown.length)}${shown.length !== rows.length ? ` (filtered from ${int(rows.length)})` : ''}`;
      prev.disabled = page === 0;
      next.disabled = first + size >= shown.length;
    };
    sort();
    render();
    return {
      filter(keep: (r: R) => boolean): void {
        shown = rows.filter(keep);
        sort();
        page = 0;
        render();
      },
    };
  };

  // ---- Charts ----

  const legend = (items: readonly [string, string, string][]): HTMLElement =>
    h('div', { class: 'legend' }, items.map(([kind, color, label]) => {
      const swatch = h('span', { class: `swatch ${kind}` });
      swatch.style.setProperty('--c', color);
      return h('span', null, swatch, label);
    }));

  /** A date's day number (days since 1970-01-01): dates are calendar days, never times. */
  const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 864e5;
  /** A day number as its ISO date, `YYYY-MM-DD`. */
  const isoDay = (day: number): string => new Date(day * 864e5).toISOString().slice(0, 10);
  /**
   * Whole-day ticks between `min` and `max`, as many as fit `width` pixels of ISO dates: the days
   * with parts (`days`, ascending) when no two of them come too close, else every 1, 2, 3, 5, 7,
   * 14 … days from the first of them.
   */
  const dayTicks = (days: readonly number[], min: number, max: number, width: number): number[] => {
    const label = 90;
    const perDay = width / Math.max(1, max - min);
    if (days.every((d, i) => i === 0 || (d - (days[i - 1] as number)) * perDay >= label)) return days.slice();
    const fit = Math.max(2, Math.floor(width / label));
    const step = [1, 2, 3, 5, 7, 14, 28, 91, 182, 364].find((s) => (max - min) / s < fit) ?? Math.ceil((max - min) / fit);
    const first = days[0] as number;
    const ticks: number[] = [];
    for (let d = first - Math.floor((first - min) / step) * step; d <= max; d += step) ticks.push(d);
    return ticks;
  };

  /**
   * Parts as bars on an axis of calendar days (ISO dates, a tick a day at most), the parts of one
   * day stacked at its x; the running total at each day's end as steps, the limit dashed, the
   * crossing marked at the running total of the part that reached the limit.
   */
  const drawTimeline = (host: HTMLElement, f: PageFinding): uPlot => {
    const days: number[] = [];
    /** Per day, the running sum of its parts (a part's bar ends at its own, stacked on the day's earlier parts). */
    const stacks: number[][] = [];
    const running: number[] = [];
    let crossingDay = -1;
    f.parts.forEach((p, i) => {
      const day = dayOf(p[1]);
      if (days[days.length - 1] !== day) {
        days.push(day);
        stacks.push([]);
      }
      const stack = stacks[stacks.length - 1] as number[];
      stack.push((stack[stack.length - 1] ?? 0) + p[5]);
      running[days.length - 1] = p[7];
      if (i === f.crossing) crossingDay = days.length - 1;
    });
    const first = days[0] as number;
    const last = days[days.length - 1] as number;
    const levels = Math.max(...stacks.map((s) => s.length));
    // The tallest level first, each lower one drawn over it: a day's bar in segments, one per part.
    const levelSeries = Array.from({ length: levels }, (_, k) => levels - 1 - k);
    const crossing = f.parts[f.crossing];
    const series: uPlot.AlignedData = [
      days,
      ...levelSeries.map((k) => stacks.map((s) => s[k] ?? null)),
      running,
      days.map((_, d) => (d === crossingDay && crossing ? crossing[7] : null)),
    ];
    const top = Math.max(f.limitValue, ...f.parts.map((p) => p[7])) * 1.12;
    const width = chartWidth(host, 320, 620);
    const options: uPlot.Options = {
      width,
      height: 240,
      legend: { show: false },
      cursor: { show: false },
      // Room on the right for the last date's label.
      padding: [null, 40, null, null],
      // A day before the first part and after the last, whatever their number (one day too).
      scales: { x: { time: false, range: () => [first - 1, last + 1] }, y: { range: () => [0, top] } },
      axes: [
        { splits: (_u, _i, min, max) => dayTicks(days, min, max, width - 104), values: (_u, splits) => splits.map(isoDay) },
        { size: 64, values: (_u, splits) => splits.map(compact) },
      ],
      series: [
        {},
        ...levelSeries.map((k) => ({ label: `part ${k + 1} of its day`, stroke: '#fff', width: 1, fill: COLOR.part, paths: bars({ size: [0.5, 16, 6] }), points: { show: false } })),
        { label: 'running total', stroke: COLOR.running, width: 2, paths: stepped({ align: 1 }), points: { show: true, size: 6, fill: COLOR.running } },
        { label: 'crossing', stroke: COLOR.cross, paths: () => null, points: { show: true, size: 12, width: 2, fill: '#fff', stroke: COLOR.cross } },
      ],
      // The limit across the whole plot, dashed (a series would need two days to draw a line).
      hooks: { draw: [(u) => limitLine(u, Math.round(u.valToPos(f.limitValue, 'y', true)), 'y')] },
    };
    return new U(options, series, host);
  };

  /** A dashed line in the limit's colour across the plot at canvas position `at`, horizontal (`'y'`) or vertical (`'x'`). */
  const limitLine = (u: uPlot, at: number, axis: 'x' | 'y'): void => {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    ctx.save();
    ctx.strokeStyle = COLOR.limit;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    if (axis === 'y') {
      ctx.moveTo(left, at);
      ctx.lineTo(left + width, at);
    } else {
      ctx.moveTo(at, top);
      ctx.lineTo(at, top + height);
    }
    ctx.stroke();
    ctx.restore();
  };

  /** Each reason's strength × weight (dark) over its weight (light), one bar per reason. */
  const drawReasons = (host: HTMLElement, f: PageFinding): uPlot => {
    const rs = f.reasons;
    const at = rs.map((_, i) => i);
    const top = Math.max(0.1, ...rs.map((r) => r[3])) * 1.05;
    const options: uPlot.Options = {
      width: chartWidth(host, 320, 520),
      height: 36 + rs.length * 22,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, ori: 1, dir: -1, range: () => [-0.5, rs.length - 0.5] }, y: { ori: 0, dir: 1, range: () => [0, top] } },
      axes: [
        { scale: 'x', side: 3, size: 150, gap: 4, grid: { show: false }, ticks: { show: false }, splits: () => at, values: (_u, splits) => splits.map((i) => rs[i]?.[0] ?? '') },
        { scale: 'y', side: 2, size: 36, values: (_u, splits) => splits.map((v) => v.toFixed(1)) },
      ],
      series: [
        {},
        { label: 'weight', stroke: COLOR.weight, fill: COLOR.weight, paths: bars({ size: [0.7, 18] }), points: { show: false } },
        { label: 'strength × weight', stroke: COLOR.reason, fill: COLOR.reason, paths: bars({ size: [0.7, 18] }), points: { show: false } },
      ],
    };
    return new U(options, [at, rs.map((r) => r[3]), rs.map((r) => r[2] * r[3])], host);
  };

  /** A buyer's purchases binned by amount ÷ limit; the bins within 10% below the limit stand out. */
  const drawHistogram = (host: HTMLElement, g: PageHistogram): uPlot => {
    const w = (g.to - g.from) / g.counts.length;
    const xs = g.counts.map((_, i) => g.from + (i + 0.5) * w);
    const isNear = (i: number): boolean => g.from + i * w >= 0.9 - 1e-9 && g.from + (i + 1) * w <= 1 + 1e-9;
    const options: uPlot.Options = {
      width: chartWidth(host, 280, 400),
      height: 180,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: () => [g.from, g.to] }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [{ values: (_u, splits) => splits.map((v) => `${Math.round(v * 100)}%`) }, { size: 40 }],
      series: [
        {},
        { label: 'purchases', stroke: COLOR.hist, fill: COLOR.hist, paths: bars({ size: [0.92, 40] }), points: { show: false } },
        { label: 'within 10% below the limit', stroke: COLOR.near, fill: COLOR.near, paths: bars({ size: [0.92, 40] }), points: { show: false } },
      ],
      hooks: { draw: [(u) => limitLine(u, Math.round(u.valToPos(1, 'x', true)), 'x')] },
    };
    // Empty bins draw nothing (a zero-height bar would still leave a hairline).
    return new U(options, [xs, g.counts.map((c, i) => (isNear(i) || c === 0 ? null : c)), g.counts.map((c, i) => (isNear(i) && c > 0 ? c : null))], host);
  };

  // ---- Findings ----

  const statusBadge = (f: PageFinding): Child =>
    f.status === ''
      ? null
      : h(
          'span',
          { class: `status ${f.status}` },
          f.status,
          f.conflict ? h('span', { class: 'changed', title: 'the decisions about it disagree' }, ' • decisions disagree') : null,
          f.decision?.changed ? h('span', { class: 'changed', title: 'its records or total changed since the decision' }, ' • changed') : null,
        );

  const findingDetail = (f: PageFinding, charts: uPlot[]): HTMLElement => {
    const timeline = h('div', { class: 'chart', 'data-chart': 'timeline' });
    const reasons = h('div', { class: 'chart', 'data-chart': 'reasons' });
    const d = f.decision;
    const el = h(
      'div',
      { class: 'finding-detail', 'data-finding': f.id },
      h('p', { class: 'explanation' }, f.explanation),
      f.rule ? h('p', { class: 'muted' }, `Rule: ${f.rule}`) : null,
      f.conflict ? h('p', { class: 'decision conflict' }, h('strong', null, 'open'), `: ${f.conflict}.`) : null,
      d === undefined
        ? data.reviewed && !f.conflict
          ? h('p', { class: 'decision' }, 'No decision yet.')
          : null
        : h(
            'p',
            { class: 'decision' },
            h('strong', null, d.status),
            d.reviewer ? ` by ${d.reviewer}` : '',
            d.date ? ` on ${d.date}` : '',
            d.note ? ` — ${d.note}` : '',
            d.changed
              ? h('span', { class: 'changed' }, ` Changed since the decision (on ${d.finding}): ${d.added.length ? `added ${d.added.join(', ')}` : ''}${d.added.length && d.removed.length ? '; ' : ''}${d.removed.length ? `removed ${d.removed.join(', ')}` : ''}${(d.added.length || d.removed.length) && d.total ? '; ' : ''}${d.total}.`)
              : null,
          ),
      f.merged ? h('p', { class: 'decision merged' }, `${f.merged.charAt(0).toUpperCase()}${f.merged.slice(1)}.`) : null,
      h(
        'div',
        { class: 'charts' },
        h('figure', null, h('figcaption', null, `Parts by day (a day's parts stacked): running total against the ${f.limit} ${f.currency} limit (${f.threshold})`), timeline, legend([['bar', COLOR.part, 'part'], ['line', COLOR.running, 'running total'], ['dash', COLOR.limit, 'limit'], ['dot', COLOR.cross, 'crossing']])),
        h('figure', null, h('figcaption', null, 'Reasons: strength × weight (the light bar is the weight, the most a reason adds)'), reasons),
      ),
      h(
        'table',
        { class: 'parts' },
        h('thead', null, h('tr', null, ['#', 'line', 'id', 'date', 'vendor', 'amount', 'running total', 'subject', 'category', 'project', 'method', 'document'].map((t) => h('th', { class: t === 'amount' || t === 'running total' ? 'num' : null }, t)))),
        h(
          'tbody',
          null,
          f.parts.map((p, i) =>
            h(
              'tr',
              { class: i === f.crossing ? 'crossing' : null },
              h('td', null, i + 1),
              h('td', null, p[13] ?? ''),
              h('td', null, p[0]),
              h('td', null, p[1]),
              h('td', null, p[2]),
              h('td', { class: 'num' }, `${p[3]} ${p[4]}`),
              h('td', { class: 'num' }, p[6]),
              h('td', null, p[8]),
              h('td', null, p[9]),
              h('td', null, p[10]),
              h('td', null, p[11]),
              h('td', null, p[12]),
            ),
          ),
        ),
      ),
      h(
        'table',
        { class: 'reasons' },
        h('thead', null, h('tr', null, ['reason', 'measured', 'strength', 'weight', 'why'].map((t) => h('th', null, t)))),
        h('tbody', null, f.reasons.map((r) => h('tr', null, h('td', null, r[0]), h('td', { class: 'num' }, +r[1].toFixed(3)), h('td', { class: 'num' }, r[2].toFixed(2)), h('td', { class: 'num' }, r[3]), h('td', null, r[4])))),
      ),
    );
    // Drawn once the row is in the page (charts take their width from it), unless it was re-rendered away.
    requestAnimationFrame(() => {
      if (el.isConnected) charts.push(drawTimeline(timeline, f), drawReasons(reasons, f));
    });
    return el;
  };

  const findingColumns: Column<PageFinding>[] = [
    { key: 'rank', label: '#', num: true, sort: (f) => -f.rank, cell: (f) => h('span', { class: 'toggle' }, `${f.rank}`) },
    { key: 'score', label: 'score', num: true, sort: (f) => f.score, cell: (f) => f.score.toFixed(2) },
    { key: 'buyer', label: 'buyer', sort: (f) => f.buyer, cell: (f) => f.buyer },
    { key: 'vendors', label: 'vendors', sort: (f) => f.vendors.join('\u0000'), cell: (f) => f.vendors.join('; ') },
    { key: 'threshold', label: 'threshold', sort: (f) => f.threshold, cell: (f) => `${f.threshold} (${f.cmp} ${f.limit})` },
    { key: 'total', label: 'total', num: true, sort: (f) => f.totalValue, cell: (f) => `${f.total} ${f.currency}` },
    { key: 'parts', label: 'parts', num: true, sort: (f) => f.parts.length, cell: (f) => f.parts.length },
    { key: 'start', label: 'period', sort: (f) => f.start, cell: (f) => (f.start === f.end ? f.start : `${f.start} – ${f.end}`) },
    { key: 'span', label: 'days', num: true, sort: (f) => f.span, cell: (f) => f.span },
  ];
  if (data.reviewed) findingColumns.push({ key: 'status', label: 'status', sort: (f) => f.status, cell: statusBadge });
  // "#" sorts ascending by rank on its first click: its sort key is −rank under a descending order.
  const byRank = (a: PageFinding, b: PageFinding): number => a.rank - b.rank;
  const findingRow = (f: PageFinding): Attrs => ({ 'data-id': f.id, 'data-status': f.status || null });

  const findingsHost = doc.getElementById('findings-table');
  const active = data.findings.filter((f) => f.status !== 'dismissed');
  const dismissed = data.findings.filter((f) => f.status === 'dismissed');
  if (findingsHost) {
    const controls = h('div', { class: 'filters' });
    findingsHost.append(controls);
    const table = makeTable(findingsHost, findingColumns, active, { id: 'findings', sort: 'score', dir: -1, tie: byRank, rowAttrs: findingRow, detail: findingDetail });
    const field = (label: string, input: HTMLElement): HTMLElement => h('label', null, `${label} `, input);
    const buyer = h('input', { type: 'search', id: 'filter-buyer', placeholder: 'part of a name' }) as HTMLInputElement;
    const vendor = h('input', { type: 'search', id: 'filter-vendor', placeholder: 'part of a name' }) as HTMLInputElement;
    const thresholds = [...new Set(active.map((f) => f.threshold))].sort();
    const threshold = h('select', { id: 'filter-threshold' }, h('option', { value: '' }, 'all'), thresholds.map((t) => h('option', { value: t }, t))) as HTMLSelectElement;
    const minScore = h('input', { type: 'number', id: 'filter-score', min: 0, max: 1, step: 0.05, value: 0 }) as HTMLInputElement;
    const statuses = [...new Set(active.map((f) => f.status))].sort();
    const status = h('select', { id: 'filter-status' }, h('option', { value: '' }, 'all'), statuses.map((s) => h('option', { value: s }, s))) as HTMLSelectElement;
    controls.append(field('Buyer', buyer), field('Vendor', vendor), field('Threshold', threshold), field('Score at least', minScore), data.reviewed ? field('Status', status) : '');
    const fold = (s: string): string => s.normalize('NFKC').toLowerCase();
    let timer = 0;
    const apply = (): void => {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        const b = fold(buyer.value.trim());
        const v = fold(vendor.value.trim());
        const t = threshold.value;
        const s = status.value;
        const min = Number(minScore.value) || 0;
        table.filter((f) => (!b || fold(f.buyer).includes(b)) && (!v || f.vendors.some((x) => fold(x).includes(v))) && (!t || f.threshold === t) && f.score >= min && (!s || f.status === s));
      }, 120);
    };
    for (const el of [buyer, vendor, minScore]) el.addEventListener('input', apply);
    for (const el of [threshold, status]) el.addEventListener('change', apply);
  }
  const dismissedHost = doc.getElementById('dismissed-table');
  if (dismissedHost && dismissed.length > 0) {
    makeTable(dismissedHost, findingColumns, dismissed, { id: 'dismissed', sort: 'score', dir: -1, tie: byRank, rowAttrs: findingRow, detail: findingDetail });
  }

  // ---- Buyers ----

  const buyersHost = doc.getElementById('buyers-table');
  if (buyersHost) {
    const na = (b: PageBuyer): string => (b.na === null ? '–' : `no threshold ${int(b.na[0])} · currency ${int(b.na[1])} · excluded ${int(b.na[2])} · ungrouped ${int(b.na[3])} · too few ${int(b.na[4])}`);
    const columns: Column<PageBuyer>[] = [
      { key: 'buyer', label: 'buyer', sort: (b) => b.buyer, cell: (b) => [b.buyer, b.warning ? h('div', { class: 'warning-text' }, b.warning) : null] },
      { key: 'findings', label: 'findings', num: true, sort: (b) => b.findings, cell: (b) => int(b.findings) },
      { key: 'flagged', label: 'flagged purchases', num: true, sort: (b) => b.flagged, cell: (b) => int(b.flagged) },
      { key: 'flaggedSpend', label: 'flagged spend', num: true, sort: (b) => Number(b.flaggedSpend.replace(/,/gu, '')), cell: (b) => `${b.flaggedSpend} ${b.currency}` },
    ];
    if (data.coverage) {
      columns.push(
        { key: 'assessed', label: 'assessed', num: true, sort: (b) => b.assessed ?? -1, cell: (b) => (b.assessed === null ? '–' : int(b.assessed)) },
        { key: 'purchaseShare', label: 'share of purchases', num: true, sort: (b) => b.purchaseShare ?? -1, cell: (b) => pct(b.purchaseShare) },
        { key: 'spendShare', label: 'share of spend', num: true, sort: (b) => b.spendShare ?? -1, cell: (b) => pct(b.spendShare) },
        { key: 'na', label: 'not applicable', sort: (b) => (b.na === null ? -1 : b.na.reduce((x, y) => x + y, 0)), cell: na },
      );
    }
    if (data.buyers.some((b) => b.bunching !== '')) columns.push({ key: 'bunching', label: 'bunching', sort: (b) => b.bunching, cell: (b) => b.bunching });
    makeTable(buyersHost, columns, data.buyers, {
      id: 'buyers',
      sort: data.coverage ? 'purchaseShare' : 'findings',
      dir: -1,
      tie: (a, b) => b.findings - a.findings || cmp(a.buyer, b.buyer),
      rowAttrs: (b) => ({ class: b.warning ? 'warn' : null }),
    });
  }
  const histHost = doc.getElementById('histograms');
  if (histHost) {
    for (const g of data.histograms) {
      const chart = h('div', { class: 'chart', 'data-chart': 'histogram' });
      histHost.append(
        h(
          'figure',
          { class: 'histogram' },
          h('figcaption', null, h('strong', null, g.buyer), ` — ${g.threshold} (${g.limit} ${g.currency})`),
          chart,
          h('div', { class: 'muted small' }, `${int(g.below)} under ${Math.round(g.from * 100)}%, ${int(g.above)} at or over ${Math.round(g.to * 100)}% of the limit${g.bunching ? `; bunching: ${g.bunching}` : ''}`),
        ),
      );
      drawHistogram(chart, g);
    }
  }
  doc.body.setAttribute('data-ready', String(Math.round(performance.now() - started)));
}
