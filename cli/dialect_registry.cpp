#include "cli/dialect_registry.hpp"

#include <algorithm>
#include <stdexcept>

#include "cli/mysql/dialect.hpp"
#include "cli/postgres/dialect.hpp"

namespace schemerge::cli {

namespace {

// The registry: one row per dialect. A new dialect adds its folder cli/<dialect>/ (its
// row built in dialect.cpp there) and one line here.
std::vector<const Dialect*>& rows() {
    static std::vector<const Dialect*> list{
        &postgres::dialect(),  // cli/postgres/dialect.cpp
        &mysql::dialect(),     // cli/mysql/dialect.cpp (alias mariadb)
    };
    return list;
}

bool same_name(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

bool answers_to(const Dialect& dialect, std::string_view name) {
    return same_name(dialect.name(), name) ||
           std::ranges::any_of(dialect.aliases, [&](std::string_view alias) { return same_name(alias, name); });
}

}  // namespace

std::expected<parser::LoadResult, model::Error> Dialect::load(const std::vector<parser::SourceFile>& files,
                                                              const parser::LoadOptions& options) const {
    if (load_one) {
        return load_one(files, options);
    }
    auto loaded = load_many({files}, options);
    if (!loaded) {
        return std::unexpected(std::move(loaded.error()));
    }
    return std::move(loaded->front());
}

const std::vector<const Dialect*>& dialects() { return rows(); }

std::string known_dialects_text() {
    std::string out;
    for (const Dialect* d : rows()) {
        out += out.empty() ? "" : ", ";
        out += d->name();
        if (!d->aliases.empty()) {
            out += " (also ";
            for (std::size_t i = 0; i < d->aliases.size(); ++i) {
                out += (i == 0 ? "" : ", ");
                out += d->aliases[i];
            }
            out += ")";
        }
    }
    return out;
}

std::expected<const Dialect*, std::string> find_dialect(std::string_view name) {
    for (const Dialect* d : rows()) {
        if (answers_to(*d, name)) {
            return d;
        }
    }
    return std::unexpected("unknown dialect '" + std::string(name) + "' (known dialects: " + known_dialects_text() +
                           ")");
}

const Dialect& default_dialect() {
    auto found = find_dialect(k_default_dialect);
    if (!found) {
        throw std::logic_error("the default dialect is not registered");
    }
    return **found;
}

bool register_dialect(const Dialect& dialect) {
    const bool taken = std::ranges::any_of(rows(), [&](const Dialect* d) {
        return answers_to(*d, dialect.name()) ||
               std::ranges::any_of(dialect.aliases, [&](std::string_view alias) { return answers_to(*d, alias); });
    });
    if (taken) {
        return false;
    }
    rows().push_back(&dialect);
    return true;
}

void unregister_dialect(const Dialect& dialect) { std::erase(rows(), &dialect); }

std::vector<synth::hazard::Description> hazard_catalog() {
    std::vector<synth::hazard::Description> all;
    for (const Dialect* d : rows()) {
        all.insert(all.end(), d->hazards.begin(), d->hazards.end());
    }
    return synth::hazard::catalog(all);
}

}  // namespace schemerge::cli
