package org.examledger.api.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code ./ledger user add|disable|list}: the local accounts, against the configured database (on
 * the embedded database run it while the service is stopped: the H2 file is locked by a running
 * service).
 *
 * <pre>
 *   ./ledger user add NAME --role ROLE[,ROLE...] [--actor ACTOR] [--password-file FILE]
 *   ./ledger user disable NAME
 *   ./ledger user list
 * </pre>
 *
 * The password never comes from the command line (shell history, process list): from {@code
 * --password-file}, else from standard input when it is not a terminal, else typed twice at the
 * console.
 */
public final class UserCommand {

  static final String USAGE =
      "usage: ledger user add NAME --role ROLE[,ROLE...] [--actor ACTOR] [--password-file FILE]\n"
          + "       ledger user disable NAME\n"
          + "       ledger user list\n"
          + "roles: "
          + Arrays.toString(AccountRole.values());

  private UserCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /**
   * @return 0 when done, 2 for bad input (nothing changed)
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    List<String> mine = new ArrayList<>();
    List<String> springArgs = new ArrayList<>();
    String role = null;
    String actor = null;
    Path passwordFile = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      boolean valued = a.equals("--role") || a.equals("--actor") || a.equals("--password-file");
      if (valued && i + 1 >= args.length) {
        err.println("ledger user: " + a + " needs a value");
        return 2;
      }
      switch (a) {
        case "--role" -> role = args[++i];
        case "--actor" -> actor = args[++i];
        case "--password-file" -> passwordFile = Path.of(args[++i]);
        default -> {
          if (a.startsWith("--")) {
            springArgs.add(a);
          } else {
            mine.add(a);
          }
        }
      }
    }
    if (mine.isEmpty()) {
      err.println(USAGE);
      return 2;
    }
    String verb = mine.get(0);
    try {
      switch (verb) {
        case "add" -> {
          if (mine.size() != 2 || role == null) {
            throw new IllegalArgumentException("add needs NAME and --role\n" + USAGE);
          }
          Set<AccountRole> roles = Accounts.parseRoles(role);
          char[] password = password(passwordFile, in);
          String actorId = actor;
          withAccounts(
              springArgs,
              accounts -> {
                Account account = accounts.add(mine.get(1), password, roles, actorId);
                Arrays.fill(password, '\0');
                out.println(
                    "ledger user: added "
                        + account.username()
                        + " (actor "
                        + account.actorId()
                        + ", roles "
                        + account.roles().stream().sorted().toList()
                        + ")");
              });
        }
        case "disable" -> {
          if (mine.size() != 2) {
            throw new IllegalArgumentException("disable needs NAME\n" + USAGE);
          }
          withAccounts(
              springArgs,
              accounts -> {
                accounts.disable(mine.get(1));
                out.println("ledger user: disabled " + mine.get(1));
              });
        }
        case "list" -> {
          if (mine.size() != 1) {
            throw new IllegalArgumentException("list takes no NAME\n" + USAGE);
          }
          withAccounts(
              springArgs,
              accounts -> {
                out.printf("%-24s %-24s %-8s %s%n", "USERNAME", "ACTOR", "ENABLED", "ROLES");
                for (Account a : accounts.list()) {
                  out.printf(
                      "%-24s %-24s %-8s %s%n",
                      a.username(),
                      a.actorId(),
                      a.enabled() ? "yes" : "no",
                      String.join(",", a.roles().stream().sorted().map(Enum::name).toList()));
                }
              });
        }
        default -> throw new IllegalArgumentException("unknown command '" + verb + "'\n" + USAGE);
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("ledger user: " + e.getMessage());
      return 2;
    }
  }

  private interface AccountWork {
    void run(Accounts accounts);
  }

  /**
   * Only what the accounts need: the configured database, its migrations, the password encoder. Not
   * the ledger itself (no Axon, no processors, no scheduler), so the command is quick and cannot
   * append anything. Deliberately not a {@code @Configuration}: the service's component scan must
   * not find it.
   */
  @ImportAutoConfiguration({
    DataSourceAutoConfiguration.class,
    FlywayAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class
  })
  @EnableConfigurationProperties(SecurityProperties.class)
  static class AccountsOnly {

    @Bean
    Accounts accounts(JdbcTemplate jdbc, SecurityProperties properties) {
      return new Accounts(
          jdbc, new BCryptPasswordEncoder(properties.bcryptStrength()), Clock.systemUTC());
    }
  }

  private static void withAccounts(List<String> springArgs, AccountWork work) {
    SpringApplication app = new SpringApplication(AccountsOnly.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setBannerMode(Banner.Mode.OFF);
    List<String> all = new ArrayList<>(springArgs);
    all.add("--logging.level.root=WARN");
    try (ConfigurableApplicationContext context = app.run(all.toArray(String[]::new))) {
      work.run(context.getBean(Accounts.class));
    }
  }

  private static char[] password(Path file, InputStream in) {
    try {
      if (file != null) {
        return firstLine(Files.readString(file, StandardCharsets.UTF_8));
      }
      Console console = System.console();
      if (console == null) {
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null) {
          throw new IllegalArgumentException(
              "no password: give --password-file FILE or the password on standard input");
        }
        return line.toCharArray();
      }
      char[] first = console.readPassword("password: ");
      char[] again = console.readPassword("again: ");
      if (first == null || !Arrays.equals(first, again)) {
        throw new IllegalArgumentException("the two passwords differ");
      }
      return first;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the password: " + e.getMessage());
    }
  }

  private static char[] firstLine(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.toCharArray();
  }
}
