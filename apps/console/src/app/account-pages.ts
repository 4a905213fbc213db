import type { ComponentType } from 'react';
import { lazyPage } from './lazy-page';

export interface AccountPage {
  path: string;
  label: string;
  Page: ComponentType;
}

/** The account's pages in the main navigation, after Campaigns. */
export const ACCOUNT_PAGES: readonly AccountPage[] = [
  {
    path: 'tokens',
    label: 'API Tokens',
    Page: lazyPage(
      () => import('@console/tokens/account-tokens-page'),
      (m) => m.AccountTokensPage,
    ),
  },
  {
    path: 'credentials',
    label: 'API Credentials',
    Page: lazyPage(
      () => import('@console/credentials/credentials-page'),
      (m) => m.CredentialsPage,
    ),
  },
  {
    path: 'quarantine',
    label: 'Quarantine',
    Page: lazyPage(
      () => import('@console/quarantine/quarantine-page'),
      (m) => m.QuarantinePage,
    ),
  },
  {
    path: 'audit',
    label: 'Audit log',
    Page: lazyPage(
      () => import('@console/audit/audit-page'),
      (m) => m.AuditPage,
    ),
  },
  {
    path: 'users',
    label: 'Users',
    Page: lazyPage(
      () => import('@console/users/users-page'),
      (m) => m.UsersPage,
    ),
  },
  {
    path: 'settings',
    label: 'Settings',
    Page: lazyPage(
      () => import('@console/settings/settings-page'),
      (m) => m.SettingsPage,
    ),
  },
];
