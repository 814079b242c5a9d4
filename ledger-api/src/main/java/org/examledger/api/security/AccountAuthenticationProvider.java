package org.examledger.api.security;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signs in local accounts ({@link Accounts}) with their BCrypt-hashed passwords.
 *
 * <p>BCrypt is deliberately slow (tens of milliseconds), and HTTP Basic sends the password with
 * every request. A password once verified is therefore remembered for {@code
 * ledger.security.credential-cache} as a salted SHA-256 (the salt is random per process and never
 * leaves memory), so that a station's client submitting hundreds of statements does not pay BCrypt
 * hundreds of times. When that time has passed, the account is read again: if its stored BCrypt
 * hash is still the one the remembered password was verified against (the password was not changed
 * or reset) and the account is still enabled, the same password is remembered for another period
 * without paying BCrypt again; the roles come from the fresh read. Every refusal says the same
 * thing, whether the name is unknown, the account disabled or the password wrong, and an unknown
 * name costs a BCrypt comparison too.
 */
final class AccountAuthenticationProvider implements AuthenticationProvider {

  private static final String REFUSED = "wrong username or password, or the account is disabled";

  private final Accounts accounts;
  private final PasswordEncoder encoder;
  private final long cacheNanos;
  private final byte[] salt = new byte[32];
  private final String unknownUserHash;
  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(byte[] digest, String hash, Account account, long until) {}

  AccountAuthenticationProvider(Accounts accounts, PasswordEncoder encoder, Duration cache) {
    this.accounts = accounts;
    this.encoder = encoder;
    this.cacheNanos = cache.toNanos();
    new SecureRandom().nextBytes(salt);
    this.unknownUserHash = encoder.encode("a password nobody has " + System.nanoTime());
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (username == null || !(credentials instanceof String password)) {
      throw new BadCredentialsException(REFUSED);
    }
    byte[] digest = digest(username, password);
    long now = System.nanoTime();
    Verified known = verified.get(username);
    if (known != null && now - known.until() < 0 && MessageDigest.isEqual(known.digest(), digest)) {
      return new CallerAuthentication(caller(known.account()));
    }
    Optional<String> hash = accounts.passwordHash(username);
    Optional<Account> account = accounts.find(username);
    // the same password, verified against this very hash before: it still matches
    boolean renewed =
        known != null
            && hash.isPresent()
            && known.hash().equals(hash.get())
            && MessageDigest.isEqual(known.digest(), digest);
    boolean matches =
        renewed || encoder.matches(CharBuffer.wrap(password), hash.orElse(unknownUserHash));
    if (!matches || account.isEmpty() || !account.get().enabled()) {
      verified.remove(username);
      throw new BadCredentialsException(REFUSED);
    }
    if (cacheNanos > 0) {
      verified.put(username, new Verified(digest, hash.get(), account.get(), now + cacheNanos));
    }
    return new CallerAuthentication(caller(account.get()));
  }

  private static LedgerCaller caller(Account account) {
    return new LedgerCaller(account.username(), account.actorId(), account.roles());
  }

  private byte[] digest(String username, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(username.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java SE runtime", e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
