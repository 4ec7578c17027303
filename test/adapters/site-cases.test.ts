// Each adapter carries its own test cases (test/fixtures/<site>/cases.json): saved page and/or
// captured responses → expected fields, provenance and conflict alternatives.
import { describe, expect, it } from 'vitest';
import { analyzePage } from '../../utils/adapters/index';
import { caseContext, expectValidListing, loadCases, SITE_DIRS } from './helpers';

for (const site of SITE_DIRS) {
  const file = loadCases(site);
  describe(`${file.adapter} fixtures`, () => {
    for (const c of file.cases) {
      it(c.name, () => {
        const ctx = caseContext(site, c);
        const result = analyzePage(ctx, { allowGeneric: c.generic });
        expect(result.kind).toBe(c.expect.kind);
        if (result.kind === 'listing') {
          expect(result.adapter.id).toBe(file.adapter);
          const listing = expectValidListing(result.listing);
          expect(listing).toMatchObject(c.expect.fields ?? {});
          for (const [field, source] of Object.entries(c.expect.provenance ?? {})) {
            expect(listing.provenance[field as keyof typeof listing.provenance]?.source, `provenance.${field}`).toBe(source);
          }
          for (const [field, alts] of Object.entries(c.expect.alternatives ?? {})) {
            expect(listing.provenance[field as keyof typeof listing.provenance]?.alternatives).toEqual(
              expect.arrayContaining(alts.map((a) => expect.objectContaining(a))),
            );
          }
          for (const field of c.expect.absent ?? []) expect(listing, field).not.toHaveProperty(field);
          const json = JSON.stringify(listing);
          for (const text of c.expect.absentText ?? []) expect(json).not.toContain(text);
        } else if (result.kind === 'search') {
          expect(result.adapter.id).toBe(file.adapter);
          expect(result.cards).toHaveLength(c.expect.count!);
          c.expect.cards!.forEach((card, i) => expect(result.cards[i]).toMatchObject(card));
          for (const card of result.cards) {
            // without HTML every card comes from the observed responses, which have no element
            if (c.html) expect(card.element).toBeDefined();
            else expect(card.element).toBeUndefined();
            expect(card.url).toMatch(/^https:\/\//);
            expect(card.url).not.toMatch(/[?&](utm_|spm=|sp_atk=|xptdk=|ref=|itm_|source=|clickTrackInfo=)/);
          }
        }
      });
    }
  });
}
