/**
 * The seam for single sign-on. Today staff log in with a password (login.ts). A municipality
 * that runs an OpenID Connect provider (Entra ID, Keycloak, ...) plugs in an IdentityProvider:
 * the server redirects to `authorizationUrl`, the provider calls back with a code, and
 * `completeLogin` returns the verified claims. Kern then maps the claims onto an account of
 * that municipality (by `username` = the `preferred_username` claim, roles from a groups claim)
 * and creates the same session as a password login, so nothing after login changes.
 *
 * Citizens (the portal) use the same seam with a DigiD broker speaking OIDC or SAML: the
 * verified claim is the BSN, and the actor becomes a citizen actor instead of staff.
 * See docs/identity.md for configuration.
 */
export interface VerifiedIdentity {
  /** Stable subject from the provider. */
  subject: string;
  /** Staff: the username to map onto; citizen: the BSN. */
  username: string;
  municipalityCode: string;
  /** Provider groups, mapped onto Kern roles by the municipality's settings. */
  groups: string[];
  /** Authentication level (e.g. DigiD Substantieel = eIDAS substantial). */
  assurance: 'low' | 'substantial' | 'high';
}

export interface IdentityProvider {
  readonly id: string;
  authorizationUrl(state: string, nonce: string): Promise<string>;
  completeLogin(callbackParams: Record<string, string>, expected: { state: string; nonce: string }): Promise<VerifiedIdentity>;
}
