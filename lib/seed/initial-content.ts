// The content a new database starts with: the three trips so far, their host cities and the
// contact settings. The copy is ours, written from the facts in shared/seeds; nothing here
// invents a programme, price, time or name. Values no source gives (seat count, contact details)
// are placeholders for the organisers to replace, and are marked as such.

export const PLACEHOLDER_SEATS = 40

export const siteSettings = {
  organiserName: 'Mjölbybussens arrangörer (platshållare)',
  phone: '000-000 00 00',
  phoneHours: 'vardagar, tider meddelas senare',
  email: 'mjolbybussen@example.org',
  postalAddress: 'Postadress meddelas senare, Mjölby',
  visitingAddress: null,
  isPlaceholder: true,
}

export const hostCities = [
  {
    slug: 'boras',
    name: 'Borås',
    county: 'Västra Götalands län',
    population: null,
    portrait: [
      'Borås beskriver sig som staden där människor möts. Social, etnisk och kulturell mångfald ses som en drivkraft för stadens utveckling, och i både spontana och planerade möten tas människors kunskap och erfarenheter till vara.',
      'Staden satsar på mötesplatser, fysiska och digitala, där generationer och kulturer möts och där invånarna får inflytande över stadens utveckling. Borås är känt för sin servicekänsla och sitt goda värdskap, och idrotts- och kulturevenemang gör staden attraktiv att besöka och bo i.',
      'Borås Stads strategier för möten handlar bland annat om fler mötesplatser mellan generationer och kulturer, en lärande organisation där medarbetare samverkar över förvaltnings- och bolagsgränser, en utbildning i värdskap och servicekänsla tillsammans med Högskolan i Borås, och samarbete med Göteborg och kommunerna i Boråsregionen kring stora möten och evenemang.',
    ].join('\n\n'),
  },
  {
    slug: 'gnosjo',
    name: 'Gnosjö',
    county: 'Jönköpings län',
    population: null,
    portrait:
      'Gnosjö i Jönköpings län är känt för Gnosjöandan: en tät bygd av små industriföretag och en stark tradition av entreprenörskap och samarbete mellan företag.',
  },
  {
    slug: 'hoganas',
    name: 'Höganäs',
    county: 'Skåne län',
    population: null,
    portrait: 'Höganäs ligger i Skåne, vid kusten nära Kullaberg, och är känt för sin keramik.',
  },
  {
    slug: 'mora',
    name: 'Mora',
    county: 'Dalarnas län',
    population: null,
    portrait: 'Mora i Dalarna är orten där Vasaloppet går i mål och där konstnären Anders Zorn levde och verkade.',
  },
]

export const trips = [
  {
    slug: '2024-boras',
    year: 2024,
    title: 'Mjölbybussen 2024 – Borås',
    summary: 'Två dagar i Borås, staden där människor möts, den 17–18 oktober 2024.',
    description: [
      'Årets Mjölbybussen går till Borås. Under två dagar, med en övernattning, får företagare, kommunpolitiker och tjänstepersoner från hela Mjölby kommun lära av en stad som har gjort möten mellan människor till en drivkraft för sin utveckling.',
      'Som alltid är målet kunskapsutbyte och samverkan: att se hur andra arbetar, möta företag och projekt som lyckats, och ta med sig idéer hem till Mjölby.',
    ].join('\n\n'),
    startDate: new Date('2024-10-17T00:00:00Z'),
    endDate: new Date('2024-10-18T00:00:00Z'),
    hasOvernight: true,
    seats: PLACEHOLDER_SEATS,
    // Held: the life cycle (lib/trips/life-cycle.ts) shows it as genomförd whatever this says.
    registrationOpen: false,
    hostCitySlugs: ['boras'],
  },
  {
    slug: '2023-mora',
    year: 2023,
    title: 'Mjölbybussen 2023 – Mora',
    summary: 'År 2023 gick Mjölbybussen till Mora i Dalarna.',
    description:
      'År 2023 gick Mjölbybussen till Mora i Dalarna, orten där Vasaloppet går i mål och där Anders Zorn verkade.',
    startDate: null,
    endDate: null,
    hasOvernight: false,
    seats: 0,
    registrationOpen: false,
    hostCitySlugs: ['mora'],
  },
  {
    slug: '2022-gnosjo-hoganas',
    year: 2022,
    title: 'Mjölbybussen 2022 – Gnosjö & Höganäs',
    summary: 'År 2022 gick Mjölbybussen till Gnosjö och Höganäs.',
    description:
      'År 2022 besökte Mjölbybussen två orter: Gnosjö i Jönköpings län, känt för Gnosjöandan och sitt täta nätverk av småföretag, och Höganäs vid Kullaberg i Skåne, känt för sin keramik.',
    startDate: null,
    endDate: null,
    hasOvernight: false,
    seats: 0,
    registrationOpen: false,
    hostCitySlugs: ['gnosjo', 'hoganas'],
  },
]
