import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Form, Switch } from 'react-aria-components';
import { api, unwrap } from '@console/api/client';
import { campaignKeys } from '@console/campaigns/campaign-queries';
import { Button } from '@console/ui/button';
import { ProblemAlert } from '@console/ui/problem-alert';
import { MEANS_OFF, MEANS_ON } from './receiver-meaning';

/** The `require_authentication` switch and **Save** (setReceiverSettings), for people who may change it. */
export function ReceiverForm({ campaignId, saved }: { campaignId: string; saved: boolean }) {
  const queries = useQueryClient();
  const [required, setRequired] = useState(saved);
  const save = useMutation({
    mutationFn: async (body: { require_authentication: boolean }) =>
      unwrap(await api.PUT('/v1/admin/campaigns/{campaignId}/receiver', { params: { path: { campaignId } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: campaignKeys.one(campaignId) }),
  });
  const changed = required !== saved;
  const meansId = useId();
  return (
    <Form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ require_authentication: required });
      }}
    >
      <Switch
        name="require_authentication"
        className="switch receiver-switch"
        isSelected={required}
        onChange={(value) => {
          save.reset();
          setRequired(value);
        }}
        aria-describedby={meansId}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        Require authentication
      </Switch>
      <p id={meansId} className="receiver-means">
        {required ? MEANS_ON : MEANS_OFF}
      </p>
      <ProblemAlert error={save.error} />
      <div className="form-actions receiver-actions">
        <Button type="submit" variant="primary" isPending={save.isPending} isDisabled={!changed}>
          Save
        </Button>
        <span role="status" className="receiver-status">
          {save.isSuccess && !changed ? 'Saved.' : changed ? 'Not saved yet.' : ''}
        </span>
      </div>
    </Form>
  );
}
