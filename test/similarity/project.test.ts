/** Budget projects compared by the words that name them (src/similarity/project.ts). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { projectName } from '../../src/similarity/project.js';
import { normalizeText } from '../../src/records/normalize.js';

describe('projectName', () => {
  it.each([
    ['City image campaign project', 'City Image Campaign'],
    ['IT equipment 2024', '2024 IT Equipment'],
    ['IT equipment FY24', 'IT equipment (2024)'],
    ['Professional services FY2023', 'Professional services 2023'],
    ['Roads 2023/24', 'Roads 2023-2024'],
    ['Roads 1999/00', 'Roads 1999-2000'],
    ['2024年度信息化建设', '2024年信息化建设'],
    ['信息化建设（2024年）', '信息化建设2024'],
    ['信息化建设项目', '信息化建设专项'],
    ['Road safety programme', 'road safety'],
    // Two years that are no fiscal year: each read as a year (the property below found it).
    ['Roads 2024 - 2024年度', 'Roads 2024 2024'],
  ])('%s and %s name one project', (a, b) => {
    expect(projectName(normalizeText(a))).toBe(projectName(normalizeText(b)));
  });

  it.each([
    ['Project 1', 'Project 2'],
    ['Roads', 'Bridges'],
    ['IT equipment', 'IT services'],
    ['一期工程', '二期工程'],
    ['P-2014-01', 'P-2014-02'],
    ['Roads 2023-01', 'Roads'],
    ['IT equipment 2023', 'IT equipment 2024'],
    ['IT equipment 2024', 'IT equipment'],
    ['信息化建设2023', '信息化建设2024'],
  ])('%s and %s stay two projects', (a, b) => {
    expect(projectName(normalizeText(a))).not.toBe(projectName(normalizeText(b)));
  });

  it('keeps a name that is nothing but the word project or punctuation', () => {
    expect([projectName('project'), projectName('项目'), projectName('(-)')]).toEqual(['project', '项目', '(-)']);
  });

  it('is idempotent, and never empty for a non-empty key', () => {
    const word = fc.constantFrom('it', 'road', 'project', 'fy24', '2024', '(2023)', '信息化', '项目', '2024年度', 'programme', '1', '-');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const key = normalizeText(words.join(' '));
        fc.pre(key.length > 0);
        const name = projectName(key);
        expect(name.length).toBeGreaterThan(0);
        expect(projectName(name)).toBe(name);
      }),
    );
  });
});
