-- Every text column that is part of an index (identifiers, hashes, nonces, usernames: keys that are
-- compared, never shown in a language's order) compares bytewise, COLLATE "C" (docs/operations.md,
-- "PostgreSQL: collation and maintenance"). With the database's default collation PostgreSQL
-- compares such keys through the C library's strcoll, even for C.UTF-8: a lookup of 120 statement hashes in admitted_statement took
-- 3.1 ms against 0.9 ms bytewise, and every insert into a unique index of text pays the same per
-- comparison. The order of identifiers under "C" is their code point order, which is also what
-- C.UTF-8 gives; only on a database created with a language's collation (en_US.UTF-8, zh_CN.UTF-8)
-- does an ORDER BY on one of these columns change, from that language's order to code point order.
-- Columns outside every index (names, reasons, free text) keep the database's collation.
--
-- Numbered after the projections' migrations (V100..V104, db/projections/common) because it changes
-- their tables too; PostgreSQL only (H2 compares strings bytewise already). Changing a collation
-- rewrites no table: PostgreSQL rebuilds the indexes that use the column.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.relname AS table_name,
               string_agg(format('ALTER COLUMN %I TYPE %s COLLATE "C"', a.attname,
                                 format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum) AS alters
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE n.nspname = current_schema()
          AND c.relkind = 'r'
          AND c.relname <> 'flyway_schema_history'
          AND a.atttypid IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype)
          AND a.attcollation <> 'pg_catalog."C"'::regcollation
          AND EXISTS (SELECT 1 FROM pg_index x WHERE x.indrelid = c.oid AND a.attnum = ANY (x.indkey))
        GROUP BY c.relname
        ORDER BY c.relname
    LOOP
        EXECUTE format('ALTER TABLE %I %s', t.table_name, t.alters);
    END LOOP;
END
$$;
