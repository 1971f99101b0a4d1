// Node's native SHA-1 for the customer identity (core's pure-JS digest stays the default elsewhere, as
// Apps Script needs it). Importing this module installs it. crypto.hash (Node ≥ 20.12) skips the Hash
// object; createHash covers older 20.x. Both hash a string as UTF-8 with lone surrogates as U+FFFD, as core does.
import * as nodeCrypto from 'node:crypto';
import { useSha1Hex } from '../../src/core/identity';

const oneShot = (nodeCrypto as { hash?: (algorithm: string, data: string) => string }).hash;

export const nodeSha1Hex = oneShot
  ? (s: string) => oneShot('sha1', s)
  : (s: string) => nodeCrypto.createHash('sha1').update(s, 'utf8').digest('hex');

useSha1Hex(nodeSha1Hex);
