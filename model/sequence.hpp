#pragma once
#include <optional>
#include <string>

#include "model/column.hpp"
#include "model/object_base.hpp"
#include "model/qualified_name.hpp"

namespace schemerge::model {

struct SequenceOwner {
    QualifiedName table;
    std::string column;
    bool operator==(const SequenceOwner&) const = default;
};

struct Sequence {
    QualifiedName name;
    SequenceOptions options;
    std::optional<SequenceOwner> owned_by;
    bool unlogged = false;
    ObjectBase meta;

    bool operator==(const Sequence&) const = default;
};

}  // namespace schemerge::model
