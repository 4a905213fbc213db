import { FieldError, Group, Input, Label, NumberField, Text } from 'react-aria-components';

export const RATE_LIMIT_MAX = 1_000_000;

/**
 * Requests a minute, a whole number from 1 to 1,000,000 as the API takes it; empty means the
 * platform's default (NaN is React Aria's empty number).
 */
export function RateLimitField({ value, onChange }: { value: number; onChange: (value: number) => void }) {
  return (
    <NumberField
      className="field"
      name="default_rate_limit_per_minute"
      value={value}
      onChange={onChange}
      minValue={1}
      maxValue={RATE_LIMIT_MAX}
      step={1}
      formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
    >
      <Label>Default rate limit (requests per minute)</Label>
      <Group className="number-group">
        <Input />
      </Group>
      <Text slot="description">
        For API tokens that set no limit of their own. Leave it empty for the platform&apos;s default.
      </Text>
      <FieldError className="field-error" />
    </NumberField>
  );
}
