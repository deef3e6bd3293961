import { projectStatusName } from '@praxis/search/domain';
import type { Vocabulary } from '~~/shared/vocabulary';

/** Human labels of filter values ("topic=bewegung" → "Bewegung und Sport") in the current language. */
export function useFilterLabels(vocabulary: Ref<Vocabulary | undefined>) {
  const { t, locale } = useI18n();
  const maps = computed(() => {
    const vocab = vocabulary.value;
    const bySlug = (terms: { slug: string; name: string }[] = []) => new Map(terms.map((term) => [term.slug, term.name]));
    return {
      buildingBlock: bySlug(vocab?.buildingBlocks),
      targetGroup: bySlug(vocab?.targetGroups),
      topic: bySlug(vocab?.topics),
      setting: bySlug(vocab?.settings),
      criterion: bySlug(vocab?.criteria),
      townType: bySlug(vocab?.townTypes),
      townSize: bySlug(vocab?.townSizes),
      district: new Map((vocab?.districts ?? []).map((district) => [district.ags, district.name])),
      municipality: new Map((vocab?.towns ?? []).map((town) => [town.ags, town.name])),
    } as Record<string, Map<string, string>>;
  });

  function label(param: string, value: string): string {
    if (param === 'status') return projectStatusName(value, locale.value);
    if (param === 'transferred') return t(`search.transferred.${value}`);
    if (param === 'region') return t('search.regionLabel', { name: value });
    if (param === 'fundingStart') return t('search.fundingStartChip', { year: value });
    return maps.value[param]?.get(value) ?? value;
  }
  return { label };
}
