import type { ComponentType } from 'react';
import { AuditPage } from '@console/audit/audit-page';
import { CredentialsPage } from '@console/credentials/credentials-page';
import { QuarantinePage } from '@console/quarantine/quarantine-page';
import { SettingsPage } from '@console/settings/settings-page';
import { AccountTokensPage } from '@console/tokens/account-tokens-page';
import { UsersPage } from '@console/users/users-page';

export interface AccountPage {
  path: string;
  label: string;
  Page: ComponentType;
}

/** The account's pages in the main navigation, after Campaigns. */
export const ACCOUNT_PAGES: readonly AccountPage[] = [
  { path: 'tokens', label: 'API Tokens', Page: AccountTokensPage },
  { path: 'credentials', label: 'API Credentials', Page: CredentialsPage },
  { path: 'quarantine', label: 'Quarantine', Page: QuarantinePage },
  { path: 'audit', label: 'Audit log', Page: AuditPage },
  { path: 'users', label: 'Users', Page: UsersPage },
  { path: 'settings', label: 'Settings', Page: SettingsPage },
];
