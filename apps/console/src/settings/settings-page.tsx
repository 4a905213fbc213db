import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useCan } from '@console/session/session';
import { Button } from '@console/ui/button';
import { PageHeader } from '@console/ui/page-header';
import { ProblemAlert, validationErrorsOf } from '@console/ui/problem-alert';
import { QueryState } from '@console/ui/query-state';
import { RateLimitField } from './rate-limit-field';
import { useAccountSettings, useSaveAccountSettings, type AccountSettings } from './settings-queries';

const FIELDS = ['default_rate_limit_per_minute'];

/** Account-wide settings (`admin` scope): today the default per-token rate limit. */
export function SettingsPage() {
  const isAdmin = useCan('admin');
  const settings = useAccountSettings(isAdmin);
  return (
    <>
      <PageHeader title="Settings" />
      {isAdmin ? (
        <QueryState query={settings}>{(data) => <SettingsForm settings={data} />}</QueryState>
      ) : (
        <p>Only owners and admins can see and change the account settings.</p>
      )}
    </>
  );
}

function SettingsForm({ settings }: { settings: AccountSettings }) {
  const save = useSaveAccountSettings();
  const [limit, setLimit] = useState(settings.default_rate_limit_per_minute ?? Number.NaN);
  return (
    <Form
      validationErrors={validationErrorsOf(save.error, FIELDS)}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(Number.isNaN(limit) ? null : limit);
      }}
    >
      <h2>{settings.name}</h2>
      <RateLimitField value={limit} onChange={setLimit} />
      <ProblemAlert error={save.error} shownPaths={FIELDS} />
      <div role="status">
        {save.isSuccess &&
          `Saved. ${
            save.data.default_rate_limit_per_minute === null
              ? 'Tokens without their own limit get the platform default.'
              : `Tokens without their own limit get ${save.data.default_rate_limit_per_minute} requests a minute.`
          }`}
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" isPending={save.isPending}>
          Save
        </Button>
      </div>
    </Form>
  );
}
