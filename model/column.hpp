#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/boxed.hpp"
#include "model/expression.hpp"
#include "model/object_base.hpp"
#include "model/qualified_name.hpp"
#include "model/type_ref.hpp"

namespace schemerge::model {

// Options of a sequence, shared by CREATE SEQUENCE and identity columns. Unset
// means "the engine default", so `START 1` and no START compare equal once
// canonicalized (the front end clears values equal to the default).
struct SequenceOptions {
    std::optional<TypeRef> data_type;  // AS smallint|integer|bigint; unset = bigint
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> increment;
    std::optional<std::int64_t> min_value;
    std::optional<std::int64_t> max_value;
    std::optional<std::int64_t> cache;
    bool cycle = false;

    bool operator==(const SequenceOptions&) const = default;
};

enum class IdentityKind : std::uint8_t { none, always, by_default };
enum class GeneratedKind : std::uint8_t { none, stored };

struct Column {
    std::string name;
    TypeRef type;
    std::optional<QualifiedName> collation;
    std::optional<Expression> default_value;
    bool not_null = false;
    IdentityKind identity = IdentityKind::none;
    Boxed<SequenceOptions> identity_options;  // only when identity != none (rare: kept off the column)
    std::string identity_sequence;     // explicit SEQUENCE NAME of the identity, if any
    GeneratedKind generated = GeneratedKind::none;
    Boxed<Expression> generation;      // when generated != none
    bool is_local = true;              // declared in this table (not only inherited)
    // What only one dialect's columns have (PostgreSQL's storage, compression, statistics
    // target, attribute options; MySQL's charset, ON UPDATE, ...) is in meta.attributes, one
    // AttributeDef row each (model/attributes.hpp).
    ObjectBase meta;

    bool operator==(const Column&) const = default;
};

}  // namespace schemerge::model
