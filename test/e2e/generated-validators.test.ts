import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { itCorpus } from '../helpers/corpus.js';
import { CORPUS, REPO_ROOT } from '../helpers/paths.js';

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; schemaPath: string }[] | null };
interface GeneratedIndex {
  validateAdminInitiateAuthResponse: Validator;
  assertAdminInitiateAuthResponse: (data: unknown) => void;
  formatErrors: (errors: unknown) => string;
  ValidationError: new (...args: never[]) => Error;
}

// The checked-in output, loaded as plain ES modules (as users import it).
const generated = (await import(pathToFileURL(join(REPO_ROOT, 'generated', 'index.js')).href)) as GeneratedIndex;
const validate = generated.validateAdminInitiateAuthResponse;

describe('validateAdminInitiateAuthResponse (checked-in generated/)', () => {
  it('accepts a real-shaped response', () => {
    const response = { ChallengeName: 'PASSWORD_VERIFIER', Session: 'a'.repeat(24), ChallengeParameters: { USER_ID_FOR_SRP: 'u' } };
    expect(validate(response)).toBe(true);
    expect(validate.errors).toBeNull();
  });

  it('rejects an unknown challenge name with an error at /ChallengeName', () => {
    expect(validate({ ChallengeName: 'NOPE' })).toBe(false);
    expect(validate.errors).toEqual([expect.objectContaining({ instancePath: '/ChallengeName', keyword: 'enum', schemaPath: 'schemas/challenge-name-type.json#/enum' })]);
  });

  itCorpus('rejects the corpus example (placeholder strings) and says why for each property', () => {
    const example = JSON.parse(readFileSync(join(CORPUS, 'examples', 'user-pools-admin-initiate-auth-response-example.json'), 'utf8'));
    expect(validate(example)).toBe(false);
    const message = generated.formatErrors(validate.errors);
    expect(message).toContain('/ChallengeParameters: must be object (schema schemas/challenge-parameters-type.json#/type)');
    expect(message).toContain('/Session: must NOT have fewer than 20 characters');
    expect(message).toContain('/ChallengeName: must be equal to one of the allowed values: "SMS_MFA"');
  });

  it('checks nested referenced schemas through their own validators', () => {
    const response = { AuthenticationResult: { ExpiresIn: 'soon', NewDeviceMetadata: { DeviceKey: '' } } };
    expect(validate(response)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath).sort()).toEqual([
      '/AuthenticationResult/ExpiresIn',
      '/AuthenticationResult/NewDeviceMetadata/DeviceKey',
      '/AuthenticationResult/NewDeviceMetadata/DeviceKey',
    ]);
  });

  it('assert throws a ValidationError listing every problem', () => {
    expect(() => generated.assertAdminInitiateAuthResponse({ ChallengeName: 'NOPE', Session: 1 })).toThrow(generated.ValidationError);
    expect(() => generated.assertAdminInitiateAuthResponse({ ChallengeName: 'NOPE', Session: 1 })).toThrow(
      /not a valid AdminInitiateAuthResponse \(2 problems\):\n\/ChallengeName: .*\n\/Session: must be string/,
    );
  });
});
