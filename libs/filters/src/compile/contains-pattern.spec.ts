import { containsPattern } from './contains-pattern';

describe('containsPattern', () => {
  it('turns ASCII letters into two-case classes and keeps digits', () => {
    expect(containsPattern('aB1')).toBe('[aA][bB]1');
  });

  it('escapes regex syntax, so the needle is always literal', () => {
    expect(containsPattern('.*+?^$|()[]{}\\/-')).toBe('\\.\\*\\+\\?\\^\\$\\|\\(\\)\\[\\]\\{\\}\\\\\\/\\-');
  });

  it('spells control characters as \\x{..}, never raw', () => {
    expect(containsPattern('a\u0000\n\u007f')).toBe('[aA]\\x{0}\\x{a}\\x{7f}');
  });

  it('keeps non-ASCII characters exactly, without case classes', () => {
    expect(containsPattern('ß😀\u212A')).toBe('ß😀\u212A'); // the Kelvin sign, which Unicode folds to k
    expect(containsPattern('é')).toBe('é');
  });

  it('makes a pattern that matches, in JavaScript, exactly where asciiLower-includes does', () => {
    const matches = (hay: string, needle: string) => new RegExp(containsPattern(needle)).test(hay);
    expect(matches('Hello.World', 'o.w')).toBe(true);
    expect(matches('HelloXWorld', 'o.w')).toBe(false);
    expect(matches('strasse', 'SS')).toBe(true);
    expect(matches('straße', 'SS')).toBe(false);
    expect(matches('\u212A', 'k')).toBe(false);
  });
});
