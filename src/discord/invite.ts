import { OAuth2Scopes, PermissionsBitField } from 'discord.js';
import { REQUIRED_PERMISSIONS } from './permissions.js';

/** The OAuth2 scopes Skim needs: a bot user, and slash and context-menu commands. */
export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

/** The link that adds Skim to a server with its scopes and the minimal permissions it uses. */
export function inviteUrl(clientId: string): string {
  const url = new URL('https://discord.com/oauth2/authorize');
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('scope', INVITE_SCOPES.join(' '));
  url.searchParams.set('permissions', REQUIRED_PERMISSIONS.toString());
  return url.href;
}

/** The permission names in the invite, for logs and docs. */
export function invitePermissionNames(): string[] {
  return new PermissionsBitField(REQUIRED_PERMISSIONS).toArray();
}
