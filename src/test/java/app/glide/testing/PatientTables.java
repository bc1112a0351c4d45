package app.glide.testing;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The migrated schema's tables that hold a patient's data: a {@code patient_id} column, a foreign
 * key to {@code patient}, a {@code user_id} foreign key to {@code app_user}, or a foreign key to the
 * primary key of such a table (transitively). Used by the export and erasure completeness tests.
 */
public final class PatientTables {

    private PatientTables() {
    }

    /** Every base table of the schema. */
    public static Set<String> all(TestData data) {
        return new TreeSet<>(data.<String>query("""
                select table_name::text from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'"""));
    }

    /** The tables that hold a patient's data (the rule in ExportCompletenessTest's javadoc). */
    public static Set<String> holdingPatientData(TestData data) {
        Set<String> found = new TreeSet<>(data.<String>query("""
                select c.table_name::text from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.column_name = 'patient_id'"""));
        // Foreign keys from pg_catalog: information_schema shows constraint columns only to the tables' owner.
        List<Object[]> keys = data.query("""
                select child.relname::text, parent.relname::text,
                       exists (select 1 from pg_constraint pk where pk.conrelid = f.confrelid and pk.contype = 'p'
                               and pk.conkey = f.confkey),
                       array_to_string(array(select a.attname from pg_attribute a
                                             where a.attrelid = f.conrelid and a.attnum = any (f.conkey)), ',')
                from pg_constraint f
                join pg_class child on child.oid = f.conrelid
                join pg_class parent on parent.oid = f.confrelid
                where f.contype = 'f' and f.connamespace = cast(current_schema() as regnamespace)""");
        TreeMap<String, Set<String>> children = new TreeMap<>();
        for (Object[] k : keys) {
            String child = (String) k[0];
            String parent = (String) k[1];
            if (parent.equals("patient") || (parent.equals("app_user") && k[3].equals("user_id"))) {
                found.add(child);
            }
            if (Boolean.TRUE.equals(k[2])) {
                children.computeIfAbsent(parent, x -> new TreeSet<>()).add(child);
            }
        }
        found.remove("patient");
        // Children: a foreign key onto a patient table's primary key, until nothing new turns up.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String parent : List.copyOf(found)) {
                grew |= found.addAll(children.getOrDefault(parent, Set.of()));
            }
        }
        found.remove("patient");
        return found;
    }

    /** Of {@code tables}, those with a text, varchar, json, jsonb or text[] column: where free text can be. */
    public static Set<String> withText(TestData data, Set<String> tables) {
        Set<String> out = new TreeSet<>(data.<String>query("""
                select distinct c.table_name::text from information_schema.columns c
                where c.table_schema = current_schema()
                  and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
                       or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))"""));
        out.retainAll(tables);
        return out;
    }
}
