// Type-level probe of the checked-in generated/: compiled with tsc --strict by
// test/types/generated-types.test.ts. Each line assigns a valid literal to an exported
// type; each @ts-expect-error line must fail to compile.
import type * as G from '../../../generated/index.js';
import { assertAdminInitiateAuthRequest, formatErrors, ValidationError, validateAdminInitiateAuthResponse } from '../../../generated/index.js';

const session: G.SessionType = 'AYABeEXAMPLEsessionToken0123456789';
const token: G.TokenModelType = 'eyJraWQiOiJleGFtcGxlIn0.e30.c2ln';
const challengeParameters: G.ChallengeParametersType = { USER_ID_FOR_SRP: 'alice', SECRET_HASH: 'h' };
const device: G.NewDeviceMetadataType = { DeviceKey: 'us-east-1_0f6c7b0c-1234', DeviceGroupKey: '-abcdef' };
const result: G.AuthenticationResultType = {
  AccessToken: token,
  ExpiresIn: 3600,
  TokenType: 'Bearer',
  RefreshToken: token,
  IdToken: token,
  NewDeviceMetadata: device,
};
export const adminInitiateAuthResponse: G.AdminInitiateAuthResponse = {
  ChallengeName: 'PASSWORD_VERIFIER',
  Session: session,
  ChallengeParameters: challengeParameters,
  AuthenticationResult: result,
};
const context: G.ContextDataType = {
  IpAddress: '192.0.2.1',
  ServerName: 'auth.example.com',
  ServerPath: '/login',
  HttpHeaders: [{ headerName: 'User-Agent', headerValue: 'probe' }],
  EncodedData: 'x',
};
export const adminInitiateAuthRequest: G.AdminInitiateAuthRequest = {
  UserPoolId: 'us-east-1_EXAMPLE',
  ClientId: '1example23456789',
  AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
  AuthParameters: { USERNAME: 'alice', PASSWORD: 'secret' },
  ClientMetadata: { source: 'probe' },
  AnalyticsMetadata: { AnalyticsEndpointId: 'endpoint' },
  ContextData: context,
};
export const initiateAuthRequest: G.InitiateAuthRequest = {
  AuthFlow: 'USER_SRP_AUTH',
  ClientId: '1example23456789',
  AuthParameters: { USERNAME: 'alice', SRP_A: 'abc' },
  UserContextData: { EncodedData: 'x' },
};
export const initiateAuthResponse: G.InitiateAuthResponse = { ChallengeName: 'SMS_MFA', Session: session };
export const respondRequest: G.RespondToAuthChallengeRequest = {
  ClientId: '1example23456789',
  ChallengeName: 'SMS_MFA',
  Session: session,
  ChallengeResponses: { USERNAME: 'alice', SMS_MFA_CODE: '123456' },
};
export const respondResponse: G.RespondToAuthChallengeResponse = { AuthenticationResult: result };
export const adminRespondRequest: G.AdminRespondToAuthChallengeRequest = {
  UserPoolId: 'us-east-1_EXAMPLE',
  ClientId: '1example23456789',
  ChallengeName: 'NEW_PASSWORD_REQUIRED',
  ChallengeResponses: { USERNAME: 'alice', NEW_PASSWORD: 'n3w' },
};
export const adminRespondResponse: G.AdminRespondToAuthChallengeResponse = { ChallengeName: 'MFA_SETUP', Session: session };

// @ts-expect-error: not one of the ten challenge names
export const wrongChallenge: G.AdminInitiateAuthResponse = { ChallengeName: 'NOPE' };
// @ts-expect-error: ChallengeParameters is a string map, not a string
export const wrongParameters: G.AdminInitiateAuthResponse = { ChallengeParameters: 'example-string' };
// @ts-expect-error: UserPoolId, ClientId and AuthFlow are required
export const missingRequired: G.AdminInitiateAuthRequest = { AuthFlow: 'USER_SRP_AUTH' };

// The validator is a type guard.
export function narrow(data: unknown): G.ChallengeNameType | undefined {
  if (validateAdminInitiateAuthResponse(data)) return data.ChallengeName;
  return undefined;
}

// assert<Type> narrows for the rest of the scope; ValidationError carries the problems.
export function clientIdOf(data: unknown): G.ClientIdType {
  try {
    assertAdminInitiateAuthRequest(data);
    return data.ClientId;
  } catch (error) {
    if (error instanceof ValidationError) throw new Error(formatErrors(error.errors));
    throw error;
  }
}

// @ts-expect-error: without a check, unknown data is not an AdminInitiateAuthRequest
export const unchecked: G.AdminInitiateAuthRequest = JSON.parse('{}') as unknown;
