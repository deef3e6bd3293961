import { caseStudyPath } from '@praxis/search/domain';
import type { EventPage } from '~~/shared/event';

const ATTENDANCE: Record<string, string> = {
  'vor-ort': 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
};

/** Title, description, Open Graph and schema.org JSON-LD (an Event with its place, organiser and the case studies presented) of an event page. */
export function useEventHead(event: Ref<EventPage | undefined>) {
  const {
    public: { siteUrl },
  } = useRuntimeConfig();
  const route = useRoute();
  const url = computed(() => `${siteUrl}${route.path}`);
  useSeoMeta({
    title: () => event.value?.title ?? '',
    description: () => event.value?.description ?? '',
    ogTitle: () => event.value?.title ?? '',
    ogDescription: () => event.value?.description ?? '',
    ogType: 'website',
    ogUrl: () => url.value,
  });
  useHead(() => {
    const current = event.value;
    if (!current) return { script: [] };
    const place =
      current.format !== 'online' ? { '@type': 'Place', name: current.venue ?? current.address, address: current.address ?? current.venue } : undefined;
    const virtual = current.format !== 'vor-ort' ? { '@type': 'VirtualLocation', url: current.onlineUrl ?? url.value } : undefined;
    const location = [place, virtual].filter(Boolean);
    return {
      script: [
        {
          type: 'application/ld+json',
          // JSON.stringify output is safe inside <script> once "<" is escaped.
          innerHTML: JSON.stringify({
            '@context': 'https://schema.org',
            '@type': 'Event',
            name: current.title,
            description: current.description,
            url: url.value,
            inLanguage: current.locale,
            startDate: current.startsAt,
            endDate: current.endsAt,
            eventStatus: 'https://schema.org/EventScheduled',
            eventAttendanceMode: ATTENDANCE[current.format],
            location: location.length === 1 ? location[0] : location,
            organizer: { '@type': 'Organization', name: current.organiser },
            ...(current.registrationUrl ? { offers: { '@type': 'Offer', url: current.registrationUrl } } : {}),
            about: current.caseStudies.map((caseStudy) => ({
              '@type': 'Project',
              name: caseStudy.title,
              url: `${siteUrl}${caseStudyPath(current.locale, caseStudy.slug)}`,
            })),
            ...(current.materials.length > 0
              ? { subjectOf: current.materials.map((file) => ({ '@type': 'DigitalDocument', name: file.name, url: `${siteUrl}${file.url}` })) }
              : {}),
          }).replace(/</g, '\\u003c'),
        },
      ],
    };
  });
}
