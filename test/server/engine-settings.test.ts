import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { checkQualityChiefs, engineConfigOf } from '../../src/server/engine-settings.ts';
import { realCatalog } from '../support/transcript.ts';

describe('quality chiefs from TRUST_QUALITY_CHIEFS against the calls', () => {
  it('a trust id no call knows stops start-up with the id and the known ones', () => {
    const config = loadConfig({
      TRUST_QUALITY_CHIEFS: JSON.stringify({ 'st-olavs': { chief: 'teams:aad-1' } }),
    });
    expect(() => checkQualityChiefs(config.trustQualityChiefs, realCatalog())).toThrow(
      /TRUST_QUALITY_CHIEFS: unknown trust id "st-olavs" \(known: st-olavs-hospital, /,
    );
  });

  it('names the trusts of a prioritising call that have no chief, for the start-up warning', () => {
    const config = loadConfig({
      TRUST_QUALITY_CHIEFS: JSON.stringify({ 'st-olavs-hospital': { chief: 'teams:aad-1' } }),
    });
    const { withoutChief } = checkQualityChiefs(config.trustQualityChiefs, realCatalog());
    expect(withoutChief).toContain('hemit');
    expect(withoutChief).not.toContain('st-olavs-hospital');
    expect(engineConfigOf(config).settings?.trustQualityChiefs?.['st-olavs-hospital']?.chief.userId).toBe(
      'aad-1',
    );
  });
});
