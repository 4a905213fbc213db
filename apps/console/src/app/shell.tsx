import { Link } from 'react-aria-components';
import { Suspense } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useSession, useSignOut } from '@console/session/session';
import { Button } from '@console/ui/button';
import { ACCOUNT_PAGES } from './account-pages';

const NAVIGATION = [{ path: 'campaigns', label: 'Campaigns' }, ...ACCOUNT_PAGES];

/** Every signed-in page: the account, the person, sign-out, and the main navigation. */
export function Shell() {
  const { data: session } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/campaigns" className="brand">
          Leadgate
        </Link>
        <span className="account-name">{session?.account.name ?? session?.account.id}</span>
        <span className="whoami">
          {session?.user.email} <span className="role-badge">{session?.user.role}</span>
        </span>
        <Button
          variant="quiet"
          isPending={signOut.isPending}
          onPress={() => signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in') })}
        >
          Sign out
        </Button>
      </header>
      <nav aria-label="Main" className="sidebar">
        <ul>
          {NAVIGATION.map((item) => (
            <li key={item.path}>
              <NavLink to={`/${item.path}`}>{item.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <Suspense fallback={<p role="status">Loading…</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
