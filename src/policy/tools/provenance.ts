import { KeylessError } from '../../errors.js';
import type { VerifiedSignature } from '../sigstore/verify.js';
import type { ToolSpec } from './types.js';

const SLSA_V1 = 'https://slsa.dev/provenance/v1';

/**
 * For a SLSA v1 provenance attestation, what it says about the build must agree with the policy: the
 * builder (`builder`) and the source repository (`source-repository`). The certificate vouches for who
 * signed; the predicate says what was built from where.
 */
export function checkProvenance(tool: ToolSpec, signature: VerifiedSignature): void {
  if (signature.predicateType !== SLSA_V1) {
    if (tool.builder) throw new KeylessError('TOOL_UNVERIFIED', `the attestation is ${signature.predicateType ?? 'not in-toto'}, not SLSA v1 provenance, so it names no builder`);
    return;
  }
  // A statement may name the type and carry no predicate (or not an object): it then names nothing.
  const predicate = (typeof signature.predicate === 'object' && signature.predicate !== null ? signature.predicate : {}) as {
    runDetails?: { builder?: { id?: string } };
    buildDefinition?: { externalParameters?: { workflow?: { repository?: string } } };
  };
  const builder = predicate.runDetails?.builder?.id;
  const repository = predicate.buildDefinition?.externalParameters?.workflow?.repository;
  const wrong: string[] = [];
  if (tool.builder && builder !== tool.builder) wrong.push(`builder is ${JSON.stringify(builder)}, policy wants ${JSON.stringify(tool.builder)}`);
  const wanted = tool.extensions['source-repository'];
  if (wanted && repository !== wanted) wrong.push(`source repository is ${JSON.stringify(repository)}, policy wants ${JSON.stringify(wanted)}`);
  if (wrong.length > 0) throw new KeylessError('TOOL_UNVERIFIED', `the SLSA provenance does not meet the policy: ${wrong.join('; ')}`);
}
