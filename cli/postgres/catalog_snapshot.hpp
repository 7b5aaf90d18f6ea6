#pragma once
#include <expected>
#include <set>
#include <string>
#include <vector>

#include "cli/postgres/pg_connection.hpp"

namespace schemerge::cli::postgres {

// One attribute of one object as the server's catalog reports it:
// object "column public.t.c", attribute "type=integer".
struct CatalogEntry {
    std::string object;
    std::string attribute;
    auto operator<=>(const CatalogEntry&) const = default;
    bool operator==(const CatalogEntry&) const = default;
};

// A database's user schema as a set of entries (column order ignored). Covers schemas,
// extensions, collations, types, sequences, tables/views/materialized views, columns,
// constraints, indexes, functions, triggers, policies, row-level security and comments;
// leaves out system schemas and objects that belong to extensions. Privileges (ACL entries
// other than the owner's, without the grantor; default privileges) and owners only when asked.
struct CatalogSnapshot {
    std::set<CatalogEntry> entries;
    [[nodiscard]] std::size_t object_count() const;
};

struct SnapshotOptions {
    bool privileges = false;
    bool owners = false;
};

[[nodiscard]] std::expected<CatalogSnapshot, PgError> take_snapshot(PgConnection& connection,
                                                                    const SnapshotOptions& options = {});

struct CatalogDifference {
    std::vector<CatalogEntry> only_in_actual;    // the plan's result has it, the target does not
    std::vector<CatalogEntry> only_in_expected;  // the target has it, the plan's result does not
    [[nodiscard]] bool empty() const { return only_in_actual.empty() && only_in_expected.empty(); }
};

[[nodiscard]] CatalogDifference compare(const CatalogSnapshot& actual, const CatalogSnapshot& expected);

}  // namespace schemerge::cli::postgres
