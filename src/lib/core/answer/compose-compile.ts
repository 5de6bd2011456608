/**
 * Compiles a Compose schema with ajv at run time. For Node-side tests and tools only: the app uses the
 * validator generated ahead of time (compose-validator.gen.js), since its CSP forbids eval.
 */
import Ajv from 'ajv';
import type { ComposeValidator } from './config';
import { describeErrors, prepareSchema } from './compose-schema';

/** Builds a Compose validator from a schema object (the package's, or another in tests). */
export async function makeComposeValidator(schema: unknown): Promise<ComposeValidator> {
	const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
	const validate = ajv.compile(prepareSchema(schema) as object);
	return (doc) => (validate(doc) ? [] : describeErrors(validate.errors ?? []));
}
