// The editors' mails in the admin's two languages (Sie-form in German).
export type MailLanguage = 'de' | 'en';

const LOCALE_NAMES: Record<string, Record<MailLanguage, string>> = {
  de: { de: 'Deutsch', en: 'German' },
  en: { de: 'Englisch', en: 'English' },
};

export const localeName = (locale: string, language: MailLanguage) => LOCALE_NAMES[locale]?.[language] ?? locale;

const FOOTER: Record<MailLanguage, string> = {
  de: 'Diese Nachricht kommt aus der Redaktion der Praxisdatenbank „Zusammen im Quartier“. Ob Sie Hinweise sofort oder einmal täglich bekommen, stellen Sie im Dashboard der Redaktion ein („Benachrichtigungen“).',
  en: 'This message comes from the editors of the “Zusammen im Quartier” case-study database. Whether you get notices at once or once a day is set on the editors’ dashboard (“Notifications”).',
};

/** One case study in a mail: its title, language and the link to its edit view. */
export interface MailItem {
  title: string;
  locale: string;
  link: string;
}

const item = ({ title, locale, link }: MailItem, language: MailLanguage) => `- „${title}“ (${localeName(locale, language)})\n  ${link}`;

export function greeting(name: string, language: MailLanguage): string {
  return language === 'en' ? `Hello ${name},` : `Guten Tag ${name},`;
}

export function returnedMail(language: MailLanguage, to: string, by: string, entry: MailItem, comment: string | null) {
  const quoted = comment ? `\n\n${comment.replace(/^/gmu, '  ')}` : '';
  return language === 'en'
    ? {
        subject: `Returned: “${entry.title}”`,
        text: `${greeting(to, language)}\n\n${by} returned your case study “${entry.title}” (${localeName(entry.locale, language)}) to you:${quoted}\n\n${entry.link}\n\n${FOOTER.en}`,
      }
    : {
        subject: `Zurückgegeben: „${entry.title}“`,
        text: `${greeting(to, language)}\n\n${by} hat Ihr Praxisbeispiel „${entry.title}“ (${localeName(entry.locale, language)}) an Sie zurückgegeben:${quoted}\n\n${entry.link}\n\n${FOOTER.de}`,
      };
}

export function publishedMail(language: MailLanguage, to: string, by: string, entry: MailItem) {
  return language === 'en'
    ? {
        subject: `Published: “${entry.title}”`,
        text: `${greeting(to, language)}\n\n${by} published your case study “${entry.title}” (${localeName(entry.locale, language)}). It is on the site now.\n\n${entry.link}\n\n${FOOTER.en}`,
      }
    : {
        subject: `Veröffentlicht: „${entry.title}“`,
        text: `${greeting(to, language)}\n\n${by} hat Ihr Praxisbeispiel „${entry.title}“ (${localeName(entry.locale, language)}) veröffentlicht. Es steht jetzt auf der Website.\n\n${entry.link}\n\n${FOOTER.de}`,
      };
}

/** What the Chefredaktion hears of: entries sent to review, and confirmed submissions. */
export type ReviewNews = { kind: 'review'; by: string; items: MailItem[] } | { kind: 'submission'; by: string; items: MailItem[] };

/** One notice as a paragraph (a mail of its own, or a part of the daily digest). */
export function newsParagraph(news: ReviewNews, language: MailLanguage): string {
  const list = news.items.map((entry) => item(entry, language)).join('\n');
  if (news.kind === 'submission') {
    return language === 'en'
      ? `${news.by} submitted a project through the site's form; it waits for review:\n${list}`
      : `${news.by} hat über das Formular der Website ein Projekt eingereicht; es wartet auf die Prüfung:\n${list}`;
  }
  const count = news.items.length;
  return language === 'en'
    ? `${news.by} sent ${count === 1 ? 'a case study' : `${count} case studies`} to review:\n${list}`
    : `${news.by} hat ${count === 1 ? 'ein Praxisbeispiel' : `${count} Praxisbeispiele`} zur Prüfung gegeben:\n${list}`;
}

export function newsMail(language: MailLanguage, to: string, news: ReviewNews) {
  const first = news.items[0]!;
  const subject =
    news.kind === 'submission'
      ? language === 'en'
        ? `New submission: “${first.title}”`
        : `Neue Einreichung: „${first.title}“`
      : news.items.length === 1
        ? language === 'en'
          ? `For review: “${first.title}”`
          : `Zur Prüfung: „${first.title}“`
        : language === 'en'
          ? `For review: ${news.items.length} case studies`
          : `Zur Prüfung: ${news.items.length} Praxisbeispiele`;
  return { subject, text: `${greeting(to, language)}\n\n${newsParagraph(news, language)}\n\n${FOOTER[language]}` };
}

export function digestMail(language: MailLanguage, to: string, paragraphs: string[]) {
  return language === 'en'
    ? {
        subject: `Case-study database: today's news for review (${paragraphs.length})`,
        text: `${greeting(to, language)}\n\nwhat happened since the last summary:\n\n${paragraphs.join('\n\n')}\n\n${FOOTER.en}`,
      }
    : {
        subject: `Praxisdatenbank: Neues zur Prüfung (${paragraphs.length})`,
        text: `${greeting(to, language)}\n\ndas ist seit der letzten Zusammenfassung geschehen:\n\n${paragraphs.join('\n\n')}\n\n${FOOTER.de}`,
      };
}

export function invitationMail(language: MailLanguage, to: string, invitedBy: string, link: string) {
  return language === 'en'
    ? {
        subject: 'Your account for the case-study database',
        text: `${greeting(to, language)}\n\n${invitedBy} invited you to the editors of the “Zusammen im Quartier” case-study database. Choose your password here (the link works once):\n\n${link}\n\n${FOOTER.en}`,
      }
    : {
        subject: 'Ihr Zugang zur Praxisdatenbank',
        text: `${greeting(to, language)}\n\n${invitedBy} hat Sie in die Redaktion der Praxisdatenbank „Zusammen im Quartier“ eingeladen. Hier legen Sie Ihr Passwort fest (der Link gilt einmal):\n\n${link}\n\n${FOOTER.de}`,
      };
}
