#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/expression.hpp"
#include "model/object_base.hpp"
#include "model/qualified_name.hpp"

namespace schemerge::model {

enum class TriggerTiming : std::uint8_t { before, after, instead_of };

struct TriggerEvents {
    bool insert = false;
    bool update = false;
    bool delete_ = false;
    bool truncate = false;
    std::vector<std::string> update_columns;  // UPDATE OF a, b
    bool operator==(const TriggerEvents&) const = default;
};

struct Trigger {
    std::string name;
    QualifiedName table;
    TriggerTiming timing = TriggerTiming::before;
    TriggerEvents events;
    bool for_each_row = false;
    Expression when;
    QualifiedName function;
    std::vector<std::string> function_args;  // string literals, as stored (tgargs)
    bool constraint = false;                 // CREATE CONSTRAINT TRIGGER
    bool deferrable = false;
    bool initially_deferred = false;
    std::optional<QualifiedName> from_table;  // FROM referenced_table (constraint triggers)
    std::string old_table;                    // REFERENCING OLD TABLE AS ...
    std::string new_table;                    // REFERENCING NEW TABLE AS ...
    std::string enabled;  // empty = ORIGIN (enabled); DISABLE, REPLICA, ALWAYS
    ObjectBase meta;

    bool operator==(const Trigger&) const = default;
};

}  // namespace schemerge::model
