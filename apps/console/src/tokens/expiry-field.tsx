import { TextField } from '@console/ui/text-field';

/** The optional expiry of a new token, as a day (`expires_at` in the API's errors). */
export function ExpiryField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <TextField
      label="Expires on"
      name="expires_at"
      type="date"
      value={value}
      onChange={onChange}
      description="Optional. The token stops working at the end of this day; without a date it does not expire."
    />
  );
}
