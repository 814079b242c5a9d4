package org.examledger.api.it;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Reads every column of every row of every table the database has (found through {@code
 * information_schema}, all schemas but the catalogue's own) and reports where any of the given
 * strings occurs: as text, in binary columns as raw bytes and as UTF-8, and inside base64 (the DSSE
 * envelopes keep the signed statement base64-encoded). Spaces, hyphens and case are ignored, so
 * "110105 19491231 002x" counts as "11010519491231002X".
 */
final class DatabaseScan {

  record Hit(String table, String column, String needle) {}

  record Result(Set<String> tables, long cells, List<Hit> hits) {}

  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]");
  private static final Pattern ALNUM_RUN = Pattern.compile("[0-9A-Z]+");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{16,}={0,2}");

  private final Map<Integer, Set<String>> needlesByLength = new HashMap<>();

  DatabaseScan(Collection<String> needles) {
    for (String n : needles) {
      String normal = normalise(n);
      needlesByLength.computeIfAbsent(normal.length(), k -> new HashSet<>()).add(normal);
    }
  }

  static String normalise(String text) {
    return SEPARATORS.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
  }

  /** The needles (normalised) found in {@code text}, also inside base64 runs, two levels deep. */
  Set<String> findIn(String text) {
    Set<String> found = new TreeSet<>();
    findIn(text, 2, found);
    return found;
  }

  /** The needles found in raw bytes: byte for byte (ISO-8859-1) and decoded as UTF-8. */
  Set<String> findIn(byte[] bytes) {
    Set<String> found = new TreeSet<>();
    findIn(new String(bytes, StandardCharsets.ISO_8859_1), 2, found);
    findIn(new String(bytes, StandardCharsets.UTF_8), 2, found);
    return found;
  }

  private void findIn(String text, int depth, Set<String> found) {
    Matcher run = ALNUM_RUN.matcher(normalise(text));
    while (run.find()) {
      String r = run.group();
      for (Map.Entry<Integer, Set<String>> e : needlesByLength.entrySet()) {
        int length = e.getKey();
        for (int i = 0; i + length <= r.length(); i++) {
          String window = r.substring(i, i + length);
          if (e.getValue().contains(window)) {
            found.add(window);
          }
        }
      }
    }
    if (depth == 0) {
      return;
    }
    Matcher b64 = BASE64.matcher(text);
    while (b64.find()) {
      byte[] decoded = decode(b64.group());
      if (decoded != null) {
        findIn(new String(decoded, StandardCharsets.ISO_8859_1), depth - 1, found);
        findIn(new String(decoded, StandardCharsets.UTF_8), depth - 1, found);
      }
    }
  }

  private static byte[] decode(String candidate) {
    for (Base64.Decoder d : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
      try {
        return d.decode(candidate);
      } catch (IllegalArgumentException e) {
        // not this alphabet, or not base64 at all
      }
    }
    return null;
  }

  /** Scans the whole database behind {@code dataSource}. */
  Result scan(DataSource dataSource) throws SQLException {
    Set<String> tables = new LinkedHashSet<>();
    List<Hit> hits = new ArrayList<>();
    long cells = 0;
    try (Connection c = dataSource.getConnection()) {
      List<String[]> names = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT table_schema, table_name FROM information_schema.tables"
                      + " WHERE table_type IN ('BASE TABLE', 'TABLE')"
                      + " AND LOWER(table_schema) NOT IN ('information_schema', 'pg_catalog')")) {
        while (rs.next()) {
          names.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] name : names) {
        String table = name[0] + "." + name[1];
        tables.add(table);
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery("SELECT * FROM \"" + name[0] + "\".\"" + name[1] + "\"")) {
          ResultSetMetaData meta = rs.getMetaData();
          while (rs.next()) {
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              cells++;
              for (String needle : findIn(rs.getObject(i))) {
                hits.add(new Hit(table, meta.getColumnName(i), needle));
              }
            }
          }
        }
      }
    }
    return new Result(tables, cells, hits);
  }

  private Set<String> findIn(Object value) throws SQLException {
    if (value == null) {
      return Set.of();
    }
    if (value instanceof byte[] bytes) {
      return findIn(bytes);
    }
    if (value instanceof Blob blob) {
      return findIn(blob.getBytes(1, Math.toIntExact(blob.length())));
    }
    if (value instanceof Clob clob) {
      return findIn(clob.getSubString(1, Math.toIntExact(clob.length())));
    }
    return findIn(String.valueOf(value));
  }
}
