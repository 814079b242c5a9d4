package org.examledger.api.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The accounts in table {@code ledger_account}: added, disabled and listed by {@code ./ledger user}
 * (and by the demo for its published demo accounts). Passwords are kept only as BCrypt hashes.
 * Accounts are never deleted, so that every submitter recorded in the ledger stays known.
 */
public class Accounts {

  /** Login names: lower case letters, digits, dot, dash, underscore; at most 64. */
  static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** Actor ids as admission accepts them in statements. */
  static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** The shortest password accepted. */
  public static final int MIN_PASSWORD_LENGTH = 12;

  private final JdbcTemplate jdbc;
  private final PasswordEncoder encoder;
  private final Clock clock;

  public Accounts(JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    this.clock = clock;
  }

  /**
   * Adds an enabled account.
   *
   * @throws IllegalArgumentException for a bad name, actor, password or empty role set, or when the
   *     name is taken (disabled accounts keep their name)
   */
  public Account add(String username, char[] password, Set<AccountRole> roles, String actorId) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "username must be 1-64 characters of a-z, 0-9, '.', '-', '_' (starting with a letter or"
              + " digit): '"
              + username
              + "'");
    }
    String actor = actorId == null ? username : actorId;
    if (!ACTOR.matcher(actor).matches()) {
      throw new IllegalArgumentException(
          "actor must be 1-64 characters of A-Z, a-z, 0-9, '.', '-', '_': '" + actor + "'");
    }
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException(
          "an account needs at least one role of " + Arrays.toString(AccountRole.values()));
    }
    if (password == null || password.length < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "the password must be at least " + MIN_PASSWORD_LENGTH + " characters long");
    }
    if (find(username).isPresent()) {
      throw new IllegalArgumentException("an account '" + username + "' already exists");
    }
    jdbc.update(
        "INSERT INTO ledger_account (username, password_hash, roles, actor_id, enabled, created_at)"
            + " VALUES (?, ?, ?, ?, TRUE, ?)",
        username,
        encoder.encode(java.nio.CharBuffer.wrap(password)),
        roles.stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
        actor,
        Timestamp.from(clock.instant()));
    return new Account(username, actor, roles, true);
  }

  /**
   * Disables an account: it cannot sign in any more (within the credential cache's lifetime on
   * other nodes, see docs/security.md).
   *
   * @throws IllegalArgumentException when there is no such account
   */
  public void disable(String username) {
    int updated =
        jdbc.update(
            "UPDATE ledger_account SET enabled = FALSE, disabled_at = ? WHERE username = ?"
                + " AND enabled = TRUE",
            Timestamp.from(clock.instant()),
            username);
    if (updated == 0 && find(username).isEmpty()) {
      throw new IllegalArgumentException("no account '" + username + "'");
    }
  }

  public Optional<Account> find(String username) {
    return jdbc
        .query(
            "SELECT username, actor_id, roles, enabled FROM ledger_account WHERE username = ?",
            Accounts::account,
            username)
        .stream()
        .findFirst();
  }

  /** The stored BCrypt hash of an enabled or disabled account. */
  Optional<String> passwordHash(String username) {
    return jdbc
        .queryForList(
            "SELECT password_hash FROM ledger_account WHERE username = ?", String.class, username)
        .stream()
        .findFirst();
  }

  public List<Account> list() {
    return jdbc.query(
        "SELECT username, actor_id, roles, enabled FROM ledger_account ORDER BY username",
        Accounts::account);
  }

  public boolean isEmpty() {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_account", Integer.class);
    return n == null || n == 0;
  }

  /** Parses "EXAMINER,PROCTOR" (case-insensitive), naming a wrong role. */
  public static Set<AccountRole> parseRoles(String text) {
    Set<AccountRole> roles = EnumSet.noneOf(AccountRole.class);
    for (String part : text.split(",")) {
      String name = part.trim();
      if (name.isEmpty()) {
        continue;
      }
      try {
        roles.add(AccountRole.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown role '" + name + "'; roles are " + Arrays.toString(AccountRole.values()));
      }
    }
    return roles;
  }

  private static Account account(ResultSet rs, int row) throws SQLException {
    return new Account(
        rs.getString("username"),
        rs.getString("actor_id"),
        parseRoles(rs.getString("roles")),
        rs.getBoolean("enabled"));
  }
}
