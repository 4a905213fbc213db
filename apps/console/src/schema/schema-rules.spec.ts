import { describe, expect, it } from '@jest/globals';
import { idProblem, keyProblem, labelProblem, optionValueProblem, repeatedProblem, slugProblem } from './schema-rules';

describe('schema rules: the campaigns API checks, made in the form first', () => {
  it('keys are lower_snake_case starting with a letter, at most 64 characters', () => {
    expect(keyProblem('select_partner')).toBeUndefined();
    expect(keyProblem('postcode2')).toBeUndefined();
    expect(keyProblem('')).toBe('Required.');
    expect(keyProblem('Postcode')).toMatch(/lower_snake_case/);
    expect(keyProblem('2nd')).toMatch(/lower_snake_case/);
    expect(keyProblem('post-code')).toMatch(/lower_snake_case/);
    expect(keyProblem('$where')).toMatch(/lower_snake_case/);
    expect(keyProblem('a.b')).toMatch(/lower_snake_case/);
    expect(keyProblem(`a${'b'.repeat(64)}`)).toBe('At most 64 characters.');
  });

  it('option values are UPPER_SNAKE_CASE', () => {
    expect(optionValueProblem('SELECT_PARTNER')).toBeUndefined();
    expect(optionValueProblem('V2')).toBeUndefined();
    expect(optionValueProblem('select_partner')).toMatch(/UPPER_SNAKE_CASE/);
    expect(optionValueProblem('_X')).toMatch(/UPPER_SNAKE_CASE/);
    expect(optionValueProblem('')).toBe('Required.');
  });

  it('status slugs are lower-case and may hold - and _', () => {
    expect(slugProblem('won')).toBeUndefined();
    expect(slugProblem('call-back_later')).toBeUndefined();
    expect(slugProblem('Won')).toMatch(/slug/);
    expect(slugProblem('-won')).toMatch(/slug/);
  });

  it('relation option ids are letters, digits, _ or -', () => {
    expect(idProblem('inst_1')).toBeUndefined();
    expect(idProblem('Inst-A')).toBeUndefined();
    expect(idProblem('inst 1')).toMatch(/letters, digits/);
    expect(idProblem('inst.1')).toMatch(/letters, digits/);
  });

  it('labels are not empty and at most 200 characters', () => {
    expect(labelProblem('Partner ABC')).toBeUndefined();
    expect(labelProblem('')).toBe('Required.');
    expect(labelProblem('x'.repeat(201))).toBe('At most 200 characters.');
  });

  it('a value named twice in a list is refused on its second place', () => {
    const values = ['NORTH', 'SOUTH', 'NORTH', ''];
    expect(repeatedProblem(values, 0)).toBeUndefined();
    expect(repeatedProblem(values, 2)).toBe('NORTH is already in the list.');
    expect(repeatedProblem(values, 3)).toBeUndefined();
  });
});
