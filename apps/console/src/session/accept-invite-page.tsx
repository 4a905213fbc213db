import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Form, Link } from 'react-aria-components';
import { api, unwrap } from '@console/api/client';
import { Button } from '@console/ui/button';
import { ProblemAlert, validationErrorsOf } from '@console/ui/problem-alert';
import { TextField } from '@console/ui/text-field';

/**
 * The invitation link (`/console/accept-invite#token=lgi_...`): the secret is in the fragment, so it
 * never reaches a server log; it is read here and sent once, in the body.
 */
export function AcceptInvitePage() {
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '');
  const [password, setPassword] = useState('');
  const accept = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/auth/accept-invite', { body: { token, password } })),
  });
  return (
    <main id="main" className="sign-in">
      <h1>Set your password</h1>
      {accept.isSuccess ? (
        <p role="status">
          Your password is set. <Link href="/sign-in">Sign in</Link>
        </p>
      ) : (
        <Form
          validationErrors={validationErrorsOf(accept.error, ['password'])}
          onSubmit={(event) => {
            event.preventDefault();
            accept.mutate();
          }}
        >
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            description="At least 12 characters."
            minLength={12}
            isRequired
            value={password}
            onChange={setPassword}
          />
          <ProblemAlert error={accept.error} shownPaths={['password']} />
          <Button type="submit" variant="primary" isPending={accept.isPending} isDisabled={!token}>
            Set password
          </Button>
        </Form>
      )}
    </main>
  );
}
