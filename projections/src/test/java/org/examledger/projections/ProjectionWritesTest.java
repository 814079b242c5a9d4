package org.examledger.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Deferred projection writes: sent in order, in batches, at the unit of work's commit. */
class ProjectionWritesTest {

  private static final String INSERT = "INSERT INTO t (id, v) VALUES (?, ?)";
  private static final String UPDATE = "UPDATE t SET v = ? WHERE id = ?";

  private final List<String> batches = new ArrayList<>();
  private JdbcTemplate jdbc;
  private ProjectionWrites writes;
  private UnitOfWork<?> unitOfWork;

  @BeforeEach
  void setUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:writes" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    jdbc =
        new JdbcTemplate(dataSource) {
          @Override
          public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
            batches.add(batchArgs.size() + " x " + sql);
            return super.batchUpdate(sql, batchArgs);
          }
        };
    jdbc.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10) NOT NULL)");
    writes = new ProjectionWrites(jdbc);
  }

  @AfterEach
  void endUnitOfWork() {
    if (unitOfWork != null && unitOfWork.isActive()) {
      unitOfWork.rollback();
    }
  }

  private void start() {
    unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event"));
  }

  private List<String> rows() {
    return jdbc.query("SELECT id, v FROM t ORDER BY id", (rs, n) -> rs.getInt(1) + rs.getString(2));
  }

  @Test
  void outsideAUnitOfWorkAStatementRunsAtOnce() {
    writes.update(INSERT, 1, "a");
    assertThat(rows()).containsExactly("1a");
    assertThat(batches).isEmpty();
  }

  @Test
  void inAUnitOfWorkNothingIsSentBeforeTheCommitThenEverythingInOrder() {
    start();
    writes.update(INSERT, 1, "a");
    writes.update(INSERT, 2, "b");
    writes.update(UPDATE, "c", 1);
    writes.update(INSERT, 3, "d");
    writes.update(INSERT, 4, "e");
    writes.update(INSERT, 5, "f");
    writes.update(UPDATE, "g", 5);
    assertThat(rows()).isEmpty();

    unitOfWork.commit();

    // the update of row 1 came after its insert, the update of row 5 after its insert
    assertThat(rows()).containsExactly("1c", "2b", "3d", "4e", "5g");
    assertThat(batches).containsExactly("2 x " + INSERT, "3 x " + INSERT);
  }

  @Test
  void aReadSeesWhatTheHandlersWroteBeforeIt() {
    start();
    writes.update(INSERT, 1, "a");
    writes.update(INSERT, 2, "b");
    assertThat(writes.read().sql("SELECT COUNT(*) FROM t").query(Integer.class).single())
        .isEqualTo(2);
    writes.update(INSERT, 3, "c");
    unitOfWork.commit();
    assertThat(rows()).containsExactly("1a", "2b", "3c");
  }

  @Test
  void aRolledBackUnitOfWorkSendsNothing() {
    start();
    writes.update(INSERT, 1, "a");
    unitOfWork.rollback();
    assertThat(rows()).isEmpty();
  }

  @Test
  void aFailingStatementFailsTheCommit() {
    start();
    writes.update(INSERT, 1, "a");
    writes.update(INSERT, 1, "again");
    assertThatThrownBy(unitOfWork::commit).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void twoProjectionsInOneUnitOfWorkKeepTheirOwnStatements() {
    ProjectionWrites other = new ProjectionWrites(jdbc);
    start();
    writes.update(INSERT, 1, "a");
    other.update(INSERT, 2, "b");
    // the other projection's read sends only its own statements
    assertThat(other.read().sql("SELECT COUNT(*) FROM t").query(Integer.class).single())
        .isEqualTo(1);
    unitOfWork.commit();
    assertThat(rows()).containsExactly("1a", "2b");
  }
}
