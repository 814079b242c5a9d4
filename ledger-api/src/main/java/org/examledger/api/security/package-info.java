/**
 * Who may call the API and how much: local accounts and identity-provider tokens, the roles'
 * matrix, the rule for statements signed by someone else, and the size and rate limits
 * (docs/security.md).
 */
package org.examledger.api.security;
