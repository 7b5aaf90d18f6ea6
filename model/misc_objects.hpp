#pragma once
#include <string>
#include <vector>

#include "model/object_base.hpp"
#include "model/qualified_name.hpp"

namespace schemerge::model {

// CREATE SCHEMA. The default schema (public) exists without being declared.
struct Namespace {
    std::string name;
    ObjectBase meta;
    bool operator==(const Namespace&) const = default;
};

struct Extension {
    std::string name;
    std::string schema;   // WITH SCHEMA; empty = the extension's default
    std::string version;  // recorded, not compared: environments upgrade extensions independently
    ObjectBase meta;
    // Neither the version nor the comment is compared: CREATE EXTENSION sets the comment
    // from the control file and pg_dump versions differ in whether they repeat it.
    bool operator==(const Extension& other) const { return name == other.name && schema == other.schema; }
};

// Objects described by a list of options: collations (provider, locale, ...),
// text search dictionaries (template, options), text search configurations
// (parser or copy) whose token mappings are kept in `mappings`.
struct OptionObject {
    QualifiedName name;
    std::vector<std::pair<std::string, std::string>> options;  // in canonical order
    std::vector<std::pair<std::string, std::string>> mappings;  // ts config: token -> dictionaries
    ObjectBase meta;
    bool operator==(const OptionObject&) const = default;
};

// A statement the model does not interpret (event triggers, publications, casts,
// operators, rules, ...). Kept verbatim in canonical deparsed form so that nothing
// is lost on a dump, and reported as a warning when it is loaded.
struct OpaqueStatement {
    std::string statement_kind;  // "CreateEventTrigStmt"
    std::string sql;             // canonical text
    ObjectBase meta;
    bool operator==(const OpaqueStatement& other) const { return sql == other.sql; }
};

}  // namespace schemerge::model
