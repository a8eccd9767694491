import { screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '../test/render';
import { Field, TextField, TextareaField } from './Field';

function Controlled({ error, hint }: { error?: string; hint?: string }) {
  const [value, setValue] = useState('');
  return <TextField id="name" label="Naam" value={value} onChange={setValue} error={error} hint={hint} required />;
}

describe('Field', () => {
  it('ties the label to the input and marks a required input aria-required', () => {
    renderInApp(<Controlled />);
    const input = screen.getByLabelText('Naam');
    expect(input.id).toBe('name');
    // The Utrecht textbox says "required" to assistive technology, leaving the message to our own validation.
    expect(input.getAttribute('aria-required')).toBe('true');
  });

  it('without an error the input is not marked invalid and points only at its hint', () => {
    renderInApp(<Controlled hint="Zoals in de BRP" />);
    const input = screen.getByLabelText('Naam');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe('name-hint');
    expect(document.getElementById('name-hint')?.textContent).toBe('Zoals in de BRP');
  });

  it('with an error the input is aria-invalid and described by the error first, then the hint', () => {
    renderInApp(<Controlled hint="Zoals in de BRP" error="Vul dit veld in." />);
    const input = screen.getByLabelText('Naam');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('name-error name-hint');
    expect(document.getElementById('name-error')?.textContent).toContain('Vul dit veld in.');
  });

  it('passes typed text to onChange', async () => {
    const { user } = renderInApp(<Controlled />);
    await user.type(screen.getByLabelText('Naam'), 'Jansen');
    expect(screen.getByLabelText<HTMLInputElement>('Naam').value).toBe('Jansen');
  });

  it('a textarea field gets the same wiring as a text field', () => {
    renderInApp(<TextareaField id="note" label="Toelichting" value="" onChange={() => undefined} error="Te kort" />);
    const area = screen.getByLabelText('Toelichting');
    expect(area.tagName).toBe('TEXTAREA');
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(area.getAttribute('aria-describedby')).toBe('note-error');
  });

  it('hands the same wiring to a custom input such as a select', () => {
    renderInApp(
      <Field id="team" label="Team" error="Kies een team.">
        {(wiring) => (
          <select id={wiring.id} aria-invalid={wiring['aria-invalid']} aria-describedby={wiring['aria-describedby']}>
            <option>Noord</option>
          </select>
        )}
      </Field>,
    );
    const select = screen.getByRole('combobox', { name: 'Team' });
    expect(select.getAttribute('aria-describedby')).toBe('team-error');
    expect(screen.getByText('Kies een team.')).toBeTruthy();
  });
});
