import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { fakeApi, renderInApp, session } from '../test/render';
import { LoginPage } from './LoginPage';

describe('LoginPage', () => {
  it('submitting empty by Enter shows "Vul dit veld in." on both fields and focuses the first', async () => {
    const login = vi.fn();
    const { user } = renderInApp(<LoginPage notice={null} onLogin={() => undefined} />, { api: fakeApi({ login }), session: null });
    await user.click(screen.getByLabelText('Gebruikersnaam'));
    await user.keyboard('{Enter}');
    const username = screen.getByLabelText('Gebruikersnaam');
    const password = screen.getByLabelText('Wachtwoord');
    for (const input of [username, password]) {
      expect(input.getAttribute('aria-invalid')).toBe('true');
      const errorId = input.getAttribute('aria-describedby') ?? '';
      expect(document.getElementById(errorId)?.textContent).toContain('Vul dit veld in.');
    }
    expect(document.activeElement).toBe(username);
    expect(screen.getByRole('alert').textContent).toContain('Controleer de volgende velden:');
    expect(login).not.toHaveBeenCalled();
  });

  it('Tab goes from user name to password to the button, and Enter logs in with the trimmed name', async () => {
    const login = vi.fn().mockResolvedValue(session);
    const onLogin = vi.fn();
    const { user } = renderInApp(<LoginPage notice={null} onLogin={onLogin} />, { api: fakeApi({ login }), session: null });
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Gebruikersnaam'));
    await user.keyboard('  demo ');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Wachtwoord'));
    await user.keyboard('geheim wachtwoord');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Inloggen' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onLogin).toHaveBeenCalledWith(session));
    expect(login).toHaveBeenCalledWith('demo', 'geheim wachtwoord');
  });

  it("a refusal shows the server's Dutch message and empties the password", async () => {
    const login = vi.fn().mockRejectedValue(new ApiError({ title: 'Niet ingelogd', status: 401, messages: { nl: 'Gebruikersnaam of wachtwoord klopt niet.', en: 'Wrong user name or password.' } }));
    const { user } = renderInApp(<LoginPage notice={null} onLogin={() => undefined} />, { api: fakeApi({ login }), session: null });
    await user.type(screen.getByLabelText('Gebruikersnaam'), 'demo');
    await user.type(screen.getByLabelText('Wachtwoord'), 'fout{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('Gebruikersnaam of wachtwoord klopt niet.');
    expect(screen.getByLabelText<HTMLInputElement>('Wachtwoord').value).toBe('');
  });

  it('in English the labels and messages are English', async () => {
    const { user } = renderInApp(<LoginPage notice="login.expired" onLogin={() => undefined} />, { api: fakeApi({}), session: null, lang: 'en' });
    expect(screen.getByRole('status').textContent).toMatch(/session/i);
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(screen.getByRole('alert').textContent).toContain('Fill in this field.');
  });
});
