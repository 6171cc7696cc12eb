// asl-validator ships no types; this is the part the tests use.
declare module 'asl-validator' {
  interface ValidationResult {
    isValid: boolean;
    errors: { message?: string }[];
    errorsText(separator?: string): string;
  }
  /** Both options must be given: a missing one counts as false. Writes into `definition`. */
  export default function aslValidator(
    definition: unknown,
    options?: { checkPaths: boolean; checkArn: boolean },
  ): ValidationResult;
}
