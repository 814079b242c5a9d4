package org.examledger.api.it;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The sealed log on the real PostgreSQL server. */
class PostgresLogIT extends AbstractLogIT {

  private PostgresDatabase db;
  private LedgerNode node;

  @BeforeAll
  void start(@TempDir Path dir) {
    db = PostgresDatabase.create();
    Map<String, String> settings = logSettings();
    settings.put("spring.datasource.url", db.url());
    settings.put("spring.datasource.username", db.user());
    settings.put("spring.datasource.password", "");
    settings.put("ledger.node-id", "log-it-node");
    settings.put("ledger.data-dir", dir.toString());
    node = LedgerNode.start(settings);
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Override
  LedgerNode node() {
    return node;
  }
}
