// Mail (@strapi/email: Settings → E-Mail) in German, addressing the editor as "Sie". Its ids carry
// the prefix `email.`.
export const EMAIL_GERMAN: Record<string, string> = {
  // --- Strapi has no German for these ---
  'email.Settings.email.plugin.button.verify': 'Verbindung prüfen',
  'email.Settings.email.plugin.label.verifyConnection': 'Verbindung',
  'email.Settings.email.plugin.notification.verify.error': 'Die Verbindung konnte nicht bestätigt werden',
  'email.Settings.email.plugin.notification.verify.success': 'Verbindung bestätigt',
  'email.Settings.email.plugin.status.connected': 'Verbunden',
  'email.Settings.email.plugin.status.error': 'Fehler',

  // --- Strapi's German addresses the editor as "du" ---
  'email.Settings.email.plugin.text.configuration': 'Das Plugin wird in der Datei {file} eingerichtet; die Dokumentation dazu finden Sie unter {link}.',
  'email.Settings.email.plugin.notification.test.success': 'Test-E-Mail verschickt. Bitte sehen Sie im Postfach {to} nach.',
};
