import { describe, expect, it } from 'vitest';
import { linkable } from '../../src/simulate/linkable.js';
import type { SimulatedRecord } from '../../src/simulate/truth.js';

let n = 0;
const part = (vendor: string, subject: string, more: Partial<SimulatedRecord> = {}): SimulatedRecord =>
  ({ id: `r${++n}`, buyer: 'B', vendor, date: '2024-01-02', amount: '100.00', currency: 'EUR', subject, ...more });

describe('linkable: parts tied by a chain of shared fields', () => {
  it.each<[string, SimulatedRecord[], boolean]>([
    ['nothing shared (the Chengxi case without codes or projects)', [part('Signs Ltd', '道路指示牌'), part('Lights Ltd', '灯具'), part('Stands Ltd', '展台搭建')], false],
    ['one vendor, written two ways', [part('Apex Ltd', 'chairs'), part('APEX LIMITED', 'desks')], true],
    ['category codes sharing three characters', [part('A', 'x1', { category: '79956000' }), part('B', 'y1', { category: '79952000-1' })], true],
    ['category codes sharing two characters only', [part('A', 'x1', { category: '79956000' }), part('B', 'y1', { category: '79341000' })], false],
    ['a project word', [part('A', 'x1', { project: 'Investment promotion 2023' }), part('B', 'y1', { project: 'Investment Promotion (2023)' })], true],
    ['a subject word', [part('A', 'exhibition stand'), part('B', 'exhibition set-up')], true],
    ['a chain: vendor A–B, category B–C', [part('A', 'x1'), part('A', 'y1', { category: '45453000' }), part('C', 'z1', { category: '45459000' })], true],
    ['two linked, one apart', [part('A', 'x1'), part('A', 'y1'), part('C', 'z1')], false],
    ['subjects that say nothing', [part('A', 'Goods'), part('B', 'goods')], false],
    ['a year in two subjects is no shared word', [part('A', 'laptops 2023'), part('B', 'printers 2023')], false],
  ])('%s', (_name, parts, expected) => {
    expect(linkable(parts)).toBe(expected);
  });
});
