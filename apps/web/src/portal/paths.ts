/** The portal's pages by path: one place for the navigation and the links between pages. */
export const portalPaths = {
  home: '/portaal/',
  request: '/portaal/vraag',
  plan: '/portaal/plan',
  data: '/portaal/gegevens',
  messages: '/portaal/berichten',
  together: '/portaal/samen',
  objection: '/portaal/bezwaar',
} as const;
