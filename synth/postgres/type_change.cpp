#include "synth/postgres/type_change.hpp"

#include <array>
#include <charconv>
#include <optional>
#include <string_view>

#include "synth/postgres/sql_format.hpp"

namespace schemerge::synth::postgres {

namespace {

std::optional<long> modifier(const model::TypeRef& type, std::size_t index) {
    if (index >= type.modifiers.size()) {
        return std::nullopt;
    }
    long value = 0;
    const std::string& text = type.modifiers[index];
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

bool builtin(const model::TypeRef& type, std::string_view name) {
    return type.name.schema.empty() && type.name.name == name;
}

int integer_width(const model::TypeRef& type) {
    if (!type.name.schema.empty()) {
        return 0;
    }
    if (type.name.name == "smallint") {
        return 2;
    }
    if (type.name.name == "integer") {
        return 4;
    }
    if (type.name.name == "bigint") {
        return 8;
    }
    return 0;
}

bool is_string(const model::TypeRef& type) {
    return builtin(type, "text") || builtin(type, "character varying") || builtin(type, "character");
}

// Length bound of a string type; nothing for text and unbounded varchar.
std::optional<long> string_bound(const model::TypeRef& type) {
    if (builtin(type, "text")) {
        return std::nullopt;
    }
    if (builtin(type, "character")) {
        return modifier(type, 0).value_or(1);  // character without length is character(1)
    }
    return modifier(type, 0);
}

TypeChangeImpact lossy(std::string reason, bool rewrite = true) { return {true, rewrite, std::move(reason)}; }
TypeChangeImpact lossless(bool rewrite) { return {false, rewrite, {}}; }

}  // namespace

TypeChangeImpact classify_type_change(const model::TypeRef& from, const model::TypeRef& to) {
    std::string from_text = format_type(from);
    std::string to_text = format_type(to);
    if (from.array_dims != to.array_dims) {
        return lossy("converting " + from_text + " to " + to_text + " fails for values that do not convert");
    }
    if (is_string(from) && is_string(to)) {
        auto old_bound = string_bound(from);
        auto new_bound = string_bound(to);
        bool narrower = new_bound && (!old_bound || *new_bound < *old_bound);
        // varchar(n) -> varchar(m >= n) / text is binary coercible; character pads.
        bool rewrite = builtin(from, "character") || builtin(to, "character") || narrower;
        if (narrower) {
            return lossy("values longer than " + std::to_string(*new_bound) + " characters make " + to_text +
                             " fail",
                         rewrite);
        }
        return lossless(rewrite);
    }
    if (from.name == to.name) {
        if (builtin(from, "numeric")) {
            auto p1 = modifier(from, 0);
            auto p2 = modifier(to, 0);
            if (!p2) {
                return lossless(false);
            }
            if (!p1) {
                return lossy("unconstrained numeric values round or overflow in " + to_text);
            }
            long s1 = modifier(from, 1).value_or(0);
            long s2 = modifier(to, 1).value_or(0);
            if (s2 < s1 || (*p2 - s2) < (*p1 - s1)) {
                return lossy("values round or overflow in " + to_text);
            }
            return lossless(s2 != s1);
        }
        if (builtin(from, "bit varying")) {
            auto n1 = modifier(from, 0);
            auto n2 = modifier(to, 0);
            if (n2 && (!n1 || *n2 < *n1)) {
                return lossy("longer bit strings make " + to_text + " fail");
            }
            return lossless(false);
        }
        // Fractional-second precision (timestamp(3), time(0), interval(2)).
        auto m1 = modifier(from, 0);
        auto m2 = modifier(to, 0);
        if (m2 && (!m1 || *m2 < *m1)) {
            return lossy("values are rounded to " + to_text);
        }
        return lossless(false);
    }
    int w1 = integer_width(from);
    int w2 = integer_width(to);
    if (w1 != 0 && w2 != 0) {
        if (w2 < w1) {
            return lossy("values outside the range of " + to_text + " make the conversion fail");
        }
        return lossless(true);
    }
    if (w1 != 0 && builtin(to, "numeric")) {
        auto p2 = modifier(to, 0);
        if (p2 && *p2 - modifier(to, 1).value_or(0) < (w1 == 2 ? 5 : w1 == 4 ? 10 : 19)) {
            return lossy("integers with more digits than " + to_text + " allows make the conversion fail");
        }
        return lossless(true);
    }
    if (builtin(from, "real") && builtin(to, "double precision")) {
        return lossless(true);
    }
    if ((builtin(from, "smallint") && (builtin(to, "real") || builtin(to, "double precision"))) ||
        (builtin(from, "integer") && builtin(to, "double precision"))) {
        return lossless(true);
    }
    if (builtin(from, "date") &&
        (builtin(to, "timestamp without time zone") || builtin(to, "timestamp with time zone"))) {
        return lossless(true);
    }
    if ((builtin(from, "timestamp without time zone") && builtin(to, "timestamp with time zone")) ||
        (builtin(from, "timestamp with time zone") && builtin(to, "timestamp without time zone"))) {
        return lossless(true);  // reinterpreted in the session time zone, but no value is lost
    }
    if (builtin(to, "text") || (builtin(to, "character varying") && !modifier(to, 0))) {
        return lossless(true);  // every value has a text form
    }
    return lossy("the type changes from " + from_text + " to " + to_text +
                 ": values that do not convert make the statement fail, others may change");
}

bool is_volatile_expression(const model::Expression& expression, const model::Schema& schema) {
    // Built-in volatile functions a default commonly calls.
    static constexpr std::array<std::string_view, 9> k_volatile = {
        "nextval(",       "random(",        "gen_random_uuid(", "uuid_generate_v1", "uuid_generate_v4",
        "clock_timestamp(", "timeofday(",    "setval(",          "txid_current("};
    for (auto name : k_volatile) {
        if (expression.text.find(name) != std::string::npos) {
            return true;
        }
    }
    for (const auto& function : expression.functions) {
        for (const auto& [id, routine] : schema.functions) {
            if (id.name == function && routine.volatility == model::Volatility::volatile_) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace schemerge::synth::postgres
