// The demo campaign is a real letter: nine council members signed it on 18 February 2022.
// Every expected value below was written from the letter as published
// (https://houtenanders.nl/brandbrief-datalek-samen-veilig/, "De brief") and from the
// sources that were seen to exist, not from the JSON file, so a silent change of a fact,
// a name or a word of the signed Dutch text fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const readCampaign = async (name) => JSON.parse(await readFile(`${root}demo/campaigns/${name}`, 'utf8'));
const letterCampaign = await readCampaign('brandbrief-samen-veilig.json');
const petitionExample = await readCampaign('petition-example.json');
const dutch = (text) => (typeof text === 'string' ? text : text.nl);

// The signed Dutch text, word for word, from "Geachte wethouders" to "Met Hoogachting,".
const SIGNED_LETTER = {
  salutation: 'Geachte wethouders van onze gemeenten,',
  paragraphs: [
    'Naar aanleiding van de persuiting van RTV Utrecht van hedenweek dat er wederom sprake is van een groots datalek bij Samen Veilig Midden Nederland, waarbij dit keer het complete intranet in de openbaarheid is gebracht en daarmee de privégegevens van medewerkers. Dat daarbij ook wachtwoorden van diverse gemeenschappelijke sites openbaar zijn geworden.',
    'Uit de reactie van het bestuur valt niet de conclusie te trekken, dat de organisatie de ernst van de situatie onder ogen ziet.',
    'Gelet op de al eerder bekend geworden datalekken en de mede daaruit voortvloeiende veranderagenda van 2019, lijkt veranderpunt 3) “het versterken van het lerend vermogen van de organisatie” nog niet in voldoende mate bij de organisatie: Samen Veilig Midden Nederland, tussen de oren te zitten. Dat er in een periode van 3 jaar 218 veiligheidsincidenten zijn geweest, is daar een uiting van.',
    'Dát gegeven vinden wij als raadsleden uiterst zorgelijk, want we hebben het hier te maken met kwetsbare gezinnen en medewerkers.',
  ],
  demandsIntro:
    'De raadsleden constateren dat dit niet het eerste en vermoedelijk ook niet het laatste datalek en/of veiligheidsincident zal zijn en doen een dringend beroep op de wethouders, deze situatie niet te bagatelliseren, maar per direct de volgende stappen te ondernemen:',
  demands: [
    'Een onafhankelijk onderzoek naar de veiligheid van gegevens uit te laten voeren;',
    'Een risicoanalyse op te stellen en verbeteringen te eisen aan dataopslag en -verwerking, zodanig dat de bescherming van gegevens is gewaarborgd;',
    'Een regionale raadsbijeenkomst te organiseren en daar terugkoppeling te geven van bevindingen.',
  ],
  closing: [
    'Volgens onderstaande raadsleden is er geen tijd meer om stilzwijgend of afwachtend toe te kijken, maar zullen de colleges zich “resoluut en zakelijk” in deze kwestie moeten opstellen.',
  ],
  signOff: 'Met Hoogachting,',
};

// "Was getekend:", in the letter's order. Party names as the letter writes them, with two
// spelling slips set right: the letter has "Christen Unie De Bilt" (the party writes
// ChristenUnie) and "SP de Bilt" (the place is De Bilt, as the letter itself writes it
// for Fractie Brouwer and the ChristenUnie). "Partij voor de Vrijheid" stays as signed.
const SIGNATORIES = [
  { name: 'Riëtte Habes', party: 'Samen Stichtse Vecht' },
  { name: 'Rob Jonkers', party: 'Lokaal Montfoort' },
  { name: 'Pascal Ooms', party: 'SGP Houten' },
  { name: 'Connie Brouwer', party: 'Fractie Brouwer', place: 'De Bilt' },
  { name: 'Theo Aalbers', party: 'ChristenUnie De Bilt' },
  { name: 'Menno de Boer', party: 'SP De Bilt' },
  { name: 'Wim van Dijk', party: 'VHL Lokaal' },
  { name: 'David Bosch', party: 'Partij voor de Vrijheid', place: 'Utrecht' },
  { name: 'Wayne Wilson', party: 'Houten Anders!' },
];

// Each source by its own title and the date it carries itself. The Samen Veilig page has
// no publication date: its address says "16 april 2019" and the page only a last update,
// and the campaign format can say neither as such, so it has none.
const SOURCES = [
  {
    title: 'Brandbrief Datalek Samen Veilig',
    url: 'https://houtenanders.nl/brandbrief-datalek-samen-veilig/',
    publisher: 'Houten Anders!',
    date: '2022-02-18',
  },
  {
    title: "Wethouder Eerenberg: 'Datalek bij Samen Veilig is onacceptabel'",
    url: 'https://www.rtvutrecht.nl/nieuws/3312601/wethouder-eerenberg-datalek-bij-samen-veilig-is-onacceptabel',
    publisher: 'RTV Utrecht',
    date: '2022-02-15',
  },
  {
    title: 'Datalekken hardnekkig probleem bij Samen Veilig en Veilig Thuis',
    url: 'https://www.rtvutrecht.nl/nieuws/3254763/datalekken-hardnekkig-probleem-bij-samen-veilig-en-veilig-thuis',
    publisher: 'RTV Utrecht',
    date: undefined,
  },
  {
    title: 'Datalek Samen Veilig Midden-Nederland',
    url: 'https://www.samen-veilig.nl/datalek-laatste-up-date-16-april-2019/',
    publisher: 'Samen Veilig Midden-Nederland',
    date: undefined,
  },
];

test('the letter is dated 18 February 2022, written in Dutch and initiated by Samen Stichtse Vecht', () => {
  assert.equal(letterCampaign.date, '2022-02-18');
  assert.equal(letterCampaign.language, 'nl');
  assert.deepEqual(letterCampaign.translations, ['en'], 'the English text is a translation, and says so');
  assert.equal(dutch(letterCampaign.title), 'Brandbrief Datalek Samen Veilig');
  assert.equal(dutch(letterCampaign.initiator), 'Samen Stichtse Vecht');
});

test('the Dutch letter is word for word the signed text, with its three demands', () => {
  const { letter } = letterCampaign;
  assert.deepEqual(
    {
      salutation: dutch(letter.salutation),
      paragraphs: letter.paragraphs.map(dutch),
      demandsIntro: dutch(letter.demandsIntro),
      demands: letter.demands.map(dutch),
      closing: letter.closing.map(dutch),
      signOff: dutch(letter.signOff),
    },
    SIGNED_LETTER,
  );
});

test('the nine signatories are named as in the letter, in its order', () => {
  assert.deepEqual(letterCampaign.signatories, SIGNATORIES);
});

test('the sources are the four known addresses, with their own titles and only their own dates', () => {
  assert.deepEqual(
    letterCampaign.sources.map((source) => ({
      title: dutch(source.title),
      url: source.url,
      publisher: source.publisher,
      date: source.date,
    })),
    SOURCES,
  );
});

test('the petition example repeats the real letter, signatories and sources unchanged', () => {
  assert.deepEqual(petitionExample.letter, letterCampaign.letter);
  assert.deepEqual(petitionExample.sources, letterCampaign.sources);
  assert.deepEqual(petitionExample.signatories.slice(0, SIGNATORIES.length), letterCampaign.signatories);
  assert.equal(petitionExample.date, letterCampaign.date);
  assert.equal(petitionExample.initiator, letterCampaign.initiator);
});

test('the petition example says, in both languages, that it is an example', () => {
  assert.match(petitionExample.title.nl, /^Voorbeeld\b/);
  assert.match(petitionExample.title.en, /^Example\b/);
});

test('both demo campaigns pass open-letter validate', async () => {
  for (const name of ['brandbrief-samen-veilig.json', 'petition-example.json']) {
    // Rejects (exit code 1 or 2) when the campaign is not valid; needs `npm run build` first.
    const { stdout } = await promisify(execFile)(process.execPath, [
      `${root}bin/open-letter.js`,
      'validate',
      `${root}demo/campaigns/${name}`,
    ]);
    assert.match(stdout, /^OK /, name);
  }
});
