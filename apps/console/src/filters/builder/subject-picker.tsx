import {
  Button,
  FieldError,
  Header,
  Label,
  ListBox,
  ListBoxItem,
  ListBoxSection,
  Popover,
  Select,
  SelectValue,
  Text,
  type Key,
} from 'react-aria-components';
import {
  type CampaignSchema,
  type Subject,
  subjectFromKey,
  subjectKey,
  subjectType,
} from '@console/filters/model/condition-draft';
import { subjectLabel } from '@console/filters/model/condition-summary';

function Item({ id, label, description }: { id: string; label: string; description?: string }) {
  return (
    <ListBoxItem id={id} className="listbox-item" textValue={label}>
      <Text slot="label">{label}</Text>
      {description && (
        <Text slot="description" className="listbox-description">
          {description}
        </Text>
      )}
    </ListBoxItem>
  );
}

export interface SubjectPickerProps {
  subject: Subject | null;
  schema: CampaignSchema;
  onChange: (subject: Subject) => void;
  error?: string;
}

/** What a condition tests, from what the campaign really has: its selects, the status, its fields, the timestamps. */
export function SubjectPicker({ subject, schema, onChange, error }: SubjectPickerProps) {
  const missing = subject && !subjectType(subject, schema) ? subject : null;
  return (
    <Select
      className="field subject-picker"
      selectedKey={subject ? subjectKey(subject) : null}
      onSelectionChange={(key: Key | null) => {
        const picked = key === null ? null : subjectFromKey(String(key));
        if (picked) onChange(picked);
      }}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      placeholder="Choose…"
    >
      <Label>Subject</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">
          {schema.selects.length > 0 && (
            <ListBoxSection>
              <Header className="listbox-header">Selects</Header>
              {schema.selects.map((select) => (
                <Item key={select.key} id={`select:${select.key}`} label={select.label} description={select.key} />
              ))}
            </ListBoxSection>
          )}
          <ListBoxSection>
            <Header className="listbox-header">Lead</Header>
            <Item id="status" label="Status" />
            <Item id="created_at" label="Created" description="created_at" />
            <Item id="updated_at" label="Updated" description="updated_at" />
          </ListBoxSection>
          {schema.fields.length > 0 && (
            <ListBoxSection>
              <Header className="listbox-header">Fields</Header>
              {schema.fields.map((field) => (
                <Item
                  key={field.key}
                  id={`field:${field.key}`}
                  label={field.label}
                  description={`${field.key} · ${field.type}`}
                />
              ))}
            </ListBoxSection>
          )}
          {missing && (
            <ListBoxSection>
              <Header className="listbox-header">No longer in the campaign</Header>
              <Item id={subjectKey(missing)} label={subjectLabel(missing, schema)} />
            </ListBoxSection>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
