#pragma once
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "cli/dialect.hpp"
#include "synth/plan.hpp"

namespace schemerge::cli {

// The dialect a command uses when neither --dialect nor [schema] dialect names one.
inline constexpr std::string_view k_default_dialect = "postgresql";

// The registered dialects, one row each (dialect_registry.cpp), in the order messages
// list them.
[[nodiscard]] const std::vector<const Dialect*>& dialects();

// The dialect called `name`: its registry name or one of its aliases, compared ignoring
// case. Otherwise a one-line message naming the known dialects:
//   unknown dialect 'oracle' (known dialects: postgresql (also postgres, pg))
[[nodiscard]] std::expected<const Dialect*, std::string> find_dialect(std::string_view name);

// "postgresql (also postgres, pg), ..." for messages.
[[nodiscard]] std::string known_dialects_text();

[[nodiscard]] const Dialect& default_dialect();

// Adds a row at run time (tests register a toy dialect this way; the built-in rows are
// listed in dialect_registry.cpp). The dialect must outlive its use; its name and aliases
// must be new. Returns false (and adds nothing) when a name is taken.
bool register_dialect(const Dialect& dialect);
// Removes a row added by register_dialect.
void unregister_dialect(const Dialect& dialect);

// Every hazard id reports, SARIF rules and [check] fail_on know: the neutral ones plus
// every registered dialect's, in report order (synth::hazard::catalog).
[[nodiscard]] std::vector<synth::hazard::Description> hazard_catalog();

}  // namespace schemerge::cli
