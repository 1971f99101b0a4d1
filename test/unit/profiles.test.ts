import { addressIdentifier } from '../../src/core/identity';
import { profileAddressId } from '../../src/core/profiles';

describe('profileAddressId', () => {
  const addr = 'Jl. Merdeka 1, Bandung';
  const hex = addressIdentifier(addr);

  it('takes a written identifier lower-cased, before the address', () => {
    expect(profileAddressId(hex.toUpperCase(), 'somewhere else')).toEqual({ id: hex });
  });
  it('computes it from address_full when the seller left it blank (a row added by hand)', () => {
    expect(profileAddressId('', `  ${addr} `)).toEqual({ id: hex });
  });
  it('refuses an identifier that is not 40 hex digits, and a row with neither', () => {
    expect(profileAddressId(hex.slice(1), addr)).toEqual({ error: 'invalid' });
    expect(profileAddressId(`${hex}0`, addr)).toEqual({ error: 'invalid' });
    expect(profileAddressId('', '   ')).toEqual({ error: 'missing' });
  });
});
