/** Texts for login alerts and the audit checkpoints. `en` must have exactly the same keys. */
export const securityNl = {
  'loginAlerts.title': 'Meldingen over inlogpogingen',
  'loginAlerts.none': 'Geen accounts met veel mislukte inlogpogingen.',
  'loginAlerts.at': 'Gemeld op {at}',
  'chain.checkpoint': 'Ook gecontroleerd tegen het laatste ondertekende controlepunt (record {seq}) buiten de database.',
  'chain.noCheckpoint': 'Er is (nog) geen ondertekend controlepunt buiten de database om tegen te controleren; het wegknippen van de nieuwste records valt zo niet op. Vraag beheer om KERN_AUDIT_CHECKPOINT_DIR in te stellen.',
} satisfies Record<string, string>;

export const securityEn: Record<keyof typeof securityNl, string> = {
  'loginAlerts.title': 'Alerts about login attempts',
  'loginAlerts.none': 'No accounts with many failed login attempts.',
  'loginAlerts.at': 'Raised on {at}',
  'chain.checkpoint': 'Also checked against the latest signed checkpoint (record {seq}) kept outside the database.',
  'chain.noCheckpoint': 'There is no signed checkpoint outside the database (yet) to check against, so cutting off the newest records would go unnoticed. Ask operations to set KERN_AUDIT_CHECKPOINT_DIR.',
};
