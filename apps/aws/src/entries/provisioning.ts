import { createDocumentClient, PlatformRepository, platformTableName } from '@sisi/data';
import { type BuildStateChangeEvent, recordBuildOutcome } from './provisioning-events.ts';
import { readTablePrefix } from './settings.ts';

let platform: PlatformRepository | undefined;

/**
 * The Lambda entry run by the EventBridge rule on the provisioning project's final build
 * states (`functions/api/src/aws/provisioning-lambda.ts`, export `handler`). An event rather
 * than the buildspec's last step: CodeBuild emits it also when the build times out, is
 * stopped or its container dies, when no step of the build runs any more.
 */
export const handler = async (event: BuildStateChangeEvent): Promise<void> => {
  platform ??= new PlatformRepository(
    createDocumentClient(),
    platformTableName(readTablePrefix(process.env)),
  );
  const outcome = await recordBuildOutcome(event, platform);
  console.log(JSON.stringify({ message: 'provisioning build ended', outcome: outcome ?? null }));
};
