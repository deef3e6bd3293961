// Languages (@strapi/i18n: the edit view's language picker, copying from another language,
// Settings → Internationalisierung) in German, addressing the editor as "Sie". Its ids carry the
// prefix `i18n.`; a few of its screens ask for ids without it (listed last).
export const I18N_GERMAN: Record<string, string> = {
  // --- Strapi has no German for this ---
  'i18n.list-view.table.header.label': 'Verfügbar in',

  // --- Strapi's German addresses the editor as "du", or is wrong ---
  'i18n.actions.delete.dialog.body': 'Möchten Sie diese Sprachfassung wirklich löschen?',
  'i18n.CMEditViewCopyLocale.dialog.body': 'Der bisherige Inhalt wird gelöscht und durch den Inhalt dieser Sprache ersetzt:',
  'i18n.CMEditViewCopyLocale.dialog.field.placeholder': 'Sprache auswählen …',
  'i18n.CMEditViewBulkLocale.draft-relation-warning':
    'Einige Sprachfassungen sind mit Entwürfen verknüpft. Wenn Sie sie veröffentlichen, können auf der Website Links ins Leere führen.',
  'i18n.CMEditViewBulkLocale.continue-confirmation': 'Möchten Sie wirklich fortfahren?',
  'i18n.CMEditViewAITranslation.status-description':
    'Die KI übersetzt die Inhalte in alle Sprachen, sobald Sie eine Änderung in der Standardsprache speichern.',
  'i18n.CMEditViewAITranslation.job-failed': 'Die KI-Übersetzung ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
  'i18n.CheckboxConfirmation.Modal.body': 'Möchten Sie die Übersetzung wirklich abschalten?',
  'i18n.Settings.aiLocalizations.description':
    'Bei jedem Speichern in der Inhaltsverwaltung übersetzt die KI die Inhalte aus der Standardsprache automatisch in alle anderen Sprachen.',
  'i18n.Settings.locales.modal.create.code.error': 'Bitte wählen Sie eine Sprache aus.',
  'i18n.Settings.locales.modal.create.name.error.required': 'Bitte geben Sie der Sprache einen Anzeigenamen.',
  'i18n.Settings.permissions.read.denied.description': 'Um das sehen zu können, wenden Sie sich bitte an die Administration.',
  // Strapi's German dropped the language's name and the note.
  'i18n.Settings.list.actions.delete': 'Sprache {name} löschen',
  'i18n.Settings.list.actions.edit': 'Sprache {name} bearbeiten',
  'i18n.Settings.list.actions.deleteAdditionalInfos': 'Damit werden die aktiven Sprachfassungen gelöscht <em>(aus der Internationalisierung)</em>',

  // --- Ids the i18n plugin asks for with an English default only ---
  'Settings.locales.modal.create.code.error': 'Bitte wählen Sie eine Sprache aus.',
  'Settings.locales.modal.create.name.error.min': 'Der Anzeigename der Sprache darf höchstens 50 Zeichen lang sein.',
  'Settings.locales.modal.create.name.error.required': 'Bitte geben Sie der Sprache einen Anzeigenamen.',
  'components.placeholder.select': 'Auswählen',
  'content-releases.page.ReleaseDetails.table.header.label.locale': 'Sprache',
  'i18n.CheckboxConfirmation.Modal.title': 'Übersetzung abschalten',
  'i18n.Settings.locales.modal.locales.label': 'Sprachen',
  'i18n.actions.publish.dialog.title': 'Bestätigung',
};
