import { FormField, FormFieldDescription, FormLabel } from '@utrecht/component-library-react';
import type { ChangeEvent } from 'react';

/** Reads a file as base64 without the data-URL prefix. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/**
 * A file input with its label and hint, large enough to tap (WCAG 2.2 target size: the browser's
 * bare file input is about 21 px high). PDF, JPEG and PNG only; the server checks the bytes again.
 */
export function FileField({ id, label, hint, onChange, invalid }: { id: string; label: string; hint: string; onChange: (e: ChangeEvent<HTMLInputElement>) => void; invalid?: boolean }) {
  return (
    <FormField
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={<FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription>}
      input={<input id={id} className="kern-file-input" type="file" accept="application/pdf,image/jpeg,image/png" aria-describedby={`${id}-hint`} aria-invalid={invalid ? true : undefined} onChange={onChange} />}
    />
  );
}
