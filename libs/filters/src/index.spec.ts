import * as filters from './index';

describe('@leadgate/filters', () => {
  it('exports the API the campaigns and leads services call', () => {
    for (const name of [
      'validateCondition',
      'compileToMongo',
      'toPredicate',
      'pinnedValues',
      'narrowSchema',
      'conditionReferences',
      'referencesSelect',
      'InvalidFilterError',
      'conditionDifference',
    ]) {
      expect(typeof (filters as Record<string, unknown>)[name]).toBe('function');
    }
    expect(filters.OPERATORS_BY_TYPE.number).toContain('gt');
  });
});
