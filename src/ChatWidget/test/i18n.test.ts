import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTranslator, LANGS, matchLang, pickLang } from '../src/i18n';
import en from '../src/i18n/en.json';
import nb from '../src/i18n/nb.json';
import ru from '../src/i18n/ru.json';

describe('language selection', () => {
  it('prefers the data-lang attribute over the browser', () => {
    assert.equal(pickLang('ru', ['nb-NO', 'en']), 'ru');
  });

  it('falls back to the first supported browser language', () => {
    assert.equal(pickLang(null, ['de-DE', 'nb-NO', 'en-US']), 'nb');
    assert.equal(pickLang('', ['ru-RU']), 'ru');
  });

  it('ignores an unsupported data-lang and uses the browser instead', () => {
    assert.equal(pickLang('fr', ['ru']), 'ru');
  });

  it('defaults to English when nothing matches', () => {
    assert.equal(pickLang(undefined, ['de', 'fr-CA']), 'en');
    assert.equal(pickLang(null, []), 'en');
  });

  it('reads Norwegian variants as Bokmål', () => {
    assert.equal(matchLang('no'), 'nb');
    assert.equal(matchLang('nn-NO'), 'nb');
    assert.equal(matchLang('NB_no'), 'nb');
    assert.equal(matchLang('sv'), null);
  });
});

describe('translations', () => {
  it('uses Russian plural forms for one, few and many', () => {
    const t = createTranslator('ru');
    assert.equal(t('points', { count: 1 }), '1 балл');
    assert.equal(t('points', { count: 3 }), '3 балла');
    assert.equal(t('points', { count: 5 }), '5 баллов');
    assert.equal(t('points', { count: 11 }), '11 баллов');
    assert.equal(t('points', { count: 21 }), '21 балл');
    assert.equal(t('points', { count: 22 }), '22 балла');
  });

  it('uses English singular and plural', () => {
    const t = createTranslator('en');
    assert.equal(t('points', { count: 1 }), '1 point');
    assert.equal(t('points', { count: 0 }), '0 points');
    assert.equal(t('toastPoints', { count: 5, reason: 'rating your chat' }), '+5 points for rating your chat');
  });

  it('formats numbers for the language', () => {
    assert.equal(createTranslator('en')('points', { count: 1250 }), '1,250 points');
    // Bokmål groups thousands with a (no-break) space.
    assert.match(createTranslator('nb')('points', { count: 1250 }), /^1\s250 poeng$/u);
  });

  it('fills named placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('en');
    assert.equal(t('tier', { name: 'Gold' }), 'Tier: Gold');
    assert.equal(t('tier'), 'Tier: {name}');
  });

  it('has the same keys in every language', () => {
    const keys = Object.keys(en).sort();
    assert.deepEqual(Object.keys(ru).sort(), keys);
    assert.deepEqual(Object.keys(nb).sort(), keys);
  });

  it('gives every plural message each category its language needs', () => {
    const resources: Record<string, Record<string, unknown>> = { en, ru, nb };
    for (const lang of LANGS) {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [key, value] of Object.entries(resources[lang])) {
        if (typeof value === 'string') continue;
        for (const category of categories) {
          assert.ok(category in (value as object), `${lang}.${key} lacks "${category}"`);
        }
      }
    }
  });
});
