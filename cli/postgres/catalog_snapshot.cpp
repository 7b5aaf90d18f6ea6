#include "cli/postgres/catalog_snapshot.hpp"

#include <string_view>

namespace schemerge::cli::postgres {

namespace {

// Each query returns the object's identity in its first column and one attribute per
// further column (the column name labels it); NULL means "not applicable". Names are
// printed with search_path = pg_catalog, so every user object is schema-qualified and
// the text does not depend on the session. No OIDs are printed: the two databases
// compared have different ones.

#define USER_SCHEMA(nsp)                                                                  \
    "(" nsp ".nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND " nsp \
    ".nspname NOT LIKE 'pg\\_temp\\_%' AND " nsp ".nspname NOT LIKE 'pg\\_toast\\_temp\\_%')"

// Objects created by CREATE EXTENSION belong to the extension, not to the schema.
#define NOT_EXTENSION_MEMBER(catalog, oid)                                                             \
    "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" catalog "'::regclass AND e.objid = " oid \
    " AND e.deptype = 'e')"

// The operators and support functions tied to an operator class or family (`catalog`
// 'pg_opclass' / 'pg_opfamily', `oid` its row's oid): the columns `operators` and
// `functions`, each member in regoperator / regprocedure form, sorted.
#define OPERATOR_MEMBERS(catalog, oid)                                                                         \
    "(SELECT string_agg(o.amopstrategy::text || ' ' || o.amopopr::regoperator::text || "                     \
    "   coalesce(' FOR ORDER BY ' || (SELECT quote_ident(sf.opfname) FROM pg_opfamily sf "                   \
    "   WHERE sf.oid = o.amopsortfamily), ''), '; ' "                                                        \
    "   ORDER BY o.amopstrategy, o.amopopr::regoperator::text) FROM pg_amop o JOIN pg_depend d "             \
    "   ON d.classid = 'pg_amop'::regclass AND d.objid = o.oid AND d.refclassid = '" catalog "'::regclass "  \
    "   AND d.refobjid = " oid ") AS operators, "                                                            \
    "(SELECT string_agg(p.amprocnum::text || ' (' || format_type(p.amproclefttype, NULL) || ', ' || "        \
    "   format_type(p.amprocrighttype, NULL) || ') ' || p.amproc::regprocedure::text, '; ' "                 \
    "   ORDER BY p.amprocnum, format_type(p.amproclefttype, NULL), format_type(p.amprocrighttype, NULL)) "   \
    "FROM pg_amproc p JOIN pg_depend d "                                                                     \
    "   ON d.classid = 'pg_amproc'::regclass AND d.objid = p.oid AND d.refclassid = '" catalog "'::regclass " \
    "   AND d.refobjid = " oid ") AS functions "

// A pg_default_acl row `a` (its schema `n`, LEFT JOINed) as an object label.
#define DEFAULT_ACL_OBJECT                                                                           \
    "'default privileges for role ' || a.defaclrole::regrole::text || "                              \
    "  coalesce(' in schema ' || quote_ident(n.nspname), '') || ' on ' || CASE a.defaclobjtype "    \
    "  WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types' " \
    "  ELSE 'schemas' END"

constexpr std::string_view k_queries[] = {
    // schemas
    "SELECT 'schema ' || quote_ident(n.nspname) AS object, 'yes' AS \"exists\" "
    "FROM pg_namespace n WHERE " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_namespace", "n.oid"),

    // extensions (their version is whatever the server has installed: both sides alike)
    "SELECT 'extension ' || quote_ident(x.extname) AS object, x.extnamespace::regnamespace::text AS schema "
    "FROM pg_extension x",

    // collations
    "SELECT 'collation ' || c.oid::regcollation::text AS object, c.collprovider::text AS provider, "
    "c.collcollate AS collate, c.collctype AS ctype, c.colliculocale AS icu_locale, "
    "c.collisdeterministic::text AS deterministic "
    "FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace "
    "WHERE " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_collation", "c.oid"),

    // types: enums (labels in order), composites (attributes in order), domains, ranges, base
    "SELECT 'type ' || format_type(t.oid, NULL) AS object, t.typtype::text AS kind, "
    "(SELECT string_agg(quote_literal(l.enumlabel), ', ' ORDER BY l.enumsortorder) FROM pg_enum l "
    "  WHERE l.enumtypid = t.oid) AS labels, "
    "(SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || "
    "   CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation "
    "        THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END, ', ' ORDER BY a.attnum) "
    "  FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid "
    "  WHERE t.typtype = 'c' AND a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes, "
    "CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base, "
    "t.typdefault AS \"default\", "
    "CASE WHEN t.typtype = 'd' THEN t.typnotnull::text END AS not_null, "
    "CASE WHEN t.typtype = 'd' AND t.typcollation <> 0 AND t.typcollation <> "
    "  (SELECT b.typcollation FROM pg_type b WHERE b.oid = t.typbasetype) "
    "  THEN t.typcollation::regcollation::text END AS collation, "
    "(SELECT format_type(r.rngsubtype, NULL) || ' ' || r.rngsubopc::regclass::text || ' ' || "
    "   r.rngcanonical::text || ' ' || r.rngsubdiff::text FROM pg_range r WHERE r.rngtypid = t.oid) AS range, "
    "CASE WHEN t.typtype = 'b' THEN t.typinput::text || ' ' || t.typoutput::text || ' ' || t.typlen || ' ' || "
    "  t.typalign::text || ' ' || t.typstorage::text END AS base_type "
    "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
    "WHERE " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_type", "t.oid") " "
    "AND t.typtype IN ('b', 'c', 'd', 'e', 'r') "
    "AND (t.typtype <> 'c' OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c') "
    "AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)",

    // domain constraints
    "SELECT 'type ' || format_type(c.contypid, NULL) AS object, "
    "quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid) AS \"constraint\" "
    "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
    "WHERE c.contypid <> 0 AND " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_type", "c.contypid"),

    // sequences and what owns them (OWNED BY, identity)
    "SELECT 'sequence ' || c.oid::regclass::text AS object, "
    "format_type(s.seqtypid, NULL) AS type, s.seqstart::text AS start, s.seqincrement::text AS increment, "
    "s.seqmin::text AS min, s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle::text AS cycle, "
    "(SELECT d.refobjid::regclass::text || '.' || quote_ident(a.attname) || "
    "   CASE d.deptype WHEN 'i' THEN ' (identity)' ELSE '' END "
    " FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid "
    " WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass "
    "   AND d.deptype IN ('a', 'i') LIMIT 1) AS owned_by, "
    "c.relpersistence::text AS persistence "
    "FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_class", "c.oid"),

    // tables, views, materialized views, foreign tables
    "SELECT CASE c.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view ' "
    "  WHEN 'f' THEN 'foreign table ' ELSE 'table ' END || c.oid::regclass::text AS object, "
    "c.relkind::text AS relkind, c.relpersistence::text AS persistence, "
    "(SELECT string_agg(o, ', ' ORDER BY o) FROM unnest(c.reloptions) AS o) AS options, "
    "CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key, "
    "CASE WHEN c.relispartition THEN (SELECT i.inhparent::regclass::text FROM pg_inherits i "
    "  WHERE i.inhrelid = c.oid) || ' ' || pg_get_expr(c.relpartbound, c.oid) END AS partition_of, "
    "CASE WHEN NOT c.relispartition THEN (SELECT string_agg(i.inhparent::regclass::text, ', ' "
    "  ORDER BY i.inhseqno) FROM pg_inherits i WHERE i.inhrelid = c.oid) END AS inherits, "
    "CASE WHEN c.relkind IN ('r', 'p') THEN c.relrowsecurity::text END AS row_security, "
    "CASE WHEN c.relkind IN ('r', 'p') THEN c.relforcerowsecurity::text END AS force_row_security, "
    "CASE WHEN c.relkind IN ('r', 'p', 'm') THEN c.relreplident::text END AS replica_identity, "
    "CASE WHEN c.relkind IN ('r', 'm') THEN (SELECT am.amname FROM pg_am am WHERE am.oid = c.relam) END "
    "  AS access_method, "
    "CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END AS definition "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND " USER_SCHEMA("n") " AND "
    NOT_EXTENSION_MEMBER("pg_class", "c.oid"),

    // columns (no attnum: column order is not compared)
    "SELECT 'column ' || c.oid::regclass::text || '.' || quote_ident(a.attname) AS object, "
    "format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull::text AS not_null, "
    "CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS \"default\", "
    "CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END AS generated, "
    "NULLIF(a.attidentity::text, '') AS identity, "
    "CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation "
    "  THEN a.attcollation::regcollation::text END AS collation, "
    "NULLIF(a.attstattarget, -1)::text AS statistics "
    "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "JOIN pg_type t ON t.oid = a.atttypid "
    "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
    "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND "
    USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_class", "c.oid"),

    // table constraints
    "SELECT 'constraint ' || c.conrelid::regclass::text || '.' || quote_ident(c.conname) AS object, "
    "pg_get_constraintdef(c.oid) AS definition "
    "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
    "WHERE c.conrelid <> 0 AND " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_class", "c.conrelid"),

    // indexes
    "SELECT 'index ' || i.indexrelid::regclass::text AS object, pg_get_indexdef(i.indexrelid) AS definition, "
    "CASE WHEN i.indisclustered THEN 'true' END AS clustered, "
    "CASE WHEN i.indisreplident THEN 'true' END AS replica_identity, "
    "CASE WHEN NOT i.indisvalid THEN 'false' END AS valid, "
    "(SELECT string_agg(a.attnum::text || '=' || a.attstattarget::text, ',' ORDER BY a.attnum) "
    "   FROM pg_attribute a WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0) AS statistics "
    "FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_class", "c.oid"),

    // functions and procedures (full definition), aggregates (their parts)
    "SELECT CASE p.prokind WHEN 'p' THEN 'procedure ' WHEN 'a' THEN 'aggregate ' ELSE 'function ' END || "
    "p.oid::regprocedure::text AS object, "
    "CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END AS definition, "
    "CASE WHEN p.prokind = 'a' THEN pg_get_function_result(p.oid) END AS result, "
    "(SELECT g.aggtransfn::text || ' ' || format_type(g.aggtranstype, NULL) || ' ' || g.aggfinalfn::text || "
    "   ' ' || coalesce(g.agginitval, '') || ' ' || g.aggcombinefn::text || ' ' || g.aggsortop::text "
    " FROM pg_aggregate g WHERE g.aggfnoid = p.oid) AS aggregate "
    "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
    "WHERE " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_proc", "p.oid"),

    // operators (their function, commutator, negator, estimators, HASHES / MERGES)
    "SELECT 'operator ' || o.oid::regoperator::text AS object, o.oprcode::regprocedure::text AS function, "
    "NULLIF(o.oprcom, 0)::regoperator::text AS commutator, NULLIF(o.oprnegate, 0)::regoperator::text AS negator, "
    "NULLIF(o.oprrest, 0)::regproc::text AS restrict, NULLIF(o.oprjoin, 0)::regproc::text AS join, "
    "o.oprcanhash::text AS hashes, o.oprcanmerge::text AS merges "
    "FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace "
    "WHERE " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_operator", "o.oid"),

    // operator classes (type, DEFAULT, family, storage, the members tied to them) and
    // families (their loose members: ALTER OPERATOR FAMILY … ADD), as pg_dump splits them
    "SELECT 'operator class ' || quote_ident(n.nspname) || '.' || quote_ident(c.opcname) || ' USING ' || "
    "quote_ident(am.amname) AS object, format_type(c.opcintype, NULL) AS type, c.opcdefault::text AS \"default\", "
    "quote_ident(fn.nspname) || '.' || quote_ident(f.opfname) AS family, "
    "CASE WHEN c.opckeytype <> 0 THEN format_type(c.opckeytype, NULL) END AS storage, "
    OPERATOR_MEMBERS("pg_opclass", "c.oid")
    "FROM pg_opclass c JOIN pg_namespace n ON n.oid = c.opcnamespace JOIN pg_am am ON am.oid = c.opcmethod "
    "JOIN pg_opfamily f ON f.oid = c.opcfamily JOIN pg_namespace fn ON fn.oid = f.opfnamespace "
    "WHERE " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_opclass", "c.oid"),
    "SELECT 'operator family ' || quote_ident(n.nspname) || '.' || quote_ident(f.opfname) || ' USING ' || "
    "quote_ident(am.amname) AS object, "
    OPERATOR_MEMBERS("pg_opfamily", "f.oid")
    "FROM pg_opfamily f JOIN pg_namespace n ON n.oid = f.opfnamespace JOIN pg_am am ON am.oid = f.opfmethod "
    "WHERE " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_opfamily", "f.oid"),

    // triggers
    "SELECT 'trigger ' || t.tgrelid::regclass::text || '.' || quote_ident(t.tgname) AS object, "
    "pg_get_triggerdef(t.oid) AS definition, t.tgenabled::text AS enabled "
    "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE NOT t.tgisinternal AND " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_class", "c.oid"),

    // row-level security policies
    "SELECT 'policy ' || c.oid::regclass::text || '.' || quote_ident(p.polname) AS object, "
    "CASE WHEN p.polpermissive THEN 'permissive' ELSE 'restrictive' END AS mode, p.polcmd::text AS command, "
    "(SELECT string_agg(CASE WHEN r = 0 THEN 'public' ELSE r::regrole::text END, ', ' ORDER BY 1) "
    "   FROM unnest(p.polroles) AS r) AS roles, "
    "pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check "
    "FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_class", "c.oid"),

    // comments on anything (identified by pg_identify_object: no OIDs in the text)
    "SELECT 'comment on ' || o.type || ' ' || o.identity AS object, d.description AS text "
    "FROM pg_description d, LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) o "
    "WHERE (o.schema IS NULL OR (o.schema NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
    "  AND o.schema NOT LIKE 'pg\\_temp\\_%' AND o.schema NOT LIKE 'pg\\_toast\\_temp\\_%')) "
    "AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = d.classoid AND e.objid = d.objoid "
    "  AND e.deptype = 'e') "
    "AND d.classoid NOT IN ('pg_language'::regclass, 'pg_am'::regclass) "
    "AND NOT (d.classoid = 'pg_namespace'::regclass AND o.identity IN ('pg_catalog', 'information_schema', "
    "  'pg_toast'))",
};

// The objects with an owner and an ACL, named as the queries above name them:
// object, owner oid, ACL (NULL: the default, acldefault() of the kind).
constexpr std::string_view k_owned_objects =
    "SELECT CASE c.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view ' WHEN 'S' THEN 'sequence ' "
    "  WHEN 'f' THEN 'foreign table ' ELSE 'table ' END || c.oid::regclass::text AS object, c.relowner AS owner, "
    "  coalesce(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::\"char\", c.relowner)) AS acl "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND " USER_SCHEMA("n") " AND "
    NOT_EXTENSION_MEMBER("pg_class", "c.oid") " "
    "UNION ALL "
    "SELECT CASE p.prokind WHEN 'p' THEN 'procedure ' WHEN 'a' THEN 'aggregate ' ELSE 'function ' END || "
    "  p.oid::regprocedure::text, p.proowner, coalesce(p.proacl, acldefault('f', p.proowner)) "
    "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
    "WHERE " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_proc", "p.oid") " "
    "UNION ALL "
    "SELECT 'schema ' || quote_ident(n.nspname), n.nspowner, coalesce(n.nspacl, acldefault('n', n.nspowner)) "
    "FROM pg_namespace n WHERE " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_namespace", "n.oid") " "
    "UNION ALL "
    "SELECT 'type ' || format_type(t.oid, NULL), t.typowner, coalesce(t.typacl, acldefault('T', t.typowner)) "
    "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
    "WHERE " USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_type", "t.oid") " "
    "AND t.typtype IN ('b', 'c', 'd', 'e', 'r') "
    "AND (t.typtype <> 'c' OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c') "
    "AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)";

// Privileges: every ACL entry but the owner's own (implicit, and named after whoever the
// owner is), the grantor left out (the owner, or the role that ran the GRANT); default
// privileges likewise.
const std::string k_privileges_query =
    "SELECT o.object, 'grant ' || CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE x.grantee::regrole::text END || ' ' || "
    "  x.privilege_type || CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END AS privilege "
    "FROM (" + std::string(k_owned_objects) + ") o, LATERAL aclexplode(o.acl) x WHERE x.grantee <> o.owner "
    "UNION ALL "
    "SELECT 'column ' || c.oid::regclass::text || '.' || quote_ident(a.attname), "
    "  'grant ' || CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE x.grantee::regrole::text END || ' ' || "
    "  x.privilege_type || CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END "
    "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace, "
    "  LATERAL aclexplode(a.attacl) x "
    "WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND x.grantee <> c.relowner AND "
    USER_SCHEMA("n") " AND " NOT_EXTENSION_MEMBER("pg_class", "c.oid") " "
    // Default privileges (ALTER DEFAULT PRIVILEGES, pg_default_acl): each entry is there
    // (an entry only exists when it differs from the built-in start), and its entries but
    // the role's own.
    "UNION ALL "
    "SELECT d.object, d.privilege FROM (SELECT " DEFAULT_ACL_OBJECT " AS object, 'stored' AS privilege "
    "  FROM pg_default_acl a LEFT JOIN pg_namespace n ON n.oid = a.defaclnamespace "
    "  UNION ALL "
    "  SELECT " DEFAULT_ACL_OBJECT ", "
    "  'grant ' || CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE x.grantee::regrole::text END || ' ' || "
    "  x.privilege_type || CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END "
    "  FROM pg_default_acl a LEFT JOIN pg_namespace n ON n.oid = a.defaclnamespace, "
    "  LATERAL aclexplode(a.defaclacl) x WHERE x.grantee <> a.defaclrole) d";

// Owners, by name.
const std::string k_owners_query =
    "SELECT o.object, o.owner::regrole::text AS owner FROM (" + std::string(k_owned_objects) + ") o";

#undef USER_SCHEMA
#undef NOT_EXTENSION_MEMBER

}  // namespace

std::size_t CatalogSnapshot::object_count() const {
    std::size_t count = 0;
    const std::string* previous = nullptr;
    for (const auto& entry : entries) {
        if (previous == nullptr || *previous != entry.object) {
            ++count;
            previous = &entry.object;
        }
    }
    return count;
}

std::expected<CatalogSnapshot, PgError> take_snapshot(PgConnection& connection, const SnapshotOptions& options) {
    // Every user object qualified, whatever the session's search_path was.
    if (auto set = connection.exec("SELECT pg_catalog.set_config('search_path', 'pg_catalog', false)"); !set) {
        return std::unexpected(set.error());
    }
    CatalogSnapshot snapshot;
    std::vector<std::string_view> queries(std::begin(k_queries), std::end(k_queries));
    if (options.privileges) {
        queries.push_back(k_privileges_query);
    }
    if (options.owners) {
        queries.push_back(k_owners_query);
    }
    for (std::string_view query : queries) {
        auto result = connection.exec(std::string(query));
        if (!result) {
            return std::unexpected(result.error());
        }
        for (int row = 0; row < result->rows(); ++row) {
            std::string object = result->value(row, 0);
            for (int column = 1; column < result->columns(); ++column) {
                if (result->is_null(row, column)) {
                    continue;
                }
                snapshot.entries.insert({object, result->column_name(column) + "=" + result->value(row, column)});
            }
        }
    }
    return snapshot;
}

CatalogDifference compare(const CatalogSnapshot& actual, const CatalogSnapshot& expected) {
    CatalogDifference difference;
    for (const auto& entry : actual.entries) {
        if (!expected.entries.contains(entry)) {
            difference.only_in_actual.push_back(entry);
        }
    }
    for (const auto& entry : expected.entries) {
        if (!actual.entries.contains(entry)) {
            difference.only_in_expected.push_back(entry);
        }
    }
    return difference;
}

}  // namespace schemerge::cli::postgres
