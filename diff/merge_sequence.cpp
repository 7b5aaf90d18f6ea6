// Sequences merge option by option: ALTER SEQUENCE sets each option on its own (INCREMENT
// BY on one side and CACHE on the other are independent changes), so each option is its
// own attribute, and only the same option changed differently is a conflict.
// https://www.postgresql.org/docs/15/sql-altersequence.html
#include <fmt/format.h>

#include "diff/merge_context.hpp"

namespace schemerge::diff::detail {

model::Sequence merge_sequence(MergeContext& ctx, const model::Sequence& b, const model::Sequence& o,
                               const model::Sequence& t) {
    const model::ObjectKey key = key_of(o);
    const auto& bl = b.meta.location;
    const auto& ol = o.meta.location;
    const auto& tl = t.meta.location;
    model::Sequence out = o;
    auto number = [](const char* what) {
        return [what](const std::optional<std::int64_t>& v) -> std::optional<std::string> {
            // Unset is the engine default: say so rather than print nothing.
            return v ? fmt::format("{} {}", what, *v) : fmt::format("{} (default)", what);
        };
    };
    auto& bo = b.options;
    auto& oo = o.options;
    auto& to = t.options;
    out.options.data_type = merge_attribute(ctx, key, "type", bo.data_type, oo.data_type, to.data_type, ol, tl, bl,
                                            [](const std::optional<model::TypeRef>& v) -> std::optional<std::string> {
                                                return "AS " + (v ? value_text(*v) : std::string("bigint"));
                                            });
    out.options.start = merge_attribute(ctx, key, "start", bo.start, oo.start, to.start, ol, tl, bl, number("START"));
    out.options.increment = merge_attribute(ctx, key, "increment", bo.increment, oo.increment, to.increment, ol, tl,
                                            bl, number("INCREMENT"));
    out.options.min_value = merge_attribute(ctx, key, "minvalue", bo.min_value, oo.min_value, to.min_value, ol, tl,
                                            bl, number("MINVALUE"));
    out.options.max_value = merge_attribute(ctx, key, "maxvalue", bo.max_value, oo.max_value, to.max_value, ol, tl,
                                            bl, number("MAXVALUE"));
    out.options.cache = merge_attribute(ctx, key, "cache", bo.cache, oo.cache, to.cache, ol, tl, bl, number("CACHE"));
    out.options.cycle = merge_attribute(ctx, key, "cycle", bo.cycle, oo.cycle, to.cycle, ol, tl, bl,
                                        [](bool v) -> std::optional<std::string> { return v ? "CYCLE" : "NO CYCLE"; });
    out.owned_by = merge_attribute(ctx, key, "owned by", b.owned_by, o.owned_by, t.owned_by, ol, tl, bl,
                                   [](const std::optional<model::SequenceOwner>& v) -> std::optional<std::string> {
                                       return "OWNED BY " + (v ? v->table.to_string() + "." + v->column : "NONE");
                                   });
    out.unlogged = merge_attribute(ctx, key, "persistence", b.unlogged, o.unlogged, t.unlogged, ol, tl, bl,
                                   [](bool v) -> std::optional<std::string> { return v ? "UNLOGGED" : "LOGGED"; });
    return out;
}

}  // namespace schemerge::diff::detail
