import { OPERATION_KINDS } from '@leadgate/api-docs/operations';
import { allProblemTypes, EVERY_CALL, operationProblems } from './problem-types';

describe('problem types', () => {
  it('gives every operation its own problems, by status, and a body refusal to reads only', () => {
    for (const kind of OPERATION_KINDS) {
      const problems = operationProblems(kind, 'get');
      expect(problems.map((problem) => problem.status)).toEqual([...problems.map((problem) => problem.status)].sort());
      expect(problems.length).toBeGreaterThan(1);
    }
    expect(operationProblems('create', 'post').map((problem) => problem.type)).not.toContain('body_not_allowed');
    expect(operationProblems('update', 'patch').map((problem) => problem.type)).toEqual(
      expect.arrayContaining(['precondition_failed', 'conflict', 'field_not_writable', 'out_of_scope']),
    );
  });

  it('lists each status and type once in the overview, joining the occasions of one type', () => {
    const rows = allProblemTypes([
      { kind: 'schema', method: 'get' },
      { kind: 'get', method: 'get' },
    ]);
    const notFound = rows.filter((row) => row.type === 'not_found');
    expect(notFound).toHaveLength(1);
    expect(notFound[0].when).toMatch(/campaign.*lead/s);
    expect(rows.map((row) => row.type)).toEqual(expect.arrayContaining(EVERY_CALL.map((problem) => problem.type)));
  });
});
