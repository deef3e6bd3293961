// Case-study records in the import format, for tests.
export function caseStudyRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Stadtteilmütter im Quartier Nordstadt',
    teaser: 'Geschulte Stadtteilmütter begleiten Familien mit Zuwanderungsgeschichte zu Kita, Schule und Beratung.',
    description: 'Ein **fiktives** Testprojekt.',
    buildingBlock: 'aktive-nachbarschaft',
    municipalities: ['05913000'],
    targetGroups: ['familien-mit-zuwanderungsgeschichte', 'eltern'],
    topics: ['lotsen', 'nachbarschaft'],
    settings: ['quartierszentrum'],
    criteria: ['niedrigschwelligkeit', 'empowerment'],
    status: 'laufend',
    fundingStart: 2023,
    fundingEnd: 2025,
    provider: 'Testträger Nordstadt e. V.',
    staffFte: 1.5,
    successFactors: ['Feste Ansprechpersonen im Quartier'],
    pitfalls: ['Hohe Fluktuation bei Honorarkräften'],
    ...overrides,
  };
}
