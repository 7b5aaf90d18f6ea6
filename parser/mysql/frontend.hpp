#pragma once
#include <expected>
#include <vector>

#include "model/diagnostic.hpp"
#include "parser/load_options.hpp"
#include "parser/source_file.hpp"

namespace schemerge::parser::mysql {

// Interprets MySQL / MariaDB DDL: the files' statements are applied in order to an empty
// schema (a DDL interpreter), so mysqldump output, Rails' structure.sql and migration
// histories build the same model. Every schema points at MySQL's traits (traits()).
// Returns the model, or the first error with its location.
[[nodiscard]] std::expected<LoadResult, model::Error> load(const std::vector<SourceFile>& files,
                                                           const LoadOptions& options = {});

// Loads several inputs (a merge's base, ours and theirs) into one model each. Chunks with
// the same text are parsed once for all of them; each parse is freed after its last use.
[[nodiscard]] std::expected<std::vector<LoadResult>, model::Error> load_many(
    const std::vector<std::vector<SourceFile>>& inputs, const LoadOptions& options = {});

}  // namespace schemerge::parser::mysql
