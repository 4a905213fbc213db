import { AuthenticatedToken } from './token-verifier';

/**
 * Who a request comes from once the gateway accepted it: a token (as its state), or a person signed
 * in to the console (kind `user`, id the user's id, with the session it came with). Route rules,
 * rate limits and the signed principal read only these fields, whichever it is.
 */
export type Caller =
  | AuthenticatedToken
  | {
      id: string;
      kind: 'user';
      /** The person's e-mail: what the audit log names them by. */
      name: string;
      account_id: string;
      scopes: string[];
      campaign_id: null;
      filter_id: null;
      credential_id: null;
      rate_limit_per_minute: null;
      session_id: string;
    };
