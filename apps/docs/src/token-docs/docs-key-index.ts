import { Injectable } from '@nestjs/common';
import { TokenStateV1, TOPICS } from '@leadgate/contracts';
import { ReadModels } from '@leadgate/kafka';

/** Every docs key of a token: the current one, and those a rotation left alive for its grace period. */
function keysOf(token: TokenStateV1): string[] {
  return [...(token.docs_key ? [token.docs_key] : []), ...(token.previous_docs_keys ?? []).map((entry) => entry.key)];
}

/**
 * docs_key -> token id, kept from the tokens read model's changes, so a docs request finds its
 * token with one map lookup instead of a scan. The token itself is read fresh from the read model
 * on every request: a revocation, expiry, rename or rotation shows at once.
 */
@Injectable()
export class DocsKeyIndex {
  private readonly byKey = new Map<string, string>();

  constructor(private readonly readModels: ReadModels) {
    const tokens = readModels.of(TOPICS.identityTokens);
    // Subscribe, then index what is already there; both synchronous, so no change slips between.
    tokens.onChange(({ key, previous, current }) => {
      for (const docsKey of previous ? keysOf(previous) : []) {
        if (this.byKey.get(docsKey) === key) this.byKey.delete(docsKey);
      }
      for (const docsKey of current ? keysOf(current) : []) this.byKey.set(docsKey, key);
    });
    for (const token of tokens.values()) for (const docsKey of keysOf(token)) this.byKey.set(docsKey, token.id);
  }

  /**
   * The live token of a docs key, or undefined when the key is unknown. A key replaced by a
   * rotation finds its token only until the end of that rotation's grace period, like the old secret.
   */
  find(docsKey: string, now = Date.now()): TokenStateV1 | undefined {
    const id = this.byKey.get(docsKey);
    const token = id === undefined ? undefined : this.readModels.of(TOPICS.identityTokens).get(id);
    if (!token) return undefined;
    if (token.docs_key === docsKey) return token;
    const previous = (token.previous_docs_keys ?? []).find((entry) => entry.key === docsKey);
    return previous && Date.parse(previous.valid_until) > now ? token : undefined;
  }
}
