import { Injectable } from '@nestjs/common';
import { parseClientId, parseTokenString, secretMatches } from '@leadgate/auth-core';
import { CredentialDocument } from '@identity/credentials/credential.schema';
import { CredentialsRepository } from '@identity/credentials/credentials.repository';
import { ClientCredentialsPresented, invalidClient } from './client-authentication';

/**
 * Checks a client id and secret: well-formed with a valid checksum (refused before any lookup),
 * the same public id in both, the stored hash matching in constant time, and the credential
 * enabled. Every failure is the same `invalid_client`, so a caller learns nothing about which part
 * was wrong.
 */
@Injectable()
export class ClientAuthenticator {
  constructor(private readonly credentials: CredentialsRepository) {}

  async authenticate(presented: ClientCredentialsPresented): Promise<CredentialDocument> {
    const publicId = parseClientId(presented.clientId);
    const secret = parseTokenString(presented.clientSecret);
    if (!publicId || !secret.ok || secret.kind !== 'client_secret' || secret.publicId !== publicId) {
      throw invalidClient(presented.viaBasic);
    }
    const credential = await this.credentials.findByClientId(presented.clientId);
    if (!credential || !secretMatches(secret.secret, credential.secret_sha256) || !credential.enabled) {
      throw invalidClient(presented.viaBasic);
    }
    return credential;
  }
}
