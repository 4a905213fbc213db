import { validationErrorExample } from '@leadgate/api-docs/examples';
import { html, Html } from '@leadgate/api-docs/html-template';
import { CampaignDocs } from '@leadgate/api-docs/model';
import { CampaignOperation } from '@leadgate/api-docs/operations';
import { PROBLEM_ROWS, table } from './object-schemas';
import { problemsTable } from './operation-section';
import { allProblemTypes } from './problem-types';

/** The Errors section: the problem shape, an example from this campaign and every type this token can meet. */
export function errorsSection(
  ids: { errors: string; problem: string },
  campaigns: readonly CampaignDocs[],
  operations: readonly Pick<CampaignOperation, 'kind' | 'method'>[],
): Html {
  const example = {
    type: 'https://leadgate.dev/problems/validation_failed',
    title: 'Validation failed',
    status: 422,
    detail: 'The lead does not fit the campaign schema.',
    errors: [validationErrorExample(campaigns)],
  };
  return html`<h2 id="${ids.errors}">Errors</h2>
    <p>
      Every error is <code>application/problem+json</code> (RFC 9457). Branch on <code>type</code>; the last part of it
      is the problem type below. Where there are several problems, <code>errors</code> has one entry each:
    </p>
    <pre>${JSON.stringify(example, null, 2)}</pre>
    <h3 id="${ids.problem}">Problem</h3>
    ${table(PROBLEM_ROWS)}
    <h3 id="${ids.errors}-types">Problem types</h3>
    <p>Every problem type the calls above can answer, by status:</p>
    ${problemsTable(allProblemTypes(operations))}`;
}
