import { html, Html } from '@leadgate/api-docs/html-template';

/** Rate limits: this token's own number, the headers that count it down and what happens over it. */
export function rateLimitSection(id: string, perMinute: number | undefined): Html {
  return html`<h2 id="${id}">Rate limits</h2>
    ${
      perMinute === undefined
        ? ''
        : html`<p>
            This token may make <strong class="rate-limit">${perMinute}</strong> requests a minute (<code
              >RateLimit-Policy: ${perMinute};w=60</code
            >).
          </p>`
    }
    <p>
      Every answer carries <code>RateLimit-Limit</code> (requests per window), <code>RateLimit-Remaining</code> and
      <code>RateLimit-Reset</code> (seconds until the current window ends and the whole budget is back). Over the limit
      the answer is <strong>429</strong> <code>rate_limited</code> with <code>Retry-After</code> (seconds): wait that
      long, then retry. A token may also have only a limited number of requests in progress at once (<strong
        >429</strong
      >
      <code>concurrency_limited</code>).
    </p>`;
}
