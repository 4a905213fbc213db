import { Injectable } from '@nestjs/common';
import { TokenStateV1, TOPICS } from '@leadgate/contracts';
import { ReadModels } from '@leadgate/kafka';

/**
 * docs_key -> token id, kept from the tokens read model's changes, so a docs request finds its
 * token with one map lookup instead of a scan. The token itself is read fresh from the read model
 * on every request: a revocation, expiry or rename shows at once.
 */
@Injectable()
export class DocsKeyIndex {
  private readonly byKey = new Map<string, string>();

  constructor(private readonly readModels: ReadModels) {
    const tokens = readModels.of(TOPICS.identityTokens);
    // Subscribe, then index what is already there; both synchronous, so no change slips between.
    tokens.onChange(({ key, previous, current }) => {
      if (previous?.docs_key && this.byKey.get(previous.docs_key) === key) this.byKey.delete(previous.docs_key);
      if (current?.docs_key) this.byKey.set(current.docs_key, key);
    });
    for (const token of tokens.values()) if (token.docs_key) this.byKey.set(token.docs_key, token.id);
  }

  /** The live token of a docs key, or undefined when the key is unknown. */
  find(docsKey: string): TokenStateV1 | undefined {
    const id = this.byKey.get(docsKey);
    const token = id === undefined ? undefined : this.readModels.of(TOPICS.identityTokens).get(id);
    return token?.docs_key === docsKey ? token : undefined;
  }
}
