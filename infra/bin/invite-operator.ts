import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createDocumentClient, PlatformRepository, platformTableName } from '@sisi/data';
import { loadConfig } from '../src/config.ts';
import { names } from '../src/names.ts';

// The first operator of a fresh deployment. Everyone else is invited through the API; the
// operator cannot be, as nobody can sign in yet. This writes the operator into the directory
// as invited, with a single-use invitation (7 days, stored as its sha256 only, as the API
// does: ADR 0002), and prints the link. Accepting it in the SPA chooses the password, which
// creates the Cognito user through the API like any other invitation.
//
//   pnpm --filter @sisi/infra invite-operator --email ops@example.org --name "Platform operator"

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string', default: 'Platform operator' },
    config: { type: 'string', default: new URL('../sisi.config.json', import.meta.url).pathname },
  },
});
if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) {
  console.error('usage: invite-operator --email <address> [--name <name>] [--config <file>]');
  process.exit(2);
}
const config = loadConfig(values.config);
const platform = new PlatformRepository(createDocumentClient(), platformTableName(config.prefix));
if (await platform.anyUserWithRole('operator')) {
  console.error('an operator exists already: they invite the others');
  process.exit(1);
}
const { Parameter } = await new SSMClient({}).send(
  new GetParameterCommand({ Name: names(config.prefix).baseUrlParameter }),
);
if (!Parameter?.Value) throw new Error('the platform stack is not deployed (no base URL)');

const now = new Date();
const id = randomBytes(12).toString('base64url');
const token = randomBytes(32).toString('base64url');
const email = values.email.trim().toLowerCase();
await platform.transact([
  ...platform.createUserOps({
    id,
    email,
    name: values.name ?? 'Platform operator',
    roles: ['operator'],
    status: 'invited',
    createdAt: now.toISOString(),
  }),
  platform.createInvitationOp({
    tokenHash: createHash('sha256').update(token).digest('base64url'),
    userId: id,
    email,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
  }),
]);
console.log(
  `Invitation for ${email} (valid 7 days, once):\n${Parameter.Value}/invitations/${token}`,
);
