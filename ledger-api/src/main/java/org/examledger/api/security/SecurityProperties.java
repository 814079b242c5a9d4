package org.examledger.api.security;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and submission rules, under {@code ledger.security.*} (docs/security.md).
 *
 * @param bcryptStrength BCrypt's cost for new passwords (log2 rounds)
 * @param credentialCache how long a verified password is remembered in memory, so that a client
 *     sending Basic credentials on every request does not pay BCrypt on every request; 0 turns it
 *     off. Also how long a disabled account may still be accepted by a node that verified it.
 * @param transcription who may submit a statement signed by someone else, and of which types
 * @param jwt how an identity provider's bearer tokens map to callers
 */
@ConfigurationProperties("ledger.security")
public record SecurityProperties(
    @DefaultValue("10") int bcryptStrength,
    @DefaultValue("60s") Duration credentialCache,
    @DefaultValue Transcription transcription,
    @DefaultValue Jwt jwt) {

  /**
   * The explicit rule for statements whose signer is not the caller: a clerk transcribing paper.
   *
   * @param roles the roles allowed to submit others' statements
   * @param types the statement types they may submit for others
   */
  public record Transcription(
      @DefaultValue("CLERK") Set<AccountRole> roles,
      @DefaultValue({
            "exam.candidate.register/v1",
            "exam.score.record/v1",
            "exam.score.countersign/v1",
            "exam.identity.check/v1",
            "exam.proctor.notice-read/v1",
            "exam.proctor.prohibited-items/v1",
            "exam.incident.record/v1"
          })
          Set<String> types) {

    public Transcription {
      roles = Set.copyOf(roles);
      types = Set.copyOf(types);
    }
  }

  /**
   * @param rolesClaim the claim holding the caller's roles (a list, or a space- or comma-separated
   *     string); values are {@link AccountRole} names, case-insensitive, optionally prefixed
   * @param rolePrefix a prefix stripped from role values (e.g. "ledger_")
   * @param actorClaim the claim naming the ledger actor; "sub" by default
   */
  public record Jwt(
      @DefaultValue("roles") String rolesClaim,
      @DefaultValue("") String rolePrefix,
      @DefaultValue("sub") String actorClaim) {}
}
