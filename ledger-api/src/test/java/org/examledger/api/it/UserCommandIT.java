package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.examledger.api.security.UserCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./ledger user add|disable|list} against the embedded database, then the service signing
 * those accounts in: an added account works, a disabled one does not, bad input changes nothing.
 */
class UserCommandIT {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run user(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--ledger.data-dir=" + dir.resolve("data"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    int code =
        UserCommand.run(
            all.toArray(String[]::new),
            in,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void addListDisableAndSignIn() throws Exception {
    Path password = Files.writeString(dir.resolve("pw"), "correct horse battery\n");
    Run added =
        user(
            "",
            "add",
            "li.wei",
            "--role",
            "auditor,supervisor",
            "--actor",
            "supervisor-03",
            "--password-file",
            password.toString());
    assertThat(added.code()).as(added.err()).isZero();
    assertThat(added.out())
        .contains("added li.wei (actor supervisor-03, roles [AUDITOR, SUPERVISOR])");
    Run fromStdin = user("another long password\n", "add", "zhang.min", "--role", "EXAMINER");
    assertThat(fromStdin.code()).as(fromStdin.err()).isZero();

    // bad input: exit 2, one line, nothing changed
    assertThat(user("short\n", "add", "wang.fang", "--role", "EXAMINER").err())
        .contains("at least 12 characters");
    assertThat(
            user("", "add", "li.wei", "--role", "EXAMINER", "--password-file", password.toString())
                .err())
        .contains("an account 'li.wei' already exists");
    Run badRole = user("", "add", "x", "--role", "JANITOR", "--password-file", password.toString());
    assertThat(badRole.code()).isEqualTo(2);
    assertThat(badRole.err()).contains("unknown role 'JANITOR'");
    assertThat(
            user("", "add", "Bad Name", "--role", "AUDITOR", "--password-file", password.toString())
                .code())
        .isEqualTo(2);
    assertThat(user("", "disable", "nobody").err()).contains("no account 'nobody'");
    assertThat(user("", "frobnicate").code()).isEqualTo(2);

    Run list = user("", "list");
    assertThat(list.code()).isZero();
    assertThat(list.out().lines().skip(1).toList())
        .hasSize(2)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("li.wei")
                    .contains("supervisor-03")
                    .contains("yes")
                    .contains("AUDITOR,SUPERVISOR"))
        .anySatisfy(l -> assertThat(l).startsWith("zhang.min").contains("EXAMINER"));

    assertThat(user("", "disable", "zhang.min").code()).isZero();
    assertThat(user("", "list").out()).containsPattern("zhang.min\\s+zhang.min\\s+no");

    try (LedgerNode node =
        LedgerNode.start(Map.of("ledger.data-dir", dir.resolve("data").toString()))) {
      LedgerNode.Client li =
          node.withAuthorization(LedgerNode.basic("li.wei", "correct horse battery"));
      assertThat(li.get("/api/v1/flags").status()).isEqualTo(200);
      LedgerNode.Client zhang =
          node.withAuthorization(LedgerNode.basic("zhang.min", "another long password"));
      assertThat(zhang.get("/api/v1/log/key").status()).isEqualTo(401);
    }
  }
}
