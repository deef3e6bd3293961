// A year as editors type it: four digits, no thousands separator ("2025", not "2.025" as
// Strapi's number input shows it in German). The value stays an integer.
import { Field, TextInput } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';

interface YearInputProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  labelAction?: ReactNode;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
}

export function YearInput({ name, label, hint, labelAction, placeholder, required, disabled }: YearInputProps) {
  const field = useField<number | string | null>(name);
  return (
    <Field.Root name={name} hint={hint} error={field.error} required={required}>
      <Field.Label action={labelAction}>{label}</Field.Label>
      <TextInput
        name={name}
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        placeholder={placeholder}
        disabled={disabled}
        value={field.value ?? ''}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
          const typed = event.target.value.trim();
          // Anything but digits goes to the server as typed, which answers with a message on the field.
          field.onChange(name, typed === '' ? null : /^\d+$/.test(typed) ? Number(typed) : typed);
        }}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

export default YearInput;
