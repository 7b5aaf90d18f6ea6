#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/qualified_name.hpp"
#include "model/type_ref.hpp"

namespace schemerge::synth::postgres {

// PostgreSQL's quote_identifier(): the name is left bare only when it is made of
// lower-case letters, digits, '_' and '$' (not starting with a digit or '$') and is
// not a keyword other than an unreserved one; otherwise it is double-quoted with
// embedded quotes doubled. Keyword classes come from libpg_query's scanner.
[[nodiscard]] std::string quote_identifier(std::string_view name);

// "schema.name" with each part quoted as needed; a name without schema prints bare.
[[nodiscard]] std::string format_name(const model::QualifiedName& name);

// A type as PostgreSQL's format_type() prints it: "character varying(10)",
// "timestamp(3) with time zone", "interval year to month", "public.mood[]".
[[nodiscard]] std::string format_type(const model::TypeRef& type);

// A string literal with standard_conforming_strings on: 'it''s'.
[[nodiscard]] std::string quote_literal(std::string_view text);

// A dollar-quoted literal whose tag does not occur in the text ($$, $_$, $__$ ...),
// as pg_dump writes function bodies.
[[nodiscard]] std::string dollar_quote(std::string_view text);

// "(a, b)" list of quoted identifiers.
[[nodiscard]] std::string format_identifier_list(const std::vector<std::string>& names);

// Storage-parameter style option list without parentheses: "fillfactor=70, autovacuum_enabled=false".
// Values that are not plain words or numbers are quoted.
[[nodiscard]] std::string format_reloptions(const std::vector<std::pair<std::string, std::string>>& options);

}  // namespace schemerge::synth::postgres
