#include "model/dialect_traits.hpp"

#include <algorithm>
#include <stdexcept>

namespace schemerge::model {

// ---------------------------------------------------------------------------------------
// AttributeSet

namespace {

bool def_less(const AttributeDef* a, const AttributeDef* b) {
    if (a->order != b->order) {
        return a->order < b->order;
    }
    return a->name < b->name;
}

bool is_empty_value(const AttributeValue& value) {
    return std::visit(
        [](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) {
                return !v;
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return false;  // 0 is a value
            } else {
                return v.empty();
            }
        },
        value);
}

}  // namespace

const AttributeValue* AttributeSet::find(const AttributeDef& def) const {
    for (const auto& e : entries_) {
        if (e.def == &def) {
            return &e.value;
        }
    }
    return nullptr;
}

bool AttributeSet::flag(const AttributeDef& def) const {
    const auto* v = find(def);
    return v != nullptr && std::get<bool>(*v);
}

std::optional<std::int64_t> AttributeSet::integer(const AttributeDef& def) const {
    const auto* v = find(def);
    if (v == nullptr) {
        return std::nullopt;
    }
    return std::get<std::int64_t>(*v);
}

const std::string& AttributeSet::text(const AttributeDef& def) const {
    static const std::string k_empty;
    const auto* v = find(def);
    return v == nullptr ? k_empty : std::get<std::string>(*v);
}

const AttributeOptions& AttributeSet::options(const AttributeDef& def) const {
    static const AttributeOptions k_empty;
    const auto* v = find(def);
    return v == nullptr ? k_empty : std::get<AttributeOptions>(*v);
}

void AttributeSet::set(const AttributeDef& def, AttributeValue value) {
    if (value.index() != static_cast<std::size_t>(def.type)) {
        throw std::logic_error("attribute '" + std::string(def.name) + "' set with a value of the wrong type");
    }
    if (is_empty_value(value)) {
        erase(def);
        return;
    }
    auto it = std::lower_bound(entries_.begin(), entries_.end(), &def,
                               [](const Entry& e, const AttributeDef* d) { return def_less(e.def, d); });
    if (it != entries_.end() && it->def == &def) {
        it->value = std::move(value);
        return;
    }
    entries_.insert(it, Entry{&def, std::move(value)});
}

void AttributeSet::erase(const AttributeDef& def) {
    std::erase_if(entries_, [&](const Entry& e) { return e.def == &def; });
}

void AttributeSet::rename_index(const std::string& from, const std::string& to) {
    for (auto& e : entries_) {
        if (e.def->rename_index != nullptr && e.def->type == AttributeType::text) {
            auto& value = std::get<std::string>(e.value);
            value = e.def->rename_index(value, from, to);
        }
    }
}

bool AttributeSet::differs(const AttributeSet& other, AttributeDiff diff) const {
    auto differs_in = [&](const AttributeSet& a, const AttributeSet& b) {
        for (const auto& e : a.entries_) {
            if (e.def->compared && e.def->diff == diff) {
                const AttributeValue* v = b.find(*e.def);
                if (v == nullptr || !(*v == e.value)) {
                    return true;
                }
            }
        }
        return false;
    };
    return differs_in(*this, other) || differs_in(other, *this);
}

bool AttributeSet::operator==(const AttributeSet& other) const {
    auto a = entries_.begin();
    auto b = other.entries_.begin();
    auto skip = [](auto& it, auto end) {
        while (it != end && !it->def->compared) {
            ++it;
        }
    };
    for (;;) {
        skip(a, entries_.end());
        skip(b, other.entries_.end());
        if (a == entries_.end() || b == other.entries_.end()) {
            return a == entries_.end() && b == other.entries_.end();
        }
        if (!(*a == *b)) {
            return false;
        }
        ++a;
        ++b;
    }
}

std::string attribute_text(const AttributeValue& value) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, bool>) {
                return v ? "true" : "false";
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return std::to_string(v);
            } else if constexpr (std::is_same_v<T, std::string>) {
                return v;
            } else {
                std::string out;
                for (const auto& [name, val] : v) {
                    if (!out.empty()) {
                        out += ", ";
                    }
                    out += name + "=" + val;
                }
                return out;
            }
        },
        value);
}

// ---------------------------------------------------------------------------------------
// DialectTraits

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

std::string DialectTraits::quote_identifier(std::string_view name) const {
    if (quote != nullptr) {
        return quote(name);
    }
    std::string out(quote_open);
    for (char c : name) {
        // A closing quote inside the name is doubled (the SQL standard's escape; MySQL's
        // backquote and SQL Server's bracket work the same way).
        if (quote_close.size() == 1 && c == quote_close[0]) {
            out += c;
        }
        out += c;
    }
    out += quote_close;
    return out;
}

std::string DialectTraits::quote_qualified(std::string_view schema, std::string_view name) const {
    if (schema.empty()) {
        return quote_identifier(name);
    }
    return quote_identifier(schema) + "." + quote_identifier(name);
}

bool DialectTraits::is_builtin_schema(std::string_view schema) const {
    return std::find(builtin_schemas.begin(), builtin_schemas.end(), schema) != builtin_schemas.end();
}

std::string DialectTraits::schema_or_default(std::string_view schema) const {
    return std::string(schema.empty() ? default_schema : schema);
}

std::string DialectTraits::fold_identifier(std::string_view typed) const {
    if (typed.size() >= 2 && typed.substr(0, quote_open.size()) == quote_open &&
        typed.substr(typed.size() - quote_close.size()) == quote_close) {
        return std::string(typed.substr(quote_open.size(), typed.size() - quote_open.size() - quote_close.size()));
    }
    std::string out(typed);
    switch (identifier_case) {
        case IdentifierCase::fold_lower: std::transform(out.begin(), out.end(), out.begin(), lower); break;
        case IdentifierCase::fold_upper: std::transform(out.begin(), out.end(), out.begin(), upper); break;
        case IdentifierCase::insensitive: break;
    }
    return out;
}

bool DialectTraits::names_equal(std::string_view a, std::string_view b) const {
    if (identifier_case != IdentifierCase::insensitive) {
        return a == b;
    }
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

bool DialectTraits::is_always_installed(std::string_view extension) const {
    return std::find(always_installed_extensions.begin(), always_installed_extensions.end(), extension) !=
           always_installed_extensions.end();
}

Acl DialectTraits::default_acl(ObjectKind kind, std::string_view name) const {
    Acl acl;
    acl.tracked = true;
    for (const auto& d : default_privileges) {
        if (d.kind == kind && (d.name.empty() || d.name == name)) {
            acl.entries.emplace(AclKey{std::string(d.grantee), "", std::string(d.privilege)}, false);
        }
    }
    return acl;
}

Acl DialectTraits::effective_acl(const Acl& acl, ObjectKind kind, std::string_view name) const {
    return acl.tracked ? acl : default_acl(kind, name);
}

const DialectTraits& DialectTraits::neutral() {
    static const DialectTraits traits = [] {
        DialectTraits t;
        t.name = "neutral";
        t.display_name = "";
        t.identifier_case = IdentifierCase::fold_lower;
        return t;
    }();
    return traits;
}

}  // namespace schemerge::model
