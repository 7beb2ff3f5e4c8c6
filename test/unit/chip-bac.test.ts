// ICAO Doc 9303 part 11, appendix D.2–D.4 (worked example of BAC and secure messaging), byte for
// byte, for the reader (src/main/chip) and the test card (test/helpers/virtual-card) alike: the two
// are written by the same hands, so each must agree with the standard, not only with the other.
import { describe, expect, it } from 'vitest';
import { encodeCommand } from '../../src/shared/chip/apdu';
import { mrzCheckDigit, mrzInformation } from '../../src/shared/chip/bac-key';
import { fromHex, toHex } from '../../src/shared/chip/bytes';
import { adjustParity, deriveKey, keySeed, retailMac } from '../../src/main/chip/bac-crypto';
import { bacKeysFor, sessionFromAnswer, terminalCryptogram } from '../../src/main/chip/bac';
import { SecureChannel } from '../../src/main/chip/secure-messaging';
import { answerMutualAuthenticate, CardChannel } from '../helpers/virtual-card/card-sm';

const KEY = { documentNumber: 'L898902C<', birth: '690806', expiry: '940623' };
const MRZ_INFORMATION = 'L898902C<369080619406236';
const K_SEED = '239AB9CB282DAF66231DC5A4DF6BFBAE';
const K_ENC = 'AB94FDECF2674FDFB9B391F85D7F76F2';
const K_MAC = '7962D9ECE03D1ACD4C76089DCE131543';
const RND_IC = fromHex('4608F91988702212');
const RND_IFD = fromHex('781723860C06C226');
const K_IFD = fromHex('0B795240CB7049B01C19B33E32804F0B');
const K_IC = fromHex('0B4F80323EB3191CB04970CB4052790B');
const CMD_DATA = '72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7';
const RESP_DATA = '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449';
const KS_ENC = '979EC13B1CBFE9DCD01AB0FED307EAE5';
const KS_MAC = 'F1CB1F1FB5ADF208806B89DC579DC1F8';
const SSC = '887022120C06C226';
const SESSION = { ksEnc: fromHex(KS_ENC), ksMac: fromHex(KS_MAC), ssc: fromHex(SSC) };

// D.4: SELECT EF.COM, READ BINARY of its first 4 bytes, then of the remaining 18.
const EXCHANGES = [
  {
    plain: { cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: fromHex('011E') },
    protectedCommand: '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800',
    plainResponse: { data: '', sw: 0x9000 },
    protectedResponse: '990290008E08FA855A5D4C50A8ED9000',
  },
  {
    plain: { cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x00, le: 4 },
    protectedCommand: '0CB000000D9701048E08ED6705417E96BA5500',
    plainResponse: { data: '60145F01', sw: 0x9000 },
    protectedResponse: '8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000',
  },
  {
    plain: { cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x04, le: 0x12 },
    protectedCommand: '0CB000040D9701128E082EA28A70F3C7B53500',
    plainResponse: { data: '04303130365F36063034303030305C026175', sw: 0x9000 },
    protectedResponse: '871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000',
  },
];

describe('BAC key derivation (ICAO 9303-11 D.2)', () => {
  it('builds the MRZ information with its check digits', () => {
    expect(mrzCheckDigit('L898902C<')).toBe('3');
    expect(mrzCheckDigit('690806')).toBe('1');
    expect(mrzCheckDigit('940623')).toBe('6');
    expect(mrzInformation(KEY)).toBe(MRZ_INFORMATION);
  });

  it('derives Kseed, Kenc and Kmac', () => {
    expect(toHex(keySeed(MRZ_INFORMATION))).toBe(K_SEED);
    expect(toHex(deriveKey(fromHex(K_SEED), 1))).toBe(K_ENC);
    expect(toHex(deriveKey(fromHex(K_SEED), 2))).toBe(K_MAC);
    const keys = bacKeysFor(KEY);
    expect([toHex(keys.kEnc), toHex(keys.kMac)]).toEqual([K_ENC, K_MAC]);
  });

  it('adjusts DES parity as the example does', () => {
    expect(toHex(adjustParity(fromHex('AB94FCEDF2664EDFB9B291F85D7F77F2')))).toBe(K_ENC);
  });
});

describe('mutual authentication (ICAO 9303-11 D.3)', () => {
  const keys = bacKeysFor(KEY);

  it('the reader sends the example cryptogram and MAC', () => {
    expect(toHex(retailMac(keys.kMac, fromHex(CMD_DATA.slice(0, 64))))).toBe('5F1448EEA8AD90A7');
    expect(toHex(terminalCryptogram(keys, RND_IC, RND_IFD, K_IFD))).toBe(CMD_DATA);
  });

  it('the card answers with the example response and both derive the same session', () => {
    const card = answerMutualAuthenticate(keys, RND_IC, fromHex(CMD_DATA), K_IC);
    expect(card).not.toBeNull();
    expect(toHex(card!.answer)).toBe(RESP_DATA);
    const reader = sessionFromAnswer(keys, fromHex(RESP_DATA), RND_IC, RND_IFD, K_IFD);
    for (const session of [reader!, card!.session]) {
      expect(toHex(session.ksEnc)).toBe(KS_ENC);
      expect(toHex(session.ksMac)).toBe(KS_MAC);
      expect(toHex(session.ssc)).toBe(SSC);
    }
  });

  it('a wrong key is refused on either side', () => {
    const wrong = bacKeysFor({ ...KEY, expiry: '940624' });
    expect(answerMutualAuthenticate(keys, RND_IC, terminalCryptogram(wrong, RND_IC, RND_IFD, K_IFD), K_IC)).toBeNull();
    expect(sessionFromAnswer(wrong, fromHex(RESP_DATA), RND_IC, RND_IFD, K_IFD)).toBeNull();
  });
});

describe('secure messaging (ICAO 9303-11 D.4)', () => {
  it('the reader protects each command and reads each protected response', () => {
    const reader = new SecureChannel(SESSION);
    for (const e of EXCHANGES) {
      expect(toHex(reader.wrap(e.plain))).toBe(e.protectedCommand);
      const response = reader.unwrap(fromHex(e.protectedResponse));
      expect({ data: toHex(response.data), sw: response.sw }).toEqual(e.plainResponse);
    }
    expect(toHex(reader.counter)).toBe('887022120C06C22C');
  });

  it('the card reads each protected command and protects each response', () => {
    const card = new CardChannel(SESSION);
    for (const e of EXCHANGES) {
      const command = card.unwrapCommand(fromHex(e.protectedCommand));
      expect(command).not.toBeNull();
      expect(toHex(encodeCommand(command!))).toBe(toHex(encodeCommand(e.plain)));
      expect(toHex(card.wrapResponse(fromHex(e.plainResponse.data), e.plainResponse.sw))).toBe(e.protectedResponse);
    }
    expect(toHex(card.counter)).toBe('887022120C06C22C');
  });

  it('a changed byte breaks the MAC on either side', () => {
    const reader = new SecureChannel(SESSION);
    reader.wrap(EXCHANGES[0]!.plain);
    const tampered = fromHex(EXCHANGES[0]!.protectedResponse);
    tampered[2] = tampered[2]! ^ 1;
    expect(() => reader.unwrap(tampered)).toThrow('chip.smBroken');
    const card = new CardChannel(SESSION);
    const command = fromHex(EXCHANGES[0]!.protectedCommand);
    command[8] = command[8]! ^ 1;
    expect(card.unwrapCommand(command)).toBeNull();
  });
});
