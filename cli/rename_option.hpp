#pragma once
#include <expected>
#include <string>
#include <string_view>

#include "diff/two_way_diff.hpp"
#include "model/dialect_traits.hpp"

namespace schemerge::cli {

// Parses one `--rename KIND:OLD=NEW` value:
//   table|view|sequence|type|index:[schema.]old=new   (schema defaults to the dialect's
//                                                      default schema: public)
//   column|constraint:[schema.]table.old=new
// Names follow the dialect's identifier rules: unquoted parts are folded as it folds
// them (lower case for PostgreSQL), quoted parts are kept as written. NEW is a bare name
// (renames stay in their schema). The error says what is wrong with the value.
[[nodiscard]] std::expected<diff::RenameHint, std::string> parse_rename(std::string_view value,
                                                                        const model::DialectTraits& dialect);

}  // namespace schemerge::cli
