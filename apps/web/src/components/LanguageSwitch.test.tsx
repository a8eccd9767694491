import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '../test/render';
import { BreakGlassForm } from './BreakGlassForm';
import { LanguageSwitch } from './LanguageSwitch';

describe('LanguageSwitch', () => {
  it('names each language in itself, marks the current one pressed, and by keyboard switches the form to English', async () => {
    const { user } = renderInApp(
      <>
        <LanguageSwitch />
        <BreakGlassForm bsn="999993653" onGranted={() => undefined} />
      </>,
    );
    const group = screen.getByRole('group', { name: 'Taal' });
    const nl = screen.getByRole('button', { name: 'Nederlands' });
    const en = screen.getByRole('button', { name: 'English' });
    expect(group.contains(en)).toBe(true);
    expect(en.getAttribute('lang')).toBe('en');
    expect(nl.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByLabelText('Reden')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Doorbreekglas bevestigen' }));
    expect(screen.getByRole('alert').textContent).toContain('De reden moet minimaal 20 tekens lang zijn');

    en.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('group', { name: 'Language' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Break the glass' })).toBeTruthy();
    expect(screen.getByLabelText('Reason')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Confirm break-the-glass' }));
    expect(screen.getByRole('alert').textContent).toMatch(/at least 20 characters/);
  });
});
