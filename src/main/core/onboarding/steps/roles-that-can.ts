import { capabilities, type Capability } from '../../preflight/capabilities';
import { roleNames } from '../../preflight/directory-roles';

/** "A Global Administrator, Groups Administrator or User Administrator": who to ask, from the capability table. */
export function rolesThatCan(capability: Capability): string {
  const names = capabilities[capability].roles.map((id) => roleNames[id] ?? id);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : (names[0] ?? '');
  return `A ${list}`;
}
