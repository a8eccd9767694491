import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, renderInApp } from '../test/render';
import { BreakGlassForm } from './BreakGlassForm';

describe('BreakGlassForm', () => {
  it('a reason under 20 characters is refused on the field, with the count, before any call', async () => {
    const breakGlass = vi.fn();
    const { user } = renderInApp(<BreakGlassForm bsn="999993653" onGranted={() => undefined} />, { api: fakeApi({ breakGlass }) });
    await user.type(screen.getByLabelText('Reden'), '  spoed  ');
    await user.click(screen.getByRole('button', { name: 'Doorbreekglas bevestigen' }));
    const reason = screen.getByLabelText('Reden');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(reason.getAttribute('aria-describedby')).toBe('reason-error reason-hint');
    expect(document.getElementById('reason-error')?.textContent).toContain('De reden moet minimaal 20 tekens lang zijn (nu 5).');
    expect(document.activeElement).toBe(reason);
    expect(breakGlass).not.toHaveBeenCalled();
  });

  it('without a purpose it asks to choose one first and calls nothing', async () => {
    const breakGlass = vi.fn();
    const { user } = renderInApp(<BreakGlassForm bsn="999993653" onGranted={() => undefined} />, { api: fakeApi({ breakGlass }), purpose: null });
    await user.type(screen.getByLabelText('Reden'), 'Melding van acute nood door de huisarts');
    await user.click(screen.getByRole('button', { name: 'Doorbreekglas bevestigen' }));
    expect(screen.getByRole('alert').textContent).toContain('Kies eerst bij “Werken onder doel”');
    expect(breakGlass).not.toHaveBeenCalled();
  });

  it('Tab from the reason reaches the button; Enter there breaks the glass with the trimmed reason', async () => {
    const breakGlass = vi.fn().mockResolvedValue(undefined);
    const onGranted = vi.fn();
    const { user } = renderInApp(<BreakGlassForm bsn="999993653" onGranted={onGranted} />, { api: fakeApi({ breakGlass }) });
    await user.type(screen.getByLabelText('Reden'), '  Melding van acute nood door de huisarts ');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Doorbreekglas bevestigen' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onGranted).toHaveBeenCalled());
    expect(breakGlass).toHaveBeenCalledWith('999993653', 'Melding van acute nood door de huisarts');
  });
});
