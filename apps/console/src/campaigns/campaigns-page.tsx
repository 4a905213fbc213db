import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Cell, Column, Form, Link, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { api, unwrap } from '@console/api/client';
import { useCan } from '@console/session/session';
import { Button } from '@console/ui/button';
import { ModalDialog } from '@console/ui/modal-dialog';
import { PageHeader } from '@console/ui/page-header';
import { ProblemAlert, validationErrorsOf } from '@console/ui/problem-alert';
import { QueryState } from '@console/ui/query-state';
import { TextField } from '@console/ui/text-field';
import { campaignKeys, useCampaigns } from './campaign-queries';

export function CampaignsPage() {
  const campaigns = useCampaigns();
  const canWrite = useCan('campaigns:write');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader title="Campaigns">
        {canWrite && (
          <Button variant="primary" onPress={() => setCreating(true)}>
            New campaign
          </Button>
        )}
      </PageHeader>
      <QueryState query={campaigns}>
        {(data) => (
          <Table aria-label="Campaigns" className="table">
            <TableHeader>
              <Column isRowHeader>Name</Column>
              <Column>Fields</Column>
              <Column>Selects</Column>
              <Column>Created</Column>
            </TableHeader>
            <TableBody items={data} renderEmptyState={() => 'No campaigns yet.'}>
              {(campaign) => (
                <Row id={campaign.id}>
                  <Cell>
                    <Link href={`/campaigns/${campaign.id}`}>{campaign.name}</Link>
                  </Cell>
                  <Cell>{campaign.fields.length}</Cell>
                  <Cell>{campaign.selects.length}</Cell>
                  <Cell>{new Date(campaign.created_at).toLocaleDateString()}</Cell>
                </Row>
              )}
            </TableBody>
          </Table>
        )}
      </QueryState>
      <NewCampaignDialog isOpen={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function NewCampaignDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/v1/admin/campaigns', { body: { name } })),
    onSuccess: async (campaign) => {
      await queries.invalidateQueries({ queryKey: campaignKeys.all });
      onClose();
      void navigate(`/campaigns/${campaign.id}`);
    },
  });
  return (
    <ModalDialog title="New campaign" isOpen={isOpen} onClose={onClose}>
      <Form
        validationErrors={validationErrorsOf(create.error, ['name'])}
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <TextField label="Name" name="name" isRequired autoFocus value={name} onChange={setName} />
        <ProblemAlert error={create.error} shownPaths={['name']} />
        <div className="form-actions">
          <Button onPress={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={create.isPending}>
            Save
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
}
