import type { RelationKind, VoorzieningKind } from '../../domain/vocabulary';

/**
 * Each kind of relation in words, as the pictures and pages show it (Dutch, like the pages), read from `from`
 * to `to` along the flow (`from` feeds `to`): "BRP → Digilevering: levert gebeurtenisberichten aan".
 */
export const RELATION_KIND_WORDS: Record<RelationKind, string> = {
  EVENT_DELIVERY: 'levert gebeurtenisberichten aan',
  TERUGMELDING: 'meldt terug aan',
  DISTRIBUTION: 'wordt verspreid via',
  AUTHENTICATION: 'geeft toegang tot (inloggen)',
  AUTHORIZATION: 'machtigt voor',
  INZAGE: 'is in te zien via',
  TRANSPORT: 'wordt getransporteerd door',
  NETWORK: 'sluit afnemers aan op',
  PUBLICATION: 'wordt gepubliceerd op',
  DEFINED_IN: 'is gedefinieerd in',
  PART_OF: 'is onderdeel van',
  INHERITANCE: 'geeft door aan (architectuur)',
  DEEP_LINK: 'wordt via deep-links gebruikt door',
  SUPPLIES_DATA_TO: 'levert gegevens aan',
};

/** Each kind of voorziening in words (Dutch, like the pages). */
export const VOORZIENING_KIND_WORDS: Record<VoorzieningKind, string> = {
  BASISREGISTRATIE: 'basisregistratie',
  STELSELVOORZIENING: 'stelselvoorziening',
  AUTHENTICATIE: 'inlogmiddel',
  PORTAAL: 'portaal',
  BERICHTENVERKEER: 'berichtenverkeer',
  NETWERK: 'netwerk',
  STANDAARD: 'standaard',
  ARCHITECTUUR: 'architectuur',
  PLATFORM: 'platform',
  REGISTRATIE: 'registratie',
  CATALOGUS: 'catalogus',
};
