#include "cli/rename_option.hpp"

#include <optional>
#include <vector>

namespace schemerge::cli {

namespace {

// Splits a dotted SQL name into identifiers: unquoted parts fold as the dialect folds
// them, quoted parts keep their case and may contain dots (a doubled closing quote is a
// literal one). nullopt for an empty part or an unterminated quote.
std::optional<std::vector<std::string>> split_identifiers(std::string_view text, const model::DialectTraits& dialect) {
    const char open = dialect.quote_open.size() == 1 ? dialect.quote_open[0] : '"';
    const char close = dialect.quote_close.size() == 1 ? dialect.quote_close[0] : '"';
    std::vector<std::string> parts;
    std::string current;
    bool quoted_part = false;
    std::size_t i = 0;
    while (i <= text.size()) {
        if (i == text.size() || text[i] == '.') {
            if (current.empty() && !quoted_part) {
                return std::nullopt;
            }
            parts.push_back(std::move(current));
            current.clear();
            quoted_part = false;
            ++i;
            continue;
        }
        if (text[i] == open) {
            if (!current.empty() || quoted_part) {
                return std::nullopt;  // a quote in the middle of a part
            }
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == close) {
                    if (i + 1 < text.size() && text[i + 1] == close) {
                        current += close;
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                current += text[i++];
            }
            if (!closed || current.empty() || (i < text.size() && text[i] != '.')) {
                return std::nullopt;
            }
            quoted_part = true;
            continue;
        }
        char c = text[i++];
        if (c == ' ' || c == '\t' || c == '=' || c == ':') {
            return std::nullopt;
        }
        current += c;
        // Fold the unquoted part when it ends.
        if (i == text.size() || text[i] == '.') {
            current = dialect.fold_identifier(current);
        }
    }
    return parts;
}

std::optional<model::ObjectKind> rename_kind(std::string_view kind) {
    if (kind == "table") {
        return model::ObjectKind::table;
    }
    if (kind == "column") {
        return model::ObjectKind::column;
    }
    if (kind == "index") {
        return model::ObjectKind::index;
    }
    if (kind == "view") {
        return model::ObjectKind::view;
    }
    if (kind == "sequence") {
        return model::ObjectKind::sequence;
    }
    if (kind == "type") {
        return model::ObjectKind::type;
    }
    if (kind == "constraint") {
        return model::ObjectKind::constraint;
    }
    return std::nullopt;
}

}  // namespace

std::expected<diff::RenameHint, std::string> parse_rename(std::string_view value, const model::DialectTraits& dialect) {
    const std::string shown = "'" + std::string(value) + "'";
    const std::string default_schema(dialect.default_schema);
    const std::string example = "table:" + (default_schema.empty() ? "" : default_schema + ".") + "old=new";
    auto colon = value.find(':');
    if (colon == std::string_view::npos) {
        return std::unexpected("invalid --rename " + shown + ": expected KIND:OLD=NEW, e.g. " + example);
    }
    auto kind = rename_kind(value.substr(0, colon));
    if (!kind) {
        return std::unexpected("invalid --rename " + shown + ": unknown kind '" + std::string(value.substr(0, colon)) +
                               "' (expected table, column, index, view, sequence, type or constraint)");
    }
    std::string_view rest = value.substr(colon + 1);
    // The last '=' outside quotes separates OLD from NEW.
    std::size_t eq = std::string_view::npos;
    bool in_quotes = false;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (in_quotes ? rest[i] == dialect.quote_close.front() : rest[i] == dialect.quote_open.front()) {
            in_quotes = !in_quotes;
        } else if (rest[i] == '=' && !in_quotes) {
            eq = i;
        }
    }
    if (eq == std::string_view::npos) {
        return std::unexpected("invalid --rename " + shown + ": expected KIND:OLD=NEW (no '=')");
    }
    auto old_parts = split_identifiers(rest.substr(0, eq), dialect);
    auto new_parts = split_identifiers(rest.substr(eq + 1), dialect);
    if (!old_parts) {
        return std::unexpected("invalid --rename " + shown + ": malformed old name '" +
                               std::string(rest.substr(0, eq)) + "'");
    }
    if (!new_parts || new_parts->size() != 1) {
        return std::unexpected("invalid --rename " + shown + ": the new name must be one bare identifier, got '" +
                               std::string(rest.substr(eq + 1)) + "'");
    }
    diff::RenameHint hint;
    hint.kind = *kind;
    hint.to = new_parts->front();
    const bool table_scoped = *kind == model::ObjectKind::column || *kind == model::ObjectKind::constraint;
    const auto& parts = *old_parts;
    if (table_scoped) {
        if (parts.size() < 2 || parts.size() > 3) {
            return std::unexpected("invalid --rename " + shown + ": expected " +
                                   std::string(value.substr(0, colon)) + ":[schema.]table.old=new");
        }
        hint.table.schema = parts.size() == 3 ? parts[0] : default_schema;
        hint.table.name = parts[parts.size() - 2];
        hint.schema = hint.table.schema;
    } else {
        if (parts.size() > 2) {
            return std::unexpected("invalid --rename " + shown + ": expected " +
                                   std::string(value.substr(0, colon)) + ":[schema.]old=new");
        }
        hint.schema = parts.size() == 2 ? parts[0] : default_schema;
    }
    hint.from = parts.back();
    if (hint.from == hint.to) {
        return std::unexpected("invalid --rename " + shown + ": old and new names are the same");
    }
    return hint;
}

}  // namespace schemerge::cli
