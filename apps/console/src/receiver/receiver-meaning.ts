/** What `require_authentication` means for whoever posts leads (API.md §4), said beside the switch. */
export const MEANS_ON =
  'A post needs a Bearer access token with receiver:post for this account (from API Credentials with the lead_receiver group). A post without a valid one is answered 401 and kept in Quarantine, where an admin sees why and releases or discards it: nothing is lost.';

export const MEANS_OFF =
  'Anyone who knows the address can post leads without a token, as a public web form on your site does; posts are rate-limited per client address.';
