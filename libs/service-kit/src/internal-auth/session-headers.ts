/**
 * How identity hands a console session to the gateway, which alone owns the cookie (its flags
 * depend on how the caller reached the edge): a header on identity's answer that the gateway turns
 * into `Set-Cookie` on the sign-in routes and strips from every other answer.
 */
export const SESSION_ISSUE_HEADER = 'x-leadgate-session';
/** On sign-out's answer: the gateway clears the cookie. */
export const SESSION_END_HEADER = 'x-leadgate-end-session';
