import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { networkTableName, platformTableName } from '@sisi/data';
import type { TestApi } from './api.ts';

/**
 * Sets a person's roles straight in the directory (platform table) and in their network's
 * table, as a role change does: for tests of what follows a change, not of the change.
 */
export async function setRolesInStore(
  api: TestApi,
  networkId: string,
  personId: string,
  roles: string[],
): Promise<void> {
  const update = (TableName: string, Key: Record<string, string>) =>
    api.local.doc.send(
      new UpdateCommand({
        TableName,
        Key,
        UpdateExpression: 'SET #roles = :roles',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: { ':roles': roles },
      }),
    );
  await update(platformTableName(api.prefix), { PK: `USER#${personId}`, SK: 'USER' });
  await update(networkTableName(api.prefix, networkId), {
    PK: `PERSON#${personId}`,
    SK: 'PERSON',
  });
}
