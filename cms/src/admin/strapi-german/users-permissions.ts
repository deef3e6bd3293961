// The end users' accounts (@strapi/plugin-users-permissions: Settings → Benutzer & Berechtigungen)
// in German, addressing the editor as "Sie". Its ids carry the prefix `users-permissions.`.
export const USERS_PERMISSIONS_GERMAN: Record<string, string> = {
  // --- Strapi has no German for this ---
  'users-permissions.Settings.roles.created': 'Rolle angelegt',

  // --- Strapi's German addresses the editor as "du", or is wrong ---
  'users-permissions.EditForm.inputToggle.description.email':
    'Verhindert, dass eine Person mit derselben E-Mail-Adresse über verschiedene Anmeldewege mehrere Konten anlegt.',
  'users-permissions.EditForm.inputToggle.description.email-confirmation-redirection':
    'Wohin die Person nach der Bestätigung ihrer E-Mail-Adresse weitergeleitet wird.',
  'users-permissions.EditForm.inputToggle.description.email-reset-password': 'URL der Seite Ihrer Anwendung, auf der ein Passwort zurückgesetzt wird',
  'users-permissions.EditForm.inputToggle.label.email-confirmation': 'Bestätigung der E-Mail-Adresse verlangen',
  'users-permissions.Plugin.permissions.plugins.description': 'Die erlaubten Aktionen des Plugins {name}.',
  'users-permissions.Policies.header.hint': 'Wählen Sie eine Aktion aus und klicken Sie auf das Zahnrad, um die Route anzuzeigen, an die sie gebunden ist.',
  'users-permissions.PopUpForm.Email.link.documentation': 'finden Sie Hinweise in der Dokumentation.',
  'users-permissions.PopUpForm.Email.email_templates.inputDescription': 'Wenn Sie nicht sicher sind, wie Variablen funktionieren, {link}',
  'users-permissions.PopUpForm.Email.options.object.placeholder': 'Bitte bestätigen Sie Ihre E-Mail-Adresse für %APP_NAME%',
  'users-permissions.PopUpForm.Providers.redirectURL.front-end.label': 'Die URL, zu der Ihre Website nach der Anmeldung weiterleitet',
  'users-permissions.Roles.empty': 'Noch keine Rollen.',
  'users-permissions.plugin.description.long':
    'Die API mit einer vollständigen Anmeldung auf Basis von JWT schützen. Mit einer Zugriffssteuerung (ACL) lassen sich die Rechte der Benutzergruppen festlegen.',
  'users-permissions.plugin.description.short': 'Die API mit einer vollständigen Anmeldung auf Basis von JWT schützen.',
  // Strapi's example sender is English.
  'users-permissions.PopUpForm.Email.options.from.name.placeholder': 'Erika Mustermann',
  'users-permissions.PopUpForm.Email.options.from.email.placeholder': 'erika.mustermann@example.org',
  'users-permissions.PopUpForm.Email.options.response_email.placeholder': 'erika.mustermann@example.org',
  'users-permissions.popUpWarning.warning.cancel': 'Möchten Sie Ihre Änderungen wirklich verwerfen?',

  // --- Ids the plugin asks for with an English default only ---
  'app.utils.show-bound-route': 'Gebundene Route von {route} anzeigen',
  'http://www.client-app.com': 'http://www.client-app.com',
  'users-permissions.List.button.roles': 'Neue Rolle anlegen',
  'users-permissions.notification.error': 'Es ist ein Fehler aufgetreten',
  'users-permissions.notification.success.saved': 'Gespeichert',
};
