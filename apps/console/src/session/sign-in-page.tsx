import { useState } from 'react';
import { Form } from 'react-aria-components';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Button } from '@console/ui/button';
import { ProblemAlert, validationErrorsOf } from '@console/ui/problem-alert';
import { TextField } from '@console/ui/text-field';
import { useSession, useSignIn } from './session';

/** Only a path inside the console is followed after sign-in (never another site). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/campaigns';
}

export function SignInPage() {
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [expired] = useState(() => {
    const reason = sessionStorage.getItem('leadgate.signed-out-reason');
    sessionStorage.removeItem('leadgate.signed-out-reason');
    return reason === 'expired';
  });
  const next = safeNext(params.get('next'));
  if (session.data) return <Navigate to={next} replace />;
  return (
    <main id="main" className="sign-in">
      <h1>Sign in to Leadgate</h1>
      {expired && (
        <p role="status" className="notice">
          Your session has ended. Sign in again to go on.
        </p>
      )}
      <Form
        validationErrors={validationErrorsOf(signIn.error, ['email', 'password'])}
        onSubmit={(event) => {
          event.preventDefault();
          signIn.mutate({ email, password }, { onSuccess: () => void navigate(next, { replace: true }) });
        }}
      >
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="username"
          isRequired
          value={email}
          onChange={setEmail}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          isRequired
          value={password}
          onChange={setPassword}
        />
        <ProblemAlert error={signIn.error} shownPaths={['email', 'password']} />
        <Button type="submit" variant="primary" isPending={signIn.isPending}>
          Sign in
        </Button>
      </Form>
    </main>
  );
}
