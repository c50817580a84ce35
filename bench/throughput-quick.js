// Quick throughput check of AdminInitiateAuthResponse (ours vs ajv), for iterating on
// the generated code: node bench/throughput-quick.js <generated corpus dir>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXAMPLES_DIR, requireCorpus, rewriteCorpus } from './lib/corpus.js';
import { ADMIN_INITIATE_AUTH_RESPONSE_ID, createAjv } from './lib/ajv.js';

requireCorpus('bench/throughput-quick.js');
const outDir = process.argv[2];
const ours = (await import(pathToFileURL(join(outDir, 'index.js')).href)).validateAdminInitiateAuthResponse;
const schemas = rewriteCorpus({ refTo: (file) => file, idOf: (file) => file }).docs.map((d) => d.json);
const theirs = createAjv(schemas).getSchema(ADMIN_INITIATE_AUTH_RESPONSE_ID);
const instances = {
  valid: {
    ChallengeName: 'SMS_MFA',
    Session: 'AYABeC1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
    ChallengeParameters: { USERNAME: 'alice', CODE_DELIVERY_DESTINATION: '+*******1234' },
    AuthenticationResult: { AccessToken: 'eyJraWQiOiJ.access', ExpiresIn: 3600, TokenType: 'Bearer', IdToken: 'eyJraWQiOiJ.id' },
  },
  invalid: JSON.parse(readFileSync(join(EXAMPLES_DIR, 'user-pools-admin-initiate-auth-response-example.json'), 'utf8')),
};
for (const [kind, data] of Object.entries(instances)) {
  const rate = (v) => {
    const n = 400000;
    for (let i = 0; i < n / 4; i++) v(data);
    const t = performance.now();
    for (let i = 0; i < n; i++) v(data);
    return (n / (performance.now() - t)) * 1000;
  };
  const r = [];
  for (let k = 0; k < 5; k++) r.push([rate(ours), rate(theirs)]);
  const med = (i) => r.map((x) => x[i]).sort((a, b) => a - b)[2];
  console.log(`${kind}: ours ${Math.round(med(0))}/s, ajv ${Math.round(med(1))}/s, ratio ${(med(0) / med(1)).toFixed(2)}`);
}
