#pragma once
#include <expected>
#include <vector>

#include "model/diagnostic.hpp"
#include "parser/load_options.hpp"
#include "parser/source_file.hpp"

namespace schemerge::parser::postgres {

// Interprets PostgreSQL DDL: the files' statements are applied in order to an
// empty schema (a DDL interpreter), so pg_dump output and migration histories
// build the same model. Returns the model, or the first error with its location.
[[nodiscard]] std::expected<LoadResult, model::Error> load(const std::vector<SourceFile>& files,
                                                           const LoadOptions& options = {});

}  // namespace schemerge::parser::postgres
