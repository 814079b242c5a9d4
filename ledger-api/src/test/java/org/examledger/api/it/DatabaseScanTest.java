package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The scanner that DemoIT trusts must find a number wherever and however it was stored. */
class DatabaseScanTest {

  private static final String NUMBER = "11010519491231002X";
  private static final String OTHER = "440304199001011233";

  private final DatabaseScan scan = new DatabaseScan(List.of(NUMBER, OTHER, "DEMO-C-2026-0001"));

  @Test
  void findsANumberStoredAsTextBlobBase64OrFormatted() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:scan-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA projections");
      s.execute("CREATE TABLE clean (id INT, note VARCHAR(200), payload BLOB)");
      s.execute("CREATE TABLE projections.leaky (id INT, note VARCHAR(200), payload BLOB)");
      s.execute("CREATE TABLE encoded (id INT, envelope VARCHAR(400))");
      try (PreparedStatement p = c.prepareStatement("INSERT INTO clean VALUES (1, ?, ?)")) {
        p.setString(1, "suffix 002X, event 100000000000000001, C-2026-0001");
        p.setBytes(2, "{\"keyedHash\":\"0f3c\"}".getBytes(StandardCharsets.UTF_8));
        p.execute();
      }
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO projections.leaky VALUES (1, ?, ?)")) {
        p.setString(1, "candidate showed 110105 19491231 002x at the door");
        p.setBytes(2, ("{\"id\":\"" + OTHER + "\"}").getBytes(StandardCharsets.UTF_8));
        p.execute();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO encoded VALUES (1, ?)")) {
        String statement = "{\"ticket\":\"DEMO-C-2026-0001\"}";
        p.setString(
            1,
            "{\"payload\":\""
                + Base64.getEncoder().encodeToString(statement.getBytes(StandardCharsets.UTF_8))
                + "\"}");
        p.execute();
      }
    }

    DatabaseScan.Result result = scan.scan(ds);

    assertThat(result.tables()).contains("PUBLIC.CLEAN", "PROJECTIONS.LEAKY", "PUBLIC.ENCODED");
    assertThat(result.hits())
        .containsExactlyInAnyOrder(
            new DatabaseScan.Hit("PROJECTIONS.LEAKY", "NOTE", NUMBER),
            new DatabaseScan.Hit("PROJECTIONS.LEAKY", "PAYLOAD", OTHER),
            new DatabaseScan.Hit("PUBLIC.ENCODED", "ENVELOPE", "DEMOC20260001"));
  }

  @Test
  void findsANumberInLogTextButNotItsSuffixOrNeighbours() {
    assertThat(scan.findIn("INFO admitted for 110105-19491231-002X")).containsExactly(NUMBER);
    assertThat(scan.findIn("INFO suffix 002X, 1101051949123100 2, 44030419900101123")).isEmpty();
  }
}
