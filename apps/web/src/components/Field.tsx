import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import type { ReactNode, Ref } from 'react';

/** What an input needs to be tied to its label, hint and error. */
export interface InputWiring {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  invalid: boolean;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (wiring: InputWiring) => ReactNode;
}

/** Label, hint, input and error message of one form field, wired together with ids. */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  const wiring: InputWiring = {
    id,
    invalid: Boolean(error),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
  };
  return (
    <FormField
      invalid={Boolean(error)}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={hint ? <FormFieldDescription id={hintId}>{hint}</FormFieldDescription> : undefined}
      input={children(wiring)}
      errorMessage={error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : undefined}
    />
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  type?: 'text' | 'password' | 'date' | 'search';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  size?: number;
}

export function TextField({ id, label, value, onChange, hint, error, type = 'text', autoComplete, inputMode, required, inputRef, size }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(wiring) => (
        <Textbox
          {...wiring}
          ref={inputRef}
          name={id}
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete={autoComplete}
          inputMode={inputMode}
          required={required}
          size={size}
          spellCheck={false}
        />
      )}
    </Field>
  );
}

interface TextareaFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  rows?: number;
}

export function TextareaField({ id, label, value, onChange, hint, error, required, rows = 4 }: TextareaFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(wiring) => (
        <Textarea {...wiring} name={id} value={value} rows={rows} required={required} onChange={(event) => onChange(event.target.value)} />
      )}
    </Field>
  );
}
