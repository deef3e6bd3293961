import type { CaseStudyPage } from '~~/shared/case-study';

/** Title, description, Open Graph and schema.org JSON-LD (a Project with its places) of a detail page. */
export function useCaseStudyHead(caseStudy: Ref<CaseStudyPage | undefined>) {
  const {
    public: { siteUrl },
  } = useRuntimeConfig();
  const route = useRoute();
  const url = computed(() => `${siteUrl}${route.path}`);
  useSeoMeta({
    title: () => caseStudy.value?.title ?? '',
    description: () => caseStudy.value?.teaser ?? '',
    ogTitle: () => caseStudy.value?.title ?? '',
    ogDescription: () => caseStudy.value?.teaser ?? '',
    ogType: 'article',
    ogUrl: () => url.value,
    ogImage: () => (caseStudy.value?.images[0] ? `${siteUrl}${caseStudy.value.images[0].url}` : undefined),
    ogImageAlt: () => caseStudy.value?.images[0]?.alt,
  });
  useHead(() => ({
    script: caseStudy.value
      ? [
          {
            type: 'application/ld+json',
            // JSON.stringify output is safe inside <script> once "<" is escaped.
            innerHTML: JSON.stringify({
              '@context': 'https://schema.org',
              '@type': 'Project',
              name: caseStudy.value.title,
              description: caseStudy.value.teaser,
              url: url.value,
              inLanguage: caseStudy.value.locale,
              ...(caseStudy.value.provider ? { member: { '@type': 'Organization', name: caseStudy.value.provider.name } } : {}),
              location: caseStudy.value.places.map((place) => ({
                '@type': 'Place',
                name: place.name,
                address: { '@type': 'PostalAddress', addressLocality: place.name, addressRegion: 'Nordrhein-Westfalen', addressCountry: 'DE' },
                ...(place.lat !== null && place.lon !== null ? { geo: { '@type': 'GeoCoordinates', latitude: place.lat, longitude: place.lon } } : {}),
              })),
              keywords: [...caseStudy.value.topics, ...caseStudy.value.targetGroups].map((term) => term.name).join(', '),
              datePublished: caseStudy.value.publishedAt ?? undefined,
              dateModified: caseStudy.value.updatedAt,
            }).replace(/</g, '\\u003c'),
          },
        ]
      : [],
  }));
}
